// test_cli.cc — options, the index location rule, and exit codes of both binaries.
#include <doctest/doctest.h>

#include <xapian.h>

#include "index_files.h"
#include "process.h"

using namespace e2e;

namespace {

std::string corpus() { return (source_dir() / "corpus").string(); }

int line_count(const std::string& text) { return static_cast<int>(std::count(text.begin(), text.end(), '\n')); }

}  // namespace

TEST_CASE("cli: --help of both binaries explains usage and exits 0") {
    auto index_help = run(newsindex(), {"--help"});
    CHECK(index_help.exit_code == 0);
    CHECK(index_help.out.find("Usage: newsindex") != std::string::npos);
    CHECK(index_help.out.find("--weight") != std::string::npos);
    auto search_help = run(newssearch(), {"--help"});
    CHECK(search_help.exit_code == 0);
    CHECK(search_help.out.find("date:2021-07-01..2021-07-31") != std::string::npos);
}

TEST_CASE("cli: an unknown option is one line on stderr and exit 2") {
    for (const auto& program : {newsindex(), newssearch()}) {
        auto result = run(program, {"--no-such-option", "x"});
        CHECK(result.exit_code == 2);
        CHECK(line_count(result.err) == 1);
        CHECK(result.out.empty());
    }
}

TEST_CASE("cli: a missing index is one line on stderr and exit 2") {
    TempDir dir;
    auto result = run(newssearch(), {"--db", dir / "nowhere", "china"});
    CHECK(result.exit_code == 2);
    CHECK(line_count(result.err) == 1);
    CHECK(result.err.find("no index at") != std::string::npos);
}

TEST_CASE("cli: bad query syntax is one line on stderr and exit 2") {
    TempDir dir;
    REQUIRE(run(newsindex(), {"--db", dir / "index", corpus()}).exit_code == 0);
    for (const char* query : {"china AND", "NOT", "1..2"}) {
        CAPTURE(query);
        auto result = run(newssearch(), {"--db", dir / "index", query});
        CHECK(result.exit_code == 2);
        CHECK(line_count(result.err) == 1);
        CHECK(result.err.find("bad query") != std::string::npos);
    }
}

TEST_CASE("cli: bad option values are errors, not guesses") {
    TempDir dir;
    CHECK(run(newsindex(), {"--db", dir / "i", "--weight", "headline=2", corpus()}).exit_code == 2);
    CHECK(run(newsindex(), {"--db", dir / "i", "--lang", "klingon", corpus()}).exit_code == 2);
    CHECK(run(newsindex(), {"--db", dir / "i", "--format", "pdf", corpus()}).exit_code == 2);
    CHECK(run(newsindex(), {"--db", dir / "i", "--csv-quote", "''", corpus()}).exit_code == 2);
    CHECK(run(newsindex(), {"--db", dir / "i"}).exit_code == 2);
    auto no_batch = run(newsindex(), {"--db", dir / "i", "--batch-size", "0", corpus()});
    CHECK(no_batch.exit_code == 2);
    CHECK(no_batch.err.find("--batch-size must be at least 1") != std::string::npos);
    CHECK(run(newssearch(), {"--db", dir / "i", "--since", "last week", "x"}).exit_code == 2);
    CHECK(run(newssearch(), {"--db", dir / "i", "--format", "xml", "x"}).exit_code == 2);
}

TEST_CASE("cli: without --db both binaries use $NEWS_DB, else ./news-index") {
    TempDir dir;
    auto env_db = dir / "from-env";
    CHECK(run(newsindex(), {corpus()}, "", {{"NEWS_DB", env_db}}).exit_code == 0);
    CHECK(std::filesystem::exists(env_db));
    CHECK(run(newssearch(), {"china"}, "", {{"NEWS_DB", env_db}}).exit_code == 0);
    // --db wins over the environment.
    CHECK(run(newssearch(), {"--db", dir / "other", "china"}, "", {{"NEWS_DB", env_db}}).exit_code == 2);
}

TEST_CASE("cli: the default index is ./news-index") {
    TempDir dir;
    auto cwd = std::filesystem::current_path();
    std::filesystem::current_path(dir.path());
    auto indexed = run(newsindex(), {corpus()}, "", {{"NEWS_DB", ""}});
    auto searched = run(newssearch(), {"china"}, "", {{"NEWS_DB", ""}});
    std::filesystem::current_path(cwd);
    CHECK(indexed.exit_code == 0);
    CHECK(searched.exit_code == 0);
    CHECK(std::filesystem::exists(dir.path() / "news-index"));
}

TEST_CASE("cli: a locked index gets a clear message and exit 4") {
    TempDir dir;
    Xapian::WritableDatabase holder(dir / "index", Xapian::DB_CREATE_OR_OPEN);
    auto result = run(newsindex(), {"--db", dir / "index", corpus()});
    CHECK(result.exit_code == 4);
    CHECK(result.err.find("locked by another writer") != std::string::npos);
    CHECK(line_count(result.err) == 1);
}

