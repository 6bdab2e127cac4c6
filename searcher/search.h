// search.h — running queries against an index; returns data, never prints.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <xapian.h>

#include "article.h"
#include "query.h"
#include "result.h"

namespace newsarchive {

// The index cannot be opened for reading (missing, not an index, damaged).
struct IndexOpenError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct SearchRequest {
    QueryRequest query;
    std::uint64_t offset = 0;
    std::uint64_t limit = 10;
    std::size_t snippet_bytes = 240;  // roughly; Xapian stops at a word boundary
};

class Searcher {
public:
    // Throws IndexOpenError.
    explicit Searcher(const std::string& path);

    // Ranked by BM25. Throws QuerySyntaxError for a query that cannot be parsed.
    // If a writer commits during the search, reopens and searches again, so a
    // search never fails because the index is being updated.
    SearchResult search(const SearchRequest& request);

    // The stored article with this id, or nullopt.
    std::optional<Article> fetch(const std::string& id);

private:
    template <typename Operation>
    auto retrying_on_modification(Operation operation);

    std::string path_;
    Xapian::Database database_;
    QueryBuilder query_builder_;
};

}  // namespace newsarchive
