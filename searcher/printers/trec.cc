// trec.cc — the TREC run printer.
#include "printers/trec.h"

namespace newsarchive {

void TrecPrinter::begin(const SearchResult& result) {
    qid_ = one_token(result.id ? result.id->text : default_qid_);
    by_relevance_ = result.sort == "relevance";
}

void TrecPrinter::hit(const Hit& hit) {
    // trec_eval orders a run by score, not rank: in date order the score is
    // minus the rank, so that it keeps our order.
    double score = by_relevance_ ? hit.score : -static_cast<double>(hit.rank);
    out_ << qid_ << " Q0 " << one_token(hit.id) << ' ' << hit.rank << ' ' << format_score(score) << ' ' << tag_
         << '\n';
}

void TrecPrinter::end(const SearchResult&) { out_.flush(); }

}  // namespace newsarchive
