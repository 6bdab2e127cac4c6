// trec.cc — TREC SGML news collections (AP, WSJ, FT, LA Times) and Reuters-21578.
//
// These files are SGML that is not well-formed XML (a DTD line, unescaped text,
// tags left open), and there is no Debian library for TREC SGML, so a small
// streaming scanner reads each record up to its closing tag, holding one record
// at most, and the fields are then taken out of that record's text.
#include <algorithm>
#include <cctype>
#include <optional>
#include <regex>
#include <span>
#include <streambuf>
#include <string>
#include <vector>

#include "input_stream.h"
#include "readers/readers.h"
#include "text_clean.h"

namespace newsarchive {

namespace {

// A '<' that finds no '>' within this many bytes starts no tag ("a < b").
constexpr std::size_t kMaxTagLength = 1024;

using Names = std::span<const std::string_view>;

// Element names of the variants: AP <HEAD> (repeated), WSJ <HL> and <DD>, FT
// and LA Times <HEADLINE>, Reuters <TITLE>, <BODY> and <AUTHOR>.
constexpr std::string_view kIdTags[]{"DOCNO"};
constexpr std::string_view kTitleTags[]{"HEAD", "HL", "HEADLINE", "TITLE"};
constexpr std::string_view kDateTags[]{"DATE", "DD"};
constexpr std::string_view kDatelineTags[]{"DATELINE"};
constexpr std::string_view kAuthorTags[]{"BYLINE", "AUTHOR"};
constexpr std::string_view kSourceTags[]{"SO", "SOURCE"};
constexpr std::string_view kBodyTags[]{"BODY"};
constexpr std::string_view kTextTags[]{"TEXT"};

// SGML names ignore case.
bool same_name(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::toupper(static_cast<unsigned char>(a[i])) != std::toupper(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

bool is_one_of(std::string_view name, Names names) {
    for (auto known : names)
        if (same_name(name, known)) return true;
    return false;
}

bool is_name_char(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.' || c == ':';
}

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

struct Tag {
    std::string_view name;
    bool closing = false;
    std::size_t length = 0;  // from '<' through '>'
};

// The tag `text` starts with ("<NAME attributes>" or "</NAME>"), or nullopt
// when its '<' starts none.
std::optional<Tag> tag_at(std::string_view text) {
    std::size_t i = 1;
    bool closing = i < text.size() && text[i] == '/';
    if (closing) ++i;
    std::size_t name_start = i;
    if (i >= text.size() || !std::isalpha(static_cast<unsigned char>(text[i]))) return std::nullopt;
    while (i < text.size() && is_name_char(text[i])) ++i;
    std::size_t end = text.substr(0, kMaxTagLength).find_first_of("<>", i);
    if (end == std::string_view::npos || text[end] == '<') return std::nullopt;
    return Tag{text.substr(name_start, i - name_start), closing, end + 1};
}

// The value of attribute `name` in an opening tag, unquoted; empty when absent.
std::string attribute(std::string_view tag, std::string_view name) {
    std::size_t i = 1;
    while (i < tag.size() && is_name_char(tag[i])) ++i;  // the element name
    while (i < tag.size()) {
        while (i < tag.size() && (is_blank(tag[i]) || tag[i] == '>')) ++i;
        std::size_t name_start = i;
        while (i < tag.size() && is_name_char(tag[i])) ++i;
        if (i == name_start) {
            ++i;  // not an attribute: step over the character
            continue;
        }
        std::string_view found = tag.substr(name_start, i - name_start);
        while (i < tag.size() && is_blank(tag[i])) ++i;
        if (i == tag.size() || tag[i] != '=') continue;  // an attribute without a value
        ++i;
        while (i < tag.size() && is_blank(tag[i])) ++i;
        std::size_t value_start = i, value_end;
        if (i < tag.size() && (tag[i] == '"' || tag[i] == '\'')) {
            value_start = i + 1;
            value_end = std::min(tag.find(tag[i], value_start), tag.size());
            i = value_end + 1;
        } else {
            while (i < tag.size() && !is_blank(tag[i]) && tag[i] != '>') ++i;
            value_end = i;
        }
        if (same_name(found, name)) return std::string(tag.substr(value_start, value_end - value_start));
    }
    return {};
}

struct Element {
    std::string_view open_tag;
    std::string_view content;
};

// The elements named one of `names`, in order. An element left open runs to
// the end of the record (whose end may have been cut off); elements of the
// same name do not nest in these collections.
std::vector<Element> elements(std::string_view record, Names names) {
    std::vector<Element> found;
    for (std::size_t at = record.find('<'); at != std::string_view::npos; at = record.find('<', at + 1)) {
        auto tag = tag_at(record.substr(at));
        if (!tag || tag->closing || !is_one_of(tag->name, names)) continue;
        std::size_t start = at + tag->length, end = record.size(), after = record.size();
        for (std::size_t close_at = record.find('<', start); close_at != std::string_view::npos;
             close_at = record.find('<', close_at + 1)) {
            auto close = tag_at(record.substr(close_at));
            if (close && close->closing && same_name(close->name, tag->name)) {
                end = close_at;
                after = close_at + close->length;
                break;
            }
        }
        found.push_back({record.substr(at, tag->length), record.substr(start, end - start)});
        at = after - 1;
    }
    return found;
}

// Content as plain text: tags dropped (<P> and </P> become paragraph breaks),
// entities decoded and bytes repaired to UTF-8 by decode_entities.
std::string plain_text(std::string_view content) {
    std::string out;
    out.reserve(content.size());
    std::size_t done = 0;
    for (std::size_t at = content.find('<'); at != std::string_view::npos; at = content.find('<', at + 1)) {
        auto tag = tag_at(content.substr(at));
        if (!tag) continue;
        out.append(content.substr(done, at - done));
        out += same_name(tag->name, "P") ? "\n\n" : " ";
        done = at + tag->length;
        at = done - 1;
    }
    out.append(content.substr(done));
    return decode_entities(out);
}

// One line: blank runs (line breaks included) become one space; no blanks at the ends.
std::string one_line(std::string_view content) {
    std::string text = plain_text(content), out;
    for (char c : text) {
        if (!is_blank(c))
            out += c;
        else if (!out.empty() && out.back() != ' ')
            out += ' ';
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// Lines kept as the wire had them (indents mark paragraphs), but without
// trailing blanks, at most one blank line in a row, and no blanks at either end.
std::string paragraphs(std::string_view content) {
    std::string text = plain_text(content), out;
    bool blank_line_pending = false;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = std::string_view(text).substr(start, end - start);
        while (!line.empty() && is_blank(line.back())) line.remove_suffix(1);
        start = end + 1;
        if (line.find_first_not_of(" \t\f\v") == std::string_view::npos) {
            blank_line_pending = !out.empty();
            continue;
        }
        if (out.empty())
            line.remove_prefix(line.find_first_not_of(" \t\f\v"));
        else
            out += blank_line_pending ? "\n\n" : "\n";
        out.append(line);
        blank_line_pending = false;
    }
    return out;
}

std::string first_line_of(std::string_view record, Names names) {
    for (const auto& element : elements(record, names))
        if (std::string text = one_line(element.content); !text.empty()) return text;
    return {};
}

// The dates of these collections that parse_date does not read, rewritten to
// forms it does; nullopt when `date` is none of them.
std::optional<std::string> rewrite_date(const std::string& date) {
    // FT "910514" and WSJ <DD> "03/24/87": two-digit years are 19YY from 69 on, as POSIX %y reads them.
    static const std::regex yymmdd(R"((\d\d)(\d\d)(\d\d))"), mmddyy(R"((\d\d)/(\d\d)/(\d\d))");
    // Reuters-21578 with debris after the time ("27-MAR-1987 00:02:59.13RM", "31-MAR-1987 605:12:19.12"):
    // the day alone.
    static const std::regex reuters_day(R"((\d{1,2})-([A-Za-z]{3})-(\d{4})\b.*)");
    // LA Times "January 1, 1989, Sunday, Home Edition".
    static const std::regex prose_day(R"(([A-Za-z]+ \d{1,2}, \d{4}),.*)");
    auto year = [](const std::string& yy) { return (yy < "69" ? "20" : "19") + yy; };
    std::smatch m;
    if (std::regex_match(date, m, yymmdd)) return year(m[1]) + m[2].str() + m[3].str();
    if (std::regex_match(date, m, mmddyy)) return year(m[3]) + m[1].str() + m[2].str();
    if (std::regex_match(date, m, reuters_day)) return m[1].str() + ' ' + m[2].str() + ' ' + m[3].str();
    if (std::regex_match(date, m, prose_day)) return m[1].str();
    return std::nullopt;
}

std::optional<Date> record_date(const std::string& date, const std::string& file, const std::string& position,
                                ArticleSink& sink) {
    if (auto parsed = parse_date(date)) return parsed;
    if (auto rewritten = rewrite_date(date))
        if (auto parsed = parse_date(*rewritten)) return parsed;
    return parse_record_date(date, file, position, sink);
}

std::string size_in_mb(std::size_t bytes) { return std::to_string((bytes + (1 << 19)) >> 20); }

struct ScannedRecord {
    std::string text;             // from the opening tag, at most kMaxRecordBytes
    std::uint64_t number = 0;     // 1 for the file's first record
    std::uint64_t line = 0;       // of the opening tag
    bool reuters = false;         // <REUTERS>, else <DOC>
    std::uint64_t cut_bytes = 0;  // dropped past kMaxRecordBytes
};

std::string_view record_tag_name(const ScannedRecord& record) { return record.reuters ? "REUTERS" : "DOC"; }

std::string position_of(const ScannedRecord& record) {
    return "record " + std::to_string(record.number) + " (line " + std::to_string(record.line) + ")";
}

// A complete record as an article, or a report of why it is not one.
void add_record(const ScannedRecord& record, const std::string& file, ArticleSink& sink) {
    const std::string position = position_of(record);
    const std::string_view text = record.text;
    if (record.cut_bytes)
        sink.warn({file, position,
                   "record of " + size_in_mb(record.text.size() + record.cut_bytes) + " MB: kept its first " +
                       size_in_mb(kMaxRecordBytes) + " MB",
                   "oversized record"});
    Article article;
    if (record.reuters) {
        article.id = one_line(attribute(text.substr(0, tag_at(text)->length), "NEWID"));
        article.source = "Reuters";
    } else {
        article.id = first_line_of(text, kIdTags);
        article.source = first_line_of(text, kSourceTags);
    }
    if (article.id.empty()) {
        sink.skip({file, position,
                   record.reuters ? "<REUTERS> record without a NEWID attribute" : "<DOC> record without a <DOCNO>",
                   "no id"});
        return;
    }
    for (const auto& element : elements(text, kTitleTags)) {
        if (std::string part = one_line(element.content); !part.empty())
            article.title += (article.title.empty() ? "" : " ") + part;
    }
    for (const auto& element : elements(text, kAuthorTags)) {
        std::string author = one_line(element.content);
        if (author.size() > 3 && same_name(author.substr(0, 3), "BY ")) author.erase(0, 3);
        if (!author.empty()) article.authors.push_back(std::move(author));
    }
    // Reuters puts the story in <BODY> inside <TEXT>, except in TYPE="UNPROC"
    // records (raw <TEXT> only) and TYPE="BRIEF" ones (a title only).
    auto bodies = elements(text, kBodyTags);
    if (bodies.empty()) bodies = elements(text, kTextTags);
    for (const auto& element : bodies) {
        if (same_name(attribute(element.open_tag, "TYPE"), "BRIEF")) continue;
        if (std::string part = paragraphs(element.content); !part.empty())
            article.body += (article.body.empty() ? "" : "\n\n") + part;
    }
    if (article.title.empty() && article.body.empty()) {
        sink.skip({file, position, "record has neither a title nor a body", "no title or body"});
        return;
    }
    // The dateline ("SALVADOR, Feb 26 -") opens the story on the wire.
    if (std::string dateline = first_line_of(text, kDatelineTags); !dateline.empty() && !article.body.empty())
        article.body = dateline + " " + article.body;
    if (std::string date = first_line_of(text, kDateTags); !date.empty())
        article.date = record_date(date, file, position, sink);
    article.text = article_text(article.title, article.body);
    sink.add(std::move(article), file, position);
}

// Splits the stream into records, one character at a time through the
// streambuf; only the record being read and one tag are held.
class RecordScanner {
public:
    RecordScanner(const std::string& file, ArticleSink& sink) : file_(file), sink_(sink) {}

    void scan(std::istream& stream) {
        std::streambuf& in = *stream.rdbuf();
        bool empty = true;
        for (int c = in.sbumpc(); c != std::char_traits<char>::eof(); c = in.sbumpc()) {
            char ch = static_cast<char>(c);
            empty = false;
            if (ch == '\n') ++line_;
            if (ch == '<') {
                if (in_tag_) text(tag_, tag_line_);
                in_tag_ = true;
                tag_ = "<";
                tag_line_ = line_;
            } else if (!in_tag_) {
                text(std::string_view(&ch, 1), line_);
            } else {
                tag_ += ch;
                if (ch == '>' || tag_.size() > kMaxTagLength) {
                    in_tag_ = false;
                    if (ch == '>')
                        handle_tag();
                    else
                        text(tag_, tag_line_);
                }
            }
        }
        if (in_tag_) text(tag_, tag_line_);
        // Damage answers for what it cut off: the open record, or every record (reader.h).
        bool cut_short = ended_by_damage(stream);
        if (in_record_ && !cut_short)
            sink_.skip({file_, position_of(record_), opening(record_) + " is not closed before the end of the file",
                        "unclosed record"});
        if (record_.number > 0)
            report_stray_text();
        else if (!cut_short)
            sink_.skip(empty
                           ? RecordProblem{file_, "byte 0", "empty file", "empty file"}
                           : RecordProblem{file_, "byte 0", "no <DOC> or <REUTERS> record in the file", "no records"});
    }

private:
    static std::string opening(const ScannedRecord& record) {
        return "<" + std::string(record_tag_name(record)) + "> starting at line " + std::to_string(record.line);
    }

    // Bytes that are not a record tag, starting on `line`.
    void text(std::string_view bytes, std::uint64_t line) {
        if (in_record_)
            append(bytes);
        else if (!stray_line_ && bytes.find_first_not_of(" \t\n\r\f\v") != std::string_view::npos)
            stray_line_ = line;
    }

    void append(std::string_view bytes) {
        std::size_t room = kMaxRecordBytes - record_.text.size();
        record_.text.append(bytes.substr(0, room));
        if (bytes.size() > room) record_.cut_bytes += bytes.size() - room;
    }

    void handle_tag() {
        auto tag = tag_at(tag_);
        bool doc = tag && same_name(tag->name, "DOC"), reuters = tag && same_name(tag->name, "REUTERS");
        if ((doc || reuters) && !tag->closing) {
            if (in_record_)
                sink_.skip(
                    {file_, position_of(record_),
                     opening(record_) + " is not closed before the next record at line " + std::to_string(tag_line_),
                     "unclosed record"});
            report_stray_text();
            record_ = {tag_, record_.number + 1, tag_line_, reuters, 0};
            in_record_ = true;
        } else if (in_record_) {
            append(tag_);
            if (tag && tag->closing && same_name(tag->name, record_tag_name(record_))) {
                in_record_ = false;
                add_record(record_, file_, sink_);
            }
        } else if (!tag_.starts_with("<!") && !tag_.starts_with("<?")) {
            // Declarations (<!DOCTYPE lewis ...>) may stand between records.
            text(tag_, tag_line_);
        }
    }

    void report_stray_text() {
        if (!stray_line_) return;
        sink_.skip({file_, "line " + std::to_string(stray_line_), "text outside any <DOC> or <REUTERS> record",
                    "not a record"});
        stray_line_ = 0;
    }

    const std::string& file_;
    ArticleSink& sink_;
    std::uint64_t line_ = 1;
    bool in_tag_ = false;
    std::string tag_;  // from its '<', while in_tag_
    std::uint64_t tag_line_ = 0;
    bool in_record_ = false;
    ScannedRecord record_;
    std::uint64_t stray_line_ = 0;  // where text outside records began since the last report; 0: none
};

}  // namespace

void read_trec(const std::string& file, std::istream& in, const ReaderOptions&, ArticleSink& sink) {
    RecordScanner(file, sink).scan(in);
}

}  // namespace newsarchive
