// test_indexer_trec.cc — the TREC SGML reader on Reuters-21578 and on AP, WSJ, FT and LA Times-style records.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "readers/readers.h"
#include "recording_sink.h"

using namespace newsarchive;

namespace {

const std::filesystem::path kReuters = NEWSARCHIVE_CORPORA_DIR "/reuters21578";

RecordingSink read(const std::string& sgml, const std::string& file = "test.sgml") {
    RecordingSink sink;
    std::istringstream in(sgml);
    read_trec(file, in, ReaderOptions{}, sink);
    return sink;
}

const Article* find_id(const RecordingSink& sink, const std::string& id) {
    for (const auto& added : sink.added)
        if (added.article.id == id) return &added.article;
    return nullptr;
}

}  // namespace

TEST_CASE("TREC: the extensions .sgml, .sgm and .trec and the name 'trec' select the reader") {
    CHECK(format_from_extension("reut2-000.sgm") == Format::trec);
    CHECK(format_from_extension("AP880212.SGML") == Format::trec);
    CHECK(format_from_extension("fbis5.trec") == Format::trec);
    CHECK(parse_format("trec") == Format::trec);
    CHECK(format_name(Format::trec) == "trec");
}

TEST_CASE("TREC: all of Reuters-21578 is read, every record accounted for") {
    if (!std::filesystem::exists(kReuters)) {
        MESSAGE("skipped: " << kReuters << " is absent");
        return;
    }
    RecordingSink sink;
    std::map<std::string, std::size_t> per_file;
    for (int number = 0; number <= 21; ++number) {
        char name[32];
        std::snprintf(name, sizeof name, "reut2-%03d.sgm", number);
        std::ifstream in(kReuters / name, std::ios::binary);
        REQUIRE(in);
        std::size_t before = sink.added.size();
        read_trec(name, in, ReaderOptions{}, sink);
        per_file[name] = sink.added.size() - before;
    }

    // 21,578 records: NEWID 12793 is an UNPROC record whose TEXT holds only
    // control characters, so it is skipped, and said so; the others are articles.
    CHECK(sink.added.size() == 21577);
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].file == "reut2-012.sgm");
    CHECK(sink.skipped[0].position == "record 793 (line 25983)");
    CHECK(sink.skipped[0].category == "no title or body");
    CHECK(sink.warnings.empty());  // every date parses, debris after the time included
    CHECK(per_file["reut2-000.sgm"] == 1000);
    CHECK(per_file["reut2-012.sgm"] == 999);
    CHECK(per_file["reut2-021.sgm"] == 578);

    std::set<long> ids;
    std::map<std::string, std::size_t> months;
    std::size_t titled = 0, without_body = 0;
    for (const auto& [article, file, position] : sink.added) {
        ids.insert(std::stol(article.id));
        REQUIRE(article.date);
        ++months[article.date->iso().substr(0, 7)];
        titled += !article.title.empty();
        without_body += article.body.empty();
        CHECK(article.source == "Reuters");
    }
    CHECK(ids.size() == 21577);
    CHECK(*ids.begin() == 1);
    CHECK(*ids.rbegin() == 21578);
    CHECK(ids.count(12793) == 0);
    // SOURCES.md: FEB 229, MAR 11,544, APR 5,661 (one of them NEWID 12793), JUN 2,552, OCT 1,592.
    CHECK(months == std::map<std::string, std::size_t>{
                        {"1987-02", 229}, {"1987-03", 11544}, {"1987-04", 5660}, {"1987-06", 2552}, {"1987-10", 1592}});
    CHECK(titled == 20841);
    CHECK(without_body == 1798);  // the TYPE="BRIEF" records: a title only

    const Article* first = find_id(sink, "1");
    REQUIRE(first);
    CHECK(first->title == "BAHIA COCOA REVIEW");
    CHECK(first->date->iso() == "1987-02-26");
    CHECK(first->body.starts_with("SALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone"));
    CHECK(first->body.ends_with("carnival which ends midday on February 27.\n Reuter"));
    CHECK(first->text == first->title + "\n\n" + first->body);
    CHECK(sink.added[0].position == "record 1 (line 2)");

    CHECK(find_id(sink, "2")->title == "STANDARD OIL <SRD> TO FORM FINANCIAL UNIT");  // &lt; decoded
    CHECK(find_id(sink, "21578")->title == "AMERICAN EXCHANGE INTRODUCES INSTITUTIONAL INDEX");
    CHECK(find_id(sink, "21578")->date->iso() == "1987-10-19");

    const Article* brief = find_id(sink, "30");
    REQUIRE(brief);
    CHECK(brief->title == "ASSETS OF MONEY MARKET MUTUAL FUNDS ROSE 720.4 MLN DLRS IN LATEST WEEK");
    CHECK(brief->body.empty());
    CHECK(brief->text == brief->title);

    const Article* unprocessed = find_id(sink, "99");
    REQUIRE(unprocessed);
    CHECK(unprocessed->title.empty());
    CHECK(unprocessed->body.starts_with("FEDERAL RESERVE WEEKLY REPORT 1 - FEB 26\n"));

    // reut2-017.sgm's raw 0xFC byte is Latin-1 'ü'.
    const Article* latin1 = find_id(sink, "17980");
    REQUIRE(latin1);
    CHECK(latin1->body.find("growth.\xC3\xBCside measures") != std::string::npos);

    CHECK(find_id(sink, "5")->authors.empty());
    std::size_t with_author = std::count_if(sink.added.begin(), sink.added.end(),
                                            [](const auto& added) { return !added.article.authors.empty(); });
    CHECK(with_author == 875);  // the <AUTHOR> elements, "by " dropped
}

