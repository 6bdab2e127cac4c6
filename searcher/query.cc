// query.cc — QueryParser configured from the schema and the index metadata.
#include "query.h"

#include <algorithm>
#include <iterator>

#include "schema.h"
#include "stop_words.h"

namespace newsarchive {

namespace {

std::string index_language(const Xapian::Database& database) {
    std::string language = database.get_metadata(std::string(schema::kLanguageKey));
    return language.empty() ? "english" : language;
}

constexpr unsigned kParserFlags = Xapian::QueryParser::FLAG_DEFAULT | Xapian::QueryParser::FLAG_WILDCARD |
                                  Xapian::QueryParser::FLAG_PURE_NOT;

std::string author_prefix() {
    const schema::TextField* field = schema::find_text_field("author");
    return field ? std::string(field->prefix) : std::string();
}

// Any one of `queries`; an empty query for none.
Xapian::Query any_of(const std::vector<Xapian::Query>& queries) {
    return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

}  // namespace

QueryBuilder::QueryBuilder(const Xapian::Database& database)
    : language_(index_language(database)),
      stemmer_(language_), date_ranges_(schema::kDateSlot, std::string(schema::kDateRangePrefix)) {
    parser_.set_database(database);  // for wildcard expansion and spelling correction
    parser_.set_stemmer(stemmer_);
    parser_.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    for (const auto& field : schema::kTextFields)
        if (!field.prefix.empty()) parser_.add_prefix(std::string(field.name), std::string(field.prefix));
    parser_.add_rangeprocessor(&date_ranges_);
    author_parser_.set_stemming_strategy(Xapian::QueryParser::STEM_NONE);
}

const Xapian::Stopper* QueryBuilder::stopper(const std::optional<std::string>& name) {
    std::string key = name ? *name : default_stop_list(language_);
    auto found = stop_lists_.find(key);
    if (found == stop_lists_.end()) found = stop_lists_.emplace(key, load_stop_list(key)).first;
    return found->second.get();
}

Xapian::Query QueryBuilder::parse(const std::string& text, Xapian::Query::op default_op, unsigned extra_flags) {
    parser_.set_default_op(default_op);
    try {
        return parser_.parse_query(text, kParserFlags | extra_flags);
    } catch (const Xapian::QueryParserError& e) {
        throw QuerySyntaxError("bad query: " + e.get_msg());
    } catch (const Xapian::WildcardError& e) {
        throw QuerySyntaxError("bad query: " + e.get_msg());
    }
}

BuiltQuery QueryBuilder::build(const QueryRequest& request) {
    parser_.set_stopper(stopper(request.stop_list));
    BuiltQuery built;
    built.match_any = request.match == MatchMode::any;
    Xapian::Query query = parse(request.text, built.match_any ? Xapian::Query::OP_OR : Xapian::Query::OP_AND);
    if (request.match == MatchMode::automatic) {
        auto content_words = static_cast<std::size_t>(
            std::distance(query.get_unique_terms_begin(), query.get_unique_terms_end()));
        if (content_words >= kLongQueryWords) {
            query = parse(request.text, Xapian::Query::OP_OR);
            built.match_any = true;
        } else {
            built.widenable = content_words > 1;
        }
    }
    if (query.empty()) {
        if (!request.has_filter())
            throw QuerySyntaxError("empty query: give words to search for, or a filter (date, source, author)");
        query = Xapian::Query::MatchAll;
    }
    built.query = filter(query, request);
    return built;
}

// Spelling correction looks up every word's neighbours in the spelling
// table, a quarter of a typical search's time: only for queries that need it.
std::string QueryBuilder::correction(const QueryRequest& request) {
    parser_.set_stopper(stopper(request.stop_list));
    parse(request.text, Xapian::Query::OP_AND, Xapian::QueryParser::FLAG_SPELLING_CORRECTION);
    return parser_.get_corrected_query_string();
}

Xapian::Query QueryBuilder::filter(const Xapian::Query& query, const QueryRequest& request) {
    std::vector<Xapian::Query> filters;
    if (request.since || request.until) {
        if (request.since && request.until)
            filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, request.since->compact(),
                                 request.until->compact());
        else if (request.since)
            filters.emplace_back(Xapian::Query::OP_VALUE_GE, schema::kDateSlot, request.since->compact());
        else
            filters.emplace_back(Xapian::Query::OP_VALUE_LE, schema::kDateSlot, request.until->compact());
    }
    if (!request.sources.empty()) {
        std::vector<Xapian::Query> sources;
        for (const auto& source : request.sources) {
            if (schema::source_key(source).empty()) throw QuerySyntaxError("--source needs a name");
            sources.emplace_back(schema::source_term(source));
        }
        filters.push_back(any_of(sources));
    }
    if (!request.authors.empty()) {
        std::vector<Xapian::Query> authors;
        for (const auto& author : request.authors) {
            // A phrase of the name's words in the author field.
            std::string phrase = author;
            std::replace(phrase.begin(), phrase.end(), '"', ' ');
            Xapian::Query name = author_parser_.parse_query('"' + phrase + '"', Xapian::QueryParser::FLAG_PHRASE,
                                                            author_prefix());
            if (name.empty()) throw QuerySyntaxError("--author '" + author + "' has no words to match");
            authors.push_back(name);
        }
        filters.push_back(any_of(authors));
    }
    if (filters.empty()) return query;
    return Xapian::Query(Xapian::Query::OP_FILTER, query,
                         Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

}  // namespace newsarchive
