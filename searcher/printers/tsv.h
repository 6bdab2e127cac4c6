// tsv.h — tab-separated values for spreadsheets, awk and cut.
#pragma once

#include "printers/printer.h"

namespace newsarchive {

// A header line "rank score date source id title", then one line per hit.
// Absent values are empty; tabs and newlines inside values become spaces.
// With --count, the bare number and no header.
class TsvPrinter : public Printer {
public:
    explicit TsvPrinter(std::ostream& out) : out_(out) {}
    void begin(const SearchResult& result) override;
    void hit(const Hit& hit) override;
    void end(const SearchResult& result) override;

private:
    std::ostream& out_;
};

}  // namespace newsarchive
