// spelling.h — the spelling dictionary behind newssearch's "Did you mean".
#pragma once

#include <cstddef>
#include <functional>

#include <xapian.h>

namespace newsarchive {

// Makes the spelling dictionary of `target` say what the committed articles
// of `words_from` hold: every word of free text (schema::is_free_text_term)
// longer than one byte (Xapian keeps no shorter words) with its collection
// frequency, the sum of its within-document frequencies (so title words
// count more), and no word that no article has any more.
//
// An index keeps its dictionary in its first shard alone, counted over all
// its shards (IndexWriter::update_spelling): a search merges the spelling
// data of all the shards it opens, and a copy in every shard made each
// suggestion walk the same word lists once per shard (two shards: 0.53 ms a
// word against 0.30 ms for one) and each run rewrite every copy. An empty
// `words_from` (Xapian::Database()) empties `target`'s dictionary.
//
// The dictionary is derived data, brought up to date once per indexing run
// rather than at every commit: Xapian rewrites a spelling fragment's whole
// word list each time a commit adds a word to it, and spelling data kept
// per commit added 30% to the baseline's indexing instructions
// (docs/performance.md). Comparing the two sorted word lists costs a look-up
// per word of the vocabulary, and repairs whatever an earlier run that was
// cut short left undone.
//
// Commits `target` in steps of `changes_per_commit` changed words, so that
// Xapian's buffered spelling changes stay bounded, calling `after_commit`
// (may be empty) after each. `target` may be part of `words_from`: a commit
// of spelling data leaves the word lists alone. Throws Xapian::Error.
void update_spelling(Xapian::WritableDatabase& target, const Xapian::Database& words_from,
                     const std::function<void()>& after_commit = {}, std::size_t changes_per_commit = 100000);

}  // namespace newsarchive
