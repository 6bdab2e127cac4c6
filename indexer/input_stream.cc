// input_stream.cc — read(2) on the file or stdin, and gzip/zstd decoding behind a std::streambuf.
#include "input_stream.h"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <initializer_list>
#include <optional>
#include <span>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>
#include <zstd.h>

#include "ascii.h"

namespace newsarchive {

namespace {

// Large enough that syscall and per-call decoder overhead vanish next to the
// copying, small enough not to matter when several inputs are open.
constexpr std::size_t kBufferSize = 256 * 1024;

// Compressed bytes given to zstd per call. A call that fails reports no
// output, not even the blocks it decoded before the damage, nor how far it
// read: small steps keep that loss to about a block (128 KiB of text), and
// the damage's byte offset within a step. Decoding stays far faster than
// indexing (about 220 MB/s here, against 300 MB/s in 256 KiB steps).
constexpr std::size_t kZstdStep = 16 * 1024;

// zstd refuses frames with windows above 2^27 by default, but `zstd --long=31`
// (used for some of the big public dumps) writes 2^31 windows; the window's
// memory is only allocated when a frame actually asks for it.
constexpr int kZstdWindowLogMax = 31;

std::string describe(std::string_view path) {
    return path == "-" ? std::string("standard input") : "'" + std::string(path) + "'";
}

std::string system_message(int error_number) {
    return std::generic_category().message(error_number);
}

std::optional<Compression> compression_from_magic(std::span<const char> head) {
    auto starts_with = [&](std::initializer_list<unsigned char> magic) {
        return head.size() >= magic.size() &&
               std::equal(magic.begin(), magic.end(), head.begin(),
                          [](unsigned char m, char c) { return m == static_cast<unsigned char>(c); });
    };
    if (starts_with({0x1f, 0x8b})) return Compression::gzip;
    if (starts_with({0x28, 0xb5, 0x2f, 0xfd})) return Compression::zstd;
    return std::nullopt;
}

// A file or standard input, read with read(2).
class FileReader {
public:
    // Throws InputError when `path` cannot be opened or is a directory (whose
    // read(2) error would otherwise only show up as a mid-stream failure).
    explicit FileReader(const std::string& path) {
        if (path == "-") {
            fd_ = STDIN_FILENO;
            owns_fd_ = false;
            return;
        }
        fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd_ < 0) throw InputError("cannot open " + describe(path) + ": " + system_message(errno));
        struct stat status {};
        if (::fstat(fd_, &status) == 0 && S_ISDIR(status.st_mode)) {
            ::close(fd_);
            throw InputError("cannot open " + describe(path) + ": " + system_message(EISDIR));
        }
        // Tells the kernel to read ahead aggressively: inputs are read once, front to back.
        ::posix_fadvise(fd_, 0, 0, POSIX_FADV_SEQUENTIAL);
    }
    ~FileReader() {
        if (owns_fd_) ::close(fd_);
    }
    FileReader(const FileReader&) = delete;
    FileReader& operator=(const FileReader&) = delete;

    std::ptrdiff_t read(char* into, std::size_t size, std::string& error) {
        for (;;) {
            ssize_t count = ::read(fd_, into, size);
            if (count < 0 && errno == EINTR) continue;
            if (count < 0) error = system_message(errno);
            return count;
        }
    }

private:
    int fd_ = -1;
    bool owns_fd_ = true;
};

// The raw side: what a ByteReader gives and the decoder has not consumed yet.
class Source {
public:
    explicit Source(ByteReader read) : read_(std::move(read)), buffer_(kBufferSize) {}

    Source(const Source&) = delete;
    Source& operator=(const Source&) = delete;

    std::span<char> pending() { return {buffer_.data() + begin_, end_ - begin_}; }
    void consume(std::size_t count) { begin_ += count; }
    bool eof() const { return eof_; }
    std::uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }
    // Where in the file the first pending byte is.
    std::uint64_t offset() const { return bytes_read() - (end_ - begin_); }

