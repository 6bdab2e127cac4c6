// archive_reader.cc — libarchive's streaming reader, members handed out one at a time.
#include "archive_reader.h"

#include <array>

#include <archive.h>
#include <archive_entry.h>

#include "ascii.h"

namespace newsarchive {

namespace {

constexpr std::size_t kBlockSize = 256 * 1024;

std::string archive_message(struct archive* archive) {
    const char* message = archive_error_string(archive);
    return message ? message : "unknown libarchive error";
}

}  // namespace

bool is_archive_name(std::string_view name) {
    static constexpr std::array<std::string_view, 10> kSuffixes{".tar",  ".tar.gz", ".tgz",     ".tar.zst", ".tzst",
                                                                ".tar.xz", ".txz",  ".tar.bz2", ".tbz2",    ".zip"};
    std::string lower = ascii_lower(name);
    for (auto suffix : kSuffixes)
        if (lower.ends_with(suffix)) return true;
    return false;
}

ArchiveReader::ArchiveReader(const std::string& path) : archive_(archive_read_new()) {
    if (!archive_) throw InputError("cannot read '" + path + "': libarchive could not be initialised");
    archive_read_support_filter_all(archive_);
    archive_read_support_format_tar(archive_);
    archive_read_support_format_gnutar(archive_);
    archive_read_support_format_zip(archive_);
    if (archive_read_open_filename(archive_, path.c_str(), kBlockSize) != ARCHIVE_OK) {
        std::string reason = archive_message(archive_);
        archive_read_free(archive_);
        throw InputError("cannot read '" + path + "' as an archive: " + reason);
    }
}

ArchiveReader::~ArchiveReader() { archive_read_free(archive_); }

std::optional<std::string> ArchiveReader::next_member() {
    if (!error_.empty()) return std::nullopt;
    for (;;) {
        struct archive_entry* entry = nullptr;
        int status = archive_read_next_header(archive_, &entry);
        if (status == ARCHIVE_EOF) return std::nullopt;
        if (status < ARCHIVE_WARN) {
            error_ = "damaged archive after byte " + std::to_string(bytes_read()) + ": " + archive_message(archive_);
            return std::nullopt;
        }
        if (archive_entry_filetype(entry) != AE_IFREG) continue;
        const char* name = archive_entry_pathname_utf8(entry);
        if (!name) name = archive_entry_pathname(entry);
        if (name && *name) return std::string(name);  // a nameless member is no file of the dump
    }
}

ByteReader ArchiveReader::member_reader() {
    return [this](char* into, std::size_t size, std::string& error) -> std::ptrdiff_t {
        la_ssize_t count = archive_read_data(archive_, into, size);
        if (count >= 0) return count;
        error = archive_message(archive_);
        if (error_.empty()) error_ = "damaged archive after byte " + std::to_string(bytes_read()) + ": " + error;
        return -1;
    };
}

std::uint64_t ArchiveReader::bytes_read() const {
    return static_cast<std::uint64_t>(std::max<la_int64_t>(0, archive_filter_bytes(archive_, -1)));
}

}  // namespace newsarchive
