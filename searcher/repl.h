// repl.h — `newssearch -i`: an interactive prompt over the same search.
//
// Each line is a query or a ":command" (":help" lists them). A line only
// changes a SearchRequest; the search is the CLI's Searcher::search and the
// output the CLI's text printer. Line editing and persistent history come from
// libedit.
#pragma once

#include <optional>
#include <string>

#include "printers/printer.h"
#include "request.h"
#include "search.h"

namespace newsarchive {

struct InteractiveOptions {
    std::string database;
    SearchRequest request;  // the command line's search options; query words run first
    PrinterOptions printer;
};

// The options of an interactive session when the command line asks for one:
// -i/--interactive, or nothing to search for (no query, --similar or filter)
// while standard input and output are terminals. nullopt otherwise (the one-shot command line then handles argv).
// Throws boost::program_options::error and RequestError only when -i is given.
std::optional<InteractiveOptions> interactive_command_line(int argc, char** argv);

// Runs the prompt until :quit or end of input (Ctrl-D). Returns the exit code.
int run_interactive(Searcher& searcher, InteractiveOptions options);

// The history file: $NEWSSEARCH_HISTORY, else $XDG_STATE_HOME/newsarchive/history,
// else ~/.local/state/newsarchive/history ("" when none can be named).
std::string interactive_history_path();

}  // namespace newsarchive
