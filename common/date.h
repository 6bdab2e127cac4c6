// date.h — recognising the date forms found in news dumps.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsarchive {

// A calendar day. News search filters and sorts by day; times of day and
// zones are read (so they do not defeat parsing) but not kept.
struct Date {
    int year = 0;
    unsigned month = 0;  // 1..12
    unsigned day = 0;    // 1..31

    std::string iso() const;       // "2021-07-19", as shown to users
    std::string compact() const;   // "20210719", the value slot and D-term form
    auto operator<=>(const Date&) const = default;
};

// Parses `text` (surrounding blanks ignored). Returns nullopt when the text is
// not a valid date in any supported form; never throws.
std::optional<Date> parse_date(std::string_view text);

}  // namespace newsarchive
