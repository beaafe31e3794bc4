// The streaming summary of a metric: exact (as today's percentiles) up to kExactValues values, then
// within the documented bound of the exact percentiles, in bounded memory and whatever the order.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "sim/analysis/StreamingStat.hpp"

using samverkan::analysis::percentile;
using samverkan::analysis::Stat;
using samverkan::analysis::StreamingStat;

namespace {

// The summary as it was computed before streaming: every value, sorted.
Stat exactStat(std::vector<double> v) {
    v.erase(std::remove_if(v.begin(), v.end(), [](double x) { return std::isnan(x); }), v.end());
    std::sort(v.begin(), v.end());
    Stat s;
    s.n = v.size();
    double sum = 0;
    for (const double x : v) sum += x;
    s.mean = sum / static_cast<double>(v.size());
    s.median = percentile(v, 0.5);
    s.p10 = percentile(v, 0.1);
    s.p90 = percentile(v, 0.9);
    return s;
}

Stat streamed(const std::vector<double>& v, StreamingStat* keep = nullptr) {
    StreamingStat st;
    for (const double x : v) st.add(x);
    if (keep) *keep = st;
    return st.stat();
}

// The documented bound on each percentile's error: max(2 (max − min) / (kBins − 1), 2^-52 max |x|).
double bound(const std::vector<double>& v) {
    const auto [lo, hi] = std::minmax_element(v.begin(), v.end());
    return std::max(2 * (*hi - *lo) / static_cast<double>(StreamingStat::kBins - 1),
                    std::ldexp(std::max(std::fabs(*lo), std::fabs(*hi)), -52));
}

std::vector<double> draw(std::size_t n, const std::function<double(std::mt19937_64&)>& f) {
    std::mt19937_64 rng(42);
    std::vector<double> v(n);
    for (auto& x : v) x = f(rng);
    return v;
}

}  // namespace

TEST_CASE("up to kExactValues values the summary is exactly today's", "[analysis][summary]") {
    for (const std::size_t n : {std::size_t{1}, std::size_t{2}, std::size_t{7}, std::size_t{1000}, StreamingStat::kExactValues}) {
        INFO("n = " << n);
        auto v = draw(n, [](std::mt19937_64& r) { return std::exponential_distribution<double>(0.1)(r); });
        if (n > 2) v[1] = std::nan("");  // a run that never reached the metric
        const Stat want = exactStat(v), got = streamed(v);
        CHECK(got.n == want.n);
        // Bit for bit: the sweep's output must not change for the sweeps of today.
        CHECK(got.mean == want.mean);
        CHECK(got.median == want.median);
        CHECK(got.p10 == want.p10);
        CHECK(got.p90 == want.p90);
    }
    CHECK(streamed({1, 2, 3, 4, 10}).p90 == Approx(7.6));
    const Stat none = streamed({std::nan(""), std::nan("")});
    CHECK(none.n == 0);
    CHECK(std::isnan(none.mean));
    CHECK(std::isnan(none.median));
}

