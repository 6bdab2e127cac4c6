// test_searcher_printers.cc — the printers on hand-made results: escaping, counts, charts.
#include <doctest/doctest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "printers/printer.h"

using namespace newsarchive;

namespace {

SearchResult sample() {
    SearchResult result;
    result.query = "tabs";
    result.total = 2;
    Hit first;
    first.rank = 1;
    first.id = "doc one";
    first.score = 2.5;
    first.title = "A\ttitle\nwith breaks";
    first.date = "2021-07-19";
    first.source = "Some\tSource";
    first.snippet = {{"plain ", false}, {"match", true}};
    Hit second;
    second.rank = 2;
    second.id = "doc2";
    second.score = 1.25;
    result.hits = {first, second};
    return result;
}

std::string print(OutputFormat format, const SearchResult& result, PrinterOptions options = {}) {
    std::ostringstream out;
    auto printer = make_printer(format, out, options);
    print_result(*printer, result);
    return out.str();
}

}  // namespace

TEST_CASE("printers: format names round-trip") {
    for (const char* name : {"text", "json", "jsonl", "ids", "tsv", "trec"}) {
        auto format = parse_output_format(name);
        REQUIRE(format);
        CHECK(name_of(*format) == name);
    }
    CHECK_FALSE(parse_output_format("xml"));
}

TEST_CASE("printers: tsv puts each value in one field") {
    CHECK(print(OutputFormat::tsv, sample()) ==
          "rank\tscore\tdate\tsource\tid\ttitle\n"
          "1\t2.5\t2021-07-19\tSome Source\tdoc one\tA title with breaks\n"
          "2\t1.25\t\t\tdoc2\t\n");
}

TEST_CASE("printers: trec fields hold no blanks, and the result id is the qid") {
    PrinterOptions options;
    options.trec_qid = "q1";
    options.trec_tag = "run";
    CHECK(print(OutputFormat::trec, sample(), options) == "q1 Q0 doc_one 1 2.5 run\nq1 Q0 doc2 2 1.25 run\n");
    auto with_id = sample();
    with_id.id = RequestId{"42", true};
    with_id.sort = "date";
    CHECK(print(OutputFormat::trec, with_id, options) == "42 Q0 doc_one 1 -1 run\n42 Q0 doc2 2 -2 run\n");
}

TEST_CASE("printers: ids, and --count in every format that has it") {
    CHECK(print(OutputFormat::ids, sample()) == "doc one\ndoc2\n");
    SearchResult count;
    count.query = "q";
    count.count_only = true;
    count.total = 12;
    CHECK(print(OutputFormat::text, count) == "12\n");
    CHECK(print(OutputFormat::ids, count) == "12\n");
    CHECK(print(OutputFormat::tsv, count) == "12\n");
    CHECK(print(OutputFormat::json, count) == "{\"format_version\":1,\"query\":\"q\",\"total\":12}\n");
    CHECK(print(OutputFormat::jsonl, count) == "{\"format_version\":1,\"query\":\"q\",\"total\":12}\n");
}

TEST_CASE("printers: json carries suggestion, timeline and facets") {
    auto result = sample();
    result.suggestion = "tables";
    result.id = RequestId{"r1", false};
    result.timeline = Timeline{"year", {{"2020", 1}, {"2021", 0}}, 1};
    result.facets.push_back(Facet{"source", {{"Some\tSource", 2}}, 3});
    auto json = nlohmann::json::parse(print(OutputFormat::json, result));
    CHECK(json["suggestion"] == "tables");
    CHECK(json["id"] == "r1");
    CHECK(json["timeline"] == nlohmann::json::parse(R"([{"period": "2020", "count": 1}, {"period": "2021", "count": 0}])"));
    CHECK(json["timeline_period"] == "year");
    CHECK(json["timeline_undated"] == 1);
    CHECK(json["facets"] ==
          nlohmann::json::parse(R"({"source": {"distinct": 3, "values": [{"value": "Some\tSource", "count": 2}]}})"));
    CHECK(json["results"][0]["snippet"] == "plain match");
}

TEST_CASE("printers: text draws charts with bars scaled to the largest count") {
    auto result = sample();
    result.hits.clear();
    result.timeline = Timeline{"year", {{"2020", 4}, {"2021", 0}, {"2022", 1}}, 2};
    auto text = print(OutputFormat::text, result);
    CHECK(text == "2 articles match\n\nMatches per year:\n"
                  "  2020     4  ████████████████████████████████████████\n"
                  "  2021     0\n"
                  "  2022     1  ██████████\n"
                  "  undated  2  ████████████████████\n");
}

TEST_CASE("printers: text offers the suggestion under the summary") {
    SearchResult none;
    none.query = "microsfot";
    none.suggestion = "microsoft";
    CHECK(print(OutputFormat::text, none) == "No articles match for: microsfot\nDid you mean: microsoft\n");
}
