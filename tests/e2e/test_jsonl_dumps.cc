// test_jsonl_dumps.cc — JSON lines in the HuffPost, news-please and All the News styles.
#include <doctest/doctest.h>

#include "process.h"

using namespace e2e;

namespace {

const std::string& dumps_index() {
    static TempDir dir;
    static std::string db = [] {
        std::string path = dir / "index";
        auto result = run(newsindex(), {"--db", path, (source_dir() / "tests/data/dumps/news-styles.jsonl").string()});
        INFO(result.err);
        REQUIRE(result.exit_code == 0);
        return path;
    }();
    return db;
}

nlohmann::json only_hit(const std::vector<std::string>& query) {
    auto result = search_json(dumps_index(), query);
    REQUIRE(result["results"].size() == 1);
    return result["results"][0];
}

}  // namespace

TEST_CASE("jsonl: HuffPost keys give title, date, author, and the source from the link") {
    auto hit = only_hit({"omicron"});
    CHECK(hit["title"] == "Over 4 Million Americans Roll Up Sleeves For Omicron-Targeted COVID Boosters");
    CHECK(hit["date"] == "2022-09-23");
    CHECK(hit["source"] == "huffpost.com");
    CHECK(hit["author"] == "Carla K. Johnson, AP");
    CHECK(hit["id"] == "https://www.huffpost.com/entry/covid-boosters-uptake-us_n_632d719ee4b087fae6feaac9");
    CHECK(hit["url"] == hit["id"]);
}

TEST_CASE("jsonl: news-please keys, authors array and HTML in the body") {
    auto hit = only_hit({"nato"});
    CHECK(hit["title"] == "US, Britain and EU blame China for Microsoft Exchange email server hack");
    CHECK(hit["date"] == "2021-07-19");
    CHECK(hit["source"] == "scmp.com");
    CHECK(hit["author"] == "Robert Delaney");
    CHECK(hit["snippet"].get<std::string>().find("<b>") == std::string::npos);
}

TEST_CASE("jsonl: All the News keys with a numeric id") {
    auto hit = only_hit({"republicans"});
    CHECK(hit["id"] == "17283");
    CHECK(hit["source"] == "New York Times");
    CHECK(hit["date"] == "2016-12-31");
    CHECK(hit["author"] == "Carl Hulse");
    CHECK(hit["url"].is_null());
}

TEST_CASE("jsonl: date ranges select by day") {
    auto in_2021 = search_json(dumps_index(), {"date:2021-01-01..2021-12-31"});
    CHECK(ids(in_2021) == std::vector<std::string>{
                             "https://www.scmp.com/news/china/article/3141661/"
                             "us-britain-and-eu-blame-china-microsoft-exchange-email-server-hack"});
    CHECK(search_json(dumps_index(), {"date:2020-04-13..2020-04-13"})["total"] == 1);
    CHECK(search_json(dumps_index(), {"date:2020-01-01.."})["total"] == 3);
    CHECK(search_json(dumps_index(), {"--since", "2020-04-14", "--until", "2022-09-22", "china"})["total"] == 1);
    CHECK(search_json(dumps_index(), {"--until", "2020-04-13", "date:2010-01-01.."})["total"] == 2);
}

TEST_CASE("jsonl: source: and author: select by field") {
    CHECK(search_json(dumps_index(), {"source:huffpost"})["total"] == 2);
    CHECK(search_json(dumps_index(), {"source:\"new york times\""})["total"] == 1);
    CHECK(search_json(dumps_index(), {"author:hulse"})["total"] == 1);
    // Authors are not free text by default: a name is not a topic.
    CHECK(search_json(dumps_index(), {"hulse"})["total"] == 0);
}

TEST_CASE("jsonl: --field maps other keys, and records without an id get a stable hash") {
    TempDir dir;
    std::string dump = "{\"heading\": \"Quarterly results beat forecasts\", \"story\": \"Profits rose.\"}\n";
    write_file(dir.path() / "custom.jsonl", dump);
    for (const char* name : {"first", "second"}) {
        auto result = run(newsindex(), {"--db", dir / name, "--field", "title=heading", "--field", "body=story",
                                        dir / "custom.jsonl"});
        REQUIRE(result.exit_code == 0);
    }
    auto first = search_json(dir / "first", {"title:quarterly"});
    auto second = search_json(dir / "second", {"profits"});
    REQUIRE(first["results"].size() == 1);
    REQUIRE(second["results"].size() == 1);
    CHECK(first["results"][0]["id"].get<std::string>().size() == 32);
    CHECK(first["results"][0]["id"] == second["results"][0]["id"]);
}

TEST_CASE("jsonl: malformed lines are reported with file and line, skipped, and counted") {
    TempDir dir;
    write_file(dir.path() / "bad.jsonl",
               "{\"title\": \"First good\", \"body\": \"alpha\"}\n"
               "{\"title\": \"broken\", \n"
               "[1, 2]\n"
               "{\"title\": \"Second good\", \"body\": \"beta\", \"date\": \"not a date\"}\n");
    auto result = run(newsindex(), {"--db", dir / "index", dir / "bad.jsonl"});
    CHECK(result.exit_code == 3);
    CHECK(result.err.find("bad.jsonl: line 2: malformed JSON") != std::string::npos);
    CHECK(result.err.find("bad.jsonl: line 3: JSON value is not an object") != std::string::npos);
    CHECK(result.err.find("bad.jsonl: line 4: unrecognised date 'not a date'") != std::string::npos);
    CHECK(result.err.find("2 indexed, 0 replaced, 2 skipped (2 malformed JSON)") != std::string::npos);
    CHECK(search_json(dir / "index", {"--any", "alpha", "beta"})["total"] == 2);
}

TEST_CASE("jsonl: standard input with --format") {
    TempDir dir;
    auto result = run(newsindex(), {"--db", dir / "index", "--format", "jsonl", "-"},
                      "{\"title\": \"From a pipe\", \"text\": \"streamed article\"}\n");
    CHECK(result.exit_code == 0);
    CHECK(search_json(dir / "index", {"streamed"})["total"] == 1);
    auto without_format = run(newsindex(), {"--db", dir / "index", "-"}, "{}\n");
    CHECK(without_format.exit_code == 2);
}
