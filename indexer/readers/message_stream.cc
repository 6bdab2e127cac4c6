// message_stream.cc — a GMimeStream subclass (GObject boilerplate kept to the few callbacks the parser uses).
#include "readers/message_stream.h"

#include <algorithm>
#include <mutex>

namespace newsarchive {

namespace {

// The GObject instance: GMime's stream and a pointer back to its owner.
struct IstreamGMimeStream {
    GMimeStream parent;
    MessageStream* owner;
};
struct IstreamGMimeStreamClass {
    GMimeStreamClass parent_class;
};

G_DEFINE_TYPE(IstreamGMimeStream, istream_gmime_stream, GMIME_TYPE_STREAM)

MessageStream& owner_of(GMimeStream* stream) { return *reinterpret_cast<IstreamGMimeStream*>(stream)->owner; }

ssize_t stream_read(GMimeStream* stream, char* buffer, size_t size) {
    std::size_t got = owner_of(stream).read(buffer, size);
    stream->position += static_cast<gint64>(got);
    return static_cast<ssize_t>(got);
}
ssize_t stream_write(GMimeStream*, const char*, size_t) { return -1; }
int stream_flush(GMimeStream*) { return 0; }
int stream_close(GMimeStream*) { return 0; }
gboolean stream_eos(GMimeStream* stream) { return owner_of(stream).at_end(); }
// A forward-only stream: GMime's parser never seeks one it does not persist.
int stream_reset(GMimeStream*) { return -1; }
gint64 stream_seek(GMimeStream*, gint64, GMimeSeekWhence) { return -1; }
gint64 stream_tell(GMimeStream* stream) { return stream->position; }
gint64 stream_length(GMimeStream*) { return -1; }
GMimeStream* stream_substream(GMimeStream*, gint64, gint64) { return nullptr; }

void istream_gmime_stream_class_init(IstreamGMimeStreamClass* klass) {
    GMimeStreamClass* stream_class = GMIME_STREAM_CLASS(klass);
    stream_class->read = stream_read;
    stream_class->write = stream_write;
    stream_class->flush = stream_flush;
    stream_class->close = stream_close;
    stream_class->eos = stream_eos;
    stream_class->reset = stream_reset;
    stream_class->seek = stream_seek;
    stream_class->tell = stream_tell;
    stream_class->length = stream_length;
    stream_class->substream = stream_substream;
}

void istream_gmime_stream_init(IstreamGMimeStream* stream) { stream->owner = nullptr; }

}  // namespace

void ensure_gmime_initialised() {
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

MessageStream::MessageStream(std::istream& in, std::size_t max_message)
    : in_(in), max_message_(static_cast<std::int64_t>(max_message)) {
    ensure_gmime_initialised();
    auto* stream = static_cast<IstreamGMimeStream*>(g_object_new(istream_gmime_stream_get_type(), nullptr));
    stream->owner = this;
    g_mime_stream_construct(&stream->parent, 0, -1);
    stream_.reset(&stream->parent);
}

std::size_t MessageStream::read_more(std::size_t size) {
    if (in_at_end_) return 0;
    std::size_t old_size = held_.size();
    held_.resize(old_size + size);
    in_.read(held_.data() + old_size, static_cast<std::streamsize>(size));
    auto got = static_cast<std::size_t>(in_.gcount());
    held_.resize(old_size + got);
    if (got < size) in_at_end_ = true;
    read_total_ += static_cast<std::int64_t>(got);
    return got;
}

std::size_t MessageStream::read(char* buffer, std::size_t size) {
    std::int64_t allowed = message_start_ + max_message_ - next_;
    if (allowed <= 0) {
        truncated_ = true;
        return 0;
    }
    size = std::min(size, static_cast<std::size_t>(allowed));
    if (next_ == held_end()) read_more(size);
    auto available = static_cast<std::size_t>(held_end() - next_);
    std::size_t got = std::min(size, available);
    held_.copy(buffer, got, static_cast<std::size_t>(next_ - held_start_));
    next_ += static_cast<std::int64_t>(got);
    return got;
}

std::optional<std::int64_t> MessageStream::seek_next_separator(std::int64_t from) {
    constexpr std::size_t kChunk = 64 * 1024;
    std::int64_t search_from = std::max(from, held_start_);
    for (;;) {
        // A separator's line break at `from` or after: never the one before it.
        auto found = held_.find("\nFrom ", static_cast<std::size_t>(std::max(search_from, from) - held_start_));
        if (found != std::string::npos) {
            next_ = message_start_ = held_start_ + static_cast<std::int64_t>(found) + 1;
            truncated_ = false;
            gmime()->position = next_;
            return next_;
        }
        // Let go of what was searched but the last bytes, which may hold the
        // start of a separator.
        std::int64_t keep_from = std::max(held_start_, held_end() - 6);
        held_.erase(0, static_cast<std::size_t>(keep_from - held_start_));
        held_start_ = search_from = keep_from;
        if (read_more(kChunk) == 0) break;
    }
    next_ = message_start_ = held_end();
    gmime()->position = next_;
    return std::nullopt;
}

std::optional<std::string> MessageStream::raw_text(std::int64_t begin, std::int64_t end) {
    std::optional<std::string> text;
    if (begin >= held_start_ && begin <= end && end <= held_end())
        text = held_.substr(static_cast<std::size_t>(begin - held_start_), static_cast<std::size_t>(end - begin));
    if (end > held_start_) {
        std::int64_t claimed_to = std::min(end, held_end());
        held_.erase(0, static_cast<std::size_t>(claimed_to - held_start_));
        held_start_ = claimed_to;
    }
    message_start_ = std::max(message_start_, end);
    return text;
}

}  // namespace newsarchive
