// content_hash.h — a stable hash of bytes, for ids of articles that have none.
#pragma once

#include <string>
#include <string_view>

namespace newsarchive {

// 128-bit XXH3 of `bytes` as 32 lowercase hex digits. Stable across runs,
// machines and versions of this program (XXH3's output is specified).
std::string content_hash(std::string_view bytes);

}  // namespace newsarchive
