// readers.h — the input formats and the reader of each.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <string_view>

#include "readers/furniture.h"
#include "readers/reader.h"
#include "readers/record_fields.h"

namespace newsarchive {

enum class Format { text, jsonl };

// "text" / "jsonl"; nullopt for anything else.
std::optional<Format> parse_format(std::string_view name);
std::string_view format_name(Format format);
// The format a file name's extension implies, or nullopt when it implies none.
std::optional<Format> format_from_extension(std::string_view file_name);

struct ReaderOptions {
    FieldMap fields;
    FurnitureRules furniture = FurnitureRules::defaults();
};

// Text: the whole stream is one article with the given id. The title is the
// first line that is neither blank nor furniture; the body the other such lines.
void read_text_article(const std::string& file, const std::string& id, std::istream& in, const ReaderOptions& options,
                       ArticleSink& sink);

// JSON lines: one object per line; blank lines ignored.
void read_jsonl(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink);

}  // namespace newsarchive
