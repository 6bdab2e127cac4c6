// calendar.cc — Howard Hinnant's integer algorithms (chrono-Compatible Low-Level Date Algorithms).
#include "calendar.h"

#include <cstdio>

namespace newsarchive::corpus {

int days_from_civil(int year, int month, int day) {
    year -= month <= 2;
    const int era = (year >= 0 ? year : year - 399) / 400;
    const int year_of_era = year - era * 400;
    const int day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const int day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

std::string iso_date(int days) {
    days += 719468;
    const int era = (days >= 0 ? days : days - 146096) / 146097;
    const int day_of_era = days - era * 146097;
    const int year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const int day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const int month_index = (5 * day_of_year + 2) / 153;
    const int day = day_of_year - (153 * month_index + 2) / 5 + 1;
    const int month = month_index < 10 ? month_index + 3 : month_index - 9;
    const int year = year_of_era + era * 400 + (month <= 2);
    char text[40];  // room for any int year, which the compiler cannot rule out
    std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
    return text;
}

}  // namespace newsarchive::corpus
