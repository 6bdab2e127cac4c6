// test_indexer_jsonl.cc — JSON lines records that once crashed newsindex (found by tests/fuzz).
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "readers/readers.h"
#include "recording_sink.h"

using namespace newsarchive;

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
