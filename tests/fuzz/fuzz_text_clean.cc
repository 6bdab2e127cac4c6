// fuzz_text_clean.cc — clean_text, html_to_text and decode_entities always give clean UTF-8.
#include <string>
#include <string_view>

#include "fuzz_checks.h"
#include "text_clean.h"

using newsarchive::fuzz::check;
using newsarchive::fuzz::is_utf8;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);

    std::string clean = newsarchive::clean_text(bytes);
    check(is_utf8(clean), "clean_text output is not UTF-8");
    check(newsarchive::clean_text(clean) == clean, "clean_text is not idempotent");

    // html_to_text takes valid UTF-8 only, so it gets clean_text's output, as in the readers.
    newsarchive::looks_like_html(clean);
    std::string text = newsarchive::html_to_text(clean);
    check(is_utf8(text), "html_to_text output is not UTF-8");
    check(newsarchive::clean_text(text) == text && text.find_first_of("\t\r") == std::string::npos,
          "html_to_text output has control characters other than LF");

    std::string decoded = newsarchive::decode_entities(bytes);
    check(is_utf8(decoded), "decode_entities output is not UTF-8");
    check(newsarchive::clean_text(decoded) == decoded, "decode_entities output has control characters");
    return 0;
}
