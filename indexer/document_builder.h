// document_builder.h — turns an Article into a Xapian document, by the schema.
#pragma once

#include <string>

#include <xapian.h>

#include "article.h"
#include "schema.h"
#include "store.h"

namespace newsarchive {

class DocumentBuilder {
public:
    // `language` is a Xapian stemmer name or "none"; throws
    // Xapian::InvalidArgumentError for an unknown one. Stored articles are
    // compressed with `dictionary` when given; it must outlive the builder.
    DocumentBuilder(const std::string& language, const schema::FieldWeights& weights,
                    const StoreDictionary* dictionary = nullptr);

    // Terms with positions for every text field, the id, date and exact-source
    // terms, value slots, and the compressed stored article as document data.
    // Not thread-safe: use one builder per thread.
    Xapian::Document build(const Article& article);

private:
    Xapian::TermGenerator generator_;
    schema::FieldWeights weights_;
    const StoreDictionary* dictionary_;
};

}  // namespace newsarchive
