// checking_sink.h — an ArticleSink that checks every article a reader produces, then drops it.
#pragma once

#include <string>

#include "fuzz_checks.h"
#include "readers/reader.h"

namespace newsarchive::fuzz {

// Discards what readers produce, after checking each article.
class CheckingSink : public ArticleSink {
public:
    void add(Article&& article, const std::string&, const std::string& position) override {
        check(!article.id.empty(), "article without an id");
        check(is_clean(article.title), "title is not clean UTF-8");
        check(is_clean(article.body), "body is not clean UTF-8");
        check(!article.title.empty() || !article.body.empty(), "article with neither title nor body");
        check(!article.date || is_valid_date(*article.date), "article date out of range");
        check(!position.empty(), "article without a position");
    }
    void skip(const RecordProblem& problem) override { check_problem(problem); }
    void warn(const RecordProblem& problem) override { check_problem(problem); }

private:
    static void check_problem(const RecordProblem& problem) {
        check(!problem.position.empty() && !problem.reason.empty() && !problem.category.empty(),
              "problem report with an empty position, reason or category");
    }
};

}  // namespace newsarchive::fuzz
