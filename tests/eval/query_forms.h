// query_forms.h — proximity pairs added to a classic query's words.
//
// Stop words, the default operator and BM25's parameters are newssearch
// options (--stopwords, --match, --bm25-k1/--bm25-b), given to it as they
// are. Proximity has no option, as it did not help (docs/relevance.md): the
// evaluation measures it through what it sends, in newssearch's own syntax.
#pragma once

#include <string>

namespace newsarchive::eval {

enum class Proximity {
    none,
    phrases,  // each pair of adjacent content words added as a "phrase"
    near,     // each such pair added as `a NEAR b` (within 10 words, any order)
};

// The query as sent: `words` (from plain_words), then a pair for each two
// adjacent words that are not English stop words (newssearch's list).
std::string shape_query(const std::string& words, Proximity proximity);

}  // namespace newsarchive::eval
