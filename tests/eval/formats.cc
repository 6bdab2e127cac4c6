// formats.cc — hand-written readers for SMART, LISA and NPL collection files.
#include "formats.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <stdexcept>
#include <type_traits>

namespace newsarchive::eval {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

bool all_digits(std::string_view text) {
    return !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Lines without their terminator; a CR before the LF (CACM) goes too.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_blank(text[i])) ++i;
        std::size_t start = i;
        while (i < text.size() && !is_blank(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

// The letter of a SMART field marker line (`.I 12`, `.W`, CISI's `.T `), or
// nothing for a text line. Only `.I` carries a value on the marker line.
std::optional<char> smart_marker(std::string_view line) {
    line = trim(line);
    if (line.size() < 2 || line[0] != '.' || !std::isupper(static_cast<unsigned char>(line[1]))) return std::nullopt;
    if (line.size() == 2) return line[1];
    if (line[1] == 'I' && is_blank(line[2])) return 'I';
    return std::nullopt;
}

void append_line(std::string& text, std::string_view line, char separator) {
    if (!text.empty()) text += separator;
    text += line;
}

int parse_int(std::string_view word, std::string_view what) {
    if (!all_digits(word) && !(word.size() > 1 && word[0] == '-' && all_digits(word.substr(1))))
        throw std::runtime_error("expected a number for " + std::string(what) + ", got '" + std::string(word) + "'");
    return std::stoi(std::string(word));
}

template <typename Record>
std::vector<Record> parse_npl_records(std::string_view text) {
    std::vector<Record> records;
    std::optional<Record> current;
    std::string body;
    for (std::string_view line : split_lines(text)) {
        std::string_view trimmed = trim(line);
        if (!current) {
            if (trimmed.empty()) continue;
            if (!all_digits(trimmed)) throw std::runtime_error("NPL: expected a record id, got '" + std::string(line) + "'");
            current = Record{};
            current->id = canonical_id(trimmed);
            body.clear();
        } else if (trimmed == "/") {
            if constexpr (std::is_same_v<Record, Document>) current->body = std::string(trim(body));
            else current->text = std::string(trim(body));
            records.push_back(std::move(*current));
            current.reset();
        } else {
            append_line(body, trimmed, '\n');
        }
    }
    if (current) throw std::runtime_error("NPL: record " + current->id + " has no closing '/'");
    return records;
}

}  // namespace

std::string canonical_id(std::string_view id) {
    id = trim(id);
    while (id.size() > 1 && id.front() == '0') id.remove_prefix(1);
    return std::string(id);
}

std::vector<SmartRecord> parse_smart(std::string_view text) {
    std::vector<SmartRecord> records;
    char field = 0;  // 0: between `.I` and the first field marker
    for (std::string_view line : split_lines(text)) {
        if (auto marker = smart_marker(line)) {
            if (*marker == 'I') {
                records.push_back({canonical_id(trim(line).substr(2)), {}});
                field = 0;
            } else {
                if (records.empty()) throw std::runtime_error("SMART: field ." + std::string(1, *marker) + " before any .I");
                field = *marker;
                std::string& value = records.back().fields[field];
                if (!value.empty()) value += '\n';  // a repeated field continues on a new line
            }
            continue;
        }
        std::string_view trimmed = trim(line);
        if (records.empty() || field == 0) {
            if (trimmed.empty()) continue;
            // CACM writes document 2856 as `.I 28` then `56`: digits before
            // the first field continue the id instead of inventing doc 28.
            if (!records.empty() && all_digits(trimmed)) {
                records.back().id = canonical_id(records.back().id + std::string(trimmed));
                continue;
            }
            throw std::runtime_error("SMART: text outside any field: '" + std::string(line) + "'");
        }
        std::string& value = records.back().fields[field];
        if (!value.empty() && value.back() != '\n') value += '\n';
        value += line;
    }
    for (auto& record : records)
        for (auto& [marker, value] : record.fields) value = std::string(trim(value));
    return records;
}

Judgments parse_judgment_columns(std::string_view text, int query_column, int document_column, int grade_column) {
    Judgments judgments;
    const auto needed = static_cast<std::size_t>(std::max({query_column, document_column, grade_column})) + 1;
    for (std::string_view line : split_lines(text)) {
        auto words = split_words(line);
        if (words.empty()) continue;
        if (words.size() < needed) throw std::runtime_error("judgments: short line '" + std::string(line) + "'");
        int grade = grade_column < 0 ? 1 : parse_int(words[static_cast<std::size_t>(grade_column)], "a grade");
        judgments[canonical_id(words[static_cast<std::size_t>(query_column)])]
                 [canonical_id(words[static_cast<std::size_t>(document_column)])] = grade;
    }
    return judgments;
}

LisaDocuments parse_lisa_documents(std::string_view text) {
    LisaDocuments parsed;
    auto& documents = parsed.documents;
    enum class Part { none, title, body } part = Part::none;
    for (std::string_view line : split_lines(text)) {
        std::string_view trimmed = trim(line);
        if (trimmed.starts_with("Document") && all_digits(trim(trimmed.substr(8)))) {
            documents.push_back({canonical_id(trimmed.substr(8)), {}, {}});
            part = Part::title;
        } else if (!trimmed.empty() && trimmed.find_first_not_of('*') == std::string_view::npos) {
            part = Part::none;
        } else if (part == Part::title) {
            if (trimmed.empty()) part = Part::body;
            else append_line(documents.back().title, trimmed, ' ');
        } else if (part == Part::body) {
            append_line(documents.back().body, trimmed, '\n');
        } else if (!trimmed.empty()) {
            ++parsed.stray_lines;
        }
    }
    for (auto& document : documents) document.body = std::string(trim(document.body));
    return parsed;
}

std::vector<Query> parse_lisa_queries(std::string_view text) {
    std::vector<Query> queries;
    bool open = false;
    for (std::string_view line : split_lines(text)) {
        std::string_view trimmed = trim(line);
        if (!open) {
            if (trimmed.empty()) continue;
            if (!all_digits(trimmed)) throw std::runtime_error("LISA: expected a query id, got '" + std::string(line) + "'");
            queries.push_back({canonical_id(trimmed), {}});
            open = true;
            continue;
        }
        if (trimmed.ends_with('#')) {
            trimmed.remove_suffix(1);
            open = false;
        }
        append_line(queries.back().text, trim(trimmed), '\n');
    }
    if (open) throw std::runtime_error("LISA: query " + queries.back().id + " has no closing '#'");
    for (auto& query : queries) query.text = std::string(trim(query.text));
    return queries;
}

Judgments parse_lisa_judgments(std::string_view text) {
    Judgments judgments;
    auto words = split_words(text);
    for (std::size_t i = 0; i < words.size();) {
        if (i + 1 >= words.size()) throw std::runtime_error("LISA: judgments end inside a query's header");
        std::string query = canonical_id(words[i]);
        int count = parse_int(words[i + 1], "a LISA judgment count");
        i += 2;
        if (i + static_cast<std::size_t>(count) > words.size())
            throw std::runtime_error("LISA: query " + query + " lists fewer documents than its count");
        auto& relevant = judgments[query];
        for (int k = 0; k < count; ++k) relevant[canonical_id(words[i++])] = 1;
    }
    return judgments;
}

std::vector<Document> parse_npl_documents(std::string_view text) { return parse_npl_records<Document>(text); }

std::vector<Query> parse_npl_queries(std::string_view text) { return parse_npl_records<Query>(text); }

Judgments parse_npl_judgments(std::string_view text) {
    std::string spaced;  // `/` made a word of its own, so `11318/` reads as `11318 /`
    for (char c : text) {
        if (c == '/') spaced += " / ";
        else spaced += c;
    }
    Judgments judgments;
    std::optional<std::string> query;
    for (std::string_view word : split_words(spaced)) {
        if (word == "/") {
            if (!query) throw std::runtime_error("NPL: '/' without a query id");
            query.reset();
        } else if (!query) {
            query = canonical_id(word);
            judgments[*query];
        } else {
            judgments[*query][canonical_id(word)] = 1;
        }
    }
    return judgments;
}

}  // namespace newsarchive::eval
