// spelling.cc — a merge of the free-text terms of some shards with one shard's spelling words.
#include "spelling.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "schema.h"

namespace newsarchive {

namespace {

using SpellingChange = std::pair<std::string, std::int64_t>;  // word, frequency to add (or take away)

// The first byte after every prefix's capital: skipping to it passes over
// all prefixed terms at once.
constexpr const char* kAfterPrefixes = "[";

// Compares the free-text terms of `terms` and the spelling words of `words`
// from `from` on, until `limit` differences are found or both lists end.
// Returns the differences and the word to resume from (empty: both lists ended).
std::pair<std::vector<SpellingChange>, std::string> differences(const Xapian::Database& terms,
                                                                const Xapian::Database& words,
                                                                const std::string& from, std::size_t limit) {
    std::vector<SpellingChange> changes;
    Xapian::TermIterator term = terms.allterms_begin(), terms_end = terms.allterms_end();
    Xapian::TermIterator word = words.spellings_begin(), words_end = words.spellings_end();
    auto next_free_text_term = [&] {
        if (term != terms_end && !schema::is_free_text_term(*term)) term.skip_to(kAfterPrefixes);
    };
    if (!from.empty()) {  // skip_to("") would pass over the first term
        term.skip_to(from);
        word.skip_to(from);
    }
    next_free_text_term();
    while (term != terms_end || word != words_end) {
        int order = term == terms_end ? 1 : word == words_end ? -1 : (*term).compare(*word);
        std::string current = order <= 0 ? *term : *word;
        if (changes.size() == limit) return {std::move(changes), current};
        std::int64_t wanted = order <= 0 ? terms.get_collection_freq(current) : 0;
        std::int64_t held = order >= 0 ? word.get_termfreq() : 0;
        // Xapian keeps no one-byte words ("a", "1"): never a change to make.
        if (wanted != held && current.size() > 1) changes.emplace_back(current, wanted - held);
        if (order <= 0) {
            ++term;
            next_free_text_term();
        }
        if (order >= 0) ++word;
    }
    return {std::move(changes), ""};
}

}  // namespace

void update_spelling(Xapian::WritableDatabase& target, const Xapian::Database& words_from,
                     const std::function<void()>& after_commit, std::size_t changes_per_commit) {
    changes_per_commit = std::max<std::size_t>(1, changes_per_commit);
    std::string from;
    do {
        auto [changes, resume] = differences(words_from, target, from, changes_per_commit);
        for (const auto& [word, change] : changes) {
            if (change > 0) target.add_spelling(word, static_cast<Xapian::termcount>(change));
            else target.remove_spelling(word, static_cast<Xapian::termcount>(-change));
        }
        if (!changes.empty()) {
            target.commit();
            if (after_commit) after_commit();
        }
        from = std::move(resume);
    } while (!from.empty());
}

}  // namespace newsarchive
