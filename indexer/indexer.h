// indexer.h — one indexing run: read inputs, build documents, write the index.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "progress.h"
#include "readers/readers.h"
#include "schema.h"

namespace newsarchive {

// The most of an article's body that is indexed (4 MiB, cut at a character
// boundary). Real articles are far shorter: a longer body is a dump's error
// (a whole feed in one record), and indexing it whole would cost memory and
// time out of proportion. The stored article keeps its text whole.
inline constexpr std::size_t kMaxIndexedBodyBytes = std::size_t{4} << 20;

struct IndexOptions {
    std::string database;                  // index directory
    std::vector<std::string> inputs;       // files, directories, "-"
    std::optional<Format> format;          // nullopt: by extension
    std::optional<std::string> language;   // nullopt: the index's, else english
    schema::FieldWeights weights;
    ReaderOptions reader;
    std::uint64_t batch_size = 10000;      // articles per commit
    // While another writer holds the index: nullopt fails at once, else the
    // open is retried for this long (duration::max(): no limit).
    std::optional<std::chrono::steady_clock::duration> lock_wait;
    bool quiet = false;                    // no "waiting for the index lock" line
    ProgressOptions progress;              // drawn on `diagnostics`
};

struct IndexSummary {
    std::uint64_t indexed = 0;   // new articles
    std::uint64_t replaced = 0;  // articles whose id was already in the index
    std::uint64_t skipped = 0;
    std::uint64_t passed_over_files = 0;           // files of unknown type below directories
    std::map<std::string, std::uint64_t> skipped_by_reason;
    std::map<std::string, std::uint64_t> warnings_by_reason;
    std::uint64_t articles_in_index = 0;
    int interrupted_by = 0;  // SIGINT or SIGTERM when one stopped the run early, else 0
};

// Runs the whole job. Bad records are reported on `diagnostics` (one line each,
// naming file and position), skipped and counted; problems that stop the run
// (index locked or unwritable, bad options) throw IndexLockedError,
// IndexWriteError or std::invalid_argument. Everything read before such a
// problem that was committed stays committed.
//
// Durability: articles are committed every `batch_size` and at the end, and
// each replaces any article with the same id, so a run killed at any moment
// (even kill -9) leaves the index at its last commit, and running the same
// command again completes the job without duplicates.
//
// Interruption: once the index is open, the first SIGINT or SIGTERM stops the
// run after the record being written (see interruption.h): nothing more is
// read, what was written is committed, and the summary comes back with
// `interrupted_by` set. Before the index is open (waiting for the lock) the
// signals keep their usual effect, as there is nothing to finish.
IndexSummary run_indexer(const IndexOptions& options, std::ostream& diagnostics);

// "3 indexed, 0 replaced, 1 skipped (1 malformed JSON); the index holds 3 articles", after
// "interrupted by SIGINT: " when it was, and followed by a hint to run again.
std::string describe(const IndexSummary& summary);

}  // namespace newsarchive
