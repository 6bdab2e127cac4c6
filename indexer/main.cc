// main.cc — newsindex: parse options, run the indexer, map errors to exit codes.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <boost/program_options.hpp>
#include <xapian.h>

#include "database_location.h"
#include "indexer.h"
#include "interruption.h"

namespace po = boost::program_options;
using namespace newsarchive;

namespace {

// Exit codes, documented in docs/usage.md.
constexpr int kExitOk = 0;
constexpr int kExitError = 2;          // bad option, unwritable index, ...
constexpr int kExitSkipped = 3;        // finished, but some records were skipped
constexpr int kExitLocked = 4;         // another writer holds the index
// A new index gets a shard per core, up to this many: more shards than
// writer threads only cost searches a little more merging.
constexpr std::size_t kMaxDefaultShards = 8;
constexpr std::size_t kMaxShards = 100;  // shard-00 ... shard-99
// Interrupted runs end by their signal (exit_by_signal): 130 SIGINT, 143 SIGTERM.

constexpr const char* kUsage = R"(Usage: newsindex [options] INPUT...
       newsindex [options] --compact

Index news articles into a Xapian database. INPUT is a file, a directory
(read recursively), an archive (.tar, .tar.gz, .tgz, .tar.zst, .tar.xz,
.tar.bz2, .zip: its files read as a directory's are, no unpacking) or - for
standard input (needs --format). Below a directory, README, LICENSE and such
notes, and Xapian databases (the index itself, say), are passed over
(docs/usage.md).

Formats (by extension unless --format is given):
  text     .txt        one article per file: title line, then body
  jsonl    .jsonl .ndjson
                       one JSON object per line; keys of common dumps are
                       recognised (see --field)
  json     .json       one JSON array of such objects; a .json file that
                       starts with '{' (blanks aside) is read as JSON lines
  csv      .csv .tsv   a header row, then one article per row; columns are
                       found like JSON keys (see --field, --csv-*)
  trec     .sgml .sgm .trec
                       TREC SGML <DOC> records (AP, WSJ, FT, LA Times) and
                       Reuters-21578 <REUTERS> records
  message  .eml        one mail or Usenet message per file (20 Newsgroups:
                       no extension, so --format message)
  mbox     .mbox       many messages, each after a "From " line
Compressed inputs (.gz, .zst) are read as streams.

Articles are committed every 5 MB of text per writer thread (or every
--batch-size articles) and at the end. SIGINT (Ctrl-C) or SIGTERM stops
after the current article, commits and prints the summary (a second one
stops at once, keeping the last commit); after any stop, even kill -9, the
same command again finishes the job without duplicates.

Exit status: 0 all records indexed, 3 some records skipped (see stderr),
4 index locked by another writer, 2 any other error, 130 / 143 stopped by
SIGINT / SIGTERM.

Options)";

// One byte, or "\t" for a TAB (hard to type in a shell).
char csv_character(const std::string& option, const std::string& value) {
    if (value == "\\t") return '\t';
    if (value.size() != 1) throw std::invalid_argument(option + " must be one character (or \\t), got '" + value + "'");
    return value[0];
}

// --csv-quote: one character as csv_character reads it, or none ("none" or
// empty) for dumps whose quote characters are text.
std::optional<char> csv_quote(const std::string& value) {
    if (value == "none" || value.empty()) return std::nullopt;
    return csv_character("--csv-quote", value);
}

// --wait-timeout; more than anyone waits is no limit (and no overflow).
std::chrono::steady_clock::duration wait_timeout(double seconds) {
    if (!(seconds >= 0)) throw std::invalid_argument("--wait-timeout needs a number of seconds");
    if (seconds > 1e9) return std::chrono::steady_clock::duration::max();
    return std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

IndexOptions parse_options(int argc, char** argv, bool& done) {
    std::string db, format, furniture_file, csv_delimiter, csv_quote_value, csv_header;
    std::vector<std::string> weights, fields;
    IndexOptions options;
    bool no_furniture = false;
    const std::size_t cores = std::max(1u, std::thread::hardware_concurrency());
    std::size_t threads = 1;
    // Switches plus separate value options, not --wait[=SECONDS]: Boost gives
    // an implicit value the next argument, so "--wait dir/" would take dir/.
    bool wait = false, progress = false;
    double wait_seconds = 0, progress_seconds = 5;

    po::options_description visible(kUsage);
    visible.add_options()
        ("help,h", "show this help and exit")
        ("version", "show the version and exit")
        ("db,d", po::value(&db), "index directory (default: $NEWS_DB, else ./news-index)")
        ("format,f", po::value(&format)->default_value("auto"), "auto, text, jsonl, json, csv, trec, message or mbox")
        ("lang", po::value<std::string>(), "stemming language: english (default for a new index), french, german, "
                                            "..., or none; recorded in the index")
        ("weight", po::value(&weights)->composing(), "FIELD=N: free-text weight of a field (title=3 body=1 "
                                                      "author=0 source=0 by default); repeatable")
        ("field", po::value(&fields)->composing(), "NAME=KEY: read article field NAME (id, title, body, date, "
                                                    "author, source, url) from record key KEY; repeatable")
        ("furniture", po::value(&furniture_file), "file of regular expressions (one per line) replacing the "
                                                  "default page-furniture rules of text files")
        ("no-furniture", po::bool_switch(&no_furniture), "treat no line of a text file as page furniture")
        ("csv-delimiter", po::value(&csv_delimiter), "CSV field delimiter, one character or \\t (default: TAB "
                                                     "for .tsv files, else ',')")
        ("csv-quote", po::value(&csv_quote_value)->default_value("\""), "CSV quote character, or none: quote "
                                                                        "characters are text (unquoted TSV)")
        ("csv-header", po::value(&csv_header), "NAME,NAME,...: column names of CSV files without a header "
                                               "row (their first row is then an article)")
        ("batch-size", po::value<std::uint64_t>(), "articles per commit, over all shards (default: every 5 MB "
                                                   "of text per writer thread); bounds memory")
        ("threads,j", po::value(&threads)->default_value(cores), "writer threads; at most one per shard is used")
        ("shards", po::value<std::size_t>(), "shards of a new index (default: the number of cores, up to 8); "
                                             "fixed once the index exists")
        ("strict", po::bool_switch(&options.strict), "stop at the first record that has to be skipped (what came "
                                                     "before it is committed; exit status 3)")
        ("compact", po::bool_switch(&options.compact), "compact the index when done (smaller and faster to search; "
                                                       "takes a while): with no INPUT, compact only")
        ("wait", po::bool_switch(&wait), "when another newsindex holds the index, wait for it instead of "
                                          "exiting with 4")
        ("wait-timeout", po::value(&wait_seconds)->value_name("SECONDS"), "wait at most SECONDS (implies --wait)")
        ("progress", po::bool_switch(&progress), "when stderr is not a terminal, print a progress line every 5 "
                                                 "seconds (a terminal always gets a live line, unless --quiet)")
        ("progress-interval", po::value(&progress_seconds)->value_name("SECONDS"), "seconds between those lines "
                                                                                  "(implies --progress)")
        ("quiet,q", po::bool_switch(&options.quiet), "no progress and no summary; problems with records and "
                                                     "errors are still reported");
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
    if (options.inputs.empty() && !options.compact) throw std::invalid_argument("no INPUT given (try --help)");
    if (threads == 0) throw std::invalid_argument("--threads must be at least 1");
    options.threads = threads;
    options.shards_for_new_index = std::min<std::size_t>(cores, kMaxDefaultShards);
    if (vm.count("shards")) {
        options.shards = vm["shards"].as<std::size_t>();
        if (*options.shards < 1 || *options.shards > kMaxShards)
            throw std::invalid_argument("--shards must be from 1 to " + std::to_string(kMaxShards));
    }
    if (vm.count("batch-size")) {
        options.batch_size = vm["batch-size"].as<std::uint64_t>();
        if (*options.batch_size == 0) throw std::invalid_argument("--batch-size must be at least 1");
    }
    if (vm.count("wait-timeout")) options.lock_wait = wait_timeout(wait_seconds);
    else if (wait) options.lock_wait = std::chrono::steady_clock::duration::max();
    std::optional<std::chrono::milliseconds> progress_interval;
    if (progress || vm.count("progress-interval")) {
        if (!(progress_seconds > 0 && progress_seconds <= 86400))
            throw std::invalid_argument("--progress-interval needs a number of seconds up to 86400");
        progress_interval = std::chrono::milliseconds(std::llround(progress_seconds * 1000));
    }
    options.progress = stderr_progress(options.quiet, progress_interval);
    if (format != "auto") {
        options.format = parse_format(format);
        if (!options.format)
            throw std::invalid_argument("unknown --format '" + format + "' (auto, text, jsonl, json, csv, trec, message, mbox)");
    }
    if (vm.count("lang")) {
        options.language = vm["lang"].as<std::string>();
        Xapian::Stem check(*options.language);  // throws InvalidArgumentError for unknown languages
    }
    for (const auto& weight : weights) options.weights.set(weight);
    for (const auto& field : fields) options.reader.fields.set(field);
    if (vm.count("csv-delimiter")) options.reader.csv_delimiter = csv_character("--csv-delimiter", csv_delimiter);
    options.reader.csv_quote = csv_quote(csv_quote_value);
    std::istringstream header(csv_header);
    for (std::string name; std::getline(header, name, ',');) options.reader.csv_header.push_back(name);
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
        if (!options.quiet) std::cerr << "newsindex: " << describe(summary) << '\n';
        if (summary.interrupted_by) exit_by_signal(summary.interrupted_by);
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
