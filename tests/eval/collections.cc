// collections.cc — file names, field choices and quirks of each collection.
#include "collections.h"

#include <cctype>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <stdexcept>

namespace newsarchive::eval {

namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path.string());
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

std::string field(const SmartRecord& record, char marker) {
    auto it = record.fields.find(marker);
    return it == record.fields.end() ? std::string() : it->second;
}

std::vector<Document> smart_documents(const fs::path& path) {
    std::vector<Document> documents;
    for (const auto& record : parse_smart(read_text(path))) documents.push_back({record.id, field(record, 'T'), field(record, 'W')});
    return documents;
}

std::vector<Query> smart_queries(const fs::path& path) {
    std::vector<Query> queries;
    for (const auto& record : parse_smart(read_text(path))) queries.push_back({record.id, field(record, 'W')});
    return queries;
}

// Documents with neither title nor body can match no query; newsindex would
// skip them with a warning, so they are left out here and counted in a note.
void drop_empty_documents(Collection& collection) {
    std::string dropped;
    std::erase_if(collection.documents, [&](const Document& document) {
        if (!document.title.empty() || !document.body.empty()) return false;
        dropped += (dropped.empty() ? "" : ", ") + document.id;
        return true;
    });
    if (!dropped.empty()) collection.notes.push_back("empty documents left out: " + dropped);
}

Collection read_cran(const fs::path& folder) {
    Collection cran{"CRAN", smart_documents(folder / "cran.all.1400"), smart_queries(folder / "cran.qry"), {}, {}};
    // cran.qry numbers its queries 001, 002, 004, ... 365; cranqrel numbers
    // the same queries 1..225 in file order.
    for (std::size_t i = 0; i < cran.queries.size(); ++i) cran.queries[i].id = std::to_string(i + 1);
    cran.judgments = parse_judgment_columns(read_text(folder / "cranqrel"), 0, 1, 2);
    for (auto& [query, grades] : cran.judgments)
        for (auto& [document, grade] : grades)
            if (grade > 0) grade = 5 - grade;  // Cleverdon's 1 (complete answer) is the largest gain
    cran.notes.push_back("queries renumbered 1..225 by position");
    cran.notes.push_back("grades 1..4 → gains 4..1; -1 (source paper) not relevant");
    return cran;
}

Collection read_lisa(const fs::path& folder) {
    // LISA<digit>.<3 digits>, with LISA1.501.ALL standing in for its
    // truncated prefix LISA1.501.
    std::set<fs::path> parts;
    static const std::regex kPart(R"(LISA\d\.\d{3}(\.ALL)?)");
    for (const auto& entry : fs::directory_iterator(folder)) {
        std::string name = entry.path().filename().string();
        if (std::regex_match(name, kPart)) parts.insert(entry.path());
    }
    for (auto it = parts.begin(); it != parts.end();) {
        if (parts.count(fs::path(it->string() + ".ALL"))) it = parts.erase(it);
        else ++it;
    }
    if (parts.empty()) throw std::runtime_error("no LISA document files in " + folder.string());
    Collection lisa{"LISA", {}, parse_lisa_queries(read_text(folder / "LISA.QUE")),
                    parse_lisa_judgments(read_text(folder / "LISARJ.NUM")), {}};
    std::set<std::string> seen;
    std::size_t repeated = 0, stray_lines = 0;
    for (const auto& part : parts) {
        auto parsed = parse_lisa_documents(read_text(part));
        stray_lines += parsed.stray_lines;
        for (auto& document : parsed.documents) {
            if (seen.insert(document.id).second) lisa.documents.push_back(std::move(document));
            else ++repeated;
        }
    }
    lisa.notes.push_back("LISA1.501.ALL read instead of LISA1.501; judgments from LISARJ.NUM");
    if (repeated) lisa.notes.push_back(std::to_string(repeated) + " repeated documents kept once");
    if (stray_lines)
        lisa.notes.push_back(std::to_string(stray_lines) + " lines outside any document (a fragment of a lost one) left out");
    return lisa;
}

}  // namespace

const std::vector<std::string>& collection_names() {
    static const std::vector<std::string> kNames{"ADI", "CACM", "CISI", "CRAN", "LISA", "MED", "NPL"};
    return kNames;
}

fs::path collection_folder(const fs::path& corpora, const std::string& name) {
    std::string folder = "classic-";
    for (char c : name) folder += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return corpora / folder;
}

Collection read_collection(const std::string& name, const fs::path& corpora) {
    fs::path folder = collection_folder(corpora, name);
    Collection collection;
    if (name == "ADI") {
        collection = {name, smart_documents(folder / "ADI.ALL"), smart_queries(folder / "ADI.QRY"),
                      parse_judgment_columns(read_text(folder / "ADI.REL"), 0, 1), {}};
    } else if (name == "CACM") {
        collection = {name, smart_documents(folder / "cacm.all"), smart_queries(folder / "query.text"),
                      parse_judgment_columns(read_text(folder / "qrels.text"), 0, 1),
                      {"CRLF line ends; document 2856's `.I 28` / `56` id lines joined"}};
    } else if (name == "CISI") {
        collection = {name, smart_documents(folder / "CISI.ALL"), smart_queries(folder / "CISI.QRY"),
                      parse_judgment_columns(read_text(folder / "CISI.REL"), 0, 1), {}};
    } else if (name == "CRAN") {
        collection = read_cran(folder);
    } else if (name == "LISA") {
        collection = read_lisa(folder);
    } else if (name == "MED") {
        collection = {name, smart_documents(folder / "MED.ALL"), smart_queries(folder / "MED.QRY"),
                      parse_judgment_columns(read_text(folder / "MED.REL"), 0, 2, 3), {}};
    } else if (name == "NPL") {
        collection = {name, parse_npl_documents(read_text(folder / "doc-text")),
                      parse_npl_queries(read_text(folder / "query-text")),
                      parse_npl_judgments(read_text(folder / "rlv-ass")),
                      {"the last rlv-ass list needs no closing `/`"}};
    } else {
        throw std::runtime_error("unknown collection '" + name + "'");
    }
    drop_empty_documents(collection);
    return collection;
}

std::string plain_words(const std::string& text) {
    std::string words;
    for (char c : text) {
        auto byte = static_cast<unsigned char>(c);
        if (std::isalnum(byte)) words += static_cast<char>(std::tolower(byte));
        else if (!words.empty() && words.back() != ' ') words += ' ';
    }
    if (!words.empty() && words.back() == ' ') words.pop_back();
    return words;
}

CollectionStats collection_stats(const Collection& collection) {
    CollectionStats stats;
    stats.documents = collection.documents.size();
    stats.queries = collection.queries.size();
    std::set<std::string> query_ids;
    for (const auto& query : collection.queries) query_ids.insert(query.id);
    for (const auto& [query, grades] : collection.judgments) {
        std::size_t relevant = 0;
        for (const auto& [document, grade] : grades) relevant += grade > 0;
        stats.judgments += grades.size();
        stats.relevant += relevant;
        if (relevant && query_ids.count(query)) ++stats.judged_queries;
    }
    return stats;
}

}  // namespace newsarchive::eval
