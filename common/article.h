// article.h — the record every input reader produces and the indexer consumes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "date.h"

namespace newsarchive {

// One news article as read from a dump. Readers fill what their format has;
// empty strings mean "absent". All text is UTF-8.
struct Article {
    std::string id;      // unique within the index; re-indexing the same id replaces
    std::string title;   // headline, page furniture already removed
    std::string body;    // text to index, page furniture already removed
    std::optional<Date> date;
    std::string source;  // outlet or publication
    std::vector<std::string> authors;
    std::string url;
    // The article as the user gave it, kept byte for byte in the store and
    // printed by `newssearch --show`: the whole file for one-article-per-file
    // formats, else title and body as the record held them.
    std::string text;
};

// The text of an article whose format holds only fields (JSON, CSV, SGML):
// its title and body as the record held them, a blank line between. The
// store keeps no copy of a text that is this.
inline std::string article_text(const std::string& title, const std::string& body) {
    if (title.empty()) return body;
    if (body.empty()) return title;
    return title + "\n\n" + body;
}

}  // namespace newsarchive
