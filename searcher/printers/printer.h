// printer.h — one printer per output format, over the one result model.
//
// The search loop hands each result to a printer as begin / hit... / end; a
// printer writes to its stream and never sees Xapian.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include "result.h"

namespace newsarchive {

enum class OutputFormat { text, json, jsonl, ids, tsv, trec };

// "text", "json", "jsonl", "ids", "tsv", "trec"; nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view name);
std::string_view name_of(OutputFormat format);

// What a format can show beyond hits. Front ends check a request against this
// before searching, so that no option is silently ignored.
struct FormatAbilities {
    bool count = false;     // --count
    bool summaries = false;  // --timeline, --facets
};
FormatAbilities abilities_of(OutputFormat format);

struct PrinterOptions {
    // Emphasise matched words and titles with terminal escapes (text format
    // only; the caller decides from isatty and NO_COLOR).
    bool highlight = false;
    // Columns the text format lays titles, snippets and charts out in (the
    // caller decides, see terminal.h).
    std::size_t width = 80;
    // TREC run lines: the query id (overridden by a result's id) and run tag.
    std::string trec_qid = "1";
    std::string trec_tag = "newsarchive";
};

class Printer {
public:
    virtual ~Printer() = default;
    virtual void begin(const SearchResult& result) = 0;  // `result.hits` not yet printed
    virtual void hit(const Hit& hit) = 0;
    virtual void end(const SearchResult& result) = 0;    // flushes the stream
};

std::unique_ptr<Printer> make_printer(OutputFormat format, std::ostream& out, const PrinterOptions& options = {});

// begin, every hit, end.
void print_result(Printer& printer, const SearchResult& result);

// Helpers for line-oriented formats.
// A score in the fewest digits that read back as the same double.
std::string format_score(double score);
// `text` on one line of one field: tabs, CRs and newlines become spaces.
std::string one_field(std::string_view text);
// `text` as one whitespace-free token (TREC): each blank becomes "_".
std::string one_token(std::string_view text);

}  // namespace newsarchive
