// spelling_words.cc — reads the spelling table through Xapian's own iterator.
#include "spelling_words.h"

namespace test_support {

SpellingWords spelling_words(const Xapian::Database& database) {
    SpellingWords words;
    for (auto word = database.spellings_begin(); word != database.spellings_end(); ++word)
        words[*word] = word.get_termfreq();
    return words;
}

}  // namespace test_support
