// content_hash.cc — XXH3-128 from libxxhash.
#include "content_hash.h"

#include <cstdio>

#include <xxhash.h>

namespace newsarchive {

std::string content_hash(std::string_view bytes) {
    XXH128_hash_t hash = XXH3_128bits(bytes.data(), bytes.size());
    char hex[33];
    std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(hash.high64),
                  static_cast<unsigned long long>(hash.low64));
    return hex;
}

}  // namespace newsarchive
