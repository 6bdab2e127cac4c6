// test_common_schema.cc — id terms and field weights.
#include <doctest/doctest.h>

#include <stdexcept>

#include "schema.h"

using namespace newsarchive;

TEST_CASE("id_term keeps short ids readable") {
    CHECK(schema::id_term("bbc/tech/001.txt") == "Qbbc/tech/001.txt");
}

TEST_CASE("id_term of a long id fits Xapian's term limit and stays unique") {
    std::string long_url = "https://example.com/" + std::string(400, 'a');
    std::string other = long_url;
    other.back() = 'b';
    auto term = schema::id_term(long_url);
    CHECK(term.size() <= 240);
    CHECK(term.starts_with("Qhttps://example.com/"));
    CHECK(term != schema::id_term(other));
    CHECK(term == schema::id_term(long_url));
}

TEST_CASE("field weights default to the schema and accept FIELD=N") {
    schema::FieldWeights weights;
    CHECK(weights.of(*schema::find_text_field("title")) == 3);
    CHECK(weights.of(*schema::find_text_field("body")) == 1);
    weights.set("title=7");
    CHECK(weights.of(*schema::find_text_field("title")) == 7);
    CHECK(weights.describe() == "title=7 body=1 author=0 source=0");
}

TEST_CASE("field weights reject unknown fields and bad numbers") {
    schema::FieldWeights weights;
    CHECK_THROWS_AS(weights.set("headline=2"), std::invalid_argument);
    CHECK_THROWS_AS(weights.set("title"), std::invalid_argument);
    CHECK_THROWS_AS(weights.set("title=-1"), std::invalid_argument);
    CHECK_THROWS_AS(weights.set("title=3x"), std::invalid_argument);
    CHECK_THROWS_AS(weights.set("title=1000"), std::invalid_argument);
}
