// query_forms.cc — stop-word removal and proximity pairs in query text.
#include "query_forms.h"

#include <algorithm>
#include <iterator>
#include <sstream>
#include <vector>

namespace newsarchive::eval {

namespace {

// Snowball's English stop list (snowballstem.org), sorted for binary search.
constexpr std::string_view kStopWords[]{
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "could", "did", "do",
    "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
    "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "itself", "me", "more", "most", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only",
    "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
    "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "with", "would", "you", "your", "yours", "yourself",
    "yourselves"};

}  // namespace

bool is_stop_word(std::string_view word) { return std::binary_search(std::begin(kStopWords), std::end(kStopWords), word); }

ShapedQuery shape_query(const std::string& words, const QueryForm& form) {
    std::vector<std::string> all;
    std::istringstream in(words);
    for (std::string word; in >> word;) all.push_back(word);
    auto content_words = static_cast<std::size_t>(
        std::count_if(all.begin(), all.end(), [](const std::string& word) { return !is_stop_word(word); }));

    ShapedQuery query;
    query.match_any = form.matching == Matching::any ||
                      (form.matching == Matching::by_length && content_words >= kLongQueryWords);
    auto add = [&](const std::string& part) { query.text += (query.text.empty() ? "" : " ") + part; };
    for (const auto& word : all)
        if (!form.drop_stop_words || !is_stop_word(word)) add(word);
    if (form.proximity == Proximity::none) return query;
    // Pairs adjacent in the original text only: "effect of heat" gives no
    // "effect heat" pair that the text never had.
    for (std::size_t i = 0; i + 1 < all.size(); ++i) {
        if (is_stop_word(all[i]) || is_stop_word(all[i + 1])) continue;
        if (form.proximity == Proximity::phrases) add('"' + all[i] + ' ' + all[i + 1] + '"');
        else add(all[i] + " NEAR " + all[i + 1]);
    }
    return query;
}

}  // namespace newsarchive::eval
