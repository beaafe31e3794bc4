#pragma once
/// The summary of one metric at one point of a sweep (n, mean, median, 10th and 90th percentile),
/// built one value at a time in bounded memory, so that a sweep's summaries cost the same at
/// 1 000 and at 1 000 000 runs a point.
///
/// Up to kExactValues values it keeps them all and answers exactly as percentile() on the sorted
/// values. Past that it keeps a histogram of kBins bins of equal width w = 2^e, aligned on
/// multiples of w, with each bin's count, smallest and largest value; e is the smallest exponent at
/// which every value seen fits in kBins consecutive bins (never finer than the doubles' own
/// resolution). An order statistic is read from its bin: exactly the bin's smallest or largest
/// value at the bin's ends, interpolated between them inside. So each estimated percentile is
/// within one bin's spread of the exact one:
///     |estimate − exact| < w ≤ max(2 (max − min) / (kBins − 1), 2^-52 · max(|min|, |max|))
/// i.e. less than 1/2047 of the metric's range at that point, and exact for a metric with at most
/// one distinct value a bin (counts, a forum that always meets at the same hour). The histogram
/// depends only on which values were added, not on their order.

#include <cstddef>
#include <cstdint>
#include <vector>

namespace samverkan::analysis {

/// Percentile summary of one metric at one point (missing values left out; n counts the rest).
struct Stat {
    std::size_t n = 0;
    double mean = 0, median = 0, p10 = 0, p90 = 0;
};

/// Linear interpolation between closest ranks (the usual "type 7"), on sorted values.
double percentile(const std::vector<double>& sorted, double p);

class StreamingStat {
public:
    /// Values kept exactly; the percentiles of up to this many values are exact.
    static constexpr std::size_t kExactValues = 10000;
    /// Bins of the histogram past kExactValues (a power of two).
    static constexpr std::int64_t kBins = 4096;

    /// Adds one value; NaN (a missing value) is left out.
    void add(double value);
    /// The summary of the values added so far (NaN statistics if there are none).
    [[nodiscard]] Stat stat() const;
    /// Forgets every value (keeping the memory for the next point).
    void clear();
    /// True once the values no longer fit kExactValues and the histogram holds them.
    [[nodiscard]] bool binned() const { return m_binned; }
    /// The histogram's bin width (0 while exact): the bound on each percentile's error.
    [[nodiscard]] double binWidth() const;

private:
    struct Bin {
        std::uint64_t count = 0;
        double lo = 0, hi = 0;  ///< the smallest and largest value in the bin
    };
    void toBins();
    void rebin(int exponent);
    void addToBin(double value);
    [[nodiscard]] double orderStatistic(std::size_t j) const;  ///< the j-th smallest (0-based), from the histogram

    std::size_t m_n = 0;
    double m_sum = 0, m_compensation = 0;  // Neumaier's compensated sum, in the order values came
    std::vector<double> m_exact;
    bool m_binned = false;
    double m_min = 0, m_max = 0;
    std::uint64_t m_negativeInfinities = 0, m_positiveInfinities = 0;
    int m_exponent = 0;           // the bin width is 2^m_exponent
    std::int64_t m_firstBin = 0;  // the index (value / width, rounded down) of m_bins[0]
    std::vector<Bin> m_bins;
};

}  // namespace samverkan::analysis
