// latency.cc — the timed loop and nearest-rank percentiles.
#include "latency.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace newsarchive::bench {

namespace {

double nearest_rank(const std::vector<double>& sorted, double fraction) {
    auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

}  // namespace

std::vector<std::string> read_queries(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read queries from '" + path + "'");
    std::vector<std::string> queries;
    for (std::string line; std::getline(in, line);)
        if (line.find_first_not_of(" \t\r") != std::string::npos) queries.push_back(line);
    if (queries.empty()) throw std::runtime_error("no queries in '" + path + "'");
    return queries;
}

LatencySummary measure_queries(const std::vector<std::string>& queries, int repeat,
                               const std::function<std::size_t(const std::string&)>& run_query) {
    LatencySummary summary;
    summary.queries = queries.size();
    for (const auto& query : queries)
        if (run_query(query) == 0) ++summary.without_hits;

    std::vector<double> milliseconds;
    milliseconds.reserve(queries.size() * static_cast<std::size_t>(std::max(repeat, 0)));
    for (int pass = 0; pass < repeat; ++pass) {
        for (const auto& query : queries) {
            auto start = std::chrono::steady_clock::now();
            run_query(query);
            std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
            milliseconds.push_back(took.count());
        }
    }
    summary.timed_runs = milliseconds.size();
    if (milliseconds.empty()) return summary;
    double total = 0;
    for (double ms : milliseconds) total += ms;
    std::sort(milliseconds.begin(), milliseconds.end());
    summary.p50_ms = nearest_rank(milliseconds, 0.50);
    summary.p95_ms = nearest_rank(milliseconds, 0.95);
    summary.p99_ms = nearest_rank(milliseconds, 0.99);
    summary.mean_ms = total / static_cast<double>(milliseconds.size());
    summary.max_ms = milliseconds.back();
    return summary;
}

std::string to_json(const LatencySummary& summary) {
    char text[320];
    std::snprintf(text, sizeof text,
                  "{\"queries\":%zu,\"timed_runs\":%zu,\"without_hits\":%zu,\"p50_ms\":%.4f,\"p95_ms\":%.4f,"
                  "\"p99_ms\":%.4f,\"mean_ms\":%.4f,\"max_ms\":%.4f}",
                  summary.queries, summary.timed_runs, summary.without_hits, summary.p50_ms, summary.p95_ms,
                  summary.p99_ms, summary.mean_ms, summary.max_ms);
    return text;
}

}  // namespace newsarchive::bench
