// test_search_facets.cc — --timeline and --facets counts, checked against --count with filters.
#include <doctest/doctest.h>

#include <cstdio>
#include <map>

#include "search_fixtures.h"

using namespace e2e;

namespace {

constexpr int kArticles = 120;

const char* const kSources[] = {"Reuters", "The Guardian", "scmp.com", "New York Times"};

// A deterministic dump of kArticles articles over three years, four sources
// (a few articles without one), up to two authors (some without) and a few
// undated. Every body says "newswire"; every other one "election".
std::string generated_dump() {
    std::string dump;
    for (int i = 0; i < kArticles; ++i) {
        nlohmann::json article = {{"id", "g" + std::to_string(i)},
                                  {"title", "Story number " + std::to_string(i)},
                                  {"body", std::string("A newswire report") + (i % 2 ? "" : " on the election") + "."}};
        if (i % 11 != 5) article["source"] = kSources[i % 4];
        if (i % 3 == 0) article["authors"] = {"Ann Lee", "Bo Chen"};
        else if (i % 3 == 1 && i % 5 != 0) article["authors"] = {"Carl Diaz"};
        if (i % 10 != 7) {
            char date[16];
            std::snprintf(date, sizeof date, "%04d-%02d-%02d", 2019 + i % 3, 1 + (i * 7) % 12, 1 + (i * 11) % 28);
            article["date"] = date;
        }
        dump += article.dump() + "\n";
    }
    return dump;
}

const std::string& generated_index() {
    static TempDir dir;
    static std::string db = [] {
        write_file(dir.path() / "generated.jsonl", generated_dump());
        return build_index(dir, {dir / "generated.jsonl"});
    }();
    return db;
}

bool leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// The first and last day of a period written "YYYY", "YYYY-MM" or "YYYY-MM-DD".
std::pair<std::string, std::string> period_bounds(const std::string& period) {
    if (period.size() == 4) return {period + "-01-01", period + "-12-31"};
    if (period.size() == 10) return {period, period};
    int year = std::stoi(period.substr(0, 4)), month = std::stoi(period.substr(5, 2));
    static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int last = kDays[month - 1] + (month == 2 && leap(year));
    return {period + "-01", period + "-" + std::to_string(last)};
}

std::vector<std::string> with(std::vector<std::string> arguments, const std::vector<std::string>& more) {
    arguments.insert(arguments.end(), more.begin(), more.end());
    return arguments;
}

}  // namespace

TEST_CASE("timeline: every period's count equals --count over that period") {
    const auto& db = generated_index();
    for (std::vector<std::string> query : {std::vector<std::string>{"newswire"}, {"election"},
                                           {"--source", "reuters"}}) {
        CAPTURE(query.back());
        long total = count_of(db, query);
        long undated = total - count_of(db, with(query, {"--since", "1900-01-01"}));
        for (const char* period : {"year", "month", "day"}) {
            CAPTURE(period);
            auto result = search_json(db, with({"--timeline", period, "--limit", "0"}, query));
            CHECK(result["total"] == total);
            CHECK(result["total_exact"] == true);
            CHECK(result["timeline_period"] == period);
            CHECK(result["timeline_undated"] == undated);
            long sum = 0;
            for (const auto& entry : result["timeline"]) {
                auto name = entry["period"].get<std::string>();
                auto [first, last] = period_bounds(name);
                CAPTURE(name);
                CHECK(entry["count"] == count_of(db, with(query, {"--since", first, "--until", last})));
                sum += entry["count"].get<long>();
            }
            CHECK(sum + undated == total);
            if (std::string(period) == "day") continue;
            // Years and months: no gaps between the first and last period.
            const auto& timeline = result["timeline"];
            REQUIRE(timeline.size() >= 2);
            CHECK(timeline.front()["count"] > 0);
            CHECK(timeline.back()["count"] > 0);
        }
    }
}

TEST_CASE("timeline: the dumps by year, with empty years listed") {
    auto result = search_json(dumps_search_index(), {"--timeline", "year", "--since", "2000-01-01"});
    CHECK(result["timeline"] == nlohmann::json::parse(R"([
        {"period": "2016", "count": 1}, {"period": "2017", "count": 0}, {"period": "2018", "count": 0},
        {"period": "2019", "count": 0}, {"period": "2020", "count": 1}, {"period": "2021", "count": 1},
        {"period": "2022", "count": 1}])"));
    CHECK(result["results"].size() == 4);  // hits as well, by --limit
}

