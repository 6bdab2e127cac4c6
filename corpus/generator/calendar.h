// calendar.h — days since 1970-01-01 to and from proleptic Gregorian dates.
#pragma once

#include <string>

namespace newsarchive::corpus {

// Days since 1970-01-01 of a valid date.
int days_from_civil(int year, int month, int day);

// "YYYY-MM-DD" of a day number.
std::string iso_date(int days);

}  // namespace newsarchive::corpus
