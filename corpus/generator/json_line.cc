// json_line.cc — hand-written JSON output: a JSON library would build a tree per article first.
#include "json_line.h"

#include <string_view>

namespace newsarchive::corpus {

namespace {

void append_string(std::string& out, std::string_view text) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    std::size_t plain_from = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(text, plain_from, i - plain_from);
        plain_from = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out += kHex[c >> 4];
                out += kHex[c & 15];
        }
    }
    out.append(text, plain_from, text.size() - plain_from);
    out += '"';
}

void append_field(std::string& out, std::string_view key, std::string_view value) {
    out += ",\"";
    out += key;
    out += "\":";
    append_string(out, value);
}

}  // namespace

void append_json_line(std::string& out, const GeneratedArticle& article) {
    out += "{\"id\":";
    append_string(out, article.id);
    append_field(out, "title", article.title);
    append_field(out, "body", article.body);
    append_field(out, "date", article.date);
    append_field(out, "source", article.source);
    out += ",\"authors\":[";
    for (std::size_t i = 0; i < article.authors.size(); ++i) {
        if (i) out += ',';
        append_string(out, article.authors[i]);
    }
    out += ']';
    append_field(out, "url", article.url);
    append_field(out, "story", article.story);
    out += "}\n";
}

}  // namespace newsarchive::corpus
