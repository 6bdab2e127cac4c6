// test_indexer_oversized.cc — a 50 MB article is indexed from its first 4 MB and stored whole.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <xapian.h>

#include "indexer.h"
#include "schema.h"
#include "scratch_directory.h"
#include "store.h"

using namespace newsarchive;

TEST_CASE("indexer: a body over 4 MB is indexed up to a character boundary within 4 MB, stored whole") {
    test_support::ScratchDirectory scratch("oversized");
    // "déjà vu " repeated, padded so that the 4 MiB cut falls inside an 'é'.
    const std::string unit = "d\xC3\xA9j\xC3\xA0 vu ";
    std::string body = "headmarker ";
    while (body.size() % unit.size() != (kMaxIndexedBodyBytes - 2) % unit.size()) body += ' ';
    body.reserve(50u << 20);
    while (body.size() < (50u << 20)) body += unit;
    body += "tailmarker";
    REQUIRE((static_cast<unsigned char>(body[kMaxIndexedBodyBytes]) & 0xC0) == 0x80);
    {
        std::ofstream out(scratch.path() / "big.jsonl", std::ios::binary);
        out << R"({"id": "big", "title": "Big one", "body": ")" << body << "\"}\n"
            << R"({"id": "small", "title": "Small one", "body": "tailmarker"})" << '\n';
        REQUIRE(out);
    }

    IndexOptions options;
    options.database = (scratch.path() / "index").string();
    options.inputs = {(scratch.path() / "big.jsonl").string()};
    std::ostringstream diagnostics;
    IndexSummary summary = run_indexer(options, diagnostics);

    CHECK(summary.indexed == 2);
    CHECK(summary.skipped == 0);
    CHECK(summary.warnings_by_reason == std::map<std::string, std::uint64_t>{{"oversized article", 1}});
    CHECK(diagnostics.str().find("big.jsonl: line 1: article of 50 MB: indexed its first 4 MB") != std::string::npos);

    Xapian::Database database(options.database);
    Xapian::PostingIterator big = database.postlist_begin(schema::id_term("big"));
    REQUIRE(big != database.postlist_end(schema::id_term("big")));
    CHECK(database.get_termfreq("headmarker") == 1);
    CHECK(database.get_termfreq("tailmarker") == 1);  // the small article only
    Article stored = decode_stored_article(database.get_document(*big).get_data());
    CHECK(stored.text == "Big one\n\n" + body);
    CHECK(stored.body.size() == kMaxIndexedBodyBytes - 1);
    CHECK(stored.body == body.substr(0, kMaxIndexedBodyBytes - 1));
}
