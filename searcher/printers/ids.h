// ids.h — one article id per line, for scripts (`xargs newssearch --show`).
#pragma once

#include "printers/printer.h"

namespace newsarchive {

// Ids in rank order, nothing else; with --count, the bare number.
class IdsPrinter : public Printer {
public:
    explicit IdsPrinter(std::ostream& out) : out_(out) {}
    void begin(const SearchResult&) override {}
    void hit(const Hit& hit) override;
    void end(const SearchResult& result) override;

private:
    std::ostream& out_;
};

}  // namespace newsarchive
