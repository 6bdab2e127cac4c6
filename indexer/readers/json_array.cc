// json_array.cc — .json files: one array of articles streamed through nlohmann::json's SAX parser, or JSON lines.
#include <streambuf>

#include "input_stream.h"
#include "readers/json_record.h"
#include "readers/readers.h"
#include "text_clean.h"

namespace newsarchive {

namespace {

using nlohmann::json;

// `source` repaired to UTF-8 by clean_text as it is read: nlohmann::json
// rejects other bytes, and the file is too big to repair whole. A UTF-8
// sequence split between two reads is held back for the next.
class Utf8RepairBuffer : public std::streambuf {
public:
    explicit Utf8RepairBuffer(std::istream& source) : source_(source) {}

protected:
    int_type underflow() override {
        while (gptr() == egptr()) {
            if (source_ended_) return traits_type::eof();
            std::size_t held = raw_.size();
            raw_.resize(held + kChunk);
            source_.read(raw_.data() + held, kChunk);
            raw_.resize(held + static_cast<std::size_t>(source_.gcount()));
            source_ended_ = !source_;
            std::size_t complete = source_ended_ ? raw_.size() : complete_prefix(raw_);
            clean_ = clean_text(std::string_view(raw_).substr(0, complete));
            raw_.erase(0, complete);
            setg(clean_.data(), clean_.data(), clean_.data() + clean_.size());
        }
        return traits_type::to_int_type(*gptr());
    }

private:
    static constexpr std::size_t kChunk = 64 * 1024;

    // The length of `bytes` without a UTF-8 sequence cut short at its end.
    static std::size_t complete_prefix(std::string_view bytes) {
        for (std::size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
            auto byte = static_cast<unsigned char>(bytes[bytes.size() - back]);
            if ((byte & 0xC0) == 0x80) continue;  // a continuation byte: the lead byte is further back
            std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
            return length > back ? bytes.size() - back : bytes.size();
        }
        return bytes.size();
    }

    std::istream& source_;
    bool source_ended_ = false;
    std::string raw_;    // read, not yet repaired
    std::string clean_;  // repaired, being handed out
};

// Builds each element of the top-level array and hands it on as soon as it is
// complete, so memory holds one element, however long the array.
class ArrayHandler {
public:
    // `in` is the file's stream and `parsed` the repaired stream read from it.
    ArrayHandler(const std::string& file, std::uint64_t offset, const std::istream& in, std::istream& parsed,
                 const ReaderOptions& options, ArticleSink& sink)
        : file_(file), offset_(offset), in_(in), parsed_(parsed), options_(options), sink_(sink) {}

    bool null() { return value(nullptr); }
    bool boolean(bool v) { return value(v); }
    bool number_integer(json::number_integer_t v) { return value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return value(v); }
    bool number_float(json::number_float_t v, const json::string_t&) { return value(v); }
    bool string(json::string_t& v) { return value(std::move(v)); }
    bool binary(json::binary_t& v) { return value(std::move(v)); }
    bool key(json::string_t& k) {
        key_ = std::move(k);
        return true;
    }
    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool parse_error(std::size_t position, const std::string&, const json::exception& e) {
        // Running out of input inside the array is no fault of the JSON when
        // the file was cut short: the damage is reported for it.
        if (parsed_.rdbuf()->sgetc() == std::istream::traits_type::eof() && ended_by_damage(in_)) return false;
        // nlohmann counts the offending byte in `position`.
        sink_.skip({file_, "byte " + std::to_string(offset_ + position - 1),
                    std::string("malformed JSON: ") + e.what() + "; the rest of the file is not read",
                    "malformed JSON"});
        return false;
    }

private:
    bool open(json&& container) {
        if (!in_array_) {  // the top-level array itself
            in_array_ = true;
            return true;
        }
        open_.push_back(&place(std::move(container)));
        return true;
    }

    bool close() {
        if (open_.empty()) return true;  // the top-level array ends
        open_.pop_back();
        if (open_.empty()) finish_element();
        return true;
    }

    bool value(json&& v) {
        place(std::move(v));
        if (open_.empty()) finish_element();
        return true;
    }

    // Where a new value goes: the element itself, or inside its innermost open container.
    json& place(json&& v) {
        if (open_.empty()) return element_ = std::move(v);
        json& parent = *open_.back();
        if (parent.is_object()) return parent[key_] = std::move(v);
        parent.push_back(std::move(v));
        return parent.back();
    }

    void finish_element() {
        add_json_record(element_, file_, "element " + std::to_string(++elements_), options_, sink_);
        element_ = nullptr;
    }

    const std::string& file_;
    std::uint64_t offset_;  // of the array's '[' in the file
    const std::istream& in_;
    std::istream& parsed_;
    const ReaderOptions& options_;
    ArticleSink& sink_;
    bool in_array_ = false;
    json element_;
    std::vector<json*> open_;  // the element's containers being filled, innermost last
    std::string key_;
    std::uint64_t elements_ = 0;
};

}  // namespace

void read_json(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink) {
    // Step over a byte-order mark and blanks, counting them so that positions stay true.
    std::uint64_t offset = 0, line = 1;
    if (in.peek() == 0xEF) {
        char bom[3] = {};
        in.read(bom, 3);
        offset = static_cast<std::uint64_t>(in.gcount());
        if (std::string_view(bom, 3) != "\xEF\xBB\xBF") {
            sink.skip({file, "byte 0", "neither a JSON array ('[') nor JSON lines ('{')", "malformed JSON"});
            return;
        }
    }
    for (int c = in.peek(); c == ' ' || c == '\t' || c == '\r' || c == '\n'; c = in.peek()) {
        if (c == '\n') ++line;
        in.get();
        ++offset;
    }
    int first = in.peek();
    if (first == std::istream::traits_type::eof()) {
        if (!ended_by_damage(in)) sink.skip({file, "byte 0", "empty file", "empty file"});
    } else if (first == '{') {
        read_jsonl(file, in, options, sink, line);
    } else if (first != '[') {
        sink.skip({file, "byte " + std::to_string(offset), "neither a JSON array ('[') nor JSON lines ('{')",
                   "malformed JSON"});
    } else {
        Utf8RepairBuffer repaired(in);
        std::istream stream(&repaired);
        ArrayHandler handler(file, offset, in, stream, options, sink);
        json::sax_parse(stream, &handler);
    }
}

}  // namespace newsarchive
