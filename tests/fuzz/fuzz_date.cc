// fuzz_date.cc — parse_date never crashes, and what it accepts is a real day that round-trips via iso().
#include <string_view>

#include "date.h"
#include "fuzz_checks.h"

using newsarchive::fuzz::check;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto date = newsarchive::parse_date(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!date) return 0;
    check(newsarchive::fuzz::is_valid_date(*date), "parse_date accepted an impossible or out-of-range day");
    check(date->compact().size() == 8, "compact() is not eight digits");
    check(newsarchive::parse_date(date->iso()) == date, "iso() does not parse back to the same day");
    return 0;
}
