// article_generator.cc — stories, their near-duplicates, and the words they are made of.
#include "article_generator.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "calendar.h"

namespace newsarchive::corpus {

namespace {

constexpr std::size_t kRecentStories = 1000;
constexpr std::size_t kTopicWords = 8;
// Ranks below this are the English function words of vocabulary.cc: not
// topic words, and mostly left out of headlines.
constexpr std::size_t kFirstContentRank = 120;
constexpr std::size_t kHeadlineSkipsRanksBelow = 30;
constexpr double kOutletExponent = 0.8;
const int kFirstDay = days_from_civil(2000, 1, 1);
const int kLastDay = days_from_civil(2024, 12, 31);

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

void capitalise_from(std::string& text, std::size_t position) {
    if (position < text.size() && text[position] >= 'a' && text[position] <= 'z')
        text[position] = static_cast<char>(text[position] - 'a' + 'A');
}

void check(const CorpusOptions& options) {
    if (!(options.near_duplicate_share >= 0 && options.near_duplicate_share <= 1))
        throw std::invalid_argument("the near-duplicate share must be between 0 and 1");
    if (options.vocabulary <= kFirstContentRank)
        throw std::invalid_argument("the vocabulary needs more than " + std::to_string(kFirstContentRank) + " words");
    if (options.outlets < 2 || options.authors < options.outlets)
        throw std::invalid_argument("need at least two outlets and one author per outlet");
}

}  // namespace

ArticleGenerator::ArticleGenerator(const CorpusOptions& options)
    : options_((check(options), options)),
      random_(options.seed),
      words_(make_words(options.vocabulary, random_)),
      people_(make_person_names(options.authors, random_)),
      outlets_(make_outlets(options.outlets, random_)),
      word_ranks_(options.vocabulary, options.zipf_exponent),
      outlet_ranks_(options.outlets, kOutletExponent),
      staff_per_outlet_(options.authors / options.outlets),
      recent_(kRecentStories) {}

const GeneratedArticle& ArticleGenerator::next() {
    article_.id = 'n' + std::to_string(options_.seed) + '-' + std::to_string(produced_++);
    std::size_t outlet = outlet_ranks_.draw(random_);
    if (originals_ > 0 && random_.chance(options_.near_duplicate_share)) {
        const Story& original = recent_[random_.below(std::min<std::uint64_t>(originals_, kRecentStories))];
        write_near_duplicate(original, outlet);
    } else {
        int day = static_cast<int>(random_.between(kFirstDay, kLastDay));
        write_original(outlet, day);
        Story& kept = recent_[originals_++ % kRecentStories];
        kept.article = article_;
        kept.day = day;
        kept.outlet = outlet;
    }
    return article_;
}

void ArticleGenerator::write_original(std::size_t outlet, int day) {
    draw_topic();
    article_.title.clear();
    append_title();
    article_.body.clear();
    double words = std::round(random_.log_normal(options_.median_body_words, options_.body_words_sigma));
    append_body(static_cast<std::size_t>(std::clamp(words, 20.0, 50 * options_.median_body_words)));
    draw_authors(outlet, article_.authors);
    article_.story = article_.id;
    finish(outlet, day);
}

void ArticleGenerator::write_near_duplicate(const Story& original, std::size_t outlet) {
    while (outlet == original.outlet) outlet = outlet_ranks_.draw(random_);
    article_.title = edited(original.article.title, 1.0 / 12);
    article_.body = edited(original.article.body, 1.0 / 50);
    if (random_.chance(0.3)) {
        if (auto last_break = article_.body.rfind("\n\n"); last_break != std::string::npos)
            article_.body.resize(last_break);
    }
    if (random_.chance(0.3)) {
        article_.body += "\n\nThis story was first published by ";
        article_.body += outlets_[original.outlet].name;
        article_.body += '.';
    }
    if (random_.chance(0.5)) article_.authors = original.article.authors;
    else draw_authors(outlet, article_.authors);
    article_.story = original.article.id;
    finish(outlet, std::min(kLastDay, original.day + static_cast<int>(random_.between(0, 3))));
}

// Date, outlet and URL: https://www.<domain>/<yyyy>/<mm>/<dd>/<first title words>-<number>.
void ArticleGenerator::finish(std::size_t outlet, int day) {
    article_.date = iso_date(day);
    article_.source = outlets_[outlet].name;
    std::string& url = article_.url;
    url = "https://www.";
    url += outlets_[outlet].domain;
    url += '/';
    for (char c : article_.date) url += c == '-' ? '/' : c;
    url += '/';
    int slug_words = 0;
    bool in_word = false;
    for (char c : article_.title) {
        if (is_letter(c)) {
            if (!in_word && slug_words++ == 6) break;
            in_word = true;
            url += static_cast<char>(c | 0x20);  // ASCII lower case
        } else if (in_word) {
            in_word = false;
            url += '-';
        }
    }
    if (url.back() != '-') url += '-';
    url += article_.id.substr(article_.id.find('-') + 1);
}

void ArticleGenerator::draw_topic() {
    topic_.clear();
    while (topic_.size() < kTopicWords) {
        std::size_t rank = word_ranks_.draw(random_);
        std::string_view word = words_[rank];
        if (rank >= kFirstContentRank && std::find(topic_.begin(), topic_.end(), word) == topic_.end())
            topic_.push_back(word);
    }
}

void ArticleGenerator::append_title() {
    auto length = random_.between(6, 14);
    std::size_t next_topic_word = 0;  // topic_ is in random order; taking it in turn avoids repeats
    for (std::int64_t i = 0; i < length; ++i) {
        if (i) article_.title += ' ';
        if (random_.chance(0.5)) {
            article_.title += topic_[next_topic_word++ % topic_.size()];
            continue;
        }
        std::size_t rank = word_ranks_.draw(random_);
        while (rank < kHeadlineSkipsRanksBelow && random_.chance(0.8)) rank = word_ranks_.draw(random_);
        article_.title += words_[rank];
    }
    capitalise_from(article_.title, 0);
}

void ArticleGenerator::append_body(std::size_t words) {
    std::size_t written = 0;
    while (written < words) {
        if (!article_.body.empty()) article_.body += "\n\n";
        auto sentences = random_.between(1, 4);
        for (std::int64_t s = 0; s < sentences && written < words; ++s) {
            if (s) article_.body += ' ';
            std::size_t before = article_.body.size();
            append_sentence(article_.body);
            written += static_cast<std::size_t>(std::count(article_.body.begin() + static_cast<std::ptrdiff_t>(before),
                                                           article_.body.end(), ' ')) + 1;
        }
    }
}

void ArticleGenerator::append_sentence(std::string& out) {
    bool quote = random_.chance(0.05);
    if (quote) out += '"';
    std::size_t start = out.size();
    auto length = random_.between(6, 30);
    for (std::int64_t i = 0; i < length; ++i) {
        if (i) out += i + 1 < length && random_.chance(0.07) ? ", " : " ";
        append_word(out);
    }
    capitalise_from(out, start);
    if (quote) {
        out += ",\" said ";
        out += people_[random_.below(people_.size())];
    }
    out += '.';
}

void ArticleGenerator::append_word(std::string& out) {
    double kind = random_.uniform();
    if (kind < 0.1) out += topic_[random_.below(topic_.size())];
    else if (kind < 0.1 + 1.0 / 70) append_number(out);
    else out += zipf_word();
}

// Years, counts and decimals: numbers make a term vocabulary that keeps growing.
void ArticleGenerator::append_number(std::string& out) {
    switch (random_.below(3)) {
        case 0: out += std::to_string(random_.between(1950, 2024)); break;
        case 1: out += std::to_string(random_.between(2, 99999)); break;
        default:
            out += std::to_string(random_.between(0, 99));
            out += '.';
            out += std::to_string(random_.between(1, 9));
    }
}

std::string_view ArticleGenerator::zipf_word() { return words_[word_ranks_.draw(random_)]; }

void ArticleGenerator::draw_authors(std::size_t outlet, std::vector<std::string>& authors) {
    double r = random_.uniform();
    std::size_t count = r < 0.05 ? 0 : r < 0.80 ? 1 : r < 0.95 ? 2 : 3;
    authors.clear();
    // Consecutive members of the staff (wrapping round) are distinct people.
    std::size_t first = random_.below(staff_per_outlet_);
    for (std::size_t i = 0; i < count && i < staff_per_outlet_; ++i)
        authors.push_back(people_[outlet * staff_per_outlet_ + (first + i) % staff_per_outlet_]);
}

// Replaces each word (a run of ASCII letters) with a random one with the given
// probability, keeping a capital initial.
std::string ArticleGenerator::edited(std::string_view text, double replace_probability) {
    std::string out;
    out.reserve(text.size() + 64);
    for (std::size_t i = 0; i < text.size();) {
        if (!is_letter(text[i])) {
            out += text[i++];
            continue;
        }
        std::size_t end = i;
        while (end < text.size() && is_letter(text[end])) ++end;
        if (random_.chance(replace_probability)) {
            std::size_t start = out.size();
            out += zipf_word();
            if (text[i] >= 'A' && text[i] <= 'Z') capitalise_from(out, start);
        } else {
            out.append(text, i, end - i);
        }
        i = end;
    }
    return out;
}

}  // namespace newsarchive::corpus
