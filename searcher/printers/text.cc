// text.cc — the terminal printer.
#include "printers/text.h"

#include <algorithm>

#include "printers/text_layout.h"

namespace newsarchive {

namespace {

// Longest bar of a chart, in characters (less when the width is short).
constexpr std::size_t kBarWidth = 40;

// Lines after the first of a hit start under its title.
constexpr std::string_view kIndent = "   ";

// What was searched for, for "No articles match for: ...".
std::string searched_for(const SearchResult& result) {
    if (result.similar_to) return "articles like " + *result.similar_to;
    return result.query;
}

}  // namespace

std::string TextPrinter::bold(std::string_view text) const {
    if (!highlight_) return std::string(text);
    return std::string(kHighlightOn) + std::string(text) + std::string(kHighlightOff);
}

void TextPrinter::begin(const SearchResult& result) {
    if (result.count_only) return;
    std::string total = (result.total_exact ? "" : "About ") + std::to_string(result.total) +
                        (result.total == 1 ? " article" : " articles") + " match";
    if (!result.hits.empty())
        out_ << total << "; showing " << result.offset + 1 << "-" << result.offset + result.hits.size() << '\n';
    else if (result.total == 0)
        out_ << "No articles match for: " << searched_for(result) << '\n';
    else if (result.offset >= result.total)
        out_ << "No more results for: " << searched_for(result) << '\n';
    else
        out_ << total << '\n';  // --limit 0
    if (result.widened) out_ << "No article has all the words: showing those with any of them\n";
    if (result.suggestion) out_ << "Did you mean: " << *result.suggestion << '\n';
    if (!result.hits.empty()) out_ << '\n';
}

void TextPrinter::hit(const Hit& hit) {
    std::string rank = std::to_string(hit.rank) + ". ";
    bool untitled = hit.title.find_first_not_of(" \t\r\n") == std::string::npos;
    out_ << wrap({{untitled ? "(untitled)" : hit.title, true}}, {width_, rank, kIndent, highlight_});
    // Not wrapped: an id (often a URL) must stay whole to be copied.
    out_ << kIndent;
    std::string_view separator;
    for (const auto* value : {&hit.date, &hit.source}) {
        if (*value) {
            out_ << separator << **value;
            separator = " · ";
        }
    }
    out_ << separator << hit.id << '\n';
    out_ << wrap(hit.snippet, {width_, kIndent, kIndent, highlight_}) << '\n';
}

// A heading, then "label  count  bar" lines, bars scaled to the largest count.
void TextPrinter::chart(std::string_view heading, const std::vector<ValueCount>& rows) {
    out_ << (first_chart_ ? "" : "\n") << bold(heading) << '\n';
    first_chart_ = false;
    if (rows.empty()) {
        out_ << "  (none)\n";
        return;
    }
    std::size_t label_width = 0, count_width = 0;
    std::uint64_t largest = 0;
    for (const auto& row : rows) {
        label_width = std::max(label_width, display_width(row.value));
        count_width = std::max(count_width, std::to_string(row.count).size());
        largest = std::max(largest, row.count);
    }
    std::size_t before_bar = 2 + label_width + 2 + count_width + 2;
    std::uint64_t bar_width = std::clamp<std::size_t>(width_ > before_bar ? width_ - before_bar : 0, 1, kBarWidth);
    for (const auto& row : rows) {
        std::string count = std::to_string(row.count);
        // Any non-zero count shows at least one block.
        std::uint64_t length = largest ? (row.count * bar_width + largest - 1) / largest : 0;
        out_ << "  " << row.value << std::string(label_width - display_width(row.value), ' ') << "  "
             << std::string(count_width - count.size(), ' ') << count << (length ? "  " : "");
        for (std::uint64_t i = 0; i < length; ++i) out_ << "█";
        out_ << '\n';
    }
}

void TextPrinter::end(const SearchResult& result) {
    if (result.count_only) {
        out_ << result.total << '\n' << std::flush;
        return;
    }
    if ((result.timeline || !result.facets.empty()) && result.hits.empty()) out_ << '\n';
    if (result.timeline) {
        auto rows = result.timeline->counts;
        if (result.timeline->undated) rows.push_back({"undated", result.timeline->undated});
        chart("Matches per " + result.timeline->period + ":", rows);
    }
    for (const auto& facet : result.facets) {
        std::string heading = "Matches per " + facet.field;
        if (facet.values.size() < facet.distinct)
            heading += " (top " + std::to_string(facet.values.size()) + " of " + std::to_string(facet.distinct) + ")";
        chart(heading + ":", facet.values);
    }
    out_.flush();
}

}  // namespace newsarchive
