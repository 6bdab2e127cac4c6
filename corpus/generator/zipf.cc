// zipf.cc — building the quantised CDF and its guide table; the draw.
#include "zipf.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace newsarchive::corpus {

namespace {
constexpr std::uint64_t kOne = std::uint64_t{1} << 63;
}  // namespace

ZipfTable::ZipfTable(std::size_t n, double exponent) {
    if (n == 0 || n >= (std::size_t{1} << 32)) throw std::invalid_argument("Zipf table needs 1 to 2^32-1 ranks");
    std::vector<double> cumulative(n);
    double total = 0;
    for (std::size_t k = 0; k < n; ++k) {
        total += std::pow(static_cast<double>(k + 1), -exponent);
        cumulative[k] = total;
    }
    upper_.resize(n);
    for (std::size_t k = 0; k < n; ++k)
        upper_[k] = static_cast<std::uint64_t>(std::ldexp(cumulative[k] / total, 63));
    upper_.back() = kOne;  // every 63-bit draw finds a rank, whatever the rounding

    guide_.resize((std::size_t{1} << kGuideBits) + 1);
    std::size_t rank = 0;
    for (std::size_t bucket = 0; bucket < guide_.size(); ++bucket) {
        std::uint64_t start = std::min(kOne, static_cast<std::uint64_t>(bucket) << (63 - kGuideBits));
        while (rank + 1 < n && upper_[rank] <= start) ++rank;
        guide_[bucket] = static_cast<std::uint32_t>(rank);
    }
}

std::size_t ZipfTable::draw(Random& random) const {
    std::uint64_t r = random.bits() >> 1;  // uniform in [0, 2^63)
    std::size_t bucket = static_cast<std::size_t>(r >> (63 - kGuideBits));
    // The answer is the first rank whose upper bound exceeds r; it lies
    // between this bucket's first rank and the next bucket's.
    auto first = upper_.begin() + guide_[bucket];
    auto last = upper_.begin() + guide_[bucket + 1] + 1;
    return static_cast<std::size_t>(std::upper_bound(first, last, r) - upper_.begin());
}

double ZipfTable::probability(std::size_t rank) const {
    std::uint64_t low = rank == 0 ? 0 : upper_[rank - 1];
    return std::ldexp(static_cast<double>(upper_[rank] - low), -63);
}

}  // namespace newsarchive::corpus
