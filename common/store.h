// store.h — the article as kept in a Xapian document's data, zstd-compressed.
//
// Keeping it in the document data means Xapian commits it in the same
// transaction as the article's terms: they can never disagree after a crash.
//
// Layout: one format byte (kStoreFormat), the id of the zstd dictionary used
// as a LEB128 varint (0: none), then one zstd frame, with checksum, holding
// the fields as a MessagePack map. Dictionaries live in the index metadata
// under their id, so dictionaries trained later coexist with older ones.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "article.h"

namespace newsarchive {

inline constexpr unsigned char kStoreFormat = 1;

struct StoreError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// A zstd dictionary and its id (1 or more). Immutable once made (zstd's
// prepared forms are made on first use, once); safe to share between threads.
class StoreDictionary {
public:
    // Throws StoreError when `bytes` is not a zstd dictionary or id is 0.
    StoreDictionary(std::uint32_t id, std::string bytes);

    // Trains on `samples` (stored_article_payload of typical articles; a few
    // thousand make a good dictionary). Throws StoreError when zstd cannot
    // train on them (too few or too small samples).
    static StoreDictionary train(std::uint32_t id, const std::vector<std::string>& samples,
                                 std::size_t max_bytes = 112 * 1024);

    std::uint32_t id() const { return id_; }
    const std::string& bytes() const;

private:
    friend std::string encode_stored_article(const struct Article&, const StoreDictionary*);
    friend Article decode_stored_article(std::string_view, const std::function<const StoreDictionary*(std::uint32_t)>&);
    struct Compiled;
    std::uint32_t id_;
    std::shared_ptr<Compiled> compiled_;  // zstd's prepared forms, made on first use, thread-safe
};

// Finds a dictionary by id, or returns nullptr.
using DictionaryLookup = std::function<const StoreDictionary*(std::uint32_t id)>;

// The uncompressed MessagePack form of an article: what training samples are.
// `text` is left out when it is article_text(title, body), and decoding
// makes it again.
std::string stored_article_payload(const Article& article);

// Every field of `article`, compressed with `dictionary` when given. `body`
// and `text` usually share most of their bytes; inside one zstd frame the
// repeat is stored as a back-reference.
std::string encode_stored_article(const Article& article, const StoreDictionary* dictionary = nullptr);

// The dictionary id an encoded article needs (0: none). Throws StoreError.
std::uint32_t stored_dictionary_id(std::string_view data);

// The inverse of encode_stored_article. Throws StoreError on data this
// version cannot read, or whose dictionary `dictionaries` cannot provide.
// Safe to call from several threads at once.
Article decode_stored_article(std::string_view data, const DictionaryLookup& dictionaries = {});

}  // namespace newsarchive
