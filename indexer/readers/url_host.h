// url_host.h — the outlet a URL points at, for records that name no source.
#pragma once

#include <string>
#include <string_view>

namespace newsarchive {

// "https://www.huffpost.com/entry/x" -> "huffpost.com". Empty when `url` is
// not an absolute URL with a host.
std::string source_from_url(std::string_view url);

}  // namespace newsarchive
