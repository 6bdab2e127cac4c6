// jsonl.cc — JSON lines: one article object per line (nlohmann::json).
#include "input_stream.h"
#include "readers/json_record.h"
#include "readers/readers.h"
#include "text_clean.h"

namespace newsarchive {

void read_jsonl(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink,
                std::uint64_t first_line) {
    std::string line;
    for (std::uint64_t number = first_line; std::getline(in, line); ++number) {
        if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
        if (in.eof() && ended_by_damage(in)) return;  // a last line without its end was cut short
        std::string position = "line " + std::to_string(number);
        nlohmann::json record;
        try {
            // JSON must be UTF-8; Latin-1 dumps are common, so repair first.
            record = nlohmann::json::parse(clean_text(line));
        } catch (const nlohmann::json::exception& e) {  // parse_error, or out_of_range for 1e400
            sink.skip({file, position, std::string("malformed JSON: ") + e.what(), "malformed JSON"});
            continue;
        }
        add_json_record(record, file, position, options, sink);
    }
}

}  // namespace newsarchive
