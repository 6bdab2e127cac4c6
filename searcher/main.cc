// main.cc — newssearch: options → request → run → exit code.
#include <iostream>
#include <utility>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "batch.h"
#include "cli.h"
#include "repl.h"
#include "search.h"

using namespace newsarchive;

namespace {

// Exit codes, documented in docs/usage.md.
constexpr int kExitMatch = 0;
constexpr int kExitNoMatch = 1;
constexpr int kExitError = 2;

int run(const CommandLine& command) {
    Searcher searcher(command.database);
    switch (command.mode) {
        case Mode::show: {
            auto article = searcher.fetch(command.show_id);
            if (!article) {
                std::cerr << "newssearch: no article with id '" << command.show_id << "'\n";
                return kExitNoMatch;
            }
            std::cout << article->text << std::flush;
            return kExitMatch;
        }
        case Mode::batch:
            if (run_batch(searcher, command.request, command.format, command.printer, std::cin, std::cout))
                return kExitMatch;
            std::cerr << "newssearch: cannot read standard input\n";
            return kExitError;
        case Mode::search: break;
    }
    SearchResult result = searcher.search(command.request);
    auto printer = make_printer(command.format, std::cout, command.printer);
    print_result(*printer, result);
    return result.total ? kExitMatch : kExitNoMatch;
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    try {
        // -i/--interactive, or no query on a terminal: the prompt (repl.h).
        if (auto interactive = interactive_command_line(argc, argv)) {
            Searcher searcher(interactive->database);
            return run_interactive(searcher, std::move(*interactive));
        }
        auto command = parse_command_line(argc, argv, std::cout);
        return command ? run(*command) : kExitMatch;
    } catch (const boost::program_options::error& e) {
        std::cerr << "newssearch: " << e.what() << " (try --help)\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "newssearch: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "newssearch: " << e.what() << '\n';
    }
    return kExitError;
}
