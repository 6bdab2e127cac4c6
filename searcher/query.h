// query.h — from the user's query text and filters to a Xapian::Query.
#pragma once

#include <map>
#include <memory>
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

// How the words of a query combine where no operator joins them.
enum class MatchMode {
    all,        // every word must match (AND)
    any,        // at least one (OR): more of them, and rarer ones, rank higher
    automatic,  // "auto": OR for a query of kLongQueryWords content words or
                // more (a description rather than keywords); AND below,
                // widened to OR when AND finds nothing
};

// Content words (distinct terms left after stop words) from which "auto"
// uses OR. A judgment rather than a tuned value: 582 of the 594 classic test
// queries have 4 or more, and AND finds nothing for most of them, while 1 to
// 3 words read as keywords, which AND suits (docs/relevance.md).
inline constexpr std::size_t kLongQueryWords = 4;

struct QueryRequest {
    std::string text;  // Xapian QueryParser syntax, see docs/usage.md
    MatchMode match = MatchMode::automatic;
    // "english", "none" or a file of stop words (see stop_words.h); nullopt:
    // the default for the index's language.
    std::optional<std::string> stop_list;
    std::optional<Date> since;  // inclusive
    std::optional<Date> until;  // inclusive
    std::vector<std::string> sources;  // any of these, exactly (case-insensitive)
    std::vector<std::string> authors;  // any of these, as a phrase in the author field

    bool has_filter() const { return since || until || !sources.empty() || !authors.empty(); }
};

// A parsed query, and how its words were joined.
struct BuiltQuery {
    Xapian::Query query;
    bool match_any = false;  // OR joined the words
    // "auto" chose AND for a query of several words: if nothing matches,
    // build again with MatchMode::any.
    bool widenable = false;
};

// Parses with the index's stemming language and the schema's field prefixes.
// An empty text with a filter matches every article the filter lets through;
// an empty text without one is a QuerySyntaxError.
class QueryBuilder {
public:
    explicit QueryBuilder(const Xapian::Database& database);

    // The text, filtered. Throws QuerySyntaxError, and std::invalid_argument
    // for a stop list that cannot be read.
    BuiltQuery build(const QueryRequest& request);
    // The request's text with misspelt words corrected from the index's
    // spelling data, or "" when there is nothing to correct. Throws
    // QuerySyntaxError.
    std::string correction(const QueryRequest& request);
    // `query` restricted by the request's filters (its text is not used).
    Xapian::Query filter(const Xapian::Query& query, const QueryRequest& request);
    const Xapian::Stem& stemmer() const { return stemmer_; }

private:
    Xapian::Query parse(const std::string& text, Xapian::Query::op default_op, unsigned extra_flags = 0);
    const Xapian::Stopper* stopper(const std::optional<std::string>& name);

    std::string language_;
    std::map<std::string, std::unique_ptr<Xapian::Stopper>> stop_lists_;  // by name, loaded once
    Xapian::QueryParser parser_;
    Xapian::QueryParser author_parser_;
    Xapian::Stem stemmer_;
    Xapian::DateRangeProcessor date_ranges_;
};

}  // namespace newsarchive