TEST_CASE("cli: an unwritable index location is exit 2") {
    TempDir dir;
    write_file(dir.path() / "file", "not a directory");
    auto result = run(newsindex(), {"--db", dir / "file/index", corpus()});
    CHECK(result.exit_code == 2);
    CHECK(line_count(result.err) == 1);
}

TEST_CASE("cli: the stemming language is recorded and used by the searcher") {
    TempDir dir;
    write_file(dir.path() / "de/artikel.txt", "Die Regierungen verhandeln\n\nDie Regierung verhandelte lange.\n");
    REQUIRE(run(newsindex(), {"--db", dir / "german", "--lang", "german", dir / "de"}).exit_code == 0);
    REQUIRE(run(newsindex(), {"--db", dir / "plain", "--lang", "none", dir / "de"}).exit_code == 0);
    // German stemming conflates Regierung / Regierungen; no stemming does not.
    CHECK(search_json(dir / "german", {"regierungen"})["results"][0]["snippet"].get<std::string>().find(
              "Regierung") != std::string::npos);
    CHECK(search_json(dir / "german", {"title:regierung"})["total"] == 1);
    CHECK(search_json(dir / "plain", {"title:regierung"})["total"] == 0);
    // Once the index holds articles, another language is refused.
    CHECK(run(newsindex(), {"--db", dir / "german", "--lang", "english", dir / "de"}).exit_code == 2);
}

TEST_CASE("cli: newsindex refuses to add to an index of another schema, leaving it as it was") {
    TempDir dir;
    auto fox = (source_dir() / "corpus" / "000_8f3a7d02f35aa849.txt").string();
    auto cnet = (source_dir() / "corpus" / "003_c44252262884b803.txt").string();
    struct Case {
        const char* recorded;  // "" removes the version
        const char* message;
    };
    for (auto [recorded, message] : {Case{"1", "index schema 1, this newsindex writes schema 2"},
                                     Case{"", "has no newsarchive schema version"}}) {
        CAPTURE(recorded);
        auto db = dir / (std::string("index-") + recorded);
        REQUIRE(run(newsindex(), {"--db", db, fox}).exit_code == 0);
        for (const auto& shard : shard_paths(db)) {
            Xapian::WritableDatabase database(shard);
            database.set_metadata("newsarchive.schema", recorded);
            database.commit();
        }
        auto result = run(newsindex(), {"--db", db, cnet});
        CHECK(result.exit_code == 2);
        CHECK(line_count(result.err) == 1);
        CHECK(result.err.find(message) != std::string::npos);
        CHECK(result.err.find("into a new directory") != std::string::npos);
        Xapian::Database database(db);
        CHECK(database.get_doccount() == 1);
        CHECK(database.get_metadata("newsarchive.schema") == recorded);
    }
    // An index emptied of its articles takes the current schema.
    auto emptied = dir / "emptied";
    {
        Xapian::WritableDatabase database(emptied, Xapian::DB_CREATE);
        database.set_metadata("newsarchive.schema", "1");
        database.commit();
    }
    CHECK(run(newsindex(), {"--db", emptied, cnet}).exit_code == 0);
    CHECK(Xapian::Database(emptied).get_metadata("newsarchive.schema") == "2");
}

TEST_CASE("cli: --csv-quote none (or empty) reads an unquoted TSV whose text holds quote characters") {
    TempDir dir;
    write_file(dir.path() / "dump.tsv", "title\tbody\n\"Quoted\" start\tone\nTwo\tan \"unbalanced quote\n");
    CHECK(run(newsindex(), {"--db", dir / "strict", dir / "dump.tsv"}).exit_code == 3);
    for (const std::string none : {"none", ""}) {
        CAPTURE(none);
        auto result = run(newsindex(), {"--db", dir / ("index-" + none), "--csv-quote", none, dir / "dump.tsv"});
        CHECK(result.exit_code == 0);
        CHECK(result.err.find("2 indexed, 0 replaced, 0 skipped") != std::string::npos);
        CHECK(search_json(dir / ("index-" + none), {"title:quoted OR title:two"})["total"] == 2);
    }
}

TEST_CASE("cli: text files of two directories with the same names are reported, not replaced by each other") {
    TempDir dir;
    write_file(dir.path() / "business/001.txt", "Profits up\n\nMarkets rallied.\n");
    write_file(dir.path() / "sport/001.txt", "Cup final\n\nThe match was won.\n");
    auto clash = run(newsindex(), {"--db", dir / "clash", dir / "business", dir / "sport"});
    CHECK(clash.exit_code == 3);
    CHECK(clash.err.find("sport/001.txt: file: its id '001.txt' is that of " + (dir / "business/001.txt")) !=
          std::string::npos);
    CHECK(clash.err.find("1 indexed, 0 replaced, 1 skipped (1 duplicate id)") != std::string::npos);
    // The same file named twice is no clash: it replaces itself.
    auto twice = run(newsindex(), {"--db", dir / "twice", dir / "business", dir / "business"});
    CHECK(twice.exit_code == 0);
    CHECK(twice.err.find("1 indexed, 1 replaced, 0 skipped") != std::string::npos);
    auto parent = run(newsindex(), {"--db", dir / "parent", dir.path().string()});
    CHECK(parent.exit_code == 0);
    CHECK(search_json(dir / "parent", {"--limit", "0", "markets OR match"})["total"] == 2);
}

