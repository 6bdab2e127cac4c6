// progress.cc — formatting the progress line and drawing it in place or as log lines.
#include "progress.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ostream>
#include <utility>

namespace newsarchive {

namespace {

std::string one_decimal(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

std::string megabytes(std::uint64_t bytes) { return one_decimal(static_cast<double>(bytes) / 1e6); }

// "0:42", "12:05", "3:07:09"; at most "99:59:59", which a stalled start can ask for.
std::string clock_time(double seconds) {
    auto total = static_cast<std::uint64_t>(std::llround(std::min(seconds, 359999.0)));
    char text[32];
    if (total >= 3600)
        std::snprintf(text, sizeof text, "%llu:%02llu:%02llu", static_cast<unsigned long long>(total / 3600),
                      static_cast<unsigned long long>(total / 60 % 60), static_cast<unsigned long long>(total % 60));
    else
        std::snprintf(text, sizeof text, "%llu:%02llu", static_cast<unsigned long long>(total / 60),
                      static_cast<unsigned long long>(total % 60));
    return text;
}

// Columns of the terminal on stderr; 0 when unknown.
std::size_t terminal_width() {
    winsize size{};
    return ioctl(STDERR_FILENO, TIOCGWINSZ, &size) == 0 ? size.ws_col : 0;
}

}  // namespace

std::string describe_progress(const ProgressCounts& counts, std::chrono::duration<double> elapsed) {
    std::string out = std::to_string(counts.files_done) + "/" + std::to_string(counts.files_total) + " files, " +
                      std::to_string(counts.articles) + " articles";
    if (counts.skipped) out += ", " + std::to_string(counts.skipped) + " skipped";
    out += ", " + megabytes(counts.bytes_read);
    if (counts.bytes_total) out += " of " + megabytes(*counts.bytes_total);
    out += " MB";
    double seconds = elapsed.count();
    if (seconds <= 0) return out;
    // The ETA before the rates: a line cut to the terminal's width loses its end.
    double bytes_per_second = static_cast<double>(counts.bytes_read) / seconds;
    if (counts.bytes_total && counts.bytes_read > 0) {
        // bytes_read runs ahead of the records by up to one read buffer, and
        // may pass a total taken before a file grew.
        std::uint64_t left = *counts.bytes_total - std::min(counts.bytes_read, *counts.bytes_total);
        out += ", ETA " + clock_time(static_cast<double>(left) / bytes_per_second);
    }
    out += ", " + one_decimal(bytes_per_second / 1e6) + " MB/s, " +
           std::to_string(std::llround(static_cast<double>(counts.articles) / seconds)) + " articles/s";
    return out;
}

ProgressOptions stderr_progress(bool quiet, std::optional<std::chrono::milliseconds> lines_interval) {
    if (quiet) return {};
    if (isatty(STDERR_FILENO)) return {ProgressStyle::live, std::chrono::milliseconds(250)};
    if (lines_interval) return {ProgressStyle::lines, *lines_interval};
    return {};
}

ProgressReporter::ProgressReporter(const ProgressOptions& options, std::ostream& out,
                                   std::function<ProgressCounts()> counts)
    : options_(options),
      out_(out),
      counts_(std::move(counts)),
      start_(std::chrono::steady_clock::now()),
      next_(start_ + options.interval) {}

void ProgressReporter::tick() {
    if (options_.style == ProgressStyle::none) return;
    auto now = std::chrono::steady_clock::now();
    if (now < next_) return;
    next_ = now + options_.interval;
    std::string line = describe_progress(counts_(), now - start_);
    if (options_.style == ProgressStyle::lines) {
        out_ << "newsindex: " << line << '\n';
        return;
    }
    // A line that wraps could no longer be rewritten with '\r'.
    if (std::size_t width = terminal_width(); width > 1 && line.size() >= width) line.resize(width - 1);
    std::size_t shown = line.size();
    if (shown < drawn_) line.append(drawn_ - shown, ' ');
    out_ << '\r' << line << std::flush;
    drawn_ = shown;
}

void ProgressReporter::clear() {
    if (!drawn_) return;
    out_ << '\r' << std::string(drawn_, ' ') << '\r' << std::flush;
    drawn_ = 0;
}

}  // namespace newsarchive
