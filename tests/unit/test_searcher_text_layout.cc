// test_searcher_text_layout.cc — display widths and wrapping of snippets:
// multibyte characters and highlight escapes stay whole, lines fit the width.
#include <doctest/doctest.h>

#include <sstream>

#include "printers/printer.h"
#include "printers/text_layout.h"

using namespace newsarchive;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

// `line` without its highlight escapes.
std::string plain(std::string line) {
    for (auto escape : {kHighlightOn, kHighlightOff})
        for (auto at = line.find(escape); at != std::string::npos; at = line.find(escape))
            line.erase(at, escape.size());
    return line;
}

// Whether `text` is whole UTF-8 sequences: no character cut in two.
bool whole_utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
        if (length == 0 || i + length > text.size()) return false;
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
        i += length;
    }
    return true;
}

// The words of `text`, joined by single spaces.
std::string words(const std::string& text) {
    std::istringstream in(text);
    std::string joined;
    for (std::string word; in >> word;) joined += (joined.empty() ? "" : " ") + word;
    return joined;
}

// Checks what every wrapped text must be; returns its lines without escapes.
std::vector<std::string> check_wrapped(const std::string& wrapped, const WrapLayout& layout) {
    auto lines = lines_of(wrapped);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        CAPTURE(line);
        auto prefix = i == 0 ? layout.first_prefix : layout.prefix;
        CHECK(line.substr(0, prefix.size()) == prefix);
        CHECK(whole_utf8(line));
        // Escapes come in pairs within the line, on before off.
        std::size_t on = 0, off = 0;
        for (std::size_t at = 0; (at = line.find('\x1b', at)) != std::string::npos; ++at) {
            bool is_on = line.compare(at, kHighlightOn.size(), kHighlightOn) == 0;
            bool is_off = line.compare(at, kHighlightOff.size(), kHighlightOff) == 0;
            CHECK((is_on || is_off));
            (is_on ? on : off) += 1;
            CHECK(on - off <= 1);
        }
        CHECK(on == off);
        std::size_t width = display_width(plain(line));
        // Only a single character wider than the room may pass the width.
        if (width > layout.width) CHECK(words(plain(line).substr(prefix.size())).find(' ') == std::string::npos);
        lines[i] = plain(line).substr(prefix.size());
    }
    return lines;
}

std::string joined(const std::vector<std::string>& lines, std::string_view separator) {
    std::string out;
    for (const auto& line : lines) out += (out.empty() ? "" : std::string(separator)) + line;
    return out;
}

}  // namespace

TEST_CASE("text layout: display width counts columns, not bytes") {
    CHECK(display_width("Biden") == 5);
    CHECK(display_width("Überwachung") == 11);        // Ü is 2 bytes, 1 column
    CHECK(display_width("中国外交部") == 10);          // wide: 2 columns each
    CHECK(display_width("e\xcc\x81te") == 3);           // e + combining acute: one column
    CHECK(display_width("a\xff" "b") == 3);             // an invalid byte counts one
    CHECK(display_width("") == 0);
}

TEST_CASE("text layout: wrap breaks at blanks and keeps every word") {
    std::string text = "The US, Britain, the EU and Nato on Monday accused Beijing of sponsoring a massive hack "
                       "of the Microsoft\tExchange email\nserver discovered earlier this year.";
    for (std::size_t width : {20, 33, 80, 200}) {
        CAPTURE(width);
        WrapLayout layout{width, "   ", "   ", false};
        auto lines = check_wrapped(wrap({{text, false}}, layout), layout);
        CHECK(joined(lines, " ") == words(text));
        for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
            // Greedy: the next line's first word did not fit on this one.
            std::string next_word = lines[i + 1].substr(0, lines[i + 1].find(' '));
            CHECK(3 + lines[i].size() + 1 + next_word.size() > width);
        }
    }
    CHECK(wrap({{"one two three", false}}, {9, "", "", false}) == "one two\nthree\n");
    CHECK(wrap({{" \n\t ", false}}, {80, "1. ", "   ", false}).empty());
}

