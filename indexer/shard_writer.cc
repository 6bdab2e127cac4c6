// shard_writer.cc — opening, replacing by unique term, committing.
#include "shard_writer.h"

#include <filesystem>

namespace newsarchive {

namespace {

Xapian::WritableDatabase open_database(const std::string& path) {
    try {
        std::error_code ignored;
        std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN | Xapian::DB_BACKEND_GLASS);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexLockedError("index '" + path + "' is locked by another writer (another newsindex running?)");
    } catch (const Xapian::Error& e) {
        throw IndexWriteError("cannot open index '" + path + "' for writing: " + e.get_msg());
    }
}

}  // namespace

ShardWriter::ShardWriter(const std::string& path) : path_(path), database_(open_database(path)) {}

ShardWriter::Outcome ShardWriter::write(const std::string& id_term, const Xapian::Document& document) {
    bool existed = database_.term_exists(id_term);
    database_.replace_document(id_term, document);
    return existed ? Outcome::replaced : Outcome::added;
}

void ShardWriter::commit() { database_.commit(); }

}  // namespace newsarchive
