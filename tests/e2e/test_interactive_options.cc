// test_interactive_options.cc — `newssearch -i` reads its command line like the
// one-shot search does. (The prompt itself, in a terminal: test_interactive.sh.)
#include <doctest/doctest.h>

#include "search_fixtures.h"

using namespace e2e;

namespace {

// `newssearch --db DB -i ARGS...` answering ":quit" on a pipe.
ProcessResult interactive(const std::vector<std::string>& arguments) {
    std::vector<std::string> all{"--db", dumps_search_index(), "-i"};
    all.insert(all.end(), arguments.begin(), arguments.end());
    auto result = run(newssearch(), all, ":quit\n");
    INFO("stderr: " << result.err);
    CHECK(result.exit_code == 0);
    return result;
}

}  // namespace

TEST_CASE("interactive: --timeline takes the next word only when it is a period") {
    struct Case {
        std::vector<std::string> arguments;
        const char* heading;
    };
    for (const auto& [arguments, heading] : {Case{{"--timeline", "china"}, "Matches per month:"},
                                             Case{{"--timeline", "day", "china"}, "Matches per day:"},
                                             Case{{"china", "--timeline", "year"}, "Matches per year:"},
                                             Case{{"--timeline=day", "china"}, "Matches per day:"}}) {
        CAPTURE(arguments.front());
        CAPTURE(arguments.back());
        auto result = interactive(arguments);
        // The initial query is "china" (one article in the dumps), never a period.
        CHECK(result.out.find("1 article match") != std::string::npos);
        CHECK(result.out.find(heading) != std::string::npos);
    }
}
