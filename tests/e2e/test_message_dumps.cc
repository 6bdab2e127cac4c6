// test_message_dumps.cc — Usenet posts from 20 Newsgroups (one per file) and an mbox archive, end to end.
#include <doctest/doctest.h>

#include "compression.h"
#include "process.h"

using namespace e2e;

namespace {

const std::filesystem::path kUsenet = source_dir() / "tests/data/usenet";
const std::filesystem::path kMbox = source_dir() / "tests/data/dumps/usenet-1993.mbox";

// The mbox fixture, gzipped as archives of Usenet usually are, indexed once.
const std::string& mbox_index() {
    static TempDir dir;
    static std::string db = [] {
        std::string path = dir / "index";
        std::string dump = dir / "usenet-1993.mbox.gz";
        write_file(dump, test_support::gzip(read_file(kMbox)));
        auto result = run(newsindex(), {"--db", path, dump});
        INFO(result.err);
        // The fourth message has neither a subject nor body text.
        REQUIRE(result.exit_code == 3);
        CHECK(result.err.find("usenet-1993.mbox.gz: message 4 (byte ") != std::string::npos);
        CHECK(result.err.find("3 indexed") != std::string::npos);
        return path;
    }();
    return db;
}

}  // namespace

TEST_CASE("message: 20 Newsgroups posts with --format message, the one with a broken first line skipped") {
    TempDir dir;
    auto result = run(newsindex(), {"--db", dir / "index", "--format", "message", kUsenet.string()});
    INFO(result.err);
    CHECK(result.exit_code == 3);
    CHECK(result.err.find("rec.autos/103435: byte 0: not a message") != std::string::npos);
    CHECK(result.err.find("4 indexed, 0 replaced, 1 skipped (1 not a message)") != std::string::npos);

    auto found = search_json(dir / "index", {"orbital elements"});
    REQUIRE(found["results"].size() >= 1);
    CHECK(found["results"][0]["title"] == "Two-Line Orbital Element Set:  Space Shuttle");  // as the header has it
    CHECK(found["results"][0]["author"] == "TS Kelso");
    CHECK(search_json(dir / "index", {"--author", "kelso", "orbital"})["total"] == 1);
    // Headers are fields, not text: the posting host is not a word of any post.
    CHECK(search_json(dir / "index", {"nntp"})["total"] == 0);
    // Without --format the files (no extension) are passed over.
    auto without = run(newsindex(), {"--db", dir / "other", kUsenet.string()});
    CHECK(without.err.find("files of unknown type passed over: 5") != std::string::npos);
}

TEST_CASE("mbox: a gzipped archive gives Subject, From, Date, Newsgroups and Message-ID as fields") {
    auto hit = search_json(mbox_index(), {"vaccine"});
    REQUIRE(hit["results"].size() == 1);
    CHECK(hit["results"][0]["title"] == "R\u00e9sum\u00e9 of the vaccine trial results");
    CHECK(hit["results"][0]["author"] == "Andr\u00e9 Lef\u00e8vre");
    CHECK(hit["results"][0]["date"] == "1993-04-22");
    CHECK(hit["results"][0]["source"] == "sci.med");
    CHECK(hit["results"][0]["id"] == "r7n2f1$9q@example.fr");
    CHECK(search_json(mbox_index(), {"gen\u00e8ve"})["total"] == 1);  // quoted-printable Latin-1, decoded

    // The day as written: 23:30 at -0700 is the 21st in UTC, but the post says the 20th.
    CHECK(ids(search_json(mbox_index(), {"date:1993-04-20..1993-04-20"})) ==
          std::vector<std::string>{"1993Apr20.233000.4411@observatory.example.edu"});
    CHECK(search_json(mbox_index(), {"--source", "sci.space", "comet"})["total"] == 2);
    CHECK(search_json(mbox_index(), {"--author", "Lena Marsh"})["total"] == 2);
}

TEST_CASE("mbox: --show prints the message as the archive held it, headers included") {
    auto shown = run(newssearch(), {"--db", mbox_index(), "--show", "1993Apr23.140000.5120@observatory.example.edu"});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out.starts_with("Path: news.example.org!not-for-mail\nFrom: Lena Marsh"));
    CHECK(shown.out.find("References: <1993Apr20.233000.4411@observatory.example.edu>") != std::string::npos);
    CHECK(shown.out.find("inclination 41 degrees") != std::string::npos);
    CHECK(shown.out.find("From news@example.org") == std::string::npos);  // the mbox's separator is not the message's
}

TEST_CASE("message: all of 20 Newsgroups, straight from the collection's .tar.zst") {
    const std::filesystem::path archive = NEWSARCHIVE_CORPORA_DIR "/20news-bydate/20news-bydate.tar.zst";
    if (!std::filesystem::exists(archive)) {
        MESSAGE("skipped: " << archive << " is absent");
        return;
    }
    TempDir dir;
    auto result = run(newsindex(), {"--db", dir / "index", "--format", "message", archive.string()});
    INFO(result.err.substr(result.err.size() > 2000 ? result.err.size() - 2000 : 0));
    CHECK(result.exit_code == 3);
    // The 22 posts that start with a folded header line (SOURCES.md counts 18,846).
    CHECK(result.err.find("18824 indexed, 0 replaced, 22 skipped (22 not a message)") != std::string::npos);
    CHECK(result.err.find("20news-bydate.tar.zst/20news-bydate-test/sci.space/61348: byte 0: not a message") !=
          std::string::npos);
    auto hubble = search_json(dir / "index", {"\"hubble space telescope\""});
    CHECK(hubble["total"] == 9);
    for (const auto& hit : hubble["results"]) CHECK(hit["id"].get<std::string>().size() == 32);  // no Message-IDs
}
