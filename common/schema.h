// schema.h — the one table saying how an article maps onto a Xapian document.
//
// The indexer builds documents from it and the searcher builds queries from
// it, so the two can never disagree. Prefixes follow Omega's conventions where
// one exists (S title, A author, Q unique id, D/M/Y dates) so that quest,
// xapian-delve and omega can read our index; fields Omega has no letter for use
// an X-prefixed name, as Omega recommends.
#pragma once

#include <array>
#include <string>
#include <string_view>

#include <xapian.h>

namespace newsarchive::schema {

// A text field: indexed with positions, searchable as `name:` in queries, and
// (when its weight is non-zero) also as unprefixed free text whose within-
// document frequency is multiplied by the weight.
struct TextField {
    std::string_view name;    // as in `--weight NAME=N` and `NAME:` in queries
    std::string_view prefix;  // term prefix for field searches; empty: none
    unsigned default_weight;  // free-text weight; 0 keeps it out of free text
};

inline constexpr std::array<TextField, 4> kTextFields{{
    {"title", "S", 3},
    {"body", "", 1},
    {"author", "A", 0},
    {"source", "XSOURCE", 0},
}};

// Every prefix starts with a capital letter, so the words of free text
// (unprefixed terms) are exactly the terms that do not.
inline bool is_free_text_term(std::string_view term) { return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z'); }

// Boolean (filter) terms.
inline constexpr std::string_view kIdPrefix = "Q";     // Q<id>, see id_term()
inline constexpr std::string_view kDayPrefix = "D";    // D20210719
inline constexpr std::string_view kMonthPrefix = "M";  // M202107
inline constexpr std::string_view kYearPrefix = "Y";   // Y2021

// The exact source, for `newssearch --source`: kSourceExactPrefix followed by
// source_key(source). One term per article that has a source.
inline constexpr std::string_view kSourceExactPrefix = "XSOURCEEXACT";

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;    // "YYYYMMDD", for ranges and sorting
inline constexpr Xapian::valueno kSourceSlot = 1;  // source as given, for facets and collapsing
inline constexpr Xapian::valueno kAuthorSlot = 2;  // authors as given, joined by kAuthorSeparator, for facets
// The id as given, so that formats printing only ids (ids, trec) need not
// read and decompress the stored article. Articles indexed before it have
// none: the stored article has their id.
inline constexpr Xapian::valueno kIdSlot = 3;
inline constexpr char kAuthorSeparator = '\x1f';  // ASCII unit separator: never part of a name

// The query-syntax prefix of date ranges: date:2021-07-01..2021-07-31.
inline constexpr std::string_view kDateRangePrefix = "date:";

// Database metadata keys.
inline constexpr std::string_view kSchemaVersionKey = "newsarchive.schema";
// 2: adds the XSOURCEEXACT term, the author slot and spelling data.
inline constexpr std::string_view kSchemaVersion = "2";
inline constexpr std::string_view kLanguageKey = "newsarchive.language";
inline constexpr std::string_view kWeightsKey = "newsarchive.weights";
// zstd dictionaries of the store: "<prefix><id>" holds dictionary <id>;
// kCurrentDictionaryKey the id new articles are compressed with.
inline constexpr std::string_view kDictionaryKeyPrefix = "newsarchive.zstd_dictionary.";
inline constexpr std::string_view kCurrentDictionaryKey = "newsarchive.zstd_dictionary";

// Gap between fields so a phrase can never match across the end of the title
// and the start of the body.
inline constexpr Xapian::termpos kFieldPositionGap = 100;

// The unique-id term of an article. Xapian terms are limited to 245 bytes, so a
// long id (often a URL) keeps a readable head and ends in a hash of the whole.
std::string id_term(std::string_view id);

// A source as compared by `--source`: blanks trimmed and runs of them made one
// space, letters lower-cased (Unicode-aware). "The  Guardian " -> "the guardian".
std::string source_key(std::string_view source);

// The exact-source boolean term: kSourceExactPrefix + source_key(source),
// shortened like id_term() when it would pass Xapian's term length limit.
std::string source_term(std::string_view source);

// Returns the field named `name`, or nullptr.
const TextField* find_text_field(std::string_view name);

// Free-text weights per text field, defaulting to the schema's.
class FieldWeights {
public:
    FieldWeights();
    // Parses "FIELD=N"; throws std::invalid_argument naming the problem.
    void set(std::string_view assignment);
    unsigned of(const TextField& field) const;
    // "title=3 body=1 author=0 source=0", recorded in the index metadata.
    std::string describe() const;

private:
    std::array<unsigned, kTextFields.size()> weights_;
};

}  // namespace newsarchive::schema
