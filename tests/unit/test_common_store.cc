// test_common_store.cc — the zstd article store round-trips and rejects garbage.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <zstd.h>

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

namespace {

// Short news records, alike in shape: where a trained dictionary pays.
std::vector<Article> sample_articles(int count) {
    std::vector<Article> articles;
    for (int i = 0; i < count; ++i) {
        Article article;
        article.id = "https://www.example-news.com/entry/story-" + std::to_string(i);
        article.url = article.id;
        article.title = "Officials say the council will vote on budget plan number " + std::to_string(i);
        article.body = "The city council is expected to vote on the budget on Tuesday, officials said, after weeks of "
                       "debate over spending on schools, roads and public transport. Item " + std::to_string(i * 7);
        article.text = article.title + "\n\n" + article.body;
        article.source = "example-news.com";
        article.authors = {"Staff Reporter"};
        article.date = Date{2020, 1 + static_cast<unsigned>(i % 12), 1 + static_cast<unsigned>(i % 28)};
        articles.push_back(article);
    }
    return articles;
}

}  // namespace

TEST_CASE("a trained dictionary round-trips and makes short articles smaller") {
    auto articles = sample_articles(2000);
    std::vector<std::string> samples;
    for (const auto& article : articles) samples.push_back(stored_article_payload(article));
    auto dictionary = StoreDictionary::train(300, samples, 16 * 1024);
    CHECK(dictionary.id() == 300);

    std::size_t plain = 0, with_dictionary = 0;
    for (const auto& article : articles) {
        plain += encode_stored_article(article).size();
        std::string data = encode_stored_article(article, &dictionary);
        with_dictionary += data.size();
        CHECK(stored_dictionary_id(data) == 300);
        Article back = decode_stored_article(data, [&](std::uint32_t id) { return id == 300 ? &dictionary : nullptr; });
        CHECK(back.text == article.text);
        CHECK(back.body == article.body);
    }
    CHECK(with_dictionary * 2 < plain);
}

TEST_CASE("an article that needs a dictionary the index lacks is a StoreError") {
    auto articles = sample_articles(500);
    std::vector<std::string> samples;
    for (const auto& article : articles) samples.push_back(stored_article_payload(article));
    auto dictionary = StoreDictionary::train(1, samples, 8 * 1024);
    std::string data = encode_stored_article(articles[0], &dictionary);
    CHECK_THROWS_AS(decode_stored_article(data), StoreError);
    CHECK_THROWS_AS(decode_stored_article(data, [](std::uint32_t) { return nullptr; }), StoreError);
    // The same context compresses without the dictionary afterwards.
    CHECK(stored_dictionary_id(encode_stored_article(articles[0])) == 0);
    CHECK(decode_stored_article(encode_stored_article(articles[1])).id == articles[1].id);
}

TEST_CASE("bytes that are not a zstd dictionary are refused") {
    CHECK_THROWS_AS(StoreDictionary(1, "not a dictionary"), StoreError);
    CHECK_THROWS_AS(StoreDictionary::train(1, {"too", "few"}), StoreError);
}

TEST_CASE("a frame header claiming a gigabyte is a StoreError, found without allocating it (fuzz_store finding)") {
    // Format 1, no dictionary, a zstd frame header (single segment, content
    // size 0x3FFFFFFF) and then a block header whose block is missing.
    const std::string data("\x01\x00\x28\xb5\x2f\xfd\xa0\xff\xff\xff\x3f\x01\x00\x00", 14);
    CHECK_THROWS_AS(decode_stored_article(data), StoreError);
}

TEST_CASE("a text that is only title and body is stored once and made again, any other text is kept as given") {
    Article composed;
    composed.id = "ap-1";
    composed.title = "Storm closes harbour";
    composed.body = "The harbour closed on Monday as the storm came in.";
    composed.text = article_text(composed.title, composed.body);
    Article given = composed;
    given.text = "Storm closes harbour\r\n\r\nThe harbour closed on Monday as the storm came in.\r\n";

    CHECK(decode_stored_article(encode_stored_article(composed)).text == composed.text);
    CHECK(decode_stored_article(encode_stored_article(given)).text == given.text);
    // Left out of the payload, not only compressed away.
    CHECK(stored_article_payload(composed).find("text") == std::string::npos);
    CHECK(stored_article_payload(given).size() > stored_article_payload(composed).size() + given.text.size());

    Article title_only = composed;
    title_only.body.clear();
    title_only.text = title_only.title;
    CHECK(decode_stored_article(encode_stored_article(title_only)).text == "Storm closes harbour");
}

namespace {

// `packed` as stored data: format byte, no dictionary, one zstd frame.
std::string stored_form(const std::vector<std::uint8_t>& packed) {
    std::string out(2 + ZSTD_compressBound(packed.size()), '\0');
    out[0] = static_cast<char>(kStoreFormat);
    out[1] = 0;
    std::size_t size = ZSTD_compress(out.data() + 2, out.size() - 2, packed.data(), packed.size(), 3);
    REQUIRE_FALSE(ZSTD_isError(size));
    out.resize(2 + size);
    return out;
}

}  // namespace

TEST_CASE("articles stored by earlier versions (MessagePack written by nlohmann::json) still decode") {
    nlohmann::json record = {{"id", "old/1"},
                             {"title", "Harbour plan"},
                             {"source", "Gazette"},
                             {"authors", {"A. Writer", "B. Writer"}},
                             {"url", "https://gazette.example/1"},
                             {"body", "The council voted."},
                             {"date", "2019-03-04"},
                             {"text", "HARBOUR PLAN\nThe council voted.\n(c) Gazette"},
                             {"added_by_a_later_version", 42}};
    Article back = decode_stored_article(stored_form(nlohmann::json::to_msgpack(record)));
    CHECK(back.id == "old/1");
    CHECK(back.title == "Harbour plan");
    CHECK(back.source == "Gazette");
    CHECK(back.authors == std::vector<std::string>{"A. Writer", "B. Writer"});
    CHECK(back.url == "https://gazette.example/1");
    CHECK(back.body == "The council voted.");
    REQUIRE(back.date);
    CHECK(*back.date == Date{2019, 3, 4});
    CHECK(back.text == "HARBOUR PLAN\nThe council voted.\n(c) Gazette");

    record.erase("text");  // then text is title and body again
    CHECK(decode_stored_article(stored_form(nlohmann::json::to_msgpack(record))).text ==
          article_text("Harbour plan", "The council voted."));
}

TEST_CASE("stored MessagePack that is not a map of the article, or claims more than it holds, is a StoreError") {
    CHECK_THROWS_AS(decode_stored_article(stored_form(nlohmann::json::to_msgpack(nlohmann::json::array({1, 2})))),
                    StoreError);
    // A map, then a stray byte after it.
    std::vector<std::uint8_t> trailing = nlohmann::json::to_msgpack(nlohmann::json{{"id", "x"}});
    trailing.push_back(0xc0);
    CHECK_THROWS_AS(decode_stored_article(stored_form(trailing)), StoreError);
    // An array header claiming 2^32 - 1 entries in a map of one key, and a
    // string claiming a gigabyte: refused, never allocated.
    CHECK_THROWS_AS(decode_stored_article(stored_form({0x81, 0xa7, 'a', 'u', 't', 'h', 'o', 'r', 's', 0xdd, 0xff, 0xff,
                                                       0xff, 0xff})),
                    StoreError);
    CHECK_THROWS_AS(decode_stored_article(stored_form({0x81, 0xa2, 'i', 'd', 0xdb, 0x40, 0x00, 0x00, 0x00, 'x'})),
                    StoreError);
}
