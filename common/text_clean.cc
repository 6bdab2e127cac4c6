// text_clean.cc — byte cleaning, HTML-to-text and entity decoding for dump bodies.
#include "text_clean.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstring>
#include <optional>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

namespace newsarchive {
namespace {

constexpr char32_t replacement_char = 0xFFFD;

// Windows-1252 for 0x80..0x9F (the rest of its upper half is Latin-1);
// 0 marks the five bytes it leaves undefined.
constexpr std::array<char16_t, 32> cp1252_80_to_9f = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,
};

// The character Windows-1252 gives `byte` (0x80..0xFF), U+FFFD when undefined.
char32_t from_cp1252(unsigned char byte) {
    if (byte < 0x80 || byte > 0x9F) return byte;
    const char16_t c = cp1252_80_to_9f[byte - 0x80];
    return c != 0 ? c : replacement_char;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

bool is_kept_ascii(unsigned char c) {
    return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
}

bool in_range(unsigned c, unsigned lo, unsigned hi) { return c >= lo && c <= hi; }

// Length of the well-formed UTF-8 sequence of two or more bytes that starts
// `s`, or 0. The narrowed second-byte ranges (Unicode Table 3-7) are what
// exclude overlong forms, surrogates and code points above U+10FFFF.
std::size_t utf8_sequence_length(std::string_view s) {
    // 0 is never a continuation byte, so a sequence cut off by the end fails.
    const auto at = [&](std::size_t k) -> unsigned { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0; };
    const unsigned lead = at(0);
    if (in_range(lead, 0xC2, 0xDF)) return in_range(at(1), 0x80, 0xBF) ? 2 : 0;
    if (in_range(lead, 0xE0, 0xEF)) {
        const unsigned lo = lead == 0xE0 ? 0xA0 : 0x80;
        const unsigned hi = lead == 0xED ? 0x9F : 0xBF;
        return in_range(at(1), lo, hi) && in_range(at(2), 0x80, 0xBF) ? 3 : 0;
    }
    if (in_range(lead, 0xF0, 0xF4)) {
        const unsigned lo = lead == 0xF0 ? 0x90 : 0x80;
        const unsigned hi = lead == 0xF4 ? 0x8F : 0xBF;
        return in_range(at(1), lo, hi) && in_range(at(2), 0x80, 0xBF) && in_range(at(3), 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

// What to do with a well-formed C1 control U+0080..U+009F: remove it, or read
// it as the Windows-1252 byte of that value (libxml2 turns &#146; into
// U+0092, where browsers show ’).
enum class c1_policy { remove, as_cp1252 };

std::string sanitize(std::string_view bytes, c1_policy c1) {
    std::string out;
    out.reserve(bytes.size());
    std::size_t i = 0;
    while (i < bytes.size()) {
        const auto lead = static_cast<unsigned char>(bytes[i]);
        if (lead < 0x80) {
            if (is_kept_ascii(lead)) out += static_cast<char>(lead);
            ++i;
            continue;
        }
        const std::size_t length = utf8_sequence_length(bytes.substr(i));
        if (length == 0) {
            append_utf8(out, from_cp1252(lead));
            ++i;
            continue;
        }
        const auto second = static_cast<unsigned char>(bytes[i + 1]);
        if (lead == 0xC2 && second < 0xA0) {
            if (c1 == c1_policy::as_cp1252) append_utf8(out, from_cp1252(second));
        } else {
            out.append(bytes.substr(i, length));
        }
        i += length;
    }
    return out;
}

// Accumulates the text of an HTML tree: collapses whitespace and turns
// element boundaries into the separators owed there. Separators are owed
// rather than written so that none lead, trail or pile up.
class plain_text_writer {
public:
    void text(std::string_view s) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            const char c = s[i];
            if (c == '\n' && pre_depth_ > 0) {
                line_break();
            } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                space_owed_ = true;
            } else if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {  // U+00A0, &nbsp;
                space_owed_ = true;
                ++i;
            } else {
                pay_separators();
                out_ += c;
            }
        }
    }
    void space() { space_owed_ = true; }
    // One more line break: <br> and newlines in <pre> add up.
    void line_break() { ++breaks_owed_; }
    // At least `count` line breaks: a block boundary, however many meet here.
    void block_boundary(int count) { breaks_owed_ = std::max(breaks_owed_, count); }
    void enter_pre() { ++pre_depth_; }
    void leave_pre() { --pre_depth_; }
    std::string take() { return std::move(out_); }

private:
    void pay_separators() {
        if (!out_.empty()) {
            // Two breaks make a blank line; more would only be empty lines.
            if (breaks_owed_ > 0) out_.append(std::min(breaks_owed_, 2), '\n');
            else if (space_owed_) out_ += ' ';
        }
        breaks_owed_ = 0;
        space_owed_ = false;
    }

    std::string out_;
    int breaks_owed_ = 0;
    bool space_owed_ = false;
    int pre_depth_ = 0;
};

enum class element_kind { other, hidden, line, paragraph, pre, line_break, cell };

element_kind kind_of(const xmlNode* element) {
    const std::string_view name = reinterpret_cast<const char*>(element->name);
    struct entry { std::string_view name; element_kind kind; };
    static constexpr entry kinds[] = {
        {"script", element_kind::hidden}, {"style", element_kind::hidden},
        {"noscript", element_kind::hidden}, {"template", element_kind::hidden},
        {"p", element_kind::paragraph}, {"h1", element_kind::paragraph}, {"h2", element_kind::paragraph},
        {"h3", element_kind::paragraph}, {"h4", element_kind::paragraph}, {"h5", element_kind::paragraph},
        {"h6", element_kind::paragraph}, {"blockquote", element_kind::paragraph},
        {"ul", element_kind::paragraph}, {"ol", element_kind::paragraph}, {"dl", element_kind::paragraph},
        {"table", element_kind::paragraph}, {"hr", element_kind::paragraph},
        {"pre", element_kind::pre},
        {"div", element_kind::line}, {"li", element_kind::line}, {"tr", element_kind::line},
        {"dt", element_kind::line}, {"dd", element_kind::line}, {"title", element_kind::line},
        {"caption", element_kind::line}, {"center", element_kind::line}, {"address", element_kind::line},
        {"article", element_kind::line}, {"section", element_kind::line}, {"aside", element_kind::line},
        {"header", element_kind::line}, {"footer", element_kind::line}, {"nav", element_kind::line},
        {"main", element_kind::line}, {"form", element_kind::line}, {"figure", element_kind::line},
        {"figcaption", element_kind::line},
        {"br", element_kind::line_break},
        {"td", element_kind::cell}, {"th", element_kind::cell},
    };
    for (const entry& e : kinds)
        if (e.name == name) return e.kind;
    return element_kind::other;
}

// Writes the separator owed at the start (`opening`) or end of an element.
void mark_boundary(plain_text_writer& writer, element_kind kind, bool opening) {
    switch (kind) {
    case element_kind::line: writer.block_boundary(1); break;
    case element_kind::paragraph: writer.block_boundary(2); break;
    case element_kind::pre:
        writer.block_boundary(2);
        if (opening) writer.enter_pre();
        else writer.leave_pre();
        break;
    case element_kind::line_break:
        if (opening) writer.line_break();
        break;
    case element_kind::cell: writer.space(); break;
    case element_kind::other:
    case element_kind::hidden: break;
    }
}

// Walks the tree iteratively: pathological nesting must not exhaust the stack.
std::string document_text(const xmlDoc* doc) {
    plain_text_writer writer;
    const xmlNode* node = doc->children;
    while (node != nullptr) {
        bool descend = false;
        if (node->type == XML_TEXT_NODE && node->content != nullptr) {
            writer.text(reinterpret_cast<const char*>(node->content));
        } else if (node->type == XML_ELEMENT_NODE) {
            const element_kind kind = kind_of(node);
            if (kind != element_kind::hidden) {
                mark_boundary(writer, kind, true);
                descend = node->children != nullptr;
                if (!descend) mark_boundary(writer, kind, false);
            }
        }
        if (descend) {
            node = node->children;
            continue;
        }
        while (node->next == nullptr) {
            node = node->parent;
            // The document node itself is the parent of the top level.
            if (node == nullptr || node->type != XML_ELEMENT_NODE) return writer.take();
            mark_boundary(writer, kind_of(node), false);
        }
        node = node->next;
    }
    return writer.take();
}

// Feeds libxml2 from memory through its I/O interface, which unlike
// htmlReadMemory takes no int length, so inputs over 2 GiB work too.
struct memory_source {
    std::string_view rest;
};

int read_memory(void* context, char* buffer, int length) {
    auto& source = *static_cast<memory_source*>(context);
    const std::size_t n = std::min(source.rest.size(), static_cast<std::size_t>(length));
    std::memcpy(buffer, source.rest.data(), n);
    source.rest.remove_prefix(n);
    return static_cast<int>(n);
}

bool starts_with_nocase(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() &&
           std::equal(prefix.begin(), prefix.end(), text.begin(),
                      [](char p, char t) { return p == std::tolower(static_cast<unsigned char>(t)); });
}

bool is_common_html_element(std::string_view lower_name) {
    static constexpr std::string_view names[] = {
        "a", "abbr", "address", "article", "aside", "b", "big", "blockquote", "body", "br", "caption",
        "center", "cite", "code", "dd", "div", "dl", "dt", "em", "figcaption", "figure", "font",
        "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i",
        "iframe", "img", "input", "li", "link", "main", "meta", "nav", "noscript", "ol", "p", "pre",
        "section", "small", "span", "strong", "style", "sub", "sup", "script", "table", "tbody", "td",
        "th", "thead", "title", "tr", "tt", "u", "ul",
    };
    return std::find(std::begin(names), std::end(names), lower_name) != std::end(names);
}

// The code point of the reference `body` (between '&' and ';'), if it is one
// we decode.
std::optional<char32_t> reference_value(std::string_view body) {
    if (body.size() >= 2 && body[0] == '#') {
        const bool hex = body[1] == 'x' || body[1] == 'X';
        const std::string_view digits = body.substr(hex ? 2 : 1);
        if (digits.empty()) return std::nullopt;
        char32_t value = 0;
        for (const char c : digits) {
            const auto u = static_cast<unsigned char>(c);
            unsigned digit;
            if (std::isdigit(u)) digit = u - '0';
            else if (hex && std::isxdigit(u)) digit = std::tolower(u) - 'a' + 10;
            else return std::nullopt;
            // Saturate just past the Unicode range so that long digit strings cannot overflow.
            value = std::min<char32_t>(value * (hex ? 16 : 10) + digit, 0x110000);
        }
        if (in_range(value, 0x80, 0x9F)) return from_cp1252(static_cast<unsigned char>(value));
        if (in_range(value, 0xD800, 0xDFFF) || value > 0x10FFFF) return replacement_char;
        return value;
    }
    if (body.empty() || !std::all_of(body.begin(), body.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
        return std::nullopt;
    const htmlEntityDesc* entity = htmlEntityLookup(reinterpret_cast<const xmlChar*>(std::string(body).c_str()));
    if (entity == nullptr) return std::nullopt;
    return entity->value;
}

}  // namespace

std::string clean_text(std::string_view bytes) {
    if (std::all_of(bytes.begin(), bytes.end(), [](char c) { return is_kept_ascii(static_cast<unsigned char>(c)); }))
        return std::string(bytes);
    return sanitize(bytes, c1_policy::remove);
}

std::string html_to_text(std::string_view html) {
    // libxml2 must be initialised once, before any thread parses.
    [[maybe_unused]] static const bool libxml2_ready = (xmlInitParser(), true);

    // XML_PARSE_HUGE: without it libxml2 stops at a 10 MB text node or 256
    // levels of nesting and the rest of the body is silently lost.
    const int options = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                        HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE;
    memory_source source{html};
    // The encoding is given because the input is UTF-8 whatever a <meta> in it claims.
    xmlDoc* doc = htmlReadIO(read_memory, nullptr, &source, nullptr, "UTF-8", options);
    if (doc == nullptr) return {};  // empty or blank input
    std::string text = document_text(doc);
    xmlFreeDoc(doc);
    return sanitize(text, c1_policy::as_cp1252);
}

bool looks_like_html(std::string_view text) {
    constexpr std::size_t longest_name = 10;  // "blockquote", "figcaption"
    for (std::size_t lt = text.find('<'); lt != std::string_view::npos; lt = text.find('<', lt + 1)) {
        const std::string_view rest = text.substr(lt + 1);
        if (starts_with_nocase(rest, "!--") || starts_with_nocase(rest, "!doctype")) return true;
        if (rest.size() >= 2 && rest[0] == '/' && std::isalpha(static_cast<unsigned char>(rest[1]))) return true;
        std::string name;
        while (name.size() < rest.size() && name.size() <= longest_name &&
               std::isalnum(static_cast<unsigned char>(rest[name.size()])))
            name += static_cast<char>(std::tolower(static_cast<unsigned char>(rest[name.size()])));
        if (name.empty() || name.size() == rest.size()) continue;
        const auto after = static_cast<unsigned char>(rest[name.size()]);
        if ((after == '>' || after == '/' || std::isspace(after)) && is_common_html_element(name)) return true;
    }
    return false;
}

std::string decode_entities(std::string_view text) {
    // Longer than any entity name or useful numeric reference; bounds the
    // search for ';' so that text full of '&' stays linear.
    constexpr std::size_t longest_reference = 32;
    std::string out;
    out.reserve(text.size());
    std::size_t done = 0;
    for (std::size_t amp = text.find('&'); amp != std::string_view::npos; amp = text.find('&', amp + 1)) {
        const std::string_view candidate = text.substr(amp + 1, longest_reference + 1);
        const std::size_t semicolon = candidate.find(';');
        if (semicolon == std::string_view::npos) continue;
        const std::optional<char32_t> value = reference_value(candidate.substr(0, semicolon));
        if (!value) continue;
        out.append(text.substr(done, amp - done));
        append_utf8(out, *value);
        done = amp + 1 + semicolon + 1;
        amp += 1 + semicolon;  // the next search starts after the ';'
    }
    out.append(text.substr(done));
    return clean_text(out);
}

}  // namespace newsarchive
