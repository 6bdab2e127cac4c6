// indexer.cc — the read → build → write pipeline of one run.
#include "indexer.h"

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <functional>
#include <limits>
#include <ostream>
#include <thread>

#include "archive_reader.h"
#include "dictionary_training.h"
#include "input_stream.h"
#include "inputs.h"
#include "interruption.h"
#include "shard_workers.h"
#include "writer.h"

namespace newsarchive {

namespace {

// The longest prefix of `text` of at most `limit` bytes that does not end
// inside a UTF-8 character.
std::size_t utf8_prefix_length(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return text.size();
    while (limit > 0 && (static_cast<unsigned char>(text[limit]) & 0xC0) == 0x80) --limit;
    return limit;
}

// Thrown out of the readers when SIGINT or SIGTERM asks the run to stop, or
// --strict meets a bad record, and caught by run_indexer: the one exception
// that ends a run normally. Throwing from the sink, rather than having every
// reader poll a flag, keeps readers unaware of signals; reader.h asks them to
// let the sink's exceptions through. Not a std::exception, so that no handler
// for those can swallow it.
struct StopReading {};

void stop_if_interrupted() {
    if (interruption_signal()) throw StopReading{};
}

// When to commit, over all shards: every `batch_size` articles when asked,
// else by the text indexed, a budget per writer thread (indexer.h).
ShardWorkers::Batch commit_batch(std::optional<std::uint64_t> batch_size, std::size_t threads, std::size_t shards) {
    if (batch_size) return {*batch_size, std::numeric_limits<std::uint64_t>::max()};
    std::uint64_t writers = std::clamp<std::size_t>(threads, 1, shards);
    return {kDefaultBatchArticlesPerThread * writers, kDefaultBatchBytesPerThread * writers};
}

// Receives what readers produce, writes articles and counts everything.
class IndexingSink : public ArticleSink {
public:
    IndexingSink(IndexWriter& index, const IndexOptions& options, IndexSummary& summary, ProgressReporter& progress,
                 std::ostream& diagnostics)
        : index_(index),
          options_(options),
          batch_(commit_batch(options.batch_size, options.threads, index.shard_count())),
          summary_(summary),
          progress_(progress),
          diagnostics_(diagnostics) {
        // Held articles wait for their commit too: never more than a batch.
        if (index.dictionary()) start_writing();
        else training_.emplace(std::min<std::uint64_t>(batch_.articles, DictionaryTraining::kMaxArticles));
    }

    void add(Article&& article, const std::string& file, const std::string& position) override {
        if (article.body.size() > kMaxIndexedBodyBytes) {
            warn({file, position,
                  "article of " + std::to_string((article.body.size() + (1 << 19)) >> 20) + " MB: indexed its first " +
                      std::to_string(kMaxIndexedBodyBytes >> 20) + " MB",
                  "oversized article"});
            article.body.resize(utf8_prefix_length(article.body, kMaxIndexedBodyBytes));
        }
        if (!training_) workers_->write(std::move(article));
        else if (training_->hold(std::move(article))) start_writing();
        record_done();
    }

    void skip(const RecordProblem& problem) override {
        progress_.clear();
        diagnostics_ << "newsindex: " << problem.file << ": " << problem.position << ": " << problem.reason
                     << " (skipped)\n";
        ++summary_.skipped;
        ++summary_.skipped_by_reason[problem.category];
        if (options_.strict) {
            summary_.stopped_at_skip = true;
            throw StopReading{};
        }
        record_done();
    }

    // Does not stop the run: the record warned about is yet to be added.
    void warn(const RecordProblem& problem) override {
        progress_.clear();
        diagnostics_ << "newsindex: " << problem.file << ": " << problem.position << ": " << problem.reason << '\n';
        ++summary_.warnings_by_reason[problem.category];
    }

    // Writes what is held or queued (unless SIGINT or SIGTERM came),
    // commits every shard and updates the spelling dictionary, the progress
    // line still moving meanwhile.
    void finish() {
        if (training_) start_writing();
        workers_->finish([&] {
            count_written();
            progress_.tick();
        });
        count_written();
        index_.update_spelling([&] { progress_.tick(); });
    }

private:
    // Trains the dictionary on the held articles when the index has none,
    // then starts the writers and hands them what was held.
    void start_writing() {
        if (training_) {
            if (auto dictionary = training_->train(index_.next_dictionary_id())) index_.add_dictionary(*dictionary);
        }
        workers_.emplace(index_, options_.threads, options_.weights, index_.dictionary(), batch_,
                         [] { return interruption_signal() != 0; });
        if (training_) {
            for (auto& held : training_->release()) workers_->write(std::move(held));
            training_.reset();
        }
    }

