// test_indexer_message.cc — the message reader: Usenet posts and mail, one per file or many in an mbox.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "readers/readers.h"
#include "recording_sink.h"

using namespace newsarchive;

namespace {

RecordingSink read(const std::string& bytes, bool mbox, const std::string& file = "test.eml") {
    RecordingSink sink;
    std::istringstream in(bytes);
    read_messages(file, in, mbox, sink);
    return sink;
}

// A Usenet post as news servers kept them: an encoded-word subject, a zone
// west of UTC late in the day, a crosspost, a quoted-printable body.
const std::string kPost =
    "Path: news.example.org!not-for-mail\n"
    "From: =?ISO-8859-1?Q?Ren=E9e_Dupont?= <renee@example.org>\n"
    "Newsgroups: sci.space, sci.astro\n"
    "Subject: =?UTF-8?Q?Orbital_elements_for_the_shuttle_=E2=80=94_update?=\n"
    "Date: Tue, 20 Apr 1993 23:30:00 -0700\n"
    "Message-ID: <1993Apr20.233000.1@example.org>\n"
    "MIME-Version: 1.0\n"
    "Content-Type: text/plain; charset=UTF-8\n"
    "Content-Transfer-Encoding: quoted-printable\n"
    "\n"
    "The two-line elements for STS-55 are below =E2=80=94 caf=C3=A9 talk later.\n"
    "> quoted text from an earlier post\n";

}  // namespace

TEST_CASE("message: the extension .eml and the names 'message' and 'mbox' select the reader") {
    CHECK(format_from_extension("post.eml") == Format::message);
    CHECK(format_from_extension("LIST.MBOX") == Format::mbox);
    CHECK(format_from_extension("archive.mbox") == Format::mbox);
    CHECK(parse_format("message") == Format::message);
    CHECK(parse_format("mbox") == Format::mbox);
    CHECK(format_name(Format::message) == "message");
    CHECK(format_name(Format::mbox) == "mbox");
}

TEST_CASE("message: headers become fields, decoded, and the body is the text part") {
    auto sink = read(kPost, false);
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.skipped.empty());
    CHECK(sink.warnings.empty());
    const Article& article = sink.added[0].article;
    CHECK(sink.added[0].position == "file");
    CHECK(article.id == "1993Apr20.233000.1@example.org");
    CHECK(article.title == "Orbital elements for the shuttle \u2014 update");
    REQUIRE(article.authors.size() == 1);
    CHECK(article.authors[0] == "Ren\u00e9e Dupont");
    CHECK(article.source == "sci.space");
    REQUIRE(article.date.has_value());
    CHECK(article.date->iso() == "1993-04-20");  // the day as written, not the UTC day (21st)
    CHECK(article.body.find("STS-55 are below \u2014 caf\u00e9 talk later.") != std::string::npos);
    CHECK(article.body.find("Newsgroups") == std::string::npos);
    CHECK(article.text == kPost);  // stored byte for byte, headers and encodings included
}

TEST_CASE("message: a From: without a name gives the address, and 8-bit Latin-1 is read as such") {
    auto sink = read("From: tkelso@afit.af.mil\nSubject: Caf\xe9 menu\n\nNa\xefve body.\n", false);
    REQUIRE(sink.added.size() == 1);
    const Article& article = sink.added[0].article;
    REQUIRE(article.authors.size() == 1);
    CHECK(article.authors[0] == "tkelso@afit.af.mil");
    CHECK(article.title == "Caf\u00e9 menu");
    CHECK(article.body == "Na\u00efve body.\n");
    CHECK(article.source.empty());
    CHECK_FALSE(article.date.has_value());
}

TEST_CASE("message: without a Message-ID the id is a hash of the message, the same each time") {
    const std::string post = "From: a@example.org\nSubject: No id\n\nBody.\n";
    auto first = read(post, false), again = read(post, false), other = read(post + "More.\n", false);
    REQUIRE(first.added.size() == 1);
    REQUIRE(again.added.size() == 1);
    REQUIRE(other.added.size() == 1);
    CHECK(first.added[0].article.id.size() == 32);
    CHECK(first.added[0].article.id == again.added[0].article.id);
    CHECK(first.added[0].article.id != other.added[0].article.id);
    // A Message-ID of a control character is none (fuzz_message finding).
    auto blank = read("From: a@example.org\nSubject: No id\nMessage-ID: <\x01>\n\nBody.\n", false);
    REQUIRE(blank.added.size() == 1);
    CHECK(blank.added[0].article.id.size() == 32);
}

