// search_fixtures.h — indexes shared by the newssearch end-to-end tests.
//
// Each is built once per test run, on first use, and only read afterwards.
#pragma once

#include <doctest/doctest.h>

#include <sstream>
#include <string>
#include <vector>

#include "process.h"

namespace e2e {

// The three seed articles of corpus/: one story (China blamed for the
// Microsoft Exchange hack) told by Fox, CNET and the SCMP. Plain text: no
// date, source or author.
inline constexpr const char* kFox = "000_8f3a7d02f35aa849.txt";
inline constexpr const char* kCnet = "003_c44252262884b803.txt";
inline constexpr const char* kScmp = "004_413fc6f897fb3d11.txt";

// The four articles of tests/data/dumps/news-styles.jsonl.
inline const std::string kBoosters =
    "https://www.huffpost.com/entry/covid-boosters-uptake-us_n_632d719ee4b087fae6feaac9";  // 2022-09-23 huffpost.com
inline const std::string kFoodSystem =
    "https://www.huffpost.com/entry/coronavirus-inequalities-food-system-marion-nestle_n_5e82f437c5b6d38d98a40c8e";
                                                                                     // 2020-04-13 huffpost.com
inline const std::string kExchangeHack =
    "https://www.scmp.com/news/china/article/3141661/"
    "us-britain-and-eu-blame-china-microsoft-exchange-email-server-hack";  // 2021-07-19 scmp.com
inline const std::string kHealthSuit = "17283";                            // 2016-12-31 New York Times

// Indexes `inputs` into a new index under `dir`; fails the test if newsindex does.
inline std::string build_index(const TempDir& dir, const std::vector<std::string>& inputs) {
    std::vector<std::string> arguments{"--db", dir / "index"};
    arguments.insert(arguments.end(), inputs.begin(), inputs.end());
    auto result = run(newsindex(), arguments);
    INFO("newsindex stderr: " << result.err);
    REQUIRE(result.exit_code == 0);
    return dir / "index";
}

// The seed articles, named one by one: corpus/ may hold other files.
inline const std::string& seed_search_index() {
    static TempDir dir;
    static std::string db = build_index(dir, {(source_dir() / "corpus" / kFox).string(),
                                              (source_dir() / "corpus" / kCnet).string(),
                                              (source_dir() / "corpus" / kScmp).string()});
    return db;
}

inline const std::string& dumps_search_index() {
    static TempDir dir;
    static std::string db = build_index(dir, {(source_dir() / "tests/data/dumps/news-styles.jsonl").string()});
    return db;
}

inline std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
}

inline std::vector<std::string> split(const std::string& line, char separator) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t end; (end = line.find(separator, start)) != std::string::npos; start = end + 1)
        out.push_back(line.substr(start, end - start));
    out.push_back(line.substr(start));
    return out;
}

// `newssearch --db DB ARGS...` (any format), which must exit 0 or 1.
inline ProcessResult search(const std::string& db, const std::vector<std::string>& arguments) {
    std::vector<std::string> all{"--db", db};
    all.insert(all.end(), arguments.begin(), arguments.end());
    auto result = run(newssearch(), all);
    INFO("newssearch stderr: " << result.err);
    REQUIRE(result.exit_code <= 1);
    return result;
}

// The exact number of matches by `newssearch --count` (text: a bare number).
inline long count_of(const std::string& db, const std::vector<std::string>& arguments) {
    std::vector<std::string> all{"--count"};
    all.insert(all.end(), arguments.begin(), arguments.end());
    auto result = search(db, all);
    CHECK(result.exit_code == (result.out == "0\n" ? 1 : 0));
    return std::stol(result.out);
}

}  // namespace e2e
