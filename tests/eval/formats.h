// formats.h — parsers for the file formats of the classic IR test collections.
//
// SMART dot-field files (ADI, CACM, CISI, CRAN, MED), LISA's and NPL's own
// layouts and the several judgment-file layouts are one-off research formats
// that no maintained library reads, so they are parsed by hand here. Every
// parser takes a file's text and does no I/O, so the unit tests can feed it
// the quirks listed in shared/corpora/SOURCES.md inline.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace newsarchive::eval {

struct Document {
    std::string id;
    std::string title;
    std::string body;
};

struct Query {
    std::string id;
    std::string text;
};

// Relevance judgments: query id → document id → grade. A grade above 0 means
// relevant; collections without grades use 1.
using Judgments = std::map<std::string, std::map<std::string, int>>;

// The collections number everything with decimal integers, some zero-padded
// ("01" in CACM's qrels, "001" in CRAN's queries): ids are compared without
// leading zeros.
std::string canonical_id(std::string_view id);

// One `.I` record of a SMART file: its id and its fields by marker letter
// (`.T` → 'T'). A field that occurs twice (CRAN docs 576 and 578 have two
// `.W`) keeps both texts, joined by a newline.
struct SmartRecord {
    std::string id;
    std::map<char, std::string> fields;
};

// Reads `.I <id>` records whose field markers (`.T`, `.W`, ...) stand on lines
// of their own. Copes with CRLF line ends (CACM), blanks after a marker
// (CISI's `.T `) and an id broken over two lines (CACM's `.I 28` / `56`).
std::vector<SmartRecord> parse_smart(std::string_view text);

// Whitespace-separated judgment lines: the query id in column `query_column`,
// the document id in `document_column`, and the grade in `grade_column`
// (-1: no grade column, every pair gets grade 1). Blank lines are skipped; a
// line too short for the columns throws std::runtime_error.
Judgments parse_judgment_columns(std::string_view text, int query_column, int document_column, int grade_column = -1);

// LISA documents: `Document <n>`, title lines, a blank line, the abstract,
// then a line of `*`. LISA1.501.ALL holds a fragment of a lost document
// between two `*` lines: such lines outside any record are counted, not kept.
struct LisaDocuments {
    std::vector<Document> documents;
    std::size_t stray_lines = 0;
};
LisaDocuments parse_lisa_documents(std::string_view text);
// LISA.QUE: an id line, then the query text, ended by `#`.
std::vector<Query> parse_lisa_queries(std::string_view text);
// LISARJ.NUM: a stream of numbers, `<query> <count> <count doc ids>`, in
// fixed-width columns that wrap onto continuation lines.
Judgments parse_lisa_judgments(std::string_view text);

// NPL doc-text and query-text: an id line, text lines, then a line holding
// only `/`. The text becomes Document::body / Query::text.
std::vector<Document> parse_npl_documents(std::string_view text);
std::vector<Query> parse_npl_queries(std::string_view text);
// NPL rlv-ass: a query id, then its relevant doc ids over several lines,
// ended by `/` — which may stick to the last id (`11318/`) or be missing at
// the end of the file.
Judgments parse_npl_judgments(std::string_view text);

}  // namespace newsarchive::eval
