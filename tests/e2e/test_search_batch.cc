// test_search_batch.cc — newssearch --batch as a co-process: one request line in, one answer out.
#include <doctest/doctest.h>

#include "search_fixtures.h"

using namespace e2e;

namespace {

// Sends one request and returns its one-line JSON answer.
nlohmann::json ask(CoProcess& searcher, const std::string& request) {
    REQUIRE(searcher.write_line(request));
    auto line = searcher.read_line();
    REQUIRE_MESSAGE(line, "no answer to " << request);
    auto answer = nlohmann::json::parse(*line, nullptr, false);
    REQUIRE_MESSAGE(!answer.is_discarded(), "not JSON: " << *line);
    return answer;
}

// Sends one request in --format trec and returns the lines of its answer,
// up to and including the line starting with "#".
std::vector<std::string> ask_trec(CoProcess& searcher, const std::string& request) {
    REQUIRE(searcher.write_line(request));
    std::vector<std::string> lines;
    for (;;) {
        auto line = searcher.read_line();
        REQUIRE_MESSAGE(line, "answer to " << request << " ended early");
        lines.push_back(*line);
        if (line->starts_with("#")) return lines;
    }
}

// A copy of the dumps index this test may add to.
std::string fresh_dumps_index(const TempDir& dir) {
    return build_index(dir, {(source_dir() / "tests/data/dumps/news-styles.jsonl").string()});
}

}  // namespace

TEST_CASE("batch: one process answers good and bad requests one at a time, and sees new articles") {
    TempDir dir;
    auto db = fresh_dumps_index(dir);
    CoProcess searcher(newssearch(), {"--db", db, "--batch"});

    auto omicron = ask(searcher, "omicron");
    CHECK(omicron["format_version"] == 1);
    CHECK(omicron["total"] == 1);
    CHECK(ids(omicron) == std::vector<std::string>{kBoosters});
    CHECK_FALSE(omicron.contains("id"));

    auto bad = ask(searcher, "china AND");
    CHECK(bad["line"] == 2);
    CHECK(bad["error"].get<std::string>().find("bad query") != std::string::npos);

    auto with_options = ask(searcher, R"({"query": "covid OR coronavirus", "id": "q3", "limit": 1, "sort": "date"})");
    CHECK(with_options["id"] == "q3");
    CHECK(with_options["sort"] == "date");
    CHECK(with_options["total"] == 2);
    CHECK(ids(with_options) == std::vector<std::string>{kBoosters});

    auto wrong_type = ask(searcher, R"({"query": 5, "id": "q4"})");
    CHECK(wrong_type["line"] == 4);
    CHECK(wrong_type["id"] == "q4");
    CHECK(wrong_type["error"].get<std::string>().find("\"query\"") != std::string::npos);

    auto malformed = ask(searcher, "{\"query\": ");
    CHECK(malformed["line"] == 5);
    CHECK(malformed.contains("error"));

    auto unknown_key = ask(searcher, R"({"query": "covid", "colour": "red"})");
    CHECK(unknown_key["error"].get<std::string>().find("colour") != std::string::npos);

    auto empty = ask(searcher, "");
    CHECK(empty["line"] == 7);
    CHECK(empty.contains("error"));

    auto counted = ask(searcher, R"({"source": ["HuffPost.com", "scmp.com"], "count": true, "id": 8})");
    CHECK(counted == nlohmann::json{{"format_version", 1}, {"query", ""}, {"total", 3}, {"id", 8}});

    auto filtered = ask(searcher, R"({"query": "covid", "since": "2021-01-01", "until": "2022-12-31", "offset": 0})");
    CHECK(ids(filtered) == std::vector<std::string>{kBoosters});

    CHECK(ask(searcher, "zebra")["total"] == 0);

    // Index more while the searcher stays open: the next answer sees it.
    write_file(dir.path() / "more.jsonl",
               "{\"id\": \"zebra-1\", \"title\": \"Zebra crossing\", \"body\": \"A zebra crossing opened.\", "
               "\"source\": \"Local News\", \"date\": \"2023-01-02\"}\n");
    auto indexed = run(newsindex(), {"--db", db, dir / "more.jsonl"});
    REQUIRE(indexed.exit_code == 0);
    auto zebra = ask(searcher, "zebra");
    CHECK(zebra["total"] == 1);
    CHECK(ids(zebra) == std::vector<std::string>{"zebra-1"});
    CHECK(ask(searcher, R"({"source": "local news"})")["total"] == 1);

    auto finished = searcher.finish();
    CHECK(finished.exit_code == 0);
    CHECK(finished.out.empty());
    CHECK(finished.err.empty());
}

