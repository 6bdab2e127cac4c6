// test_search_matching.cc — --match all|any|auto, stop words and BM25 parameters.
#include <doctest/doctest.h>

#include <algorithm>

#include "search_fixtures.h"

using namespace e2e;

namespace {

// Six short articles whose words overlap in known ways.
const std::string& matching_index() {
    static TempDir dir;
    static std::string db = [] {
        write_file(dir.path() / "articles.jsonl",
                   R"({"id": "oil", "title": "Oil exports fall", "body": "Russian oil exports fell after sanctions."}
{"id": "wheat", "title": "Wheat harvest", "body": "A large wheat harvest in Ukraine."}
{"id": "band", "title": "The Who on tour", "body": "The band The Who played in London."}
{"id": "banks", "title": "Banks", "body": "New sanctions on banks."}
{"id": "tax-repeated", "title": "Budget", "body": "tax tax tax tax tax"}
{"id": "tax-once", "title": "Budget", "body": "tax budget plans"}
)");
        return build_index(dir, {dir / "articles.jsonl"});
    }();
    return db;
}

std::vector<std::string> sorted_ids(const nlohmann::json& result) {
    auto out = ids(result);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("match: auto needs every word of a short query") {
    auto result = search_json(matching_index(), {"oil", "exports"});
    CHECK(result["match"] == "all");
    CHECK(result["widened"] == false);
    CHECK(ids(result) == std::vector<std::string>{"oil"});
}

TEST_CASE("match: auto widens a short query to any word when no article has all") {
    const auto& db = matching_index();
    auto result = search_json(db, {"oil", "wheat"});
    CHECK(result["match"] == "any");
    CHECK(result["widened"] == true);
    CHECK(sorted_ids(result) == std::vector<std::string>{"oil", "wheat"});
    auto text = search(db, {"oil", "wheat"});
    CHECK(text.exit_code == 0);
    CHECK(text.out.find("No article has all the words") != std::string::npos);
    // --match all does not widen.
    auto strict = search(db, {"--match", "all", "--format", "json", "oil", "wheat"});
    CHECK(strict.exit_code == 1);
    CHECK(nlohmann::json::parse(strict.out)["total"] == 0);
}

TEST_CASE("match: auto reads 4 or more content words as any of them") {
    const auto& db = matching_index();
    auto result = search_json(db, {"effects of sanctions on russian oil exports"});
    CHECK(result["match"] == "any");
    CHECK(result["widened"] == false);
    CHECK(sorted_ids(result) == std::vector<std::string>{"banks", "oil"});
    CHECK(ids(result)[0] == "oil");  // more of the words
    CHECK(search(db, {"--match", "all", "effects of sanctions on russian oil exports"}).exit_code == 1);
    // Stop words do not count towards the 4: "the oil of the exports" has two content words.
    CHECK(search_json(db, {"the oil of the exports"})["match"] == "all");
}

TEST_CASE("match: any, and --any as its short form") {
    const auto& db = matching_index();
    for (const auto& option : std::vector<std::vector<std::string>>{{"--match", "any"}, {"--any"}}) {
        auto arguments = option;
        arguments.insert(arguments.end(), {"oil", "exports"});
        auto result = search_json(db, arguments);
        CHECK(result["match"] == "any");
        CHECK(result["widened"] == false);
    }
    auto conflict = run(newssearch(), {"--db", db, "--any", "--match", "all", "oil"});
    CHECK(conflict.exit_code == 2);
    CHECK(conflict.err.find("--any") != std::string::npos);
    auto bad = run(newssearch(), {"--db", db, "--match", "most", "oil"});
    CHECK(bad.exit_code == 2);
    CHECK(bad.err.find("--match") != std::string::npos);
}

TEST_CASE("stop words: dropped from queries, kept in phrases, lists chosen by --stopwords") {
    const auto& db = matching_index();
    // "of" is in no article: dropped by default, required without a stop list.
    CHECK(ids(search_json(db, {"--match", "all", "oil of"})) == std::vector<std::string>{"oil"});
    CHECK(search(db, {"--match", "all", "--stopwords", "none", "oil of"}).exit_code == 1);
    // A phrase keeps its stop words.
    CHECK(ids(search_json(db, {"\"the who\""})) == std::vector<std::string>{"band"});
    // A file of stop words.
    TempDir dir;
    write_file(dir.path() / "stop.txt", "# words too common in this archive\noil\n  harvest  \n");
    CHECK(ids(search_json(db, {"--match", "all", "--stopwords", dir / "stop.txt", "oil wheat"})) ==
          std::vector<std::string>{"wheat"});
    auto missing = run(newssearch(), {"--db", db, "--stopwords", dir / "absent.txt", "oil"});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("absent.txt") != std::string::npos);
}

TEST_CASE("bm25: k1 0 ignores how often a word occurs, and bad values are refused") {
    const auto& db = matching_index();
    auto score = [](const nlohmann::json& result, const std::string& id) {
        for (const auto& hit : result["results"])
            if (hit["id"] == id) return hit["score"].get<double>();
        FAIL("no hit " << id);
        return 0.0;
    };
    auto usual = search_json(db, {"tax"});
    CHECK(score(usual, "tax-repeated") > score(usual, "tax-once"));
    auto flat = search_json(db, {"--bm25-k1", "0", "tax"});
    CHECK(score(flat, "tax-repeated") == doctest::Approx(score(flat, "tax-once")));
    // b changes the length discount: the longer article's score moves.
    auto no_length = search_json(db, {"--bm25-b", "0", "tax"});
    CHECK(score(no_length, "tax-repeated") != doctest::Approx(score(usual, "tax-repeated")));
    for (const auto& bad : std::vector<std::vector<std::string>>{{"--bm25-b", "1.5"}, {"--bm25-k1", "-1"}}) {
        auto arguments = std::vector<std::string>{"--db", db};
        arguments.insert(arguments.end(), bad.begin(), bad.end());
        arguments.push_back("tax");
        auto result = run(newssearch(), arguments);
        CHECK(result.exit_code == 2);
        CHECK(result.err.find(bad[0]) != std::string::npos);
    }
}

TEST_CASE("batch: match, stopwords and bm25 keys per request") {
    const auto& db = matching_index();
    CoProcess batch(newssearch(), {"--db", db, "--batch"});
    batch.write_line(R"({"query": "oil wheat", "match": "all"})");
    auto strict = nlohmann::json::parse(batch.read_line().value());
    CHECK(strict["total"] == 0);
    batch.write_line(R"({"query": "oil wheat", "any": true})");
    auto any = nlohmann::json::parse(batch.read_line().value());
    CHECK(any["match"] == "any");
    CHECK(any["widened"] == false);
    batch.write_line(R"({"query": "oil of", "match": "all", "stopwords": "none"})");
    CHECK(nlohmann::json::parse(batch.read_line().value())["total"] == 0);
    batch.write_line(R"({"query": "tax", "bm25_k1": 0})");
    auto flat = nlohmann::json::parse(batch.read_line().value());
    REQUIRE(flat["results"].size() == 2);
    CHECK(flat["results"][0]["score"].get<double>() == doctest::Approx(flat["results"][1]["score"].get<double>()));
    batch.write_line(R"({"query": "tax", "bm25_b": "high"})");
    auto error = nlohmann::json::parse(batch.read_line().value());
    CHECK(error["error"].get<std::string>().find("bm25_b") != std::string::npos);
    CHECK(batch.finish().exit_code == 0);
}
