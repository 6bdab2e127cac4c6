// baseline_index.cc — bench-baseline-index: the engine-limit loop newsindex is measured against.
//
// It indexes JSON lines with the same fields, weights, positions, terms and
// values as newsindex's document builder (it reads the same schema table),
// straight through Xapian's TermGenerator, and does nothing else:
//  - parsing: each line with nlohmann::json, the parser newsindex's reader
//    uses (the input is JSON for both, so both pay for reading it; the time
//    is reported apart as parse_seconds). Keys are taken as generate-corpus
//    writes them (id, title, body, date, source, authors, url): no key
//    aliases, no text cleaning (UTF-8 repair, HTML, entities), no date
//    parsing beyond slicing YYYY-MM-DD;
//  - per article: the text fields of schema::kTextFields with their default
//    weights (unprefixed with wdf × weight when the weight is non-zero, then
//    with the field's prefix, schema::kFieldPositionGap positions after each
//    pass), English stemmer with STEM_SOME, the Q id term, D/M/Y date terms,
//    the exact-source term, the date, source and author value slots;
//    replace_document by the Q term (the same idempotent semantics as
//    newsindex, without its look-up of the article being replaced);
//  - no spelling data by default: newsindex adds every free-text word to
//    Xapian's spelling table for "Did you mean", a feature rather than part
//    of the engine limit; --spelling does the same (newsindex's own
//    update_spelling, once at the end), so that tests/bench/profile.sh can
//    price it;
//  - commits every --commit-articles articles or --commit-bytes bytes of
//    title and body, whichever comes first, and at the end: run.sh gives it
//    newsindex's default rule over all shards, since the commit interval
//    moves Xapian's speed by a fifth;
//  - document data: none by default (--data none), so the index holds no
//    stored article; --data raw stores the input line as it is, the simplest
//    store there is (Glass compresses document data with zlib itself).
// Prints one JSON line: articles, input_bytes, seconds and their split into
// parse_seconds, build_seconds (TermGenerator and the document), write_seconds
// (replace_document, including Xapian's own flushes) and commit_seconds
// (commits, and the spelling data).
#include <chrono>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>
#include <xapian.h>

#include "schema.h"
#include "spelling.h"

namespace po = boost::program_options;
namespace schema = newsarchive::schema;
using Clock = std::chrono::steady_clock;

