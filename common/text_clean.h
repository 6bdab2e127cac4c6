// text_clean.h — turning the messy bytes of news dumps into clean, indexable UTF-8 text.
#pragma once

#include <string>
#include <string_view>

namespace newsarchive {

// Returns `bytes` as valid UTF-8 with control characters removed; never throws
// (except std::bad_alloc).
//  - Well-formed UTF-8 passes through unchanged. Overlong forms, surrogates
//    (U+D800..U+DFFF) and code points above U+10FFFF are not well-formed.
//  - Every byte that does not start a well-formed sequence is decoded on its
//    own as Windows-1252, because real dumps are mostly UTF-8 with the odd
//    stray Latin-1/Windows-1252 byte (a raw 0xFC for 'ü', 0xA3 for '£', 0x92
//    for '’'). The five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F
//    0x90 0x9D) become U+FFFD, so the damage stays visible and the words on
//    either side stay apart.
//  - NUL, the other C0 controls except TAB, LF and CR, DEL, and the C1
//    controls U+0080..U+009F (when they arrive as well-formed UTF-8) are
//    removed.
// This is a small hand-written validator rather than iconv because the
// per-byte fallback is our own policy, which no standard codec offers.
// Input that is entirely printable ASCII, TAB, LF and CR is returned as is
// after one quick scan.
std::string clean_text(std::string_view bytes);

// Reduces an HTML document or fragment to plain text, using libxml2's
// forgiving HTML parser (never fails: garbage, unclosed tags, a bare '<' in
// text and empty input all give a best-effort result).
//  - `html` must be valid UTF-8 (run clean_text first); a <meta charset> in
//    it is ignored.
//  - Tags and comments are dropped; entities (&amp; &eacute; &#x2019; ...)
//    are decoded, numeric references to 128..159 as Windows-1252 like
//    browsers do; the contents of <script>, <style>, <noscript> and
//    <template> are dropped.
//  - Block elements (p, div, li, h1..h6, tr, blockquote, ...) start a new
//    line and paragraph-like ones (p, h1..h6, blockquote, pre, ul, ol, table,
//    ...) a blank line; each <br> adds a line break; table cells are
//    separated by a space.
//  - Whitespace (including &nbsp;) collapses to single spaces, except that
//    line breaks inside <pre> are kept; at most one blank line in a row;
//    no leading or trailing whitespace.
// The result is valid UTF-8 without control characters other than LF.
std::string html_to_text(std::string_view html);

// A cheap test for whether a body is HTML worth passing to html_to_text:
// true when `text` contains, in any letter case, a comment or doctype
// ("<!--", "<!doctype"), a closing tag ("</" and a letter), or an opening
// tag of a common HTML element ("<p>", "<br/>", "<div class=", "<a href=",
// "<span", "<script", "<html" ...). "a < b", "<3", "x<y" and "<foo>" are not
// HTML.
bool looks_like_html(std::string_view text);

// Decodes the character references in text that is not HTML (e.g. TREC SGML
// dumps): named entities of HTML 4 plus &apos; (case-sensitive, e.g. &amp;
// &lt; &eacute;), decimal &#39; and hexadecimal &#x2019; references.
//  - Only references ending in ';' are decoded; unknown or malformed ones
//    ("&foo;", "AT&T", "&#;") stay as written. The output is not scanned
//    again, so "&amp;lt;" becomes "&lt;".
//  - Numeric references to 128..159 are read as Windows-1252 like browsers
//    do; references to surrogates or beyond U+10FFFF become U+FFFD.
//  - The result goes through clean_text, so references to control
//    characters (Reuters' &#2; &#3;, &#0;) vanish.
std::string decode_entities(std::string_view text);

}  // namespace newsarchive
