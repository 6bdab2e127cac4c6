// inputs.cc — directory walking with std::filesystem.
#include "inputs.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <system_error>

#include "archive_reader.h"
#include "ascii.h"
#include "input_stream.h"

namespace fs = std::filesystem;

namespace newsarchive {

namespace {

using Visit = std::function<void(const InputFile&)>;

// --format, else what the name's extension (after any .gz or .zst) implies.
std::optional<Format> format_of(std::string_view name, const std::optional<Format>& forced_format) {
    return forced_format ? forced_format : format_from_extension(strip_compression_suffix(name));
}

// A Glass database, or the stub file of a sharded index.
bool holds_database(const fs::path& directory) {
    std::error_code error;
    return fs::exists(directory / "iamglass", error) || fs::exists(directory / "XAPIANDB", error);
}

void walk_directory(const fs::path& root, const fs::path& directory, const std::optional<Format>& forced_format,
                    ArticleSink& sink, PassedOver& passed_over, const Visit& visit) {
    std::error_code error;
    std::vector<fs::directory_entry> entries;
    for (fs::directory_iterator it(directory, error), end; !error && it != end; it.increment(error))
        entries.push_back(*it);
    if (error) {
        sink.skip({directory.string(), "directory", "cannot read directory: " + error.message(), "unreadable path"});
        return;
    }
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        const fs::path& path = entry.path();
        if (path.filename().string().starts_with('.')) continue;
        if (entry.is_directory(error)) {
            if (holds_database(path)) ++passed_over.databases;
            else walk_directory(root, path, forced_format, sink, passed_over, visit);
        } else if (entry.is_regular_file(error)) {
            if (is_archive_name(path.filename().string())) {
                visit({path.string(), "", std::nullopt});
            } else if (auto format = format_to_read(path.filename().string(), forced_format, passed_over)) {
                visit({path.string(), strip_compression_suffix(path.lexically_relative(root).generic_string()), format});
            }
        }
    }
}

// `visit` for text files whose ids no earlier one has: a text file's id is its
// path below its directory argument, so `newsindex bbc/business bbc/sport`
// gives both 001.txt files the id "001.txt", and the second would silently
// replace the first.
Visit unique_text_ids(ArticleSink& sink, const Visit& visit) {
    return [&sink, &visit, first_with = std::map<std::string, std::string>{}](const InputFile& input) mutable {
        if (input.format != Format::text || input.path == "-") return visit(input);
        auto [first, fresh] = first_with.emplace(input.text_id, input.path);
        if (fresh || first->second == input.path) return visit(input);  // the same file again replaces itself
        sink.skip({input.path, "file",
                   "its id '" + input.text_id + "' is that of " + first->second +
                       ", read before (ids are paths below the directory named): name the directory above both",
                   "duplicate id"});
    };
}

}  // namespace

std::optional<Format> format_to_read(std::string_view name, const std::optional<Format>& forced_format,
                                     PassedOver& passed_over) {
    std::string_view file_name = name.substr(name.find_last_of('/') + 1);
    for (std::string_view rest = name; !rest.empty();) {
        std::string_view component = rest.substr(0, rest.find('/'));
        if (component.starts_with('.') && component != "." && component != "..") return std::nullopt;
        if (component == "__MACOSX") return std::nullopt;
        rest.remove_prefix(std::min(rest.size(), component.size() + 1));
    }
    if (is_collection_note(file_name)) {
        ++passed_over.notes;
        return std::nullopt;
    }
    auto format = format_of(file_name, forced_format);
    if (!format) ++passed_over.unknown_type;
    return format;
}

bool is_collection_note(std::string_view file_name) {
    static constexpr std::array<std::string_view, 9> kNotes = {"authors", "changelog", "changes", "citation", "copying",
                                                               "licence", "license", "notice",  "readme"};
    std::string stem = ascii_lower(file_name.substr(0, file_name.find('.')));
    return std::find(kNotes.begin(), kNotes.end(), stem) != kNotes.end();
}

void for_each_input(const std::vector<std::string>& arguments, const std::optional<Format>& forced_format,
                    ArticleSink& sink, PassedOver& passed_over, const Visit& all_files) {
    const Visit visit = unique_text_ids(sink, all_files);
    for (const auto& argument : arguments) {
        if (argument == "-") {
            if (!forced_format) throw std::invalid_argument("reading standard input ('-') needs --format");
            visit({argument, "", *forced_format});
            continue;
        }
        std::error_code error;
        fs::file_status status = fs::status(argument, error);
        if (error || !fs::exists(status)) {
            sink.skip({argument, "path", error ? error.message() : "no such file or directory", "unreadable path"});
        } else if (fs::is_directory(status)) {
            walk_directory(fs::path(argument), fs::path(argument), forced_format, sink, passed_over, visit);
        } else if (is_archive_name(argument)) {
            visit({argument, "", std::nullopt});
        } else {
            auto format = format_of(argument, forced_format);
            if (!format) {
                sink.skip({argument, "path", "cannot tell the format from the file name; use --format", "unknown format"});
                continue;
            }
            visit({argument, strip_compression_suffix(fs::path(argument).filename().string()), format});
        }
    }
}

}  // namespace newsarchive
