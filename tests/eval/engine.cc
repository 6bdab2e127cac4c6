// engine.cc — newsindex and newssearch run as child processes.
#include "engine.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "../e2e/process.h"

namespace newsarchive::eval {

namespace {

std::string describe_failure(const std::string& program, const e2e::ProcessResult& result) {
    return program + " exited with " + std::to_string(result.exit_code) + ": " + result.err;
}

}  // namespace

void build_index(const Collection& collection, const std::filesystem::path& work_dir, const std::string& db,
                 const std::vector<std::string>& arguments) {
    std::filesystem::path input = work_dir / (collection.name + ".jsonl");
    {
        std::ofstream out(input, std::ios::binary);
        for (const auto& document : collection.documents)
            out << nlohmann::json{{"id", document.id}, {"title", document.title}, {"body", document.body}}.dump() << '\n';
        if (!out) throw std::runtime_error("cannot write " + input.string());
    }
    std::vector<std::string> all{"--db", db};
    all.insert(all.end(), arguments.begin(), arguments.end());
    all.push_back(input.string());
    auto result = e2e::run(e2e::newsindex(), all);
    // Exit 3 (records skipped) is a failure too: every document must be in.
    if (result.exit_code != 0) throw std::runtime_error(describe_failure("newsindex", result));
}

Rankings run_queries(const std::vector<SearchQuery>& queries, const std::string& db,
                     const std::vector<std::string>& arguments) {
    // One newssearch for all queries: --batch reads a JSON request per line
    // and answers each with TREC run lines ("QID Q0 DOCID RANK SCORE TAG"),
    // then "# end QID"; a request it cannot answer gets "# error ...".
    std::string requests;
    for (const auto& query : queries)
        requests += nlohmann::json{{"id", query.id}, {"query", query.text}}.dump() + '\n';
    std::vector<std::string> all{"--db", db, "--batch", "--format", "trec", "--limit", std::to_string(kRankingDepth)};
    all.insert(all.end(), arguments.begin(), arguments.end());
    auto result = e2e::run(e2e::newssearch(), all, requests);
    if (result.exit_code != 0) throw std::runtime_error(describe_failure("newssearch --batch", result));

    Rankings rankings;
    std::istringstream lines(result.out);
    for (std::string line; std::getline(lines, line);) {
        if (line.starts_with("# error")) throw std::runtime_error("newssearch --batch: " + line);
        if (line.starts_with("#")) continue;
        std::istringstream columns(line);
        std::string qid, q0, document;
        if (!(columns >> qid >> q0 >> document)) throw std::runtime_error("newssearch --batch: bad run line '" + line + "'");
        rankings[qid].push_back(document);
    }
    for (const auto& query : queries) rankings[query.id];  // a query that matched nothing has an empty ranking
    return rankings;
}

}  // namespace newsarchive::eval
