// test_indexer_csv.cc — the CSV/TSV reader on AG News and 10kGNAD, and on quoting, row and byte damage.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "readers/readers.h"
#include "recording_sink.h"

using namespace newsarchive;
using namespace std::string_literals;

namespace {

const std::filesystem::path kAgNews = NEWSARCHIVE_CORPORA_DIR "/ag-news-test/test.csv";
const std::filesystem::path kGnad = NEWSARCHIVE_CORPORA_DIR "/10kGNAD-test/test.csv";

RecordingSink read(const std::string& csv, const ReaderOptions& options = {}, const std::string& file = "test.csv") {
    RecordingSink sink;
    std::istringstream in(csv);
    read_csv(file, in, options, sink);
    return sink;
}

RecordingSink read_file(const std::filesystem::path& path, const ReaderOptions& options) {
    RecordingSink sink;
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    read_csv(path.string(), in, options, sink);
    return sink;
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("CSV: the extensions .csv and .tsv and the name 'csv' select the reader") {
    CHECK(format_from_extension("test.csv") == Format::csv);
    CHECK(format_from_extension("DATA.TSV") == Format::csv);
    CHECK(parse_format("csv") == Format::csv);
    CHECK(format_name(Format::csv) == "csv");
}

TEST_CASE("CSV: AG News test split: 7,600 articles with title and description") {
    if (!std::filesystem::exists(kAgNews)) {
        MESSAGE("skipped: " << kAgNews << " is absent");
        return;
    }
    auto sink = read_file(kAgNews, {});
    CHECK(sink.skipped.empty());
    CHECK(sink.warnings.empty());
    REQUIRE(sink.added.size() == 7600);
    std::size_t remnants = 0;
    for (const auto& [article, file, position] : sink.added) {
        CHECK_FALSE(article.title.empty());
        CHECK_FALSE(article.body.empty());
        remnants += count(article.title + article.body, "#39;");
    }
    // The file's own damage, left as is: "#39;" stands for an apostrophe.
    CHECK(remnants == 2789);
    const auto& first = sink.added.front();
    CHECK(first.position == "row 2 (line 2)");
    CHECK(first.article.title == "Fears for T N pension after talks");
    CHECK(first.article.body.starts_with("Unions representing workers at Turner   Newall say they are 'disappointed'"));
    CHECK(first.article.text == first.article.title + "\n\n" + first.article.body);
    CHECK(sink.added.back().position == "row 7601 (line 7601)");
    CHECK(sink.added.back().article.title == "EBay gets into rentals");
}

TEST_CASE("CSV: 10kGNAD test split: semicolon delimiter, apostrophe quotes, no header, named with --csv-header") {
    if (!std::filesystem::exists(kGnad)) {
        MESSAGE("skipped: " << kGnad << " is absent");
        return;
    }
    ReaderOptions options;
    options.csv_delimiter = ';';
    options.csv_quote = '\'';
    options.csv_header = {"category", "body"};
    auto sink = read_file(kGnad, options);
    CHECK(sink.skipped.empty());
    REQUIRE(sink.added.size() == 1028);
    CHECK(std::all_of(sink.added.begin(), sink.added.end(),
                      [](const auto& added) { return added.article.title.empty() && !added.article.body.empty(); }));
    const Article& first = sink.added.front().article;
    CHECK(sink.added.front().position == "row 1 (line 1)");
    CHECK(
        first.body.starts_with("Die Gewerkschaft GPA-djp lanciert den \"All-in-Rechner\" und findet, dass die "
                               "Vertragsform auf die F\xC3\xBChrungsebene beschr\xC3\xA4nkt geh\xC3\xB6rt."));
    CHECK(first.text == first.body);
    CHECK(sink.added.back().article.body.starts_with("Wohl keine Einschr\xC3\xA4nkungen bei Google-Services"));
}

TEST_CASE("CSV: quoted fields hold delimiters, doubled quotes and line breaks, lines stay counted") {
    auto sink = read(
        "id,title,body,date\n"
        "a1,\"Rates, again\",\"He said \"\"no\"\".\",2021-07-19\n"
        "a2,Plain,\"Line one\n"
        "line two\r\n"
        "\n"
        "line four\",\n"
        "\n"
        "a3,Third,after a blank line,\n");
    CHECK(sink.skipped.empty());
    REQUIRE(sink.added.size() == 3);
    const Article& first = sink.added[0].article;
    CHECK(first.id == "a1");
    CHECK(first.title == "Rates, again");
    CHECK(first.body == "He said \"no\".");
    CHECK(first.date->iso() == "2021-07-19");
    CHECK(sink.added[0].position == "row 2 (line 2)");
    CHECK(sink.added[1].article.body == "Line one\nline two\r\n\nline four");
    CHECK(sink.added[1].position == "row 3 (line 3)");
    CHECK(sink.added[2].position == "row 4 (line 8)");
    CHECK(sink.added[2].article.id == "a3");
}

TEST_CASE("CSV: header names match the record keys ignoring case, --field maps other columns") {
    auto sink = read("Headline,MainText,Published\nOne,Body one,2020-01-02\n");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.title == "One");
    CHECK(sink.added[0].article.body == "Body one");
    CHECK(sink.added[0].article.date->iso() == "2020-01-02");

    ReaderOptions options;
    options.fields.set("title=headline_text");
    options.fields.set("body=Story");
    auto mapped = read("publish_date,headline_text,story\n20030219,aba decides,the story\n", options);
    REQUIRE(mapped.added.size() == 1);
    CHECK(mapped.added[0].article.title == "aba decides");
    CHECK(mapped.added[0].article.body == "the story");
    CHECK(mapped.added[0].article.date->iso() == "2003-02-19");
}

TEST_CASE("CSV: .tsv files split on TAB, --csv-delimiter and --csv-quote change the dialect") {
    auto tsv = read("title\tbody\nA, with comma\tB \"quoted\" inside\n", {}, "dump.tsv.gz");
    CHECK(tsv.skipped.size() == 1);  // a quote inside an unquoted field is malformed, TAB or not
    auto clean_tsv = read("title\tbody\nA, with comma\tB\n", {}, "dump.TSV");
    REQUIRE(clean_tsv.added.size() == 1);
    CHECK(clean_tsv.added[0].article.title == "A, with comma");

    ReaderOptions options;
    options.csv_delimiter = '|';
    options.csv_quote = '\'';
    auto piped = read("title|body\n'a|b'|'it''s'\n", options);
    REQUIRE(piped.added.size() == 1);
    CHECK(piped.added[0].article.title == "a|b");
    CHECK(piped.added[0].article.body == "it's");
}

TEST_CASE("CSV: without a quote character, quotes are text and every line is a row") {
    const std::string tsv =
        "title\tbody\n"
        "He said \"yes\" today\tA \"quoted\" body\n"
        "\"Opened, never closed\tbody two\n"
        "Three\tends with a quote\"\n"
        "'Single' quotes\tand a NUL\0 byte\n"s;
    auto strict = read(tsv, {}, "dump.tsv");
    CHECK(strict.added.size() < 4);  // the default quote character loses rows here

    ReaderOptions options;
    options.csv_quote = std::nullopt;
    auto sink = read(tsv, options, "dump.tsv");
    CHECK(sink.skipped.empty());
    REQUIRE(sink.added.size() == 4);
    CHECK(sink.added[0].article.title == "He said \"yes\" today");
    CHECK(sink.added[0].article.body == "A \"quoted\" body");
    CHECK(sink.added[1].article.title == "\"Opened, never closed");
    CHECK(sink.added[1].position == "row 3 (line 3)");
    CHECK(sink.added[2].article.body == "ends with a quote\"");
    CHECK(sink.added[3].article.title == "'Single' quotes");
    CHECK(sink.added[3].article.body == "and a NUL byte");
    CHECK(sink.added[3].position == "row 5 (line 5)");
}

TEST_CASE("CSV: a row with the wrong number of fields is skipped with its row and line") {
    auto sink = read("title,body\nOne,Body one\nTwo,Body two,extra\n\"Three\nstill three\"\nFour,Body four\n");
    REQUIRE(sink.added.size() == 2);
    CHECK(sink.added[1].position == "row 5 (line 6)");
    REQUIRE(sink.skipped.size() == 2);
    CHECK(sink.skipped[0].position == "row 3 (line 3)");
    CHECK(sink.skipped[0].reason == "row has 3 fields, the header 2");
    CHECK(sink.skipped[0].category == "malformed CSV row");
    CHECK(sink.skipped[1].position == "row 4 (line 4)");
    CHECK(sink.skipped[1].reason == "row has 1 fields, the header 2");
}

TEST_CASE("CSV: malformed quoting costs one row, not the rows after it") {
    auto sink = read("title,body\nOne,\"quoted\"trailing\nTwo,\"fine\"\nThree,x\"y\nFour,ok\n");
    REQUIRE(sink.added.size() == 2);
    CHECK(sink.added[0].article.title == "Two");
    CHECK(sink.added[1].article.title == "Four");
    CHECK(sink.added[1].position == "row 5 (line 5)");
    REQUIRE(sink.skipped.size() == 2);
    CHECK(sink.skipped[0].position == "row 2 (line 2)");
    CHECK(sink.skipped[0].reason.starts_with("malformed quoting"));
    CHECK(sink.skipped[1].position == "row 4 (line 4)");
}

TEST_CASE("CSV: malformed quoting after a quoted field ran over lines names the lines it cost") {
    auto sink = read("title,body\nOne,\"opened\nTwo,closed\" here\nThree,kept\n");
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].position == "row 2 (line 2)");
    CHECK(sink.skipped[0].reason.starts_with("malformed quoting at line 3: "));
    CHECK(sink.skipped[0].reason.ends_with("; lines 2-3 are passed over"));
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.title == "Three");
}