    // Appends what one read gives to the pending bytes (eof() becomes true
    // when it gives nothing). Returns an empty string, or why the read failed.
    std::string read_more() {
        if (begin_ == end_) {
            begin_ = end_ = 0;
        } else if (end_ == buffer_.size()) {
            std::memmove(buffer_.data(), buffer_.data() + begin_, end_ - begin_);
            end_ -= begin_;
            begin_ = 0;
        }
        std::string error;
        std::ptrdiff_t count = read_(buffer_.data() + end_, buffer_.size() - end_, error);
        if (count < 0) return error.empty() ? "read failed" : error;
        if (count == 0) eof_ = true;
        end_ += static_cast<std::size_t>(count);
        bytes_read_.fetch_add(static_cast<std::uint64_t>(count), std::memory_order_relaxed);
        return "";
    }

private:
    ByteReader read_;
    std::vector<char> buffer_;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
    bool eof_ = false;
    // Atomic so that a progress reporter on another thread may read it.
    std::atomic<std::uint64_t> bytes_read_{0};
};

}  // namespace

namespace detail {

// The streambuf: hands out whatever chunk the codec-specific next_chunk()
// produces, and turns the end of input or any failure into EOF, so that
// nothing ever throws through the istream.
class InputBuffer : public std::streambuf {
public:
    explicit InputBuffer(std::unique_ptr<Source> source) : source_(std::move(source)) {}

    std::uint64_t bytes_read() const { return source_->bytes_read(); }
    const std::string& error() const { return error_; }

protected:
    // The next decoded bytes; empty only at the end of the input. After
    // fail() it may still return what was decoded before the damage, and is
    // not called again.
    virtual std::span<char> next_chunk() = 0;

    // Makes bytes pending unless the input is over. On a read error records it
    // and returns false.
    bool fill_source() {
        while (source_->pending().empty() && !source_->eof()) {
            if (std::string error = source_->read_more(); !error.empty()) {
                fail("read error at byte " + std::to_string(source_->offset()) + ": " + error);
                return false;
            }
        }
        return true;
    }

    void fail(std::string reason) { error_ = std::move(reason); }

    std::unique_ptr<Source> source_;

private:
    int_type underflow() final {
        if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
        // Once ended, stay ended: a decoder must not be called again after an error.
        std::span<char> chunk = finished_ || !error_.empty() ? std::span<char>{} : next_chunk();
        if (chunk.empty()) {
            finished_ = true;
            return traits_type::eof();
        }
        setg(chunk.data(), chunk.data(), chunk.data() + chunk.size());
        return traits_type::to_int_type(*gptr());
    }

    bool finished_ = false;
    std::string error_;
};

}  // namespace detail

namespace {

// Uncompressed input: the get area is the read buffer itself, no copy.
class PlainBuffer final : public detail::InputBuffer {
public:
    using InputBuffer::InputBuffer;

private:
    std::span<char> next_chunk() override {
        if (!fill_source()) return {};
        std::span<char> chunk = source_->pending();
        source_->consume(chunk.size());
        return chunk;
    }
};

class GzipBuffer final : public detail::InputBuffer {
public:
    GzipBuffer(std::unique_ptr<Source> source, const std::string& path)
        : InputBuffer(std::move(source)), output_(kBufferSize) {
        // 15 + 32: the largest window, with the gzip (or zlib) header detected.
        if (inflateInit2(&zstream_, 15 + 32) != Z_OK)
            throw InputError("cannot decode " + describe(path) + ": " +
                             (zstream_.msg ? zstream_.msg : "zlib could not be initialised"));
    }
    ~GzipBuffer() override { inflateEnd(&zstream_); }

private:
    std::span<char> next_chunk() override {
        for (;;) {
            if (!fill_source()) return {};
            std::span<char> input = source_->pending();
            if (input.empty() && !member_open_) return {};
            zstream_.next_in = reinterpret_cast<Bytef*>(input.data());
            zstream_.avail_in = static_cast<uInt>(input.size());
            zstream_.next_out = reinterpret_cast<Bytef*>(output_.data());
            zstream_.avail_out = static_cast<uInt>(output_.size());
            int status = inflate(&zstream_, Z_NO_FLUSH);
            source_->consume(input.size() - zstream_.avail_in);
            std::size_t produced = output_.size() - zstream_.avail_out;
            if (status == Z_STREAM_END) {
                // More members may follow (`cat a.gz b.gz`, pigz, bgzip): like
                // gzip -d, read them as one stream.
                inflateReset(&zstream_);
                member_open_ = false;
            } else if (status == Z_OK || status == Z_BUF_ERROR) {
                member_open_ = true;
                if (produced == 0 && source_->pending().empty() && source_->eof()) {
                    fail("truncated gzip stream at byte " + std::to_string(source_->offset()));
                    return {};
                }
            } else {
                // What inflate wrote before it found the damage (a bad checksum
                // comes after the member's last bytes) is kept, like the data before.
                fail("corrupt gzip data at byte " + std::to_string(source_->offset()) + ": " +
                     (zstream_.msg ? zstream_.msg : zError(status)));
                return {output_.data(), produced};
            }
            if (produced > 0) return {output_.data(), produced};
        }
    }

