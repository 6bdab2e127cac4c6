// fuzz_checks.h — the invariants the fuzz targets assert.
#pragma once

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "article.h"
#include "text_clean.h"

namespace newsarchive::fuzz {

// A broken invariant is a finding: abort so libFuzzer saves the input.
inline void check(bool ok, const char* what) {
    if (ok) return;
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

// Strict UTF-8 (no overlongs, surrogates or code points past U+10FFFF),
// written independently of clean_text so a bug there cannot hide itself.
inline bool is_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
        unsigned char b = byte(i);
        std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        char32_t cp = n == 1 ? b : b & (0x7F >> n);
        for (std::size_t k = 1; k < n; ++k) {
            if ((byte(i + k) & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (byte(i + k) & 0x3F);
        }
        constexpr char32_t kSmallest[] = {0, 0, 0x80, 0x800, 0x10000};
        if (cp < kSmallest[n] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
        i += n;
    }
    return true;
}

// What readers promise for every text field: valid UTF-8 that clean_text
// would leave alone (so no stray control characters either).
inline bool is_clean(std::string_view s) { return is_utf8(s) && clean_text(s) == s; }

inline bool is_valid_date(const Date& d) {
    using namespace std::chrono;
    return d.year >= 1000 && d.year <= 9999 && year_month_day{year{d.year}, month{d.month}, day{d.day}}.ok();
}

}  // namespace newsarchive::fuzz