TEST_CASE("CSV: a file cut off inside a quoted field: the last row is skipped, the others kept") {
    auto sink = read("title,body\nOne,Body one\nTwo,\"Body two is cut");
    REQUIRE(sink.added.size() == 1);
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].position == "row 3 (line 3)");
    CHECK(sink.skipped[0].reason == "quoted field not closed at the end of the file");

    auto no_newline = read("title,body\nOne,\"Body one\"");
    REQUIRE(no_newline.added.size() == 1);
    CHECK(no_newline.added[0].article.body == "Body one");
    CHECK(no_newline.skipped.empty());
}

TEST_CASE("CSV: empty files, header-only files and headers without title or body") {
    auto empty = read("");
    REQUIRE(empty.skipped.size() == 1);
    CHECK(empty.skipped[0].category == "empty file");
    CHECK(read("\n\n").skipped.size() == 1);

    auto header_only = read("title,body\n");
    CHECK(header_only.added.empty());
    CHECK(header_only.skipped.empty());

    auto unnamed = read("label,text_a\n1,x\n2,y\n");
    CHECK(unnamed.added.empty());
    REQUIRE(unnamed.skipped.size() == 1);  // once, not per row
    CHECK(unnamed.skipped[0].position == "row 1 (line 1)");
    CHECK(unnamed.skipped[0].category == "no title or body");
    CHECK(unnamed.skipped[0].reason.find("(label, text_a)") != std::string::npos);

    ReaderOptions options;
    options.csv_header = {"a", "b"};
    auto bad_option = read("1,2\n", options);
    REQUIRE(bad_option.skipped.size() == 1);
    CHECK(bad_option.skipped[0].position == "--csv-header");
}

