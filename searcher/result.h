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

struct SearchResult {
    std::string query;
    std::uint64_t total = 0;  // matching articles (an estimate when !total_exact)
    bool total_exact = true;
    std::uint64_t offset = 0;
    std::vector<Hit> hits;
};

// The snippet as plain text.
std::string plain_snippet(const Hit& hit);

}  // namespace newsarchive
