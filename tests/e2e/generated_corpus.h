// generated_corpus.h — deterministic JSON-lines corpora of many small articles, for tests that need volume.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

namespace e2e {

// Writes `files` files part-N.jsonl under `directory`, each of
// `articles_per_file` articles with the ids a0, a1, ... (unique across files),
// a title, a date in 2020 and a body of `body_words` words, every one of them
// containing the word "newswire". The same arguments always give the same bytes.
// Returns the number of articles written.
std::uint64_t write_generated_corpus(const std::filesystem::path& directory, int files, int articles_per_file,
                                     int body_words = 40);

}  // namespace e2e
