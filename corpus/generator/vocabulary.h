// vocabulary.h — the words, people and outlets of a synthetic news language.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "random.h"

namespace newsarchive::corpus {

// Words in rank order (most frequent first). The first ranks are real English
// function and news words, so phrase queries meet very common terms as they
// would in English text; the rest are made of syllables, so they read as
// words, and about a third are inflected forms (-s, -ed, -ing, -er, -ly, ...)
// of earlier stems, so stemming has work to do and merges real families.
// About one in twelve stems is a proper noun, written capitalised (which
// Xapian's STEM_SOME leaves unstemmed). All words are distinct ASCII.
std::vector<std::string> make_words(std::size_t count, Random& random);

// `count` distinct "First Last" names.
std::vector<std::string> make_person_names(std::size_t count, Random& random);

struct Outlet {
    std::string name;    // "The Varona Herald"
    std::string domain;  // "varonaherald.com"
};

// `count` outlets with distinct names and domains.
std::vector<Outlet> make_outlets(std::size_t count, Random& random);

}  // namespace newsarchive::corpus
