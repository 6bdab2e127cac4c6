// dictionaries.cc — dictionaries under schema::kDictionaryKeyPrefix + id.
#include "dictionaries.h"

#include <algorithm>
#include <charconv>
#include <string_view>

#include "schema.h"

namespace newsarchive {

namespace {

std::string key_of(std::uint32_t id) { return std::string(schema::kDictionaryKeyPrefix) + std::to_string(id); }

// A dictionary id written as decimal digits, nothing else; nullopt otherwise.
std::optional<std::uint32_t> parse_id(std::string_view digits) {
    std::uint32_t id = 0;
    auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (error != std::errc{} || end != digits.data() + digits.size()) return std::nullopt;
    return id;
}

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
    auto id = parse_id(database_.get_metadata(std::string(schema::kCurrentDictionaryKey)));
    return id ? find(*id) : nullptr;
}

std::uint32_t IndexDictionaries::next_id() const {
    std::uint32_t highest = 0;
    std::string prefix(schema::kDictionaryKeyPrefix);
    for (auto key = database_.metadata_keys_begin(prefix); key != database_.metadata_keys_end(prefix); ++key)
        if (auto id = parse_id(std::string_view(*key).substr(prefix.size()))) highest = std::max(highest, *id);
    return highest + 1;
}

void IndexDictionaries::add(Xapian::WritableDatabase& database, const StoreDictionary& dictionary) {
    database.set_metadata(key_of(dictionary.id()), dictionary.bytes());
    database.set_metadata(std::string(schema::kCurrentDictionaryKey), std::to_string(dictionary.id()));
}

}  // namespace newsarchive
