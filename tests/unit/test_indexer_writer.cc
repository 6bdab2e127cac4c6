// test_indexer_writer.cc — index layout, routing by id, dictionary training, where spelling data lives.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <xapian.h>

#include "dictionary_training.h"
#include "index_layout.h"
#include "schema.h"
#include "scratch_directory.h"
#include "spelling_words.h"
#include "writer.h"

using namespace newsarchive;
namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path);
    return {std::istreambuf_iterator<char>(in), {}};
}

Article article_number(int n) {
    Article article;
    article.id = "story-" + std::to_string(n);
    article.title = "Council votes on harbour plan, part " + std::to_string(n);
    article.body =
        "The city council voted on Tuesday to approve the harbour redevelopment plan after a long debate "
        "about costs, jobs and the environment. Item " +
        std::to_string(n * 7919 % 1000) + ".";
    article.text = article.title + "\n\n" + article.body;
    return article;
}

}  // namespace

TEST_CASE("index layout: a new index is a stub listing its shards, which Xapian opens as one database") {
    test_support::ScratchDirectory scratch("writer");
    std::string db = (scratch.path() / "index").string();
    {
        IndexWriter writer(db, std::nullopt, schema::FieldWeights{}, std::nullopt, 3);
        CHECK(writer.shard_count() == 3);
        Xapian::Document document;
        document.add_term("harbour");
        writer.shard(2).database().add_document(document);
        writer.commit();
    }
    CHECK(slurp(fs::path(db) / "XAPIANDB").ends_with("glass shard-00\nglass shard-01\nglass shard-02\n"));
    CHECK(!fs::exists(fs::path(db) / "XAPIANDB.new"));
    CHECK(Xapian::Database(db).get_termfreq("harbour") == 1);
    // Reopened, it keeps its shards whatever a new index would get.
    IndexLayout layout = read_layout(db, 5);
    CHECK(layout.has_stub);
    CHECK(layout.shard_paths == std::vector<std::string>{db + "/shard-00", db + "/shard-01", db + "/shard-02"});
}

TEST_CASE("index layout: a Glass database from before shards is a one-shard index, other stub lines are refused") {
    test_support::ScratchDirectory scratch("writer");
    std::string legacy = (scratch.path() / "legacy").string();
    Xapian::WritableDatabase(legacy, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS).commit();
    IndexLayout layout = read_layout(legacy, 4);
    CHECK(!layout.has_stub);
    CHECK(layout.shard_paths == std::vector<std::string>{legacy});

    fs::create_directories(scratch.path() / "remote");
    std::ofstream(scratch.path() / "remote" / "XAPIANDB") << "remote :news.example.org:33333\n";
    CHECK_THROWS_WITH_AS(read_layout((scratch.path() / "remote").string(), 2),
                         doctest::Contains("newsindex writes only to local shards"), std::runtime_error);
}

TEST_CASE("index writer: an article's shard depends on its id alone, and never changes between versions") {
    test_support::ScratchDirectory scratch("writer");
    IndexWriter two((scratch.path() / "two").string(), std::nullopt, schema::FieldWeights{}, std::nullopt, 2);
    IndexWriter five((scratch.path() / "five").string(), std::nullopt, schema::FieldWeights{}, std::nullopt, 5);
    // Pinned: an index written by an earlier version holds its articles
    // where these say; routing them elsewhere would duplicate them on re-index.
    // (XXH3-64 of the id term, modulo the shard count.)
    const std::string bbc = "https://www.bbc.co.uk/news/world-57889540";
    CHECK(two.shard_of(schema::id_term("a0")) == 0);
    CHECK(two.shard_of(schema::id_term(bbc)) == 1);
    CHECK(five.shard_of(schema::id_term("a0")) == 4);
    CHECK(five.shard_of(schema::id_term("a1")) == 1);
    CHECK(five.shard_of(schema::id_term("a3")) == 3);
    CHECK(five.shard_of(schema::id_term(bbc)) == 0);
    std::size_t in_first = 0;
    for (int n = 0; n < 1000; ++n) in_first += two.shard_of(schema::id_term(article_number(n).id)) == 0;
    CHECK(in_first > 430);  // an even spread
    CHECK(in_first < 570);
}

