// search.h — running queries against an index; returns data, never prints.
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>

#include <xapian.h>

#include "article.h"
#include "dictionaries.h"
#include "query.h"
#include "request.h"
#include "result.h"

namespace newsarchive {

// The index cannot be opened for reading (missing, not an index, damaged).
struct IndexOpenError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// --similar names an article the index does not hold.
struct UnknownArticleError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Not thread-safe (neither are Xapian's database handles): one per thread.
class Searcher {
public:
    // Throws IndexOpenError.
    explicit Searcher(const std::string& path);

    // Ranked by BM25 (or sorted by date), counted, faceted as the request
    // asks. Throws QuerySyntaxError for a query that cannot be parsed,
    // RequestError for options that cannot go together or that the index is
    // too old for, UnknownArticleError for a --similar id not in the index.
    // If a writer commits during the search, reopens and searches again, so a
    // search never fails because the index is being updated.
    SearchResult search(const SearchRequest& request);

    // The stored article with this id, or nullopt.
    std::optional<Article> fetch(const std::string& id);

    // Moves to the index's latest committed revision, so that a long-running
    // searcher (--batch) sees articles indexed since it started. Cheap when
    // nothing changed.
    void reopen();

private:
    template <typename Operation>
    auto retrying_on_modification(Operation operation);
    Xapian::Query similar_query(const std::string& id);
    void check_index_supports(const SearchRequest& request);

    std::string path_;
    Xapian::Database database_;
    IndexDictionaries dictionaries_;  // of database_, for the stored articles
    QueryBuilder query_builder_;
};

}  // namespace newsarchive
