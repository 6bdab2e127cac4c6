// measures.cc — AP, nDCG@10, P@10 and recall@100 as trec_eval computes them.
#include "measures.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace newsarchive::eval {

namespace {

int grade_of(const std::map<std::string, int>& grades, const std::string& document) {
    auto it = grades.find(document);
    return it == grades.end() ? 0 : it->second;
}

double discounted_gain(const std::vector<int>& gains, std::size_t depth) {
    double sum = 0;
    for (std::size_t k = 0; k < std::min(depth, gains.size()); ++k)
        if (gains[k] > 0) sum += gains[k] / std::log2(static_cast<double>(k) + 2);
    return sum;
}

}  // namespace

Measures measure(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades) {
    std::vector<int> ideal;
    for (const auto& [document, grade] : grades)
        if (grade > 0) ideal.push_back(grade);
    Measures result;
    if (ideal.empty()) return result;
    const auto relevant_total = static_cast<double>(ideal.size());
    std::sort(ideal.begin(), ideal.end(), std::greater<>());

    std::vector<int> gains;
    double precision_sum = 0;
    std::size_t found = 0, found_in_10 = 0, found_in_100 = 0;
    for (std::size_t k = 0; k < ranking.size(); ++k) {
        int grade = grade_of(grades, ranking[k]);
        gains.push_back(grade);
        if (grade <= 0) continue;
        ++found;
        precision_sum += static_cast<double>(found) / static_cast<double>(k + 1);
        if (k < 10) ++found_in_10;
        if (k < 100) ++found_in_100;
    }
    result.average_precision = precision_sum / relevant_total;
    result.ndcg_at_10 = discounted_gain(gains, 10) / discounted_gain(ideal, 10);
    result.precision_at_10 = static_cast<double>(found_in_10) / 10;
    result.recall_at_100 = static_cast<double>(found_in_100) / relevant_total;
    return result;
}

Measures mean(const std::vector<Measures>& per_query) {
    Measures sum;
    if (per_query.empty()) return sum;
    for (const auto& one : per_query) {
        sum.average_precision += one.average_precision;
        sum.ndcg_at_10 += one.ndcg_at_10;
        sum.precision_at_10 += one.precision_at_10;
        sum.recall_at_100 += one.recall_at_100;
    }
    const auto n = static_cast<double>(per_query.size());
    return {sum.average_precision / n, sum.ndcg_at_10 / n, sum.precision_at_10 / n, sum.recall_at_100 / n};
}

Measures evaluate(const Judgments& judgments, const Rankings& rankings) {
    static const std::vector<std::string> kNothing;
    std::vector<Measures> per_query;
    for (const auto& [query, grades] : judgments) {
        if (std::none_of(grades.begin(), grades.end(), [](const auto& judged) { return judged.second > 0; })) continue;
        auto ranked = rankings.find(query);
        per_query.push_back(measure(ranked == rankings.end() ? kNothing : ranked->second, grades));
    }
    return mean(per_query);
}

}  // namespace newsarchive::eval
