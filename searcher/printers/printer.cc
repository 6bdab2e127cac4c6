// printer.cc — choosing a printer by format name.
#include "printers/printer.h"

#include "printers/json.h"
#include "printers/text.h"

namespace newsarchive {

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    if (name == "text") return OutputFormat::text;
    if (name == "json") return OutputFormat::json;
    if (name == "jsonl") return OutputFormat::jsonl;
    return std::nullopt;
}

std::unique_ptr<Printer> make_printer(OutputFormat format, std::ostream& out, bool highlight) {
    switch (format) {
        case OutputFormat::json: return std::make_unique<JsonPrinter>(out);
        case OutputFormat::jsonl: return std::make_unique<JsonLinesPrinter>(out);
        case OutputFormat::text: break;
    }
    return std::make_unique<TextPrinter>(out, highlight);
}

void print_result(Printer& printer, const SearchResult& result) {
    printer.begin(result);
    for (const auto& hit : result.hits) printer.hit(hit);
    printer.end(result);
}

}  // namespace newsarchive
