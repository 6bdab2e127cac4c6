// dictionaries.cc — dictionaries under schema::kDictionaryKeyPrefix + id.
#include "dictionaries.h"

#include <charconv>

#include "schema.h"

namespace newsarchive {

namespace {

std::string key_of(std::uint32_t id) { return std::string(schema::kDictionaryKeyPrefix) + std::to_string(id); }

}  // namespace

const StoreDictionary* IndexDictionaries::find(std::uint32_t id) {
    std::lock_guard lock(mutex_);
    auto it = loaded_.find(id);
    if (it == loaded_.end()) {
        std::unique_ptr<StoreDictionary> dictionary;
        std::string bytes = id ? database_.get_metadata(key_of(id)) : std::string{};
        if (!bytes.empty()) {
            try {
                dictionary = std::make_unique<StoreDictionary>(id, std::move(bytes));
            } catch (const StoreError&) {
                // Damaged metadata: articles needing it report a StoreError.
            }
        }
        it = loaded_.emplace(id, std::move(dictionary)).first;
    }
    return it->second.get();
}

const StoreDictionary* IndexDictionaries::current() {
    std::string value = database_.get_metadata(std::string(schema::kCurrentDictionaryKey));
    std::uint32_t id = 0;
    auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), id);
    if (error != std::errc{} || end != value.data() + value.size()) return nullptr;
    return find(id);
}

void IndexDictionaries::add(Xapian::WritableDatabase& database, const StoreDictionary& dictionary) {
    database.set_metadata(key_of(dictionary.id()), dictionary.bytes());
    database.set_metadata(std::string(schema::kCurrentDictionaryKey), std::to_string(dictionary.id()));
}

}  // namespace newsarchive