TEST_CASE("text layout: wrap measures multibyte and wide characters in columns") {
    std::string german = "Die Überwachung der Bürger durch Geheimdienste wird über Länder hinweg geprüft";
    WrapLayout narrow{24, "", "", false};
    auto lines = check_wrapped(wrap({{german, false}}, narrow), narrow);
    CHECK(joined(lines, " ") == german);
    // 18 columns but 21 bytes: one line when counted in columns.
    CHECK(wrap({{"Bürger über Länder prüfen", false}}, {18, "", "", false}) == "Bürger über Länder\nprüfen\n");

    std::string chinese = "中国外交部 发言人 表示 美方 指责 毫无 根据";
    WrapLayout wide{12, "", "", false};
    auto chinese_lines = check_wrapped(wrap({{chinese, false}}, wide), wide);
    CHECK(joined(chinese_lines, " ") == chinese);
    CHECK(chinese_lines[0] == "中国外交部");   // 10 columns; " 发言人" would make 17
    CHECK(chinese_lines[1] == "发言人 表示");  // 6 + 1 + 4 = 11
}

TEST_CASE("text layout: a word longer than a line is cut between characters") {
    WrapLayout layout{8, "", "", false};
    CHECK(wrap({{"Donaudampfschiff fährt", false}}, layout) == "Donaudam\npfschiff\nfährt\n");
    // Wide characters: four fit in 8 columns, not eight bytes' worth.
    CHECK(wrap({{"中国外交部发言人表示", false}}, layout) == "中国外交\n部发言人\n表示\n");
    // The line is one column short of a wide character: it moves on whole.
    CHECK(wrap({{"中国外交部", false}}, {5, "", "", false}) == "中国\n外交\n部\n");
    // A combining mark stays with its letter.
    CHECK(wrap({{"abcde\xcc\x81" "fgh", false}}, {5, "", "", false}) == "abcde\xcc\x81\nfgh\n");
    // Narrower than one character: one character per line, nothing lost.
    CHECK(wrap({{"中国", false}}, {1, "", "", false}) == "中\n国\n");
}

TEST_CASE("text layout: highlights are closed at each line end and reopened after the prefix") {
    std::vector<SnippetPart> parts{{"aa ", false}, {"bbbb cc", true}, {" dd", false}};
    CHECK(wrap(parts, {7, "> ", "> ", true}) == "> aa\n> \x1b[1mbbbb\x1b[0m\n> \x1b[1mcc\x1b[0m dd\n");
    // On one line, the blank between two matched words is highlighted with them.
    CHECK(wrap(parts, {80, "", "", true}) == "aa \x1b[1mbbbb cc\x1b[0m dd\n");
    // Without highlighting, no escapes at all.
    CHECK(wrap(parts, {80, "", "", false}) == "aa bbbb cc dd\n");
    // A match that ends inside a word, cut across lines.
    std::vector<SnippetPart> inside{{"Überwachungs", true}, {"staat’s", false}};
    std::string cut = wrap(inside, {5, "", "", true});
    CHECK(cut == "\x1b[1mÜberw\x1b[0m\n\x1b[1machun\x1b[0m\n\x1b[1mgs\x1b[0msta\nat’s\n");
    auto lines = check_wrapped(cut, {5, "", "", true});
    CHECK(joined(lines, "") == "Überwachungsstaat’s");
}

TEST_CASE("text layout: the text printer fits titles, snippets and charts to its width") {
    SearchResult result;
    result.query = "china";
    result.total = 1;
    Hit hit;
    hit.rank = 1;
    hit.id = "a1";
    hit.title = "US, Britain and EU blame China for Microsoft Exchange email server hack";
    hit.snippet = {{"…The US, Britain, the EU and Nato accused ", false},
                   {"China’s", true},
                   {" Ministry of State Security of sponsoring a massive hack of the Microsoft Exchange email "
                    "server discovered earlier this year…",
                    false}};
    result.hits = {hit};
    result.timeline = Timeline{"month", {{"2021-07", 123}, {"2021-08", 4}}, 0};
    for (std::size_t width : {30, 50, 80}) {
        CAPTURE(width);
        std::ostringstream out;
        PrinterOptions options;
        options.highlight = true;
        options.width = width;
        auto printer = make_printer(OutputFormat::text, out, options);
        print_result(*printer, result);
        auto lines = lines_of(out.str());
        for (const auto& line : lines) {
            CAPTURE(line);
            CHECK(display_width(plain(line)) <= width);
        }
        CHECK(words(plain(out.str())).find(words(plain_snippet(hit))) != std::string::npos);
        CHECK(out.str().find("\x1b[1mChina’s\x1b[0m") != std::string::npos);
        // The longest bar fills what the label and count leave, up to 40.
        auto bar = lines[lines.size() - 2];
        CHECK(display_width(bar) == std::min<std::size_t>(width, 2 + 7 + 2 + 3 + 2 + 40));
    }
}
