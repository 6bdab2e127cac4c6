// message_stream.h — a GMime stream that reads a std::istream and keeps the raw bytes of the message being parsed.
//
// GMime parses from its own stream type, while newsindex's inputs are
// std::istreams (decompressing .gz and .zst on the fly), and an mbox file can
// be far larger than memory. This stream hands GMime the istream's bytes as
// they are asked for, and keeps those not yet claimed by a message, so that
// each article can store its message byte for byte without reading the input
// twice.
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

    // What the GMime stream's read callback calls.
    std::size_t read(char* buffer, std::size_t size);
    bool at_end() const { return at_end_; }
    std::int64_t bytes_read() const { return read_total_; }

private:
    std::istream& in_;
    std::size_t max_held_;
    std::string held_;              // the bytes from held_start_ on, read but not yet claimed
    std::int64_t held_start_ = 0;   // the offset of held_[0]
    std::int64_t read_total_ = 0;   // bytes handed to GMime so far
    bool at_end_ = false;
    GObjectPtr<GMimeStream> stream_;
};

}  // namespace newsarchive
