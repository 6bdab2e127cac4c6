// text_layout.h — laying text out for a terminal: display widths and word
// wrapping of highlighted text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace newsarchive {

// Terminal escapes around highlighted text.
inline constexpr std::string_view kHighlightOn = "\x1b[1m";
inline constexpr std::string_view kHighlightOff = "\x1b[0m";

// Columns `text` (UTF-8) takes on a terminal: East Asian wide characters
// count 2, combining marks 0; an invalid byte counts 1.
std::size_t display_width(std::string_view text);

// How wrap() lays text out.
struct WrapLayout {
    std::size_t width = 80;             // columns per line, prefixes included
    std::string_view first_prefix;      // starts the first line
    std::string_view prefix;            // starts every later line
    bool highlight = false;             // matched parts between kHighlightOn and kHighlightOff
};

// `parts` as lines of at most `layout.width` columns, each ending in '\n'.
// Lines break at blanks (runs of blanks and line breaks become one space); a
// word longer than a line is cut between characters, never inside one, and a
// line holds at least one character whatever the width. A blank between two
// highlighted words is highlighted with them; a highlight is closed at the end
// of each line and reopened on the next, so no escape is split and none spills
// into the prefix. "" for text with no words.
std::string wrap(const std::vector<SnippetPart>& parts, const WrapLayout& layout);

}  // namespace newsarchive
