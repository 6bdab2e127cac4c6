// dictionaries.h — the zstd dictionaries an index keeps in its metadata.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>

#include <xapian.h>

#include "store.h"

namespace newsarchive {

// Loads dictionaries from a database's metadata on first use and keeps them.
// Thread-safe; the database must outlive this object.
class IndexDictionaries {
public:
    explicit IndexDictionaries(const Xapian::Database& database) : database_(database) {}

    // The dictionary with this id, or nullptr when the index has none such
    // (or what it has is not a zstd dictionary).
    const StoreDictionary* find(std::uint32_t id);

    // The dictionary new articles are compressed with, if one was chosen.
    const StoreDictionary* current();

    // An id no dictionary of the database has: one above the highest.
    std::uint32_t next_id() const;

    // A lookup for decode_stored_article.
    DictionaryLookup lookup() {
        return [this](std::uint32_t id) { return find(id); };
    }

    // Records `dictionary` in `database` (taking effect at its next commit)
    // and makes it the current one for new articles.
    static void add(Xapian::WritableDatabase& database, const StoreDictionary& dictionary);

private:
    const Xapian::Database& database_;
    std::mutex mutex_;
    std::map<std::uint32_t, std::unique_ptr<StoreDictionary>> loaded_;
};

}  // namespace newsarchive
