// printer.h — one printer per output format, over the one result model.
//
// The search loop hands each result to a printer as begin / hit... / end; a
// printer writes to its stream and never sees Xapian.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

#include "result.h"

namespace newsarchive {

enum class OutputFormat { text, json, jsonl };

// "text" / "json" / "jsonl"; nullopt for anything else.
std::optional<OutputFormat> parse_output_format(std::string_view name);

class Printer {
public:
    virtual ~Printer() = default;
    virtual void begin(const SearchResult& result) = 0;  // `result.hits` not yet printed
    virtual void hit(const Hit& hit) = 0;
    virtual void end(const SearchResult& result) = 0;
};

// `highlight`: emphasise matched words and titles with terminal escapes (text
// format only; the caller decides from isatty and NO_COLOR).
std::unique_ptr<Printer> make_printer(OutputFormat format, std::ostream& out, bool highlight);

// begin, every hit, end.
void print_result(Printer& printer, const SearchResult& result);

}  // namespace newsarchive
