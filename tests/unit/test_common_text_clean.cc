// test_common_text_clean.cc — byte cleaning, HTML-to-text and entity decoding of dump bodies.
#include <doctest/doctest.h>

#include <string>

#include "text_clean.h"

using namespace newsarchive;
using namespace std::string_literals;

TEST_CASE("clean_text passes well-formed UTF-8 through unchanged") {
    const std::string german = "\xC3\xA4 \xC3\xB6 \xC3\xBC \xC3\x9F";                        // ä ö ü ß
    const std::string quotes = "\xE2\x80\x9E" "Zitat" "\xE2\x80\x9C \xE2\x80\x93 x";         // „Zitat“ – x
    const std::string emoji = "ok \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF";                          // 😀 U+10FFFF
    CHECK(clean_text(german) == german);
    CHECK(clean_text(quotes) == quotes);
    CHECK(clean_text(emoji) == emoji);
    CHECK(clean_text("plain ASCII, tab\tand\r\nnewlines") == "plain ASCII, tab\tand\r\nnewlines");
    CHECK(clean_text("") == "");
}

TEST_CASE("clean_text reads stray bytes as Windows-1252") {
    CHECK(clean_text("M\xFCnchen") == "M\xC3\xBC" "nchen");   // Reuters' raw 0xFC: ü
    CHECK(clean_text("\xA3" "5m") == "\xC2\xA3" "5m");         // the BBC's raw 0xA3: £
    CHECK(clean_text("it\x92s") == "it\xE2\x80\x99s");         // 0x92: ’
    CHECK(clean_text("\x80\x85\x9F") == "\xE2\x82\xAC\xE2\x80\xA6\xC5\xB8");  // € … Ÿ
    // A stray byte among well-formed UTF-8 leaves the latter alone.
    CHECK(clean_text("\xC3\xBC \xFC") == "\xC3\xBC \xC3\xBC");
}

TEST_CASE("clean_text turns Windows-1252's undefined bytes into U+FFFD") {
    for (const char byte : {'\x81', '\x8D', '\x8F', '\x90', '\x9D'})
        CHECK(clean_text("a"s + byte + "b") == "a\xEF\xBF\xBD" "b");
}

TEST_CASE("clean_text rejects malformed UTF-8 byte by byte") {
    // Truncated at the end of input: E2 80 would start "€"; each byte is Windows-1252.
    CHECK(clean_text("x\xE2\x80") == "x\xC3\xA2\xE2\x82\xAC");
    CHECK(clean_text("x\xF0\x9F\x98") == "x\xC3\xB0\xC5\xB8\xCB\x9C");
    CHECK(clean_text("\xC3") == "\xC3\x83");
    // Overlong '/' (C0 AF): À ¯.
    CHECK(clean_text("\xC0\xAF") == "\xC3\x80\xC2\xAF");
    // Overlong three-byte form of U+007F.
    CHECK(clean_text("\xE0\x81\xBF") == "\xC3\xA0\xEF\xBF\xBD\xC2\xBF");
    // Surrogate U+D800 (ED A0 80): í, no-break space, €.
    CHECK(clean_text("\xED\xA0\x80") == "\xC3\xAD\xC2\xA0\xE2\x82\xAC");
    // Above U+10FFFF (F4 90 80 80).
    CHECK(clean_text("\xF4\x90\x80\x80") == "\xC3\xB4\xEF\xBF\xBD\xE2\x82\xAC\xE2\x82\xAC");
    // A continuation byte with no lead.
    CHECK(clean_text("a\xBF") == "a\xC2\xBF");
}

TEST_CASE("clean_text removes control characters but keeps TAB, LF and CR") {
    CHECK(clean_text("a\0b"s) == "ab");
    CHECK(clean_text("a\x01" "b\x02\x03\x1B\x7F" "c") == "abc");
    CHECK(clean_text("a\fb\vc") == "abc");
    CHECK(clean_text("a\tb\nc\r\n") == "a\tb\nc\r\n");
    // C1 controls that arrive as UTF-8 (C2 80, C2 9F) go too; U+00A0 stays.
    CHECK(clean_text("a\xC2\x80" "b\xC2\x9F" "c\xC2\xA0" "d") == "abc\xC2\xA0" "d");
}

TEST_CASE("html_to_text keeps the text and drops the markup") {
    const std::string html =
        "<html><head><title>T</title><style>p { color: red }</style>"
        "<script>if (a < b) document.write('x');</script></head>"
        "<body><p>Caf&eacute; &amp; bar&nbsp;&rsquo;s &#39;quoted&#39; &#x2019;</p>"
        "<noscript>enable JS</noscript></body></html>";
    CHECK(html_to_text(html) == "T\n\nCaf\xC3\xA9 & bar \xE2\x80\x99s 'quoted' \xE2\x80\x99");
}

TEST_CASE("html_to_text separates blocks so that words do not glue together") {
    CHECK(html_to_text("one<br>two<br/>three") == "one\ntwo\nthree");
    CHECK(html_to_text("<div><p>first</p><p>second</p></div>after") == "first\n\nsecond\n\nafter");
    CHECK(html_to_text("<ul><li>a</li><li>b</li></ul>") == "a\nb");
    CHECK(html_to_text("<h1>Title</h1>Body") == "Title\n\nBody");
    CHECK(html_to_text("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>") == "a b\nc");
    CHECK(html_to_text("quote:<blockquote>said</blockquote>done") == "quote:\n\nsaid\n\ndone");
    CHECK(html_to_text("<b>bold</b>face") == "boldface");
}

