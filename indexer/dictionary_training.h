// dictionary_training.h — holding back an index's first articles to train its zstd dictionary.
//
// Short news articles compress poorly one by one: most of what zstd could
// reuse is in other articles. A dictionary trained on a sample of the
// collection gives each article that shared context back (docs/performance.md
// has the figures). An index without a dictionary holds back the first
// articles of a run, trains on them, and stores them and all later ones with
// it; an index that has one keeps using it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "article.h"
#include "store.h"

namespace newsarchive {

class DictionaryTraining {
public:
    // Enough for a dictionary that serves a whole collection; holding them
    // costs memory and delays the first commit, so no more.
    static constexpr std::size_t kMaxArticles = 4000;
    static constexpr std::size_t kMaxBytes = std::size_t{16} << 20;

    // Holds up to `max_articles` articles or kMaxBytes of their stored form.
    explicit DictionaryTraining(std::size_t max_articles = kMaxArticles) : max_articles_(max_articles) {}

    // Holds the article; true once enough are held to train.
    bool hold(Article&& article);

    // A dictionary with `id` trained on the held articles, or nullopt when
    // they are too few (fewer than kMinimumArticles) or zstd cannot train on them.
    std::optional<StoreDictionary> train(std::uint32_t id) const;

    // Hands back the held articles, in the order they came.
    std::vector<Article> release();

    bool empty() const { return held_.empty(); }

    // Below this, a run's articles are stored without a dictionary, and the
    // next run tries again: a dictionary of a handful of articles would fit
    // them and nothing else.
    static constexpr std::size_t kMinimumArticles = 200;

private:
    std::size_t max_articles_;
    std::size_t bytes_ = 0;
    std::vector<Article> held_;
    std::vector<std::string> samples_;
};

}  // namespace newsarchive
