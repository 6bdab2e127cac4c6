// stop_words.h — the stop lists newssearch can leave out of queries.
//
// Stop words are dropped from queries only, never from the index: a quoted
// phrase still matches them ("the who"), and a query of nothing but stop
// words keeps them (Xapian's QueryParser does not stop a query to nothing).
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsarchive {

// The name newssearch uses when --stopwords is not given: "english" for an
// index in English, else "none" (no other built-in list yet).
std::string default_stop_list(std::string_view index_language);

// "english" (Snowball's English list), "none" (nullptr), or the path of a
// file of stop words, one per line ('#' starts a comment). Throws
// std::invalid_argument naming the file when it cannot be read.
std::unique_ptr<Xapian::Stopper> load_stop_list(const std::string& name);

}  // namespace newsarchive
