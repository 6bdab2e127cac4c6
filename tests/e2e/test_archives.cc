// test_archives.cc — newsindex reading dumps shipped as zip and tar archives, whole and cut short.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>

#include "compression.h"
#include "process.h"

using namespace e2e;

namespace {

// `tar ARGUMENTS...` in `directory`; fails the test if tar does.
void tar(const std::filesystem::path& directory, const std::vector<std::string>& arguments) {
    std::vector<std::string> all{"-C", directory.string()};
    all.insert(all.end(), arguments.begin(), arguments.end());
    auto result = run("/bin/tar", all);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
}

}  // namespace

TEST_CASE("archives: a zip of saved pages is read member by member, notes and Mac resource forks passed over") {
    TempDir dir;
    std::string zip = (source_dir() / "tests/data/dumps/seed-pages.zip").string();
    auto result = run(newsindex(), {"--db", dir / "index", zip});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.err.find("3 indexed, 0 replaced, 0 skipped; files of unknown type passed over: 1; "
                          "notes passed over (README, LICENSE, ...): 1") != std::string::npos);
    // Ids are paths inside the archive, as they are below a directory argument.
    auto found = search_json(dir / "index", {"china"});
    CHECK(found["total"] == 3);
    for (const auto& hit : found["results"]) CHECK(hit["id"].get<std::string>().starts_with("seed-pages/"));
    auto shown = run(newssearch(), {"--db", dir / "index", "--show", "seed-pages/000_8f3a7d02f35aa849.txt"});
    CHECK(shown.out == read_file(source_dir() / "corpus/000_8f3a7d02f35aa849.txt"));
}

TEST_CASE("archives: a .tar.gz of Usenet posts with --format message, messages naming ARCHIVE/MEMBER") {
    TempDir dir;
    tar(source_dir() / "tests/data", {"-czf", dir / "usenet.tar.gz", "usenet"});
    auto result = run(newsindex(), {"--db", dir / "index", "--format", "message", dir / "usenet.tar.gz"});
    INFO(result.err);
    CHECK(result.exit_code == 3);
    CHECK(result.err.find("usenet.tar.gz/usenet/rec.autos/103435: byte 0: not a message") != std::string::npos);
    CHECK(result.err.find("4 indexed, 0 replaced, 1 skipped (1 not a message)") != std::string::npos);
    CHECK(search_json(dir / "index", {"--author", "kelso"})["total"] == 1);
}

TEST_CASE("archives: a tar holding compressed members and hidden files, found by a directory walk") {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "dump/.git");
    write_file(dir.path() / "dump/styles.jsonl.gz",
               test_support::gzip(read_file(source_dir() / "tests/data/dumps/news-styles.jsonl")));
    write_file(dir.path() / "dump/.git/config.jsonl", "{\"title\": \"not an article\"}\n");
    write_file(dir.path() / "dump/.DS_Store.jsonl", "{\"title\": \"not an article either\"}\n");
    tar(dir.path(), {"-cf", dir / "dump.tar", "dump"});
    std::filesystem::create_directories(dir.path() / "walk");
    std::filesystem::rename(dir.path() / "dump.tar", dir.path() / "walk/dump.tar");

    auto result = run(newsindex(), {"--db", dir / "index", dir / "walk"});
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.err.find("4 indexed, 0 replaced, 0 skipped; the index holds 4 articles") != std::string::npos);
    CHECK(search_json(dir / "index", {"article"})["total"] == 0);
    CHECK(search_json(dir / "index", {"omicron"})["total"] == 1);
}

TEST_CASE("archives: a .tar.gz cut short keeps the members before the damage and reports it once") {
    TempDir dir;
    std::filesystem::create_directories(dir.path() / "pages");
    // Words that do not compress away, so that half of the file is half of the members.
    std::uint32_t state = 7;
    for (int i = 0; i < 40; ++i) {
        std::string body;
        while (body.size() < 20000) {
            state = state * 1664525u + 1013904223u;
            body += std::string(1, static_cast<char>('a' + (state >> 24) % 26)) + std::to_string(state >> 20) + ' ';
        }
        write_file(dir.path() / ("pages/" + std::to_string(100 + i) + ".txt"),
                   "Headline number " + std::to_string(i) + "\n\n" + body + "\n");
    }
    tar(dir.path(), {"-czf", dir / "pages.tar.gz", "pages"});
    std::string whole = read_file(dir.path() / "pages.tar.gz");
    write_file(dir.path() / "cut.tar.gz", whole.substr(0, whole.size() / 2));

    auto result = run(newsindex(), {"--db", dir / "index", dir / "cut.tar.gz"});
    INFO(result.err);
    CHECK(result.exit_code == 3);
    auto damage_reports = std::count(result.err.begin(), result.err.end(), '\n') - 1;  // lines before the summary
    CHECK(damage_reports == 1);
    CHECK(result.err.find("damaged input") != std::string::npos);
    auto in_index = search_json(dir / "index", {"headline"})["total"].get<int>();
    CHECK(in_index > 0);
    CHECK(in_index < 40);
}

TEST_CASE("archives: a file named like an archive that is not one is one skipped input") {
    TempDir dir;
    write_file(dir.path() / "notes.zip", "just some text, not a zip archive\n");
    auto result = run(newsindex(), {"--db", dir / "index", dir / "notes.zip"});
    CHECK(result.exit_code == 3);
    CHECK(result.err.find("notes.zip: path: cannot read") != std::string::npos);
    CHECK(result.err.find("as an archive") != std::string::npos);
}
