// inputs.h — turning INPUT arguments into the files to read, in a stable order.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "readers/reader.h"
#include "readers/readers.h"

namespace newsarchive {

struct InputFile {
    std::string path;     // to open; "-" is standard input
    std::string text_id;  // id of a one-article text file: path relative to the directory argument
    Format format;
};

// Calls `visit` for each file to read: named files, then the files below named
// directories (recursively, sorted by name, hidden entries skipped). With no
// `forced_format`, a file's format comes from its extension (after any .gz or
// .zst): files below a directory with an unknown extension are passed over and
// counted in `passed_over`; a named one is reported through `sink.skip`, as is
// a missing or unreadable path. A text file whose id (its path below its
// directory argument, or its name) an earlier text file has is reported too,
// not visited: it would replace that article. "-" needs `forced_format`
// (std::invalid_argument otherwise).
void for_each_input(const std::vector<std::string>& arguments, const std::optional<Format>& forced_format,
                    ArticleSink& sink, std::uint64_t& passed_over, const std::function<void(const InputFile&)>& visit);

}  // namespace newsarchive
