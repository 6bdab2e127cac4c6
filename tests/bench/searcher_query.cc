// searcher_query.cc — bench-searcher-query: newssearch's search library in the same loop as the baseline.
//
// Searcher::search (searcher/search.h) per query with the defaults of a
// newssearch call (ten hits, snippets): the query builder, Enquire, decoding
// the stored articles and making snippets, without process start, option
// parsing or printing. Compared with bench-baseline-query it isolates what
// our search layer costs; compared with `newssearch --batch` it shows what
// the co-process loop and JSON output add. --match and --stopwords are
// newssearch's: run.sh gives all three the bare loop's query semantics
// (all words required, no stop words), so that each side runs the same
// searches. Prints one JSON line of latency percentiles (see latency.h).
#include <iostream>
#include <optional>
#include <string>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "latency.h"
#include "request.h"
#include "search.h"

namespace po = boost::program_options;

int main(int argc, char** argv) {
    try {
        std::string db, queries_file, match = "auto";
        std::optional<std::string> stopwords;
        int repeat = 5;
        po::options_description options(
            "Usage: bench-searcher-query --db DIR --queries FILE [--repeat N] [--match MODE] [--stopwords LIST]"
            "\n\nOptions");
        options.add_options()
            ("help,h", "show this help and exit")
            ("db", po::value(&db)->required(), "index directory")
            ("queries", po::value(&queries_file)->required(), "file of queries, one per line")
            ("repeat", po::value(&repeat)->default_value(repeat), "timed passes over the queries (after one untimed)")
            ("match", po::value(&match)->default_value(match), "as newssearch --match: all, any or auto")
            ("stopwords", po::value<std::string>(), "as newssearch --stopwords: english, none or a FILE");
        po::variables_map vm;
        po::store(po::parse_command_line(argc, argv, options), vm);
        if (vm.count("help")) {
            std::cout << options << '\n';
            return 0;
        }
        po::notify(vm);
        if (vm.count("stopwords")) stopwords = vm["stopwords"].as<std::string>();
        newsarchive::MatchMode match_mode = newsarchive::parse_match_mode(match);

        newsarchive::Searcher searcher(db);
        auto run_query = [&](const std::string& text) -> std::size_t {
            newsarchive::SearchRequest request;
            request.query.text = text;
            request.query.match = match_mode;
            request.query.stop_list = stopwords;
            return searcher.search(request).hits.size();
        };
        auto summary = newsarchive::bench::measure_queries(newsarchive::bench::read_queries(queries_file), repeat, run_query);
        std::cout << newsarchive::bench::to_json(summary) << '\n';
        return 0;
    } catch (const po::error& e) {
        std::cerr << "bench-searcher-query: " << e.what() << " (try --help)\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "bench-searcher-query: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "bench-searcher-query: " << e.what() << '\n';
    }
    return 2;
}
