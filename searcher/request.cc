// request.cc — value parsers shared by every front end, and batch request objects.
#include "request.h"

#include <algorithm>

namespace newsarchive {

namespace {

std::string quoted(std::string_view text) { return "'" + std::string(text) + "'"; }

// "JSON key 'limit'" style names for batch errors.
std::string key_name(std::string_view key) { return "\"" + std::string(key) + "\""; }

const nlohmann::json& expect(const nlohmann::json& value, bool ok, std::string_view key, std::string_view what) {
    if (!ok) throw RequestError(key_name(key) + " must be " + std::string(what) + ", got " + value.dump());
    return value;
}

std::string string_value(const nlohmann::json& value, std::string_view key) {
    return expect(value, value.is_string(), key, "a string").get<std::string>();
}

std::uint64_t count_value(const nlohmann::json& value, std::string_view key) {
    return expect(value, value.is_number_unsigned() || (value.is_number_integer() && value.get<std::int64_t>() >= 0),
                  key, "a whole number 0 or more")
        .get<std::uint64_t>();
}

double number_value(const nlohmann::json& value, std::string_view key) {
    return expect(value, value.is_number(), key, "a number").get<double>();
}

bool bool_value(const nlohmann::json& value, std::string_view key) {
    return expect(value, value.is_boolean(), key, "true or false").get<bool>();
}

std::vector<std::string> strings_value(const nlohmann::json& value, std::string_view key) {
    if (value.is_string()) return {value.get<std::string>()};
    expect(value, value.is_array(), key, "a string or an array of strings");
    std::vector<std::string> out;
    for (const auto& item : value) out.push_back(string_value(item, key));
    return out;
}

}  // namespace

bool SearchRequest::empty() const {
    return query.text.find_first_not_of(" \t\r\n") == std::string::npos && !similar_to && !query.since &&
           !query.until && query.sources.empty() && query.authors.empty();
}

SortOrder parse_sort_order(std::string_view text, std::string_view option) {
    if (text == "relevance") return SortOrder::relevance;
    if (text == "date") return SortOrder::newest;
    if (text == "oldest") return SortOrder::oldest;
    throw RequestError(std::string(option) + " must be relevance, date (newest first) or oldest, got " + quoted(text));
}

Period parse_period(std::string_view text, std::string_view option) {
    if (text == "year") return Period::year;
    if (text == "month") return Period::month;
    if (text == "day") return Period::day;
    throw RequestError(std::string(option) + " must be year, month or day, got " + quoted(text));
}

std::vector<FacetField> parse_facets(std::string_view text, std::string_view option) {
    std::vector<FacetField> fields;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = std::min(text.find(',', start), text.size());
        std::string_view name = text.substr(start, comma - start);
        FacetField field;
        if (name == "source") field = FacetField::source;
        else if (name == "author") field = FacetField::author;
        else if (name == "year") field = FacetField::year;
        else
            throw RequestError(std::string(option) + " takes a comma-separated list of source, author, year; got " +
                               quoted(text));
        if (std::find(fields.begin(), fields.end(), field) != fields.end())
            throw RequestError(std::string(option) + " names '" + std::string(name) + "' twice");
        fields.push_back(field);
        start = comma + 1;
    }
    return fields;
}

Date parse_request_date(std::string_view text, std::string_view option) {
    auto date = parse_date(text);
    if (!date) throw RequestError(std::string(option) + " needs a date like 2021-07-19, got " + quoted(text));
    return *date;
}

MatchMode parse_match_mode(std::string_view text, std::string_view option) {
    if (text == "all") return MatchMode::all;
    if (text == "any") return MatchMode::any;
    if (text == "auto") return MatchMode::automatic;
    throw RequestError(std::string(option) + " must be all, any or auto, got " + quoted(text));
}

double parse_bm25_k1(double value, std::string_view option) {
    if (!(value >= 0 && value <= 1000))
        throw RequestError(std::string(option) + " must be a number from 0 to 1000, got " + std::to_string(value));
    return value;
}

double parse_bm25_b(double value, std::string_view option) {
    if (!(value >= 0 && value <= 1))
        throw RequestError(std::string(option) + " must be a number from 0 to 1, got " + std::to_string(value));
    return value;
}

