// test_seed_corpus.cc — the three seed articles of corpus/, indexed and searched.
#include <doctest/doctest.h>

#include <algorithm>

#include "process.h"

using namespace e2e;

namespace {

constexpr const char* kFox = "000_8f3a7d02f35aa849.txt";
constexpr const char* kCnet = "003_c44252262884b803.txt";
constexpr const char* kScmp = "004_413fc6f897fb3d11.txt";

// One index of corpus/ shared by the read-only tests below.
const std::string& seed_index() {
    static TempDir dir;
    static std::string db = [] {
        std::string path = dir / "index";
        auto result = run(newsindex(), {"--db", path, (source_dir() / "corpus").string()});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        return path;
    }();
    return db;
}

std::vector<std::string> sorted(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    return values;
}

}  // namespace

TEST_CASE("seeds: an exact phrase finds all three articles") {
    auto result = search_json(seed_index(), {"\"Ministry of State Security\""});
    CHECK(result["total"] == 3);
    CHECK(sorted(ids(result)) == std::vector<std::string>{kFox, kCnet, kScmp});
}

TEST_CASE("seeds: NOT excludes the articles that mention Blinken") {
    CHECK(ids(search_json(seed_index(), {"Biden", "NOT", "Blinken"})) == std::vector<std::string>{kScmp});
}

TEST_CASE("seeds: title: searches titles only") {
    CHECK(ids(search_json(seed_index(), {"title:biden"})) == std::vector<std::string>{kCnet});
    // "Biden" is in the body of the SCMP article too.
    CHECK(search_json(seed_index(), {"biden"})["total"] == 2);
}

TEST_CASE("seeds: phrase word order matters, and no match exits 1") {
    auto result = run(newssearch(), {"--db", seed_index(), "\"state ministry\""});
    CHECK(result.exit_code == 1);
    CHECK(search_json(seed_index(), {"\"state ministry\""})["total"] == 0);
    CHECK(search_json(seed_index(), {"\"ministry of state\""})["total"] == 3);
}

TEST_CASE("seeds: page furniture is not indexed") {
    for (const char* query : {"advertisement", "\"sponsored content\"", "\"reading time\"", "\"why you can trust\""}) {
        CAPTURE(query);
        auto result = run(newssearch(), {"--db", seed_index(), query});
        CHECK(result.exit_code == 1);
    }
    // "sponsored" itself does match: Fox's body says "state-sponsored" and
    // SCMP's "sponsoring"; CNET's article only has neither.
    CHECK(sorted(ids(search_json(seed_index(), {"sponsored"}))) == std::vector<std::string>{kFox, kScmp});
}

TEST_CASE("seeds: the title skips furniture lines") {
    auto result = search_json(seed_index(), {"title:britain"});
    REQUIRE(result["results"].size() == 1);
    CHECK(result["results"][0]["title"] == "US, Britain and EU blame China for Microsoft Exchange email server hack");
    CHECK(search_json(seed_index(), {"title:advertisement"})["total"] == 0);
}

TEST_CASE("seeds: --show prints every article byte for byte") {
    for (const char* id : {kFox, kCnet, kScmp}) {
        CAPTURE(id);
        auto result = run(newssearch(), {"--db", seed_index(), "--show", id});
        CHECK(result.exit_code == 0);
        CHECK(result.out == read_file(source_dir() / "corpus" / id));
    }
    auto missing = run(newssearch(), {"--db", seed_index(), "--show", "no-such-id"});
    CHECK(missing.exit_code == 1);
    CHECK(missing.err.find("no-such-id") != std::string::npos);
}

