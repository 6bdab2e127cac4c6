// test_search_options.cc — --sort, --source, --author, --similar and spelling suggestions.
#include <doctest/doctest.h>

#include <algorithm>

#include <xapian.h>

#include "search_fixtures.h"
#include "spelling_words.h"

using namespace e2e;

namespace {

std::vector<std::string> sorted(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    return values;
}

// The dumps plus an undated article that matches "covid".
const std::string& dumps_with_undated_index() {
    static TempDir dir;
    static std::string db = [] {
        write_file(dir.path() / "undated.jsonl",
                   "{\"id\": \"undated-1\", \"title\": \"Covid notes\", \"body\": \"A covid diary without a date.\"}\n");
        return build_index(dir, {(source_dir() / "tests/data/dumps/news-styles.jsonl").string(), dir / "undated.jsonl"});
    }();
    return db;
}

}  // namespace

TEST_CASE("sort: date is newest first, oldest the reverse, undated last in both") {
    const auto& db = dumps_with_undated_index();
    auto newest = search_json(db, {"--sort", "date", "--any", "covid", "coronavirus", "china", "republicans"});
    CHECK(newest["sort"] == "date");
    CHECK(ids(newest) == std::vector<std::string>{kBoosters, kExchangeHack, kFoodSystem, kHealthSuit, "undated-1"});
    auto oldest = search_json(db, {"--sort", "oldest", "--any", "covid", "coronavirus", "china", "republicans"});
    CHECK(oldest["sort"] == "oldest");
    CHECK(ids(oldest) == std::vector<std::string>{kHealthSuit, kFoodSystem, kExchangeHack, kBoosters, "undated-1"});
    // Ranks count in the sorted order, and paging pages through it.
    CHECK(oldest["results"][0]["rank"] == 1);
    auto second_page = search_json(db, {"--sort", "oldest", "--limit", "2", "--offset", "2", "--any", "covid", "coronavirus",
                                        "china", "republicans"});
    CHECK(ids(second_page) == std::vector<std::string>{kExchangeHack, kBoosters});
    // Relevance is the default.
    CHECK(search_json(db, {"covid"})["sort"] == "relevance");
}

TEST_CASE("sort: a date filter alone, newest first") {
    auto result = search(dumps_search_index(), {"--format", "ids", "--sort", "date", "--since", "2017-01-01"});
    CHECK(lines_of(result.out) == std::vector<std::string>{kBoosters, kExchangeHack, kFoodSystem});
}

TEST_CASE("source: exact, case-insensitive, repeatable, and a filter alone or with a query") {
    const auto& db = dumps_search_index();
    CHECK(sorted(ids(search_json(db, {"--source", "huffpost.com"}))) == sorted({kBoosters, kFoodSystem}));
    CHECK(search_json(db, {"--source", "HuffPost.COM"})["total"] == 2);
    CHECK(ids(search_json(db, {"--source", "new york times"})) == std::vector<std::string>{kHealthSuit});
    CHECK(ids(search_json(db, {"--source", "  New   York Times "})) == std::vector<std::string>{kHealthSuit});
    // Exact: part of a name is not the name.
    CHECK(search_json(db, {"--source", "york times"})["total"] == 0);
    CHECK(search_json(db, {"--source", "huffpost"})["total"] == 0);
    // Repeated: any of them.
    CHECK(search_json(db, {"--source", "huffpost.com", "--source", "scmp.com"})["total"] == 3);
    // With a query and a date filter: all must hold.
    CHECK(ids(search_json(db, {"--source", "scmp.com", "china"})) == std::vector<std::string>{kExchangeHack});
    CHECK(search_json(db, {"--source", "huffpost.com", "china"})["total"] == 0);
    CHECK(ids(search_json(db, {"--source", "huffpost.com", "--since", "2021-01-01"})) ==
          std::vector<std::string>{kBoosters});
    // The filter does not change the score.
    auto plain = search_json(db, {"china"});
    auto filtered = search_json(db, {"--source", "scmp.com", "china"});
    CHECK(filtered["results"][0]["score"] == plain["results"][0]["score"]);
}

TEST_CASE("source: a source with non-ASCII capitals matches in any case") {
    TempDir dir;
    write_file(dir.path() / "a.jsonl", "{\"id\": \"e1\", \"title\": \"Un titre\", \"body\": \"texte\", "
                                       "\"source\": \"ÉCHOS Économiques\"}\n");
    auto db = build_index(dir, {dir / "a.jsonl"});
    CHECK(search_json(db, {"--source", "échos économiques"})["total"] == 1);
    CHECK(search_json(db, {"--source", "ÉCHOS ÉCONOMIQUES"})["total"] == 1);
}

