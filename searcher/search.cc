// search.cc — Enquire over the index; hits built from the MSet and the store.
#include "search.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <string_view>

#include "schema.h"
#include "store.h"

namespace newsarchive {

namespace {

// Highlight markers handed to MSet::snippet; removed from the text first so
// they cannot come from the article itself.
constexpr char kMatchStart = '\x01';
constexpr char kMatchEnd = '\x02';

// How far to count matches before estimating the total.
constexpr Xapian::doccount kCheckAtLeast = 1000;

// Tries of a read that a writer's commits can spoil (see retrying_on_modification).
constexpr int kAttempts = 5;

// Whether an error can come from a writer committing while we read: glass
// (Xapian 1.4) reports a block that a commit overwrote as DatabaseModifiedError,
// or as DatabaseCorruptError when it is a table's root block, whose level it
// checks before its revision — which opening and reopening read. Reading
// again from the latest revision tells the two apart.
bool maybe_overwritten(const Xapian::Error& error) {
    std::string_view type = error.get_type();  // Xapian::Error is not polymorphic
    return type == "DatabaseModifiedError" || type == "DatabaseCorruptError";
}

Xapian::Database open_database(const std::string& path) {
    for (int attempt = 1;; ++attempt) {
        try {
            return Xapian::Database(path);
        } catch (const Xapian::DatabaseNotFoundError&) {
            throw IndexOpenError("no index at '" + path + "' (create one with newsindex, or set --db / $NEWS_DB)");
        } catch (const Xapian::Error& e) {
            if (maybe_overwritten(e) && attempt < kAttempts) continue;
            throw IndexOpenError("cannot open index '" + path + "': " + e.get_msg());
        }
    }
}

// MSet::snippet escapes text for HTML; our printers want plain text.
std::string unescape_snippet_html(std::string_view text) {
    static constexpr std::pair<std::string_view, char> kEntities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&') {
            for (auto [entity, character] : kEntities) {
                if (text.substr(i, entity.size()) == entity) {
                    out += character;
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

std::vector<SnippetPart> make_snippet(const Xapian::MSet& mset, const std::string& text, std::size_t length,
                                      const Xapian::Stem& stemmer) {
    std::string clean = text;
    std::replace_if(clean.begin(), clean.end(), [](char c) { return c == kMatchStart || c == kMatchEnd; }, ' ');
    // No SNIPPET_BACKGROUND_MODEL (a term-frequency look-up per word of the
    // text) and no SNIPPET_EXHAUSTIVE: the two made snippets 60% of a
    // search's time (callgrind, docs/performance.md), and the passage with
    // the most query words is the one a reader of news wants anyway.
    std::string marked = unescape_snippet_html(mset.snippet(clean, length, stemmer, 0, std::string(1, kMatchStart),
                                                            std::string(1, kMatchEnd), "…"));
    std::vector<SnippetPart> parts;
    SnippetPart current;
    bool last_was_space = false;
    for (char c : marked) {
        if (c == kMatchStart || c == kMatchEnd) {
            if (!current.text.empty()) parts.push_back(current);
            current = SnippetPart{"", c == kMatchStart};
            continue;
        }
        bool space = c == '\n' || c == '\r' || c == '\t' || c == ' ';
        if (space && last_was_space) continue;  // lines and paragraphs fold into one line
        current.text += space ? ' ' : c;
        last_was_space = space;
    }
    if (!current.text.empty()) parts.push_back(current);
    return parts;
}

std::optional<std::string> non_empty(std::string value) {
    if (value.empty()) return std::nullopt;
    return value;
}

std::string join(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& part : parts) out += (out.empty() ? "" : ", ") + part;
    return out;
}

// Below this many matches a spelling correction is offered.
constexpr Xapian::doccount kSuggestBelow = 3;

// Terms of the article that --similar searches for.
constexpr Xapian::termcount kSimilarTerms = 30;

// Terms worth searching for articles like one: words of free text (not
// fields, boolean filters or stemmed "Z" terms) that some other article has too. Words only the article itself has
// find nothing, yet would rank first: rare words weigh most.
class SharedFreeTextTerms : public Xapian::ExpandDecider {
public:
    explicit SharedFreeTextTerms(const Xapian::Database& database) : database_(database) {}
    bool operator()(const std::string& term) const override {
        return schema::is_free_text_term(term) && database_.get_termfreq(term) > 1;
    }

private:
    const Xapian::Database& database_;
};

// Counts each of the `separator`-joined values in a slot (authors).
class SplitValueCountSpy : public Xapian::MatchSpy {
public:
    SplitValueCountSpy(Xapian::valueno slot, char separator) : slot_(slot), separator_(separator) {}

    void operator()(const Xapian::Document& document, double) override {
        std::string joined = document.get_value(slot_);
        std::size_t start = 0;
        while (start < joined.size()) {
            std::size_t end = std::min(joined.find(separator_, start), joined.size());
            if (end > start) ++counts_[joined.substr(start, end - start)];
            start = end + 1;
        }
    }
    Xapian::MatchSpy* clone() const override { return new SplitValueCountSpy(slot_, separator_); }
    std::string name() const override { return "newsarchive.SplitValueCountSpy"; }

    const std::map<std::string, std::uint64_t>& counts() const { return counts_; }

private:
    Xapian::valueno slot_;
    char separator_;
    std::map<std::string, std::uint64_t> counts_;
};

std::map<std::string, std::uint64_t> spy_counts(const Xapian::ValueCountMatchSpy& spy) {
    std::map<std::string, std::uint64_t> counts;
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] = it.get_termfreq();
    return counts;
}

// Dated matches by period of the date: "YYYYMMDD" cut to the period and
// written "YYYY", "YYYY-MM" or "YYYY-MM-DD".
Timeline make_timeline(const std::map<std::string, std::uint64_t>& by_day, Period period, std::uint64_t total) {
    Timeline timeline;
    timeline.period = std::string(name_of(period));
    std::size_t digits = period == Period::year ? 4 : period == Period::month ? 6 : 8;
    std::map<std::string, std::uint64_t> by_period;
    std::uint64_t dated = 0;
    for (const auto& [day, count] : by_day) {
        if (day.size() < digits) continue;
        by_period[day.substr(0, digits)] += count;
        dated += count;
    }
    timeline.undated = total >= dated ? total - dated : 0;
    if (by_period.empty()) return timeline;
    auto label = [](const std::string& compact) {
        std::string out = compact.substr(0, 4);
        for (std::size_t i = 4; i + 2 <= compact.size(); i += 2) out += "-" + compact.substr(i, 2);
        return out;
    };
    if (period == Period::day) {
        for (const auto& [key, count] : by_period) timeline.counts.push_back({label(key), count});
        return timeline;
    }
    // Years and months: every period from the first to the last.
    auto number = [&](const std::string& key) {
        long year = std::stol(key.substr(0, 4));
        return period == Period::year ? year : year * 12 + std::stol(key.substr(4, 2)) - 1;
    };
    long first = number(by_period.begin()->first), last = number(by_period.rbegin()->first);
    for (long n = first; n <= last; ++n) {
        char key[48];
        if (period == Period::year) std::snprintf(key, sizeof key, "%04ld", n);
        else std::snprintf(key, sizeof key, "%04ld%02ld", n / 12, n % 12 + 1);
        auto found = by_period.find(key);
        timeline.counts.push_back({label(key), found == by_period.end() ? 0 : found->second});
    }
    return timeline;
}

Facet make_facet(FacetField field, const std::map<std::string, std::uint64_t>& counts, std::uint64_t limit) {
    Facet facet;
    facet.field = std::string(name_of(field));
    facet.distinct = counts.size();
    for (const auto& [value, count] : counts) facet.values.push_back({value, count});
    std::stable_sort(facet.values.begin(), facet.values.end(),
                     [](const ValueCount& a, const ValueCount& b) { return a.count > b.count; });
    if (limit && facet.values.size() > limit) facet.values.resize(limit);
    return facet;
}

std::map<std::string, std::uint64_t> by_year(const std::map<std::string, std::uint64_t>& by_day) {
    std::map<std::string, std::uint64_t> years;
    for (const auto& [day, count] : by_day)
        if (day.size() >= 4) years[day.substr(0, 4)] += count;
    return years;
}

// The query builder reads the index's metadata, which a commit just after
// the open can spoil like any read. Returned as a prvalue, so it is built in
// place.
QueryBuilder make_query_builder(Xapian::Database& database) {
    for (int attempt = 1;; ++attempt) {
        try {
            if (attempt > 1) database.reopen();
            return QueryBuilder(database);
        } catch (const Xapian::Error& e) {
            if (!maybe_overwritten(e) || attempt == kAttempts) throw;
        }
    }
}

}  // namespace

std::string plain_snippet(const Hit& hit) {
    std::string out;
    for (const auto& part : hit.snippet) out += part.text;
    return out;
}

Searcher::Searcher(const std::string& path)
    : path_(path),
      database_(open_database(path)),
      dictionaries_(database_),
      query_builder_(make_query_builder(database_)) {}

template <typename Operation>
auto Searcher::retrying_on_modification(Operation operation) {
    // A writer's commit can invalidate the revision we read; the fresh one has
    // everything the old one had, so searching again is always correct. The
    // reopen is inside the try: it reads root blocks that the next commit
    // can overwrite too.
    for (int attempt = 1;; ++attempt) {
        try {
            if (attempt > 1) database_.reopen();
            return operation();
        } catch (const Xapian::Error& e) {
            if (!maybe_overwritten(e) || attempt == kAttempts) throw;
        }
    }
}

void Searcher::reopen() {
    for (int attempt = 1;; ++attempt) {
        try {
            database_.reopen();
            return;
        } catch (const Xapian::Error& e) {
            if (maybe_overwritten(e) && attempt < kAttempts) continue;
            throw IndexOpenError("cannot reopen index '" + path_ + "': " + e.get_msg());
        }
    }
}

void Searcher::check_index_supports(const SearchRequest& request) {
    bool author_facet =
        std::find(request.facets.begin(), request.facets.end(), FacetField::author) != request.facets.end();
    if (request.query.sources.empty() && !author_facet) return;
    // Indexes of schema 1 have neither the exact-source terms nor the author slot.
    if (database_.get_metadata(std::string(schema::kSchemaVersionKey)) == "1")
        throw RequestError(std::string(request.query.sources.empty() ? "--facets author" : "--source") +
                           " needs an index built by a newer newsindex: re-index into a new index");
}

Xapian::Query Searcher::similar_query(const std::string& id) {
    std::string term = schema::id_term(id);
    Xapian::PostingIterator posting = database_.postlist_begin(term);
    if (posting == database_.postlist_end(term)) throw UnknownArticleError("no article with id '" + id + "'");
    // Relevance feedback: the article's most telling words, searched for
    // together, the article itself left out.
    Xapian::RSet relevant;
    relevant.add_document(*posting);
    Xapian::Enquire enquire(database_);
    SharedFreeTextTerms shared(database_);
    // Exact term frequencies: over shards, Xapian otherwise scales those of
    // the article's own shard, and a small shard then picks other words.
    Xapian::ESet terms = enquire.get_eset(kSimilarTerms, relevant, Xapian::Enquire::USE_EXACT_TERMFREQ, &shared);
    Xapian::Query like(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_AND_NOT, like, Xapian::Query(term));
}

SearchResult Searcher::search(const SearchRequest& request) {
    if (request.similar_to && request.query.text.find_first_not_of(" \t\r\n") != std::string::npos)
        throw RequestError("give either a QUERY or --similar ID, not both");
    return retrying_on_modification([&] {
        check_index_supports(request);
        // Parsing reads the index too (wildcards, spelling), so it is retried with the rest.
        BuiltQuery built;
        if (request.similar_to) {
            built.query = query_builder_.filter(similar_query(*request.similar_to), request.query);
            built.match_any = true;
        } else {
            built = query_builder_.build(request.query);
        }
        Xapian::Enquire enquire(database_);
        enquire.set_query(built.query);
        enquire.set_weighting_scheme(Xapian::BM25Weight(request.bm25.k1, 0, 1, request.bm25.b, 0.5));

        // Undated articles sort last either way: the empty value is the
        // smallest, and oldest-first reads it as a day after any other.
        Xapian::MultiValueKeyMaker oldest_first;
        oldest_first.add_value(schema::kDateSlot, false, "99999999");
        if (request.sort == SortOrder::newest) enquire.set_sort_by_value_then_relevance(schema::kDateSlot, true);
        else if (request.sort == SortOrder::oldest) enquire.set_sort_by_key_then_relevance(&oldest_first, false);

        // Spies see every match only when the match is run to the end, which
        // asking to check at least every document ensures.
        bool want_year = std::find(request.facets.begin(), request.facets.end(), FacetField::year) !=
                         request.facets.end();
        bool want_source = std::find(request.facets.begin(), request.facets.end(), FacetField::source) !=
                           request.facets.end();
        bool want_author = std::find(request.facets.begin(), request.facets.end(), FacetField::author) !=
                           request.facets.end();
        Xapian::ValueCountMatchSpy date_spy(schema::kDateSlot), source_spy(schema::kSourceSlot);
        SplitValueCountSpy author_spy(schema::kAuthorSlot, schema::kAuthorSeparator);
        if (request.timeline || want_year) enquire.add_matchspy(&date_spy);
        if (want_source) enquire.add_matchspy(&source_spy);
        if (want_author) enquire.add_matchspy(&author_spy);
        bool exact = request.count_only || request.timeline || !request.facets.empty();
        Xapian::doccount check_at_least = exact ? database_.get_doccount() : request.total ? kCheckAtLeast : 0;

        // No more than the index holds, so that huge values cannot overflow Xapian's counts.
        Xapian::doccount size = database_.get_doccount();
        auto at_most_size = [&](std::uint64_t value) {
            return static_cast<Xapian::doccount>(std::min<std::uint64_t>(value, size));
        };
        auto run = [&] {
            return enquire.get_mset(at_most_size(request.offset), request.count_only ? 0 : at_most_size(request.limit),
                                    check_at_least);
        };
        Xapian::MSet mset = run();
        SearchResult result;
        // Few matches for the words as typed: a respelling may be what was meant.
        std::string correction;
        if (request.suggestion && !request.similar_to && mset.get_matches_estimated() < kSuggestBelow)
            correction = query_builder_.correction(request.query);
        if (built.widenable && mset.get_matches_upper_bound() == 0) {
            // No article has every word: rank those with any of them.
            QueryRequest wider = request.query;
            wider.match = MatchMode::any;
            built = query_builder_.build(wider);
            enquire.set_query(built.query);
            mset = run();
            result.widened = true;
        }
        result.match = built.match_any ? "any" : "all";
        if (request.id) result.id = *request.id;
        result.query = request.query.text;
        result.similar_to = request.similar_to;
        result.sort = std::string(name_of(request.sort));
        result.count_only = request.count_only;
        result.offset = request.offset;
        result.total = mset.get_matches_estimated();
        result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        if (!correction.empty()) result.suggestion = correction;
        if (request.count_only) return result;

        std::map<std::string, std::uint64_t> by_day;
        if (request.timeline || want_year) by_day = spy_counts(date_spy);
        if (request.timeline) result.timeline = make_timeline(by_day, *request.timeline, result.total);
        for (FacetField field : request.facets) {
            switch (field) {
                case FacetField::source:
                    result.facets.push_back(make_facet(field, spy_counts(source_spy), request.facet_limit));
                    break;
                case FacetField::author:
                    result.facets.push_back(make_facet(field, author_spy.counts(), request.facet_limit));
                    break;
                case FacetField::year:
                    result.facets.push_back(make_facet(field, by_year(by_day), request.facet_limit));
                    break;
            }
        }

        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Hit hit;
            hit.rank = request.offset + it.get_rank() - mset.get_firstitem() + 1;
            hit.score = it.get_weight();
            Xapian::Document document = it.get_document();
            if (!request.article_fields) {
                // The id alone: its value slot is a fraction of the cost of
                // the stored article (or of the term list), docs/performance.md.
                if (hit.id = document.get_value(schema::kIdSlot); !hit.id.empty()) {
                    result.hits.push_back(std::move(hit));
                    continue;
                }
            }
            Article article = decode_stored_article(document.get_data(), dictionaries_.lookup());
            hit.id = article.id;
            hit.title = article.title;
            if (article.date) hit.date = article.date->iso();
            hit.source = non_empty(article.source);
            hit.author = non_empty(join(article.authors));
            hit.url = non_empty(article.url);
            if (request.snippets)
                hit.snippet = make_snippet(mset, article.body, request.snippet_bytes, query_builder_.stemmer());
            result.hits.push_back(std::move(hit));
        }
        return result;
    });
}

std::optional<Article> Searcher::fetch(const std::string& id) {
    std::string term = schema::id_term(id);
    return retrying_on_modification([&]() -> std::optional<Article> {
        Xapian::PostingIterator posting = database_.postlist_begin(term);
        if (posting == database_.postlist_end(term)) return std::nullopt;
        return decode_stored_article(database_.get_document(*posting).get_data(), dictionaries_.lookup());
    });
}

}  // namespace newsarchive
