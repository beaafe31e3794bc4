#pragma once
/// The run's random numbers: one named xoshiro256** generator seeded through splitmix64, with
/// distributions written here so that every platform draws the same numbers.

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace samverkan::engine {

/// One step of splitmix64: advances `state` and returns the next output.
std::uint64_t splitmix64(std::uint64_t& state);

/// 64-bit FNV-1a hash of a name, used to give each named stream its own seed.
std::uint64_t hashName(std::string_view name);

/// A named, seeded random stream. Same name and seed give the same sequence on every machine.
class Random {
public:
    /// Seeds the stream from `seed` mixed with the hash of `name`.
    Random(std::string_view name, std::uint64_t seed);

    /// A stream with the given raw xoshiro256** state (for checking against reference vectors).
    static Random withState(std::string_view name, const std::array<std::uint64_t, 4>& state);

    [[nodiscard]] const std::string& name() const { return m_name; }

    /// Next raw 64-bit output of xoshiro256**.
    std::uint64_t next();
    /// Uniform double in [0, 1) with 53 random bits.
    double uniform01();
    /// Uniform double in [lo, hi).
    double uniform(double lo, double hi);
    /// Uniform integer in [lo, hi] (inclusive), without modulo bias.
    std::int64_t uniformInt(std::int64_t lo, std::int64_t hi);
    /// Exponential with the given mean (> 0).
    double exponential(double mean);
    /// Normal by the Box–Muller transform (one value per two uniforms; nothing cached).
    double normal(double mean, double stddev);
    /// exp(normal(mu, sigma)).
    double lognormal(double mu, double sigma);
    /// Triangular on [lo, hi] with the given mode, by inverse transform.
    double triangular(double lo, double mode, double hi);
    /// True with probability p.
    bool bernoulli(double p);

private:
    std::string m_name;
    std::array<std::uint64_t, 4> m_state{};
};

}  // namespace samverkan::engine
