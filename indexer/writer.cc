// writer.cc — opening every shard, the index-wide metadata, compaction.
#include "writer.h"

#include <xxhash.h>

#include <algorithm>
#include <charconv>
#include <filesystem>

#include "dictionaries.h"
#include "spelling.h"

namespace newsarchive {

namespace fs = std::filesystem;

namespace {

// Articles written under another schema lack what this one adds (schema 1:
// the exact-source terms, the author slot, spelling data), and the version
// stamped on the index is the only thing the searcher can go by: adding to
// such an index and stamping it with our version would make `--source` and
// author facets silently miss the old articles. An empty shard takes any.
void check_schema(const std::string& path, const ShardWriter& shard) {
    if (shard.database().get_doccount() == 0) return;
    std::string recorded = shard.database().get_metadata(std::string(schema::kSchemaVersionKey));
    if (recorded == schema::kSchemaVersion) return;
    std::string what = recorded.empty() ? "has no newsarchive schema version (was it written by newsindex?)"
                                        : "was written with index schema " + recorded +
                                              ", this newsindex writes schema " + std::string(schema::kSchemaVersion);
    throw IndexWriteError("index '" + path + "' " + what +
                          ": nothing was added; index all the articles again into a new directory (--db NEW_DIR)");
}

// The path a compacted copy of `shard` goes to: shard-00 → shard-00.v1 → shard-00.v2 ...
std::string next_version(const std::string& shard) {
    std::string base = shard;
    unsigned version = 0;
    if (auto dot = shard.rfind(".v"); dot != std::string::npos) {
        auto [end, error] = std::from_chars(shard.data() + dot + 2, shard.data() + shard.size(), version);
        if (error == std::errc{} && end == shard.data() + shard.size())
            base = shard.substr(0, dot);
        else
            version = 0;
    }
    return base + ".v" + std::to_string(version + 1);
}

std::uint64_t disk_bytes(const fs::path& directory) {
    std::uint64_t total = 0;
    std::error_code ignored;
    for (const auto& entry : fs::recursive_directory_iterator(directory, ignored))
        if (entry.is_regular_file(ignored)) total += entry.file_size(ignored);
    return total;
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, const std::optional<std::string>& language,
                         const schema::FieldWeights& weights, std::optional<std::size_t> shards,
                         std::size_t shards_for_new_index)
    : path_(path) {
    try {
        layout_ = read_layout(path, shards.value_or(shards_for_new_index));
    } catch (const std::runtime_error& e) {
        throw IndexWriteError(e.what());
    }
    if (shards && *shards != layout_.shard_paths.size())
        throw IndexWriteError("index '" + path + "' has " + std::to_string(layout_.shard_paths.size()) +
                              " shards; --shards applies only when creating an index");
    for (const auto& shard_path : layout_.shard_paths) shards_.push_back(std::make_unique<ShardWriter>(shard_path));
    // Only now, with every shard created, is the index complete: a run cut
    // short before this point leaves no stub, and the next one starts afresh.
    if (layout_.has_stub && !fs::exists(fs::path(path) / kStubFileName)) write_stub(path, layout_);

    std::optional<std::string> recorded;
    for (const auto& shard : shards_) {
        check_schema(path, *shard);
        if (!recorded && shard->database().get_doccount() > 0)
            recorded = shard->database().get_metadata(std::string(schema::kLanguageKey));
    }
    if (recorded && !recorded->empty()) {
        if (language && *language != *recorded)
            throw IndexWriteError("index '" + path + "' was built with stemming language '" + *recorded +
                                  "'; re-index into a new index to use '" + *language + "'");
        language_ = *recorded;
    } else {
        language_ = language.value_or("english");
    }
    for (auto& shard : shards_) {
        shard->database().set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
        shard->database().set_metadata(std::string(schema::kLanguageKey), language_);
        shard->database().set_metadata(std::string(schema::kWeightsKey), weights.describe());
    }
    // Every shard records every dictionary, so the first shard (whose
    // metadata is what Xapian returns for the whole index) has them all.
    IndexDictionaries dictionaries(shards_.front()->database());
    if (const StoreDictionary* current = dictionaries.current()) dictionary_ = *current;
}

std::size_t IndexWriter::shard_of(std::string_view id_term) const {
    return static_cast<std::size_t>(XXH3_64bits(id_term.data(), id_term.size()) % shards_.size());
}

std::uint32_t IndexWriter::next_dictionary_id() const {
    return IndexDictionaries(shards_.front()->database()).next_id();
}

// Committed at once, in every shard, before any article needs it: shards
// commit on their own, and a searcher looks dictionaries up in the first
// shard, so an article committed in another one before the first shard had
// its dictionary could not be read (and after a crash the next run would
// train a different dictionary under the same id).
void IndexWriter::add_dictionary(const StoreDictionary& dictionary) {
    for (auto& shard : shards_) IndexDictionaries::add(shard->database(), dictionary);
    commit();
    dictionary_ = dictionary;
}

void IndexWriter::commit() {
    for (auto& shard : shards_) shard->commit();
}

void IndexWriter::update_spelling(const std::function<void()>& after_commit) {
    Xapian::Database all_shards;
    for (const auto& shard : shards_) all_shards.add_database(Xapian::Database(shard->path()));
    newsarchive::update_spelling(shards_.front()->database(), all_shards, after_commit);
    // Indexes written before the dictionary moved to the first shard have one in every shard.
    for (std::size_t s = 1; s < shards_.size(); ++s)
        newsarchive::update_spelling(shards_[s]->database(), Xapian::Database(), after_commit);
}

Xapian::doccount IndexWriter::article_count() const {
    Xapian::doccount total = 0;
    for (const auto& shard : shards_) total += shard->database().get_doccount();
    return total;
}

CompactionSizes IndexWriter::compact() {
    if (!layout_.has_stub)
        throw IndexWriteError("index '" + path_ +
                              "' is a single Xapian database from before shards: compact it "
                              "with xapian-compact, or re-index it into a new directory");
    commit();
    CompactionSizes sizes{disk_bytes(path_), 0};
    // Copies a cut-short compaction left behind are in no stub. Only our
    // own names are touched: whatever else is in the directory is not ours.
    std::error_code ignored;
    for (const auto& entry : fs::directory_iterator(path_, ignored)) {
        bool listed = std::find(layout_.shard_paths.begin(), layout_.shard_paths.end(), entry.path().string()) !=
                      layout_.shard_paths.end();
        bool ours = entry.path().filename().string().starts_with("shard-");
        if (entry.is_directory(ignored) && ours && !listed) fs::remove_all(entry.path(), ignored);
    }
    IndexLayout compacted{{}, true};
    try {
        for (auto& shard : shards_) {
            std::string target = next_version(shard->path());
            // No renumbering: document ids stay as they were.
            shard->database().compact(target, Xapian::DBCOMPACT_NO_RENUMBER);
            compacted.shard_paths.push_back(target);
        }
        write_stub(path_, compacted);
    } catch (const Xapian::Error& e) {
        throw IndexWriteError("cannot compact index '" + path_ + "': " + e.get_msg());
    } catch (const std::runtime_error& e) {
        throw IndexWriteError(std::string("cannot compact: ") + e.what());
    }
    // The new stub is in place: the old shards are garbage. Open the new ones
    // first, so that the lock is never let go.
    std::vector<std::unique_ptr<ShardWriter>> reopened;
    for (const auto& shard_path : compacted.shard_paths) reopened.push_back(std::make_unique<ShardWriter>(shard_path));
    shards_.swap(reopened);
    reopened.clear();
    for (const auto& old : layout_.shard_paths) fs::remove_all(old, ignored);
    layout_ = std::move(compacted);
    sizes.bytes_after = disk_bytes(path_);
    return sizes;
}

}  // namespace newsarchive
