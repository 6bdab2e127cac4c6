// date.cc — date parsing with Howard Hinnant's date library.
#include "date.h"

#include <chrono>
#include <cstdio>
#include <locale>
#include <sstream>

#include <date/date.h>

namespace newsarchive {

namespace {

// Tried in order; a form matches only if it consumes the whole (trimmed) text.
// %S reads fractional seconds up to the precision parsed into: microseconds, as
// Python's isoformat() writes, not nanoseconds, whose 64-bit range ends in 2262.
// %b reads full or abbreviated month names in any case.
constexpr const char* kFormats[] = {
    // ISO 8601; %z takes "+0200", %Ez takes "+02:00".
    "%Y-%m-%d",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M:%SZ",
    "%Y-%m-%dT%H:%M:%S%z",
    "%Y-%m-%dT%H:%M:%S%Ez",
    // news-please.
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    // RFC 2822; %Z takes both "GMT" and "+0000". A given weekday must agree with the date.
    "%a, %d %b %Y %H:%M:%S %Z",
    "%d %b %Y %H:%M:%S %Z",
    // Prose and slashes.
    "%b %d, %Y",
    "%d %b %Y",
    "%Y/%m/%d",
    // Reuters-21578: "19-OCT-1987 01:51:20.00".
    "%d-%b-%Y %H:%M:%S",
    "%Y%m%d",
};

std::string_view trim(std::string_view text) {
    constexpr std::string_view blanks = " \t\r\n\f\v";
    const auto first = text.find_first_not_of(blanks);
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(blanks) - first + 1);
}

std::optional<date::year_month_day> parse_whole(const std::string& text, const char* format) {
    std::istringstream in{text};
    // Month and weekday names are English whatever the global locale is.
    in.imbue(std::locale::classic());
    date::local_time<std::chrono::microseconds> when;
    in >> date::parse(format, when);
    if (in.fail() || in.peek() != std::istringstream::traits_type::eof()) return std::nullopt;
    // The day as written: the zone offset is read but deliberately not applied.
    return date::year_month_day{date::floor<date::days>(when)};
}

}  // namespace

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
    return buf;
}

std::string Date::compact() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02u%02u", year, month, day);
    return buf;
}

std::optional<Date> parse_date(std::string_view text) {
    const std::string trimmed{trim(text)};
    if (trimmed.empty()) return std::nullopt;
    for (const char* format : kFormats) {
        const auto ymd = parse_whole(trimmed, format);
        if (!ymd) continue;
        const int year = static_cast<int>(ymd->year());
        // Other years are typos in news data, and compact() must stay eight digits to sort.
        if (year < 1000 || year > 9999) return std::nullopt;
        return Date{year, static_cast<unsigned>(ymd->month()), static_cast<unsigned>(ymd->day())};
    }
    return std::nullopt;
}

}  // namespace newsarchive
