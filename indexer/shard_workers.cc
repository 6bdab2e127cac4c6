// shard_workers.cc — bounded queues between the reading thread and the shard writers.
#include "shard_workers.h"

#include <algorithm>
#include <chrono>
#include <deque>
#include <thread>

namespace newsarchive {

namespace {

// Articles queued per worker. A shard's commit takes seconds, and the
// other workers keep busy only while the committing worker's queue has room
// for the articles the reader meets meanwhile: with 64, two threads at 100k
// articles used 1.71 of two cores; with 2048, 1.93 (docs/performance.md).
// The byte bound keeps memory independent of how long articles are.
constexpr std::size_t kQueueArticles = 2048;
constexpr std::size_t kQueueBytes = std::size_t{32} << 20;

std::size_t text_bytes(const Article& article) {
    return article.title.size() + article.body.size() + article.text.size();
}

}  // namespace

struct ShardWorkers::Worker {
    Worker(std::size_t worker_number, const std::string& language, const schema::FieldWeights& weights,
           const StoreDictionary* dictionary)
        : number(worker_number), builder(language, weights, dictionary) {}

    std::size_t number;  // owns the shards s with s % worker count == number
    DocumentBuilder builder;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<Job> queue;
    std::size_t queued_bytes = 0;  // text_bytes of the queued articles
    bool closing = false;     // finish(): write what is queued, then commit
    bool stopped = false;     // stop_requested: queue dropped, takes no more
    bool abandoning = false;  // destructor: stop at once
    std::thread thread;
};

ShardWorkers::ShardWorkers(IndexWriter& index, std::size_t threads, const schema::FieldWeights& weights,
                           const StoreDictionary* dictionary, Batch batch, std::function<bool()> stop_requested)
    : index_(index),
      per_shard_{std::max<std::uint64_t>(1, batch.articles / index.shard_count()),
                 std::max<std::uint64_t>(1, batch.bytes / index.shard_count())},
      stop_requested_(std::move(stop_requested)),
      uncommitted_(index.shard_count(), Batch{0, 0}) {
    threads = std::clamp<std::size_t>(threads, 1, index.shard_count());
    if (threads == 1) {
        inline_builder_.emplace(index.language(), weights, dictionary);
        return;
    }
    for (std::size_t w = 0; w < threads; ++w)
        workers_.push_back(std::make_unique<Worker>(w, index.language(), weights, dictionary));
    for (auto& worker : workers_) worker->thread = std::thread([this, &worker = *worker] { run(worker); });
}

ShardWorkers::~ShardWorkers() {
    for (auto& worker : workers_) {
        {
            std::lock_guard lock(worker->mutex);
            worker->abandoning = true;
        }
        worker->changed.notify_all();
    }
    for (auto& worker : workers_)
        if (worker->thread.joinable()) worker->thread.join();
}

void ShardWorkers::write(Article&& article) {
    rethrow_failure();
    std::string id_term = schema::id_term(article.id);
    std::size_t shard = index_.shard_of(id_term);
    Job job{std::move(article), std::move(id_term), shard};
    if (inline_builder_) {
        write_job(job, *inline_builder_);
        return;
    }
    Worker& worker = *workers_[job.shard % workers_.size()];
    std::unique_lock lock(worker.mutex);
    worker.changed.wait(lock, [&] {
        bool room = worker.queue.empty() || (worker.queue.size() < kQueueArticles && worker.queued_bytes < kQueueBytes);
        return room || worker.stopped || failed_;
    });
    rethrow_failure();
    if (worker.stopped) return;  // dropped, as the stop asked
    worker.queued_bytes += text_bytes(job.article);
    worker.queue.push_back(std::move(job));
    lock.unlock();
    worker.changed.notify_all();
}

void ShardWorkers::finish(const std::function<void()>& waiting) {
    for (auto& worker : workers_) {
        {
            std::lock_guard lock(worker->mutex);
            worker->closing = true;
        }
        worker->changed.notify_all();
    }
    {
        std::unique_lock lock(done_mutex_);
        while (!done_changed_.wait_for(lock, std::chrono::milliseconds(100),
                                       [&] { return workers_done_ == workers_.size(); })) {
            lock.unlock();
            if (waiting) waiting();
            lock.lock();
        }
    }
    for (auto& worker : workers_) worker->thread.join();
    rethrow_failure();
    if (inline_builder_) index_.commit();
}

void ShardWorkers::write_job(Job& job, DocumentBuilder& builder) {
    ShardWriter& shard = index_.shard(job.shard);
    auto outcome = shard.write(job.id_term, builder.build(job.article));
    ++(outcome == ShardWriter::Outcome::added ? added_ : replaced_);
    Batch& pending = uncommitted_[job.shard];
    ++pending.articles;
    pending.bytes += job.article.title.size() + job.article.body.size();
    if (pending.articles >= per_shard_.articles || pending.bytes >= per_shard_.bytes) {
        shard.commit();
        pending = Batch{0, 0};
    }
}

void ShardWorkers::run(Worker& worker) {
    try {
        bool commit = true;
        for (;;) {
            std::unique_lock lock(worker.mutex);
            worker.changed.wait(lock, [&] { return !worker.queue.empty() || worker.closing || worker.abandoning; });
            if (worker.abandoning) {
                commit = false;
                break;
            }
            if (worker.queue.empty()) break;  // closing, and all written
            if (stop_requested_ && stop_requested_()) {
                worker.stopped = true;
                worker.queue.clear();
                worker.queued_bytes = 0;
                lock.unlock();
                worker.changed.notify_all();  // the reading thread may be waiting for room
                break;
            }
            Job job = std::move(worker.queue.front());
            worker.queue.pop_front();
            worker.queued_bytes -= text_bytes(job.article);
            lock.unlock();
            worker.changed.notify_all();
            write_job(job, worker.builder);
        }
        if (commit)
            for (std::size_t shard = worker.number; shard < index_.shard_count(); shard += workers_.size())
                index_.shard(shard).commit();
    } catch (...) {
        {
            std::lock_guard lock(failure_mutex_);
            if (!failure_) failure_ = std::current_exception();
        }
        {
            std::lock_guard lock(worker.mutex);  // so the reading thread cannot miss it
            failed_ = true;
        }
        worker.changed.notify_all();  // the reading thread may be waiting for room in this queue
    }
    {
        std::lock_guard lock(done_mutex_);
        ++workers_done_;
    }
    done_changed_.notify_all();
}

void ShardWorkers::rethrow_failure() {
    if (!failed_) return;
    std::lock_guard lock(failure_mutex_);
    std::rethrow_exception(failure_);
}

}  // namespace newsarchive
