// record_fields.cc — key aliases of real news dumps and the record → article rule.
#include "readers/record_fields.h"

#include <stdexcept>

#include "content_hash.h"
#include "text_clean.h"
#include "readers/url_host.h"

namespace newsarchive {

namespace {

constexpr std::array<std::string_view, 7> kFieldNames{"id", "title", "body", "date", "author", "source", "url"};

std::size_t index_of(RecordField field) { return static_cast<std::size_t>(field); }

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

// Scraped dumps carry markup and escaped entities in their values, and JSON
// escapes can spell control characters: reduce every value to plain text.
std::string plain_text(std::string_view value) {
    std::string clean = clean_text(value);
    if (looks_like_html(clean)) return html_to_text(clean);
    if (clean.find('&') != std::string::npos) return decode_entities(clean);
    return clean;
}

}  // namespace

FieldMap::FieldMap() {
    // HuffPost: link, headline, short_description, authors, date.
    // news-please: url, title, maintext, date_publish, authors, source_domain.
    // All the News: id, title, content, date, author, publication, url.
    keys_[index_of(RecordField::id)] = {"id", "url", "link"};
    keys_[index_of(RecordField::title)] = {"title", "headline"};
    keys_[index_of(RecordField::body)] = {"body", "text", "content", "maintext", "short_description", "description"};
    keys_[index_of(RecordField::date)] = {"date", "published", "date_publish", "publish_date"};
    keys_[index_of(RecordField::author)] = {"author", "authors", "byline"};
    keys_[index_of(RecordField::source)] = {"source", "publication", "source_domain", "outlet"};
    keys_[index_of(RecordField::url)] = {"url", "link"};
}

void FieldMap::set(std::string_view assignment) {
    auto eq = assignment.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == assignment.size())
        throw std::invalid_argument("field mapping must look like NAME=KEY, got '" + std::string(assignment) + "'");
    auto name = assignment.substr(0, eq);
    for (std::size_t i = 0; i < kFieldNames.size(); ++i) {
        if (kFieldNames[i] == name) {
            keys_[i].insert(keys_[i].begin(), std::string(assignment.substr(eq + 1)));
            return;
        }
    }
    throw std::invalid_argument("unknown field '" + std::string(name) +
                                "' in --field (fields: id, title, body, date, author, source, url)");
}

const std::vector<std::string>& FieldMap::keys(RecordField field) const { return keys_[index_of(field)]; }

std::optional<Date> parse_record_date(const std::string& date, const std::string& file, const std::string& position,
                                      ArticleSink& sink) {
    auto parsed = parse_date(date);
    if (!parsed)
        sink.warn({file, position, "unrecognised date '" + date + "'; article kept without a date",
                   "unrecognised date"});
    return parsed;
}

std::optional<Article> article_from_record(const RecordLookup& lookup, const FieldMap& fields,
                                           const std::string& file, const std::string& position,
                                           ArticleSink& sink) {
    auto first = [&](RecordField field) -> std::vector<std::string> {
        for (const auto& key : fields.keys(field)) {
            if (auto values = lookup(key)) {
                for (auto& value : *values) value = plain_text(value);
                return *values;
            }
        }
        return {};
    };
    auto first_string = [&](RecordField field) { return join(first(field), " "); };

    Article article;
    article.title = first_string(RecordField::title);
    article.body = join(first(RecordField::body), "\n\n");
    if (article.title.empty() && article.body.empty()) {
        sink.skip({file, position, "record has neither a title nor a body", "no title or body"});
        return std::nullopt;
    }
    article.url = first_string(RecordField::url);
    article.source = first_string(RecordField::source);
    if (article.source.empty()) article.source = source_from_url(article.url);
    article.authors = first(RecordField::author);
    if (std::string date = first_string(RecordField::date); !date.empty())
        article.date = parse_record_date(date, file, position, sink);
    article.text = article_text(article.title, article.body);
    article.id = first_string(RecordField::id);
    if (article.id.empty())
        article.id = content_hash(article.title + '\n' + (article.date ? article.date->iso() : "") + '\n' + article.body);
    return article;
}

}  // namespace newsarchive
