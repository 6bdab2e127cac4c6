// random.h — random draws that give the same numbers with every standard library.
#pragma once

#include <cstdint>
#include <random>

namespace newsarchive::corpus {

// The output sequence of std::mt19937_64 is fixed by the C++ standard, but the
// std:: distributions are not (libstdc++ and libc++ turn the same engine
// output into different numbers), so every draw is made here from the
// engine's raw 64-bit words. Not thread-safe.
class Random {
public:
    explicit Random(std::uint64_t seed) : engine_(seed) {}

    std::uint64_t bits() { return engine_(); }

    // Uniform in [0, 1), with 53 random bits.
    double uniform() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }

    // Uniform in [0, n) for n > 0, without modulo bias.
    std::uint64_t below(std::uint64_t n);

    // Uniform in [low, high].
    std::int64_t between(std::int64_t low, std::int64_t high) {
        return low + static_cast<std::int64_t>(below(static_cast<std::uint64_t>(high - low) + 1));
    }

    bool chance(double probability) { return uniform() < probability; }

    // Standard normal, by Box–Muller; always consumes two engine words.
    double normal();

    // Log-normal with the given median and shape (the sigma of its logarithm).
    double log_normal(double median, double sigma);

private:
    std::mt19937_64 engine_;
};

}  // namespace newsarchive::corpus
