// text.cc — one article per plain-text file: title line, then body.
#include <algorithm>
#include <istream>

#include "content_hash.h"
#include "input_stream.h"
#include "readers/readers.h"
#include "text_clean.h"

namespace newsarchive {

namespace {

// Splits on LF, dropping a CR before it, so CRLF files read like LF files.
std::vector<std::string_view> split_lines(std::string_view text) {
    std::vector<std::string_view> lines;
    while (!text.empty()) {
        auto end = text.find('\n');
        std::string_view line = text.substr(0, end);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.push_back(line);
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
    return lines;
}

// Up to `limit` bytes of `in`, read in steps so that memory grows with the file.
std::string read_at_most(std::istream& in, std::size_t limit) {
    constexpr std::size_t kStep = 64 * 1024;
    std::string bytes;
    while (bytes.size() < limit && in) {
        std::size_t old_size = bytes.size();
        bytes.resize(old_size + std::min(kStep, limit - old_size));
        in.read(bytes.data() + old_size, static_cast<std::streamsize>(bytes.size() - old_size));
        bytes.resize(old_size + static_cast<std::size_t>(in.gcount()));
    }
    return bytes;
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\f\v") == std::string_view::npos; }

}  // namespace

void read_text_article(const std::string& file, const std::string& id, std::istream& in, const ReaderOptions& options,
                       ArticleSink& sink) {
    Article article;
    // One byte more than is kept tells a file over the bound from one at it.
    article.text = read_at_most(in, kMaxRecordBytes + 1);
    if (ended_by_damage(in)) return;  // the file's one article was cut short
    if (article.text.size() > kMaxRecordBytes) {
        // Not an article but damage or a decompression bomb: memory holds no more.
        article.text.resize(kMaxRecordBytes);
        sink.warn(kept_first_record_bytes(file, "byte " + std::to_string(kMaxRecordBytes), "file"));
    }
    if (is_blank(article.text)) {
        sink.skip({file, "byte 0", "empty file", "empty file"});
        return;
    }
    if (article.text.find('\0') != std::string::npos) {
        sink.skip({file, "byte " + std::to_string(article.text.find('\0')), "binary file (NUL byte), not text",
                   "binary file"});
        return;
    }
    // The stored text stays as the file held it; title and body are cleaned.
    std::string clean = clean_text(article.text);
    for (std::string_view line : split_lines(clean)) {
        if (is_blank(line) || options.furniture.is_furniture(line)) continue;
        if (article.title.empty()) {
            article.title = line;
        } else {
            if (!article.body.empty()) article.body += '\n';
            article.body += line;
        }
    }
    if (article.title.empty()) {
        sink.skip({file, "byte 0", "no line of text outside page furniture", "no title or body"});
        return;
    }
    // Standard input has no name to be the id: its text is, as with JSON records without one.
    article.id = id.empty() ? content_hash(article.text) : id;
    sink.add(std::move(article), file, "file");
}

}  // namespace newsarchive
