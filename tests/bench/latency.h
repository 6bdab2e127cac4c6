// latency.h — timing a query loop and reporting its percentiles, shared by the query benchmarks.
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace newsarchive::bench {

struct LatencySummary {
    std::size_t queries = 0;         // distinct queries
    std::size_t timed_runs = 0;      // queries × repeat
    std::size_t without_hits = 0;    // queries that found nothing
    double p50_ms = 0, p95_ms = 0, p99_ms = 0, mean_ms = 0, max_ms = 0;
};

// The lines of `path`, blank ones skipped. Throws std::runtime_error when the
// file cannot be read or holds no query.
std::vector<std::string> read_queries(const std::string& path);

// Runs every query once untimed (to warm the page cache and the process's
// own caches, as a long-running searcher would be), then `repeat` more times
// timed, the whole list in order each time. `run_query` returns the number
// of hits. Percentiles are nearest-rank over all timed runs.
LatencySummary measure_queries(const std::vector<std::string>& queries, int repeat,
                               const std::function<std::size_t(const std::string&)>& run_query);

// {"queries":..,"timed_runs":..,"without_hits":..,"p50_ms":..,"p95_ms":..,"p99_ms":..,"mean_ms":..,"max_ms":..}
std::string to_json(const LatencySummary& summary);

}  // namespace newsarchive::bench