TEST_CASE("TREC: AP records: <HEAD> fragments join, bylines become authors, the dateline opens the body") {
    auto sink = read(R"(<DOC>
<DOCNO> AP880212-0001 </DOCNO>
<FILEID>AP-NR-02-12-88 2344EST</FILEID>
<HEAD>Reports Former Saigon Officials Released from Re-education Camp</HEAD>
<HEAD>Eds: Also in Monday AMs report.</HEAD>
<BYLINE>By MARY LEE</BYLINE>
<DATELINE>BANGKOK, Thailand (AP) </DATELINE>
<TEXT>
   More than 150 former officers of the overthrown South Vietnamese
government have been released from a re-education camp.

   The group's release was &quot;a gesture&quot; by AT&amp;T &lt;sic&gt;.
</TEXT>
</DOC>
<DOC>
<DOCNO> AP880212-0002 </DOCNO>
<HEAD>Second story</HEAD>
<TEXT>Body two.</TEXT>
</DOC>
)");
    REQUIRE(sink.added.size() == 2);
    CHECK(sink.skipped.empty());
    CHECK(sink.warnings.empty());
    const Article& ap = sink.added[0].article;
    CHECK(sink.added[0].position == "record 1 (line 1)");
    CHECK(sink.added[1].position == "record 2 (line 15)");
    CHECK(ap.id == "AP880212-0001");
    CHECK(ap.title ==
          "Reports Former Saigon Officials Released from Re-education Camp Eds: Also in Monday AMs report.");
    CHECK(ap.authors == std::vector<std::string>{"MARY LEE"});
    CHECK(ap.source.empty());  // TREC records name no source unless a <SO> says so
    CHECK_FALSE(ap.date);
    CHECK(ap.body ==
          "BANGKOK, Thailand (AP) More than 150 former officers of the overthrown South Vietnamese\n"
          "government have been released from a re-education camp.\n\n"
          "   The group's release was \"a gesture\" by AT&T <sic>.");
    CHECK(ap.text == ap.title + "\n\n" + ap.body);
}

