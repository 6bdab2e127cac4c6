// dictionary_training.cc — samples are the articles' stored (MessagePack) form.
#include "dictionary_training.h"

#include <utility>

namespace newsarchive {

bool DictionaryTraining::hold(Article&& article) {
    samples_.push_back(stored_article_payload(article));
    bytes_ += samples_.back().size();
    held_.push_back(std::move(article));
    return held_.size() >= max_articles_ || bytes_ >= kMaxBytes;
}

std::optional<StoreDictionary> DictionaryTraining::train(std::uint32_t id) const {
    if (samples_.size() < kMinimumArticles) return std::nullopt;
    try {
        return StoreDictionary::train(id, samples_);
    } catch (const StoreError&) {
        return std::nullopt;  // zstd found nothing worth a dictionary: store without one
    }
}

std::vector<Article> DictionaryTraining::release() {
    samples_.clear();
    bytes_ = 0;
    return std::exchange(held_, {});
}

}  // namespace newsarchive
