// test_common_store.cc — the zstd article store round-trips and rejects garbage.
#include <doctest/doctest.h>

#include "store.h"

using namespace newsarchive;

TEST_CASE("a stored article decodes to what was encoded, text byte for byte") {
    Article article;
    article.id = "cnet/1";
    article.title = "Biden administration blames China";
    article.body = "the indexed body";
    article.date = Date{2021, 7, 19};
    article.source = "CNET";
    article.authors = {"Sean Keane", "Another Writer"};
    article.url = "https://cnet.example/1";
    article.text = std::string("Title\r\n\0binary\xff\xfe bytes\n", 25);

    Article back = decode_stored_article(encode_stored_article(article));
    CHECK(back.id == article.id);
    CHECK(back.title == article.title);
    CHECK(back.body == article.body);
    REQUIRE(back.date);
    CHECK(*back.date == *article.date);
    CHECK(back.source == article.source);
    CHECK(back.authors == article.authors);
    CHECK(back.url == article.url);
    CHECK(back.text == article.text);
}

TEST_CASE("an article without a date stays without one") {
    Article article;
    article.id = "x";
    CHECK_FALSE(decode_stored_article(encode_stored_article(article)).date);
}

TEST_CASE("the store compresses repetitive text") {
    Article article;
    article.text.reserve(100000);
    while (article.text.size() < 100000) article.text += "The Ministry of State Security said. ";
    CHECK(encode_stored_article(article).size() < article.text.size() / 10);
}

TEST_CASE("corrupt stored data is a StoreError, not a crash") {
    Article article;
    article.text = "some text worth storing";
    std::string data = encode_stored_article(article);
    CHECK_THROWS_AS(decode_stored_article(""), StoreError);
    CHECK_THROWS_AS(decode_stored_article("plain omega-style text"), StoreError);
    std::string truncated = data.substr(0, data.size() / 2);
    CHECK_THROWS_AS(decode_stored_article(truncated), StoreError);
    std::string flipped = data;
    flipped[flipped.size() - 3] ^= 0x5a;
    CHECK_THROWS_AS(decode_stored_article(flipped), StoreError);
}
