#pragma once
// Reporters that also print, at the end, figures as ratios of others measured in the same run: our
// engine's speed against the bare heap's (and SimPy's), and a sweep's peak memory against the
// 1 000-run sweep's. After the console's table on standard output; after JSON on standard error,
// so that standard output stays JSON (--benchmark_format=json).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <map>
#include <string>
#include <vector>

namespace samverkan::bench {

/// The figures the ratios are made of, by benchmark name: single runs, or medians of repetitions.
class RatioTable {
public:
    void collect(const std::vector<benchmark::BenchmarkReporter::Run>& runs);
    void print(std::FILE* out) const;

private:
    std::map<std::string, double> m_itemsPerSecond, m_peakMemory;
};

/// `Base` (benchmark's ConsoleReporter or JSONReporter) with the ratios at the end.
template <class Base>
class WithRatios : public Base {
public:
    explicit WithRatios(std::FILE* ratiosTo) : m_to(ratiosTo) {}
    void ReportRuns(const std::vector<benchmark::BenchmarkReporter::Run>& runs) override {
        m_table.collect(runs);
        Base::ReportRuns(runs);
    }
    void Finalize() override {
        Base::Finalize();
        std::fflush(stdout);
        m_table.print(m_to);
    }

private:
    RatioTable m_table;
    std::FILE* m_to;
};

using RatioReporter = WithRatios<benchmark::ConsoleReporter>;

}  // namespace samverkan::bench
