// collections.h — the seven classic test collections of shared/corpora, read
// into documents, queries and judgments with each one's quirks settled.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "formats.h"

namespace newsarchive::eval {

struct Collection {
    std::string name;  // "CACM", as in the report
    std::vector<Document> documents;
    std::vector<Query> queries;
    // Grades are gains: higher is more relevant, 0 or below is not relevant.
    Judgments judgments;
    // How the reader settled the collection's quirks, for the report.
    std::vector<std::string> notes;
};

// ADI CACM CISI CRAN LISA MED NPL: the collections with judgments.
const std::vector<std::string>& collection_names();

// The folder of `name` under `corpora` (corpora/classic-cacm for "CACM").
std::filesystem::path collection_folder(const std::filesystem::path& corpora, const std::string& name);

// Reads collection `name` from `corpora`; throws std::runtime_error naming the
// file when one is missing or malformed.
//
// Queries use their `.W` text only. Documents use `.T` as title and `.W` as
// body (other SMART fields — authors, citations, dates — are left out, as in
// the usual experimental setup). Settled quirks:
//   CACM  CRLF line ends; document 2856's `.I` line broken in two.
//   CRAN  queries renumbered 1..225 by position, as cranqrel numbers them;
//         Cleverdon's grades 1 (complete answer) .. 4 (minimum interest)
//         become gains 4 .. 1; grade -1 (the question's source paper) stays
//         -1, i.e. not relevant. Empty documents 471 and 995 are left out.
//   LISA  LISA1.501.ALL replaces its truncated prefix LISA1.501; the four
//         documents it repeats are kept once, the fragment of a lost document
//         it holds is left out; judgments come from LISARJ.NUM
//         (LISA.REL is damaged for queries 21–23).
//   NPL   the last rlv-ass list ends without its `/`.
Collection read_collection(const std::string& name, const std::filesystem::path& corpora);

// The classic queries are prose, not query syntax: LISA's are upper case, so
// their AND, OR and NOT would become operators, and CACM's carry quotes,
// parentheses and hyphens. They reach newssearch as lower-case words, every
// character other than an ASCII letter or digit turned into a space.
std::string plain_words(const std::string& text);

// The numbers a report states about a collection.
struct CollectionStats {
    std::size_t documents = 0;
    std::size_t queries = 0;
    std::size_t judged_queries = 0;    // queries with at least one relevant document
    std::size_t judgments = 0;         // (query, document) pairs, any grade
    std::size_t relevant = 0;          // pairs with a grade above 0
};

CollectionStats collection_stats(const Collection& collection);

}  // namespace newsarchive::eval
