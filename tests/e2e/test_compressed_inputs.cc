// test_compressed_inputs.cc — newsindex on .gz and .zst dumps, whole and cut short.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "compression.h"
#include "process.h"

using namespace e2e;

namespace {

const std::string kHuffPost = NEWSARCHIVE_CORPORA_DIR "/huffpost-news-category-v3-subset/News_Category_Dataset_v3.json";

// The stderr lines that name `file` (the summary does not).
std::vector<std::string> lines_naming(const std::string& err, const std::string& file) {
    std::vector<std::string> found;
    std::istringstream in(err);
    for (std::string line; std::getline(in, line);)
        if (line.find(file) != std::string::npos) found.push_back(line);
    return found;
}

}  // namespace

TEST_CASE("compressed: .gz, .zst and compressed standard input index like the plain file") {
    TempDir dir;
    const std::string plain = read_file(source_dir() / "tests/data/dumps/news-styles.jsonl");
    write_file(dir.path() / "dump.jsonl.gz", test_support::gzip(plain));
    write_file(dir.path() / "dump.jsonl.zst", test_support::zstd(plain));
    for (const char* name : {"dump.jsonl.gz", "dump.jsonl.zst"}) {
        CAPTURE(name);
        auto result = run(newsindex(), {"--db", dir / (std::string(name) + ".index"), dir / name});
        CHECK(result.exit_code == 0);
        CHECK(result.err.find("4 indexed, 0 replaced, 0 skipped") != std::string::npos);
    }
    auto piped = run(newsindex(), {"--db", dir / "stdin.index", "--format", "jsonl", "-"}, test_support::gzip(plain));
    CHECK(piped.exit_code == 0);
    CHECK(piped.err.find("4 indexed, 0 replaced, 0 skipped") != std::string::npos);
}

// A dump cut off inside a record: the damage is one message naming the file
// and the byte offset, one skip, and the articles before it are indexed.
TEST_CASE("compressed: a file cut short inside a record is one message and one skip, whatever the format") {
    struct Case {
        const char* name;
        std::string text;  // what the cut file decodes to: two records and the start of a third
    };
    const Case cases[] = {
        {"cut.jsonl.gz",
         "{\"title\": \"One\", \"body\": \"a\"}\n{\"title\": \"Two\", \"body\": \"b\"}\n{\"title\": \"Th"},
        {"cut.json.gz", "[{\"title\": \"One\", \"body\": \"a\"},\n {\"title\": \"Two\", \"body\": \"b\"},\n {\"tit"},
        {"cut.csv.gz", "title,body\nOne,a\nTwo,b\nThree,\"c is"},
        {"cut.sgml.gz", "<DOC><DOCNO>1</DOCNO><TEXT>a</TEXT></DOC>\n<DOC><DOCNO>2</DOCNO><TEXT>b</TEXT></DOC>\n<DOC>"},
    };
    TempDir dir;
    for (const auto& c : cases) {
        CAPTURE(c.name);
        const std::string cut = test_support::gzip_cut_after(c.text);
        write_file(dir.path() / c.name, cut);
        auto result = run(newsindex(), {"--db", dir / (std::string(c.name) + ".index"), dir / c.name});
        CHECK(result.exit_code == 3);
        auto lines = lines_naming(result.err, c.name);
        REQUIRE(lines.size() == 1);
        CHECK(lines[0].find("truncated gzip stream at byte " + std::to_string(cut.size())) != std::string::npos);
        CHECK(result.err.find("2 indexed, 0 replaced, 1 skipped (1 damaged input)") != std::string::npos);
    }
}

TEST_CASE("compressed: the HuffPost dump as .json.zst cut in half: one message, the first half indexed") {
    if (!std::filesystem::exists(kHuffPost)) {
        MESSAGE("skipped: " << kHuffPost << " is absent");
        return;
    }
    TempDir dir;
    const std::string frame = test_support::zstd(read_file(kHuffPost));
    write_file(dir.path() / "huffpost.json.zst", frame.substr(0, frame.size() / 2));
    auto result = run(newsindex(), {"--db", dir / "index", dir / "huffpost.json.zst"});
    CHECK(result.exit_code == 3);
    CHECK(lines_naming(result.err, "huffpost.json.zst").size() == 1);
    CHECK(result.err.find("truncated zstd stream at byte") != std::string::npos);
    CHECK(result.err.find(", 0 replaced, 1 skipped (1 damaged input)") != std::string::npos);
    auto total = search_json(dir / "index", {"--since", "2000-01-01", "--limit", "0"})["total"].get<int>();
    CHECK(total > 3000);
    CHECK(total < 9999);
}
