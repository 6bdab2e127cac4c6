// writer.h — the writable index of an indexing run: all its shards.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "index_layout.h"
#include "schema.h"
#include "shard_writer.h"
#include "store.h"

namespace newsarchive {

// Disk use of an index, before and after `IndexWriter::compact`.
struct CompactionSizes {
    std::uint64_t bytes_before = 0;
    std::uint64_t bytes_after = 0;
};

// Holds the write lock of every shard from construction to destruction.
// Not thread-safe, but distinct shards may be written from distinct threads.
class IndexWriter {
public:
    // Opens the index at `path` (see index_layout.h), creating it with
    // `shards_for_new_index` shards when there is none; `shards` asks for a
    // shard count, which an existing index must already have. The stemming
    // language is the one recorded in the index; `language` may name it, must
    // match it once the index holds articles, and defaults to "english" for a
    // new index. An index that holds articles must have been written with this
    // schema version (schema::kSchemaVersion): anything else is refused
    // unchanged. Throws IndexLockedError, IndexWriteError.
    IndexWriter(const std::string& path, const std::optional<std::string>& language,
                const schema::FieldWeights& weights, std::optional<std::size_t> shards,
                std::size_t shards_for_new_index);

    const std::string& language() const { return language_; }
    std::size_t shard_count() const { return shards_.size(); }
    ShardWriter& shard(std::size_t index) { return *shards_[index]; }

    // The shard that holds the article with this id term. It depends on the
    // id and the shard count alone (XXH3, which is specified, so it never
    // changes), so a re-indexed article lands on, and replaces, its old copy
    // whatever the thread count.
    std::size_t shard_of(std::string_view id_term) const;

    // The zstd dictionary new articles are stored with, or nullptr.
    const StoreDictionary* dictionary() const { return dictionary_ ? &*dictionary_ : nullptr; }
    // An id no dictionary of this index has.
    std::uint32_t next_dictionary_id() const;
    // Records `dictionary` in every shard and commits them all (with
    // whatever else is pending), then makes it the one new articles are
    // stored with.
    void add_dictionary(const StoreDictionary& dictionary);

    // Commits every shard.
    void commit();

    // Brings the index's spelling dictionary, kept in its first shard and
    // counted over all shards, up to date with every committed article, and
    // empties the other shards' (spelling.h): once, at the end of a run.
    // Calls `after_commit` (may be empty) after each of its commits.
    void update_spelling(const std::function<void()>& after_commit = {});

    Xapian::doccount article_count() const;

    // Commits, then rewrites every shard compactly (Xapian's compaction, as
    // xapian-compact does) and switches the stub to the new shards in one
    // rename, so searchers see the old index or the new one, never a mix.
    // Needs an index with a stub; throws IndexWriteError.
    CompactionSizes compact();

private:
    std::string path_;
    IndexLayout layout_;
    std::vector<std::unique_ptr<ShardWriter>> shards_;
    std::string language_;
    std::optional<StoreDictionary> dictionary_;
};

}  // namespace newsarchive
