// test_searcher_stop_words.cc — the built-in stop list, stop-word files, defaults by language.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "stop_words.h"

using namespace newsarchive;

TEST_CASE("stop words: english holds the function words and no content words") {
    auto english = load_stop_list("english");
    REQUIRE(english);
    // The list's first and last words, and neighbours of words, test the search's edges.
    for (const char* word : {"a", "the", "of", "what", "and", "yourselves"}) CHECK((*english)(word));
    for (const char* word : {"china", "hack", "oil", "The", "", "aa", "yourself ", "zzz", "th"})
        CHECK_FALSE((*english)(word));
    CHECK_FALSE(load_stop_list("none"));
}

TEST_CASE("stop words: the default list follows the index language") {
    CHECK(default_stop_list("english") == "english");
    CHECK(default_stop_list("en") == "english");
    CHECK(default_stop_list("german") == "none");
    CHECK(default_stop_list("none") == "none");
}

TEST_CASE("stop words: a file has one word per line, blanks trimmed, # comments") {
    auto path = std::filesystem::temp_directory_path() / "newsarchive-stop-words-test.txt";
    {
        std::ofstream file(path);
        file << "# archive-specific\nreuters\n  said \t\r\n\nap # the agency\n";
    }
    auto stopper = load_stop_list(path.string());
    std::filesystem::remove(path);
    REQUIRE(stopper);
    CHECK((*stopper)("reuters"));
    CHECK((*stopper)("said"));
    CHECK((*stopper)("ap"));
    CHECK_FALSE((*stopper)("the"));
    CHECK_FALSE((*stopper)("# archive-specific"));
    CHECK_THROWS_WITH_AS(load_stop_list(path.string()), doctest::Contains(path.string().c_str()), std::invalid_argument);
}
