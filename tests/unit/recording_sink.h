// recording_sink.h — what the reader tests share: a sink that keeps everything, and binary garbage.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "readers/reader.h"

namespace newsarchive {

struct RecordingSink : ArticleSink {
    struct Added {
        Article article;
        std::string file;
        std::string position;
    };
    std::vector<Added> added;
    std::vector<RecordProblem> skipped;
    std::vector<RecordProblem> warnings;

    void add(Article&& article, const std::string& file, const std::string& position) override {
        added.push_back({std::move(article), file, position});
    }
    void skip(const RecordProblem& problem) override { skipped.push_back(problem); }
    void warn(const RecordProblem& problem) override { warnings.push_back(problem); }
};

// `size` bytes of every value, the same on every run (a linear congruential
// generator's high bytes), for feeding readers what is not text at all.
inline std::string binary_garbage(std::size_t size) {
    std::string bytes;
    std::uint32_t state = 12345;
    while (bytes.size() < size) {
        state = state * 1664525u + 1013904223u;
        bytes += static_cast<char>(state >> 24);
    }
    return bytes;
}

}  // namespace newsarchive
