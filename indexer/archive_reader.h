// archive_reader.h — the members of a tar or zip archive, in order, as raw byte streams (libarchive).
//
// Dumps are often shipped as one archive of a folder (20 Newsgroups as a
// .tar.zst, BBC News as a .zip): reading the members straight from it needs
// no unpacking and no disk space. An archive is read once, front to back, so
// a compressed tar streams like any compressed file.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "input_stream.h"

struct archive;

namespace newsarchive {

// Whether a file name says archive: .tar, .tar.gz, .tgz, .tar.zst, .tzst,
// .tar.xz, .txz, .tar.bz2, .tbz2 or .zip, ignoring case.
bool is_archive_name(std::string_view name);

class ArchiveReader {
public:
    // Opens the archive at `path` (tar in its common dialects, or zip; the
    // compression found by its magic bytes). Throws InputError naming the
    // path when it cannot be opened or is no archive libarchive knows.
    explicit ArchiveReader(const std::string& path);
    ~ArchiveReader();
    ArchiveReader(const ArchiveReader&) = delete;
    ArchiveReader& operator=(const ArchiveReader&) = delete;

    // Moves to the next member that is a regular file with a name and
    // returns its path within the archive; nullopt at the end, or when the
    // archive is damaged (then error() says why). Whatever was not read of
    // the member before is skipped.
    std::optional<std::string> next_member();

    // Reads the current member's bytes, for InputStream; a damaged archive
    // is a read error.
    ByteReader member_reader();

    // Bytes of the archive file read so far (compressed), for progress.
    std::uint64_t bytes_read() const;

    // Empty, or why the archive could not be read to its end.
    const std::string& error() const { return error_; }

private:
    struct archive* archive_ = nullptr;
    std::string error_;
};

}  // namespace newsarchive
