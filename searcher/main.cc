// main.cc — newssearch: parse options, search or show, map errors to exit codes.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <stdexcept>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "database_location.h"
#include "printers/printer.h"
#include "search.h"
#include "store.h"

namespace po = boost::program_options;
using namespace newsarchive;

namespace {

// Exit codes, documented in docs/usage.md.
constexpr int kExitMatch = 0;
constexpr int kExitNoMatch = 1;
constexpr int kExitError = 2;

constexpr const char* kUsage = R"(Usage: newssearch [options] QUERY...
       newssearch [options] --show ID

Search a news index built by newsindex. QUERY words are joined with spaces
and read with Xapian's query syntax:
  words                 all must match (--any: at least one)
  "exact phrase"        quote the quotes from the shell: '"state security"'
  AND OR NOT XOR ( )    boolean logic (operators in capitals)
  +word -word           must / must not contain
  title:word author:word source:word
                        search one field
  date:2021-07-01..2021-07-31
                        date range (either end may be left open)
  cyber*                words starting with "cyber"
Put the query in one argument ('china -blinken') or after -- when a word
starts with "-".

Exit status: 0 something matched, 1 nothing matched, 2 error.

Options)";

struct SearchOptions {
    std::string database;
    SearchRequest request;
    OutputFormat format = OutputFormat::text;
    bool highlight = false;
    std::string show_id;
};

std::optional<Date> parse_date_option(const po::variables_map& vm, const char* name) {
    if (!vm.count(name)) return std::nullopt;
    const auto& text = vm[name].as<std::string>();
    auto date = parse_date(text);
    if (!date) throw std::invalid_argument(std::string("--") + name + " needs a date like 2021-07-19, got '" + text + "'");
    return date;
}

bool use_highlight(const std::string& color) {
    if (color == "always") return true;
    if (color == "never") return false;
    if (color != "auto") throw std::invalid_argument("--color must be auto, always or never");
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

// Returns nullopt when --help or --version was answered.
std::optional<SearchOptions> parse_options(int argc, char** argv) {
    SearchOptions options;
    std::string db, format, color;
    std::vector<std::string> words;

    po::options_description visible(kUsage);
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&db), "index directory (default: $NEWS_DB, else ./news-index)")
        ("limit,n", po::value(&options.request.limit)->default_value(10), "results to show")
        ("offset", po::value(&options.request.offset)->default_value(0), "results to skip (for paging)")
        ("any", po::bool_switch(&options.request.query.match_any), "match articles with any of the words")
        ("since", po::value<std::string>(), "only articles dated on or after DATE")
        ("until", po::value<std::string>(), "only articles dated on or before DATE")
        ("format", po::value(&format)->default_value("text"), "text, json or jsonl (see docs/output.md)")
        ("color", po::value(&color)->default_value("auto"), "highlight matches: auto (terminal, unless NO_COLOR), "
                                                           "always or never")
        ("show", po::value(&options.show_id), "print the stored article ID exactly as indexed");
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words)->composing());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << visible << '\n';
        return std::nullopt;
    }
    if (vm.count("version")) {
        std::cout << "newssearch " << NEWSARCHIVE_VERSION << " (Xapian " << Xapian::version_string() << ")\n";
        return std::nullopt;
    }
    for (const auto& word : words) options.request.query.text += (options.request.query.text.empty() ? "" : " ") + word;
    options.request.query.since = parse_date_option(vm, "since");
    options.request.query.until = parse_date_option(vm, "until");
    auto output_format = parse_output_format(format);
    if (!output_format) throw std::invalid_argument("unknown --format '" + format + "' (text, json, jsonl)");
    options.format = *output_format;
    options.highlight = options.format == OutputFormat::text && use_highlight(color);
    if (options.show_id.empty() && options.request.query.text.empty() && !options.request.query.since &&
        !options.request.query.until)
        throw std::invalid_argument("no QUERY given (try --help)");
    options.database = database_location(db);
    return options;
}

int run(const SearchOptions& options) {
    Searcher searcher(options.database);
    if (!options.show_id.empty()) {
        auto article = searcher.fetch(options.show_id);
        if (!article) {
            std::cerr << "newssearch: no article with id '" << options.show_id << "'\n";
            return kExitNoMatch;
        }
        std::cout << article->text << std::flush;
        return kExitMatch;
    }
    SearchResult result = searcher.search(options.request);
    auto printer = make_printer(options.format, std::cout, options.highlight);
    print_result(*printer, result);
    return result.total ? kExitMatch : kExitNoMatch;
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    try {
        auto options = parse_options(argc, argv);
        return options ? run(*options) : kExitMatch;
    } catch (const po::error& e) {
        std::cerr << "newssearch: " << e.what() << " (try --help)\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "newssearch: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "newssearch: " << e.what() << '\n';
    }
    return kExitError;
}
