// record_fields.h — finding article fields in key/value records (JSON, CSV).
//
// Real dumps name the same field differently (headline vs title, maintext vs
// body...). A FieldMap lists, per article field, the record keys to try in
// order; `--field NAME=KEY` puts the user's key first.
#pragma once

#include <array>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/reader.h"

namespace newsarchive {

enum class RecordField { id, title, body, date, author, source, url };

class FieldMap {
public:
    FieldMap();  // the aliases of docs/usage.md
    // Parses "NAME=KEY" (NAME one of id, title, body, date, author, source,
    // url); throws std::invalid_argument naming the problem.
    void set(std::string_view assignment);
    const std::vector<std::string>& keys(RecordField field) const;

private:
    std::array<std::vector<std::string>, 7> keys_;
};

// A record's value for a key: a string, or the strings of an array (authors).
// nullopt when the record has no such key or the value is empty/null.
using RecordLookup = std::function<std::optional<std::vector<std::string>>(std::string_view key)>;


// parse_date, reporting a date it cannot read through `sink.warn` (the
// article is kept without a date).
std::optional<Date> parse_record_date(const std::string& date, const std::string& file, const std::string& position,
                                      ArticleSink& sink);

// Builds an article from a record. The id falls back to the url, then to a
// content hash of title, date and body; the source to the url's host; `text` becomes title and body joined by
// a blank line. An unparseable date is reported through `sink.warn` and the
// article is kept without it. Returns nullopt (after `sink.skip`) when the
// record has neither title nor body.
std::optional<Article> article_from_record(const RecordLookup& lookup, const FieldMap& fields,
                                           const std::string& file, const std::string& position,
                                           ArticleSink& sink);

}  // namespace newsarchive