TEST_CASE("cli: README and LICENSE below a directory are passed over and counted, but read when named") {
    TempDir dir;
    write_file(dir.path() / "dump/business/001.txt", "Profits up\n\nMarkets rallied.\n");
    write_file(dir.path() / "dump/README.TXT", "Consists of 2225 documents from the BBC news website.\n");
    write_file(dir.path() / "dump/LICENSE", "All rights reserved.\n");
    write_file(dir.path() / "dump/notes.md", "# About\n");
    for (std::vector<std::string> format : {std::vector<std::string>{}, {"--format", "text"}}) {
        std::vector<std::string> arguments{"--db", dir / "index"};
        arguments.insert(arguments.end(), format.begin(), format.end());
        arguments.push_back(dir / "dump");
        auto walked = run(newsindex(), arguments);
        CHECK(walked.exit_code == 0);
        CHECK(walked.err.find("notes passed over (README, LICENSE, ...): 2") != std::string::npos);
        CHECK((walked.err.find("files of unknown type passed over: 1") != std::string::npos) == format.empty());
        CHECK(search_json(dir / "index", {"--limit", "0", "documents OR rights"})["total"] == 0);
    }
    auto named = run(newsindex(), {"--db", dir / "index", dir / "dump/README.TXT"});
    CHECK(named.exit_code == 0);
    CHECK(named.err.find("notes passed over") == std::string::npos);
    CHECK(search_json(dir / "index", {"--limit", "0", "documents"})["total"] == 1);
}

TEST_CASE("cli: an index kept inside the directory it is made from is not read as input") {
    TempDir dir;
    write_file(dir.path() / "dump/business/001.txt", "Profits up\n\nMarkets rallied.\n");
    for (int run_number = 1; run_number <= 2; ++run_number) {  // the second meets a committed index there
        auto result = run(newsindex(), {"--db", dir / "dump/news-index", "--format", "text", dir / "dump"});
        CHECK(result.exit_code == 0);
        CHECK(result.err.find("Xapian databases passed over: 1") != std::string::npos);
        CHECK(result.err.find("the index holds 1 articles") != std::string::npos);
    }
}

TEST_CASE("cli: text articles from standard input get ids from their content, not one shared empty id") {
    TempDir dir;
    for (const char* text : {"First\n\nOne body.\n", "Second\n\nAnother body.\n", "First\n\nOne body.\n"})
        REQUIRE(run(newsindex(), {"--db", dir / "index", "--format", "text", "-"}, text).exit_code == 0);
    auto found = search_json(dir / "index", {"body"});
    CHECK(found["total"] == 2);  // the repeated text replaced its first copy
    CHECK(found["results"][0]["id"].get<std::string>().size() == 32);
}

TEST_CASE("cli: missing inputs are reported and counted, the rest is indexed") {
    TempDir dir;
    auto result = run(newsindex(), {"--db", dir / "index", dir / "missing.jsonl", corpus()});
    CHECK(result.exit_code == 3);
    CHECK(result.err.find("missing.jsonl") != std::string::npos);
    CHECK(result.err.find("3 indexed, 0 replaced, 1 skipped (1 unreadable path)") != std::string::npos);
}

TEST_CASE("cli: --strict stops at the first skipped record, keeps what came before it and exits 3") {
    TempDir dir;
    write_file(dir.path() / "dump.jsonl", R"({"id": "one", "title": "Harbour opens"}
{"id": "two", "title": "broken
{"id": "three", "title": "Harbour closes"}
)");
    auto strict = run(newsindex(), {"--db", dir / "strict", "--strict", dir / "dump.jsonl"});
    CHECK(strict.exit_code == 3);
    CHECK(strict.err.find("dump.jsonl: line 2: ") != std::string::npos);
    CHECK(strict.err.find("newsindex: stopped at the first skipped record (--strict): 1 indexed, 0 replaced, 1 skipped") !=
          std::string::npos);
    CHECK(search_json(dir / "strict", {"harbour"})["total"] == 1);

    auto lenient = run(newsindex(), {"--db", dir / "lenient", dir / "dump.jsonl"});
    CHECK(lenient.exit_code == 3);
    CHECK(search_json(dir / "lenient", {"harbour"})["total"] == 2);
}
