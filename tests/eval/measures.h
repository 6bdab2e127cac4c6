// measures.h — TREC-style effectiveness measures of one ranking and their means.
//
// The definitions follow trec_eval's:
//   AP         Σ over relevant documents retrieved at rank k of P@k, divided
//              by R, the number of relevant documents judged for the query
//              (relevant documents never retrieved add 0).
//   nDCG@10    DCG@10 / ideal DCG@10, DCG@10 = Σ_{k=1..10} gain_k / log2(k+1),
//              gain = the judgment grade (0 for unjudged or non-relevant
//              documents); the ideal ranking sorts every judged grade.
//   P@10       relevant documents in the top 10, divided by 10 even when
//              fewer than 10 were retrieved.
//   recall@100 relevant documents in the top 100, divided by R.
// A document is relevant when its grade is above 0.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "formats.h"

namespace newsarchive::eval {

struct Measures {
    double average_precision = 0;
    double ndcg_at_10 = 0;
    double precision_at_10 = 0;
    double recall_at_100 = 0;
};

// Rankings by query id: document ids, best first.
using Rankings = std::map<std::string, std::vector<std::string>>;

// The measures of `ranking` (document ids, best first) against one query's
// grades by document id. Every measure is 0 when nothing is relevant.
Measures measure(const std::vector<std::string>& ranking, const std::map<std::string, int>& grades);

// The mean of each measure (AP's mean is MAP) over `per_query`.
Measures mean(const std::vector<Measures>& per_query);

// The mean measures over every query with at least one relevant document
// (as trec_eval -c): a query without a ranking scores 0, a query without a
// relevant document is left out.
Measures evaluate(const Judgments& judgments, const Rankings& rankings);

}  // namespace newsarchive::eval
