// terminal.h — what newssearch's front ends ask about the terminal on standard
// output, in one place.
#pragma once

#include <cstddef>
#include <string>

namespace newsarchive {

// Whether text output gets highlight escapes: --color "always", "never", or
// "auto" (standard output is a terminal and NO_COLOR is unset or empty).
// Throws RequestError for any other value.
bool highlight_wanted(const std::string& color);

// Columns to lay text out in: the terminal's width when standard output is a
// terminal, else $COLUMNS when it is a positive number, else 80.
std::size_t output_columns();

// Rows of the terminal on standard output; 0 when it is not a terminal.
std::size_t terminal_rows();

}  // namespace newsarchive