namespace {

struct Record {
    std::string id, title, body, date, source;
    std::vector<std::string> authors;
    std::string author_lines;  // one line per author, as newsindex indexes them: no phrase spans two names
};

std::string string_at(const nlohmann::json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string{};
}

Record parse(const std::string& line) {
    nlohmann::json object = nlohmann::json::parse(line);
    Record record;
    record.id = string_at(object, "id");
    record.title = string_at(object, "title");
    record.body = string_at(object, "body");
    record.date = string_at(object, "date");
    record.source = string_at(object, "source");
    if (record.id.empty()) record.id = string_at(object, "url");
    if (auto authors = object.find("authors"); authors != object.end() && authors->is_array()) {
        for (const auto& author : *authors) {
            if (!author.is_string()) continue;
            record.authors.push_back(author.get<std::string>());
            record.author_lines += record.authors.back() + '\n';
        }
    }
    return record;
}

const std::string& field_text(const Record& record, const schema::TextField& field) {
    if (field.name == "title") return record.title;
    if (field.name == "body") return record.body;
    if (field.name == "source") return record.source;
    return record.author_lines;
}

// "2013-04-05..." -> "20130405"; anything else -> "" (no date terms).
std::string compact_day(const std::string& date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-') return {};
    return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

Xapian::Document build(Xapian::TermGenerator& generator, const Record& record, const std::string& id_term) {
    Xapian::Document document;
    generator.set_document(document);
    for (const auto& field : schema::kTextFields) {
        const std::string& text = field_text(record, field);
        if (text.empty()) continue;
        if (field.default_weight) {
            generator.index_text(text, field.default_weight);
            generator.increase_termpos(schema::kFieldPositionGap);
        }
        if (!field.prefix.empty()) {
            generator.index_text(text, 1, std::string(field.prefix));
            generator.increase_termpos(schema::kFieldPositionGap);
        }
    }
    document.add_boolean_term(id_term);
    if (std::string day = compact_day(record.date); !day.empty()) {
        document.add_boolean_term(std::string(schema::kDayPrefix) + day);
        document.add_boolean_term(std::string(schema::kMonthPrefix) + day.substr(0, 6));
        document.add_boolean_term(std::string(schema::kYearPrefix) + day.substr(0, 4));
        document.add_value(schema::kDateSlot, day);
    }
    if (!record.source.empty()) {
        document.add_value(schema::kSourceSlot, record.source);
        document.add_boolean_term(schema::source_term(record.source));
    }
    if (!record.authors.empty()) {
        std::string authors;
        for (const auto& author : record.authors) {
            if (!authors.empty()) authors += schema::kAuthorSeparator;
            authors += author;
        }
        document.add_value(schema::kAuthorSlot, authors);
    }
    return document;
}

double seconds(Clock::duration duration) { return std::chrono::duration<double>(duration).count(); }

}  // namespace

int main(int argc, char** argv) {
    try {
        std::string db, input, data;
        bool spelling = false;
        unsigned long long commit_articles = 10000, commit_bytes = 0;
        po::options_description visible(
            "Usage: bench-baseline-index --db DIR [--data none|raw] [--spelling] [--commit-articles N]\n"
            "                            [--commit-bytes N] JSONL-FILE\n\nOptions");
        visible.add_options()
            ("help,h", "show this help and exit")
            ("db", po::value(&db)->required(), "index directory (created or overwritten)")
            ("data", po::value(&data)->default_value("none"), "document data: none, or raw (the input line)")
            ("spelling", po::bool_switch(&spelling), "add free-text words to the spelling table, as newsindex does")
            ("commit-articles", po::value(&commit_articles)->default_value(10000), "commit every N articles")
            ("commit-bytes", po::value(&commit_bytes)->default_value(0),
             "also commit every N bytes of title and body text (0: never)");
        po::options_description hidden;
        hidden.add_options()("input", po::value(&input)->required());
        po::options_description all;
        all.add(visible).add(hidden);
        po::positional_options_description positional;
        positional.add("input", 1);
        po::variables_map vm;
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::cout << visible << '\n';
            return 0;
        }
        po::notify(vm);
        if (data != "none" && data != "raw") throw po::error("--data must be none or raw");
        const bool store_raw = data == "raw";

        std::ifstream in(input, std::ios::binary);
        if (!in) throw std::runtime_error("cannot read '" + input + "'");
        auto start = Clock::now();
        Xapian::WritableDatabase database(db, Xapian::DB_CREATE_OR_OVERWRITE);
        Xapian::TermGenerator generator;
        generator.set_stemmer(Xapian::Stem("english"));
        generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);

        Clock::duration parse_time{}, build_time{}, write_time{}, commit_time{};
        unsigned long long articles = 0, bytes = 0, uncommitted_articles = 0, uncommitted_bytes = 0;
        for (std::string line; std::getline(in, line);) {
            bytes += line.size() + 1;
            auto t0 = Clock::now();
            Record record = parse(line);
            auto t1 = Clock::now();
            std::string id_term = schema::id_term(record.id);
            Xapian::Document document = build(generator, record, id_term);
            if (store_raw) document.set_data(line);
            auto t2 = Clock::now();
            database.replace_document(id_term, document);
            auto t3 = Clock::now();
            parse_time += t1 - t0;
            build_time += t2 - t1;
            write_time += t3 - t2;
            ++articles;
            uncommitted_bytes += record.title.size() + record.body.size();
            if (++uncommitted_articles >= commit_articles || (commit_bytes && uncommitted_bytes >= commit_bytes)) {
                database.commit();
                commit_time += Clock::now() - t3;
                uncommitted_articles = uncommitted_bytes = 0;
            }
        }
        auto t4 = Clock::now();
        database.commit();
        if (spelling) newsarchive::update_spelling(database, database);
        database.close();
        auto end = Clock::now();
        commit_time += end - t4;
        std::cout << nlohmann::json{{"articles", articles},
                                    {"input_bytes", bytes},
                                    {"seconds", seconds(end - start)},
                                    {"parse_seconds", seconds(parse_time)},
                                    {"build_seconds", seconds(build_time)},
                                    {"write_seconds", seconds(write_time)},
                                    {"commit_seconds", seconds(commit_time)}}
                         .dump()
                  << '\n';
        return 0;
    } catch (const po::error& e) {
        std::cerr << "bench-baseline-index: " << e.what() << " (try --help)\n";
    } catch (const Xapian::Error& e) {
        std::cerr << "bench-baseline-index: " << e.get_description() << '\n';
    } catch (const std::exception& e) {
        std::cerr << "bench-baseline-index: " << e.what() << '\n';
    }
    return 2;
}
