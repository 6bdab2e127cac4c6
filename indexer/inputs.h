// inputs.h — turning INPUT arguments into the files to read, in a stable order.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readers/reader.h"
#include "readers/readers.h"

namespace newsarchive {

// What a walk below INPUT directories does not read, by why.
struct PassedOver {
    std::uint64_t unknown_type = 0;  // no format from the extension
    std::uint64_t notes = 0;         // a collection's own notes: README, LICENSE, ...
    std::uint64_t databases = 0;     // directories holding a Xapian database, such as the index itself
};

// True for the name of a file that describes a collection rather than
// belonging to it (README.TXT beside the BBC dump's folders): README,
// LICENSE, LICENCE, COPYING, NOTICE, AUTHORS, CHANGES, CHANGELOG or
// CITATION, in any case, with any extension or none.
bool is_collection_note(std::string_view file_name);

struct InputFile {
    std::string path;     // to open; "-" is standard input
    std::string text_id;  // id of a one-article text file: path relative to the directory argument
    std::optional<Format> format;  // nullopt: an archive (is_archive_name), whose members each have one
};

// The format to read a file (or archive member) named `name` in, or nullopt
// when it is passed over, counted in `passed_over`: a collection note, or,
// with no `forced_format`, a name whose extension (after any .gz or .zst)
// implies no format. An archive member is also passed over, uncounted, when a
// component of its path is hidden (".git/", "._x" resource forks) or is
// "__MACOSX".
std::optional<Format> format_to_read(std::string_view name, const std::optional<Format>& forced_format,
                                     PassedOver& passed_over);

// Calls `visit` for each file to read: named files, then the files below named
// directories (recursively, sorted by name, hidden entries skipped). With no
// `forced_format`, a file's format comes from its extension (after any .gz or
// .zst): files below a directory with an unknown extension are passed over and
// counted in `passed_over`; a named one is reported through `sink.skip`, as is
// a missing or unreadable path. An archive (is_archive_name) is visited as one
// input without a format: its members are sorted out as it is read. Notes
// (is_collection_note) below a directory are passed over and counted too,
// even with --format; named, they are read. So are directories holding a
// Xapian database (a Glass database or a stub): an index kept beside the dump
// it was made from is not an input.
// A text file whose id (its path below its directory argument, or its name)
// an earlier text file has is reported too, not visited: it would replace
// that article. "-" needs `forced_format` (std::invalid_argument otherwise).
void for_each_input(const std::vector<std::string>& arguments, const std::optional<Format>& forced_format,
                    ArticleSink& sink, PassedOver& passed_over, const std::function<void(const InputFile&)>& visit);

}  // namespace newsarchive
