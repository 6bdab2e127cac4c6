// ascii.h — case folding for names that are ASCII by convention: file
// extensions and names, CSV column names, URL hosts.
#pragma once

#include <string>
#include <string_view>

namespace newsarchive {

// `text` with A-Z as a-z; every other byte, UTF-8 included, as it was.
inline std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace newsarchive
