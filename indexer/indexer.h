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

#include "inputs.h"
#include "progress.h"
#include "readers/readers.h"
#include "schema.h"
#include "writer.h"

namespace newsarchive {

// The most of an article's body that is indexed (4 MiB, cut at a character
// boundary). Real articles are far shorter: a longer body is a dump's error
// (a whole feed in one record), and indexing it whole would cost memory and
// time out of proportion. The stored article keeps its text whole.
inline constexpr std::size_t kMaxIndexedBodyBytes = std::size_t{4} << 20;

// The default commit interval, per writer thread, chosen by measurement
// (tests/bench/batch_sweep.sh, docs/performance.md): Xapian's buffered
// changes slow down as they grow, and grow with the text indexed, not the
// article count. On two threads and two shards, 2,500 synthetic articles of
// 4.4 KB per commit (5 MB of text per shard) indexed 100k articles faster
// than 5,000 or 10,000 (Xapian's own default), in 311 MB against 834 MB;
// counted in articles, headline-sized articles (HuffPost) then committed far
// too often. A thread writing several shards shares its budget among them:
// one thread holding 5 MB for each of two shards indexed 10k articles 6%
// slower, in 224 MB against 145 MB, than holding 2.5 MB for each. The
// article cap bounds the per-document overhead of tiny articles.
constexpr std::uint64_t kDefaultBatchBytesPerThread = std::uint64_t{5} << 20;
constexpr std::uint64_t kDefaultBatchArticlesPerThread = 10000;

struct IndexOptions {
    std::string database;                  // index directory
    std::vector<std::string> inputs;       // files, directories, "-"
    std::optional<Format> format;          // nullopt: by extension
    std::optional<std::string> language;   // nullopt: the index's, else english
    schema::FieldWeights weights;
    ReaderOptions reader;
    // Articles per commit, over all shards; nullopt: by the text indexed,
    // kDefaultBatchBytesPerThread (at most kDefaultBatchArticlesPerThread
    // articles) per writer thread, shared by its shards.
    std::optional<std::uint64_t> batch_size;
    std::size_t threads = 1;               // writer threads (at most one per shard)
    std::optional<std::size_t> shards;     // asked for; must match an existing index's
    std::size_t shards_for_new_index = 1;  // when not asked for
    bool compact = false;                  // compact every shard at the end
    bool strict = false;                   // stop at the first skipped record
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
    PassedOver passed_over;      // what walks below directories did not read
    std::map<std::string, std::uint64_t> skipped_by_reason;
    std::map<std::string, std::uint64_t> warnings_by_reason;
    std::uint64_t articles_in_index = 0;
    int interrupted_by = 0;  // SIGINT or SIGTERM when one stopped the run early, else 0
    bool stopped_at_skip = false;  // --strict met a bad record: nothing after it was read
    std::optional<CompactionSizes> compaction;  // when compacted
};

// Runs the whole job. Bad records are reported on `diagnostics` (one line each,
// naming file and position), skipped and counted; problems that stop the run
// (index locked or unwritable, bad options) throw IndexLockedError,
// IndexWriteError or std::invalid_argument. Everything read before such a
// problem that was committed stays committed.
//
// Durability: each shard commits every `batch_size` / shard count of its
// articles (by default, when its writer thread holds
// kDefaultBatchBytesPerThread of text) and at the end, and each article
// replaces any article with the same id (always in the same shard, see
// IndexWriter::shard_of), so a run
// killed at any moment (even kill -9) leaves every shard at its last commit,
// and running the same command again completes the job without duplicates.
//
// Threads: with `threads` above one, documents are built and written by one
// thread per group of shards (shard_workers.h) while this thread reads; the
// index's contents do not depend on the thread count.
//
// Strict: the first record that is skipped stops the run the same way,
// with `stopped_at_skip` set; what came before it is committed.
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
