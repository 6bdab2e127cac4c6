// test_eval_collections.cc — the collection readers on small copies of each quirk.
#include <doctest/doctest.h>

#include <fstream>
#include <random>

#include "collections.h"
#include "query_forms.h"

using namespace newsarchive::eval;
namespace fs = std::filesystem;

namespace {

// A collection folder of given files under a fresh temp dir, removed after.
class Folder {
public:
    explicit Folder(const std::map<std::string, std::string>& files) {
        std::random_device random;
        root_ = fs::temp_directory_path() / ("newsarchive-eval-unit-" + std::to_string(random()));
        fs::create_directories(root_ / "classic-cran");
        fs::create_directories(root_ / "classic-lisa");
        for (const auto& [name, content] : files) std::ofstream(root_ / name, std::ios::binary) << content;
    }
    ~Folder() {
        std::error_code ignored;
        fs::remove_all(root_, ignored);
    }
    Folder(const Folder&) = delete;
    Folder& operator=(const Folder&) = delete;
    const fs::path& corpora() const { return root_; }

private:
    fs::path root_;
};

std::vector<std::string> ids_of(const auto& records) {
    std::vector<std::string> ids;
    for (const auto& record : records) ids.push_back(record.id);
    return ids;
}

}  // namespace

TEST_CASE("eval collections: SMART records with CRLF and CACM's broken .I line") {
    auto records = parse_smart(".I 2855\r\n.T\r\nAn Efficient List-Moving Algorithm\r\n.X\r\n1024\t4\t2855\r\n"
                               ".I 28\r\n56\r\n.T\r\nThe Synthetic Approach\r\n.W\r\nfirst line\r\nsecond line\r\n"
                               ".I 2857\r\n.T\r\nReferencing Lists\r\n");
    REQUIRE(ids_of(records) == std::vector<std::string>{"2855", "2856", "2857"});
    CHECK(records[1].fields.at('T') == "The Synthetic Approach");
    CHECK(records[1].fields.at('W') == "first line\nsecond line");
    CHECK(records[0].fields.at('X') == "1024\t4\t2855");
}

TEST_CASE("eval collections: SMART markers with trailing blanks, repeated fields, dotted text") {
    auto records = parse_smart(".I 1\n.T \nCISI title\n.W  \n    abstract\n.I 576\n.W\none\n.W\n.5 mach two\n");
    REQUIRE(records.size() == 2);
    CHECK(records[0].fields.at('T') == "CISI title");
    CHECK(records[0].fields.at('W') == "abstract");
    CHECK(records[1].fields.at('W') == "one\n.5 mach two");
    CHECK_THROWS(parse_smart("stray text\n.I 1\n.W\nx\n"));
}

TEST_CASE("eval collections: judgment columns, padded ids, grades") {
    auto cisi = parse_judgment_columns("     1     28\t0\t0.000000\n     1     35\t0\t0.000000\n", 0, 1);
    CHECK(cisi == Judgments{{"1", {{"28", 1}, {"35", 1}}}});
    auto cacm = parse_judgment_columns("01 1410  0 0\r\n10 0046  0 0\r\n", 0, 1);
    CHECK(cacm == Judgments{{"1", {{"1410", 1}}}, {"10", {{"46", 1}}}});
    auto med = parse_judgment_columns("1 0 13 1\n1 0 14 1\n", 0, 2, 3);
    CHECK(med == Judgments{{"1", {{"13", 1}, {"14", 1}}}});
    auto cran = parse_judgment_columns("1 184 2\n225 1188 -1", 0, 1, 2);  // no final newline
    CHECK(cran == Judgments{{"1", {{"184", 2}}}, {"225", {{"1188", -1}}}});
    CHECK_THROWS(parse_judgment_columns("1\n", 0, 1));
}

TEST_CASE("eval collections: CRAN queries by position, grades as gains, empty documents left out") {
    Folder folder({{"classic-cran/cran.all.1400", ".I 1\n.T\nwing slipstream .\n.W\nwing slipstream .\nlift .\n"
                                                  ".I 471\n.T\n.A\n.B\n.I 472\n.T\nshear flow\n.W\nshear flow\n"},
                   {"classic-cran/cran.qry", ".I 001\n.W\nwing lift .\n.I 002\n.W\nshear .\n.I 004\n.W\nflow .\n"},
                   {"classic-cran/cranqrel", "1 1 1 \n2 472 4 \n3 472 -1 \n3 1 2"}});
    Collection cran = read_collection("CRAN", folder.corpora());
    CHECK(ids_of(cran.queries) == std::vector<std::string>{"1", "2", "3"});  // not 1, 2, 4
    CHECK(cran.queries[2].text == "flow .");
    CHECK(ids_of(cran.documents) == std::vector<std::string>{"1", "472"});
    CHECK(cran.judgments == Judgments{{"1", {{"1", 4}}}, {"2", {{"472", 1}}}, {"3", {{"472", -1}, {"1", 3}}}});
    auto stats = collection_stats(cran);
    CHECK(stats.judged_queries == 3);
    CHECK(stats.judgments == 4);
    CHECK(stats.relevant == 3);
}

