// spelling.h — the spelling dictionary behind newssearch's "Did you mean".
#pragma once

#include <cstddef>

#include <xapian.h>

namespace newsarchive {

// Makes the spelling dictionary of `database` say what its committed
// articles hold: every word of free text (schema::is_free_text_term) longer
// than one byte (Xapian keeps no shorter words) with its collection
// frequency, the sum of its within-document frequencies (so title words
// count more), and no word that no article has any more.
//
// The dictionary is derived data, brought up to date once per indexing run
// rather than at every commit: Xapian rewrites a spelling fragment's whole
// word list each time a commit adds a word to it, and spelling data kept
// per commit added 30% to the baseline's indexing instructions
// (docs/performance.md). Comparing the two sorted word lists costs a look-up
// per word of the vocabulary, and repairs whatever an earlier run that was
// cut short left undone.
//
// Commits in steps of `changes_per_commit` changed words, so that Xapian's
// buffered spelling changes stay bounded. Throws Xapian::Error.
void update_spelling(Xapian::WritableDatabase& database, std::size_t changes_per_commit = 100000);

}  // namespace newsarchive
