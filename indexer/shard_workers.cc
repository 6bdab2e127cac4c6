// shard_workers.cc — bounded queues between the reading thread and the shard writers.
#include "shard_workers.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <thread>

namespace newsarchive {

namespace {

// Articles queued per worker: enough to ride out an uneven spell of the
// hash, few enough that memory does not depend on the input.
constexpr std::size_t kQueueCapacity = 64;

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
    bool closing = false;     // finish(): write what is queued, then commit
    bool abandoning = false;  // destructor: stop at once
    std::thread thread;
};

ShardWorkers::ShardWorkers(IndexWriter& index, std::size_t threads, const schema::FieldWeights& weights,
                           const StoreDictionary* dictionary, std::uint64_t batch_size)
    : index_(index),
      commit_every_(std::max<std::uint64_t>(1, batch_size / index.shard_count())),
      uncommitted_(index.shard_count(), 0) {
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
    worker.changed.wait(lock, [&] { return worker.queue.size() < kQueueCapacity || failed_; });
    rethrow_failure();
    worker.queue.push_back(std::move(job));
    lock.unlock();
    worker.changed.notify_all();
}

void ShardWorkers::finish() {
    for (auto& worker : workers_) {
        {
            std::lock_guard lock(worker->mutex);
            worker->closing = true;
        }
        worker->changed.notify_all();
    }
    for (auto& worker : workers_) worker->thread.join();
    rethrow_failure();
    if (inline_builder_) index_.commit();
}

void ShardWorkers::write_job(Job& job, DocumentBuilder& builder) {
    ShardWriter& shard = index_.shard(job.shard);
    auto outcome = shard.write(job.id_term, builder.build(job.article));
    ++(outcome == ShardWriter::Outcome::added ? added_ : replaced_);
    if (++uncommitted_[job.shard] >= commit_every_) {
        shard.commit();
        uncommitted_[job.shard] = 0;
    }
}

void ShardWorkers::run(Worker& worker) {
    try {
        for (;;) {
            std::unique_lock lock(worker.mutex);
            worker.changed.wait(lock, [&] { return !worker.queue.empty() || worker.closing || worker.abandoning; });
            if (worker.abandoning) return;
            if (worker.queue.empty()) break;  // closing, and all written
            Job job = std::move(worker.queue.front());
            worker.queue.pop_front();
            lock.unlock();
            worker.changed.notify_all();
            write_job(job, worker.builder);
        }
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
}

void ShardWorkers::rethrow_failure() {
    if (!failed_) return;
    std::lock_guard lock(failure_mutex_);
    std::rethrow_exception(failure_);
}

}  // namespace newsarchive
