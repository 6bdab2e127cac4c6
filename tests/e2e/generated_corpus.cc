// generated_corpus.cc — articles made of a fixed vocabulary by arithmetic, so no RNG can change them.
#include "generated_corpus.h"

#include <array>
#include <cstdio>
#include <fstream>
#include <string_view>

#include <nlohmann/json.hpp>

namespace e2e {

namespace {

constexpr std::array<std::string_view, 16> kWords{"market",  "election", "harbour", "trade",   "policy", "energy",
                                                  "climate", "court",    "police",  "school",  "health", "minister",
                                                  "bank",    "growth",   "storm",   "festival"};

// "2020-MM-DD"
std::string date(std::uint64_t id) {
    char text[16];
    std::snprintf(text, sizeof text, "2020-%02d-%02d", static_cast<int>(1 + id % 12), static_cast<int>(1 + id % 28));
    return text;
}

}  // namespace

std::uint64_t write_generated_corpus(const std::filesystem::path& directory, int files, int articles_per_file,
                                     int body_words) {
    std::filesystem::create_directories(directory);
    std::uint64_t id = 0;
    for (int file = 0; file < files; ++file) {
        std::ofstream out(directory / ("part-" + std::to_string(file) + ".jsonl"), std::ios::binary);
        for (int article = 0; article < articles_per_file; ++article, ++id) {
            std::string body = "newswire";
            for (int word = 0; word < body_words; ++word)
                body += " " + std::string(kWords[(id * 7 + word * 13) % kWords.size()]);
            nlohmann::json record{
                {"id", "a" + std::to_string(id)},
                {"title", "Report " + std::to_string(id) + " on " + std::string(kWords[id % kWords.size()])},
                {"date", date(id)},
                {"text", body}};
            out << record.dump() << '\n';
        }
    }
    return id;
}

}  // namespace e2e
