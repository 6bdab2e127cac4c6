// json_record.cc — JSON values as record fields: strings, arrays of strings, author objects.
#include "readers/json_record.h"

namespace newsarchive {

namespace {

// A field's value nested deeper than this is dropped rather than turned into
// text: dump() recurses once per level, and a line of a million '[' would
// overflow the stack. Real fields nest a level or two.
constexpr int kMaxNesting = 64;

// Whether `value` nests containers more than `levels` deep; looks no deeper,
// so its own recursion stays bounded.
bool nested_deeper_than(const nlohmann::json& value, int levels) {
    if (!value.is_structured()) return false;
    if (levels == 0) return true;
    for (const auto& child : value)
        if (nested_deeper_than(child, levels - 1)) return true;
    return false;
}

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
        } else if (!value.is_null() && !nested_deeper_than(value, kMaxNesting)) {
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

void add_json_record(const nlohmann::json& record, const std::string& file, const std::string& position,
                     const ReaderOptions& options, ArticleSink& sink) {
    if (!record.is_object()) {
        sink.skip({file, position, "JSON value is not an object", "malformed JSON"});
        return;
    }
    auto lookup = [&](std::string_view key) { return record_value(record, key); };
    if (auto article = article_from_record(lookup, options.fields, file, position, sink))
        sink.add(std::move(*article), file, position);
}

}  // namespace newsarchive
