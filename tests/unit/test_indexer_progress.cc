// test_indexer_progress.cc — the progress line's text, and how each style draws it.
#include <doctest/doctest.h>

#include <sstream>

#include "progress.h"

using namespace newsarchive;
using namespace std::chrono_literals;

TEST_CASE("progress: files, articles, bytes, rates and ETA from the counts") {
    ProgressCounts counts{.files_done = 3,
                          .files_total = 40,
                          .articles = 12345,
                          .skipped = 0,
                          .bytes_read = 512'000'000,
                          .bytes_total = 2'048'000'000};
    CHECK(describe_progress(counts, 20s) ==
          "3/40 files, 12345 articles, 512.0 of 2048.0 MB, ETA 1:00, 25.6 MB/s, 617 articles/s");
    counts.skipped = 7;
    counts.bytes_total.reset();
    CHECK(describe_progress(counts, 20s) ==
          "3/40 files, 12345 articles, 7 skipped, 512.0 MB, 25.6 MB/s, 617 articles/s");
}

TEST_CASE("progress: no rates before time has passed, no ETA before bytes are read") {
    ProgressCounts counts{.files_done = 0, .files_total = 1, .bytes_total = 1000};
    CHECK(describe_progress(counts, 0s) == "0/1 files, 0 articles, 0.0 of 0.0 MB");
    CHECK(describe_progress(counts, 1s) == "0/1 files, 0 articles, 0.0 of 0.0 MB, 0.0 MB/s, 0 articles/s");
}

TEST_CASE("progress: the ETA reads m:ss, or h:mm:ss past an hour (capped), and never goes negative") {
    ProgressCounts counts{.files_total = 1, .bytes_read = 1'000'000, .bytes_total = 11'230'000};
    CHECK(describe_progress(counts, 1s).find(", ETA 0:10, ") != std::string::npos);
    counts.bytes_total = 11'230'000'000;
    CHECK(describe_progress(counts, 1s).find(", ETA 3:07:09, ") != std::string::npos);
    counts.bytes_total = 1'000'000'000'000'000;
    CHECK(describe_progress(counts, 1s).find(", ETA 99:59:59, ") != std::string::npos);
    counts.bytes_total = 500'000;  // a file grew after it was measured
    CHECK(describe_progress(counts, 1s).find(", ETA 0:00, ") != std::string::npos);
}

TEST_CASE("progress: the lines style writes a plain line when due, none writes nothing") {
    std::ostringstream out;
    int asked = 0;
    auto counts = [&] {
        ++asked;
        return ProgressCounts{.files_done = 1, .files_total = 2, .articles = 5, .bytes_total = {}};
    };
    ProgressReporter lines({ProgressStyle::lines, 0ms}, out, counts);
    lines.tick();
    lines.clear();
    CHECK(out.str().starts_with("newsindex: 1/2 files, 5 articles, 0.0 MB"));
    CHECK(out.str().ends_with("\n"));

    std::ostringstream later_out;
    ProgressReporter later({ProgressStyle::lines, 1h}, later_out, counts);
    later.tick();
    CHECK(later_out.str().empty());

    std::ostringstream none_out;
    ProgressReporter none({ProgressStyle::none, 0ms}, none_out, counts);
    none.tick();
    CHECK(none_out.str().empty());
    CHECK(asked == 1);  // counts are asked for only when a line is drawn
}

TEST_CASE("progress: the live style rewrites one line in place and clear() blanks it") {
    std::ostringstream out;
    std::uint64_t articles = 123456;
    ProgressReporter live({ProgressStyle::live, 0ms}, out,
                          [&] { return ProgressCounts{.files_total = 1, .articles = articles, .bytes_total = {}}; });
    live.tick();
    std::string first = out.str();
    REQUIRE(first.starts_with("\r0/1 files, 123456 articles"));
    CHECK(first.find('\n') == std::string::npos);
    articles = 7;  // a shorter line is padded to cover the longer one
    live.tick();
    std::string second = out.str().substr(first.size());
    CHECK(second.starts_with("\r0/1 files, 7 articles"));
    CHECK(second.size() >= first.size());
    out.str("");
    live.clear();
    std::string cleared = out.str();
    CHECK(cleared.size() > 2);
    CHECK(cleared == "\r" + std::string(cleared.size() - 2, ' ') + "\r");
    out.str("");
    live.clear();
    CHECK(out.str().empty());
}
