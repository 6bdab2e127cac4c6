// main.cc — newsarchive-eval: TREC-style evaluation of newsindex + newssearch
// on the classic test collections (docs/relevance.md).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <iterator>
#include <map>
#include <optional>

#include <boost/program_options.hpp>

#include "../e2e/process.h"
#include "experiments.h"

namespace po = boost::program_options;
namespace fs = std::filesystem;
using namespace newsarchive::eval;

namespace {

// CTest's SKIP_RETURN_CODE for the eval test: no corpora, nothing to measure.
constexpr int kExitSkipped = 77;

constexpr const char* kUsage = R"(Usage: newsarchive-eval [options]

Indexes each classic test collection with newsindex, runs its queries through
newssearch and prints MAP, nDCG@10, P@10 and recall@100 as markdown tables:
the plain BM25 baseline and the chosen defaults, or with --experiments the
effect of each setting. --check also verifies the collections' counts and a
MAP floor per collection, and exits 1 when one fails.

Options)";

struct Expected {
    CollectionStats stats;  // as stated in shared/corpora/SOURCES.md
    // The chosen defaults' measured MAP (docs/relevance.md) less 0.02 to 0.03.
    // Runs are deterministic for a given Xapian, so the margin is only for
    // other Xapian 1.4 releases: a drop beyond it is a ranking regression.
    double map_floor;
};

// Documents, queries and judgments as SOURCES.md counts them (CRAN less its 2
// empty documents, LISA's 5,999 unique documents); judged queries and
// relevant judgments as the judgment files give them (LISARJ.NUM and rlv-ass
// list 379 and 2,083 pairs, all relevant).
const std::map<std::string, Expected> kExpected{
    {"ADI", {{82, 35, 35, 170, 170}, 0.43}},
    {"CACM", {{3204, 64, 52, 796, 796}, 0.30}},
    {"CISI", {{1460, 112, 76, 3114, 3114}, 0.20}},
    {"CRAN", {{1398, 225, 225, 1837, 1612}, 0.30}},
    {"LISA", {{5999, 35, 35, 379, 379}, 0.36}},
    {"MED", {{1033, 30, 30, 696, 696}, 0.50}},
    {"NPL", {{11429, 93, 93, 2083, 2083}, 0.25}},
};

struct Options {
    fs::path corpora = NEWSARCHIVE_CORPORA_DIR;
    std::vector<std::string> collections = collection_names();
    bool experiments = false;
    bool check = false;
};

std::optional<Options> parse_options(int argc, char** argv) {
    Options options;
    po::options_description visible(kUsage);
    visible.add_options()
        ("help,h", "show this help and exit")
        ("corpora", po::value(&options.corpora)->default_value(options.corpora),
         "folder holding classic-adi/, classic-cacm/, ...")
        ("collection", po::value(&options.collections)->multitoken()->composing(),
         "collections to evaluate (default: ADI CACM CISI CRAN LISA MED NPL)")
        ("experiments", po::bool_switch(&options.experiments), "compare every setting, not just baseline and defaults")
        ("check", po::bool_switch(&options.check), "verify counts and MAP floors (exit 1 on failure)");
    po::variables_map vm;
    po::store(po::parse_command_line(argc, argv, visible), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << visible << '\n';
        return std::nullopt;
    }
    return options;
}

std::string stats_line(const std::string& name, const CollectionStats& stats) {
    return "| " + name + " | " + std::to_string(stats.documents) + " | " + std::to_string(stats.queries) + " | " +
           std::to_string(stats.judged_queries) + " | " + std::to_string(stats.judgments) + " | " +
           std::to_string(stats.relevant) + " |";
}

// Failures of --check for one collection, as messages.
std::vector<std::string> check_collection(const std::string& name, const CollectionStats& stats, const Measures& chosen) {
    std::vector<std::string> failures;
    const Expected& expected = kExpected.at(name);
    auto compare = [&](const char* what, std::size_t got, std::size_t want) {
        if (got != want)
            failures.push_back(name + ": " + what + " " + std::to_string(got) + ", expected " + std::to_string(want));
    };
    compare("documents", stats.documents, expected.stats.documents);
    compare("queries", stats.queries, expected.stats.queries);
    compare("judged queries", stats.judged_queries, expected.stats.judged_queries);
    compare("judgments", stats.judgments, expected.stats.judgments);
    compare("relevant judgments", stats.relevant, expected.stats.relevant);
    if (chosen.average_precision < expected.map_floor)
        failures.push_back(name + ": MAP " + std::to_string(chosen.average_precision) + " below the floor " +
                           std::to_string(expected.map_floor));
    return failures;
}

