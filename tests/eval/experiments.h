// experiments.h — the settings compared on each collection, and their tables.
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "collections.h"
#include "engine.h"
#include "measures.h"
#include "query_forms.h"

namespace newsarchive::eval {

// One way of indexing and searching a collection.
struct Setup {
    std::string label;
    std::vector<std::string> index_arguments;   // to newsindex
    std::vector<std::string> search_arguments;  // to newssearch
    Proximity proximity = Proximity::none;      // pairs added to each query
};

// Plain BM25: Xapian's BM25Weight defaults (k1=1, k2=0, k3=1, b=0.5,
// min_normlen=0.5), title and body counted alike (title weight 1), English
// stemming, no stop words, and any query word may match (OR).
Setup baseline_setup();
// newsindex's and newssearch's own defaults, no options given: the settings
// chosen by tuning on CISI (docs/relevance.md).
Setup default_setup();
// The baseline, then the baseline with one choice changed per row, then the
// chosen defaults less one choice per row, then the chosen defaults.
std::vector<Setup> experiment_setups();

// BM25's k1 and b swept on top of the chosen defaults, on every collection;
// the defaults are chosen from CISI's (docs/relevance.md).
inline constexpr double kSweptK1[]{0.6, 0.9, 1, 1.2, 1.5, 2, 2.5, 3};
inline constexpr double kSweptB[]{0.3, 0.5, 0.75, 0.9};
// The chosen defaults with each (k1, b) of the sweep, k1 major.
std::vector<Setup> bm25_sweep_setups();

// CRAN's -1 judgments mark the paper each question was written from. By
// default they are not relevant; these give the two other readings found in
// the literature.
Collection source_papers_relevant(const Collection& cran);
Rankings without_source_papers(const Collection& cran, const Rankings& rankings);

struct Row {
    Setup setup;
    Rankings rankings;
    Measures measures;
    std::size_t empty = 0;  // queries that retrieved nothing
};

// Runs every setup on the collection, indexing once per distinct set of
// newsindex arguments under `work_dir`.
std::vector<Row> run_setups(const Collection& collection, const std::vector<Setup>& setups,
                            const std::filesystem::path& work_dir);

// MAP and nDCG@10 of bm25_sweep_setups()' rows as k1 × b tables.
void print_sweep(std::ostream& out, const std::vector<Row>& rows);

// A markdown table: one line per row, MAP nDCG@10 P@10 R@100 and the
// queries that retrieved nothing.
void print_table(std::ostream& out, const std::vector<Row>& rows);

}  // namespace newsarchive::eval
