#include "sim/analysis/StreamingStat.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace samverkan::analysis {

namespace {

static_assert(StreamingStat::kBins == 4096, "smallestExponent() starts its search from log2(kBins) = 12");
constexpr int kMinExponent = -1074;  // the smallest double's
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// The bin of `v` at width 2^e: v / 2^e rounded down (exact: scaling by a power of two is).
std::int64_t indexOf(double v, int e) {
    return static_cast<std::int64_t>(std::floor(std::ldexp(v, -e)));
}

// i / 2^k rounded down.
std::int64_t shiftDown(std::int64_t i, int k) {
    if (k <= 0) return i;
    if (k >= 63) return i < 0 ? -1 : 0;
    return i >> k;  // arithmetic: rounds down for negative i too (C++20)
}

bool fits(double lo, double hi, int e) {
    return indexOf(hi, e) - indexOf(lo, e) < StreamingStat::kBins;
}

// The smallest exponent at which [lo, hi] fits kBins consecutive bins, but no finer than 2^-52 of
// the largest magnitude (so that every index is an exact integer below 2^53). It can only grow as
// values are added, so the histogram it gives depends only on the values, not on their order.
int smallestExponent(double lo, double hi) {
    const double largest = std::max(std::fabs(lo), std::fabs(hi));
    int e = largest > 0 ? std::max(kMinExponent, std::ilogb(largest) - 52) : kMinExponent;
    if (hi > lo) {
        // A width at which the range fits exceeds range / 2^12, so nothing below this can fit.
        const int range = std::isfinite(hi - lo) ? std::ilogb(hi - lo) : std::ilogb(hi / 2 - lo / 2) + 1;
        e = std::max(e, range - 13);
    }
    while (!fits(lo, hi, e)) ++e;
    return e;
}

}  // namespace

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty()) return std::nan("");
    const double rank = p * static_cast<double>(sorted.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(rank));
    const auto hi = std::min(lo + 1, sorted.size() - 1);
    if (sorted[lo] == sorted[hi]) return sorted[lo];  // (also for infinities, where the difference is NaN)
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - static_cast<double>(lo));
}

void StreamingStat::add(double value) {
    if (std::isnan(value)) return;
    ++m_n;
    if (std::isfinite(value)) {
        const double t = m_sum + value;
        m_compensation += std::fabs(m_sum) >= std::fabs(value) ? (m_sum - t) + value : (value - t) + m_sum;
        m_sum = t;
    }
    if (!m_binned) {
        m_exact.push_back(value);
        if (m_exact.size() > kExactValues) toBins();
        return;
    }
    if (value == -kInfinity)
        ++m_negativeInfinities;
    else if (value == kInfinity)
        ++m_positiveInfinities;
    else
        addToBin(value);
}

void StreamingStat::clear() {
    m_n = 0;
    m_sum = m_compensation = 0;
    m_exact.clear();
    m_binned = false;
    m_negativeInfinities = m_positiveInfinities = 0;
    m_bins.clear();
}

double StreamingStat::binWidth() const {
    return m_binned && !m_bins.empty() ? std::ldexp(1.0, m_exponent) : 0;
}

void StreamingStat::toBins() {
    m_binned = true;
    bool any = false;
    for (const double v : m_exact) {
        if (!std::isfinite(v)) continue;
        m_min = any ? std::min(m_min, v) : v;
        m_max = any ? std::max(m_max, v) : v;
        any = true;
    }
    if (any) {
        // The width for all these values at once, so that filling the bins moves nothing.
        m_exponent = smallestExponent(m_min, m_max);
        m_firstBin = indexOf(m_min, m_exponent);
        m_bins.assign(static_cast<std::size_t>(kBins), Bin{});
    }
    for (const double v : m_exact) {
        if (v == -kInfinity)
            ++m_negativeInfinities;
        else if (v == kInfinity)
            ++m_positiveInfinities;
        else
            addToBin(v);
    }
    std::vector<double>().swap(m_exact);  // the histogram holds them now: give the memory back
}

