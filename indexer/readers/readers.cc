// readers.cc — format names and extensions, and the readers' shared warnings.
#include "readers/readers.h"

#include <array>
#include <utility>

#include "ascii.h"

namespace newsarchive {

namespace {
constexpr std::array<std::pair<std::string_view, Format>, 7> kFormatNames{{{"text", Format::text},
                                                                          {"jsonl", Format::jsonl},
                                                                          {"json", Format::json},
                                                                          {"csv", Format::csv},
                                                                          {"trec", Format::trec},
                                                                          {"message", Format::message},
                                                                          {"mbox", Format::mbox}}};
constexpr std::array<std::pair<std::string_view, Format>, 11> kExtensions{{{".txt", Format::text},
                                                                           {".jsonl", Format::jsonl},
                                                                           {".ndjson", Format::jsonl},
                                                                           {".json", Format::json},
                                                                           {".csv", Format::csv},
                                                                           {".tsv", Format::csv},
                                                                           {".sgml", Format::trec},
                                                                           {".sgm", Format::trec},
                                                                           {".trec", Format::trec},
                                                                           {".eml", Format::message},
                                                                           {".mbox", Format::mbox}}};
}  // namespace

std::optional<Format> parse_format(std::string_view name) {
    for (auto [known, format] : kFormatNames)
        if (known == name) return format;
    return std::nullopt;
}

std::string_view format_name(Format format) {
    for (auto [name, known] : kFormatNames)
        if (known == format) return name;
    return "?";
}

std::optional<Format> format_from_extension(std::string_view file_name) {
    std::string lower = ascii_lower(file_name);
    for (auto [extension, format] : kExtensions)
        if (lower.ends_with(extension)) return format;
    return std::nullopt;
}

RecordProblem kept_first_record_bytes(const std::string& file, std::string position, std::string_view what) {
    const std::string megabytes = std::to_string(kMaxRecordBytes >> 20);
    return {file, std::move(position),
            std::string(what) + " longer than " + megabytes + " MB: kept its first " + megabytes + " MB",
            "oversized record"};
}

}  // namespace newsarchive
