// test_indexer_input_stream.cc — plain, gzip and zstd inputs read back byte for byte; damage is reported, once.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <fcntl.h>

#include "compression.h"
#include "input_stream.h"
#include "readers/readers.h"
#include "recording_sink.h"
#include "scratch_directory.h"

using namespace newsarchive;
using test_support::gzip;
using test_support::zstd;

namespace {

const std::filesystem::path kHuffPost =
    NEWSARCHIVE_CORPORA_DIR "/huffpost-news-category-v3-subset/News_Category_Dataset_v3.json";

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    REQUIRE(out);
}

// Everything the stream yields until it ends.
std::string read_all(std::istream& in) { return {std::istreambuf_iterator<char>(in), {}}; }
std::string read_all(InputStream& input) { return read_all(input.stream()); }

// The JSON lines and text readers with the signature of the others.
void read_jsonl_file(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink) {
    read_jsonl(file, in, options, sink);
}
void read_text_file(const std::string& file, std::istream& in, const ReaderOptions& options, ArticleSink& sink) {
    read_text_article(file, file, in, options, sink);
}
void read_message_file(const std::string& file, std::istream& in, const ReaderOptions&, ArticleSink& sink) {
    read_messages(file, in, false, sink);
}
void read_mbox_file(const std::string& file, std::istream& in, const ReaderOptions&, ArticleSink& sink) {
    read_messages(file, in, true, sink);
}

// Several MB of news-like lines that compress well but not trivially, so the
// compressed form spans many input buffers.
std::string sample_lines(std::size_t count) {
    static const char* const words[] = {"election", "markets", "storm", "minister", "court", "vaccine",
                                        "strike", "budget", "football", "climate", "report", "city"};
    std::string text;
    std::uint32_t state = 12345;
    for (std::size_t line = 0; line < count; ++line) {
        text += "{\"id\":\"" + std::to_string(line) + "\",\"body\":\"";
        for (int word = 0; word < 12; ++word) {
            state = state * 1664525u + 1013904223u;
            text += words[(state >> 16) % std::size(words)];
            text += ' ';
            text += std::to_string(state % 1000);
            text += ' ';
        }
        text += "\"}\n";
    }
    return text;
}

// Binary content, every byte value, longer than one 256 KiB buffer.
std::string binary_sample() {
    std::string bytes;
    for (int i = 0; i < 700'000; ++i) bytes += static_cast<char>((i * 7 + i / 256) & 0xff);
    return bytes;
}

}  // namespace

TEST_CASE("compression_from_name goes by the suffix, ignoring case") {
    CHECK(compression_from_name("news.jsonl.gz") == Compression::gzip);
    CHECK(compression_from_name("NEWS.XML.GZ") == Compression::gzip);
    CHECK(compression_from_name("dump.zst") == Compression::zstd);
    CHECK(compression_from_name("dir.gz/news.jsonl") == Compression::none);
    CHECK(compression_from_name("news.jsonl") == Compression::none);
    CHECK(compression_from_name("news.gzip") == Compression::none);
    CHECK(compression_from_name("news.zstd") == Compression::none);
    CHECK(compression_from_name("-") == Compression::none);
    CHECK(compression_from_name("") == Compression::none);
}

TEST_CASE("strip_compression_suffix leaves the name of the format") {
    CHECK(strip_compression_suffix("a.jsonl.gz") == "a.jsonl");
    CHECK(strip_compression_suffix("dumps/b.xml.zst") == "dumps/b.xml");
    CHECK(strip_compression_suffix("C.CSV.GZ") == "C.CSV");
    CHECK(strip_compression_suffix("d.jsonl") == "d.jsonl");
    CHECK(strip_compression_suffix("-") == "-");
}

TEST_CASE("a plain file reads back byte for byte") {
    test_support::ScratchDirectory dir("input-stream");
    const std::string original = binary_sample();
    write_file(dir.file("plain.bin"), original);
    InputStream input(dir.file("plain.bin"));
    CHECK(read_all(input) == original);
    CHECK(input.error().empty());
    CHECK(input.bytes_read() == original.size());
}

TEST_CASE("an empty plain file is an empty stream, not an error") {
    test_support::ScratchDirectory dir("input-stream");
    write_file(dir.file("empty.jsonl"), "");
    InputStream input(dir.file("empty.jsonl"));
    CHECK(read_all(input).empty());
    CHECK(input.error().empty());
}

TEST_CASE("a gzip file reads back byte for byte") {
    test_support::ScratchDirectory dir("input-stream");
    const std::string original = binary_sample();
    const std::string compressed = gzip(original);
    write_file(dir.file("data.bin.gz"), compressed);
    InputStream input(dir.file("data.bin.gz"));
    CHECK(read_all(input) == original);
    CHECK(input.error().empty());
    CHECK(input.bytes_read() == compressed.size());
}

