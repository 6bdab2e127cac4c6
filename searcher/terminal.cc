// terminal.cc — isatty, TIOCGWINSZ and the environment.
#include "terminal.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <charconv>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "request.h"

namespace newsarchive {

namespace {

std::optional<winsize> stdout_window() {
    winsize size{};
    if (!isatty(STDOUT_FILENO) || ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) != 0) return std::nullopt;
    return size;
}

}  // namespace

bool highlight_wanted(const std::string& color) {
    if (color == "always") return true;
    if (color == "never") return false;
    if (color != "auto") throw RequestError("--color must be auto, always or never");
    const char* no_color = std::getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no_color && *no_color);
}

std::size_t output_columns() {
    if (auto window = stdout_window(); window && window->ws_col > 0) return window->ws_col;
    if (const char* columns = std::getenv("COLUMNS")) {
        std::string_view text = columns;
        std::size_t value = 0;
        auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (error == std::errc{} && end == text.data() + text.size() && value > 0) return value;
    }
    return 80;
}

std::size_t terminal_rows() {
    auto window = stdout_window();
    return window ? window->ws_row : 0;
}

}  // namespace newsarchive