TEST_CASE("CSV: Latin-1 bytes are repaired, a byte-order mark does not hide the first column") {
    auto sink = read("\xEF\xBB\xBFtitle,body\nCaf\xE9,\xA3 5 for M\xFCller\n");
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.title == "Caf\xC3\xA9");
    CHECK(sink.added[0].article.body == "\xC2\xA3 5 for M\xC3\xBCller");
}

TEST_CASE("CSV: binary garbage does not crash and is reported") {
    const std::string garbage = binary_garbage(300000);
    auto as_header = read(garbage);
    CHECK(as_header.added.empty());
    CHECK(as_header.skipped.size() == 1);  // once, not per row

    auto with_nul = read("PK\x03\x04\x14\0\x08\0title,body\nOne,row\n"s);  // a ZIP file's start
    CHECK(with_nul.added.empty());
    REQUIRE(with_nul.skipped.size() == 1);
    CHECK(with_nul.skipped[0].category == "binary file");
    CHECK(with_nul.skipped[0].position == "row 1 (line 1)");

    auto as_rows = read("title,body\nGood,row\n" + garbage);
    CHECK(as_rows.added.size() >= 1);
    CHECK_FALSE(as_rows.skipped.empty());
}

TEST_CASE("CSV: a row past the size bound ends the file with a skip") {
    std::string csv = "title,body\nOne,Body one\nTwo,\"";
    csv.append(kMaxRecordBytes + 1024, 'x');
    csv += "\"\nThree,never read\n";
    auto sink = read(csv);
    REQUIRE(sink.added.size() == 1);
    REQUIRE(sink.skipped.size() == 1);
    CHECK(sink.skipped[0].position == "row 3 (line 3)");
    CHECK(sink.skipped[0].category == "oversized record");
}

TEST_CASE("CSV: an exception from the sink passes through libcsv to the caller") {
    struct Stop {};
    struct ThrowingSink : RecordingSink {
        void add(Article&&, const std::string&, const std::string&) override { throw Stop{}; }
    } sink;
    std::istringstream in("title,body\nOne,Body\nTwo,Body\n");
    CHECK_THROWS_AS(read_csv("test.csv", in, ReaderOptions{}, sink), Stop);
}