TEST_CASE("TREC: WSJ records: <HL>, <DD> dates and the <SO> source") {
    auto sink = read(R"(<DOC>
<DOCNO> WSJ870324-0001 </DOCNO>
<HL> John Blair Is Near Accord
 To Sell Unit, Sources Say </HL>
<DD> 03/24/87</DD>
<SO> WALL STREET JOURNAL (J) </SO>
<DATELINE> NEW YORK </DATELINE>
<TEXT>
   John Blair &amp; Co. is close to an agreement to sell its TV station.
</TEXT>
</DOC>
)");
    REQUIRE(sink.added.size() == 1);
    const Article& wsj = sink.added[0].article;
    CHECK(wsj.id == "WSJ870324-0001");
    CHECK(wsj.title == "John Blair Is Near Accord To Sell Unit, Sources Say");
    REQUIRE(wsj.date);
    CHECK(wsj.date->iso() == "1987-03-24");
    CHECK(wsj.source == "WALL STREET JOURNAL (J)");
    CHECK(wsj.body == "NEW YORK John Blair & Co. is close to an agreement to sell its TV station.");
}

TEST_CASE("TREC: FT and LA Times records: <HEADLINE>, their date forms, <P> paragraphs") {
    auto sink = read(R"(<DOC>
<DOCNO>FT911-1</DOCNO>
<PROFILE>_AN-BEOA7AAIFT</PROFILE>
<DATE>910514
</DATE>
<HEADLINE>
FT  14 MAY 91 / Jubilee of a jet that did what it was designed to do
</HEADLINE>
<BYLINE>
By MICHAEL DONNE, Aerospace Correspondent
</BYLINE>
<TEXT>
THE BAC 1-11, which celebrates its 25th anniversary this week.
</TEXT>
<PUB>The Financial Times
</PUB>
</DOC>
<DOC>
<DOCNO> LA010189-0001 </DOCNO>
<DOCID> 1 </DOCID>
<DATE>
<P>
January 1, 1989, Sunday, Home Edition
</P>
</DATE>
<SECTION>
<P>
Metro; Part 2; Page 1; Column 1
</P>
</SECTION>
<HEADLINE>
<P>
NEW YEAR'S DAY &amp; A COUNTY
</P>
</HEADLINE>
<TEXT>
<P>
First paragraph,
still the first.
</P>
<P>
Second paragraph.
</P>
</TEXT>
</DOC>
)");
    REQUIRE(sink.added.size() == 2);
    CHECK(sink.warnings.empty());
    const Article& ft = sink.added[0].article;
    CHECK(ft.id == "FT911-1");
    CHECK(ft.title == "FT 14 MAY 91 / Jubilee of a jet that did what it was designed to do");
    CHECK(ft.date->iso() == "1991-05-14");
    CHECK(ft.authors == std::vector<std::string>{"MICHAEL DONNE, Aerospace Correspondent"});
    CHECK(ft.body == "THE BAC 1-11, which celebrates its 25th anniversary this week.");
    const Article& la = sink.added[1].article;
    CHECK(sink.added[1].position == "record 2 (line 18)");
    CHECK(la.id == "LA010189-0001");
    CHECK(la.title == "NEW YEAR'S DAY & A COUNTY");
    CHECK(la.date->iso() == "1989-01-01");
    CHECK(la.body == "First paragraph,\nstill the first.\n\nSecond paragraph.");
}

