// query.cc — QueryParser configured from the schema and the index metadata.
#include "query.h"

#include "schema.h"

namespace newsarchive {

namespace {

std::string index_language(const Xapian::Database& database) {
    std::string language = database.get_metadata(std::string(schema::kLanguageKey));
    return language.empty() ? "english" : language;
}

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& database)
    : stemmer_(index_language(database)), date_ranges_(schema::kDateSlot, std::string(schema::kDateRangePrefix)) {
    parser_.set_database(database);  // for wildcard expansion
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    for (const auto& field : schema::kTextFields)
        if (!field.prefix.empty()) parser_.add_prefix(std::string(field.name), std::string(field.prefix));
    parser_.add_rangeprocessor(&date_ranges_);
}

Xapian::Query QueryBuilder::build(const QueryRequest& request) {
    parser_.set_default_op(request.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    Xapian::Query query;
    try {
        query = parser_.parse_query(request.text, kParserFlags);
    } catch (const Xapian::QueryParserError& e) {
        throw QuerySyntaxError("bad query: " + e.get_msg());
    } catch (const Xapian::WildcardError& e) {
        throw QuerySyntaxError("bad query: " + e.get_msg());
    }
    bool has_filter = request.since || request.until;
    if (query.empty()) {
        if (!has_filter) throw QuerySyntaxError("empty query: give words to search for, or a date filter");
        query = Xapian::Query::MatchAll;
    }
    if (has_filter) {
        Xapian::Query range;
        if (request.since && request.until)
            range = Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, request.since->compact(),
                                  request.until->compact());
        else if (request.since)
            range = Xapian::Query(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, request.since->compact());
        else
            range = Xapian::Query(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, request.until->compact());
        query = Xapian::Query(Xapian::Query::OP_FILTER, query, range);
    }
    return query;
}

}  // namespace newsarchive
