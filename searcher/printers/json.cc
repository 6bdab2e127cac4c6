// json.cc — JSON and JSON-lines printers (nlohmann::json).
#include "printers/json.h"

namespace newsarchive {

namespace {

nlohmann::json or_null(const std::optional<std::string>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
}

// Invalid UTF-8 in stored text must not abort the output: replace it.
std::string dump(const nlohmann::json& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

nlohmann::json hit_to_json(const Hit& hit) {
    return {
        {"rank", hit.rank},          {"id", hit.id},
        {"score", hit.score},        {"title", hit.title.empty() ? nlohmann::json(nullptr) : nlohmann::json(hit.title)},
        {"date", or_null(hit.date)}, {"source", or_null(hit.source)},
        {"author", or_null(hit.author)}, {"url", or_null(hit.url)},
        {"snippet", plain_snippet(hit)},
    };
}

void JsonPrinter::begin(const SearchResult&) { hits_ = nlohmann::json::array(); }

void JsonPrinter::hit(const Hit& hit) { hits_.push_back(hit_to_json(hit)); }

void JsonPrinter::end(const SearchResult& result) {
    nlohmann::json document = {
        {"format_version", kJsonFormatVersion}, {"query", result.query}, {"total", result.total},
        {"total_exact", result.total_exact},     {"offset", result.offset}, {"results", hits_},
    };
    out_ << dump(document) << '\n' << std::flush;
}

void JsonLinesPrinter::hit(const Hit& hit) { out_ << dump(hit_to_json(hit)) << '\n'; }

}  // namespace newsarchive
