// search.cc — Enquire over the index; hits built from the MSet and the store.
#include "search.h"

#include <algorithm>

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

Xapian::Database open_database(const std::string& path) {
    try {
        return Xapian::Database(path);
    } catch (const Xapian::DatabaseNotFoundError&) {
        throw IndexOpenError("no index at '" + path + "' (create one with newsindex, or set --db / $NEWS_DB)");
    } catch (const Xapian::Error& e) {
        throw IndexOpenError("cannot open index '" + path + "': " + e.get_msg());
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
    std::string marked = unescape_snippet_html(mset.snippet(clean, length, stemmer,
                                                            Xapian::MSet::SNIPPET_BACKGROUND_MODEL |
                                                                Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                                            std::string(1, kMatchStart), std::string(1, kMatchEnd),
                                                            "…"));
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

}  // namespace

std::string plain_snippet(const Hit& hit) {
    std::string out;
    for (const auto& part : hit.snippet) out += part.text;
    return out;
}

Searcher::Searcher(const std::string& path)
    : path_(path), database_(open_database(path)), query_builder_(database_) {}

template <typename Operation>
auto Searcher::retrying_on_modification(Operation operation) {
    // A writer's commit can invalidate the revision we read; the fresh one has
    // everything the old one had, so searching again is always correct.
    constexpr int kAttempts = 5;
    for (int attempt = 1;; ++attempt) {
        try {
            return operation();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kAttempts) throw;
            database_.reopen();
        }
    }
}

SearchResult Searcher::search(const SearchRequest& request) {
    Xapian::Query query = query_builder_.build(request.query);
    return retrying_on_modification([&] {
        Xapian::Enquire enquire(database_);
        enquire.set_query(query);
        enquire.set_weighting_scheme(Xapian::BM25Weight());
        Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(request.offset),
                                             static_cast<Xapian::doccount>(request.limit), kCheckAtLeast);
        SearchResult result;
        result.query = request.query.text;
        result.offset = request.offset;
        result.total = mset.get_matches_estimated();
        result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            Article article = decode_stored_article(it.get_document().get_data());
            Hit hit;
            hit.rank = request.offset + it.get_rank() - mset.get_firstitem() + 1;
            hit.id = article.id;
            hit.score = it.get_weight();
            hit.title = article.title;
            if (article.date) hit.date = article.date->iso();
            hit.source = non_empty(article.source);
            hit.author = non_empty(join(article.authors));
            hit.url = non_empty(article.url);
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
        return decode_stored_article(database_.get_document(*posting).get_data());
    });
}

}  // namespace newsarchive
