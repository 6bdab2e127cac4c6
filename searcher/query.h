// query.h — from the user's query text and filters to a Xapian::Query.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

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
};

// Parses with the index's stemming language and the schema's field prefixes.
// An empty text with a date filter matches every article in the range; an
// empty text without one is a QuerySyntaxError.
class QueryBuilder {
public:
    explicit QueryBuilder(const Xapian::Database& database);

    Xapian::Query build(const QueryRequest& request);
    const Xapian::Stem& stemmer() const { return stemmer_; }

private:
    Xapian::QueryParser parser_;
    Xapian::Stem stemmer_;
    Xapian::DateRangeProcessor date_ranges_;
};

}  // namespace newsarchive
