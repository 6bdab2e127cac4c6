// main.cc — newsindex: parse options, run the indexer, map errors to exit codes.
#include <iostream>
#include <stdexcept>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "database_location.h"
#include "indexer.h"
#include "writer.h"

namespace po = boost::program_options;
using namespace newsarchive;

namespace {

// Exit codes, documented in docs/usage.md.
constexpr int kExitOk = 0;
constexpr int kExitError = 2;          // bad option, unwritable index, ...
constexpr int kExitSkipped = 3;        // finished, but some records were skipped
constexpr int kExitLocked = 4;         // another writer holds the index

constexpr const char* kUsage = R"(Usage: newsindex [options] INPUT...

Index news articles into a Xapian database. INPUT is a file, a directory
(read recursively) or - for standard input (needs --format).

Formats (by extension unless --format is given):
  text   .txt          one article per file: title line, then body
  jsonl  .jsonl .ndjson .json
                       one JSON object per line; keys of common dumps are
                       recognised (see --field)
Compressed inputs (.gz, .zst) are read as streams.

Exit status: 0 all records indexed, 3 some records skipped (see stderr),
4 index locked by another writer, 2 any other error.

Options)";

IndexOptions parse_options(int argc, char** argv, bool& done) {
    std::string db, format, furniture_file;
    std::vector<std::string> weights, fields;
    IndexOptions options;
    bool no_furniture = false;

    po::options_description visible(kUsage);
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&db), "index directory (default: $NEWS_DB, else ./news-index)")
        ("format,f", po::value(&format)->default_value("auto"), "auto, text or jsonl")
        ("lang", po::value<std::string>(), "stemming language: english (default for a new index), french, german, "
                                            "..., or none; recorded in the index")
        ("weight", po::value(&weights)->composing(), "FIELD=N: free-text weight of a field (title=3 body=1 "
                                                      "author=0 source=0 by default); repeatable")
        ("field", po::value(&fields)->composing(), "NAME=KEY: read article field NAME (id, title, body, date, "
                                                    "author, source, url) from record key KEY; repeatable")
        ("furniture", po::value(&furniture_file), "file of regular expressions (one per line) replacing the "
                                                  "default page-furniture rules of text files")
        ("no-furniture", po::bool_switch(&no_furniture), "treat no line of a text file as page furniture")
        ("batch-size", po::value(&options.batch_size)->default_value(10000), "articles per commit");
    po::options_description hidden;
    hidden.add_options()("input", po::value(&options.inputs)->composing());
    po::options_description all;
    all.add(visible).add(hidden);
    po::positional_options_description positional;
    positional.add("input", -1);

    po::variables_map vm;
    po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
    po::notify(vm);
    if (vm.count("help")) {
        std::cout << visible << '\n';
        done = true;
        return options;
    }
    if (vm.count("version")) {
        std::cout << "newsindex " << NEWSARCHIVE_VERSION << " (Xapian " << Xapian::version_string() << ")\n";
        done = true;
        return options;
    }
    if (options.inputs.empty()) throw std::invalid_argument("no INPUT given (try --help)");
    if (options.batch_size == 0) throw std::invalid_argument("--batch-size must be at least 1");
    if (format != "auto") {
        options.format = parse_format(format);
        if (!options.format) throw std::invalid_argument("unknown --format '" + format + "' (auto, text, jsonl)");
    }
    if (vm.count("lang")) {
        options.language = vm["lang"].as<std::string>();
        Xapian::Stem check(*options.language);  // throws InvalidArgumentError for unknown languages
    }
    for (const auto& weight : weights) options.weights.set(weight);
    for (const auto& field : fields) options.reader.fields.set(field);
    if (no_furniture) options.reader.furniture = FurnitureRules::none();
    else if (!furniture_file.empty()) options.reader.furniture = FurnitureRules::from_file(furniture_file);
    options.database = database_location(db);
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    std::ios::sync_with_stdio(false);
    try {
        bool done = false;
        IndexOptions options = parse_options(argc, argv, done);
        if (done) return kExitOk;
        IndexSummary summary = run_indexer(options, std::cerr);
        std::cerr << "newsindex: " << describe(summary) << '\n';
        return summary.skipped ? kExitSkipped : kExitOk;
    } catch (const IndexLockedError& e) {
        std::cerr << "newsindex: " << e.what() << '\n';
        return kExitLocked;
    } catch (const po::error& e) {
        std::cerr << "newsindex: " << e.what() << " (try --help)\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "newsindex: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "newsindex: " << e.what() << '\n';
    }
    return kExitError;
}
