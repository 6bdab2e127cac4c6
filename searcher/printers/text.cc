// text.cc — the terminal printer.
#include "printers/text.h"

namespace newsarchive {

namespace {
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";
}  // namespace

std::string TextPrinter::bold(std::string_view text) const {
    if (!highlight_) return std::string(text);
    return std::string(kBold) + std::string(text) + std::string(kReset);
}

void TextPrinter::begin(const SearchResult& result) {
    if (result.hits.empty()) {
        out_ << (result.total ? "No more results" : "No articles match") << " for: " << result.query << '\n';
        return;
    }
    out_ << (result.total_exact ? "" : "About ") << result.total << (result.total == 1 ? " article" : " articles")
         << " match; showing " << result.offset + 1 << "-" << result.offset + result.hits.size() << "\n\n";
}

void TextPrinter::hit(const Hit& hit) {
    out_ << hit.rank << ". " << bold(hit.title.empty() ? "(untitled)" : hit.title) << '\n';
    out_ << "   ";
    std::string_view separator;
    for (const auto* value : {&hit.date, &hit.source}) {
        if (*value) {
            out_ << separator << **value;
            separator = " · ";
        }
    }
    out_ << separator << hit.id << '\n';
    if (!hit.snippet.empty()) {
        out_ << "   ";
        for (const auto& part : hit.snippet) out_ << (part.matched ? bold(part.text) : part.text);
        out_ << '\n';
    }
    out_ << '\n';
}

void TextPrinter::end(const SearchResult&) { out_.flush(); }

}  // namespace newsarchive
