// cli.cc — option declarations, help text and validation of newssearch.
#include "cli.h"

#include <cstdio>
#include <string>
#include <vector>

#include <xapian.h>

#include "database_location.h"
#include "terminal.h"

namespace po = boost::program_options;

namespace newsarchive {

namespace {

constexpr const char* kUsage = R"(Usage: newssearch [options] QUERY...
       newssearch [options] --similar ID
       newssearch [options] --show ID
       newssearch [options] --batch < REQUESTS
       newssearch [options] [-i]      (interactive; the default on a terminal
                                       when there is nothing to search for)

Search a news index built by newsindex. QUERY words are joined with spaces
and read with Xapian's query syntax:
  words                 all must match; at least one for 4 words or more,
                        or when no article has all (see --match)
  "exact phrase"        quote the quotes from the shell: '"state security"'
  AND OR NOT XOR ( )    boolean logic (operators in capitals)
  +word -word           must / must not contain
  title:word author:word source:word
                        search one field
  date:2021-07-01..2021-07-31
                        date range (either end may be left open)
  cyber*                words starting with "cyber"
Put the query in one argument ('china -blinken') or after -- when a word
starts with "-". A filter alone (--since, --source, ...) needs no QUERY.
When few articles match a misspelt query, a correction is offered
("Did you mean", or "suggestion" in JSON).

Output formats (--format):
  text    for people: titles, snippets; --timeline and --facets as bar charts
  json    one JSON object per search (docs/output.md)
  jsonl   one JSON object per hit
  ids     one article id per line
  tsv     a header line, then rank, score, date, source, id, title per hit
  trec    TREC run lines "QID Q0 DOCNO RANK SCORE TAG" (see --qid, --tag)
--count prints the bare number (json, jsonl: {"query", "total"}).

Batch mode (--batch) reads one request per line from standard input and
answers each at once with one line of JSON, or an {"error", "line"} object,
so that a script can keep one newssearch open. A line is a query, or a JSON
object of options: {"query", "id", "limit", "offset", "sort", "since",
"until", "source", "author", "match", "any", "stopwords", "bm25_k1",
"bm25_b", "similar", "count", "timeline", "facets"}; "id" is echoed back. With --format trec each answer is its run
lines (QID: the "id", else the line number), then "# end QID"; an error is
one line "# error line N: MESSAGE". The index is reopened for every request.

Exit status: 0 something matched, 1 nothing matched, 2 error; --batch: 0 at
the end of its input, 2 when it cannot start or read it.

Options)";

// A whitespace-free TREC field.
std::string trec_token(const std::string& value, const char* option) {
    if (value.empty() || value.find_first_of(" \t\r\n") != std::string::npos)
        throw RequestError(std::string(option) + " must be one word, got '" + value + "'");
    return value;
}

// A default as --help shows it: 2, 0.75 (Boost would print 2.0000000000000000).
std::string shortest(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

}  // namespace

po::options_description RequestOptions::description() {
    po::options_description options("Search options");
    options.add_options()
        ("limit,n", po::value<std::uint64_t>()->default_value(10), "results to show")
        ("offset", po::value<std::uint64_t>()->default_value(0), "results to skip (for paging)")
        ("match", po::value<std::string>()->default_value("auto"),
         "how words without an operator combine: all (AND), any (OR), or auto: "
         "any for 4 or more words (not counting stop words), else all, and any when all finds nothing")
        ("any", po::bool_switch(), "the same as --match any")
        ("stopwords", po::value<std::string>(),
         "words left out of queries (never of phrases): english, none or a FILE of words "
         "(default: english for an English index, else none)")
        ("bm25-k1", po::value<double>()->default_value(Bm25Parameters{}.k1, shortest(Bm25Parameters{}.k1)),
         "BM25 k1: how quickly repeats of a word stop counting")
        ("bm25-b", po::value<double>()->default_value(Bm25Parameters{}.b, shortest(Bm25Parameters{}.b)),
         "BM25 b: how much longer articles are discounted (0 to 1)")
        ("sort", po::value<std::string>()->default_value("relevance"),
         "relevance, date (newest first) or oldest; undated articles come last")
        ("since", po::value<std::string>(), "only articles dated on or after DATE")
        ("until", po::value<std::string>(), "only articles dated on or before DATE")
        ("source", po::value<std::vector<std::string>>()->composing(),
         "only articles from source NAME, exactly but ignoring case (repeat for any of several)")
        ("author", po::value<std::vector<std::string>>()->composing(),
         "only articles by NAME: the words as a phrase in the author field (repeat for any of several)")
        ("similar", po::value<std::string>(), "articles most like the article ID (instead of a QUERY)")
        ("count", po::bool_switch(), "print only the exact number of matching articles")
        ("timeline", po::value<std::string>()->implicit_value("month"),
         "exact matches per year, month (the default) or day, as a chart")
        ("facets", po::value<std::vector<std::string>>()->composing(),
         "exact matches per value of source, author, year (comma-separated)")
        ("facet-limit", po::value<std::uint64_t>()->default_value(10), "values shown per facet (0: all)");
    return options;
}

std::vector<po::option> RequestOptions::timeline_parser(std::vector<std::string>& arguments) {
    if (arguments.empty() || arguments.front() != "--timeline") return {};
    po::option timeline;
    timeline.string_key = "timeline";
    timeline.original_tokens.push_back(arguments.front());
    arguments.erase(arguments.begin());
    std::string period = "month";
    for (Period known : {Period::year, Period::month, Period::day}) {
        if (!arguments.empty() && arguments.front() == name_of(known)) {
            period = arguments.front();
            timeline.original_tokens.push_back(period);
            arguments.erase(arguments.begin());
            break;
        }
    }
    timeline.value.push_back(period);
    return {timeline};
}

void RequestOptions::apply(const po::variables_map& vm, SearchRequest& request) {
    request.limit = vm["limit"].as<std::uint64_t>();
    request.offset = vm["offset"].as<std::uint64_t>();
    request.query.match = parse_match_mode(vm["match"].as<std::string>());
    if (vm["any"].as<bool>()) {
        if (!vm["match"].defaulted() && request.query.match != MatchMode::any)
            throw RequestError("--any is --match any: give one of them");
        request.query.match = MatchMode::any;
    }
    if (vm.count("stopwords")) request.query.stop_list = vm["stopwords"].as<std::string>();
    request.bm25.k1 = parse_bm25_k1(vm["bm25-k1"].as<double>());
    request.bm25.b = parse_bm25_b(vm["bm25-b"].as<double>());
    request.sort = parse_sort_order(vm["sort"].as<std::string>());
    if (vm.count("since")) request.query.since = parse_request_date(vm["since"].as<std::string>(), "--since");
    if (vm.count("until")) request.query.until = parse_request_date(vm["until"].as<std::string>(), "--until");
    if (vm.count("source")) request.query.sources = vm["source"].as<std::vector<std::string>>();
    if (vm.count("author")) request.query.authors = vm["author"].as<std::vector<std::string>>();
    if (vm.count("similar")) request.similar_to = vm["similar"].as<std::string>();
    request.count_only = vm["count"].as<bool>();
    if (vm.count("timeline")) request.timeline = parse_period(vm["timeline"].as<std::string>());
    if (vm.count("facets")) {
        std::string joined;
        for (const auto& list : vm["facets"].as<std::vector<std::string>>()) joined += (joined.empty() ? "" : ",") + list;
        request.facets = parse_facets(joined);
    }
    request.facet_limit = vm["facet-limit"].as<std::uint64_t>();
}

std::optional<CommandLine> parse_command_line(int argc, char** argv, std::ostream& out) {
    CommandLine command;
    std::string db, format, color, qid, tag;
    std::vector<std::string> words;

    po::options_description visible(kUsage);
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&db), "index directory (default: $NEWS_DB, else ./news-index)")
        ("show", po::value(&command.show_id), "print the stored article ID exactly as indexed")
        ("batch", po::bool_switch(), "answer requests read line by line from standard input (see above)")
        // Read by interactive_command_line (repl.h) before this parser runs;
        // declared here so that --help lists it.
        ("interactive,i", po::bool_switch(), "open the interactive prompt (:help there lists its commands)");
    po::options_description output("Output options");
    output.add_options()
        ("format", po::value(&format)->default_value("text"), "text, json, jsonl, ids, tsv or trec (see above; "
                                                              "--batch: json or trec)")
        ("color", po::value(&color)->default_value("auto"), "highlight matches: auto (terminal, unless NO_COLOR), "
                                                           "always or never")
        ("qid", po::value(&qid)->default_value("1"), "trec: the query id column")
        ("tag", po::value(&tag)->default_value("newsarchive"), "trec: the run tag column");
    visible.add(RequestOptions::description()).add(output);
    po::options_description hidden;
    hidden.add_options()("query", po::value(&words)->composing());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("query", -1);

    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv)
                  .options(all)
                  .positional(positional)
                  .extra_style_parser(&RequestOptions::timeline_parser)
                  .run(),
              vm);
    po::notify(vm);
    if (vm.count("help")) {
        out << visible << '\n';
        return std::nullopt;
    }
    if (vm.count("version")) {
        out << "newssearch " << NEWSARCHIVE_VERSION << " (Xapian " << Xapian::version_string() << ")\n";
        return std::nullopt;
    }

    SearchRequest& request = command.request;
    for (const auto& word : words) request.query.text += (request.query.text.empty() ? "" : " ") + word;
    RequestOptions::apply(vm, request);

    bool batch = vm["batch"].as<bool>();
    command.mode = batch ? Mode::batch : !command.show_id.empty() ? Mode::show : Mode::search;
    if (batch && !command.show_id.empty()) throw RequestError("--batch and --show cannot go together");
    if (batch && !request.query.text.empty())
        throw RequestError("--batch reads its queries from standard input: give no QUERY");
    if (batch && !vm["qid"].defaulted())
        throw RequestError("--batch takes each query's qid from its \"id\", else its line number: leave out --qid");

    auto output_format = parse_output_format(format);
    if (!output_format) throw RequestError("unknown --format '" + format + "' (text, json, jsonl, ids, tsv, trec)");
    command.format = *output_format;
    if (batch && vm["format"].defaulted()) command.format = OutputFormat::json;
    command.printer.highlight = command.format == OutputFormat::text && !batch && highlight_wanted(color);
    command.printer.width = output_columns();
    command.printer.trec_qid = trec_token(qid, "--qid");
    command.printer.trec_tag = trec_token(tag, "--tag");
    // Only the text format shows snippets, spelling suggestions and the
    // total; json and jsonl carry them; ids, tsv and trec have no room for
    // any, and ids and trec print nothing of an article but its id.
    bool full_result = command.format == OutputFormat::text || command.format == OutputFormat::json ||
                       command.format == OutputFormat::jsonl;
    request.snippets = full_result;
    request.suggestion = full_result;
    request.total = full_result;
    request.article_fields = command.format != OutputFormat::ids && command.format != OutputFormat::trec;

    if (command.mode == Mode::search) {
        if (request.empty()) throw RequestError("no QUERY given (try --help)");
        check_request_fits(request, command.format);
    }
    if (command.mode == Mode::batch && command.format != OutputFormat::json && command.format != OutputFormat::trec)
        throw RequestError("--batch answers in --format json or trec");
    command.database = database_location(db);
    return command;
}

}  // namespace newsarchive
