// database_location.cc — the --db / $NEWS_DB / ./news-index rule.
#include "database_location.h"

#include <cstdlib>

namespace newsarchive {

std::string database_location(const std::string& db_option) {
    if (!db_option.empty()) return db_option;
    const char* from_environment = std::getenv(kDatabaseEnvironmentVariable);
    if (from_environment && *from_environment) return from_environment;
    return kDefaultDatabasePath;
}

}  // namespace newsarchive
