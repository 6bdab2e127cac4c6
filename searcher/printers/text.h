// text.h — human output: rank, title, date · source · id, and a snippet;
// timelines and facets as bar charts; --count as a bare number. Titles,
// snippets and bars fit the given width.
#pragma once

#include <cstddef>
#include <vector>

#include "printers/printer.h"

namespace newsarchive {

class TextPrinter : public Printer {
public:
    TextPrinter(std::ostream& out, bool highlight, std::size_t width)
        : out_(out), highlight_(highlight), width_(width) {}
    void begin(const SearchResult& result) override;
    void hit(const Hit& hit) override;
    void end(const SearchResult& result) override;

private:
    std::string bold(std::string_view text) const;
    void chart(std::string_view heading, const std::vector<ValueCount>& rows);

    std::ostream& out_;
    bool highlight_;
    std::size_t width_;
    bool first_chart_ = true;
};

}  // namespace newsarchive