    void count_written() {
        if (!workers_) return;
        summary_.indexed = workers_->added();
        summary_.replaced = workers_->replaced();
    }

    void record_done() {
        count_written();
        progress_.tick();
        stop_if_interrupted();
    }

    IndexWriter& index_;
    const IndexOptions& options_;
    ShardWorkers::Batch batch_;  // when to commit, over all shards
    std::optional<DictionaryTraining> training_;  // while the index has no dictionary yet
    std::optional<ShardWorkers> workers_;
    IndexSummary& summary_;
    ProgressReporter& progress_;
    std::ostream& diagnostics_;
};

// Opens the index; while another writer holds it, retries up to options.lock_wait.
std::unique_ptr<IndexWriter> open_writer(const IndexOptions& options, std::ostream& diagnostics) {
    constexpr auto kRetryEvery = std::chrono::milliseconds(200);
    auto start = std::chrono::steady_clock::now();
    for (bool told = false;; told = true) {
        try {
            return std::make_unique<IndexWriter>(options.database, options.language, options.weights, options.shards,
                                                 options.shards_for_new_index);
        } catch (const IndexLockedError& e) {
            if (!options.lock_wait || std::chrono::steady_clock::now() - start >= *options.lock_wait) throw;
            if (!told && !options.quiet) diagnostics << "newsindex: " << e.what() << "; waiting for the lock\n";
            std::this_thread::sleep_for(kRetryEvery);
        }
    }
}

// Reads one stream of `format` into the sink.
void read_records(Format format, const std::string& file, const std::string& text_id, std::istream& in,
                  const ReaderOptions& options, ArticleSink& sink) {
    switch (format) {
        case Format::text: read_text_article(file, text_id, in, options, sink); break;
        case Format::jsonl: read_jsonl(file, in, options, sink); break;
        case Format::json: read_json(file, in, options, sink); break;
        case Format::csv: read_csv(file, in, options, sink); break;
        case Format::trec: read_trec(file, in, options, sink); break;
        case Format::message:
        case Format::mbox: read_messages(file, in, format == Format::mbox, sink); break;
    }
}

// The bytes of the file being read so far, for the progress line; set for as
// long as the objects it asks are alive.
using BytesRead = std::function<std::uint64_t()>;
struct BytesReadWhile {
    BytesRead& bytes_read;
    ~BytesReadWhile() { bytes_read = {}; }
};

// Reads each member of an archive, named ARCHIVE/MEMBER in messages. Damage
// to the archive itself is one skipped record, for the archive, however many
// members it cuts off or makes unreadable; damage to a compressed member is
// one for that member.
void read_archive_members(ArchiveReader& archive, const std::string& path, const IndexOptions& options,
                          ArticleSink& sink, PassedOver& passed_over) {
    while (auto member = archive.next_member()) {
        auto format = format_to_read(*member, options.format, passed_over);
        if (!format) continue;
        std::string name = path + "/" + *member;
        try {
            InputStream stream(name, archive.member_reader());
            read_records(*format, name, strip_compression_suffix(*member), stream.stream(), options.reader, sink);
            if (!stream.error().empty() && archive.error().empty())
                sink.skip({name, "end", stream.error(), "damaged input"});
        } catch (const InputError& e) {
            if (archive.error().empty()) sink.skip({name, "path", e.what(), "unreadable path"});
        }
        stop_if_interrupted();
    }
    if (!archive.error().empty()) sink.skip({path, "end", archive.error(), "damaged input"});
}

// Reads one input into the sink: a file, or the members of an archive. An
// input that cannot be opened is one skipped record. Returns the bytes of the
// file read.
std::uint64_t read_input(const InputFile& input, const IndexOptions& options, ArticleSink& sink,
                         PassedOver& passed_over, BytesRead& bytes_read) {
    BytesReadWhile reading{bytes_read};
    try {
        if (!input.format) {
            ArchiveReader archive(input.path);
            bytes_read = [&archive] { return archive.bytes_read(); };
            read_archive_members(archive, input.path, options, sink, passed_over);
            return archive.bytes_read();
        }
        InputStream stream(input.path);
        bytes_read = [&stream] { return stream.bytes_read(); };
        read_records(*input.format, input.path, input.text_id, stream.stream(), options.reader, sink);
        if (!stream.error().empty()) sink.skip({input.path, "end", stream.error(), "damaged input"});
        return stream.bytes_read();
    } catch (const InputError& e) {
        sink.skip({input.path, "path", e.what(), "unreadable path"});
        return 0;
    }
}

std::string counts(const std::map<std::string, std::uint64_t>& by_reason) {
    std::string out;
    for (const auto& [reason, count] : by_reason) out += (out.empty() ? "" : ", ") + std::to_string(count) + " " + reason;
    return out;
}

}  // namespace

IndexSummary run_indexer(const IndexOptions& options, std::ostream& diagnostics) {
    // Compacting only: an index that is not there is a mistake, not one to create.
    if (options.inputs.empty() && !std::filesystem::exists(options.database))
        throw std::invalid_argument("no index at '" + options.database + "' to compact");
    std::unique_ptr<IndexWriter> index = open_writer(options, diagnostics);
    InterruptionHandlers interruption_handlers;
    IndexSummary summary;
    std::vector<InputFile> files;
    std::uint64_t files_done = 0;
    std::uint64_t bytes_done = 0;  // of the files done
    std::optional<std::uint64_t> bytes_total = 0;
    BytesRead bytes_read;  // of the file being read
    ProgressReporter progress(options.progress, diagnostics, [&] {
        return ProgressCounts{.files_done = files_done,
                              .files_total = files.size(),
                              .articles = summary.indexed + summary.replaced,
                              .skipped = summary.skipped,
                              .bytes_read = bytes_done + (bytes_read ? bytes_read() : 0),
                              .bytes_total = bytes_total};
    });
    IndexingSink sink(*index, options, summary, progress, diagnostics);
    try {
        // Listed first, so that the progress line knows the total.
        for_each_input(options.inputs, options.format, sink, summary.passed_over, [&](const InputFile& input) {
            files.push_back(input);
            std::error_code unreadable;  // then reading it fails, and it counts no bytes
            std::uintmax_t size = std::filesystem::file_size(input.path, unreadable);
            if (input.path == "-") bytes_total.reset();
            else if (bytes_total && !unreadable) *bytes_total += size;
        });
        for (const auto& input : files) {
            stop_if_interrupted();
            bytes_done += read_input(input, options, sink, summary.passed_over, bytes_read);
            ++files_done;
            progress.tick();
        }
    } catch (const StopReading&) {
        // A signal or --strict: what was read is written below, and the summary says so.
    } catch (...) {
        progress.clear();  // the error message main prints starts on a clean line
        throw;
    }
    sink.finish();
    progress.clear();
    // A signal while the writers emptied their queues left part of them unwritten.
    summary.interrupted_by = interruption_signal();
    if (options.compact && !summary.interrupted_by && !summary.stopped_at_skip) summary.compaction = index->compact();
    summary.articles_in_index = index->article_count();
    return summary;
}

std::string describe(const IndexSummary& summary) {
    std::string out;
    if (summary.interrupted_by)
        out = summary.interrupted_by == SIGINT ? "interrupted by SIGINT: " : "interrupted by SIGTERM: ";
    else if (summary.stopped_at_skip)
        out = "stopped at the first skipped record (--strict): ";
    out += std::to_string(summary.indexed) + " indexed, " + std::to_string(summary.replaced) + " replaced, " +
           std::to_string(summary.skipped) + " skipped";
    if (!summary.skipped_by_reason.empty()) out += " (" + counts(summary.skipped_by_reason) + ")";
    if (!summary.warnings_by_reason.empty()) out += "; kept with warnings: " + counts(summary.warnings_by_reason);
    if (summary.passed_over.unknown_type)
        out += "; files of unknown type passed over: " + std::to_string(summary.passed_over.unknown_type);
    if (summary.passed_over.notes)
        out += "; notes passed over (README, LICENSE, ...): " + std::to_string(summary.passed_over.notes);
    if (summary.passed_over.databases)
        out += "; Xapian databases passed over: " + std::to_string(summary.passed_over.databases);
    out += "; the index holds " + std::to_string(summary.articles_in_index) + " articles";
    if (summary.compaction) {
        auto megabytes = [](std::uint64_t bytes) {
            return std::to_string(bytes >> 20) + "." + std::to_string((bytes % (1 << 20)) * 10 >> 20) + " MB";
        };
        out += "; compacted from " + megabytes(summary.compaction->bytes_before) + " to " +
               megabytes(summary.compaction->bytes_after);
    }
    if (summary.interrupted_by)
        out += "; run the same command again to finish (articles already indexed are replaced, not duplicated)";
    else if (summary.stopped_at_skip)
        out += "; mend or remove that record and run the same command again";
    return out;
}

}  // namespace newsarchive
