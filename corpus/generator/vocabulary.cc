// vocabulary.cc — syllable words, inflection families, names and outlets.
#include "vocabulary.h"

#include <array>
#include <string_view>
#include <unordered_set>

namespace newsarchive::corpus {

namespace {

// The most frequent words of English news text, roughly in frequency order.
constexpr std::array<std::string_view, 120> kEnglishHead{
    "the", "of", "to", "and", "a", "in", "that", "for", "is", "on", "said", "with", "was", "he", "it", "as",
    "at", "by", "his", "from", "be", "have", "has", "but", "are", "an", "not", "they", "who", "were", "this",
    "will", "had", "their", "would", "been", "after", "its", "or", "which", "more", "about", "one", "she",
    "new", "also", "her", "year", "when", "two", "up", "than", "there", "we", "out", "all", "people", "over",
    "could", "into", "last", "first", "some", "other", "no", "can", "if", "so", "years", "time", "what",
    "government", "just", "only", "them", "him", "before", "now", "because", "state", "may", "like", "three",
    "while", "most", "where", "police", "made", "our", "against", "do", "any", "week", "told", "since", "city",
    "public", "officials", "former", "under", "million", "percent", "during", "through", "president",
    "should", "back", "country", "those", "many", "day", "still", "between", "say", "national", "including",
    "minister", "company", "according", "report",
};

constexpr std::array<std::string_view, 24> kOnsets{"b",  "c",  "d",  "f",  "g",  "h",  "k",  "l",
                                                   "m",  "n",  "p",  "r",  "s",  "t",  "v",  "z",
                                                   "br", "dr", "gr", "pr", "st", "tr", "ch", "sh"};
constexpr std::array<std::string_view, 8> kVowels{"a", "e", "i", "o", "u", "a", "e", "ou"};
constexpr std::array<std::string_view, 10> kCodas{"", "", "", "n", "r", "l", "s", "m", "nd", "st"};
// Suffixes English stemmers remove, so a family shares one stem.
constexpr std::array<std::string_view, 10> kInflections{"s", "ed", "ing", "er", "ers", "ly", "ment", "ness", "ation", "es"};
constexpr std::array<std::string_view, 16> kMastheads{"Herald",   "Times",    "Post",     "Gazette",
                                                      "Tribune",  "Chronicle", "Observer", "Courier",
                                                      "Journal",  "Ledger",   "Standard", "Sentinel",
                                                      "Dispatch", "Express",  "Review",   "News"};

template <std::size_t N>
std::string_view pick(const std::array<std::string_view, N>& options, Random& random) {
    return options[random.below(N)];
}

std::string syllables(int count, Random& random) {
    std::string word;
    for (int i = 0; i < count; ++i) {
        word += pick(kOnsets, random);
        word += pick(kVowels, random);
        if (random.chance(0.4)) word += pick(kCodas, random);
    }
    return word;
}

std::string capitalised(std::string word) {
    if (!word.empty() && word[0] >= 'a' && word[0] <= 'z') word[0] = static_cast<char>(word[0] - 'a' + 'A');
    return word;
}

// Frequent words are short (Zipf's law of abbreviation).
int syllable_count(std::size_t rank, Random& random) {
    if (rank < 1000) return static_cast<int>(random.between(1, 2));
    if (rank < 10000) return static_cast<int>(random.between(1, 3));
    return static_cast<int>(random.between(2, 3));
}

}  // namespace

std::vector<std::string> make_words(std::size_t count, Random& random) {
    std::vector<std::string> words;
    std::unordered_set<std::string> taken;
    std::vector<std::size_t> stems;  // indexes into words of lower-case stems, for inflection
    for (auto word : kEnglishHead) {
        if (words.size() == count) return words;
        words.emplace_back(word);
        taken.emplace(word);
    }
    while (words.size() < count) {
        std::string word;
        bool is_stem = false;
        // Inflected forms follow their stem in rank: families thin out like real ones.
        if (!stems.empty() && random.chance(0.35)) {
            word = words[stems[random.below(stems.size())]];
            word += pick(kInflections, random);
        } else {
            word = syllables(syllable_count(words.size(), random), random);
            if (random.chance(1.0 / 12)) word = capitalised(std::move(word));
            else is_stem = true;
        }
        if (!taken.insert(word).second) continue;
        if (is_stem) stems.push_back(words.size());
        words.push_back(std::move(word));
    }
    return words;
}

std::vector<std::string> make_person_names(std::size_t count, Random& random) {
    std::vector<std::string> names;
    std::unordered_set<std::string> taken;
    while (names.size() < count) {
        // Two statements: the operands of + may be evaluated in either order,
        // and compilers differ, which would change the names.
        std::string name = capitalised(syllables(static_cast<int>(random.between(1, 2)), random));
        name += ' ' + capitalised(syllables(static_cast<int>(random.between(2, 3)), random));
        if (taken.insert(name).second) names.push_back(std::move(name));
    }
    return names;
}

std::vector<Outlet> make_outlets(std::size_t count, Random& random) {
    std::vector<Outlet> outlets;
    std::unordered_set<std::string> taken;
    while (outlets.size() < count) {
        std::string place = syllables(static_cast<int>(random.between(2, 3)), random);
        std::string masthead{pick(kMastheads, random)};
        Outlet outlet;
        outlet.name = (random.chance(0.4) ? "The " : "") + capitalised(place) + ' ' + masthead;
        outlet.domain = place + masthead + ".com";
        for (auto& c : outlet.domain)
            if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (taken.insert(outlet.domain).second) outlets.push_back(std::move(outlet));
    }
    return outlets;
}

}  // namespace newsarchive::corpus
