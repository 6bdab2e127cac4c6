// spelling_words.h — a database's spelling dictionary as a map, for tests to compare.
#pragma once

#include <map>
#include <string>

#include <xapian.h>

namespace test_support {

using SpellingWords = std::map<std::string, Xapian::termcount>;

// Every spelling word of `database` (all its shards, counts added up) with its frequency.
SpellingWords spelling_words(const Xapian::Database& database);

}  // namespace test_support