TEST_CASE("html_to_text collapses whitespace and blank lines") {
    CHECK(html_to_text("  a \n\t b  ") == "a b");
    CHECK(html_to_text("a<br><br><br><br><br>b") == "a\n\nb");
    CHECK(html_to_text("<p>a</p>\n\n<p></p><p> </p><div></div><p>b</p>") == "a\n\nb");
    CHECK(html_to_text("<pre>line 1\nline   2</pre>") == "line 1\nline 2");
}

TEST_CASE("html_to_text copes with garbage") {
    CHECK(html_to_text("") == "");
    CHECK(html_to_text("   ") == "");
    CHECK(html_to_text("a < b and c > d") == "a < b and c > d");
    CHECK(html_to_text("<p>unclosed <b>bold <i>both") == "unclosed bold both");
    CHECK(html_to_text("<div><p>one<p>two</div>three") == "one\n\ntwo\n\nthree");
    CHECK(html_to_text("x<!-- never closed") == "x");
    // libxml2 keeps or drops stray brackets as it sees fit; the words survive.
    CHECK(html_to_text("<<>><</p>>x").ends_with("x"));
    CHECK(html_to_text("<p <a <<div>>>text</<>").find("text") != std::string::npos);
    CHECK(html_to_text("<p>&#150; &#1; &#0; &bogus; &amp</p>") == "\xE2\x80\x93 &bogus; &amp");
    // A <meta> charset does not override the UTF-8 we promise.
    CHECK(html_to_text("<meta charset=\"iso-8859-1\"><p>M\xC3\xBCnchen</p>") == "M\xC3\xBCnchen");
}

TEST_CASE("html_to_text handles a 5 MB body") {
    std::string html = "<html><body>";
    std::string expected;
    const std::string paragraph = "<p>word &amp; <b>word</b><br>next</p>\n";
    while (html.size() < 5'000'000) {
        html += paragraph;
        if (!expected.empty()) expected += "\n\n";
        expected += "word & word\nnext";
    }
    html += "</body></html>";
    CHECK(html_to_text(html) == expected);
}

TEST_CASE("html_to_text keeps a text node of over 10 MB whole") {
    const std::string text(11'000'000, 'x');
    CHECK(html_to_text("<p>" + text + "</p><p>end</p>") == text + "\n\nend");
}

TEST_CASE("html_to_text survives deep nesting") {
    std::string html;
    for (int i = 0; i < 100'000; ++i) html += "<div><span>";
    html += "deep";
    CHECK(html_to_text(html) == "deep");
}

TEST_CASE("looks_like_html spots markup") {
    for (const char* text : {"<p>para", "<P class=x>para", "x<br>y", "x<BR/>y", "<div id=\"a\">", "see <a href=\"/x\">",
                             "end</p>", "text</FONT>", "<script src=x>", "<span>", "<html>", "<!DOCTYPE html>",
                             "<!-- note -->", "<blockquote>", "<img src=a.png>", "<h1>Title"})
        CHECK_MESSAGE(looks_like_html(text), text);
}

TEST_CASE("looks_like_html rejects plain text") {
    for (const char* text : {"", "a < b", "a<b", "I <3 you", "x <= y", "<foo>", "<pa>", "<notatag attr>", "3 </ 4",
                             "email <someone@example.com>", "<p", "trailing <", "AT&T"})
        CHECK_MESSAGE(!looks_like_html(text), text);
}

TEST_CASE("decode_entities decodes SGML references") {
    CHECK(decode_entities("AT&amp;T &lt;tag&gt; &quot;q&quot; &apos;a&apos;") == "AT&T <tag> \"q\" 'a'");
    CHECK(decode_entities("&#39;s &#x2019; &#X2019; &eacute;&Eacute;") == "'s \xE2\x80\x99 \xE2\x80\x99 \xC3\xA9\xC3\x89");
    CHECK(decode_entities("&#128512;") == "\xF0\x9F\x98\x80");
    CHECK(decode_entities("&amp;lt;") == "&lt;");      // one pass only
    CHECK(decode_entities("&#150;") == "\xE2\x80\x93");  // read as Windows-1252, like browsers
    CHECK(decode_entities("no references") == "no references");
}

TEST_CASE("decode_entities never produces control characters") {
    CHECK(decode_entities("\x02&#2;REUTER&#3;") == "REUTER");
    CHECK(decode_entities("a&#0;b&#5;c&#x7F;d&#x1b;e") == "abcde");
    CHECK(decode_entities("tab&#9;nl&#10;") == "tab\tnl\n");
}

TEST_CASE("decode_entities leaves unknown and malformed references as written") {
    CHECK(decode_entities("&foo; &AMP; &amp &; &#; &#x; &#12a; & ;") == "&foo; &AMP; &amp &; &#; &#x; &#12a; & ;");
    CHECK(decode_entities("AT&T and Procter & Gamble") == "AT&T and Procter & Gamble");
    CHECK(decode_entities("&#xD800; &#1114112; &#99999999999999999999;") ==
          "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD");
    CHECK(decode_entities("&&amp;&") == "&&&");
    CHECK(decode_entities("&" + std::string(40, 'a') + ";") == "&" + std::string(40, 'a') + ";");
}
