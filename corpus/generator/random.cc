// random.cc — unbiased integers and the normal draw.
#include "random.h"

#include <cmath>
#include <numbers>

namespace newsarchive::corpus {

std::uint64_t Random::below(std::uint64_t n) {
    // Words under 2^64 mod n would make the low residues more likely: reject
    // them (fewer than one draw in 2^32 is rejected for the n we use).
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
        std::uint64_t word = engine_();
        if (word >= threshold) return word % n;
    }
}

double Random::normal() {
    // libm's log, sqrt and cos may differ in the last bit between C
    // libraries; callers round what they draw to whole numbers, so such a
    // difference could change an article only on an exact rounding boundary.
    double u1 = 1.0 - uniform();  // (0, 1]: log(0) is not allowed
    double u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Random::log_normal(double median, double sigma) { return median * std::exp(sigma * normal()); }

}  // namespace newsarchive::corpus
