// query_forms.cc — proximity pairs in query text.
#include "query_forms.h"

#include <sstream>
#include <vector>

#include "stop_words.h"

namespace newsarchive::eval {

std::string shape_query(const std::string& words, Proximity proximity) {
    if (proximity == Proximity::none) return words;
    static const auto stop_words = load_stop_list("english");
    std::vector<std::string> all;
    std::istringstream in(words);
    for (std::string word; in >> word;) all.push_back(word);
    std::string query = words;
    // Pairs adjacent in the original text only: "effect of heat" gives no
    // "effect heat" pair that the text never had.
    for (std::size_t i = 0; i + 1 < all.size(); ++i) {
        if ((*stop_words)(all[i]) || (*stop_words)(all[i + 1])) continue;
        query += proximity == Proximity::phrases ? " \"" + all[i] + ' ' + all[i + 1] + '"'
                                                 : ' ' + all[i] + " NEAR " + all[i + 1];
    }
    return query;
}

}  // namespace newsarchive::eval
