// message_stream.h — a GMime stream that reads a std::istream and keeps the raw bytes of the message being parsed.
//
// GMime parses from its own stream type, while newsindex's inputs are
// std::istreams (decompressing .gz and .zst on the fly), and an mbox file can
// be far larger than memory. This stream hands GMime the istream's bytes as
// they are asked for, and keeps those not yet claimed by a message, so that
// each article can store its message byte for byte without reading the input
// twice, and so that after a message GMime cannot parse (its parser stops for
// good) a fresh parser can take up the mbox at the next "From " line. It also
// bounds a message: GMime holds a whole message in memory, so a decompression
// bomb must not reach it whole.
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
    // `in` must outlive this object. GMime is given at most `max_message`
    // bytes from the end of the last message claimed (raw_text): past that
    // the stream ends (truncated()) until seek_next_separator.
    MessageStream(std::istream& in, std::size_t max_message);

    GMimeStream* gmime() const { return stream_.get(); }

    // The raw bytes at stream offsets [begin, end), if still held, and lets
    // go of everything before `end`, where the next message starts. Offsets
    // are those the GMime parser reports (bytes from the start of the istream).
    std::optional<std::string> raw_text(std::int64_t begin, std::int64_t end);

    // Whether the current message reached `max_message` and was cut there.
    bool truncated() const { return truncated_; }

    // Moves the stream to the first line after offset `from` that starts
    // with "From " (an mbox separator), reading on as far as needed (holding
    // only a few bytes of what it passes), and returns its offset: a new
    // message starts there. nullopt: there is none before the end.
    std::optional<std::int64_t> seek_next_separator(std::int64_t from);

    // What the GMime stream's read callback calls.
    std::size_t read(char* buffer, std::size_t size);
    bool at_end() const { return truncated_ || (next_ == held_end() && in_at_end_); }
    // Bytes taken from the istream so far.
    std::int64_t bytes_read() const { return read_total_; }

private:
    std::int64_t held_end() const { return held_start_ + static_cast<std::int64_t>(held_.size()); }
    // Appends up to `size` bytes from the istream to held_; returns how many.
    std::size_t read_more(std::size_t size);

    std::istream& in_;
    std::int64_t max_message_;
    std::string held_;              // the bytes from held_start_ on, read but not yet claimed
    std::int64_t held_start_ = 0;   // the offset of held_[0]
    std::int64_t next_ = 0;         // the offset GMime reads next (held_end() but after a seek)
    std::int64_t read_total_ = 0;   // bytes taken from the istream
    std::int64_t message_start_ = 0;  // where the current message starts
    bool truncated_ = false;
    bool in_at_end_ = false;
    GObjectPtr<GMimeStream> stream_;
};

}  // namespace newsarchive
