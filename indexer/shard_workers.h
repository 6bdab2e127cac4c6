// shard_workers.h — building and writing documents, one thread per group of shards.
//
// Xapian's writer is single-threaded per database, and most of indexing's
// time is spent inside it; separate shards are what lets writes run in
// parallel. Each worker owns the shards s with s % threads == its number,
// and gets every article of those shards in the order the reader produced
// them, so a shard's contents do not depend on the thread count.
#pragma once

#include <atomic>
#include <cstdint>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "article.h"
#include "document_builder.h"
#include "schema.h"
#include "store.h"
#include "writer.h"

namespace newsarchive {

class ShardWorkers {
public:
    // Commit thresholds over all shards; each shard commits at its share.
    struct Batch {
        std::uint64_t articles;  // over all shards
        std::uint64_t bytes;     // of titles and bodies, over all shards
    };

    // `threads` is capped at the index's shard count; with one, articles are
    // written on the calling thread. Each shard commits whenever it holds
    // batch.articles / shard count uncommitted articles (at least one) or
    // batch.bytes / shard count bytes of their titles and bodies, so no more
    // than about that much waits in memory for a commit.
    // `dictionary` (may be null) must outlive this object. Once
    // `stop_requested` (may be empty; called from the writer threads) says
    // so, workers drop what is queued and commit what they wrote.
    ShardWorkers(IndexWriter& index, std::size_t threads, const schema::FieldWeights& weights,
                 const StoreDictionary* dictionary, Batch batch,
                 std::function<bool()> stop_requested = {});
    // Abandons queued articles and joins (what was committed stays).
    ~ShardWorkers();
    ShardWorkers(const ShardWorkers&) = delete;
    ShardWorkers& operator=(const ShardWorkers&) = delete;

    // Indexes the article into its shard: here, or queued for its worker
    // (waiting while that worker's queue is full). Rethrows the first error a
    // worker met (IndexWriteError, Xapian::Error, ...).
    void write(Article&& article);

    // Writes everything queued (unless stop_requested), commits every shard
    // and joins, calling `waiting` (may be empty) every tenth of a second
    // meanwhile: the queues can hold seconds of work. Rethrows.
    void finish(const std::function<void()>& waiting = {});

    std::uint64_t added() const { return added_; }
    std::uint64_t replaced() const { return replaced_; }

private:
    struct Job {
        Article article;
        std::string id_term;
        std::size_t shard;
    };
    struct Worker;  // a thread, its queue and its document builder

    void write_job(Job& job, DocumentBuilder& builder);
    void run(Worker& worker);
    void rethrow_failure();

    IndexWriter& index_;
    Batch per_shard_;  // commit thresholds of each shard
    std::function<bool()> stop_requested_;
    // Per shard, since its last commit; each counted by its shard's thread only.
    std::vector<Batch> uncommitted_;
    std::optional<DocumentBuilder> inline_builder_;  // with one thread
    std::vector<std::unique_ptr<Worker>> workers_;
    std::atomic<std::uint64_t> added_{0}, replaced_{0};
    std::mutex failure_mutex_;
    std::exception_ptr failure_;
    std::atomic<bool> failed_{false};
    std::mutex done_mutex_;
    std::condition_variable done_changed_;
    std::size_t workers_done_ = 0;  // threads that have left run()
};

}  // namespace newsarchive
