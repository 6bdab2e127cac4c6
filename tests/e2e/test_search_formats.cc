// test_search_formats.cc — every --format of newssearch over the one result model, and --count.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>

#include "search_fixtures.h"

using namespace e2e;

TEST_CASE("formats: --help lists every format, mode and search option") {
    auto help = run(newssearch(), {"--help"});
    CHECK(help.exit_code == 0);
    for (const char* text : {"--format", "text, json, jsonl, ids, tsv or trec", "--batch", "--similar", "--count",
                             "--timeline", "--facets", "--facet-limit", "--source", "--author", "--sort", "--qid",
                             "--tag", "# end QID", "Did you mean"}) {
        CAPTURE(text);
        CHECK(help.out.find(text) != std::string::npos);
    }
}

TEST_CASE("formats: json carries the documented fields, and only those") {
    auto result = search_json(dumps_search_index(), {"--any", "covid", "coronavirus"});
    std::set<std::string> keys;
    for (const auto& [key, value] : result.items()) keys.insert(key);
    CHECK(keys == std::set<std::string>{"format_version", "query", "similar_to", "sort", "match", "widened", "total",
                                        "total_exact", "offset", "suggestion", "results"});
    CHECK(result["match"] == "any");
    CHECK(result["widened"] == false);
    CHECK(result["format_version"] == 1);
    CHECK(result["sort"] == "relevance");
    CHECK(result["similar_to"].is_null());
    CHECK(result["suggestion"].is_null());
    CHECK(result["total"] == 2);
    CHECK(result["total_exact"] == true);
}

TEST_CASE("formats: ids is one id per line in rank order") {
    for (const auto* db : {&seed_search_index(), &dumps_search_index()}) {
        for (const char* query : {"china", "covid", "microsoft exchange"}) {
            CAPTURE(query);
            auto expected = ids(search_json(*db, {query}));
            auto result = search(*db, {"--format", "ids", query});
            CHECK(lines_of(result.out) == expected);
            CHECK(result.exit_code == (expected.empty() ? 1 : 0));
        }
    }
}

TEST_CASE("formats: ids and trec print long ids whole (their id terms are shortened)") {
    TempDir dir;
    std::string long_id = "https://example.com/news/" + std::string(300, 'a');
    write_file(dir.path() / "long.jsonl", nlohmann::json{{"id", long_id}, {"title", "Harbour storm"}}.dump() + "\n" +
                                              nlohmann::json{{"id", "short-1"}, {"title", "Harbour storm again"}}.dump() +
                                              "\n");
    std::string db = build_index(dir, {(dir.path() / "long.jsonl").string()});
    auto listed = search(db, {"--format", "ids", "harbour"});
    auto listed_ids = lines_of(listed.out);
    CHECK(std::set<std::string>(listed_ids.begin(), listed_ids.end()) == std::set<std::string>{long_id, "short-1"});
    auto trec = search(db, {"--format", "trec", "harbour"});
    CHECK(trec.out.find(" " + long_id + " ") != std::string::npos);
    CHECK(trec.out.find(" short-1 ") != std::string::npos);
}

