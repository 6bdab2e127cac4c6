// shard_writer.h — one writable Xapian database of an index (one shard).
#pragma once

#include <stdexcept>
#include <string>

#include <xapian.h>

namespace newsarchive {

// Another process holds the index's write lock.
struct IndexLockedError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Anything else that stops the index being opened or written.
struct IndexWriteError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Not thread-safe: one thread writes a shard at a time.
class ShardWriter {
public:
    // Opens the Glass database at `path`, creating it (and missing parent
    // directories) when absent. Throws IndexLockedError, IndexWriteError.
    explicit ShardWriter(const std::string& path);
    ShardWriter(const ShardWriter&) = delete;
    ShardWriter& operator=(const ShardWriter&) = delete;

    enum class Outcome { added, replaced };
    // Adds the document, or replaces the one with the same unique-id term.
    Outcome write(const std::string& id_term, const Xapian::Document& document);

    // Makes everything written so far durable and visible to searchers.
    void commit();

    Xapian::WritableDatabase& database() { return database_; }
    const Xapian::WritableDatabase& database() const { return database_; }
    const std::string& path() const { return path_; }

private:
    std::string path_;
    Xapian::WritableDatabase database_;
};

}  // namespace newsarchive
