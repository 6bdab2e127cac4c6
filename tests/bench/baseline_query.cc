// baseline_query.cc — bench-baseline-query: the bare Xapian search loop newssearch is measured against.
//
// Per query: QueryParser set up as searcher/query.cc sets it up (the index's
// stemming language from its metadata, STEM_SOME, the schema's field
// prefixes, date: ranges on the date slot, default operator AND, the same
// flags), then Enquire with BM25 and get_mset(0, 10). Nothing else by
// default; --data also reads the ten hits' document data (what any searcher
// showing results must do), --check-at-least counts matches as far as
// newssearch does (1000) for an exact-enough total, and --sort-date orders
// by the date slot, newest first, instead of by relevance.
// Prints one JSON line of latency percentiles (see latency.h).
//
// With --serve it times nothing itself: it answers queries read from stdin,
// one per line, each with one "docid rank weight" line per hit and a
// "# end" line, flushed. Timed by bench-batch-latency --trec, the bare loop
// then pays the same pipe round trip and wake-up as `newssearch --batch`,
// and the two differ only in the work each does per query.
#include <iostream>
#include <string>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "latency.h"
#include "schema.h"

namespace po = boost::program_options;
namespace schema = newsarchive::schema;

int main(int argc, char** argv) {
    try {
        std::string db, queries_file;
        int repeat = 5;
        Xapian::doccount check_at_least = 0;
        bool fetch_data = false, sort_by_date = false, serve = false;
        po::options_description options(
            "Usage: bench-baseline-query --db DIR (--queries FILE | --serve) [options]\n\nOptions");
        options.add_options()
            ("help,h", "show this help and exit")
            ("db", po::value(&db)->required(), "index directory")
            ("queries", po::value(&queries_file), "file of queries, one per line, to time")
            ("serve", po::bool_switch(&serve), "answer queries from stdin instead (a co-process for bench-batch-latency)")
            ("repeat", po::value(&repeat)->default_value(repeat), "timed passes over the queries (after one untimed)")
            ("check-at-least", po::value(&check_at_least)->default_value(0), "Enquire's check_at_least")
            ("data", po::bool_switch(&fetch_data), "read the document data of the hits")
            ("sort-date", po::bool_switch(&sort_by_date), "order by date, newest first");
        po::variables_map vm;
        po::store(po::parse_command_line(argc, argv, options), vm);
        if (vm.count("help")) {
            std::cout << options << '\n';
            return 0;
        }
        po::notify(vm);
        if (serve == !queries_file.empty()) throw po::error("give exactly one of --queries and --serve");

        Xapian::Database database(db);
        std::string language = database.get_metadata(std::string(schema::kLanguageKey));
        Xapian::QueryParser parser;
        parser.set_database(database);
        parser.set_stemmer(Xapian::Stem(language.empty() ? "english" : language));
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        parser.set_default_op(Xapian::Query::OP_AND);
        for (const auto& field : schema::kTextFields)
            if (!field.prefix.empty()) parser.add_prefix(std::string(field.name), std::string(field.prefix));
        Xapian::DateRangeProcessor dates(schema::kDateSlot, std::string(schema::kDateRangePrefix));
        parser.add_rangeprocessor(&dates);
        constexpr unsigned kFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                    Xapian::QueryParser::FLAG_PURE_NOT;

        auto search = [&](const std::string& text) {
            Xapian::Enquire enquire(database);
            enquire.set_query(parser.parse_query(text, kFlags));
            enquire.set_weighting_scheme(Xapian::BM25Weight());
            if (sort_by_date) enquire.set_sort_by_value(schema::kDateSlot, true);
            Xapian::MSet mset = enquire.get_mset(0, 10, check_at_least);
            if (fetch_data)
                for (auto it = mset.begin(); it != mset.end(); ++it) it.get_document().get_data();
            return mset;
        };
        if (serve) {
            for (std::string line; std::getline(std::cin, line);) {
                Xapian::MSet mset = search(line);
                for (auto it = mset.begin(); it != mset.end(); ++it)
                    std::cout << *it << ' ' << it.get_rank() + 1 << ' ' << it.get_weight() << '\n';
                std::cout << "# end" << std::endl;
            }
            return 0;
        }
        auto run_query = [&](const std::string& text) -> std::size_t { return search(text).size(); };
        auto summary = newsarchive::bench::measure_queries(newsarchive::bench::read_queries(queries_file), repeat, run_query);
        std::cout << newsarchive::bench::to_json(summary) << '\n';
        return 0;
    } catch (const po::error& e) {
        std::cerr << "bench-baseline-query: " << e.what() << " (try --help)\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "bench-baseline-query: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "bench-baseline-query: " << e.what() << '\n';
    }
    return 2;
}