TEST_CASE("TREC: Reuters records: NEWID, BODY inside TEXT, UNPROC and BRIEF texts, control references") {
    auto sink = read(R"(<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" OLDID="5544" NEWID="7">
<DATE> 3-MAR-1987 09:18:21.26</DATE>
<TEXT>&#2;
<TITLE>COCOA &amp; SUGAR</TITLE>
<AUTHOR>    by Janie Gabbett, Reuters</AUTHOR>
<DATELINE>    LONDON, March 3 - </DATELINE><BODY>Prices rose.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS NEWID='8'>
<DATE>27-MAR-1987 00:02:59.13&#5;&#5;&#5;RM</DATE>
<TEXT TYPE="UNPROC">&#2;
FEDERAL RESERVE WEEKLY REPORT
 Net free reserves.............644 vs.....1,337
&#3;</TEXT>
</REUTERS>
<REUTERS NEWID=9>
<DATE>26-FEB-1987 15:01:01.79</DATE>
<TEXT TYPE="BRIEF">&#2;
******<TITLE>ASSETS OF MONEY MARKET FUNDS ROSE
</TITLE>Blah blah blah.
&#3;
</TEXT>
</REUTERS>
)",
                     "reut2-x.sgm");
    REQUIRE(sink.added.size() == 3);
    CHECK(sink.skipped.empty());
    CHECK(sink.warnings.empty());
    const Article& full = sink.added[0].article;
    CHECK(sink.added[0].position == "record 1 (line 2)");
    CHECK(full.id == "7");
    CHECK(full.source == "Reuters");
    CHECK(full.title == "COCOA & SUGAR");
    CHECK(full.authors == std::vector<std::string>{"Janie Gabbett, Reuters"});
    CHECK(full.date->iso() == "1987-03-03");
    CHECK(full.body == "LONDON, March 3 - Prices rose.\n Reuter");
    const Article& unprocessed = sink.added[1].article;
    CHECK(unprocessed.id == "8");
    CHECK(unprocessed.date->iso() == "1987-03-27");
    CHECK(unprocessed.title.empty());
    CHECK(unprocessed.body == "FEDERAL RESERVE WEEKLY REPORT\n Net free reserves.............644 vs.....1,337");
    const Article& brief = sink.added[2].article;
    CHECK(brief.id == "9");
    CHECK(brief.title == "ASSETS OF MONEY MARKET FUNDS ROSE");
    CHECK(brief.body.empty());
}

TEST_CASE("TREC: an unreadable date is a warning, the article is kept without it") {
    auto sink = read("<DOC><DOCNO>X-1</DOCNO><DATE>sometime in spring</DATE><TEXT>Body.</TEXT></DOC>\n");
    REQUIRE(sink.added.size() == 1);
    CHECK_FALSE(sink.added[0].article.date);
    REQUIRE(sink.warnings.size() == 1);
    CHECK(sink.warnings[0].position == "record 1 (line 1)");
    CHECK(sink.warnings[0].category == "unrecognised date");
    CHECK(sink.warnings[0].reason.find("'sometime in spring'") != std::string::npos);
}

TEST_CASE("TREC: records without an id, title or body are skipped with their position") {
    auto sink = read(R"(<DOC>
<TEXT>No number.</TEXT>
</DOC>
<REUTERS TOPICS="NO">
<TEXT><TITLE>No NEWID</TITLE></TEXT>
</REUTERS>
<DOC>
<DOCNO>EMPTY-1</DOCNO>
<TEXT>&#2;   &#3;</TEXT>
</DOC>
<DOC><DOCNO>OK-1</DOCNO><TEXT>Fine.</TEXT></DOC>
)");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.id == "OK-1");
    CHECK(sink.added[0].position == "record 4 (line 11)");
    REQUIRE(sink.skipped.size() == 3);
    CHECK(sink.skipped[0].position == "record 1 (line 1)");
    CHECK(sink.skipped[0].category == "no id");
    CHECK(sink.skipped[0].reason.find("<DOCNO>") != std::string::npos);
    CHECK(sink.skipped[1].position == "record 2 (line 4)");
    CHECK(sink.skipped[1].reason.find("NEWID") != std::string::npos);
    CHECK(sink.skipped[2].position == "record 3 (line 7)");
    CHECK(sink.skipped[2].category == "no title or body");
}

TEST_CASE("TREC: a truncated file: the unclosed last record is skipped, naming the line it started on") {
    auto sink = read(
        "<DOC>\n<DOCNO>A-1</DOCNO>\n<TEXT>Whole.</TEXT>\n</DOC>\n<DOC>\n<DOCNO>A-2</DOCNO>\n<TEXT>Cut off in the mi");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.id == "A-1");
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].position == "record 2 (line 5)");
    CHECK(sink.skipped[0].category == "unclosed record");
    CHECK(sink.skipped[0].reason == "<DOC> starting at line 5 is not closed before the end of the file");
}

