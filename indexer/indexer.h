// indexer.h — one indexing run: read inputs, build documents, write the index.
#pragma once

#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "readers/readers.h"
#include "schema.h"

namespace newsarchive {

struct IndexOptions {
    std::string database;                  // index directory
    std::vector<std::string> inputs;       // files, directories, "-"
    std::optional<Format> format;          // nullopt: by extension
    std::optional<std::string> language;   // nullopt: the index's, else english
    schema::FieldWeights weights;
    ReaderOptions reader;
    std::uint64_t batch_size = 10000;      // articles per commit
};

struct IndexSummary {
    std::uint64_t indexed = 0;   // new articles
    std::uint64_t replaced = 0;  // articles whose id was already in the index
    std::uint64_t skipped = 0;
    std::uint64_t passed_over_files = 0;           // files of unknown type below directories
    std::map<std::string, std::uint64_t> skipped_by_reason;
    std::map<std::string, std::uint64_t> warnings_by_reason;
    std::uint64_t articles_in_index = 0;
};

// Runs the whole job. Bad records are reported on `diagnostics` (one line each,
// naming file and position), skipped and counted; problems that stop the run
// (index locked or unwritable, bad options) throw IndexLockedError,
// IndexWriteError or std::invalid_argument. Everything read before such a
// problem that was committed stays committed.
IndexSummary run_indexer(const IndexOptions& options, std::ostream& diagnostics);

// "3 indexed, 0 replaced, 1 skipped (1 malformed JSON); the index holds 3 articles"
std::string describe(const IndexSummary& summary);

}  // namespace newsarchive