TEST_CASE("author: a phrase in the author field, repeatable") {
    const auto& db = dumps_search_index();
    CHECK(ids(search_json(db, {"--author", "Carl Hulse"})) == std::vector<std::string>{kHealthSuit});
    CHECK(ids(search_json(db, {"--author", "hulse"})) == std::vector<std::string>{kHealthSuit});
    CHECK(search_json(db, {"--author", "Hulse Carl"})["total"] == 0);  // a phrase: word order matters
    CHECK(sorted(ids(search_json(db, {"--author", "Carl Hulse", "--author", "Tom Levitt"}))) ==
          sorted({kHealthSuit, kFoodSystem}));
    CHECK(ids(search_json(db, {"--author", "robert delaney", "china"})) == std::vector<std::string>{kExchangeHack});
    CHECK(search_json(db, {"--author", "robert delaney", "--source", "huffpost.com"})["total"] == 0);
    auto nameless = run(newssearch(), {"--db", db, "--author", "--,", "x"});
    CHECK(nameless.exit_code == 2);
}

TEST_CASE("similar: a seed article finds the other two tellings of its story, never itself") {
    const auto& db = seed_search_index();
    for (const char* id : {kFox, kCnet, kScmp}) {
        CAPTURE(id);
        auto result = search_json(db, {"--similar", id});
        CHECK(result["similar_to"] == id);
        CHECK(result["query"] == "");
        auto found = ids(result);
        std::vector<std::string> others;
        for (const char* other : {kFox, kCnet, kScmp})
            if (std::string(other) != id) others.push_back(other);
        CHECK(sorted(found) == others);
        CHECK(std::find(found.begin(), found.end(), id) == found.end());
    }
    // Text output too; filters still apply.
    auto text = search(db, {"--similar", kFox});
    CHECK(text.out.starts_with("2 articles match"));
    auto dumps = search_json(dumps_search_index(), {"--similar", kExchangeHack, "--source", "scmp.com"});
    CHECK(dumps["total"] == 0);
}

TEST_CASE("similar: an unknown id, or a query as well, is an error") {
    auto unknown = run(newssearch(), {"--db", seed_search_index(), "--similar", "no-such-article"});
    CHECK(unknown.exit_code == 2);
    CHECK(unknown.err.find("no-such-article") != std::string::npos);
    auto both = run(newssearch(), {"--db", seed_search_index(), "--similar", kFox, "china"});
    CHECK(both.exit_code == 2);
}

TEST_CASE("spelling: a misspelt query that finds little gets a suggestion") {
    const auto& db = seed_search_index();
    auto text = run(newssearch(), {"--db", db, "microsfot"});
    CHECK(text.exit_code == 1);
    CHECK(text.out == "No articles match for: microsfot\nDid you mean: microsoft\n");
    auto json = search_json(db, {"microsfot"});
    CHECK(json["suggestion"] == "microsoft");
    auto widened = search_json(db, {"china", "microsfot"});
    CHECK(widened["widened"] == true);  // the suggestion comes from the words as typed, before widening
    CHECK(widened["suggestion"] == "china microsoft");
    CHECK(search_json(db, {"blinkin"})["suggestion"] == "blinken");
    // Well spelt, or many matches: no suggestion.
    CHECK(search_json(db, {"microsoft"})["suggestion"].is_null());
    CHECK(run(newssearch(), {"--db", db, "microsoft"}).out.find("Did you mean") == std::string::npos);
}

TEST_CASE("spelling: re-indexing leaves the dictionary's counts as they were") {
    // Replacing an article takes its words out of the spelling data before
    // putting the new ones in, so counts do not grow with each re-index.
    auto dictionary = [](const std::string& db) { return test_support::spelling_words(Xapian::Database(db)); };
    TempDir dir;
    auto fox = (source_dir() / "corpus" / kFox).string();
    auto db = build_index(dir, {fox});
    auto before = dictionary(db);
    CHECK(before.count("microsoft"));
    CHECK(before.count("blinken"));
    CHECK_FALSE(before.count("Zmicrosoft"));  // no stemmed or prefixed terms
    auto again = run(newsindex(), {"--db", db, fox});
    REQUIRE(again.exit_code == 0);
    CHECK(dictionary(db) == before);
}

TEST_CASE("source: an index built before exact-source terms says to re-index") {
    TempDir dir;
    auto db = build_index(dir, {(source_dir() / "tests/data/dumps/news-styles.jsonl").string()});
    {
        Xapian::WritableDatabase database(db);
        database.set_metadata("newsarchive.schema", "1");
        database.commit();
    }
    auto result = run(newssearch(), {"--db", db, "--source", "scmp.com"});
    CHECK(result.exit_code == 2);
    CHECK(result.err.find("re-index") != std::string::npos);
    CHECK(run(newssearch(), {"--db", db, "china"}).exit_code == 0);  // everything else still works
}

TEST_CASE("paging: huge --limit and --offset values are fine") {
    auto all = search_json(dumps_search_index(), {"--limit", "99999999999", "--since", "1900-01-01"});
    CHECK(all["results"].size() == 4);
    auto past = search_json(dumps_search_index(), {"--offset", "99999999999", "--since", "1900-01-01"});
    CHECK(past["results"].empty());
    CHECK(past["total"] == 4);
}
