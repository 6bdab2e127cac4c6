// test_eval_measures.cc — the evaluation's measures against hand-computed values.
#include <doctest/doctest.h>

#include "measures.h"

using namespace newsarchive::eval;

namespace {

std::vector<std::string> numbered(const std::string& prefix, int count) {
    std::vector<std::string> ids;
    for (int i = 1; i <= count; ++i) ids.push_back(prefix + std::to_string(i));
    return ids;
}

}  // namespace

TEST_CASE("eval measures: binary judgments, fewer than 10 results") {
    // Relevant: d1 d3 d5 retrieved at ranks 1, 3, 5; d9 never retrieved (R = 4).
    auto m = measure({"d1", "d2", "d3", "d4", "d5"}, {{"d1", 1}, {"d3", 1}, {"d5", 1}, {"d9", 1}, {"d2", 0}});
    CHECK(m.average_precision == doctest::Approx((1.0 + 2.0 / 3 + 3.0 / 5) / 4));  // 0.566667
    // DCG 1/log2(2) + 1/log2(4) + 1/log2(6) = 1.886853; ideal: four 1s = 2.561606.
    CHECK(m.ndcg_at_10 == doctest::Approx(0.7365897));
    CHECK(m.precision_at_10 == doctest::Approx(0.3));  // divided by 10, not by the 5 retrieved
    CHECK(m.recall_at_100 == doctest::Approx(0.75));
}

TEST_CASE("eval measures: graded judgments give nDCG gains, -1 is not relevant") {
    auto m = measure({"b", "x", "a", "z"}, {{"a", 3}, {"b", 1}, {"c", 2}, {"x", -1}});
    // DCG 1/log2(2) + 3/log2(4) = 2.5; ideal 3 + 2/log2(3) + 1/log2(4) = 4.761860.
    CHECK(m.ndcg_at_10 == doctest::Approx(0.5250050));
    CHECK(m.average_precision == doctest::Approx((1.0 + 2.0 / 3) / 3));
    CHECK(m.precision_at_10 == doctest::Approx(0.2));
    CHECK(m.recall_at_100 == doctest::Approx(2.0 / 3));
}

TEST_CASE("eval measures: nothing relevant retrieved, nothing retrieved, nothing relevant") {
    for (const auto& m : {measure({"x", "y"}, {{"a", 1}}), measure({}, {{"a", 2}}), measure({"a"}, {{"a", 0}})}) {
        CHECK(m.average_precision == 0);
        CHECK(m.ndcg_at_10 == 0);
        CHECK(m.precision_at_10 == 0);
        CHECK(m.recall_at_100 == 0);
    }
}

TEST_CASE("eval measures: the cut-offs at 10 and 100") {
    auto ranking = numbered("n", 101);
    // Relevant at ranks 11 and 101: outside the top 10; rank 101 outside the top 100.
    auto m = measure(ranking, {{"n11", 1}, {"n101", 1}});
    CHECK(m.precision_at_10 == 0);
    CHECK(m.ndcg_at_10 == 0);
    CHECK(m.recall_at_100 == doctest::Approx(0.5));
    CHECK(m.average_precision == doctest::Approx((1.0 / 11 + 2.0 / 101) / 2));
}

TEST_CASE("eval measures: means skip queries without relevant documents, count missing rankings as 0") {
    Judgments judgments{{"q1", {{"a", 1}}}, {"q2", {{"b", 0}}}, {"q3", {{"c", 1}}}};
    Rankings rankings{{"q1", {"a"}}, {"q2", {"b"}}};
    auto m = evaluate(judgments, rankings);
    CHECK(m.average_precision == doctest::Approx(0.5));  // q1: 1, q3: 0; q2 left out
    CHECK(m.precision_at_10 == doctest::Approx(0.05));
    CHECK(m.ndcg_at_10 == doctest::Approx(0.5));
    CHECK(m.recall_at_100 == doctest::Approx(0.5));
    CHECK(mean({}).average_precision == 0);
}