TEST_CASE("past kExactValues the percentiles are within the documented bound of the exact ones", "[analysis][summary]") {
    const std::size_t n = 200000;
    const std::vector<std::pair<std::string, std::function<double(std::mt19937_64&)>>> shapes{
        {"uniform", [](std::mt19937_64& r) { return std::uniform_real_distribution<double>(-5, 20)(r); }},
        {"exponential (a long tail)", [](std::mt19937_64& r) { return std::exponential_distribution<double>(1.0 / 3000)(r); }},
        {"lognormal (a very long tail)", [](std::mt19937_64& r) { return std::lognormal_distribution<double>(2, 2)(r); }},
        {"two peaks and outliers",
         [](std::mt19937_64& r) {
             const double u = std::uniform_real_distribution<double>(0, 1)(r);
             if (u < 0.001) return 1e6 * u;
             return (u < 0.5 ? 10.0 : 40.0) + std::normal_distribution<double>(0, 1)(r);
         }},
        {"large values, small spread", [](std::mt19937_64& r) { return 1e9 + std::uniform_real_distribution<double>(0, 1e-3)(r); }},
        {"rising (the range grows as values come)", [](std::mt19937_64& r) { return static_cast<double>(r() % 1000) * 1e-3; }},
    };
    for (const auto& [name, shape] : shapes) {
        INFO(name);
        auto v = draw(n, shape);
        if (name.rfind("rising", 0) == 0)
            for (std::size_t i = 0; i < v.size(); ++i) v[i] += static_cast<double>(i);
        StreamingStat st;
        const Stat got = streamed(v, &st), want = exactStat(v);
        REQUIRE(st.binned());
        const double b = bound(v);
        INFO("bin width " << st.binWidth() << ", bound " << b);
        CHECK(st.binWidth() <= b);
        CHECK(got.n == n);
        CHECK(std::fabs(got.median - want.median) <= st.binWidth());
        CHECK(std::fabs(got.p10 - want.p10) <= st.binWidth());
        CHECK(std::fabs(got.p90 - want.p90) <= st.binWidth());
        CHECK(got.mean == Approx(want.mean).epsilon(1e-12));
    }
}

TEST_CASE("past kExactValues a metric with few distinct values is still exact", "[analysis][summary]") {
    // Contacts are counts; a forum that always meets at the same hour has one value.
    auto counts = draw(300000, [](std::mt19937_64& r) { return static_cast<double>(std::binomial_distribution<int>(40, 0.3)(r)); });
    const Stat got = streamed(counts), want = exactStat(counts);
    CHECK(got.median == want.median);
    CHECK(got.p10 == want.p10);
    CHECK(got.p90 == want.p90);
    const std::vector<double> same(50000, 3 + 1.0 / 3);
    const Stat one = streamed(same);
    CHECK(one.median == 3 + 1.0 / 3);
    CHECK(one.p10 == 3 + 1.0 / 3);
    CHECK(one.p90 == 3 + 1.0 / 3);
}

TEST_CASE("the histogram depends on the values, not on their order", "[analysis][summary][determinism]") {
    auto v = draw(100000, [](std::mt19937_64& r) { return std::lognormal_distribution<double>(1, 1.5)(r); });
    const Stat ascending = [&] {
        auto sorted = v;
        std::sort(sorted.begin(), sorted.end());
        return streamed(sorted);
    }();
    const Stat descending = [&] {
        auto sorted = v;
        std::sort(sorted.rbegin(), sorted.rend());
        return streamed(sorted);
    }();
    const Stat shuffled = streamed(v);
    for (const Stat* s : {&descending, &shuffled}) {
        CHECK(s->median == ascending.median);
        CHECK(s->p10 == ascending.p10);
        CHECK(s->p90 == ascending.p90);
        CHECK(s->mean == Approx(ascending.mean).epsilon(1e-14));
    }
}

TEST_CASE("clear() starts a new point", "[analysis][summary]") {
    StreamingStat st;
    for (int i = 0; i < 20000; ++i) st.add(i);
    REQUIRE(st.binned());
    st.clear();
    CHECK_FALSE(st.binned());
    st.add(5);
    st.add(7);
    const Stat s = st.stat();
    CHECK(s.n == 2);
    CHECK(s.mean == 6);
    CHECK(s.median == 6);
}

TEST_CASE("infinite values take the ends of the order", "[analysis][summary]") {
    std::vector<double> v(20000, 1.0);
    for (std::size_t i = 0; i < 3000; ++i) v[i] = std::numeric_limits<double>::infinity();
    const Stat s = streamed(v);
    CHECK(s.median == 1);
    CHECK(s.p90 == std::numeric_limits<double>::infinity());
    CHECK(s.mean == std::numeric_limits<double>::infinity());
}
