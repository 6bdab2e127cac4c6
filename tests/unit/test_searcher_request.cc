// test_searcher_request.cc — request option parsers, batch request objects, exact-source keys.
#include <doctest/doctest.h>

#include <cmath>

#include "request.h"
#include "schema.h"

using namespace newsarchive;

TEST_CASE("request: sort, period and facet names") {
    CHECK(parse_sort_order("relevance") == SortOrder::relevance);
    CHECK(parse_sort_order("date") == SortOrder::newest);
    CHECK(parse_sort_order("oldest") == SortOrder::oldest);
    CHECK_THROWS_AS(parse_sort_order("newest"), RequestError);
    CHECK(name_of(SortOrder::newest) == "date");
    CHECK(parse_period("day") == Period::day);
    CHECK_THROWS_AS(parse_period("week"), RequestError);
    CHECK(parse_facets("year,source") == std::vector<FacetField>{FacetField::year, FacetField::source});
    CHECK_THROWS_AS(parse_facets("source,,year"), RequestError);
    CHECK_THROWS_AS(parse_facets("source,source"), RequestError);
    CHECK_THROWS_AS(parse_facets(""), RequestError);
    CHECK(parse_request_date("2021-07-19", "--since").compact() == "20210719");
    CHECK_THROWS_WITH_AS(parse_request_date("soon", "--until"), doctest::Contains("--until"), RequestError);
}

TEST_CASE("request: a batch object replaces what it names and keeps the rest") {
    SearchRequest defaults;
    defaults.limit = 3;
    defaults.query.sources = {"a.com"};
    defaults.query.authors = {"Ann"};
    SearchRequest request = defaults;
    apply_json_request(nlohmann::json::parse(R"({"query": "china", "id": 7, "sort": "oldest", "since": "2020-01-01",
        "source": ["b.com", "c.com"], "offset": 20, "facets": ["year", "author"], "timeline": "day", "any": true})"),
                       request);
    CHECK(request.query.text == "china");
    CHECK(request.limit == 3);
    CHECK(request.offset == 20);
    CHECK(request.sort == SortOrder::oldest);
    CHECK(request.query.since->iso() == "2020-01-01");
    CHECK_FALSE(request.query.until);
    CHECK(request.query.sources == std::vector<std::string>{"b.com", "c.com"});
    CHECK(request.query.authors == std::vector<std::string>{"Ann"});
    CHECK(request.query.match == MatchMode::any);
    CHECK(request.facets == std::vector<FacetField>{FacetField::year, FacetField::author});
    CHECK(request.timeline == Period::day);
    REQUIRE(request.id);
    CHECK(request.id->text == "7");
    CHECK(request.id->is_number);

    SearchRequest single = defaults;
    apply_json_request(nlohmann::json::parse(R"({"source": "d.com", "author": "Bo", "id": "x y"})"), single);
    CHECK(single.query.sources == std::vector<std::string>{"d.com"});
    CHECK(single.query.authors == std::vector<std::string>{"Bo"});
    CHECK(single.id->text == "x y");
    CHECK_FALSE(single.id->is_number);
}

TEST_CASE("request: match modes and BM25 parameters") {
    CHECK(parse_match_mode("all") == MatchMode::all);
    CHECK(parse_match_mode("any") == MatchMode::any);
    CHECK(parse_match_mode("auto") == MatchMode::automatic);
    CHECK(name_of(MatchMode::automatic) == "auto");
    CHECK_THROWS_WITH_AS(parse_match_mode("AND"), doctest::Contains("--match"), RequestError);
    CHECK(parse_bm25_k1(0) == 0);
    CHECK(parse_bm25_k1(1.2) == 1.2);
    CHECK_THROWS_AS(parse_bm25_k1(-0.1), RequestError);
    CHECK(parse_bm25_b(1) == 1);
    CHECK_THROWS_AS(parse_bm25_b(1.01), RequestError);
    CHECK_THROWS_AS(parse_bm25_b(std::nan("")), RequestError);

    SearchRequest request;
    CHECK(request.query.match == MatchMode::automatic);
    apply_json_request(nlohmann::json::parse(R"({"match": "all", "stopwords": "none", "bm25_k1": 1.2, "bm25_b": 0.75})"),
                       request);
    CHECK(request.query.match == MatchMode::all);
    CHECK(request.query.stop_list == "none");
    CHECK(request.bm25.k1 == 1.2);
    CHECK(request.bm25.b == 0.75);
    apply_json_request(nlohmann::json::parse(R"({"any": false})"), request);
    CHECK(request.query.match == MatchMode::all);
}

TEST_CASE("request: bad batch objects name the key, and the id survives") {
    for (const char* text : {R"({"limit": -1})", R"({"limit": 1.5})", R"({"limit": "10"})", R"({"sort": "size"})",
                             R"({"since": "yesterday"})", R"({"source": [1]})", R"({"count": "yes"})",
                             R"({"colour": "red"})", R"({"id": [1]})", R"({"facets": ["year", "year"]})",
                             R"({"match": "most"})", R"({"bm25_k1": "1"})", R"({"bm25_b": 2})", R"({"stopwords": 1})"}) {
        CAPTURE(text);
        SearchRequest request;
        CHECK_THROWS_AS(apply_json_request(nlohmann::json::parse(text), request), RequestError);
    }
    SearchRequest request;
    CHECK_THROWS_WITH_AS(apply_json_request(nlohmann::json::parse(R"({"id": "q9", "limit": false})"), request),
                         doctest::Contains("\"limit\""), RequestError);
    CHECK(request.id->text == "q9");
    CHECK_THROWS_AS(apply_json_request(nlohmann::json::parse("[1, 2]"), request), RequestError);
}

TEST_CASE("request: empty means nothing to search for") {
    SearchRequest request;
    CHECK(request.empty());
    request.query.text = "  ";
    CHECK(request.empty());
    request.query.sources = {"x"};
    CHECK_FALSE(request.empty());
    SearchRequest similar;
    similar.similar_to = "id";
    CHECK_FALSE(similar.empty());
}

TEST_CASE("request: formats refuse what they cannot show") {
    SearchRequest count;
    count.count_only = true;
    CHECK_NOTHROW(check_request_fits(count, OutputFormat::tsv));
    CHECK_THROWS_AS(check_request_fits(count, OutputFormat::trec), RequestError);
    SearchRequest timeline;
    timeline.timeline = Period::month;
    CHECK_NOTHROW(check_request_fits(timeline, OutputFormat::text));
    CHECK_NOTHROW(check_request_fits(timeline, OutputFormat::json));
    CHECK_THROWS_AS(check_request_fits(timeline, OutputFormat::jsonl), RequestError);
    timeline.count_only = true;
    CHECK_THROWS_AS(check_request_fits(timeline, OutputFormat::json), RequestError);
}

TEST_CASE("schema: source keys ignore case and spacing, and terms stay within Xapian's limit") {
    CHECK(schema::source_key("  The   Guardian ") == "the guardian");
    CHECK(schema::source_key("ÉCHOS Économiques") == "échos économiques");
    CHECK(schema::source_term("New York Times") == "XSOURCEEXACTnew york times");
    CHECK(schema::source_term("NEW YORK TIMES") == schema::source_term("new york  times"));
    std::string long_name(400, 'x');
    CHECK(schema::source_term(long_name).size() <= 240);
    CHECK(schema::source_term(long_name) != schema::source_term(long_name + "y"));
}
