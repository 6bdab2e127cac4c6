// json_line.h — a generated article as one line of JSON.
#pragma once

#include <string>

#include "generated_article.h"

namespace newsarchive::corpus {

// Appends {"id":..,"title":..,"body":..,"date":..,"source":..,"authors":[..],
// "url":..,"story":..} and a newline to `out`. Strings are escaped as RFC 8259
// requires; the generator writes only ASCII, so nothing else is needed.
void append_json_line(std::string& out, const GeneratedArticle& article);

}  // namespace newsarchive::corpus
