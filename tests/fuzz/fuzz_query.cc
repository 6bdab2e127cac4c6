// fuzz_query.cc — any query text either searches and prints, or is a QuerySyntaxError.
//
// Searches go through Searcher, the path newssearch takes (query builder,
// Enquire, stored-article decoding, snippets), over a small index written
// once into a temporary directory by the indexer's own DocumentBuilder.
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <sstream>
#include <string>

#include "document_builder.h"
#include "fuzz_checks.h"
#include "printers/printer.h"
#include "schema.h"
#include "search.h"
#include "writer.h"

namespace {

namespace fs = std::filesystem;
using namespace newsarchive;

Article article(std::string id, std::string title, std::string body, Date date, std::string source,
                std::vector<std::string> authors) {
    Article a{std::move(id), std::move(title), std::move(body), date, std::move(source), std::move(authors), "", ""};
    a.url = "https://example.org/" + a.id;
    a.text = a.title + "\n\n" + a.body;
    return a;
}

// Removes the index directory when the fuzzer exits; declared before the
// Searcher so the database is closed first.
struct TemporaryDirectory {
    fs::path path;
    TemporaryDirectory() {
        std::string pattern = (fs::temp_directory_path() / "newsarchive-fuzz-query-XXXXXX").string();
        fuzz::check(mkdtemp(pattern.data()) != nullptr, "cannot create a temporary directory");
        path = pattern;
    }
    ~TemporaryDirectory() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

Searcher& searcher() {
    static TemporaryDirectory directory;
    static std::unique_ptr<Searcher> instance = [] {
        std::string path = (directory.path / "index").string();
        schema::FieldWeights weights;
        IndexWriter writer(path, std::nullopt, weights, std::nullopt, 2);
        DocumentBuilder builder(writer.language(), weights);
        for (const Article& a : {
                 article("cnet/1", "Biden administration blames China for Microsoft Exchange hack",
                         "The Ministry of State Security was named.\nOfficials said the hackers\twere contractors.",
                         {2021, 7, 19}, "CNET", {"Sean Keane"}),
                 article("bbc/2", "Café owners count the cost: £5m & rising",
                         "Prices of coffee, milk and rent rose — again — in Zürich and Köln.", {1987, 10, 19}, "BBC",
                         {"A. Writer", "Another Writer"}),
                 article("ap/3", "Stocks fall", "Shares fell 3% on Wall Street; the Dow lost 500 points.",
                         {2000, 2, 29}, "AP", {}),
             })
            writer.shard(writer.shard_of(schema::id_term(a.id))).write(schema::id_term(a.id), builder.build(a));
        writer.commit();
        return std::make_unique<Searcher>(path);
    }();
    return *instance;
}

void search_and_print(const SearchRequest& request) {
    SearchResult result;
    try {
        result = searcher().search(request);
    } catch (const QuerySyntaxError&) {
        return;
    }
    std::ostringstream out;
    PrinterOptions options;
    options.highlight = true;
    for (auto format : {OutputFormat::text, OutputFormat::json, OutputFormat::jsonl, OutputFormat::ids,
                        OutputFormat::tsv, OutputFormat::trec})
        print_result(*make_printer(format, out, options), result);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    SearchRequest request;
    request.query.text.assign(reinterpret_cast<const char*>(data), size);
    search_and_print(request);
    // The other query paths: OR as default operator, and a date filter.
    request.query.match = MatchMode::any;
    request.query.since = Date{1990, 1, 1};
    request.query.until = Date{2021, 12, 31};
    search_and_print(request);
    return 0;
}
