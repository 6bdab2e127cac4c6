// engine.h — indexing a collection with newsindex and running its queries
// through newssearch, as a user of the two binaries would.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "collections.h"
#include "measures.h"
#include "query_forms.h"

namespace newsarchive::eval {

// How deep each query's ranking goes: trec_eval's default cut-off for MAP.
inline constexpr int kRankingDepth = 1000;

// Writes the collection as JSON lines into `work_dir` and indexes it into
// `db` with newsindex and `arguments` (--weight, --lang, ...); throws
// std::runtime_error with newsindex's message when it fails.
void build_index(const Collection& collection, const std::filesystem::path& work_dir, const std::string& db,
                 const std::vector<std::string>& arguments);

// One --batch request.
struct SearchQuery {
    std::string id;
    std::string text;  // sent as it is, query syntax included
};

// Runs every query against `db` with one `newssearch --batch` and
// `arguments`, kRankingDepth results each.
Rankings run_queries(const std::vector<SearchQuery>& queries, const std::string& db,
                     const std::vector<std::string>& arguments);

}  // namespace newsarchive::eval