TEST_CASE("a zstd file reads back byte for byte") {
    test_support::ScratchDirectory dir("input-stream");
    const std::string original = binary_sample();
    const std::string compressed = zstd(original);
    write_file(dir.file("data.bin.zst"), compressed);
    InputStream input(dir.file("data.bin.zst"));
    CHECK(read_all(input) == original);
    CHECK(input.error().empty());
    CHECK(input.bytes_read() == compressed.size());
}

TEST_CASE("concatenated gzip members read as one stream") {
    test_support::ScratchDirectory dir("input-stream");
    write_file(dir.file("multi.jsonl.gz"), gzip("first member\n") + gzip("") + gzip("second member\n"));
    InputStream input(dir.file("multi.jsonl.gz"));
    CHECK(read_all(input) == "first member\nsecond member\n");
    CHECK(input.error().empty());
}

TEST_CASE("multiple zstd frames read as one stream") {
    test_support::ScratchDirectory dir("input-stream");
    write_file(dir.file("multi.jsonl.zst"), zstd("first frame\n") + zstd("") + zstd("second frame\n"));
    InputStream input(dir.file("multi.jsonl.zst"));
    CHECK(read_all(input) == "first frame\nsecond frame\n");
    CHECK(input.error().empty());
}

TEST_CASE("getline over a multi-MB compressed stream yields the original lines") {
    test_support::ScratchDirectory dir("input-stream");
    const std::string original = sample_lines(40'000);
    REQUIRE(original.size() > 4'000'000);
    write_file(dir.file("lines.jsonl.gz"), gzip(original));
    write_file(dir.file("lines.jsonl.zst"), zstd(original));

    auto lines_of = [](std::istream& in) {
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);) lines.push_back(std::move(line));
        return lines;
    };
    std::istringstream original_stream(original);
    const std::vector<std::string> expected = lines_of(original_stream);
    REQUIRE(expected.size() == 40'000);

    for (const char* name : {"lines.jsonl.gz", "lines.jsonl.zst"}) {
        CAPTURE(name);
        InputStream input(dir.file(name));
        CHECK(lines_of(input.stream()) == expected);
        CHECK(input.error().empty());
    }
}

