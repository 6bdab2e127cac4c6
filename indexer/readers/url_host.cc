// url_host.cc — host extraction with uriparser (RFC 3986).
#include "readers/url_host.h"

#include <uriparser/Uri.h>

#include "ascii.h"

namespace newsarchive {

std::string source_from_url(std::string_view url) {
    UriUriA uri;
    const char* error_position = nullptr;
    if (uriParseSingleUriExA(&uri, url.data(), url.data() + url.size(), &error_position) != URI_SUCCESS) return {};
    std::string host;
    if (uri.scheme.first && uri.hostText.first) host.assign(uri.hostText.first, uri.hostText.afterLast);
    uriFreeUriMembersA(&uri);
    host = ascii_lower(host);
    if (host.starts_with("www.")) host.erase(0, 4);
    return host;
}

}  // namespace newsarchive
