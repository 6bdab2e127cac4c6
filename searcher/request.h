// request.h — one search request, as every front end fills it.
//
// The one-shot command line, `--batch` (JSON request lines) and any later
// interactive mode differ only in how they obtain a SearchRequest: they share
// the value parsers below, so an option means the same thing everywhere.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "printers/printer.h"
#include "query.h"
#include "result.h"

namespace newsarchive {

// A request option has a bad value, or options that cannot go together;
// what() is a one-line reason naming the option.
struct RequestError : std::invalid_argument {
    using std::invalid_argument::invalid_argument;
};

enum class SortOrder { relevance, newest, oldest };  // names: relevance, date, oldest
enum class Period { year, month, day };
enum class FacetField { source, author, year };

// BM25's parameters (Xapian's k2 = 0, k3 = 1, min_normlen = 0.5 fixed).
// k1: how fast repeated words stop counting; b: how much long articles are
// discounted. Xapian's own are 1 and 0.5; these are the best MAP on CISI, the
// collection tuned on, for k1 in the usual 1.2 to 2 (docs/relevance.md).
struct Bm25Parameters {
    double k1 = 2;
    double b = 0.75;
};

struct SearchRequest {
    QueryRequest query;                     // text and filters
    std::optional<std::string> similar_to;  // article id: rank by likeness to it
    SortOrder sort = SortOrder::relevance;
    Bm25Parameters bm25;
    std::uint64_t offset = 0;
    std::uint64_t limit = 10;
    bool count_only = false;         // exact total only, no hits
    std::optional<Period> timeline;  // exact matches per period
    std::vector<FacetField> facets;  // exact matches per value, in this order
    std::uint64_t facet_limit = 10;  // values listed per facet, most frequent first; 0: all
    std::optional<RequestId> id;
    bool article_fields = true;       // title, date, source...: off for formats that print only the id
    bool total = true;                // matches counted to about 1000: off for formats that print no total
    bool snippets = true;             // formats that show no snippet turn this off
    bool suggestion = true;           // a spelling suggestion when few match; likewise
    std::size_t snippet_bytes = 240;  // roughly; Xapian stops at a word boundary

    // Nothing to search for: no text, no --similar and no filter.
    bool empty() const;
};

// Value parsers; each throws RequestError naming `option` (e.g. "--sort").
SortOrder parse_sort_order(std::string_view text, std::string_view option = "--sort");
Period parse_period(std::string_view text, std::string_view option = "--timeline");
// "source,author,year" (any order, no repeats).
std::vector<FacetField> parse_facets(std::string_view text, std::string_view option = "--facets");
Date parse_request_date(std::string_view text, std::string_view option);
MatchMode parse_match_mode(std::string_view text, std::string_view option = "--match");
// k1 (0 or more) and b (0 to 1).
double parse_bm25_k1(double value, std::string_view option = "--bm25-k1");
double parse_bm25_b(double value, std::string_view option = "--bm25-b");

std::string_view name_of(SortOrder sort);
std::string_view name_of(Period period);
std::string_view name_of(FacetField field);
std::string_view name_of(MatchMode mode);

// Throws RequestError when `request` asks for what `format` cannot show
// (--count in trec; --timeline or --facets outside text and json).
void check_request_fits(const SearchRequest& request, OutputFormat format);

// Applies a batch request object {"query", "limit", "offset", "sort", "since",
// "until", "source", "author", "match", "any", "stopwords", "bm25_k1",
// "bm25_b", "similar", "count", "timeline", "facets", "id"} over `request`
// (which holds the command line's options): keys present replace the command
// line's value, "source" and "author" (a string or an array of strings)
// replace its whole list; "any": true is "match": "any", false "match":
// "all". Unknown keys and values of the wrong type are RequestErrors.
void apply_json_request(const nlohmann::json& object, SearchRequest& request);

}  // namespace newsarchive
