// printer.cc — choosing a printer by format name.
#include "printers/printer.h"

#include <charconv>

#include "printers/ids.h"
#include "printers/json.h"
#include "printers/text.h"
#include "printers/trec.h"
#include "printers/tsv.h"

namespace newsarchive {

namespace {
constexpr std::pair<std::string_view, OutputFormat> kFormats[] = {
    {"text", OutputFormat::text}, {"json", OutputFormat::json}, {"jsonl", OutputFormat::jsonl},
    {"ids", OutputFormat::ids},   {"tsv", OutputFormat::tsv},   {"trec", OutputFormat::trec},
};
}  // namespace

std::optional<OutputFormat> parse_output_format(std::string_view name) {
    for (auto [format_name, format] : kFormats)
        if (format_name == name) return format;
    return std::nullopt;
}

std::string_view name_of(OutputFormat format) {
    for (auto [format_name, known] : kFormats)
        if (known == format) return format_name;
    return "text";
}

FormatAbilities abilities_of(OutputFormat format) {
    switch (format) {
        case OutputFormat::text:
        case OutputFormat::json: return {true, true};
        case OutputFormat::jsonl:
        case OutputFormat::ids:
        case OutputFormat::tsv: return {true, false};
        case OutputFormat::trec: break;
    }
    return {false, false};
}

std::unique_ptr<Printer> make_printer(OutputFormat format, std::ostream& out, const PrinterOptions& options) {
    switch (format) {
        case OutputFormat::json: return std::make_unique<JsonPrinter>(out);
        case OutputFormat::jsonl: return std::make_unique<JsonLinesPrinter>(out);
        case OutputFormat::ids: return std::make_unique<IdsPrinter>(out);
        case OutputFormat::tsv: return std::make_unique<TsvPrinter>(out);
        case OutputFormat::trec: return std::make_unique<TrecPrinter>(out, options.trec_qid, options.trec_tag);
        case OutputFormat::text: break;
    }
    return std::make_unique<TextPrinter>(out, options.highlight, options.width);
}

void print_result(Printer& printer, const SearchResult& result) {
    printer.begin(result);
    for (const auto& hit : result.hits) printer.hit(hit);
    printer.end(result);
}

std::string format_score(double score) {
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, score);
    return ec == std::errc{} ? std::string(buffer, end) : std::string("0");
}

std::string one_field(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return out;
}

std::string one_token(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') c = '_';
    return out.empty() ? "_" : out;
}

}  // namespace newsarchive
