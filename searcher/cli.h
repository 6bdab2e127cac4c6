// cli.h — newssearch's command line, read into a request and a run mode.
#pragma once

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>

#include "printers/printer.h"
#include "request.h"

namespace newsarchive {

// The options that make up one SearchRequest (query words aside): the one
// place they are declared and read, for the command line and for any front
// end that reads options per request (an interactive mode can parse a line
// of them with the same description).
class RequestOptions {
public:
    // --limit, --offset, --any, --since, --until, --source, --author, --sort,
    // --similar, --count, --timeline, --facets, --facet-limit.
    static boost::program_options::options_description description();
    // Fills `request` from what `vm` holds of description(); throws RequestError.
    static void apply(const boost::program_options::variables_map& vm, SearchRequest& request);
    // Every command-line parser of description() installs this with
    // extra_style_parser(): Boost hands an option with an implicit value the
    // next positional word, so "--timeline china" would ask for a "china"
    // timeline. This reads "--timeline" itself and takes the next word only
    // when it is a period.
    static std::vector<boost::program_options::option> timeline_parser(std::vector<std::string>& arguments);
};

enum class Mode { search, show, batch };

struct CommandLine {
    Mode mode = Mode::search;
    std::string database;
    std::string show_id;
    SearchRequest request;
    OutputFormat format = OutputFormat::text;
    PrinterOptions printer;
};

// Parses argv. Answers --help and --version on `out` and returns nullopt.
// Throws boost::program_options::error and std::invalid_argument (RequestError).
std::optional<CommandLine> parse_command_line(int argc, char** argv, std::ostream& out);

}  // namespace newsarchive
