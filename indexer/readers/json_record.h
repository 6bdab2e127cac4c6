// json_record.h — one parsed JSON value as an article, for the JSON lines and JSON array readers.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "readers/readers.h"

namespace newsarchive {

// Hands `record` to `sink` as an article (keys found as FieldMap says), or
// skips it: a value that is not an object as "malformed JSON", an object
// without title and body as article_from_record does.
void add_json_record(const nlohmann::json& record, const std::string& file, const std::string& position,
                     const ReaderOptions& options, ArticleSink& sink);

}  // namespace newsarchive