TEST_CASE("message: multipart mail indexes its plain text, not attachments or the HTML alternative") {
    const std::string mail =
        "From: Desk <desk@example.com>\nSubject: Morning briefing\nMIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"outer\"\n\n"
        "--outer\nContent-Type: multipart/alternative; boundary=\"inner\"\n\n"
        "--inner\nContent-Type: text/plain; charset=us-ascii\n\nPlain briefing text.\n"
        "--inner\nContent-Type: text/html; charset=us-ascii\n\n<p>HTML briefing text.</p>\n"
        "--inner--\n"
        "--outer\nContent-Type: text/plain\nContent-Disposition: attachment; filename=\"notes.txt\"\n\n"
        "Attached notes.\n"
        "--outer--\n";
    auto sink = read(mail, false);
    REQUIRE(sink.added.size() == 1);
    const std::string& body = sink.added[0].article.body;
    CHECK(body.find("Plain briefing text.") != std::string::npos);
    CHECK(body.find("HTML briefing") == std::string::npos);
    CHECK(body.find("Attached notes") == std::string::npos);
}

TEST_CASE("message: an HTML-only newsletter is indexed as text") {
    const std::string mail =
        "From: Newsletter <news@example.com>\nSubject: Weekly\nMIME-Version: 1.0\n"
        "Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        "PGh0bWw+PGJvZHk+PGgxPkhlYWRsaW5lczwvaDE+PHA+Rmxvb2RzICZhbXA7IHN0b3Jtcy48L3A+PC9ib2R5PjwvaHRtbD4=\n";
    auto sink = read(mail, false);  // <html><body><h1>Headlines</h1><p>Floods &amp; storms.</p></body></html>
    REQUIRE(sink.added.size() == 1);
    const std::string& body = sink.added[0].article.body;
    CHECK(body.find("Headlines") != std::string::npos);
    CHECK(body.find("Floods & storms.") != std::string::npos);
    CHECK(body.find('<') == std::string::npos);
}

TEST_CASE("message: an unreadable Date: is a warning, and the article is kept") {
    auto sink = read("From: a@example.org\nSubject: Dated\nDate: sometime in spring\n\nBody.\n", false);
    REQUIRE(sink.added.size() == 1);
    CHECK_FALSE(sink.added[0].article.date.has_value());
    REQUIRE(sink.warnings.size() == 1);
    CHECK(sink.warnings[0].category == "unrecognised date");
    CHECK(sink.warnings[0].reason.find("sometime in spring") != std::string::npos);
}

TEST_CASE("message: what is not a message is skipped with the reason") {
    SUBCASE("no headers") {
        auto sink = read("just a line of text\n\nand a paragraph\n", false, "notes.eml");
        CHECK(sink.added.empty());
        REQUIRE(sink.skipped.size() == 1);
        CHECK(sink.skipped[0].file == "notes.eml");
        CHECK(sink.skipped[0].position == "byte 0");
        CHECK(sink.skipped[0].category == "not a message");
    }
    SUBCASE("a folded header line first (22 of the 18,846 20 Newsgroups posts)") {
        auto sink = read(" pashosh.wisdom.weizmann.ac.il\nSubject: Re: Long term\n\nBody.\n", false);
        CHECK(sink.added.empty());
        REQUIRE(sink.skipped.size() == 1);
        CHECK(sink.skipped[0].category == "not a message");
    }
    SUBCASE("empty") {
        auto sink = read("", false);
        REQUIRE(sink.skipped.size() == 1);
        CHECK(sink.skipped[0].category == "empty file");
    }
    SUBCASE("neither subject nor body") {
        auto sink = read("From: a@example.org\nSubject: \x01 \x02\n\n\n", false);  // control characters, cleaned away
        CHECK(sink.added.empty());
        REQUIRE(sink.skipped.size() == 1);
        CHECK(sink.skipped[0].category == "no title or body");
    }
    SUBCASE("a NUL byte") {
        auto sink = read(std::string("From: a@example.org\nSubject: x\n\nbin\0ary\n", 38), false);
        CHECK(sink.added.empty());
        REQUIRE(sink.skipped.size() == 1);
        CHECK(sink.skipped[0].category == "binary file");
    }
    SUBCASE("binary garbage") {
        auto sink = read(binary_garbage(20000), false);
        CHECK(sink.added.empty());
        CHECK(sink.skipped.size() == 1);
    }
}