TEST_CASE("seeds: JSON output carries every field, null when absent") {
    auto result = search_json(seed_index(), {"Blinken"});
    CHECK(result["query"] == "Blinken");
    CHECK(result["offset"] == 0);
    CHECK(result["total"] == 2);
    REQUIRE(result["results"].size() == 2);
    for (const auto& hit : result["results"]) {
        for (const char* key : {"rank", "id", "score", "title", "date", "source", "author", "url", "snippet"})
            CHECK_MESSAGE(hit.contains(key), key);
        CHECK(hit["date"].is_null());  // plain text files carry no date
        CHECK(hit["score"].get<double>() > 0);
        CHECK(hit["snippet"].get<std::string>().find("Blinken") != std::string::npos);
        CHECK(hit["snippet"].get<std::string>().find('\x1b') == std::string::npos);
    }
    CHECK(result["results"][0]["rank"] == 1);
    CHECK(result["results"][1]["rank"] == 2);
    CHECK(result["results"][0]["score"].get<double>() >= result["results"][1]["score"].get<double>());
}

TEST_CASE("seeds: jsonl output is one hit object per line") {
    auto result = run(newssearch(), {"--db", seed_index(), "--format", "jsonl", "microsoft"});
    REQUIRE(result.exit_code == 0);
    int lines = 0;
    std::istringstream in(result.out);
    for (std::string line; std::getline(in, line); ++lines) {
        auto hit = nlohmann::json::parse(line);
        CHECK(hit["rank"] == lines + 1);
    }
    CHECK(lines == 3);
}

TEST_CASE("seeds: text output shows rank, title and id, and escapes only on request") {
    auto plain = run(newssearch(), {"--db", seed_index(), "title:biden"});
    CHECK(plain.exit_code == 0);
    CHECK(plain.out.find("1. Biden administration blames China for Microsoft Exchange email hack") != std::string::npos);
    CHECK(plain.out.find(kCnet) != std::string::npos);
    CHECK(plain.out.find('\x1b') == std::string::npos);  // not a terminal
    auto coloured = run(newssearch(), {"--db", seed_index(), "--color", "always", "Blinken"});
    CHECK(coloured.out.find("\x1b[1mBlinken\x1b[0m") != std::string::npos);
}

TEST_CASE("seeds: paging with --limit and --offset") {
    auto all = ids(search_json(seed_index(), {"china"}));
    REQUIRE(all.size() == 3);
    auto second = search_json(seed_index(), {"--limit", "1", "--offset", "1", "china"});
    CHECK(ids(second) == std::vector<std::string>{all[1]});
    CHECK(second["results"][0]["rank"] == 2);
    CHECK(second["total"] == 3);
}

TEST_CASE("seeds: wildcards, +/- and OR") {
    CHECK(search_json(seed_index(), {"cyber*"})["total"] == 3);
    CHECK(ids(search_json(seed_index(), {"china -blinken"})) == std::vector<std::string>{kScmp});
    // After "--", words starting with "-" are query words, not options.
    CHECK(ids(search_json(seed_index(), {"--", "china", "-blinken"})) == std::vector<std::string>{kScmp});
    CHECK(search_json(seed_index(), {"--any", "Keane", "Delaneyin"})["total"] == 2);
    CHECK(search_json(seed_index(), {"--match", "all", "Keane", "Delaneyin"})["total"] == 0);
    // By default a short query that no article matches whole is widened to OR.
    auto widened = search_json(seed_index(), {"Keane", "Delaneyin"});
    CHECK(widened["total"] == 2);
    CHECK(widened["widened"] == true);
}

TEST_CASE("seeds: re-indexing replaces instead of duplicating") {
    TempDir dir;
    std::string db = dir / "index";
    auto corpus = (source_dir() / "corpus").string();
    auto first = run(newsindex(), {"--db", db, corpus});
    CHECK(first.exit_code == 0);
    CHECK(first.err.find("3 indexed, 0 replaced, 0 skipped") != std::string::npos);
    auto second = run(newsindex(), {"--db", db, corpus});
    CHECK(second.exit_code == 0);
    CHECK(second.err.find("0 indexed, 3 replaced, 0 skipped") != std::string::npos);
    CHECK(second.err.find("the index holds 3 articles") != std::string::npos);
    CHECK(search_json(db, {"china"})["total"] == 3);
}
