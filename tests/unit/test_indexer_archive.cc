// test_indexer_archive.cc — which archive members are read, in what format, and the archive reader itself.
#include <doctest/doctest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "archive_reader.h"
#include "inputs.h"
#include "scratch_directory.h"

using namespace newsarchive;

namespace {

const std::string kZip = NEWSARCHIVE_SOURCE_DIR "/tests/data/dumps/seed-pages.zip";

std::string read_member(ArchiveReader& archive) {
    InputStream stream("member", archive.member_reader());
    return std::string(std::istreambuf_iterator<char>(stream.stream()), {});
}

}  // namespace

TEST_CASE("archive names: tar in its compressions, and zip, in any case") {
    for (const char* name : {"a.tar", "a.tar.gz", "A.TGZ", "a.tar.zst", "a.tzst", "a.tar.xz", "a.txz", "a.tar.bz2",
                             "a.tbz2", "bbc-fulltext.zip"})
        CHECK_MESSAGE(is_archive_name(name), name);
    for (const char* name : {"a.gz", "a.jsonl.gz", "a.zst", "tarball.txt", "zip", "a.tar.gz.txt"})
        CHECK_MESSAGE(!is_archive_name(name), name);
}

TEST_CASE("format_to_read: extension, forced format, and what is passed over") {
    PassedOver passed_over;
    CHECK(format_to_read("bbc/sport/001.txt", std::nullopt, passed_over) == Format::text);
    CHECK(format_to_read("dump/part-1.jsonl.gz", std::nullopt, passed_over) == Format::jsonl);
    CHECK(format_to_read("20news/sci.space/61450", Format::message, passed_over) == Format::message);
    CHECK(passed_over.unknown_type == 0);
    CHECK_FALSE(format_to_read("20news/sci.space/61450", std::nullopt, passed_over));
    CHECK(passed_over.unknown_type == 1);
    CHECK_FALSE(format_to_read("bbc/README.TXT", Format::text, passed_over));
    CHECK(passed_over.notes == 1);
    // Hidden and Mac metadata paths are passed over without a count, as hidden files in directory walks are.
    CHECK_FALSE(format_to_read(".git/config.txt", Format::text, passed_over));
    CHECK_FALSE(format_to_read("dump/.DS_Store.txt", std::nullopt, passed_over));
    CHECK_FALSE(format_to_read("__MACOSX/bbc/._001.txt", std::nullopt, passed_over));
    CHECK(format_to_read("./bbc/001.txt", std::nullopt, passed_over) == Format::text);
    CHECK(passed_over.unknown_type == 1);
    CHECK(passed_over.notes == 1);
}

TEST_CASE("archive reader: the members of a zip, in order, with their bytes") {
    ArchiveReader archive(kZip);
    std::vector<std::string> members;
    std::string first_text;
    while (auto member = archive.next_member()) {
        members.push_back(*member);
        if (members.size() == 1) first_text = read_member(archive);  // the others are skipped unread
    }
    CHECK(archive.error().empty());
    CHECK(members == std::vector<std::string>{"seed-pages/000_8f3a7d02f35aa849.txt",
                                              "seed-pages/003_c44252262884b803.txt",
                                              "seed-pages/004_413fc6f897fb3d11.txt",
                                              "seed-pages/README.txt",
                                              "seed-pages/layout.docx",
                                              "__MACOSX/seed-pages/._000_8f3a7d02f35aa849.txt"});
    std::ifstream original(NEWSARCHIVE_SOURCE_DIR "/corpus/000_8f3a7d02f35aa849.txt", std::ios::binary);
    CHECK(first_text == std::string(std::istreambuf_iterator<char>(original), {}));
    CHECK(archive.bytes_read() > 0);
}

TEST_CASE("archive reader: what is not an archive, or not there, is an InputError naming it") {
    test_support::ScratchDirectory dir("archive");
    std::ofstream(dir.file("notes.zip")) << "plain text\n";
    CHECK_THROWS_WITH_AS(ArchiveReader(dir.file("notes.zip")), doctest::Contains("notes.zip"), InputError);
    CHECK_THROWS_AS(ArchiveReader(dir.file("missing.tar")), InputError);
}
