// trec.h — TREC run format, for trec_eval and the evaluation tools.
#pragma once

#include <string>

#include "printers/printer.h"

namespace newsarchive {

// One line per hit: "QID Q0 DOCNO RANK SCORE TAG". QID is the result's id
// when it has one (batch requests), else `qid`. Fields cannot hold blanks:
// blanks in QID, DOCNO and TAG become "_". SCORE is the relevance score, or
// with a date sort minus the rank (trec_eval orders by score). Nothing else is
// printed, not even for no hits.
class TrecPrinter : public Printer {
public:
    TrecPrinter(std::ostream& out, std::string qid, std::string tag)
        : out_(out), default_qid_(std::move(qid)), tag_(one_token(tag)) {}
    void begin(const SearchResult& result) override;
    void hit(const Hit& hit) override;
    void end(const SearchResult& result) override;

private:
    std::ostream& out_;
    std::string default_qid_;
    std::string tag_;
    std::string qid_;
    bool by_relevance_ = true;
};

}  // namespace newsarchive
