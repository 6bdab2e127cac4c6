// furniture.cc — the default furniture rules and their matcher.
#include "readers/furniture.h"

#include <fstream>
#include <stdexcept>

namespace newsarchive {

namespace {

std::string_view trim(std::string_view line) {
    constexpr std::string_view kBlanks = " \t\r\f\v";
    auto start = line.find_first_not_of(kBlanks);
    if (start == std::string_view::npos) return {};
    return line.substr(start, line.find_last_not_of(kBlanks) - start + 1);
}

}  // namespace

FurnitureRules::FurnitureRules(std::vector<std::string> patterns) : patterns_(std::move(patterns)) {
    if (patterns_.empty()) return;
    std::string alternation;
    for (const auto& pattern : patterns_) alternation += (alternation.empty() ? "(?:" : "|(?:") + pattern + ")";
    matcher_.emplace(alternation, std::regex::ECMAScript | std::regex::icase | std::regex::optimize);
}

FurnitureRules FurnitureRules::defaults() {
    return FurnitureRules({
        R"(advertisement)",
        R"(sponsored( content)?)",
        R"((photo|image|video|graphic)s?( illustration)?( by| credit)?:? .*)",
        R"(.*\. photo: [^.]*)",  // a caption ending in its credit
        R"(reading time: ?.*)",
        R"(why you can trust .*)",
        R"(\d+ min(ute)?s? read)",
        R"(\d+\+?)",  // bare counters such as "99+" comments
        R"(share( this article)?|read more)",
    });
}

FurnitureRules FurnitureRules::none() { return FurnitureRules({}); }

FurnitureRules FurnitureRules::from_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read furniture rules '" + path + "'");
    std::vector<std::string> patterns;
    std::string line;
    for (unsigned number = 1; std::getline(in, line); ++number) {
        std::string_view rule = trim(line);
        if (rule.empty() || rule.front() == '#') continue;
        try {
            std::regex check(rule.begin(), rule.end(), std::regex::ECMAScript);
        } catch (const std::regex_error& e) {
            throw std::runtime_error(path + ":" + std::to_string(number) + ": bad regular expression: " + e.what());
        }
        patterns.emplace_back(rule);
    }
    return FurnitureRules(std::move(patterns));
}

bool FurnitureRules::is_furniture(std::string_view line) const {
    if (!matcher_ || line.size() > kMaxFurnitureLine) return false;
    std::string_view trimmed = trim(line);
    return !trimmed.empty() && std::regex_match(trimmed.begin(), trimmed.end(), *matcher_);
}

}  // namespace newsarchive
