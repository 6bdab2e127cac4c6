// test_interactive_options.cc — `newssearch -i` reads its command line like the
// one-shot search does. (The prompt itself, in a terminal: test_interactive.sh.)
#include <doctest/doctest.h>

#include <regex>

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

namespace {

// One search's answer in the text output: its summary line and hit ids.
struct Answer {
    std::string summary;
    std::vector<std::string> ids;
};

// The answers of an interactive session's text output, in order. Each starts
// at a summary line ("N articles match...", "No more results..."); a hit's id
// ends the line after its "RANK. title" line.
std::vector<Answer> answers_of(const std::string& out) {
    std::vector<Answer> answers;
    auto lines = lines_of(out);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto& line = lines[i];
        if (std::regex_search(line, std::regex("^((About )?[0-9]+ articles? match|No articles match|No more results)")))
            answers.push_back({line, {}});
        else if (!answers.empty() && !line.empty() && std::isdigit(static_cast<unsigned char>(line[0])) &&
                 line.find(". ") != std::string::npos && i + 1 < lines.size()) {
            const auto& meta = lines[i + 1];
            auto separator = meta.rfind(" · ");
            answers.back().ids.push_back(separator == std::string::npos ? meta.substr(3) : meta.substr(separator + 4));
        }
    }
    return answers;
}

}  // namespace

TEST_CASE("interactive: every command over a pipe matches the one-shot search it stands for") {
    const auto& db = dumps_search_index();
    const std::string query = "china OR covid OR health";
    auto session = run(newssearch(), {"--db", db, "-i", "-n", "5"},
                       query + "\n:sort oldest\n:since 2020-01-01\n:until 2021-12-31\n:source scmp.com\n:source\n"
                               ":timeline year\n:similar 1\n:more\n:bogus\n:sort sideways\n:show " + kHealthSuit +
                               "\n:quit\n" + query + "\n",
                       {{"COLUMNS", "1000"}});  // one line per title
    INFO("stdout: " << session.out);
    INFO("stderr: " << session.err);
    CHECK(session.exit_code == 0);
    auto answers = answers_of(session.out);
    // The query, :sort, :since, :until, :source, :source (cleared), :timeline,
    // :similar, :more; nothing after :quit.
    REQUIRE(answers.size() == 9);
    auto expected = [&](std::vector<std::string> options) {
        options.insert(options.end(), {"-n", "5"});
        return ids(search_json(db, options));
    };
    CHECK(answers[0].ids == expected({query}));
    CHECK(answers[1].ids == expected({"--sort", "oldest", query}));
    CHECK(answers[2].ids == expected({"--sort", "oldest", "--since", "2020-01-01", query}));
    CHECK(answers[3].ids == expected({"--sort", "oldest", "--since", "2020-01-01", "--until", "2021-12-31", query}));
    CHECK(answers[4].ids == expected({"--sort", "oldest", "--since", "2020-01-01", "--until", "2021-12-31", "--source",
                                      "scmp.com", query}));
    CHECK(answers[5].ids == answers[3].ids);
    CHECK(answers[6].ids.empty());  // the chart: no hits
    // The chart's rows equal the one-shot --timeline's counts.
    nlohmann::json chart = nlohmann::json::array();
    auto chart_lines = lines_of(session.out.substr(session.out.find("Matches per year:\n")));
    for (std::size_t i = 1; i < chart_lines.size() && chart_lines[i].starts_with("  "); ++i) {
        std::istringstream row(chart_lines[i]);
        std::string period;
        std::uint64_t count = 0;
        row >> period >> count;
        chart.push_back({{"period", period}, {"count", count}});
    }
    CHECK(chart == search_json(db, {"--timeline", "year", "--since", "2020-01-01", "--until", "2021-12-31", query})["timeline"]);
    REQUIRE_FALSE(answers[5].ids.empty());
    CHECK(answers[7].ids == expected({"--sort", "oldest", "--since", "2020-01-01", "--until", "2021-12-31",
                                      "--similar", answers[5].ids.front()}));
    CHECK(answers[8].summary.starts_with("No more results"));  // :more after a one-hit page
    CHECK(session.err.find("error: unknown command :bogus") != std::string::npos);
    CHECK(session.err.find("error: :sort must be relevance") != std::string::npos);
    CHECK(session.out.find(run(newssearch(), {"--db", db, "--show", kHealthSuit}).out) != std::string::npos);
}
