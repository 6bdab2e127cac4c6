// generated_article.h — one synthetic article, as the generator writes it out.
#pragma once

#include <string>
#include <vector>

namespace newsarchive::corpus {

struct GeneratedArticle {
    std::string id;     // "n<seed>-<number in the stream>", unique across seeds
    std::string title;
    std::string body;   // paragraphs separated by blank lines
    std::string date;   // YYYY-MM-DD, 2000-01-01 .. 2024-12-31
    std::string source;  // outlet name
    std::vector<std::string> authors;  // zero to three
    std::string url;
    // The id of the story's first publication: the article's own id, or, for
    // a near-duplicate, the id of the article it re-publishes. Ground truth
    // for story clustering; newsindex ignores the key.
    std::string story;
};

}  // namespace newsarchive::corpus