TEST_CASE("timeline: text is a bar chart, scaled to the largest count") {
    auto result = search(dumps_search_index(), {"--timeline", "--limit", "0", "covid OR coronavirus"});
    CHECK(result.out.find("2 articles match\n\nMatches per month:\n") == 0);
    CHECK(result.out.find("  2020-04  1  ████████████████████████████████████████\n") != std::string::npos);
    CHECK(result.out.find("  2020-05  0\n") != std::string::npos);
    CHECK(result.out.find("  2022-09  1  ████████████████████████████████████████\n") != std::string::npos);
    auto seeds = search(seed_search_index(), {"--timeline", "day", "--limit", "0", "china"});
    CHECK(seeds.out.find("  undated  3  ") != std::string::npos);  // the seeds have no dates
}

TEST_CASE("facets: source, author and year counts equal --count with the matching filter") {
    const auto& db = generated_index();
    for (std::vector<std::string> query : {std::vector<std::string>{"newswire"}, {"election"},
                                           {"date:2020-01-01..2020-12-31"}}) {
        CAPTURE(query.front());
        long total = count_of(db, query);
        auto result = search_json(db, with({"--facets", "source,author", "--facets", "year", "--facet-limit", "0",
                                            "--limit", "0"}, query));
        CHECK(result["total"] == total);
        const auto& facets = result["facets"];
        REQUIRE(facets.size() == 3);

        long with_source = 0;
        for (const auto& entry : facets["source"]["values"]) {
            auto source = entry["value"].get<std::string>();
            CAPTURE(source);
            CHECK(entry["count"] == count_of(db, with(query, {"--source", source})));
            with_source += entry["count"].get<long>();
        }
        CHECK(facets["source"]["distinct"] == facets["source"]["values"].size());
        std::vector<std::string> sourced_query = query;
        for (const char* source : kSources) sourced_query.insert(sourced_query.end(), {"--source", source});
        CHECK(with_source == count_of(db, sourced_query));
        CHECK(with_source < total);  // some articles have no source

        for (const auto& entry : facets["author"]["values"]) {
            auto author = entry["value"].get<std::string>();
            CAPTURE(author);
            CHECK(entry["count"] == count_of(db, with(query, {"--author", author})));
        }
        CHECK(facets["author"]["distinct"] == facets["author"]["values"].size());

        long dated = 0;
        for (const auto& entry : facets["year"]["values"]) {
            auto year = entry["value"].get<std::string>();
            CHECK(entry["count"] == count_of(db, with(query, {"--since", year + "-01-01", "--until", year + "-12-31"})));
            dated += entry["count"].get<long>();
        }
        CHECK(dated == count_of(db, with(query, {"--since", "1900-01-01"})));

        // Most frequent first.
        for (const auto& [name, facet] : facets.items())
            for (std::size_t i = 1; i < facet["values"].size(); ++i)
                CHECK(facet["values"][i - 1]["count"] >= facet["values"][i]["count"]);
    }
}

TEST_CASE("facets: --facet-limit keeps the most frequent values and says how many there were") {
    auto result = search_json(generated_index(), {"--facets", "source", "--facet-limit", "2", "newswire"});
    const auto& source = result["facets"]["source"];
    CHECK(source["distinct"] == 4);
    REQUIRE(source["values"].size() == 2);
    auto all = search_json(generated_index(), {"--facets", "source", "--facet-limit", "0", "newswire"});
    CHECK(all["facets"]["source"]["values"][0] == source["values"][0]);
    CHECK(all["facets"]["source"]["values"][1] == source["values"][1]);
    auto text = search(generated_index(), {"--facets", "source", "--facet-limit", "2", "--limit", "0", "newswire"});
    CHECK(text.out.find("Matches per source (top 2 of 4):\n") != std::string::npos);
}

TEST_CASE("facets: the dumps by source and author, in text") {
    auto result = search(dumps_search_index(), {"--facets", "source,author", "--limit", "0", "--since", "2000-01-01"});
    CHECK(result.out.find("Matches per source:\n  huffpost.com    2  ") != std::string::npos);
    CHECK(result.out.find("  New York Times  1  ") != std::string::npos);
    CHECK(result.out.find("Matches per author:\n") != std::string::npos);
    CHECK(result.out.find("  Robert Delaney        1  ") != std::string::npos);
}

TEST_CASE("timeline: the period may follow as its own argument, and defaults to month") {
    const auto& db = dumps_search_index();
    auto spaced = search_json(db, {"--timeline", "year", "china"});
    CHECK(spaced["query"] == "china");
    CHECK(spaced["timeline_period"] == "year");
    auto joined = search_json(db, {"--timeline=day", "china"});
    CHECK(joined["timeline"] == nlohmann::json::parse(R"([{"period": "2021-07-19", "count": 1}])"));
    auto bare = search_json(db, {"--timeline", "china"});
    CHECK(bare["query"] == "china");
    CHECK(bare["timeline_period"] == "month");
    // After "--", "day" is a query word.
    auto word = search_json(db, {"--timeline", "--", "day"});
    CHECK(word["query"] == "day");
    CHECK(word["timeline_period"] == "month");
}