TEST_CASE("mbox: each message after a From line is an article, stored without that line") {
    const std::string first = "From: A <a@example.org>\nSubject: One\nMessage-ID: <one@example.org>\n\nBody one.\n"
                              ">From the archive, a quoted From line.\n";
    const std::string second = "From: c@example.org\nMessage-ID: <two@example.org>\n\n\n";  // nothing to index
    const std::string third = "From: B <b@example.org>\nSubject: Three\nMessage-ID: <three@example.org>\n\nBody three.\n";
    const std::string marker = "From someone@example.org Mon Jan  1 00:00:00 2001\n";
    const std::string mbox = marker + first + "\n" + marker + second + "\n" + marker + third;
    auto sink = read(mbox, true, "list.mbox");
    REQUIRE(sink.added.size() == 2);
    CHECK(sink.added[0].article.id == "one@example.org");
    CHECK(sink.added[0].position == "message 1 (byte 0)");
    CHECK(sink.added[0].article.text.starts_with(first));
    CHECK(sink.added[0].article.body.find("Body one.") != std::string::npos);
    CHECK(sink.added[1].article.id == "three@example.org");
    CHECK(sink.added[1].article.text == third);
    std::size_t third_offset = 2 * marker.size() + first.size() + second.size() + 2;
    CHECK(sink.added[1].position == "message 3 (byte " + std::to_string(third_offset) + ")");
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].file == "list.mbox");
    CHECK(sink.skipped[0].position == "message 2 (byte " + std::to_string(marker.size() + first.size() + 1) + ")");
    CHECK(sink.skipped[0].category == "no title or body");
}

TEST_CASE("mbox: a message whose headers do not parse is skipped, and the messages after it are read") {
    const std::string marker = "From someone@example.org Mon Jan  1 00:00:00 2001\n";
    const std::string broken = " folded.example.org\nSubject: Broken\n\nA body, From inside a line.\n";
    const std::string good = "From: a@example.org\nSubject: Good\n\nGood body.\n";
    const std::string last = "From: b@example.org\nSubject: Last\n\nLast body.\n";
    SUBCASE("in the middle") {
        const std::string mbox = marker + good + "\n" + marker + broken + "\n" + marker + last;
        auto sink = read(mbox, true, "list.mbox");
        REQUIRE(sink.added.size() == 2);
        CHECK(sink.added[0].article.title == "Good");
        CHECK(sink.added[1].article.title == "Last");
        CHECK(sink.added[1].article.text == last);
        std::size_t last_offset = 2 * marker.size() + good.size() + broken.size() + 2;
        CHECK(sink.added[1].position == "message 3 (byte " + std::to_string(last_offset) + ")");
        REQUIRE(sink.skipped.size() == 1);
        CHECK(sink.skipped[0].position == "message 2 (byte " + std::to_string(marker.size() + good.size() + 1) + ")");
        CHECK(sink.skipped[0].category == "not a message");
    }
    SUBCASE("first, twice over") {
        auto sink = read(marker + broken + "\n" + marker + broken + "\n" + marker + good, true);
        REQUIRE(sink.added.size() == 1);
        CHECK(sink.added[0].article.text == good);
        REQUIRE(sink.skipped.size() == 2);
        CHECK(sink.skipped[0].position == "message 1 (byte 0)");
    }
    SUBCASE("last") {
        auto sink = read(marker + good + "\n" + marker + broken, true);
        REQUIRE(sink.added.size() == 1);
        REQUIRE(sink.skipped.size() == 1);
    }
}

TEST_CASE("mbox: a file that starts with no From line is skipped as not an mbox") {
    auto sink = read("From: a@example.org\nSubject: One\n\nBody.\n", true, "single.mbox");
    CHECK(sink.added.empty());
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].category == "not an mbox");
    CHECK(sink.skipped[0].position == "byte 0");
}

TEST_CASE("message: a message over the record bound keeps its first 64 MB, with a warning (a decompression bomb)") {
    const std::string marker = "From x@example.org Mon Jan  1 00:00:00 2001\n";
    const std::string head = "From: a@example.org\nSubject: Big\n\n";
    std::string big_body;
    while (big_body.size() < kMaxRecordBytes + 100000) big_body += "lorem ipsum dolor sit amet\n";
    const std::string after = "From: b@example.org\nSubject: After\n\nSmall.\n";
    SUBCASE("in an mbox, the next message is read") {
        auto sink = read(marker + head + big_body + "\n" + marker + after, true);
        REQUIRE(sink.added.size() == 2);
        CHECK(sink.added[0].article.title == "Big");
        CHECK(sink.added[0].article.text.starts_with(head + "lorem ipsum"));
        CHECK(sink.added[0].article.text.size() < kMaxRecordBytes);
        CHECK(sink.added[1].article.text == after);
        CHECK(sink.added[1].position == "message 2 (byte " + std::to_string(marker.size() + head.size() + big_body.size() + 1) + ")");
        REQUIRE(sink.warnings.size() == 1);
        CHECK(sink.warnings[0].position == "message 1 (byte 0)");
        CHECK(sink.warnings[0].category == "oversized record");
        CHECK(sink.skipped.empty());
    }
    SUBCASE("one message per file") {
        auto sink = read(head + big_body, false);
        REQUIRE(sink.added.size() == 1);
        CHECK(sink.added[0].article.text.size() == kMaxRecordBytes);
        REQUIRE(sink.warnings.size() == 1);
        CHECK(sink.warnings[0].reason == "message longer than 64 MB: kept its first 64 MB");
    }
}
