// query.h — from the user's query text and filters to a Xapian::Query.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "date.h"

namespace newsarchive {

// The query text cannot be parsed; what() is a one-line reason.
struct QuerySyntaxError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

struct QueryRequest {
    std::string text;          // Xapian QueryParser syntax, see docs/usage.md
    bool match_any = false;    // default operator OR instead of AND
    std::optional<Date> since;  // inclusive
    std::optional<Date> until;  // inclusive
    std::vector<std::string> sources;  // any of these, exactly (case-insensitive)
    std::vector<std::string> authors;  // any of these, as a phrase in the author field

    bool has_filter() const { return since || until || !sources.empty() || !authors.empty(); }
};

// Parses with the index's stemming language and the schema's field prefixes.
// An empty text with a filter matches every article the filter lets through;
// an empty text without one is a QuerySyntaxError.
class QueryBuilder {
public:
    explicit QueryBuilder(const Xapian::Database& database);

    // The text, filtered. `correction`, when given, receives the query text
    // with misspelt words corrected from the index's spelling data, or "" when
    // there is nothing to correct.
    Xapian::Query build(const QueryRequest& request, std::string* correction = nullptr);
    // `query` restricted by the request's filters (its text is not used).
    Xapian::Query filter(const Xapian::Query& query, const QueryRequest& request);
    const Xapian::Stem& stemmer() const { return stemmer_; }

private:
    Xapian::QueryParser parser_;
    Xapian::QueryParser author_parser_;
    Xapian::Stem stemmer_;
    Xapian::DateRangeProcessor date_ranges_;
};

}  // namespace newsarchive