TEST_CASE("a truncated gzip file is reported with the byte offset, not taken as a clean end") {
    test_support::ScratchDirectory dir("input-stream");
    const std::string original = sample_lines(20'000);
    const std::string compressed = gzip(original);
    const std::string cut = compressed.substr(0, compressed.size() / 2);
    write_file(dir.file("cut.jsonl.gz"), cut);
    InputStream input(dir.file("cut.jsonl.gz"));
    const std::string got = read_all(input);
    CHECK(got.size() < original.size());
    CHECK(original.starts_with(got));
    CHECK(input.error() == "truncated gzip stream at byte " + std::to_string(cut.size()));
}

TEST_CASE("a truncated zstd file is reported with the byte offset, not taken as a clean end") {
    test_support::ScratchDirectory dir("input-stream");
    const std::string original = sample_lines(20'000);
    const std::string compressed = zstd(original);
    const std::string cut = compressed.substr(0, compressed.size() / 2);
    write_file(dir.file("cut.jsonl.zst"), cut);
    InputStream input(dir.file("cut.jsonl.zst"));
    const std::string got = read_all(input);
    CHECK(got.size() < original.size());
    CHECK(original.starts_with(got));
    CHECK(input.error() == "truncated zstd stream at byte " + std::to_string(cut.size()));
}

TEST_CASE("empty .gz and .zst files are truncated streams") {
    test_support::ScratchDirectory dir("input-stream");
    write_file(dir.file("empty.jsonl.gz"), "");
    write_file(dir.file("empty.jsonl.zst"), "");
    InputStream gz(dir.file("empty.jsonl.gz"));
    CHECK(read_all(gz).empty());
    CHECK(gz.error() == "truncated gzip stream at byte 0");
    InputStream zst(dir.file("empty.jsonl.zst"));
    CHECK(read_all(zst).empty());
    CHECK(zst.error() == "truncated zstd stream at byte 0");
}

TEST_CASE("corrupt gzip and zstd data are reported with the byte offset and the decoder's reason") {
    test_support::ScratchDirectory dir("input-stream");
    // A wrong CRC in the gzip trailer (its first 4 of the last 8 bytes).
    std::string gz = gzip("some text\n");
    gz[gz.size() - 8] = static_cast<char>(gz[gz.size() - 8] ^ 0xff);
    write_file(dir.file("bad-crc.jsonl.gz"), gz);
    InputStream gz_input(dir.file("bad-crc.jsonl.gz"));
    read_all(gz_input);
    CHECK(gz_input.error().starts_with("corrupt gzip data at byte "));
    CHECK(gz_input.error().find("incorrect data check") != std::string::npos);

    // A good frame followed by bytes that are no frame at all.
    const std::string good = zstd("first frame\n");
    write_file(dir.file("bad-frame.jsonl.zst"), good + "this is not zstd");
    InputStream zst_input(dir.file("bad-frame.jsonl.zst"));
    CHECK(read_all(zst_input) == "first frame\n");
    CHECK(zst_input.error().starts_with("corrupt zstd data at byte " + std::to_string(good.size())));
    CHECK(zst_input.error().find(": ") != std::string::npos);
}

TEST_CASE("gzip: what is decoded up to a bad checksum after the last byte is kept") {
    test_support::ScratchDirectory dir("input-stream");
    const std::string original = sample_lines(10'000);  // over 1 MB, many decoder calls
    std::string gz = gzip(original);
    gz[gz.size() - 8] = static_cast<char>(gz[gz.size() - 8] ^ 0xff);  // the CRC, checked after the last byte
    write_file(dir.file("bad-crc.jsonl.gz"), gz);
    InputStream gz_input(dir.file("bad-crc.jsonl.gz"));
    CHECK(read_all(gz_input) == original);
    CHECK(gz_input.error().find("incorrect data check") != std::string::npos);
}

// zstd shows nothing of a call that finds damage, not even the blocks it
// decoded before, nor how far it read: it gets small steps, so that the text
// before the damage is kept and its offset is close. Here the damage is a
// changed byte a tenth into the HuffPost dump, within zstd's first 256 KiB.
TEST_CASE("zstd: the text before a damaged block is kept, the offset found within a step") {
    if (!std::filesystem::exists(kHuffPost)) {
        MESSAGE("skipped: " << kHuffPost << " is absent");
        return;
    }
    test_support::ScratchDirectory dir("input-stream");
    std::ifstream news_file(kHuffPost, std::ios::binary);
    const std::string news = read_all(news_file);
    std::string zst = zstd(news);
    const std::size_t damage = zst.size() / 10;
    zst[damage] = static_cast<char>(zst[damage] ^ 0xff);
    write_file(dir.file("bad-block.jsonl.zst"), zst);
    InputStream input(dir.file("bad-block.jsonl.zst"));
    const std::string got = read_all(input);
    CHECK(news.starts_with(got));
    CHECK(got.size() >= 2 * 128 * 1024);  // the blocks before the damaged one
    REQUIRE(input.error().starts_with("corrupt zstd data at byte "));
    std::size_t reported = std::stoul(input.error().substr(std::string("corrupt zstd data at byte ").size()));
    CHECK(reported <= damage);
    CHECK(reported + 16 * 1024 > damage);
}

TEST_CASE("a .gz name on content that is not gzip is an error, not text") {
    test_support::ScratchDirectory dir("input-stream");
    write_file(dir.file("plain.jsonl.gz"), "{\"id\":\"1\"}\n");
    InputStream input(dir.file("plain.jsonl.gz"));
    read_all(input);
    CHECK(input.error().starts_with("corrupt gzip data at byte "));
    CHECK(input.error().find("incorrect header check") != std::string::npos);
}

TEST_CASE("magic bytes select the codec whatever the name") {
    test_support::ScratchDirectory dir("input-stream");
    const std::string original = sample_lines(100);
    write_file(dir.file("gzip-inside.jsonl"), gzip(original));
    write_file(dir.file("zstd-inside.txt"), zstd(original));
    write_file(dir.file("zstd-named-gz.gz"), zstd(original));
    for (const char* name : {"gzip-inside.jsonl", "zstd-inside.txt", "zstd-named-gz.gz"}) {
        CAPTURE(name);
        InputStream input(dir.file(name));
        CHECK(read_all(input) == original);
        CHECK(input.error().empty());
    }
}

TEST_CASE("\"-\" reads standard input, gzip detected by its magic") {
    test_support::ScratchDirectory dir("input-stream");
    const std::string original = sample_lines(1000);
    write_file(dir.file("stdin.gz"), gzip(original));

    // Standard input is borrowed for the test and put back afterwards.
    int saved = ::dup(STDIN_FILENO);
    REQUIRE(saved >= 0);
    int file = ::open(dir.file("stdin.gz").c_str(), O_RDONLY);
    REQUIRE(file >= 0);
    REQUIRE(::dup2(file, STDIN_FILENO) == STDIN_FILENO);
    ::close(file);
    std::string got;
    std::string error;
    {
        InputStream input("-");
        got = read_all(input);
        error = input.error();
    }
    ::dup2(saved, STDIN_FILENO);
    ::close(saved);
    CHECK(got == original);
    CHECK(error.empty());
}

TEST_CASE("a file that cannot be opened throws InputError naming the path and the reason") {
    test_support::ScratchDirectory dir("input-stream");
    const std::string missing = dir.file("missing.jsonl.gz");
    CHECK_THROWS_WITH_AS(InputStream{missing}, ("cannot open '" + missing + "': No such file or directory").c_str(),
                         InputError);
    CHECK_THROWS_WITH_AS(InputStream{dir.path().string()},
                         ("cannot open '" + dir.path().string() + "': Is a directory").c_str(), InputError);
}

TEST_CASE("ended_by_damage: true once an input stream has ended on damage, false for clean ends and other streams") {
    test_support::ScratchDirectory dir("input-stream");
    write_file(dir.file("whole.jsonl.gz"), gzip("a line\n"));
    write_file(dir.file("cut.jsonl.gz"), test_support::gzip_cut_after("a line\n"));
    InputStream whole(dir.file("whole.jsonl.gz"));
    read_all(whole);
    CHECK_FALSE(ended_by_damage(whole.stream()));
    InputStream cut(dir.file("cut.jsonl.gz"));
    CHECK_FALSE(ended_by_damage(cut.stream()));  // not before the damage is read
    CHECK(read_all(cut) == "a line\n");
    CHECK(ended_by_damage(cut.stream()));
    std::istringstream other("a line\n");
    read_all(other);
    CHECK_FALSE(ended_by_damage(other));
}

// Each reader on a .gz file cut off inside its second record: the first is
// read, and nothing is reported for the second (the indexer reports the
// damage, once); the same bytes uncompressed still get their own report.
TEST_CASE("readers leave a record cut off by damage to the damage report") {
    struct Case {
        std::string name;
        std::string text;  // what the cut file decodes to
        void (*read)(const std::string&, std::istream&, const ReaderOptions&, ArticleSink&);
        std::size_t added;  // from the cut file
    };
    const Case cases[] = {
        {"cut.jsonl.gz", "{\"title\": \"One\", \"body\": \"a\"}\n{\"title\": \"Tw", &read_jsonl_file, 1},
        {"cut.json.gz", "[{\"title\": \"One\", \"body\": \"a\"}, {\"title\": \"Tw", &read_json, 1},
        {"quoted.csv.gz", "title,body\nOne,a\nTwo,\"b is cut", &read_csv, 1},
        {"unquoted.csv.gz", "title,body\nOne,a\nTwo", &read_csv, 1},
        {"cut.sgml.gz", "<DOC><DOCNO>1</DOCNO><TEXT>a</TEXT></DOC>\n<DOC><DOCNO>2</DOCNO><TE", &read_trec, 1},
        {"cut.txt.gz", "Title\n\nThe body is cu", &read_text_file, 0},
        {"cut.eml.gz", "Subject: One\n\nThe body is cu", &read_message_file, 0},
        {"cut.mbox.gz",
         "From a Mon Jan  1 00:00:00 2001\nSubject: One\n\na\n\nFrom b Mon Jan  1 00:00:00 2001\nSubject: Tw",
         &read_mbox_file, 1},
    };
    test_support::ScratchDirectory dir("input-stream");
    for (const auto& c : cases) {
        CAPTURE(c.name);
        write_file(dir.file(c.name), test_support::gzip_cut_after(c.text));
        InputStream input(dir.file(c.name));
        RecordingSink cut;
        c.read(c.name, input.stream(), ReaderOptions{}, cut);
        CHECK_FALSE(input.error().empty());
        CHECK(cut.added.size() == c.added);
        CHECK(cut.skipped.empty());

        std::istringstream plain(c.text);
        RecordingSink intact;
        c.read(c.name, plain, ReaderOptions{}, intact);
        CHECK(intact.skipped.size() + intact.added.size() == c.added + 1);
    }
}

TEST_CASE("readers report nothing for a compressed file that decodes to nothing before its damage") {
    test_support::ScratchDirectory dir("input-stream");
    write_file(dir.file("empty.gz"), "");
    for (auto read : {&read_jsonl_file, &read_json, &read_csv, &read_trec, &read_text_file, &read_message_file,
                      &read_mbox_file}) {
        InputStream input(dir.file("empty.gz"));
        RecordingSink sink;
        read("empty.gz", input.stream(), ReaderOptions{}, sink);
        CHECK(input.error() == "truncated gzip stream at byte 0");
        CHECK(sink.skipped.empty());
        CHECK(sink.added.empty());
    }
}
