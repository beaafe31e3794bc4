#include "sim/engine/Random.hpp"

#include "sim/engine/Hash.hpp"

#include <cmath>
#include <numbers>

namespace samverkan::engine {
namespace {
constexpr std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
}  // namespace

std::uint64_t splitmix64(std::uint64_t& state) {
    state += 0x9e3779b97f4a7c15ULL;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

std::uint64_t hashName(std::string_view name) { return fnv1a(name); }

Random::Random(std::string_view name, std::uint64_t seed) : m_name(name) {
    std::uint64_t s = seed ^ hashName(name);
    for (auto& word : m_state) word = splitmix64(s);
}

Random Random::withState(std::string_view name, const std::array<std::uint64_t, 4>& state) {
    Random r(name, 0);
    r.m_state = state;
    return r;
}

std::uint64_t Random::next() {
    const std::uint64_t result = rotl(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotl(m_state[3], 45);
    return result;
}

double Random::uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }

double Random::uniform(double lo, double hi) { return lo + (hi - lo) * uniform01(); }

std::int64_t Random::uniformInt(std::int64_t lo, std::int64_t hi) {
    if (hi <= lo) return lo;
    const std::uint64_t range = static_cast<std::uint64_t>(hi) - static_cast<std::uint64_t>(lo) + 1;
    if (range == 0) return static_cast<std::int64_t>(next());  // the whole 64-bit range
    // Rejection keeps every value equally likely.
    const std::uint64_t limit = UINT64_MAX - UINT64_MAX % range;
    std::uint64_t x = next();
    while (x >= limit) x = next();
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(lo) + x % range);
}

double Random::exponential(double mean) { return -mean * std::log1p(-uniform01()); }

double Random::normal(double mean, double stddev) {
    const double u1 = 1.0 - uniform01();  // (0, 1], so log is finite
    const double u2 = uniform01();
    return mean + stddev * std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
}

double Random::lognormal(double mu, double sigma) { return std::exp(normal(mu, sigma)); }

double Random::triangular(double lo, double mode, double hi) {
    if (hi <= lo) return lo;
    const double u = uniform01();
    const double cut = (mode - lo) / (hi - lo);
    if (u < cut) return lo + std::sqrt(u * (hi - lo) * (mode - lo));
    return hi - std::sqrt((1.0 - u) * (hi - lo) * (hi - mode));
}

bool Random::bernoulli(double p) { return uniform01() < p; }

}  // namespace samverkan::engine
