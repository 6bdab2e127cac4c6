// fuzz_store.cc — decode_stored_article on arbitrary bytes either succeeds or throws StoreError.
//
// Random bytes rarely get past the zstd frame check, so the first input byte
// picks a mode: 0 hands the rest over as stored data; anything else wraps the
// rest in a valid store header and zstd frame, which fuzzes the MessagePack
// decoding behind them.
#include <string>
#include <string_view>

#include <zstd.h>

#include "fuzz_checks.h"
#include "store.h"

using newsarchive::fuzz::check;

namespace {

std::string wrap_in_store_frame(std::string_view packed) {
    std::string out(2 + ZSTD_compressBound(packed.size()), '\0');
    out[0] = static_cast<char>(newsarchive::kStoreFormat);
    out[1] = 0;  // no dictionary
    std::size_t size = ZSTD_compress(out.data() + 2, out.size() - 2, packed.data(), packed.size(), 1);
    check(!ZSTD_isError(size), "zstd could not compress the input");
    out.resize(2 + size);
    return out;
}

bool same(const newsarchive::Article& a, const newsarchive::Article& b) {
    return a.id == b.id && a.title == b.title && a.body == b.body && a.date == b.date && a.source == b.source &&
           a.authors == b.authors && a.url == b.url && a.text == b.text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
    std::string stored = data[0] == 0 ? std::string(rest) : wrap_in_store_frame(rest);
    newsarchive::Article article;
    try {
        article = newsarchive::decode_stored_article(stored);
    } catch (const newsarchive::StoreError&) {
        return 0;
    }
    // Whatever decodes must survive a round trip unchanged.
    check(same(newsarchive::decode_stored_article(newsarchive::encode_stored_article(article)), article),
          "a decoded article does not round-trip through the store");
    return 0;
}
