// test_indexer_text.cc — the text reader on the raw BBC News corpus: one article per file, Latin-1 repaired.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "readers/readers.h"
#include "recording_sink.h"

using namespace newsarchive;

namespace {

const std::filesystem::path kBbc = NEWSARCHIVE_CORPORA_DIR "/bbc-news-raw";

// Every article of the five topic folders, by id ("sport/199.txt"), as newsindex reads them.
std::map<std::string, Article> read_bbc(RecordingSink& sink) {
    for (const char* topic : {"business", "entertainment", "politics", "sport", "tech"}) {
        for (const auto& entry : std::filesystem::directory_iterator(kBbc / topic)) {
            std::string id = std::string(topic) + "/" + entry.path().filename().string();
            std::ifstream in(entry.path(), std::ios::binary);
            read_text_article(entry.path().string(), id, in, ReaderOptions{}, sink);
        }
    }
    std::map<std::string, Article> articles;
    for (auto& added : sink.added) articles.emplace(added.article.id, std::move(added.article));
    return articles;
}

}  // namespace

TEST_CASE("text: all of BBC News raw is read, one article per file, the headline as title") {
    if (!std::filesystem::exists(kBbc)) {
        MESSAGE("skipped: " << kBbc << " is absent");
        return;
    }
    RecordingSink sink;
    auto articles = read_bbc(sink);
    CHECK(sink.skipped.empty());
    CHECK(sink.warnings.empty());
    // SOURCES.md: 2,225 articles, business 510, entertainment 386, politics 417, sport 511, tech 401.
    REQUIRE(articles.size() == 2225);
    std::map<std::string, int> per_topic;
    for (const auto& [id, article] : articles) ++per_topic[id.substr(0, id.find('/'))];
    CHECK(per_topic ==
          std::map<std::string, int>{
              {"business", 510}, {"entertainment", 386}, {"politics", 417}, {"sport", 511}, {"tech", 401}});

    const Article& first = articles.at("business/001.txt");
    CHECK(first.title == "Ad sales boost Time Warner profit");
    CHECK(
        first.body.starts_with("Quarterly profits at US media giant TimeWarner jumped 76% to $1.13bn (\xC2\xA3"
                               "600m)"));
    CHECK_FALSE(first.date);  // the corpus has no dates

    // sport/199.txt holds the corpus's one raw Latin-1 byte (0xA3 at byte 257):
    // repaired for indexing, kept as it was in the stored text.
    const Article& mutu = articles.at("sport/199.txt");
    CHECK(mutu.title == "Chelsea sack Mutu");
    CHECK(mutu.body.find("a \xC2\xA3"
                         "15.8m signing from Parma") != std::string::npos);
    CHECK(mutu.text.substr(257, 1) == "\xA3");

    // Byte-identical duplicates (98 pairs) are two articles, by path.
    CHECK(articles.at("tech/079.txt").text == articles.at("tech/373.txt").text);
}

TEST_CASE("text: a file over the record bound keeps its first 64 MB, with a warning (a decompression bomb)") {
    std::string text = "Headline of a huge file\n\n";
    text.append(kMaxRecordBytes, 'a');
    std::istringstream in(text);
    RecordingSink sink;
    read_text_article("bomb.txt", "bomb.txt", in, ReaderOptions{}, sink);
    REQUIRE(sink.added.size() == 1);
    CHECK(sink.added[0].article.title == "Headline of a huge file");
    CHECK(sink.added[0].article.text.size() == kMaxRecordBytes);
    REQUIRE(sink.warnings.size() == 1);
    CHECK(sink.warnings[0].category == "oversized record");
    CHECK(sink.warnings[0].reason == "file longer than 64 MB: kept its first 64 MB");
}