TEST_CASE("formats: tsv is a header, then rank, score, date, source, id, title") {
    std::vector<std::string> query{"--any", "china", "covid", "coronavirus", "republicans"};
    auto json = search_json(dumps_search_index(), query);
    query.insert(query.begin(), {"--format", "tsv"});
    auto result = search(dumps_search_index(), query);
    auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 5);
    CHECK(lines[0] == "rank\tscore\tdate\tsource\tid\ttitle");
    for (std::size_t i = 1; i < lines.size(); ++i) {
        auto fields = split(lines[i], '\t');
        REQUIRE(fields.size() == 6);
        const auto& hit = json["results"][i - 1];
        CHECK(fields[0] == std::to_string(i));
        CHECK(std::stod(fields[1]) == doctest::Approx(hit["score"].get<double>()));
        CHECK(fields[2] == hit["date"].get<std::string>());
        CHECK(fields[3] == hit["source"].get<std::string>());
        CHECK(fields[4] == hit["id"].get<std::string>());
        CHECK(fields[5] == hit["title"].get<std::string>());
    }
    // The seeds have no date or source: empty fields, still six of them.
    auto seeds = search(seed_search_index(), {"--format", "tsv", "title:biden"});
    auto seed_lines = lines_of(seeds.out);
    REQUIRE(seed_lines.size() == 2);
    auto fields = split(seed_lines[1], '\t');
    REQUIRE(fields.size() == 6);
    CHECK(fields[2].empty());
    CHECK(fields[3].empty());
    CHECK(fields[4] == kCnet);
    CHECK(fields[5] == "Biden administration blames China for Microsoft Exchange email hack");
    // No match: the header alone.
    auto none = search(seed_search_index(), {"--format", "tsv", "zebra"});
    CHECK(none.exit_code == 1);
    CHECK(none.out == "rank\tscore\tdate\tsource\tid\ttitle\n");
}

TEST_CASE("formats: trec is QID Q0 DOCNO RANK SCORE TAG, scores falling with rank") {
    auto json = search_json(seed_search_index(), {"china"});
    auto result = search(seed_search_index(), {"--format", "trec", "china"});
    auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 3);
    double previous = 1e300;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        auto fields = split(lines[i], ' ');
        REQUIRE(fields.size() == 6);
        CHECK(fields[0] == "1");
        CHECK(fields[1] == "Q0");
        CHECK(fields[2] == json["results"][i]["id"].get<std::string>());
        CHECK(fields[3] == std::to_string(i + 1));
        CHECK(std::stod(fields[4]) == doctest::Approx(json["results"][i]["score"].get<double>()));
        CHECK(std::stod(fields[4]) <= previous);
        previous = std::stod(fields[4]);
        CHECK(fields[5] == "newsarchive");
    }
    auto tagged = search(seed_search_index(), {"--format", "trec", "--qid", "301", "--tag", "bm25-run", "biden"});
    for (const auto& line : lines_of(tagged.out)) {
        CHECK(line.starts_with("301 Q0 "));
        CHECK(line.ends_with(" bm25-run"));
    }
    // Nothing at all for no match: a run file has no other lines.
    auto none = search(seed_search_index(), {"--format", "trec", "zebra"});
    CHECK(none.exit_code == 1);
    CHECK(none.out.empty());
    // A date order is kept by scores that fall with the rank.
    auto by_date = search(dumps_search_index(), {"--format", "trec", "--sort", "oldest", "--since", "2000-01-01"});
    auto date_lines = lines_of(by_date.out);
    REQUIRE(date_lines.size() == 4);
    CHECK(split(date_lines[0], ' ')[2] == kHealthSuit);
    for (std::size_t i = 1; i < date_lines.size(); ++i)
        CHECK(std::stod(split(date_lines[i], ' ')[4]) < std::stod(split(date_lines[i - 1], ' ')[4]));
}

TEST_CASE("formats: trec fields must be one word") {
    for (const char* option : {"--qid", "--tag"}) {
        auto result = run(newssearch(), {"--db", seed_search_index(), "--format", "trec", option, "two words", "x"});
        CHECK(result.exit_code == 2);
        CHECK(result.err.find(option) != std::string::npos);
    }
}

TEST_CASE("formats: jsonl hit objects equal the json results") {
    auto json = search_json(dumps_search_index(), {"--any", "china", "covid"});
    auto result = search(dumps_search_index(), {"--format", "jsonl", "--any", "china", "covid"});
    auto lines = lines_of(result.out);
    REQUIRE(lines.size() == json["results"].size());
    for (std::size_t i = 0; i < lines.size(); ++i) CHECK(nlohmann::json::parse(lines[i]) == json["results"][i]);
}

