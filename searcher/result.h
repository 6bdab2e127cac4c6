// result.h — the one result model every printer renders.
//
// Built from a Xapian MSet by search.cc; printers never see Xapian.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace newsarchive {

// A piece of a snippet; `matched` pieces are words the query matched.
struct SnippetPart {
    std::string text;
    bool matched = false;
};

struct Hit {
    std::uint64_t rank = 0;  // 1-based, counting from the first result overall
    std::string id;
    double score = 0;
    std::string title;
    std::optional<std::string> date;  // "YYYY-MM-DD"
    std::optional<std::string> source;
    std::optional<std::string> author;  // authors joined with ", "
    std::optional<std::string> url;
    std::vector<SnippetPart> snippet;
};

// A value and how many matching articles have it.
struct ValueCount {
    std::string value;
    std::uint64_t count = 0;
};

// Exact matches per period of the date.
struct Timeline {
    std::string period;  // "year", "month" or "day"
    // "2021", "2021-07" or "2021-07-19", oldest first. For years and months,
    // every period from the first to the last is listed, empty ones with 0;
    // days are listed only when something matched on them.
    std::vector<ValueCount> counts;
    std::uint64_t undated = 0;  // matching articles without a date
};

// Exact matches per value of a field.
struct Facet {
    std::string field;                // "source", "author" or "year"
    std::vector<ValueCount> values;   // most matches first, ties by value; cut to the facet limit
    std::uint64_t distinct = 0;       // values before the cut
};

// A caller's name for a request (batch "id"), echoed back with its answer.
struct RequestId {
    std::string text;        // as TREC qid: the string, or the number's digits
    bool is_number = false;  // given as a JSON number
};

struct SearchResult {
    std::optional<RequestId> id;
    std::string query;                      // the query text ("" with --similar alone)
    std::optional<std::string> similar_to;  // the article id of --similar
    std::string sort = "relevance";         // "relevance", "date" or "oldest"
    std::string match = "all";              // how the words were joined: "all" (AND) or "any" (OR)
    bool widened = false;                   // --match auto found nothing with AND, so used OR
    bool count_only = false;                // --count: only `total` is meaningful
    std::uint64_t total = 0;                // matching articles (an estimate when !total_exact)
    bool total_exact = true;
    std::uint64_t offset = 0;
    // The query with misspelt words corrected, offered when few articles match.
    std::optional<std::string> suggestion;
    std::optional<Timeline> timeline;
    std::vector<Facet> facets;
    std::vector<Hit> hits;
};

// The snippet as plain text.
std::string plain_snippet(const Hit& hit);

}  // namespace newsarchive
