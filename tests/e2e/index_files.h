// index_files.h — the Xapian databases an index directory is made of, as tests look at them.
#pragma once

#include <string>
#include <vector>

namespace e2e {

// The shards the stub file (XAPIANDB) of index `db` lists, read as Xapian
// reads them (one "BACKEND PATH" per line, relative to the stub); `db`
// itself when it has no stub; nothing when neither exists yet.
std::vector<std::string> shard_paths(const std::string& db);

}  // namespace e2e
