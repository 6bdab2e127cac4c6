// test_indexer_shard_workers.cc — writer threads: everything written, or on a stop request only what was.
#include <doctest/doctest.h>

#include <atomic>
#include <filesystem>
#include <limits>
#include <string>

#include <xapian.h>

#include "scratch_directory.h"
#include "shard_workers.h"
#include "writer.h"

using namespace newsarchive;
namespace fs = std::filesystem;

namespace {

Article article_number(int n) {
    Article article;
    article.id = "story-" + std::to_string(n);
    article.title = "Harbour plan, part " + std::to_string(n);
    article.body = "The council voted on the harbour plan.";
    article.text = article.title + "\n\n" + article.body;
    return article;
}

// More than one worker's queue holds, so a writer that stopped taking
// articles would leave write() waiting for ever.
constexpr int kArticles = 5000;

constexpr std::uint64_t kNever = std::numeric_limits<std::uint64_t>::max();

}  // namespace

TEST_CASE("shard workers: two threads write and commit every article") {
    test_support::ScratchDirectory scratch("workers");
    std::string db = (scratch.path() / "index").string();
    IndexWriter index(db, std::nullopt, schema::FieldWeights{}, std::nullopt, 2);
    ShardWorkers workers(index, 2, schema::FieldWeights{}, nullptr, {1000, kNever});
    for (int n = 0; n < kArticles; ++n) workers.write(article_number(n));
    workers.finish();
    CHECK(workers.added() == kArticles);
    CHECK(Xapian::Database(db).get_doccount() == kArticles);
}

TEST_CASE("shard workers: after a stop request the queued articles are dropped and what was written is committed") {
    test_support::ScratchDirectory scratch("workers");
    std::string db = (scratch.path() / "index").string();
    IndexWriter index(db, std::nullopt, schema::FieldWeights{}, std::nullopt, 2);
    std::atomic<bool> stop{false};
    ShardWorkers workers(index, 2, schema::FieldWeights{}, nullptr, {1000, kNever}, [&] { return stop.load(); });
    for (int n = 0; n < 10; ++n) workers.write(article_number(n));
    stop = true;
    for (int n = 10; n < kArticles; ++n) workers.write(article_number(n));  // must not block
    workers.finish();
    CHECK(workers.added() < static_cast<std::uint64_t>(kArticles));
    CHECK(Xapian::Database(db).get_doccount() == workers.added());
}

TEST_CASE("shard workers: a shard commits when its uncommitted text reaches the byte threshold, whatever the count") {
    test_support::ScratchDirectory scratch("workers");
    std::string db = (scratch.path() / "index").string();
    IndexWriter index(db, std::nullopt, schema::FieldWeights{}, std::nullopt, 2);
    SUBCASE("a threshold below one article's text: every article is committed as it is written") {
        ShardWorkers workers(index, 1, schema::FieldWeights{}, nullptr, {kNever, 2});
        for (int n = 0; n < 10; ++n) workers.write(article_number(n));
        CHECK(Xapian::Database(db).get_doccount() == 10);
        workers.finish();
    }
    SUBCASE("no threshold reached: nothing is committed before finish") {
        ShardWorkers workers(index, 1, schema::FieldWeights{}, nullptr, {kNever, kNever});
        for (int n = 0; n < 10; ++n) workers.write(article_number(n));
        CHECK(Xapian::Database(db).get_doccount() == 0);
        workers.finish();
        CHECK(Xapian::Database(db).get_doccount() == 10);
    }
}
