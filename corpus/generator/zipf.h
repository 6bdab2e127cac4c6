// zipf.h — Zipf-distributed ranks by inverse CDF over a precomputed table.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "random.h"

namespace newsarchive::corpus {

// Ranks 0 .. n-1 with P(rank k) proportional to 1 / (k + 1)^exponent.
// The CDF is kept as integers (units of 2^-63), so a draw is one engine word
// and integer comparisons: the same ranks on every platform. A guide table
// (Chen and Asau's indexed search) narrows each lookup to a few entries, so
// a draw costs about the same for 50 ranks as for 50,000.
class ZipfTable {
public:
    // n > 0 and n < 2^32.
    ZipfTable(std::size_t n, double exponent);

    std::size_t draw(Random& random) const;

    std::size_t size() const { return upper_.size(); }
    // The exact probability of `rank` in this table (after quantisation).
    double probability(std::size_t rank) const;

private:
    static constexpr int kGuideBits = 16;
    std::vector<std::uint64_t> upper_;  // upper_[k]: P(rank <= k) in units of 2^-63
    std::vector<std::uint32_t> guide_;  // guide_[b]: the first rank whose upper_ exceeds b << (63 - kGuideBits)
};

}  // namespace newsarchive::corpus