std::string_view name_of(SortOrder sort) {
    switch (sort) {
        case SortOrder::newest: return "date";
        case SortOrder::oldest: return "oldest";
        case SortOrder::relevance: break;
    }
    return "relevance";
}

std::string_view name_of(Period period) {
    switch (period) {
        case Period::year: return "year";
        case Period::day: return "day";
        case Period::month: break;
    }
    return "month";
}

std::string_view name_of(FacetField field) {
    switch (field) {
        case FacetField::author: return "author";
        case FacetField::year: return "year";
        case FacetField::source: break;
    }
    return "source";
}

std::string_view name_of(MatchMode mode) {
    switch (mode) {
        case MatchMode::all: return "all";
        case MatchMode::any: return "any";
        case MatchMode::automatic: break;
    }
    return "auto";
}

void check_request_fits(const SearchRequest& request, OutputFormat format) {
    FormatAbilities abilities = abilities_of(format);
    std::string name(name_of(format));
    if (request.count_only && !abilities.count) throw RequestError("--count cannot be shown in --format " + name);
    if (request.count_only && (request.timeline || !request.facets.empty()))
        throw RequestError("--count gives the total only: leave out --timeline and --facets");
    if (!abilities.summaries && request.timeline)
        throw RequestError("--timeline needs --format text or json, not " + name);
    if (!abilities.summaries && !request.facets.empty())
        throw RequestError("--facets needs --format text or json, not " + name);
}

void apply_json_request(const nlohmann::json& object, SearchRequest& request) {
    if (!object.is_object()) throw RequestError("a request line must be a query or a JSON object");
    // The id first, so that an error about another key can still echo it.
    if (auto id = object.find("id"); id != object.end()) {
        if (id->is_string()) request.id = RequestId{id->get<std::string>(), false};
        else if (id->is_number_integer()) request.id = RequestId{id->dump(), true};
        else throw RequestError(key_name("id") + " must be a string or a whole number, got " + id->dump());
    }
    for (const auto& [key, value] : object.items()) {
        if (key == "id") continue;
        if (key == "query") request.query.text = string_value(value, key);
        else if (key == "limit") request.limit = count_value(value, key);
        else if (key == "offset") request.offset = count_value(value, key);
        else if (key == "match") request.query.match = parse_match_mode(string_value(value, key), key_name(key));
        else if (key == "any") request.query.match = bool_value(value, key) ? MatchMode::any : MatchMode::all;
        else if (key == "stopwords") request.query.stop_list = string_value(value, key);
        else if (key == "bm25_k1") request.bm25.k1 = parse_bm25_k1(number_value(value, key), key_name(key));
        else if (key == "bm25_b") request.bm25.b = parse_bm25_b(number_value(value, key), key_name(key));
        else if (key == "sort") request.sort = parse_sort_order(string_value(value, key), key_name(key));
        else if (key == "since" || key == "until") {
            std::optional<Date> date;
            if (!value.is_null()) date = parse_request_date(string_value(value, key), key_name(key));
            (key == "since" ? request.query.since : request.query.until) = date;
        } else if (key == "source") request.query.sources = strings_value(value, key);
        else if (key == "author") request.query.authors = strings_value(value, key);
        else if (key == "similar") {
            if (value.is_null()) request.similar_to.reset();
            else request.similar_to = string_value(value, key);
        } else if (key == "count") request.count_only = bool_value(value, key);
        else if (key == "timeline") {
            if (value.is_null()) request.timeline.reset();
            else request.timeline = parse_period(string_value(value, key), key_name(key));
        } else if (key == "facets") {
            request.facets.clear();
            if (value.is_string()) request.facets = parse_facets(value.get<std::string>(), key_name(key));
            else
                for (const auto& name : strings_value(value, key)) {
                    auto fields = parse_facets(name, key_name(key));
                    for (auto field : fields) {
                        if (std::find(request.facets.begin(), request.facets.end(), field) != request.facets.end())
                            throw RequestError(key_name(key) + " names '" + name + "' twice");
                        request.facets.push_back(field);
                    }
                }
        } else
            throw RequestError("unknown key " + key_name(key) +
                               " (known: query, id, limit, offset, sort, since, until, source, author, match, any, "
                               "stopwords, bm25_k1, bm25_b, similar, count, timeline, facets)");
    }
}

}  // namespace newsarchive
