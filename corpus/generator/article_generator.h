// article_generator.h — a deterministic stream of news-like articles.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "generated_article.h"
#include "random.h"
#include "vocabulary.h"
#include "zipf.h"

namespace newsarchive::corpus {

struct CorpusOptions {
    std::uint64_t seed = 1;
    // Share of articles that re-publish a recent story from another outlet
    // with small edits; 0 to 1.
    double near_duplicate_share = 0.1;
    std::size_t vocabulary = 50000;
    double zipf_exponent = 1.07;
    std::size_t outlets = 200;
    std::size_t authors = 5000;  // split evenly between the outlets' staffs
    // Body length in words is log-normal: 600 words make about 3.5 KB.
    double median_body_words = 600;
    double body_words_sigma = 0.5;
};

// Articles come out one at a time and nothing is kept but a window of recent
// stories, so any number can be streamed in constant memory. The same options
// give the same articles on every platform (see random.h), and article i
// depends only on the options and the articles before it: the first N
// articles of a bigger corpus are exactly the corpus of N articles.
//
// What an article looks like:
//  - title: 6 to 14 words, few function words, half of them the story's
//    topic words;
//  - body: paragraphs of 1 to 4 sentences of 6 to 30 words; one word in ten
//    is one of the story's eight topic words, one in seventy a number, the
//    rest Zipf-distributed over the vocabulary; one sentence in twenty is a
//    quote attributed to a person;
//  - date: uniform over 2000-01-01 .. 2024-12-31;
//  - outlet: Zipf (exponent 0.8) over the outlets, so a few are big;
//  - authors: 0 (5%), 1 (75%), 2 (15%) or 3 (5%) of the outlet's staff.
// A near-duplicate re-publishes one of the last 1,000 original stories in
// another outlet, 0 to 3 days later: about one word in fifty (one in twelve
// in the title) replaced, the last paragraph dropped in 30% of cases, a
// credit line added in 30%, the original byline kept in half.
class ArticleGenerator {
public:
    // Throws std::invalid_argument for options out of range.
    explicit ArticleGenerator(const CorpusOptions& options);

    // The next article; valid until the next call.
    const GeneratedArticle& next();

    const std::vector<std::string>& words() const { return words_; }

private:
    struct Story {
        GeneratedArticle article;
        int day = 0;
        std::size_t outlet = 0;
    };

    void write_original(std::size_t outlet, int day);
    void write_near_duplicate(const Story& original, std::size_t outlet);
    void finish(std::size_t outlet, int day);

    void draw_topic();
    void append_title();
    void append_body(std::size_t words);
    void append_sentence(std::string& out);
    void append_word(std::string& out);
    void append_number(std::string& out);
    std::string_view zipf_word();
    void draw_authors(std::size_t outlet, std::vector<std::string>& authors);
    std::string edited(std::string_view text, double replace_probability);

    CorpusOptions options_;
    Random random_;
    std::vector<std::string> words_;
    std::vector<std::string> people_;  // authors first, by outlet; all of them are quoted too
    std::vector<Outlet> outlets_;
    ZipfTable word_ranks_;
    ZipfTable outlet_ranks_;
    std::size_t staff_per_outlet_;
    std::vector<std::string_view> topic_;  // the current story's topic words

    std::uint64_t produced_ = 0;
    std::vector<Story> recent_;  // ring buffer of original stories
    std::uint64_t originals_ = 0;
    GeneratedArticle article_;
};

}  // namespace newsarchive::corpus
