// make_queries.cc — bench-make-queries: a mixed query set drawn from a JSON-lines corpus.
//
// Reads the first --sample articles of CORPUS (keys title, body, date,
// source, authors, as generate-corpus writes them) and writes --count lines
// "KIND<TAB>QUERY" to stdout, in shuffled order:
//   word     one word: 20% of the set, split between very common (document-
//            frequency ranks 1-20), common (21-300), medium (301-3000) and
//            rare (beyond, in at least two sampled articles) words
//   and      two or three words, all required (10%)
//   phrase   "two or three" consecutive words of a body (20%)
//   boolean  a OR b, a AND NOT b, (a OR b) AND c, a NOT b (15%)
//   field    title:word, title:"two words", source:word, author:name (15%)
//   date     date:Y-01-01..Y-12-31 word, a month with two words, or an open
//            end (10%)
//   sorted   one or two words, to be run ordered by date (10%)
// Words keep the case they have in the text when they never appear in lower
// case (proper nouns): Xapian's STEM_SOME indexes capitalised words
// unstemmed only, and a lower-case query word is looked up stemmed.
// The same corpus, count and seed give the same queries.
#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "random.h"

namespace po = boost::program_options;
using newsarchive::corpus::Random;

namespace {

struct Token {
    std::string text;
    bool follows_space = false;  // only one space since the previous word: same clause
};

// Words as Xapian's TermGenerator sees them: runs of Unicode word characters,
// with an apostrophe inside a word kept (don't), so that phrases taken from
// the text match what was indexed.
std::vector<Token> tokens(const std::string& text) {
    std::vector<Token> out;
    std::string word, gap;  // gap: what lies between the previous word and this one
    auto finish_word = [&] {
        if (word.empty()) return;
        out.push_back({word, !out.empty() && gap == " "});
        word.clear();
        gap.clear();
    };
    for (Xapian::Utf8Iterator it(text), end; it != end; ++it) {
        unsigned character = *it;
        if (Xapian::Unicode::is_wordchar(character)) {
            Xapian::Unicode::append_utf8(word, character);
            continue;
        }
        if ((character == '\'' || character == 0x2019) && !word.empty()) {
            Xapian::Utf8Iterator next = it;
            if (++next != end && Xapian::Unicode::is_wordchar(*next)) {
                word += '\'';
                continue;
            }
        }
        finish_word();
        Xapian::Unicode::append_utf8(gap, character);
    }
    finish_word();
    return out;
}

std::string lower(const std::string& word) { return Xapian::Unicode::tolower(word); }

bool starts_with_capital(const std::string& word) {
    Xapian::Utf8Iterator it(word);
    if (it == Xapian::Utf8Iterator()) return false;
    auto category = Xapian::Unicode::get_category(*it);
    return category == Xapian::Unicode::UPPERCASE_LETTER || category == Xapian::Unicode::TITLECASE_LETTER;
}

std::string joined(const std::vector<Token>& words, std::size_t first, std::size_t count) {
    std::string out;
    for (std::size_t i = first; i < first + count; ++i) out += (out.empty() ? "" : " ") + lower(words[i].text);
    return out;
}

// A window of `count` words of one clause, or "".
std::string window(const std::vector<Token>& words, std::size_t count, Random& random) {
    if (words.size() < count) return {};
    for (int attempt = 0; attempt < 8; ++attempt) {
        std::size_t first = random.below(words.size() - count + 1);
        bool one_clause = true;
        for (std::size_t i = first + 1; i < first + count; ++i) one_clause = one_clause && words[i].follows_space;
        if (one_clause) return joined(words, first, count);
    }
    return {};
}

std::string string_at(const nlohmann::json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

// What the sample says about the corpus.
class CorpusSample {
public:
    void add(const nlohmann::json& article, Random& random) {
        std::string title = string_at(article, "title"), body = string_at(article, "body");
        auto title_words = tokens(title), body_words = tokens(body);
        std::unordered_set<std::string> seen;
        for (const auto* words : {&title_words, &body_words}) {
            for (const auto& token : *words) {
                std::string key = lower(token.text);
                Word& word = words_[key];
                if (word.form.empty()) word.form = token.text;
                if (!starts_with_capital(token.text)) word.seen_in_lower_case = true;
                if (seen.insert(key).second) ++word.document_frequency;
            }
        }
        for (std::size_t length : {2, 3})
            if (auto phrase = window(body_words, length, random); !phrase.empty()) phrases_.push_back(phrase);
        if (auto phrase = window(title_words, 2, random); !phrase.empty()) title_phrases_.push_back(phrase);
        if (!title_words.empty()) title_words_.push_back(title_words[random.below(title_words.size())].text);
        if (auto source = string_at(article, "source"); !source.empty()) sources_.insert(source);
        if (auto authors = article.find("authors"); authors != article.end() && authors->is_array())
            for (const auto& author : *authors)
                if (author.is_string()) authors_.insert(author.get<std::string>());
        if (auto date = string_at(article, "date"); date.size() >= 4) years_.insert(std::stoi(date.substr(0, 4)));
    }

    // Ranks words by document frequency; call once, after the last add.
    void rank() {
        for (const auto& [key, word] : words_) ranked_.push_back(key);
        std::sort(ranked_.begin(), ranked_.end(), [&](const std::string& a, const std::string& b) {
            const Word &wa = words_.at(a), &wb = words_.at(b);
            return wa.document_frequency != wb.document_frequency ? wa.document_frequency > wb.document_frequency
                                                                  : a < b;
        });
        rare_end_ = ranked_.size();
        while (rare_end_ > 0 && words_.at(ranked_[rare_end_ - 1]).document_frequency < 2) --rare_end_;
    }

    // 0 very common, 1 common, 2 medium, 3 rare.
    std::string word(int frequency_class, Random& random) const {
        static constexpr std::size_t kBounds[] = {0, 20, 300, 3000};
        std::size_t begin = std::min(kBounds[frequency_class], rare_end_ - 1);
        std::size_t end = frequency_class == 3 ? rare_end_ : std::min(kBounds[frequency_class + 1], rare_end_);
        if (end <= begin) end = begin + 1;
        return query_form(ranked_[begin + random.below(end - begin)]);
    }
    std::string content_word(Random& random) const { return word(1 + static_cast<int>(random.below(2)), random); }

    std::string phrase(Random& random) const { return pick(phrases_, random); }
    std::string title_phrase(Random& random) const { return pick(title_phrases_, random); }
    std::string title_word(Random& random) const { return query_form(lower(pick(title_words_, random))); }
    // The longest word of an outlet's name ("The Varona Herald" -> Varona), as written.
    std::string source_word(Random& random) const {
        auto words = tokens(pick_from_set(sources_, random));
        if (words.empty()) return {};
        return std::max_element(words.begin(), words.end(), [](const Token& a, const Token& b) {
                   return a.text.size() < b.text.size();
               })->text;
    }
    std::string author_surname(Random& random) const {
        auto words = tokens(pick_from_set(authors_, random));
        return words.empty() ? std::string{} : words.back().text;
    }
    int year(Random& random) const {
        if (years_.empty()) return 2020;
        return static_cast<int>(random.between(*years_.begin(), *years_.rbegin()));
    }

    bool has_words() const { return rare_end_ > 0; }

private:
    struct Word {
        std::string form;  // as first seen
        std::size_t document_frequency = 0;
        bool seen_in_lower_case = false;
    };

    // A word written in capitals that spells an operator (OR, NOT) would be
    // read as one: such words go in lower case.
    std::string query_form(const std::string& key) const {
        static const std::set<std::string> kOperators{"and", "or", "not", "xor", "near", "adj"};
        const Word& word = words_.at(key);
        return word.seen_in_lower_case || kOperators.count(key) ? key : word.form;
    }
    static std::string pick(const std::vector<std::string>& from, Random& random) {
        return from.empty() ? std::string{} : from[random.below(from.size())];
    }
    static std::string pick_from_set(const std::set<std::string>& from, Random& random) {
        if (from.empty()) return {};
        return *std::next(from.begin(), static_cast<std::ptrdiff_t>(random.below(from.size())));
    }

    std::unordered_map<std::string, Word> words_;
    std::vector<std::string> ranked_;
    std::size_t rare_end_ = 0;  // ranked_[0, rare_end_) occur in at least two articles
    std::vector<std::string> phrases_, title_phrases_, title_words_;
    std::set<std::string> sources_, authors_;
    std::set<int> years_;
};

std::string two_digits(std::int64_t n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string make_query(const std::string& kind, const CorpusSample& sample, Random& random) {
    if (kind == "word") return sample.word(static_cast<int>(random.below(4)), random);
    // Each draw in a statement of its own: the operands of + may be evaluated
    // in either order, and compilers differ.
    if (kind == "and" || kind == "sorted") {
        std::string query = sample.content_word(random);
        query += ' ' + sample.word(2, random);
        if (kind == "and" && random.chance(0.5)) query += ' ' + sample.word(static_cast<int>(random.below(3)), random);
        return query;
    }
    if (kind == "phrase") return '"' + sample.phrase(random) + '"';
    if (kind == "boolean") {
        std::string a = sample.content_word(random), b = sample.content_word(random), c = sample.word(2, random);
        switch (random.below(4)) {
            case 0: return a + " OR " + b;
            case 1: return a + " AND NOT " + c;
            case 2: return '(' + a + " OR " + b + ") AND " + c;
            default: return a + " NOT " + b;
        }
    }
    if (kind == "field") {
        switch (random.below(4)) {
            case 0: return "title:" + sample.title_word(random);
            case 1: return "title:\"" + sample.title_phrase(random) + '"';
            case 2: return "source:" + sample.source_word(random);
            default: return "author:" + sample.author_surname(random);
        }
    }
    // date
    std::string year = std::to_string(sample.year(random));
    switch (random.below(3)) {
        case 0: return "date:" + year + "-01-01.." + year + "-12-31 " + sample.content_word(random);
        case 1: {
            std::string month = year + '-' + two_digits(random.between(1, 12));
            std::string query = "date:" + month + "-01.." + month + "-28 " + sample.content_word(random);
            return query + ' ' + sample.content_word(random);
        }
        default: return "date:" + year + "-01-01.. " + sample.word(2, random);
    }
}

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string corpus;
        std::size_t count = 200, sample_size = 20000;
        std::uint64_t seed = 1;
        po::options_description visible("Usage: bench-make-queries [options] CORPUS.jsonl\n\nOptions");
        visible.add_options()
            ("help,h", "show this help and exit")
            ("count", po::value(&count)->default_value(count), "number of queries")
            ("seed", po::value(&seed)->default_value(seed), "random seed")
            ("sample", po::value(&sample_size)->default_value(sample_size), "articles read from the start of CORPUS");
        po::options_description hidden;
        hidden.add_options()("corpus", po::value(&corpus)->required());
        po::options_description all;
        all.add(visible).add(hidden);
        po::positional_options_description positional;
        positional.add("corpus", 1);
        po::variables_map vm;
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::cout << visible << '\n';
            return 0;
        }
        po::notify(vm);

        std::ifstream in(corpus);
        if (!in) throw std::runtime_error("cannot read '" + corpus + "'");
        Random random(seed);
        CorpusSample sample;
        std::string line;
        for (std::size_t i = 0; i < sample_size && std::getline(in, line); ++i) {
            auto article = nlohmann::json::parse(line, nullptr, false);
            if (article.is_object()) sample.add(article, random);
        }
        sample.rank();
        if (!sample.has_words()) throw std::runtime_error("no word occurs in two articles of '" + corpus + "'");

        const std::vector<std::pair<std::string, double>> kMix{{"word", 0.20},    {"and", 0.10},  {"phrase", 0.20},
                                                               {"boolean", 0.15}, {"field", 0.15}, {"date", 0.10},
                                                               {"sorted", 0.10}};
        std::vector<std::string> lines;
        for (const auto& [kind, share] : kMix) {
            auto wanted = static_cast<std::size_t>(share * static_cast<double>(count) + 0.5);
            for (std::size_t made = 0, attempts = 0; made < wanted && attempts < 20 * wanted; ++attempts) {
                std::string query = make_query(kind, sample, random);
                // A part the sample could not supply (no authors, no phrases) leaves a gap: draw again.
                if (query.empty() || query.find("\"\"") != std::string::npos || query.back() == ':') continue;
                lines.push_back(kind + '\t' + query);
                ++made;
            }
        }
        for (std::size_t i = lines.size(); i > 1; --i) std::swap(lines[i - 1], lines[random.below(i)]);
        for (const auto& query : lines) std::cout << query << '\n';
        return 0;
    } catch (const po::error& e) {
        std::cerr << "bench-make-queries: " << e.what() << " (try --help)\n";
    } catch (const std::exception& e) {
        std::cerr << "bench-make-queries: " << e.what() << '\n';
    }
    return 2;
}
