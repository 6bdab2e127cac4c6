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

namespace {

nlohmann::json id_json(const RequestId& id) {
    if (id.is_number) {
        auto number = nlohmann::json::parse(id.text, nullptr, false);
        if (!number.is_discarded()) return number;
    }
    return id.text;
}

// --count: {"format_version", "query", "total"}, and "id" when the request had one.
nlohmann::json count_json(const SearchResult& result) {
    nlohmann::json document = {
        {"format_version", kJsonFormatVersion}, {"query", result.query}, {"total", result.total}};
    if (result.id) document["id"] = id_json(*result.id);
    return document;
}

nlohmann::json counts_json(const std::vector<ValueCount>& counts, const char* key) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& entry : counts) out.push_back({{key, entry.value}, {"count", entry.count}});
    return out;
}

}  // namespace

void JsonPrinter::begin(const SearchResult&) { hits_ = nlohmann::json::array(); }

void JsonPrinter::hit(const Hit& hit) { hits_.push_back(hit_to_json(hit)); }

void JsonPrinter::end(const SearchResult& result) {
    if (result.count_only) {
        out_ << dump(count_json(result)) << '\n' << std::flush;
        return;
    }
    nlohmann::json document = {
        {"format_version", kJsonFormatVersion},
        {"query", result.query},
        {"similar_to", or_null(result.similar_to)},
        {"sort", result.sort},
        {"match", result.match},
        {"widened", result.widened},
        {"total", result.total},
        {"total_exact", result.total_exact},
        {"offset", result.offset},
        {"suggestion", or_null(result.suggestion)},
        {"results", hits_},
    };
    if (result.id) document["id"] = id_json(*result.id);
    if (result.timeline) {
        document["timeline"] = counts_json(result.timeline->counts, "period");
        document["timeline_period"] = result.timeline->period;
        document["timeline_undated"] = result.timeline->undated;
    }
    if (!result.facets.empty()) {
        nlohmann::json facets = nlohmann::json::object();
        for (const auto& facet : result.facets)
            facets[facet.field] = {{"distinct", facet.distinct}, {"values", counts_json(facet.values, "value")}};
        document["facets"] = facets;
    }
    out_ << dump(document) << '\n' << std::flush;
}

void JsonLinesPrinter::hit(const Hit& hit) { out_ << dump(hit_to_json(hit)) << '\n'; }

void JsonLinesPrinter::end(const SearchResult& result) {
    if (result.count_only) out_ << dump(count_json(result)) << '\n';
    out_.flush();
}

}  // namespace newsarchive
