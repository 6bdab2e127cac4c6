// furniture.h — recognising page furniture in articles copied from news sites.
//
// Pages saved from news sites carry lines that are not the article
// ("Advertisement", "Sponsored Content", "Photo: Getty Images", "Reading
// Time: 5 minutes"...). Such lines are kept out of the title and the indexed
// text; the stored article keeps them, byte for byte.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

namespace newsarchive {

class FurnitureRules {
public:
    // The rules listed in docs/usage.md.
    static FurnitureRules defaults();
    // No line is furniture.
    static FurnitureRules none();
    // One ECMAScript regular expression per line; blank lines and lines
    // starting with '#' ignored. Throws std::runtime_error naming the file and
    // line of an unreadable file or a bad expression.
    static FurnitureRules from_file(const std::string& path);

    // True when the whole line, blanks trimmed, matches a rule (ignoring case).
    // Lines longer than kMaxFurnitureLine bytes are never furniture.
    bool is_furniture(std::string_view line) const;

    const std::vector<std::string>& patterns() const { return patterns_; }

    static constexpr std::size_t kMaxFurnitureLine = 200;

private:
    explicit FurnitureRules(std::vector<std::string> patterns);
    std::vector<std::string> patterns_;
    std::optional<std::regex> matcher_;  // all patterns as one alternation
};

}  // namespace newsarchive
