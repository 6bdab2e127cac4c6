// progress.h — the progress line newsindex writes on stderr while it indexes.
//
// Hand-written: Debian packages no C++ progress-bar library (only Go ones), and
// one line of text needs none.
//
// Polled, not threaded: the indexing loop calls tick() after every record and
// file; tick() reads the steady clock and draws only when the interval has
// passed. All stderr output then comes from one thread, so a diagnostic is
// never torn by the line being redrawn: the loop calls clear() before writing
// one. The cost is that the line stands still while one record or one commit
// takes long.
//
// Rates and the ETA count bytes of the input files as stored (compressed
// bytes for .gz/.zst), which is what the file sizes of the total count too.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>

namespace newsarchive {

struct ProgressCounts {
    std::uint64_t files_done = 0;
    std::uint64_t files_total = 0;
    std::uint64_t articles = 0;  // indexed or replaced
    std::uint64_t skipped = 0;
    std::uint64_t bytes_read = 0;
    std::optional<std::uint64_t> bytes_total;  // nullopt when an input's size is unknown (standard input)
};

// "3/40 files, 12345 articles, 512.0 of 2048.0 MB, ETA 1:00, 25.6 MB/s, 617 articles/s"
// Skips appear when there are some; rates once `elapsed` is positive; the ETA
// then too, when the total is known and bytes have been read. MB are 10^6 bytes.
std::string describe_progress(const ProgressCounts& counts, std::chrono::duration<double> elapsed);

enum class ProgressStyle {
    none,
    live,   // one line on a terminal, rewritten in place, cut to the terminal's width
    lines,  // a plain line per interval, for logs
};

struct ProgressOptions {
    ProgressStyle style = ProgressStyle::none;
    std::chrono::milliseconds interval{250};
};

// newsindex's choice for stderr: nothing when `quiet`; the live line ~4 times
// a second when stderr is a terminal; else, when `lines_interval` is given
// (--progress), plain lines at that interval; else nothing.
ProgressOptions stderr_progress(bool quiet, std::optional<std::chrono::milliseconds> lines_interval);

class ProgressReporter {
public:
    // `counts` is called when a line is due, to say where the run is.
    ProgressReporter(const ProgressOptions& options, std::ostream& out, std::function<ProgressCounts()> counts);

    // Draws the line when the interval has passed since the last one (or the start).
    void tick();

    // Erases the live line (a no-op otherwise), so that other output to the
    // same stream starts on a clean line; the next due tick draws it again.
    void clear();

private:
    ProgressOptions options_;
    std::ostream& out_;
    std::function<ProgressCounts()> counts_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point next_;
    std::size_t drawn_ = 0;  // characters of the live line on screen
};

}  // namespace newsarchive
