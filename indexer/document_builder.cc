// document_builder.cc — field weighting through TermGenerator's wdf increment.
#include "document_builder.h"

namespace newsarchive {

namespace {

std::string field_text(const Article& article, const schema::TextField& field) {
    if (field.name == "title") return article.title;
    if (field.name == "body") return article.body;
    if (field.name == "source") return article.source;
    std::string authors;  // "author": one line each, so no phrase spans two names
    for (const auto& author : article.authors) authors += author + '\n';
    return authors;
}

}  // namespace

DocumentBuilder::DocumentBuilder(const std::string& language, const schema::FieldWeights& weights,
                                 const StoreDictionary* dictionary)
    : weights_(weights), dictionary_(dictionary) {
    generator_.set_stemmer(Xapian::Stem(language));
    generator_.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
}

Xapian::Document DocumentBuilder::build(const Article& article) {
    Xapian::Document document;
    generator_.set_document(document);
    for (const auto& field : schema::kTextFields) {
        std::string text = field_text(article, field);
        if (text.empty()) continue;
        // A weight multiplies the within-document frequency of the field's
        // unprefixed terms, which is what BM25 scores: a title word with weight
        // 3 counts like three body occurrences.
        if (unsigned weight = weights_.of(field)) {
            generator_.index_text(text, weight);
            generator_.increase_termpos(schema::kFieldPositionGap);
        }
        if (!field.prefix.empty()) {
            generator_.index_text(text, 1, std::string(field.prefix));
            generator_.increase_termpos(schema::kFieldPositionGap);
        }
    }

    document.add_boolean_term(schema::id_term(article.id));
    document.add_value(schema::kIdSlot, article.id);
    if (article.date) {
        std::string day = article.date->compact();
        document.add_boolean_term(std::string(schema::kDayPrefix) + day);
        document.add_boolean_term(std::string(schema::kMonthPrefix) + day.substr(0, 6));
        document.add_boolean_term(std::string(schema::kYearPrefix) + day.substr(0, 4));
        document.add_value(schema::kDateSlot, day);
    }
    if (!article.source.empty()) {
        document.add_value(schema::kSourceSlot, article.source);
        document.add_boolean_term(schema::source_term(article.source));
    }
    if (!article.authors.empty()) {
        std::string authors;
        for (const auto& author : article.authors) {
            if (!authors.empty()) authors += schema::kAuthorSeparator;
            authors += author;
        }
        document.add_value(schema::kAuthorSlot, authors);
    }
    document.set_data(encode_stored_article(article, dictionary_));
    return document;
}

}  // namespace newsarchive
