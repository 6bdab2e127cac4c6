// stop_words.cc — the built-in English list and stop-word files.
#include "stop_words.h"

#include <algorithm>
#include <fstream>
#include <span>
#include <stdexcept>

namespace newsarchive {

namespace {

// Snowball's English stop list (snowballstem.org), less its contractions:
// the query parser splits "don't" into words anyway.
constexpr std::string_view kEnglish[]{
    "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "as", "at",
    "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "could", "did", "do",
    "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have", "having",
    "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "itself", "me", "more", "most", "my", "myself", "no", "nor", "not", "of", "off", "on", "once", "only",
    "or", "other", "ought", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these",
    "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what",
    "when", "where", "which", "while", "who", "whom", "why", "with", "would", "you", "your", "yours", "yourself",
    "yourselves"};
static_assert(std::ranges::is_sorted(kEnglish), "binary search needs kEnglish sorted");

// A built-in list searched where it lies: a SimpleStopper copies each word
// into a std::set first, about 4% of a one-shot search's instructions.
class BuiltInStopper : public Xapian::Stopper {
public:
    explicit BuiltInStopper(std::span<const std::string_view> sorted_words) : words_(sorted_words) {}
    bool operator()(const std::string& term) const override { return std::ranges::binary_search(words_, term); }
    std::string get_description() const override { return "BuiltInStopper(" + std::to_string(words_.size()) + ")"; }

private:
    std::span<const std::string_view> words_;
};

}  // namespace

std::string default_stop_list(std::string_view index_language) {
    return index_language == "english" || index_language == "en" ? "english" : "none";
}

std::unique_ptr<Xapian::Stopper> load_stop_list(const std::string& name) {
    if (name == "none") return nullptr;
    if (name == "english") return std::make_unique<BuiltInStopper>(kEnglish);
    auto stopper = std::make_unique<Xapian::SimpleStopper>();
    std::ifstream file(name);
    if (!file) throw std::invalid_argument("--stopwords: cannot read '" + name + "' (english, none or a file)");
    for (std::string line; std::getline(file, line);) {
        line = line.substr(0, line.find('#'));
        auto start = line.find_first_not_of(" \t\r");
        if (start == std::string::npos) continue;
        stopper->add(line.substr(start, line.find_last_not_of(" \t\r") - start + 1));
    }
    return stopper;
}

}  // namespace newsarchive