TEST_CASE("eval collections: LISA documents, queries and LISARJ.NUM judgments") {
    auto [documents, stray_lines] = parse_lisa_documents(
        "Document    1\nTHE INDIAN COUNCIL:\nA PROPOSAL.\n\nCRITICALLY EXAMINES\nTHE SCENE.\n"
        "********************************************\n"
        "POTENTIAL APPLICATIONS OF SUCH DISCS,\nE.G. FOR ARCHIVES.\n****\n"  // LISA1.501.ALL's orphan fragment
        "Document    2\nNO ABSTRACT.\n****\n");
    REQUIRE(documents.size() == 2);
    CHECK(documents[0].title == "THE INDIAN COUNCIL: A PROPOSAL.");
    CHECK(documents[0].body == "CRITICALLY EXAMINES\nTHE SCENE.");
    CHECK(documents[1].body.empty());
    CHECK(stray_lines == 2);

    auto queries = parse_lisa_queries("1\nI AM INTERESTED IN SIMD AND MIMD\nMACHINES. #\n2\nNON-USE. #\n");
    CHECK(ids_of(queries) == std::vector<std::string>{"1", "2"});
    CHECK(queries[0].text == "I AM INTERESTED IN SIMD AND MIMD\nMACHINES.");

    auto judgments = parse_lisa_judgments("           1           2        3392        3396      \n"
                                          "           3           5        1407        1431        3794        3795\n"
                                          "        3796                                            \n");
    CHECK(judgments.at("1").size() == 2);
    CHECK(judgments.at("3").size() == 5);
    CHECK(judgments.at("3").count("3796"));
    CHECK_THROWS(parse_lisa_judgments("4 3 604 3527\n"));
}

TEST_CASE("eval collections: LISA reads LISA1.501.ALL, not its truncated prefix, and repeated documents once") {
    Folder folder({{"classic-lisa/LISA0.001", "Document    1\nONE.\n\nA.\n****\n"},
                   {"classic-lisa/LISA1.501", "Document    2\nTRUNCATED.\n\nB.\n****\n"},
                   {"classic-lisa/LISA1.501.ALL", "Document    2\nTWO.\n\nB.\n****\nDocument    3\nTHREE.\n\nC.\n****\n"},
                   {"classic-lisa/LISA2.001", "Document    3\nTHREE.\n\nC.\n****\nDocument    4\nFOUR.\n\nD.\n****\n"},
                   {"classic-lisa/LISA.QUE", "1\nFOUR AND TWO. #\n"},
                   {"classic-lisa/LISA.REL", "damaged, not read"},
                   {"classic-lisa/LISARJ.NUM", "           1           2           2           4\n"}});
    Collection lisa = read_collection("LISA", folder.corpora());
    CHECK(ids_of(lisa.documents) == std::vector<std::string>{"1", "2", "3", "4"});
    CHECK(lisa.documents[1].title == "TWO.");
    CHECK(lisa.judgments == Judgments{{"1", {{"2", 1}, {"4", 1}}}});
}

TEST_CASE("eval collections: NPL records and rlv-ass lists, with `11318/` and a missing last `/`") {
    auto documents = parse_npl_documents("1\ncompact memories have\nflexible capacities\n   /\n2\nan analogue computer\n   /\n");
    REQUIRE(ids_of(documents) == std::vector<std::string>{"1", "2"});
    CHECK(documents[0].body == "compact memories have\nflexible capacities");
    auto queries = parse_npl_queries("1\nMEASUREMENT OF DIELECTRIC CONSTANT\n/\n");
    CHECK(queries.at(0).text == "MEASUREMENT OF DIELECTRIC CONSTANT");
    CHECK_THROWS(parse_npl_documents("1\nno end\n"));

    auto slash_attached = parse_npl_judgments("1\n 1239  1502\n 7923\n   /\n2\n  414 11318/");
    CHECK(slash_attached == Judgments{{"1", {{"1239", 1}, {"1502", 1}, {"7923", 1}}}, {"2", {{"414", 1}, {"11318", 1}}}});
    auto unterminated = parse_npl_judgments("93\n 9956 10497 11191 11318");
    CHECK(unterminated.at("93").size() == 4);
}

TEST_CASE("eval collections: queries reach newssearch as plain lower-case words") {
    CHECK(plain_words("I AM INTERESTED IN SIMD AND MIMD; NOT (TSS).") == "i am interested in simd and mimd not tss");
    CHECK(plain_words(" \"non-users\" of +libraries* ") == "non users of libraries");
    CHECK(plain_words("?!").empty());
}

TEST_CASE("eval collections: query forms add adjacent content-word pairs") {
    std::string words = "effect of heat transfer on the wing";
    CHECK(shape_query(words, Proximity::none) == words);
    CHECK(shape_query(words, Proximity::phrases) == words + " \"heat transfer\"");
    CHECK(shape_query(words, Proximity::near) == words + " heat NEAR transfer");
    CHECK(shape_query("wing flutter speed", Proximity::phrases) == "wing flutter speed \"wing flutter\" \"flutter speed\"");
}
