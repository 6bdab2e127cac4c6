// fuzz_archive.cc — ArchiveReader and member InputStreams on arbitrary bytes: no crash, no exception but InputError.
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <string>

#include "archive_reader.h"
#include "fuzz_checks.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    // libarchive opens archives by path, as newsindex does.
    static const std::string path = "/tmp/fuzz_archive." + std::to_string(::getpid()) + ".tar";
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                  static_cast<std::streamsize>(size));
    try {
        newsarchive::ArchiveReader archive(path);
        while (auto member = archive.next_member()) {
            newsarchive::fuzz::check(!member->empty(), "member without a name");
            try {
                newsarchive::InputStream stream(*member, archive.member_reader());
                std::string bytes(std::istreambuf_iterator<char>(stream.stream()), {});
                newsarchive::fuzz::check(stream.error().empty() || !archive.error().empty() ||
                                             stream.error().find("byte") != std::string::npos,
                                         "member damage without an offset");
            } catch (const newsarchive::InputError&) {
            }
        }
    } catch (const newsarchive::InputError&) {
    }
    return 0;
}