TEST_CASE("TREC: a record left open before the next one is skipped, the next one is read") {
    auto sink = read(
        "<DOC>\n<DOCNO>A-1</DOCNO>\n<TEXT>No end tag.</TEXT>\n<DOC>\n<DOCNO>A-2</DOCNO>\n<TEXT>Two.</TEXT>\n</DOC>\n");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.id == "A-2");
    CHECK(sink.added[0].position == "record 2 (line 4)");
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].position == "record 1 (line 1)");
    CHECK(sink.skipped[0].reason == "<DOC> starting at line 1 is not closed before the next record at line 4");
}

TEST_CASE("TREC: tags ignore case, and a '<' in text starts no tag") {
    auto sink = read("<doc><docno>low-1</docno><headline>if a < b and b > c</headline><text>x <3 y; 5<6</text></Doc>");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.id == "low-1");
    CHECK(sink.added[0].article.title == "if a < b and b > c");
    CHECK(sink.added[0].article.body == "x <3 y; 5<6");
}

TEST_CASE("TREC: text outside records is reported, declarations are not") {
    auto sink = read(
        "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<DOC><DOCNO>A</DOCNO><TEXT>a</TEXT></DOC>\n"
        "stray words\n<P>more</P>\n<DOC><DOCNO>B</DOCNO><TEXT>b</TEXT></DOC>\ntrailing\n");
    CHECK(sink.added.size() == 2);
    REQUIRE(sink.skipped.size() == 2);
    CHECK(sink.skipped[0].position == "line 3");
    CHECK(sink.skipped[0].category == "not a record");
    CHECK(sink.skipped[1].position == "line 6");
}

TEST_CASE("TREC: empty files, files without records and binary garbage are skipped with a message") {
    auto empty = read("");
    CHECK(empty.added.empty());
    REQUIRE(empty.skipped.size() == 1);
    CHECK(empty.skipped[0].category == "empty file");

    auto no_records = read("\n\n<!DOCTYPE x>\n  \n");
    CHECK(no_records.added.empty());
    REQUIRE(no_records.skipped.size() == 1);
    CHECK(no_records.skipped[0].category == "no records");

    const std::string garbage = binary_garbage(200000);
    auto binary = read(garbage);
    CHECK(binary.added.empty());
    REQUIRE(binary.skipped.size() == 1);
    CHECK(binary.skipped[0].category == "no records");

    // Garbage inside a record is repaired text, not a crash.
    auto inside = read("<DOC><DOCNO>G-1</DOCNO><TEXT>" + garbage + "</TEXT></DOC>");
    REQUIRE(inside.added.size() + inside.skipped.size() == 1);
}

TEST_CASE("TREC: Latin-1 bytes are repaired to UTF-8") {
    auto sink = read("<DOC><DOCNO>L-1</DOCNO><HL>Caf\xE9 M\xFCller</HL><TEXT>\xA3 5 &eacute;t&#233;</TEXT></DOC>");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.title == "Caf\xC3\xA9 M\xC3\xBCller");
    CHECK(sink.added[0].article.body == "\xC2\xA3 5 \xC3\xA9t\xC3\xA9");
}

TEST_CASE("TREC: a record over the size bound is indexed from its first part, with a warning") {
    std::string big = "<DOC><DOCNO>BIG-1</DOCNO><HEADLINE>Big</HEADLINE><TEXT>";
    big.append(kMaxRecordBytes + (1 << 20), 'x');
    big += "</TEXT></DOC>\n<DOC><DOCNO>NEXT-1</DOCNO><TEXT>after</TEXT></DOC>\n";
    auto sink = read(big);
    REQUIRE(sink.added.size() == 2);
    const Article& cut = sink.added[0].article;
    CHECK(cut.id == "BIG-1");
    CHECK(cut.title == "Big");
    CHECK(cut.body.size() < kMaxRecordBytes);
    CHECK(cut.body.size() > kMaxRecordBytes - 100);
    REQUIRE(sink.warnings.size() == 1);
    CHECK(sink.warnings[0].category == "oversized record");
    CHECK(sink.warnings[0].reason == "record of 65 MB: kept its first 64 MB");
    CHECK(sink.added[1].article.id == "NEXT-1");
}