void StreamingStat::rebin(int exponent) {
    const int k = exponent - m_exponent;
    const std::int64_t first = indexOf(m_min, exponent);
    std::vector<Bin> bins(static_cast<std::size_t>(kBins));
    for (std::size_t b = 0; b < m_bins.size(); ++b) {
        const Bin& from = m_bins[b];
        if (from.count == 0) continue;
        // Bins are aligned on multiples of their width, so an old bin falls whole into one new one.
        Bin& to = bins[static_cast<std::size_t>(shiftDown(m_firstBin + static_cast<std::int64_t>(b), k) - first)];
        to.lo = to.count ? std::min(to.lo, from.lo) : from.lo;
        to.hi = to.count ? std::max(to.hi, from.hi) : from.hi;
        to.count += from.count;
    }
    m_bins.swap(bins);
    m_exponent = exponent;
    m_firstBin = first;
}

void StreamingStat::addToBin(double value) {
    if (m_bins.empty()) {  // the first finite value since the histogram began
        m_min = m_max = value;
        m_exponent = smallestExponent(value, value);
        m_firstBin = indexOf(value, m_exponent);
        m_bins.assign(static_cast<std::size_t>(kBins), Bin{});
    }
    m_min = std::min(m_min, value);
    m_max = std::max(m_max, value);
    std::int64_t i = indexOf(value, m_exponent) - m_firstBin;
    if (i < 0 || i >= kBins) {
        rebin(std::max(m_exponent, smallestExponent(m_min, m_max)));
        i = indexOf(value, m_exponent) - m_firstBin;
    }
    Bin& bin = m_bins[static_cast<std::size_t>(i)];
    bin.lo = bin.count ? std::min(bin.lo, value) : value;
    bin.hi = bin.count ? std::max(bin.hi, value) : value;
    ++bin.count;
}

double StreamingStat::orderStatistic(std::size_t j) const {
    if (j < m_negativeInfinities) return -kInfinity;
    j -= static_cast<std::size_t>(m_negativeInfinities);
    for (const Bin& b : m_bins) {
        if (j < b.count) {
            // Exact at the bin's ends; inside, between its smallest and largest value.
            if (j == 0) return b.lo;
            if (j + 1 == b.count) return b.hi;
            return b.lo + (b.hi - b.lo) * (static_cast<double>(j) / static_cast<double>(b.count - 1));
        }
        j -= static_cast<std::size_t>(b.count);
    }
    return kInfinity;
}

Stat StreamingStat::stat() const {
    Stat s;
    s.n = m_n;
    if (m_n == 0) {
        s.mean = s.median = s.p10 = s.p90 = std::nan("");
        return s;
    }
    if (!m_binned) {
        auto v = m_exact;
        std::sort(v.begin(), v.end());
        double sum = 0;
        for (const double x : v) sum += x;
        s.mean = sum / static_cast<double>(v.size());
        s.median = percentile(v, 0.5);
        s.p10 = percentile(v, 0.1);
        s.p90 = percentile(v, 0.9);
        return s;
    }
    if (m_negativeInfinities && m_positiveInfinities)
        s.mean = std::nan("");
    else if (m_negativeInfinities)
        s.mean = -kInfinity;
    else if (m_positiveInfinities)
        s.mean = kInfinity;
    else
        s.mean = (m_sum + m_compensation) / static_cast<double>(m_n);
    // As percentile(): between the closest ranks.
    const auto at = [&](double p) {
        const double rank = p * static_cast<double>(m_n - 1);
        const auto lo = static_cast<std::size_t>(std::floor(rank));
        const auto hi = std::min(lo + 1, m_n - 1);
        const double a = orderStatistic(lo), b = hi == lo ? a : orderStatistic(hi);
        return a == b ? a : a + (b - a) * (rank - static_cast<double>(lo));
    };
    s.median = at(0.5);
    s.p10 = at(0.1);
    s.p90 = at(0.9);
    return s;
}

}  // namespace samverkan::analysis
