// query_forms.h — how each classic query is put to newssearch.
//
// Stop words, proximity and a rule for long queries have no newssearch option
// yet; until they do, the evaluation measures them through what it sends:
// with OR, BM25 scores a query without its stop words exactly as a query
// parser with a stop list would; a quoted pair or `a NEAR b` is newssearch's
// own query syntax; and each --batch request can say "any": true or false.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace newsarchive::eval {

enum class Matching {
    all,        // every word must match: newssearch's default (AND)
    any,        // any word may match: --any (OR)
    by_length,  // OR from kLongQueryWords content words on, AND below (the
                // evaluation asks again with OR when AND finds nothing)
};

// Content words (not stop words) from which Matching::by_length uses OR.
inline constexpr std::size_t kLongQueryWords = 4;

enum class Proximity {
    none,
    phrases,  // each pair of adjacent content words added as a "phrase"
    near,     // each such pair added as `a NEAR b` (within 10 words, any order)
};

struct QueryForm {
    Matching matching = Matching::any;
    bool drop_stop_words = false;
    Proximity proximity = Proximity::none;
};

// True for the words of the Snowball English stop list (without its
// contractions, which plain_words splits apart).
bool is_stop_word(std::string_view word);

struct ShapedQuery {
    std::string text;
    bool match_any = true;
};

// The query as sent: `words` (from plain_words) in `form`.
ShapedQuery shape_query(const std::string& words, const QueryForm& form);

}  // namespace newsarchive::eval
