// jsonl.cc — JSON lines: one article object per line (nlohmann::json).
#include <nlohmann/json.hpp>

#include "readers/readers.h"
#include "readers/record_fields.h"
#include "text_clean.h"

namespace newsarchive {

namespace {

// A record value as strings: arrays give one string per element (authors),
// objects inside arrays their "name" (news APIs write authors that way).
std::optional<std::vector<std::string>> record_value(const nlohmann::json& record, std::string_view key) {
    auto it = record.find(key);
    if (it == record.end() || it->is_null()) return std::nullopt;
    std::vector<std::string> values;
    auto add = [&](const nlohmann::json& value) {
        if (value.is_string()) {
            if (!value.get_ref<const std::string&>().empty()) values.push_back(value.get<std::string>());
        } else if (value.is_object()) {
            if (auto name = value.find("name"); name != value.end() && name->is_string()) values.push_back(*name);
        } else if (!value.is_null()) {
            values.push_back(value.dump());
        }
    };
    if (it->is_array()) {
        for (const auto& element : *it) add(element);
    } else {
        add(*it);
    }
    if (values.empty()) return std::nullopt;
    return values;
}

}  // namespace

void read_jsonl(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink) {
    std::string line;
    for (std::uint64_t number = 1; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        std::string position = "line " + std::to_string(number);
        nlohmann::json record;
        try {
            // JSON must be UTF-8; Latin-1 dumps are common, so repair first.
            record = nlohmann::json::parse(clean_text(line));
        } catch (const nlohmann::json::parse_error& e) {
            sink.skip({file, position, std::string("malformed JSON: ") + e.what(), "malformed JSON"});
            continue;
        }
        if (!record.is_object()) {
            sink.skip({file, position, "JSON value is not an object", "malformed JSON"});
            continue;
        }
        auto lookup = [&](std::string_view key) { return record_value(record, key); };
        if (auto article = article_from_record(lookup, options.fields, file, position, sink))
            sink.add(std::move(*article), file, position);
    }
}

}  // namespace newsarchive
