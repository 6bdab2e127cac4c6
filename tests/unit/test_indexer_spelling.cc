// test_indexer_spelling.cc — the spelling dictionary follows the committed articles.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "scratch_directory.h"
#include "spelling.h"
#include "spelling_words.h"

using namespace newsarchive;

namespace {

using Words = test_support::SpellingWords;
using test_support::spelling_words;

// What the dictionary should hold: each unprefixed term's collection
// frequency; Xapian's spelling table keeps no word of one byte.
Words free_text_frequencies(const Xapian::Database& database) {
    Words words;
    for (auto term = database.allterms_begin(); term != database.allterms_end(); ++term)
        if ((*term).size() > 1 && !((*term)[0] >= 'A' && (*term)[0] <= 'Z'))
            words[*term] = database.get_collection_freq(*term);
    return words;
}

Xapian::Document article(const std::string& id, const std::string& title, const std::string& body) {
    Xapian::TermGenerator generator;
    generator.set_stemmer(Xapian::Stem("english"));
    Xapian::Document document;
    generator.set_document(document);
    generator.index_text(title, 3);
    generator.index_text(title, 1, "S");
    generator.index_text(body);
    document.add_boolean_term("Q" + id);
    return document;
}

struct TestArticle {
    std::string id, title, body;
};

// Writes the articles (each replacing any with its id), commits, and brings
// the spelling data up to date, as the end of an indexing run does.
void index_articles(Xapian::WritableDatabase& database, const std::vector<TestArticle>& articles) {
    for (const auto& [id, title, body] : articles) database.replace_document("Q" + id, article(id, title, body));
    database.commit();
    update_spelling(database, database);
}

}  // namespace

TEST_CASE("spelling: every free-text word with its collection frequency, no prefixed term") {
    test_support::ScratchDirectory scratch("spelling");
    Xapian::WritableDatabase database(scratch.file("db"), Xapian::DB_CREATE);
    index_articles(database, {{"a", "Harbour plan", "The council voted on the harbour plan."},
                              {"b", "Zebra crossing", "A 2021 vote: the zebra crossing stays."}});

    Words words = spelling_words(database);
    CHECK(words == free_text_frequencies(database));
    CHECK(words["harbour"] == 3 + 1);  // title words count three times
    CHECK(words["2021"] == 1);         // before the prefixes in byte order
    CHECK(words["zebra"] == 3 + 1);    // after them
    CHECK_FALSE(words.count("Sharbour"));
    CHECK_FALSE(words.count("Zharbour"));
    CHECK_FALSE(words.count("Qa"));
}

TEST_CASE("spelling: replaced and deleted articles take their words out") {
    test_support::ScratchDirectory scratch("spelling");
    Xapian::WritableDatabase database(scratch.file("db"), Xapian::DB_CREATE);
    index_articles(database, {{"a", "Harbour plan", "The council voted."}, {"b", "Ferry strike", "Ferries stopped."}});
    REQUIRE(spelling_words(database).count("ferry"));

    database.delete_document("Qb");
    index_articles(database, {{"a", "Harbour vote", "The council voted again."}});
    Words words = spelling_words(database);
    CHECK(words == free_text_frequencies(database));
    CHECK_FALSE(words.count("ferry"));
    CHECK_FALSE(words.count("plan"));
    CHECK(words["again"] == 1);
}

TEST_CASE("spelling: counts a run left wrong are repaired, in commits of any size") {
    for (std::size_t per_commit : {1, 2, 3, 20000}) {
        CAPTURE(per_commit);
        test_support::ScratchDirectory scratch("spelling");
        Xapian::WritableDatabase database(scratch.file("db"), Xapian::DB_CREATE);
        database.replace_document("Qa", article("a", "Harbour plan", "The council voted on the harbour plan."));
        database.replace_document("Qb", article("b", "Ferry strike", "Ferries stopped at the harbour."));
        database.add_spelling("harbour", 50);  // too many
        database.add_spelling("council", 1);   // too few
        database.add_spelling("gone", 7);      // in no article
        database.add_spelling("zzz", 1);       // after every term
        database.commit();
        update_spelling(database, database, {}, per_commit);
        Xapian::Database reopened(scratch.file("db"));  // committed, not just pending
        CHECK(spelling_words(reopened) == free_text_frequencies(reopened));
        CHECK(reopened.get_spelling_suggestion("harbuor") == "harbour");
    }
}

TEST_CASE("spelling: one database's dictionary counts the words of several, an empty source empties it") {
    // With one change per commit, `both` reads word lists from a revision of
    // `first` that its commits have left behind.
    for (std::size_t per_commit : {1, 100000}) {
        CAPTURE(per_commit);
        test_support::ScratchDirectory scratch("spelling");
        Xapian::WritableDatabase first(scratch.file("first"), Xapian::DB_CREATE);
        Xapian::WritableDatabase second(scratch.file("second"), Xapian::DB_CREATE);
        first.replace_document("Qa", article("a", "Harbour plan", "The council voted."));
        second.replace_document("Qb", article("b", "Ferry strike", "Ferries stopped at the harbour."));
        second.add_spelling("ferry", 4);  // as an index from before the dictionary moved to the first shard
        first.commit();
        second.commit();

        Xapian::Database both;
        both.add_database(Xapian::Database(scratch.file("first")));
        both.add_database(Xapian::Database(scratch.file("second")));
        update_spelling(first, both, {}, per_commit);
        update_spelling(second, Xapian::Database(), {}, per_commit);

        Words words = spelling_words(Xapian::Database(scratch.file("first")));
        CHECK(words == free_text_frequencies(both));
        CHECK(words["harbour"] == 3 + 1);  // a title word in one, a body word in the other
        CHECK(words["ferry"] == 3);
        CHECK(spelling_words(Xapian::Database(scratch.file("second"))).empty());
        Xapian::Database searched;  // as a search opens the index: Xapian adds the shards' counts up
        searched.add_database(Xapian::Database(scratch.file("first")));
        searched.add_database(Xapian::Database(scratch.file("second")));
        CHECK(spelling_words(searched) == words);
        CHECK(searched.get_spelling_suggestion("feryr") == "ferry");
    }
}
