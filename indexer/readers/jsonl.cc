// jsonl.cc — JSON lines: one article object per line (nlohmann::json), each line read within a size bound.
#include <algorithm>
#include <optional>

#include "input_stream.h"
#include "readers/json_record.h"
#include "readers/readers.h"
#include "text_clean.h"

namespace newsarchive {

namespace {

struct Line {
    std::size_t length;  // of the whole line, however much of it was kept
    bool ended;          // by a '\n', not by the end of the input
};

// Reads the next line (without its '\n') into `line`, keeping at most
// kMaxRecordBytes of it, so that a file with no line breaks (a whole JSON
// dump on one line, binary data) cannot fill memory; nullopt at the end.
std::optional<Line> next_line(std::istream& in, std::string& line) {
    line.clear();
    std::size_t length = 0;
    char chunk[64 * 1024];
    for (;;) {
        in.get(chunk, sizeof chunk, '\n');  // up to a '\n' (left unread), the end, or a full chunk
        auto got = static_cast<std::size_t>(in.gcount());
        if (length < kMaxRecordBytes) line.append(chunk, std::min(got, kMaxRecordBytes - length));
        length += got;
        if (in.eof()) return length ? std::optional<Line>(Line{length, false}) : std::nullopt;
        in.clear();  // get() fails when the line is empty: the '\n' comes first
        if (in.peek() == '\n') {
            in.ignore();
            return Line{length, true};
        }
    }
}

}  // namespace

void read_jsonl(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink,
                std::uint64_t first_line) {
    std::string text;
    bool any_line = false;  // other than blanks
    bool any_json = false;  // a line was JSON
    for (std::uint64_t number = first_line; auto line = next_line(in, text); ++number) {
        if (text.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (!line->ended && ended_by_damage(in)) return;  // a last line without its end was cut short
        any_line = true;
        std::string position = "line " + std::to_string(number);
        if (line->length > kMaxRecordBytes) {
            sink.skip({file, position,
                       "line of " + std::to_string(line->length >> 20) + " MB, longer than the " +
                           std::to_string(kMaxRecordBytes >> 20) + " MB a record may have",
                       "oversized record"});
            continue;
        }
        // JSON text never holds a NUL byte: before any JSON, it means the file is not text at all.
        if (!any_json && text.find('\0') != std::string::npos) {
            sink.skip({file, position, "binary file (NUL byte), not JSON lines; the rest of the file is not read",
                       "binary file"});
            return;
        }
        nlohmann::json record;
        try {
            // JSON must be UTF-8; Latin-1 dumps are common, so repair first.
            record = nlohmann::json::parse(clean_text(text));
        } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e400
            sink.skip({file, position, std::string("malformed JSON: ") + e.what(), "malformed JSON"});
            continue;
        }
        any_json = true;
        add_json_record(record, file, position, options, sink);
    }
    if (!any_line && !ended_by_damage(in)) sink.skip({file, "byte 0", "empty file", "empty file"});
}

}  // namespace newsarchive