    z_stream zstream_{};
    std::vector<char> output_;
    // True inside a member; starts true because an empty file is not a gzip
    // stream (gzip -d calls it an unexpected end of file too).
    bool member_open_ = true;
};

class ZstdBuffer final : public detail::InputBuffer {
public:
    ZstdBuffer(std::unique_ptr<Source> source, const std::string& path)
        : InputBuffer(std::move(source)), context_(ZSTD_createDCtx(), ZSTD_freeDCtx), output_(kBufferSize) {
        if (!context_ ||
            ZSTD_isError(ZSTD_DCtx_setParameter(context_.get(), ZSTD_d_windowLogMax, kZstdWindowLogMax)))
            throw InputError("cannot decode " + describe(path) + ": zstd could not be initialised");
    }

private:
    std::span<char> next_chunk() override {
        for (;;) {
            if (!fill_source()) return {};
            std::span<char> input = source_->pending();
            if (input.empty() && frame_done_) return {};
            ZSTD_inBuffer in{input.data(), std::min(input.size(), kZstdStep), 0};
            ZSTD_outBuffer out{output_.data(), output_.size(), 0};
            // After a frame ends, the next call starts on the following frame,
            // so multi-frame files (zstd of concatenated files, pzstd) just work.
            std::size_t hint = ZSTD_decompressStream(context_.get(), &out, &in);
            source_->consume(in.pos);
            if (ZSTD_isError(hint)) {
                fail("corrupt zstd data at byte " + std::to_string(source_->offset()) + ": " +
                     ZSTD_getErrorName(hint));
                return {};
            }
            frame_done_ = hint == 0;
            if (out.pos > 0) return {output_.data(), out.pos};
            if (!frame_done_ && source_->pending().empty() && source_->eof()) {
                fail("truncated zstd stream at byte " + std::to_string(source_->offset()));
                return {};
            }
        }
    }

    std::unique_ptr<ZSTD_DCtx, decltype(&ZSTD_freeDCtx)> context_;
    std::vector<char> output_;
    // True between frames; starts false because an empty file is not a zstd stream.
    bool frame_done_ = false;
};

std::unique_ptr<detail::InputBuffer> open_input(const std::string& path, ByteReader read) {
    auto source = std::make_unique<Source>(std::move(read));
    // Enough bytes for the longest magic number; a pipe may deliver fewer per read.
    while (source->pending().size() < 4 && !source->eof()) {
        if (std::string error = source->read_more(); !error.empty())
            throw InputError("cannot read " + describe(path) + ": " + error);
    }
    switch (compression_from_magic(source->pending()).value_or(compression_from_name(path))) {
        case Compression::gzip: return std::make_unique<GzipBuffer>(std::move(source), path);
        case Compression::zstd: return std::make_unique<ZstdBuffer>(std::move(source), path);
        case Compression::none: break;
    }
    return std::make_unique<PlainBuffer>(std::move(source));
}

}  // namespace

Compression compression_from_name(std::string_view name) {
    std::string lower = ascii_lower(name);
    if (lower.ends_with(".gz")) return Compression::gzip;
    if (lower.ends_with(".zst")) return Compression::zstd;
    return Compression::none;
}

std::string strip_compression_suffix(std::string_view name) {
    switch (compression_from_name(name)) {
        case Compression::gzip: name.remove_suffix(3); break;
        case Compression::zstd: name.remove_suffix(4); break;
        case Compression::none: break;
    }
    return std::string(name);
}

InputStream::InputStream(const std::string& path)
    : InputStream(path, [file = std::make_shared<FileReader>(path)](char* into, std::size_t size, std::string& error) {
          return file->read(into, size, error);
      }) {}

InputStream::InputStream(const std::string& name, ByteReader read)
    : buffer_(open_input(name, std::move(read))), stream_(buffer_.get()) {}

InputStream::~InputStream() = default;

std::istream& InputStream::stream() { return stream_; }

std::uint64_t InputStream::bytes_read() const { return buffer_->bytes_read(); }

const std::string& InputStream::error() const { return buffer_->error(); }

bool ended_by_damage(const std::istream& in) {
    const auto* buffer = dynamic_cast<const detail::InputBuffer*>(in.rdbuf());
    return buffer && !buffer->error().empty();
}

}  // namespace newsarchive
