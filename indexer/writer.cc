// writer.cc — opening, replacing by unique term, committing.
#include "writer.h"

#include <filesystem>

namespace newsarchive {

namespace {

Xapian::WritableDatabase open_database(const std::string& path) {
    try {
        std::error_code ignored;
        std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ignored);
        return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
    } catch (const Xapian::DatabaseLockError&) {
        throw IndexLockedError("index '" + path + "' is locked by another writer (another newsindex running?)");
    } catch (const Xapian::Error& e) {
        throw IndexWriteError("cannot open index '" + path + "' for writing: " + e.get_msg());
    }
}

}  // namespace

IndexWriter::IndexWriter(const std::string& path, const std::optional<std::string>& language,
                         const schema::FieldWeights& weights)
    : database_(open_database(path)) {
    std::string recorded = database_.get_metadata(std::string(schema::kLanguageKey));
    if (!recorded.empty() && database_.get_doccount() > 0) {
        if (language && *language != recorded)
            throw IndexWriteError("index '" + path + "' was built with stemming language '" + recorded +
                                  "'; re-index into a new index to use '" + *language + "'");
        language_ = recorded;
    } else {
        language_ = language.value_or("english");
    }
    database_.set_metadata(std::string(schema::kSchemaVersionKey), std::string(schema::kSchemaVersion));
    database_.set_metadata(std::string(schema::kLanguageKey), language_);
    database_.set_metadata(std::string(schema::kWeightsKey), weights.describe());
}

IndexWriter::Outcome IndexWriter::write(const std::string& id_term, const Xapian::Document& document) {
    bool existed = database_.term_exists(id_term);
    database_.replace_document(id_term, document);
    return existed ? Outcome::replaced : Outcome::added;
}

void IndexWriter::commit() { database_.commit(); }

}  // namespace newsarchive
