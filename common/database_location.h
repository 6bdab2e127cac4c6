// database_location.h — which index directory a command works on.
#pragma once

#include <string>

namespace newsarchive {

inline constexpr const char* kDatabaseEnvironmentVariable = "NEWS_DB";
inline constexpr const char* kDefaultDatabasePath = "news-index";

// The rule both binaries share: the `--db` option when given (non-empty), else
// $NEWS_DB when set and non-empty, else ./news-index.
std::string database_location(const std::string& db_option);

}  // namespace newsarchive
