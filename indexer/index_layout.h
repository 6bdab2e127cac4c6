// index_layout.h — which Xapian databases (shards) make up an index directory.
//
// A new index is a directory holding one Glass database per shard
// (shard-00, shard-01, ...) and a Xapian stub file, XAPIANDB, listing them.
// Xapian opens such a directory as one database made of all the shards, so
// newssearch, quest and xapian-delve read it with no code of ours; the stub
// is also where time shards and remote (xapian-tcpsrv) shards will be listed.
// An index written before shards existed is one Glass database at the
// directory itself: it stays a one-shard index.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsarchive {

inline constexpr const char* kStubFileName = "XAPIANDB";

struct IndexLayout {
    std::vector<std::string> shard_paths;  // in stub order
    bool has_stub = false;                 // false: one Glass database at the index path
};

// The layout of the index at `path`: the stub's shards when it has one, the
// database itself when it is a Glass database, else (no index yet, or a
// directory left by a creation that was cut short) a new layout of
// `shards_for_new_index` shards, whose stub is written by write_stub() once
// the shards exist. Throws std::runtime_error for a stub it cannot use.
IndexLayout read_layout(const std::string& path, std::size_t shards_for_new_index);

// Writes the stub listing `layout.shard_paths` (relative to `path`), replacing
// any stub atomically (write a temporary file, fsync, rename). Throws
// std::runtime_error when it cannot.
void write_stub(const std::string& path, const IndexLayout& layout);

}  // namespace newsarchive
