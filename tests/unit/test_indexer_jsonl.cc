// test_indexer_jsonl.cc — JSON lines: empty, binary and endless files, and records that once crashed newsindex (found by tests/fuzz).
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "readers/readers.h"
#include "recording_sink.h"

using namespace newsarchive;
using namespace std::string_literals;

namespace {

RecordingSink read_lines(const std::string& text) {
    RecordingSink sink;
    std::istringstream in(text);
    read_jsonl("dump.jsonl", in, ReaderOptions{}, sink);
    return sink;
}

RecordingSink read_array(const std::string& text) {
    RecordingSink sink;
    std::istringstream in(text);
    read_json("dump.json", in, ReaderOptions{}, sink);
    return sink;
}

// Deep enough to overflow the stack of any build when turned into text recursively.
std::string deeply_nested_array() {
    constexpr std::size_t kDepth = 1'000'000;
    return std::string(kDepth, '[') + std::string(kDepth, ']');
}

}  // namespace

TEST_CASE("JSON lines: a number past the double range skips its line, not the file") {
    auto sink = read_lines("{\"id\":\"n1\",\"title\":\"huge\",\"n\":1e400}\n{\"id\":\"n2\",\"title\":\"next\"}\n");
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].position == "line 1");
    CHECK(sink.skipped[0].category == "malformed JSON");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.id == "n2");
}

TEST_CASE("JSON lines: a deeply nested value does not overflow the stack, the article is kept without it") {
    auto sink = read_lines("{\"id\":\"deep\",\"title\":\"t\",\"authors\":" + deeply_nested_array() + "}\n");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.title == "t");
    CHECK(sink.added[0].article.authors.empty());
}

TEST_CASE("JSON arrays: a deeply nested value does not overflow the stack, the article is kept without it") {
    auto sink = read_array("[{\"id\":\"deep\",\"title\":\"t\",\"authors\":" + deeply_nested_array() + "}]");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.authors.empty());
}

TEST_CASE("JSON lines: an empty file, or one of blank lines, is reported once") {
    for (const std::string text : {"", "\n \n\t\r\n"}) {
        auto sink = read_lines(text);
        REQUIRE(sink.skipped.size() == 1);
        CHECK(sink.skipped[0].category == "empty file");
    }
}

TEST_CASE("JSON lines: a binary file is one message, not one per line") {
    auto sink = read_lines(binary_garbage(300000));
    CHECK(sink.added.empty());
    REQUIRE_FALSE(sink.skipped.empty());
    CHECK(sink.skipped.size() < 5);  // a few lines may come before the first NUL byte
    CHECK(sink.skipped.back().category == "binary file");
    CHECK(sink.skipped.back().reason.find("not JSON lines") != std::string::npos);

    // After JSON, a NUL byte is a control character like others: removed.
    auto later = read_lines("{\"title\": \"One\"}\n{\"title\": \"T\0wo\"}\n"s);
    CHECK(later.skipped.empty());
    REQUIRE(later.added.size() == 2);
    CHECK(later.added[1].article.title == "Two");
}

TEST_CASE("JSON lines: a line past the size bound is skipped, holding no more than the bound, and the next is read") {
    std::string text = "{\"title\": \"" + std::string(kMaxRecordBytes + 1024, 'x') + "\"}\n{\"title\": \"Next\"}";
    auto sink = read_lines(text);
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].position == "line 1");
    CHECK(sink.skipped[0].category == "oversized record");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.title == "Next");
    CHECK(sink.added[0].position == "line 2");
}