TEST_CASE("batch: --format trec answers are run lines ended by '# end QID'") {
    CoProcess searcher(newssearch(), {"--db", seed_search_index(), "--batch", "--format", "trec", "--tag", "t1"});
    auto first = ask_trec(searcher, "china");
    REQUIRE(first.size() == 4);
    for (int i = 0; i < 3; ++i) {
        auto fields = split(first[static_cast<std::size_t>(i)], ' ');
        REQUIRE(fields.size() == 6);
        CHECK(fields[0] == "1");  // no "id": the line number
        CHECK(fields[3] == std::to_string(i + 1));
        CHECK(fields[5] == "t1");
    }
    CHECK(first.back() == "# end 1");

    auto with_id = ask_trec(searcher, R"({"query": "biden", "id": 401, "limit": 1})");
    REQUIRE(with_id.size() == 2);
    CHECK(with_id[0].starts_with("401 Q0 "));
    CHECK(with_id[1] == "# end 401");

    CHECK(ask_trec(searcher, R"({"query": "zebra", "id": "q-none"})") == std::vector<std::string>{"# end q-none"});

    auto bad = ask_trec(searcher, "NOT");
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].starts_with("# error line 4: "));

    auto finished = searcher.finish();
    CHECK(finished.exit_code == 0);
    CHECK(finished.out.empty());
}

TEST_CASE("batch: the command line's options are every request's defaults") {
    auto result = run(newssearch(), {"--db", dumps_search_index(), "--batch", "--source", "huffpost.com", "--limit", "1"},
                      "covid OR coronavirus\n{\"query\": \"china\"}\n{\"query\": \"china\", \"source\": []}\n"
                      "{\"query\": \"covid OR coronavirus\", \"limit\": 5}\n");
    CHECK(result.exit_code == 0);
    auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 4);
    auto covid = nlohmann::json::parse(lines[0]);
    CHECK(covid["total"] == 2);
    CHECK(covid["results"].size() == 1);
    CHECK(nlohmann::json::parse(lines[1])["total"] == 0);  // china is not in huffpost.com
    CHECK(nlohmann::json::parse(lines[2])["total"] == 1);  // "source": [] lifts the filter
    CHECK(nlohmann::json::parse(lines[3])["results"].size() == 2);
}

TEST_CASE("batch: one answer per line, whatever the line, and exit 0 at the end") {
    std::string input = "china\n\nNOT\n{}\n{\"query\": [\"a\"]}\n{\"limit\": \"ten\", \"query\": \"x\"}\n"
                        "{\"similar\": \"no-such-article\"}\n{\"timeline\": \"year\", \"query\": \"china\"}\n"
                        "{\"facets\": [\"source\"], \"query\": \"china\"}\nchina\r\n";
    auto result = run(newssearch(), {"--db", dumps_search_index(), "--batch"}, input);
    CHECK(result.exit_code == 0);
    CHECK(result.err.empty());
    auto lines = lines_of(result.out);
    REQUIRE(lines.size() == 10);
    std::vector<bool> is_error;
    for (const auto& line : lines) is_error.push_back(nlohmann::json::parse(line).contains("error"));
    CHECK(is_error == std::vector<bool>{false, true, true, true, true, true, true, false, false, false});
    CHECK(nlohmann::json::parse(lines[7])["timeline"].size() == 1);
    CHECK(nlohmann::json::parse(lines[8])["facets"]["source"]["values"][0]["value"] == "scmp.com");
    CHECK(nlohmann::json::parse(lines[9])["query"] == "china");  // the CR of a CRLF line is not the query's
    // No input: no answers.
    auto nothing = run(newssearch(), {"--db", dumps_search_index(), "--batch"});
    CHECK(nothing.exit_code == 0);
    CHECK(nothing.out.empty());
}

TEST_CASE("batch: options that cannot work in batch mode are errors at the start") {
    for (std::vector<std::string> arguments : {std::vector<std::string>{"--batch", "--format", "text"},
                                               {"--batch", "--format", "ids"},
                                               {"--batch", "china"},
                                               {"--batch", "--show", kHealthSuit},
                                               {"--batch", "--qid", "5"}}) {
        std::vector<std::string> all{"--db", dumps_search_index()};
        all.insert(all.end(), arguments.begin(), arguments.end());
        auto result = run(newssearch(), all, "china\n");
        CAPTURE(arguments.back());
        CHECK(result.exit_code == 2);
        CHECK(result.out.empty());
    }
    TempDir dir;
    auto missing = run(newssearch(), {"--db", dir / "nowhere", "--batch"}, "china\n");
    CHECK(missing.exit_code == 2);
    CHECK(missing.err.find("no index at") != std::string::npos);
}
