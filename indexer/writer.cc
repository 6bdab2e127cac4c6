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

// Words of free text: unprefixed terms. Prefixed terms (field, boolean and
// stemmed "Z" terms) start with a capital letter.
bool is_free_text_word(const std::string& term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

}  // namespace

IndexWriter::IndexWriter(const std::string& path, const std::optional<std::string>& language,
                         const schema::FieldWeights& weights)
    : database_(open_database(path)) {
    check_schema(path);
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

// Articles written under another schema lack what this one adds (schema 1:
// the exact-source terms, the author slot, spelling data), and the version
// stamped on the index is the only thing the searcher can go by: adding to
// such an index and stamping it with our version would make `--source` and
// author facets silently miss the old articles. An empty index takes any.
void IndexWriter::check_schema(const std::string& path) {
    if (database_.get_doccount() == 0) return;
    std::string recorded = database_.get_metadata(std::string(schema::kSchemaVersionKey));
    if (recorded == schema::kSchemaVersion) return;
    std::string what = recorded.empty() ? "has no newsarchive schema version (was it written by newsindex?)"
                                        : "was written with index schema " + recorded + ", this newsindex writes schema " +
                                              std::string(schema::kSchemaVersion);
    throw IndexWriteError("index '" + path + "' " + what +
                          ": nothing was added; index all the articles again into a new directory (--db NEW_DIR)");
}

IndexWriter::Outcome IndexWriter::write(const std::string& id_term, const Xapian::Document& document) {
    Xapian::PostingIterator old = database_.postlist_begin(id_term);
    bool existed = old != database_.postlist_end(id_term);
    if (existed) update_spelling(database_.get_document(*old), false);
    database_.replace_document(id_term, document);
    update_spelling(document, true);
    return existed ? Outcome::replaced : Outcome::added;
}

// The spelling dictionary behind `newssearch`'s "Did you mean": every word of
// free text, counted by its within-document frequency (so title words count
// more). Done here rather than by TermGenerator::FLAG_SPELLING so that it stays
// on the one thread that writes, and so that a replaced article's words are
// taken out again and re-indexing does not inflate the counts.
void IndexWriter::update_spelling(const Xapian::Document& document, bool add) {
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        if (!is_free_text_word(*term)) continue;
        if (add) database_.add_spelling(*term, term.get_wdf());
        else database_.remove_spelling(*term, term.get_wdf());
    }
}

void IndexWriter::commit() { database_.commit(); }

}  // namespace newsarchive
