// test_durability.cc — kill -9, SIGINT/SIGTERM, searching while indexing, and waiting for the write lock.
#include <doctest/doctest.h>

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <random>
#include <regex>
#include <sstream>
#include <thread>

#include <xapian.h>

#include "generated_corpus.h"
#include "index_files.h"
#include "process.h"

using namespace e2e;
using namespace std::chrono_literals;

namespace {

// The unique-id term prefix of the index schema (Omega's "Q", see common/schema.h).
constexpr const char* kIdPrefix = "Q";

// An executable named `name` on $PATH.
std::optional<std::string> find_program(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::istringstream directories(path ? path : "");
    for (std::string directory; std::getline(directories, directory, ':');) {
        std::string candidate = (std::filesystem::path(directory.empty() ? "." : directory) / name).string();
        if (access(candidate.c_str(), X_OK) == 0) return candidate;
    }
    return std::nullopt;
}

// Articles in the index, or nullopt while there is none to open.
std::optional<Xapian::doccount> article_count(const std::string& db) {
    try {
        return Xapian::Database(db).get_doccount();
    } catch (const Xapian::DatabaseOpeningError&) {
        return std::nullopt;
    }
}

// No two articles share an id: every id term indexes exactly one document,
// and every document has one. Returns the number of articles.
Xapian::doccount check_ids_unique(const std::string& db) {
    Xapian::Database database(db);
    Xapian::doccount ids = 0;
    for (auto term = database.allterms_begin(kIdPrefix); term != database.allterms_end(kIdPrefix); ++term) {
        CHECK(term.get_termfreq() == 1);
        ++ids;
    }
    CHECK(ids == database.get_doccount());
    return database.get_doccount();
}

// The index opens for newssearch and, when xapian-check is installed, each of its shards passes it.
void check_index_sound(const std::string& db) {
    auto search = run(newssearch(), {"--db", db, "--format", "json", "--since", "1900-01-01"});
    INFO("newssearch: " << search.err);
    CHECK(search.exit_code <= 1);
    static const auto checker = find_program("xapian-check");
    if (!checker) {
        MESSAGE("xapian-check is not on PATH (package xapian-tools): index structure not checked");
        return;
    }
    auto shards = shard_paths(db);
    CHECK(!shards.empty());
    for (const auto& shard : shards) {
        auto check = run(*checker, {shard});
        INFO("xapian-check " << shard << ": " << check.out << check.err);
        CHECK(check.exit_code == 0);
    }
}

template <typename Condition>
bool wait_until(Condition condition, std::chrono::milliseconds limit) {
    for (auto deadline = std::chrono::steady_clock::now() + limit; std::chrono::steady_clock::now() < deadline;) {
        if (condition()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return condition();
}

// "the index holds N articles" of a summary line.
std::optional<std::uint64_t> held_articles(const std::string& err) {
    std::smatch match;
    static const std::regex pattern("the index holds ([0-9]+) articles");
    if (!std::regex_search(err, match, pattern)) return std::nullopt;
    return std::stoull(match[1]);
}

// Interrupts an indexing run once it has committed something, then completes the job.
void interrupt_and_finish(int signal_number, const std::string& name) {
    TempDir dir;
    std::uint64_t total = write_generated_corpus(dir.path() / "corpus", 2, 1000);
    std::string db = dir / "index";
    std::vector<std::string> command{"--db", db, "--batch-size", "50", dir / "corpus"};

    Background indexer(newsindex(), command);
    REQUIRE(wait_until([&] { return article_count(db).value_or(0) > 0; }, 20s));
    indexer.signal(signal_number);
    auto stopped = indexer.wait();
    INFO("stderr: " << stopped.err);
    CHECK(stopped.exit_code == 128 + signal_number);
    CHECK(stopped.err.find("interrupted by " + name) != std::string::npos);
    auto held = held_articles(stopped.err);
    REQUIRE(held);
    CHECK(*held > 0);
    CHECK(*held < total);
    CHECK(article_count(db) == *held);
    check_index_sound(db);
    check_ids_unique(db);

    auto finished = run(newsindex(), command);
    INFO("re-run: " << finished.err);
    CHECK(finished.exit_code == 0);
    CHECK(finished.err.find(std::to_string(total - *held) + " indexed, " + std::to_string(*held) + " replaced") !=
          std::string::npos);
    CHECK(check_ids_unique(db) == total);
}

}  // namespace

TEST_CASE("durability: after kill -9 at random moments the index is sound, and a re-run completes it once") {
    TempDir dir;
    std::uint64_t total = write_generated_corpus(dir.path() / "corpus", 3, 1000);
    std::string db = dir / "index";
    std::vector<std::string> command{"--db", db, "--batch-size", "50", dir / "corpus"};
    std::mt19937 random(20240611);
    std::uniform_int_distribution<int> delay_ms(20, 300);
    int checked = 0;
    for (int kill = 1; kill <= 10; ++kill) {
        auto delay = std::chrono::milliseconds(delay_ms(random));
        CAPTURE(kill);
        CAPTURE(delay.count());
        Background indexer(newsindex(), command);
        std::this_thread::sleep_for(delay);
        indexer.signal(SIGKILL);
        REQUIRE_MESSAGE(indexer.wait().exit_code == 128 + SIGKILL, "finished before the kill: enlarge the corpus");
        // newsindex writes the stub last when it creates an index, so
        // without it the kill came before there was an index to open.
        if (shard_paths(db).empty()) continue;
        ++checked;
        check_index_sound(db);
        CHECK(check_ids_unique(db) <= total);
    }
    CHECK(checked >= 8);

    auto finished = run(newsindex(), command);
    INFO("re-run: " << finished.err);
    CHECK(finished.exit_code == 0);
    check_index_sound(db);
    CHECK(check_ids_unique(db) == total);
}

TEST_CASE("durability: SIGINT commits what was read, prints the summary and exits 130, and a re-run completes it") {
    interrupt_and_finish(SIGINT, "SIGINT");
}

TEST_CASE("durability: SIGTERM commits what was read, prints the summary and exits 143, and a re-run completes it") {
    interrupt_and_finish(SIGTERM, "SIGTERM");
}

TEST_CASE("durability: searches while newsindex commits never fail and see the index grow") {
    TempDir dir;
    std::uint64_t total = write_generated_corpus(dir.path() / "corpus", 4, 1000);
    std::string db = dir / "index";
    Background indexer(newsindex(), {"--db", db, "--batch-size", "50", dir / "corpus"});
    REQUIRE(wait_until([&] { return article_count(db).has_value(); }, 20s));

    std::uint64_t last_total = 0;
    int searches = 0, partial_views = 0;
    while (indexer.running()) {
        // Ten hits with snippets, so documents are read, not only counted;
        // every article is dated and has the word, so both count them all.
        std::string query = searches % 2 ? "newswire" : "--since=1900-01-01";
        auto search = run(newssearch(), {"--db", db, "--format", "json", query});
        INFO("search " << searches << ": " << search.err);
        REQUIRE(search.exit_code <= 1);
        auto result = nlohmann::json::parse(search.out);
        CHECK(result["total"].get<std::uint64_t>() >= last_total);
        last_total = result["total"].get<std::uint64_t>();
        ++searches;
        if (last_total > 0 && last_total < total) ++partial_views;
    }
    auto indexed = indexer.wait();
    INFO("newsindex: " << indexed.err);
    CHECK(indexed.exit_code == 0);
    CHECK(searches >= 5);
    CHECK(partial_views > 0);  // the searches ran while there was something to see
    CHECK(search_json(db, {"--since", "1900-01-01"})["total"] == total);
    CHECK(search_json(db, {"newswire"})["total"] == total);
}

TEST_CASE("durability: with --wait a second writer waits for the lock, then indexes") {
    TempDir dir;
    std::uint64_t total = write_generated_corpus(dir.path() / "corpus", 1, 20);
    std::string db = dir / "index";
    std::optional<Xapian::WritableDatabase> holder(std::in_place, db, Xapian::DB_CREATE_OR_OPEN);
    Background indexer(newsindex(), {"--db", db, "--wait", dir / "corpus"});
    std::this_thread::sleep_for(1s);
    CHECK(indexer.running());
    holder->close();
    auto result = indexer.wait();
    INFO("stderr: " << result.err);
    CHECK(result.exit_code == 0);
    CHECK(result.err.find("locked by another writer (another newsindex running?); waiting for the lock") !=
          std::string::npos);
    CHECK(article_count(db) == total);
}

TEST_CASE("durability: --wait-timeout gives up with the lock message and exit 4") {
    TempDir dir;
    write_generated_corpus(dir.path() / "corpus", 1, 20);
    std::string db = dir / "index";
    Xapian::WritableDatabase holder(db, Xapian::DB_CREATE_OR_OPEN);
    auto start = std::chrono::steady_clock::now();
    auto result = run(newsindex(), {"--db", db, "--wait-timeout", "0.5", dir / "corpus"});
    CHECK(std::chrono::steady_clock::now() - start >= 500ms);
    CHECK(result.exit_code == 4);
    CHECK(result.err.find("locked by another writer") != std::string::npos);
    CHECK(run(newsindex(), {"--db", db, "--wait-timeout=-1", dir / "corpus"}).exit_code == 2);
}
