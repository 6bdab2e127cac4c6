// test_indexer_json_array.cc — .json files: streamed arrays of articles, JSON lines behind a '{', and damage.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "readers/readers.h"
#include "recording_sink.h"

using namespace newsarchive;

namespace {

const std::filesystem::path kHuffPost =
    NEWSARCHIVE_CORPORA_DIR "/huffpost-news-category-v3-subset/News_Category_Dataset_v3.json";

RecordingSink read(const std::string& json) {
    RecordingSink sink;
    std::istringstream in(json);
    read_json("test.json", in, ReaderOptions{}, sink);
    return sink;
}

}  // namespace

TEST_CASE("JSON: .json and the name 'json' select the array reader, .jsonl and .ndjson stay JSON lines") {
    CHECK(format_from_extension("dump.json") == Format::json);
    CHECK(format_from_extension("dump.jsonl") == Format::jsonl);
    CHECK(format_from_extension("dump.ndjson") == Format::jsonl);
    CHECK(parse_format("json") == Format::json);
    CHECK(format_name(Format::json) == "json");
}

TEST_CASE("JSON: an array of article objects, pretty-printed, with nested values") {
    auto sink = read(R"([
  {"id": "a1", "title": "First", "body": "Body one", "date": "2021-07-19",
   "authors": [{"name": "Ann Lee"}, {"name": "Bo Chen"}], "tags": [["x"], {"deep": [1, 2.5, null, true]}]},
  {"headline": "Second", "maintext": "Body two", "source_domain": "example.org"}
])");
    CHECK(sink.skipped.empty());
    CHECK(sink.warnings.empty());
    REQUIRE(sink.added.size() == 2);
    const Article& first = sink.added[0].article;
    CHECK(sink.added[0].position == "element 1");
    CHECK(first.id == "a1");
    CHECK(first.title == "First");
    CHECK(first.body == "Body one");
    CHECK(first.date->iso() == "2021-07-19");
    CHECK(first.authors == std::vector<std::string>{"Ann Lee", "Bo Chen"});
    CHECK(first.text == "First\n\nBody one");
    CHECK(sink.added[1].position == "element 2");
    CHECK(sink.added[1].article.title == "Second");
    CHECK(sink.added[1].article.source == "example.org");
}

TEST_CASE("JSON: blanks and a byte-order mark before the array, an empty array gives nothing") {
    auto sink = read("\xEF\xBB\xBF \n\t[{\"title\": \"T\"}]\n");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.skipped.empty());
    auto empty_array = read("[ ]");
    CHECK(empty_array.added.empty());
    CHECK(empty_array.skipped.empty());
}

TEST_CASE("JSON: a .json file that starts with '{' is JSON lines, line numbers kept") {
    auto sink = read("\n\n{\"title\": \"One\"}\n{\"title\": \"Two\"}\n");
    REQUIRE(sink.added.size() == 2);
    CHECK(sink.added[0].position == "line 3");
    CHECK(sink.added[1].position == "line 4");
}

TEST_CASE("JSON: the HuffPost dump (.json, JSON lines inside) reads like JSON lines") {
    if (!std::filesystem::exists(kHuffPost)) {
        MESSAGE("skipped: " << kHuffPost << " is absent");
        return;
    }
    RecordingSink as_json, as_jsonl;
    std::ifstream json_in(kHuffPost, std::ios::binary), jsonl_in(kHuffPost, std::ios::binary);
    read_json("huffpost.json", json_in, ReaderOptions{}, as_json);
    read_jsonl("huffpost.json", jsonl_in, ReaderOptions{}, as_jsonl);
    CHECK(as_json.skipped.empty());
    REQUIRE(as_json.added.size() == 9999);
    REQUIRE(as_jsonl.added.size() == 9999);
    CHECK(as_json.added.back().position == "line 9999");
    CHECK(as_json.added.back().article.id == as_jsonl.added.back().article.id);
    CHECK(as_json.added.back().article.text == as_jsonl.added.back().article.text);
}

