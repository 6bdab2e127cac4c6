// json.h — machine output: one JSON document per search, or one hit per line.
//
// The schema is documented in docs/output.md; absent values are null, text
// carries no terminal escapes. Bump kJsonFormatVersion on breaking changes.
#pragma once

#include <nlohmann/json.hpp>

#include "printers/printer.h"

namespace newsarchive {

inline constexpr int kJsonFormatVersion = 1;

// One hit as the JSON object both formats use.
nlohmann::json hit_to_json(const Hit& hit);

// {"format_version", "query", "similar_to", "sort", "total", "total_exact",
//  "offset", "suggestion", "results": [...]}, with "id" for a batch request
// that had one, "timeline", "timeline_period", "timeline_undated" with
// --timeline, "facets" with --facets. With --count: {"format_version",
// "query", "total"} (and "id").
class JsonPrinter : public Printer {
public:
    explicit JsonPrinter(std::ostream& out) : out_(out) {}
    void begin(const SearchResult& result) override;
    void hit(const Hit& hit) override;
    void end(const SearchResult& result) override;

private:
    std::ostream& out_;
    nlohmann::json hits_;
};

// One hit object per line, nothing else; with --count, the count object.
class JsonLinesPrinter : public Printer {
public:
    explicit JsonLinesPrinter(std::ostream& out) : out_(out) {}
    void begin(const SearchResult&) override {}
    void hit(const Hit& hit) override;
    void end(const SearchResult& result) override;

private:
    std::ostream& out_;
};

}  // namespace newsarchive
