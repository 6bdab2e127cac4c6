// text_layout.cc — display widths from utf8proc's Unicode tables, and a greedy
// word wrapper that keeps characters and highlight escapes whole.
#include "printers/text_layout.h"

#include <utf8proc.h>

namespace newsarchive {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

struct Character {
    std::string_view bytes;
    std::size_t columns;
};

// The character starting at `position`; an invalid byte is a character of its own.
Character character_at(std::string_view text, std::size_t position) {
    utf8proc_int32_t code_point = 0;
    auto length = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + position),
                                   static_cast<utf8proc_ssize_t>(text.size() - position), &code_point);
    if (length <= 0) return {text.substr(position, 1), 1};
    return {text.substr(position, static_cast<std::size_t>(length)),
            static_cast<std::size_t>(utf8proc_charwidth(code_point))};
}

// A word: the non-blank run between blanks, in pieces that differ in `matched`
// (a match can end inside a word: "China" of "China’s").
using Word = std::vector<SnippetPart>;

std::vector<Word> words_of(const std::vector<SnippetPart>& parts) {
    std::vector<Word> words(1);
    for (const auto& part : parts) {
        for (char c : part.text) {
            if (is_blank(c)) {
                if (!words.back().empty()) words.emplace_back();
                continue;
            }
            Word& word = words.back();
            if (word.empty() || word.back().matched != part.matched) word.push_back({"", part.matched});
            word.back().text += c;
        }
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

std::size_t word_width(const Word& word) {
    std::size_t width = 0;
    for (const auto& piece : word) width += display_width(piece.text);
    return width;
}

// Appends text to the current line, switching the highlight on and off.
class LineWriter {
public:
    explicit LineWriter(const WrapLayout& layout) : layout_(layout) { start(layout.first_prefix); }

    std::size_t room() const { return layout_.width > used_ ? layout_.width - used_ : 0; }
    bool line_empty() const { return line_empty_; }

    void put(std::string_view text, std::size_t columns, bool matched) {
        if (layout_.highlight && matched != highlighted_) {
            out_ += highlighted_ ? kHighlightOff : kHighlightOn;
            highlighted_ = matched;
        }
        out_ += text;
        used_ += columns;
        line_empty_ = false;
    }

    void new_line() {
        end_line();
        start(layout_.prefix);
    }

    std::string finish() {
        end_line();
        return std::move(out_);
    }

private:
    void start(std::string_view prefix) {
        out_ += prefix;
        used_ = display_width(prefix);
        line_empty_ = true;
    }
    void end_line() {
        if (highlighted_) out_ += kHighlightOff;
        highlighted_ = false;
        out_ += '\n';
    }

    const WrapLayout& layout_;
    std::string out_;
    std::size_t used_ = 0;
    bool line_empty_ = true;
    bool highlighted_ = false;
};

}  // namespace

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t position = 0; position < text.size();) {
        Character character = character_at(text, position);
        width += character.columns;
        position += character.bytes.size();
    }
    return width;
}

std::string wrap(const std::vector<SnippetPart>& parts, const WrapLayout& layout) {
    std::vector<Word> words = words_of(parts);
    if (words.empty()) return "";
    LineWriter line(layout);
    bool previous_matched = false;  // how the previous word ended
    for (const Word& word : words) {
        std::size_t width = word_width(word);
        if (!line.line_empty()) {
            // A blank between two matches is part of the highlight: one
            // highlighted run for a title or a phrase, not one per word.
            if (width + 1 <= line.room())
                line.put(" ", 1, previous_matched && word.front().matched);
            else
                line.new_line();
        }
        previous_matched = word.back().matched;
        // Too long for any line: cut it between characters. A zero-width
        // character (a combining mark) always fits, so it stays with its base.
        bool cut = width > line.room();
        for (const auto& piece : word) {
            for (std::size_t position = 0; position < piece.text.size();) {
                Character character = character_at(piece.text, position);
                if (cut && character.columns > line.room() && !line.line_empty()) line.new_line();
                line.put(character.bytes, character.columns, piece.matched);
                position += character.bytes.size();
            }
        }
    }
    return line.finish();
}

}  // namespace newsarchive