TEST_CASE("JSON: an element that is not an object is skipped by number, the others are read") {
    auto sink = read(R"([{"title": "A"}, "just a string", [1, 2], {"title": "D"}, {"category": "no title"}])");
    REQUIRE(sink.added.size() == 2);
    CHECK(sink.added[1].position == "element 4");
    REQUIRE(sink.skipped.size() == 3);
    CHECK(sink.skipped[0].position == "element 2");
    CHECK(sink.skipped[0].category == "malformed JSON");
    CHECK(sink.skipped[1].position == "element 3");
    CHECK(sink.skipped[2].position == "element 5");
    CHECK(sink.skipped[2].category == "no title or body");
}

TEST_CASE("JSON: malformed JSON in the middle stops the file at its byte offset, earlier articles stay") {
    const std::string json = R"(  [{"title": "A"}, {"title": "B"}, {"title": oops}, {"title": "D"}])";
    auto sink = read(json);
    REQUIRE(sink.added.size() == 2);
    CHECK(sink.added[1].article.title == "B");
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].position == "byte " + std::to_string(json.find("oops")));
    CHECK(sink.skipped[0].category == "malformed JSON");
    CHECK(sink.skipped[0].reason.find("the rest of the file is not read") != std::string::npos);

    auto overflow = read(R"([{"title": "A"}, {"title": "B", "n": 1e400}])");
    CHECK(overflow.added.size() == 1);
    CHECK(overflow.skipped.size() == 1);

    auto trailing = read(R"([{"title": "A"}] [{"title": "B"}])");
    CHECK(trailing.added.size() == 1);
    REQUIRE(trailing.skipped.size() == 1);
    CHECK(trailing.skipped[0].position == "byte 17");
}

TEST_CASE("JSON: a truncated array keeps the complete elements and reports the end") {
    const std::string json = R"([{"title": "A", "body": "whole"}, {"title": "B", "body": "cut of)";
    auto sink = read(json);
    REQUIRE(sink.added.size() == 1);
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].position == "byte " + std::to_string(json.size()));
    CHECK(sink.skipped[0].reason.find("missing closing quote") != std::string::npos);
}

TEST_CASE("JSON: empty files and files that are neither an array nor JSON lines") {
    auto empty = read("");
    REQUIRE(empty.skipped.size() == 1);
    CHECK(empty.skipped[0].category == "empty file");
    CHECK(read("  \n ").skipped.at(0).category == "empty file");

    auto scalar = read("  \"a string\"");
    REQUIRE(scalar.skipped.size() == 1);
    CHECK(scalar.skipped[0].position == "byte 2");
    CHECK(scalar.skipped[0].category == "malformed JSON");

    const std::string garbage = binary_garbage(100000);
    auto binary = read(garbage);
    CHECK(binary.added.empty());
    CHECK(binary.skipped.size() == 1);
    auto binary_array = read("[" + garbage);
    CHECK(binary_array.added.empty());
    REQUIRE(binary_array.skipped.size() == 1);
    CHECK(binary_array.skipped[0].category == "malformed JSON");
}

TEST_CASE("JSON: Latin-1 bytes are repaired, UTF-8 split between two reads stays whole") {
    auto sink = read("[{\"title\": \"Caf\xE9\", \"body\": \"\xA3 5 for M\xFCller\"}]");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.title == "Caf\xC3\xA9");
    CHECK(sink.added[0].article.body == "\xC2\xA3 5 for M\xC3\xBCller");

    // Two-, three- and four-byte characters over several 64 KiB read boundaries.
    std::string body;
    while (body.size() < 300000) body += "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 ";
    auto wide = read("[{\"title\": \"Wide\", \"body\": \"" + body + "\"}]");
    REQUIRE(wide.added.size() == 1);
    CHECK(wide.added[0].article.body == body);
}
