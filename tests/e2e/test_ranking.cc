// test_ranking.cc — field weighting: a headline match beats a passing mention.
#include <doctest/doctest.h>

#include "process.h"

using namespace e2e;

namespace {

std::string index_ranking_corpus(const TempDir& dir, const std::string& name, const std::vector<std::string>& options) {
    std::string db = dir / name;
    std::vector<std::string> arguments{"--db", db};
    arguments.insert(arguments.end(), options.begin(), options.end());
    arguments.push_back((source_dir() / "tests/data/ranking").string());
    auto result = run(newsindex(), arguments);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return db;
}

double score_of(const nlohmann::json& result, const std::string& id) {
    for (const auto& hit : result["results"])
        if (hit["id"] == id) return hit["score"].get<double>();
    FAIL("no hit " << id);
    return 0;
}

}  // namespace

TEST_CASE("ranking: a title match ranks above a body match") {
    TempDir dir;
    auto db = index_ranking_corpus(dir, "index", {});
    auto result = search_json(db, {"volcano"});
    CHECK(ids(result) == std::vector<std::string>{"a-title-match.txt", "b-body-match.txt"});
    CHECK(score_of(result, "a-title-match.txt") > score_of(result, "b-body-match.txt"));
}

TEST_CASE("ranking: --weight title=N changes the title match's score") {
    TempDir dir;
    auto light = search_json(index_ranking_corpus(dir, "light", {"--weight", "title=1"}), {"volcano"});
    auto heavy = search_json(index_ranking_corpus(dir, "heavy", {"--weight", "title=6"}), {"volcano"});
    CHECK(score_of(heavy, "a-title-match.txt") > score_of(light, "a-title-match.txt"));
    // With weight 0 the title is no longer free text: only the body match is left.
    auto none = search_json(index_ranking_corpus(dir, "none", {"--weight", "title=0"}), {"volcano"});
    CHECK(ids(none) == std::vector<std::string>{"b-body-match.txt"});
    CHECK(search_json(index_ranking_corpus(dir, "none2", {"--weight", "title=0"}), {"title:volcano"})["total"] == 1);
}

TEST_CASE("ranking: furniture lines of test fixtures are not searchable") {
    TempDir dir;
    auto db = index_ranking_corpus(dir, "index", {});
    CHECK(search_json(db, {"sponsored"})["total"] == 0);
    CHECK(search_json(db, {"advertisement"})["total"] == 0);
    auto kept = index_ranking_corpus(dir, "kept", {"--no-furniture"});
    CHECK(search_json(kept, {"sponsored"})["total"] == 1);
}

TEST_CASE("ranking: --furniture replaces the default rules") {
    TempDir dir;
    write_file(dir.path() / "rules.txt", "# only this rule\nresidents .*\n");
    auto db = index_ranking_corpus(dir, "index", {"--furniture", dir / "rules.txt"});
    CHECK(search_json(db, {"evacuated"})["total"] == 0);
    CHECK(search_json(db, {"sponsored"})["total"] == 1);
}
