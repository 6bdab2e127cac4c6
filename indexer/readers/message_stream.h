// message_stream.h — a GMime stream that reads a std::istream and keeps the raw bytes of the message being parsed.
//
// GMime parses from its own stream type, while newsindex's inputs are
// std::istreams (decompressing .gz and .zst on the fly), and an mbox file can
// be far larger than memory. This stream hands GMime the istream's bytes as
// they are asked for, and keeps those not yet claimed by a message, so that
// each article can store its message byte for byte without reading the input
// twice, and so that after a message GMime cannot parse (its parser stops for
// good) a fresh parser can take up the mbox at the next "From " line.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <optional>
#include <string>

#include <gmime/gmime.h>

namespace newsarchive {

// Calls g_mime_init once per process (GMime wants it before any other call).
void ensure_gmime_initialised();

// Owns a GObject reference (a GMime stream, parser or message).
struct GObjectUnref {
    void operator()(void* object) const { g_object_unref(object); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectUnref>;

class MessageStream {
public:
    // `in` must outlive this object. Holds at most about `max_held` bytes of
    // a message's raw text; a longer message is parsed all the same, but
    // raw_text then has nothing for it.
    MessageStream(std::istream& in, std::size_t max_held);

    GMimeStream* gmime() const { return stream_.get(); }

    // The raw bytes at stream offsets [begin, end), if still held, and lets
    // go of everything before `end`. Offsets are those the GMime parser
    // reports (bytes from the start of the istream).
    std::optional<std::string> raw_text(std::int64_t begin, std::int64_t end);

    // Moves the stream to the first line after offset `from` that starts
    // with "From " (an mbox separator), reading on as far as needed, and
    // returns its offset; the next read starts there. nullopt: there is none
    // before the end.
    std::optional<std::int64_t> seek_next_separator(std::int64_t from);

    // What the GMime stream's read callback calls.
    std::size_t read(char* buffer, std::size_t size);
    bool at_end() const { return next_ == held_end() && in_at_end_; }
    // Bytes taken from the istream so far.
    std::int64_t bytes_read() const { return read_total_; }

private:
    std::int64_t held_end() const { return held_start_ + static_cast<std::int64_t>(held_.size()); }
    // Appends up to `size` bytes from the istream to held_ (letting go of
    // held_ when it would outgrow max_held_); returns how many were read.
    std::size_t read_more(std::size_t size);

    std::istream& in_;
    std::size_t max_held_;
    std::string held_;              // the bytes from held_start_ on, read but not yet claimed
    std::int64_t held_start_ = 0;   // the offset of held_[0]
    std::int64_t next_ = 0;         // the offset GMime reads next (held_end() but after a seek)
    std::int64_t read_total_ = 0;   // bytes taken from the istream
    bool in_at_end_ = false;
    GObjectPtr<GMimeStream> stream_;
};

}  // namespace newsarchive
