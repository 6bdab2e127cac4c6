// store.h — the article as kept in a Xapian document's data, zstd-compressed.
//
// Keeping it in the document data means Xapian commits it in the same
// transaction as the article's terms: they can never disagree after a crash.
//
// Layout: one format byte (kStoreFormat), a varint zstd dictionary id (0: no
// dictionary), then one zstd frame holding the fields as a MessagePack map.
// The dictionary id leaves room for trained dictionaries living side by side.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

#include "article.h"

namespace newsarchive {

inline constexpr unsigned char kStoreFormat = 1;

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Every field of `article`. `body` and `text` usually share most of their
// bytes; they sit in one zstd frame, which stores the repeat as a reference.
std::string encode_stored_article(const Article& article);

// The inverse of encode_stored_article. Throws StoreError on data this
// version cannot read. Safe to call from several threads at once.
Article decode_stored_article(std::string_view data);

}  // namespace newsarchive
