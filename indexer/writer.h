// writer.h — the one writable Xapian database of an indexing run.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

#include <xapian.h>

#include "schema.h"

namespace newsarchive {

// Another process holds the index's write lock.
struct IndexLockedError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Anything else that stops the index being opened or written.
struct IndexWriteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class IndexWriter {
public:
    // Opens the index at `path`, creating it (and missing parent directories)
    // when absent. The stemming language is the one recorded in the index;
    // `language` may name it, must match it once the index holds articles,
    // and defaults to "english" for a new index. An index that holds articles
    // must have been written with this schema version (schema::kSchemaVersion):
    // anything else is refused unchanged. Throws IndexLockedError,
    // IndexWriteError.
    IndexWriter(const std::string& path, const std::optional<std::string>& language,
                const schema::FieldWeights& weights);

    const std::string& language() const { return language_; }

    enum class Outcome { added, replaced };
    // Adds the document, or replaces the one with the same unique-id term,
    // and keeps the spelling dictionary (see update_spelling) in step.
    Outcome write(const std::string& id_term, const Xapian::Document& document);

    // Makes everything written so far durable and visible to searchers.
    void commit();

    Xapian::doccount article_count() const { return database_.get_doccount(); }

private:
    void check_schema(const std::string& path);
    void update_spelling(const Xapian::Document& document, bool add);

    Xapian::WritableDatabase database_;
    std::string language_;
};

}  // namespace newsarchive
