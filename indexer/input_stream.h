// input_stream.h — one indexer input as a std::istream, gzip and zstd decoded on the fly.
//
// Dumps are often tens of GB compressed, so the input is decoded as it is
// read: no temporary files, and memory stays at two fixed 256 KiB buffers
// whatever the input size.
//
// Contract:
//  - Input: a file path, "-" for standard input, or any ByteReader (an
//    archive member, archive_reader.h). The codec is chosen by the
//    content's magic bytes (1f 8b: gzip, 28 b5 2f fd: zstd), so stdin and
//    misnamed files work; when there is no magic, a ".gz"/".zst" name still
//    selects that codec (a ".gz" file that is not gzip is then an error, not
//    silently indexed as text), and anything else is read as is.
//    Concatenated gzip members and multiple zstd frames are read as one stream.
//  - Failure to open (missing file, directory, permission, unreadable start)
//    throws InputError from the constructor. Failures while reading never
//    throw: the stream simply ends (eof and fail set) and error() says why —
//    which is how a truncated or corrupt compressed file is told apart from a
//    clean end. ended_by_damage() asks the same of the bare std::istream that
//    readers are given.
//  - Thread safety: an InputStream is used by one thread at a time, except
//    bytes_read(), which any thread may call (e.g. a progress reporter).
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

namespace newsarchive {

enum class Compression { none, gzip, zstd };

// By the name's suffix, ignoring case: ".gz" is gzip, ".zst" is zstd, anything
// else (including "-") none.
Compression compression_from_name(std::string_view name);

// `name` without the suffix compression_from_name recognised ("a.jsonl.gz" ->
// "a.jsonl"), so the caller can pick the record format from what remains.
std::string strip_compression_suffix(std::string_view name);

namespace detail {
class InputBuffer;  // the std::streambuf that reads and decodes; in input_stream.cc
}

struct InputError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Reads up to `size` raw bytes into `into`: returns how many (0 at the end),
// or -1 with `error` set to one line saying why.
using ByteReader = std::function<std::ptrdiff_t(char* into, std::size_t size, std::string& error)>;

class InputStream {
public:
    // Opens `path` ("-" for standard input, which is not closed afterwards).
    // Throws InputError with a one-line reason naming the path, e.g.
    // "cannot open 'x.gz': No such file or directory".
    explicit InputStream(const std::string& path);
    // Reads what `read` gives (an archive member, say) the same way; `name`
    // is for messages and, without magic bytes, the codec.
    InputStream(const std::string& name, ByteReader read);
    ~InputStream();
    InputStream(const InputStream&) = delete;
    InputStream& operator=(const InputStream&) = delete;

    // The decoded bytes.
    std::istream& stream();

    // Bytes of the file (compressed, or raw when not compressed) read so far;
    // ahead of what the caller has consumed by at most one 256 KiB buffer.
    // Meant for progress against the file size.
    std::uint64_t bytes_read() const;

    // Once the stream has ended: empty if the input ended cleanly, else one
    // line saying why, with the byte offset in the file, e.g. "truncated gzip
    // stream at byte 81920" or "corrupt zstd data at byte 4096: Unknown frame
    // descriptor". Empty while reading is still going well; set when the
    // damage is found, which may be before the bytes decoded ahead of it
    // (kept, like all data before the damage) have been read.
    const std::string& error() const;

private:
    std::unique_ptr<detail::InputBuffer> buffer_;
    std::istream stream_;
};

// Whether `in` is an InputStream's stream whose input is damaged (error() not
// empty); false for any other stream. Readers ask it at the end of their
// input: a record the damage cut off is not theirs to report (see reader.h).
bool ended_by_damage(const std::istream& in);

}  // namespace newsarchive