TEST_CASE("formats: text shows a summary, --limit 0 only the summary") {
    auto text = search(dumps_search_index(), {"covid OR coronavirus"});
    CHECK(text.out.starts_with("2 articles match; showing 1-2\n\n1. "));
    auto one = search(dumps_search_index(), {"covid"});
    CHECK(one.out.starts_with("1 article match; showing 1-1\n\n1. "));
    auto summary = search(dumps_search_index(), {"--limit", "0", "covid OR coronavirus"});
    CHECK(summary.out == "2 articles match\n");
    CHECK(summary.exit_code == 0);
    auto past_the_end = search(dumps_search_index(), {"--offset", "5", "covid OR coronavirus"});
    CHECK(past_the_end.out == "No more results for: covid OR coronavirus\n");
}

TEST_CASE("formats: --count is the exact total: a bare number, or a small JSON object") {
    for (const char* query : {"china", "covid OR coronavirus", "zebra", "date:2020-01-01.."}) {
        CAPTURE(query);
        auto json = search_json(dumps_search_index(), {query});
        auto text = search(dumps_search_index(), {"--count", query});
        CHECK(text.out == std::to_string(json["total"].get<long>()) + "\n");
        CHECK(text.exit_code == (json["total"] == 0 ? 1 : 0));
        for (const char* format : {"ids", "tsv"})
            CHECK(search(dumps_search_index(), {"--count", "--format", format, query}).out == text.out);
        auto counted = search_json(dumps_search_index(), {"--count", query});
        CHECK(counted == nlohmann::json{{"format_version", 1}, {"query", query}, {"total", json["total"]}});
        auto jsonl = search(dumps_search_index(), {"--count", "--format", "jsonl", query});
        CHECK(nlohmann::json::parse(jsonl.out) == counted);
    }
}

TEST_CASE("formats: options a format cannot show are errors, not ignored") {
    for (std::vector<std::string> arguments : {
             std::vector<std::string>{"--count", "--format", "trec", "china"},
             {"--timeline", "--format", "ids", "china"},
             {"--facets", "source", "--format", "tsv", "china"},
             {"--timeline", "year", "--format", "jsonl", "china"},
             {"--count", "--timeline", "china"},
             {"--format", "xml", "china"},
             {"--sort", "newest-ish", "china"},
             {"--timeline=week", "china"},
             {"--facets", "source,colour", "china"},
             {"--facets", "year,year", "china"},
         }) {
        std::vector<std::string> all{"--db", dumps_search_index()};
        all.insert(all.end(), arguments.begin(), arguments.end());
        auto result = run(newssearch(), all);
        CAPTURE(arguments.front());
        CHECK(result.exit_code == 2);
        CHECK(std::count(result.err.begin(), result.err.end(), '\n') == 1);
        CHECK(result.out.empty());
    }
}

TEST_CASE("formats: text lines fit $COLUMNS, else 80 columns, and keep every word") {
    // Characters, not bytes: the seed articles have curly quotes and "…".
    auto columns_of = [](const std::string& line) {
        return std::count_if(line.begin(), line.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
    };
    auto words = [](const std::string& text) {
        std::istringstream in(text);
        std::string joined;
        for (std::string word; in >> word;) joined += word + " ";
        return joined;
    };
    auto snippets = search_json(seed_search_index(), {"china"})["results"];
    REQUIRE(snippets.size() == 3);
    auto longest = [&](const std::string& columns) {
        auto result = run(newssearch(), {"--db", seed_search_index(), "--timeline", "china"}, "", {{"COLUMNS", columns}});
        CHECK(result.exit_code == 0);
        long widest = 0;
        for (const auto& line : lines_of(result.out)) widest = std::max<long>(widest, columns_of(line));
        for (const auto& hit : snippets) CHECK(words(result.out).find(words(hit["snippet"])) != std::string::npos);
        return widest;
    };
    CHECK(longest("40") <= 40);
    CHECK(longest("40") > 30);
    CHECK(longest("") <= 80);  // unset
    CHECK(longest("") > 60);
    CHECK(longest("wide") == longest(""));
}