TEST_CASE("index writer: --shards must match an existing index") {
    test_support::ScratchDirectory scratch("writer");
    std::string db = (scratch.path() / "index").string();
    IndexWriter(db, std::nullopt, schema::FieldWeights{}, std::nullopt, 2).commit();
    CHECK_THROWS_WITH_AS(IndexWriter(db, std::nullopt, schema::FieldWeights{}, 3, 2), doctest::Contains("has 2 shards"),
                         IndexWriteError);
    CHECK(IndexWriter(db, std::nullopt, schema::FieldWeights{}, 2, 7).shard_count() == 2);
}

TEST_CASE("dictionary training: too few articles train nothing, enough train one, all come back in order") {
    DictionaryTraining few;
    for (int n = 0; n < 10; ++n) CHECK(!few.hold(article_number(n)));
    CHECK(!few.train(1));
    CHECK(few.release().size() == 10);
    CHECK(few.empty());

    DictionaryTraining enough(300);
    bool full = false;
    for (int n = 0; n < 300; ++n) full = enough.hold(article_number(n));
    CHECK(full);
    auto dictionary = enough.train(7);
    REQUIRE(dictionary);
    CHECK(dictionary->id() == 7);
    // The point of it: with the dictionary a short article takes far less room.
    Article sample = article_number(1234);
    CHECK(encode_stored_article(sample, &*dictionary).size() * 2 < encode_stored_article(sample).size());
    auto held = enough.release();
    REQUIRE(held.size() == 300);
    CHECK(held.front().id == "story-0");
    CHECK(held.back().id == "story-299");
}

TEST_CASE("index writer: a new dictionary is committed in every shard before any article can need it") {
    test_support::ScratchDirectory scratch("writer");
    std::string db = (scratch.path() / "index").string();
    IndexWriter writer(db, std::nullopt, schema::FieldWeights{}, std::nullopt, 2);
    DictionaryTraining training(300);
    for (int n = 0; n < 300; ++n) training.hold(article_number(n));
    auto dictionary = training.train(writer.next_dictionary_id());
    REQUIRE(dictionary);
    writer.add_dictionary(*dictionary);
    // Readers see it with no further commit: shards commit on their own later.
    for (const char* shard : {"shard-00", "shard-01"}) {
        CAPTURE(shard);
        Xapian::Database reader((fs::path(db) / shard).string());
        CHECK(reader.get_metadata("newsarchive.zstd_dictionary") == "1");
        CHECK(reader.get_metadata("newsarchive.zstd_dictionary.1") == dictionary->bytes());
    }
    CHECK(writer.next_dictionary_id() == 2);
}

TEST_CASE("index writer: the spelling dictionary lives in the first shard, counted over every shard") {
    test_support::ScratchDirectory scratch("writer");
    std::string db = (scratch.path() / "index").string();
    {
        IndexWriter writer(db, std::nullopt, schema::FieldWeights{}, std::nullopt, 2);
        Xapian::Document in_first, in_second;
        in_first.add_term("harbour", 2);
        in_second.add_term("harbour", 1);
        in_second.add_term("ferry", 1);
        in_second.add_boolean_term("Qstory");
        writer.shard(0).database().add_document(in_first);
        writer.shard(1).database().add_document(in_second);
        writer.shard(1).database().add_spelling("ferry", 5);  // each shard kept its own before
        writer.commit();
        writer.update_spelling();
    }
    using test_support::spelling_words;
    CHECK(spelling_words(Xapian::Database(db + "/shard-00")) ==
          test_support::SpellingWords{{"ferry", 1}, {"harbour", 3}});
    CHECK(spelling_words(Xapian::Database(db + "/shard-01")).empty());
    CHECK(Xapian::Database(db).get_spelling_suggestion("harbuor") == "harbour");
}