void print_source_paper_readings(const Collection& cran, const std::vector<Row>& rows) {
    std::cout << "\nCRAN's -1 judgments (the source paper of each question), read three ways:\n\n"
              << "| setup | -1 reading | MAP | nDCG@10 | P@10 | R@100 |\n|---|---|---:|---:|---:|---:|\n";
    Collection relevant = source_papers_relevant(cran);
    for (const auto& row : rows) {
        if (row.setup.label != baseline_setup().label && row.setup.label != default_setup().label) continue;
        std::pair<const char*, Measures> readings[] = {
            {"not relevant (used everywhere else)", evaluate(cran.judgments, row.rankings)},
            {"relevant (gain 4)", evaluate(relevant.judgments, row.rankings)},
            {"removed from the rankings", evaluate(cran.judgments, without_source_papers(cran, row.rankings))},
        };
        for (const auto& [reading, m] : readings) {
            std::printf("| %s | %s | %.4f | %.4f | %.4f | %.4f |\n", row.setup.label.c_str(), reading,
                        m.average_precision, m.ndcg_at_10, m.precision_at_10, m.recall_at_100);
        }
    }
    std::cout << std::flush;
}

int run(const Options& options) {
    if (!fs::is_directory(collection_folder(options.corpora, options.collections.front()))) {
        std::cout << "newsarchive-eval: no test collections under " << options.corpora << ": skipped\n";
        return kExitSkipped;
    }
    std::vector<Setup> setups = options.experiments ? experiment_setups()
                                                    : std::vector<Setup>{baseline_setup(), default_setup()};
    const std::size_t tabled = setups.size();  // the sweep's rows follow, in one run so that indexes are shared
    if (options.experiments) std::ranges::copy(bm25_sweep_setups(), std::back_inserter(setups));
    e2e::TempDir work;
    std::vector<std::string> failures;
    std::vector<std::string> stats_lines;
    for (const auto& name : options.collections) {
        auto started = std::chrono::steady_clock::now();
        Collection collection = read_collection(name, options.corpora);
        CollectionStats stats = collection_stats(collection);
        stats_lines.push_back(stats_line(name, stats));
        auto rows = run_setups(collection, setups, work.path());
        std::vector<Row> swept(std::make_move_iterator(rows.begin() + tabled), std::make_move_iterator(rows.end()));
        rows.erase(rows.begin() + tabled, rows.end());

        std::cout << "\n### " << name << "\n\n";
        for (const auto& note : collection.notes) std::cout << "- " << note << '\n';
        std::cout << '\n';
        print_table(std::cout, rows);
        if (options.experiments) {
            std::cout << "\nBM25 k1 and b swept on the chosen defaults (" << swept.size() << " runs):\n";
            print_sweep(std::cout, swept);
        }
        if (options.experiments && name == "CRAN") print_source_paper_readings(collection, rows);
        std::chrono::duration<double> seconds = std::chrono::steady_clock::now() - started;
        std::cerr << "newsarchive-eval: " << name << " done in " << seconds.count() << " s\n";

        if (options.check) {
            auto found = check_collection(name, stats, rows.back().measures);  // both setup lists end with the defaults
            failures.insert(failures.end(), found.begin(), found.end());
        }
    }
    std::cout << "\n| collection | documents | queries | judged queries | judgments | relevant |\n"
              << "|---|---:|---:|---:|---:|---:|\n";
    for (const auto& line : stats_lines) std::cout << line << '\n';
    if (!options.check) return 0;
    for (const auto& failure : failures) std::cout << "FAILED: " << failure << '\n';
    std::cout << options.collections.size() << " collections checked, " << failures.size() << " failures\n";
    return failures.empty() ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        auto options = parse_options(argc, argv);
        return options ? run(*options) : 0;
    } catch (const po::error& e) {
        std::cerr << "newsarchive-eval: " << e.what() << " (try --help)\n";
    } catch (const std::exception& e) {
        std::cerr << "newsarchive-eval: " << e.what() << '\n';
    }
    return 2;
}
