// experiments.cc — settings under comparison, running them, printing tables.
#include "experiments.h"

#include <cstdio>
#include <map>

namespace newsarchive::eval {

namespace {

std::string code(const std::vector<std::string>& arguments) {
    if (arguments.empty()) return "—";
    std::string out;
    for (const auto& argument : arguments) out += (out.empty() ? "" : " ") + argument;
    return "`" + out + "`";
}

std::string describe(Proximity proximity) {
    if (proximity == Proximity::phrases) return "words + \"pairs\"";
    if (proximity == Proximity::near) return "words + pairs NEAR";
    return "words";
}

std::string fixed(double value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%.4f", value);
    return buffer;
}

// 0.75, 1.2, 2: as short as it reads.
std::string number(double value) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

}  // namespace

Setup baseline_setup() {
    return {"baseline", {"--weight", "title=1"}, {"--match", "any", "--stopwords", "none", "--bm25-k1", "1", "--bm25-b", "0.5"}};
}

// No options: what newsindex and newssearch do by themselves. Tuned on CISI
// only (docs/relevance.md): title weight 3, stop words dropped, --match auto,
// BM25 k1 2 b 0.75.
Setup default_setup() { return {"chosen defaults (no options)", {}, {}}; }

std::vector<Setup> experiment_setups() {
    Setup baseline = baseline_setup();
    const auto& index = baseline.index_arguments;
    // The baseline's search options with `changed` replacing those it names.
    auto search_with = [&](std::vector<std::string> changed) {
        std::vector<std::string> out;
        const auto& base = baseline.search_arguments;
        for (std::size_t i = 0; i + 1 < base.size(); i += 2) {
            bool replaced = false;
            for (std::size_t j = 0; j + 1 < changed.size(); j += 2) replaced |= changed[j] == base[i];
            if (!replaced) out.insert(out.end(), {base[i], base[i + 1]});
        }
        out.insert(out.end(), changed.begin(), changed.end());
        return out;
    };
    auto varied = [](std::string label, std::vector<std::string> index_arguments,
                     std::vector<std::string> search_arguments, Proximity proximity = Proximity::none) {
        return Setup{std::move(label), std::move(index_arguments), std::move(search_arguments), proximity};
    };
    return {
        baseline,
        varied("AND: every word must match", index, search_with({"--match", "all"})),
        varied("auto: AND below 4 words (OR if it finds nothing), else OR", index, search_with({"--match", "auto"})),
        varied("title weight 2", {"--weight", "title=2"}, baseline.search_arguments),
        varied("title weight 3 (newsindex default)", {"--weight", "title=3"}, baseline.search_arguments),
        varied("title weight 5", {"--weight", "title=5"}, baseline.search_arguments),
        varied("no stemming", {"--weight", "title=1", "--lang", "none"}, baseline.search_arguments),
        varied("stop words dropped", index, search_with({"--stopwords", "english"})),
        varied("BM25 k1 0.9 b 0.4 (Anserini's)", index, search_with({"--bm25-k1", "0.9", "--bm25-b", "0.4"})),
        varied("BM25 k1 1.2 b 0.75 (Robertson's)", index, search_with({"--bm25-k1", "1.2", "--bm25-b", "0.75"})),
        varied("+ adjacent pairs as phrases", index, baseline.search_arguments, Proximity::phrases),
        varied("+ adjacent pairs NEAR", index, baseline.search_arguments, Proximity::near),
        // The chosen defaults less one choice each (k1 and b: the sweep).
        varied("defaults, but title weight 1", {"--weight", "title=1"}, {}),
        varied("defaults, but title weight 2", {"--weight", "title=2"}, {}),
        varied("defaults, but title weight 5", {"--weight", "title=5"}, {}),
        varied("defaults, but no stop words", {}, {"--stopwords", "none"}),
        varied("defaults, but AND always (--match all)", {}, {"--match", "all"}),
        varied("defaults, but OR always (--match any)", {}, {"--match", "any"}),
        varied("defaults + adjacent pairs as phrases", {}, {}, Proximity::phrases),
        default_setup(),
    };
}

std::vector<Setup> bm25_sweep_setups() {
    std::vector<Setup> setups;
    for (double k1 : kSweptK1)
        for (double b : kSweptB)
            setups.push_back({"k1 " + number(k1) + " b " + number(b), {},
                              {"--bm25-k1", number(k1), "--bm25-b", number(b)}});
    return setups;
}

void print_sweep(std::ostream& out, const std::vector<Row>& rows) {
    const std::pair<const char*, double Measures::*> tables[]{{"MAP", &Measures::average_precision},
                                                              {"nDCG@10", &Measures::ndcg_at_10}};
    for (const auto& [name, member] : tables) {
        out << "\n| " << name << ": k1 \\ b |";
        for (double b : kSweptB) out << ' ' << number(b) << " |";
        out << "\n|---|";
        for (std::size_t i = 0; i < std::size(kSweptB); ++i) out << "---:|";
        for (std::size_t i = 0; i < rows.size(); ++i) {
            if (i % std::size(kSweptB) == 0) out << "\n| " << number(kSweptK1[i / std::size(kSweptB)]) << " |";
            out << ' ' << fixed(rows[i].measures.*member) << " |";
        }
        out << '\n';
    }
}

Collection source_papers_relevant(const Collection& cran) {
    Collection copy = cran;
    // The paper a question was written from answers it completely: gain 4.
    for (auto& [query, grades] : copy.judgments)
        for (auto& [document, grade] : grades)
            if (grade < 0) grade = 4;
    return copy;
}

Rankings without_source_papers(const Collection& cran, const Rankings& rankings) {
    Rankings filtered = rankings;
    for (auto& [query, ranking] : filtered) {
        auto judged = cran.judgments.find(query);
        if (judged == cran.judgments.end()) continue;
        std::erase_if(ranking, [&](const std::string& document) {
            auto it = judged->second.find(document);
            return it != judged->second.end() && it->second < 0;
        });
    }
    return filtered;
}

std::vector<Row> run_setups(const Collection& collection, const std::vector<Setup>& setups,
                            const std::filesystem::path& work_dir) {
    std::map<std::vector<std::string>, std::string> indexes;  // newsindex arguments → db
    std::vector<Row> rows;
    for (const auto& setup : setups) {
        auto [it, fresh] = indexes.try_emplace(setup.index_arguments,
                                               (work_dir / (collection.name + "-db" + std::to_string(indexes.size()))).string());
        if (fresh) build_index(collection, work_dir, it->second, setup.index_arguments);
        std::vector<SearchQuery> queries;
        for (const auto& query : collection.queries)
            queries.push_back({query.id, shape_query(plain_words(query.text), setup.proximity)});
        Rankings rankings = run_queries(queries, it->second, setup.search_arguments);
        Measures measures = evaluate(collection.judgments, rankings);
        std::size_t empty = 0;
        for (const auto& [query, ranking] : rankings) empty += ranking.empty();
        rows.push_back({setup, std::move(rankings), measures, empty});
    }
    return rows;
}

void print_table(std::ostream& out, const std::vector<Row>& rows) {
    out << "| setup | newsindex | newssearch | query sent | MAP | nDCG@10 | P@10 | R@100 | empty |\n"
        << "|---|---|---|---|---:|---:|---:|---:|---:|\n";
    for (const auto& row : rows) {
        const auto& m = row.measures;
        out << "| " << row.setup.label << " | " << code(row.setup.index_arguments) << " | "
            << code(row.setup.search_arguments) << " | " << describe(row.setup.proximity) << " | "
            << fixed(m.average_precision) << " | " << fixed(m.ndcg_at_10) << " | " << fixed(m.precision_at_10) << " | "
            << fixed(m.recall_at_100) << " | " << row.empty << " |\n";
    }
}

}  // namespace newsarchive::eval
