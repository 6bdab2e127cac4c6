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

// Words of free text: unprefixed terms. Prefixed terms (field, boolean and
// stemmed "Z" terms) start with a capital letter.
bool is_free_text_word(const std::string& term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

}  // namespace

ShardWriter::ShardWriter(const std::string& path) : path_(path), database_(open_database(path)) {}

ShardWriter::~ShardWriter() {
    try {
        flush_spelling();
    } catch (const Xapian::Error&) {
        // The database is failing anyway; its own destructor reports nothing either.
    }
}

ShardWriter::Outcome ShardWriter::write(const std::string& id_term, const Xapian::Document& document) {
    Xapian::PostingIterator old = database_.postlist_begin(id_term);
    bool existed = old != database_.postlist_end(id_term);
    if (existed) update_spelling(database_.get_document(*old), false);
    database_.replace_document(id_term, document);
    update_spelling(document, true);
    return existed ? Outcome::replaced : Outcome::added;
}

// The spelling dictionary behind `newssearch`'s "Did you mean": every word of
// free text, counted by its within-document frequency (so title words count
// more). Done here rather than by TermGenerator::FLAG_SPELLING so that a
// replaced article's words are taken out again and re-indexing does not
// inflate the counts. Xapian merges the spelling data of all shards.
void ShardWriter::update_spelling(const Xapian::Document& document, bool add) {
    for (auto term = document.termlist_begin(); term != document.termlist_end(); ++term) {
        if (!is_free_text_word(*term)) continue;
        std::int64_t wdf = term.get_wdf();
        spelling_changes_[*term] += add ? wdf : -wdf;
    }
}

// Xapian applies spelling changes when it commits; ours go in just before.
void ShardWriter::flush_spelling() {
    for (const auto& [word, change] : spelling_changes_) {
        if (change > 0) database_.add_spelling(word, static_cast<Xapian::termcount>(change));
        if (change < 0) database_.remove_spelling(word, static_cast<Xapian::termcount>(-change));
    }
    spelling_changes_.clear();
}

void ShardWriter::commit() {
    flush_spelling();
    database_.commit();
}

}  // namespace newsarchive
