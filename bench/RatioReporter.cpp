#include "bench/RatioReporter.hpp"

namespace samverkan::bench {

namespace {

// "BM_X/1000/iterations:1/real_time" → "BM_X", "1000".
std::pair<std::string, std::string> nameAndArgument(const std::string& name) {
    const auto slash = name.find('/');
    if (slash == std::string::npos) return {name, ""};
    const auto next = name.find('/', slash + 1);
    return {name.substr(0, slash), name.substr(slash + 1, next == std::string::npos ? std::string::npos : next - slash - 1)};
}

}  // namespace

void RatioTable::collect(const std::vector<benchmark::BenchmarkReporter::Run>& runs) {
    // Single runs, or the median when repetitions are aggregated.
    for (const auto& run : runs) {
        if (run.error_occurred) continue;
        if (run.run_type == benchmark::BenchmarkReporter::Run::RT_Aggregate && run.aggregate_name != "median") continue;
        const auto items = run.counters.find("items_per_second");
        if (items != run.counters.end() && run.run_name.str().rfind("BM_SweepMemory", 0) != 0)
            m_itemsPerSecond[run.run_name.str()] = items->second.value;
        const auto peak = run.counters.find("peak_rss_MB");
        if (peak != run.counters.end()) m_peakMemory[run.run_name.str()] = peak->second.value;
    }
}

void RatioTable::print(std::FILE* out) const {
    std::fprintf(out, "\nEngine vs bare std::priority_queue (items per second, same run):\n");
    for (const auto& [name, rate] : m_itemsPerSecond) {
        if (name.rfind("BM_HoldEngine/", 0) != 0) continue;
        const std::string arg = name.substr(name.find('/'));
        const auto bare = m_itemsPerSecond.find("BM_HoldBareHeap" + arg);
        if (bare == m_itemsPerSecond.end() || bare->second <= 0) continue;
        std::fprintf(out, "  N=%-7s engine %6.2f M/s  bare %6.2f M/s  ratio %.2f\n", arg.substr(1).c_str(), rate / 1e6, bare->second / 1e6,
                     rate / bare->second);
    }
    for (const auto& [name, rate] : m_itemsPerSecond) {
        if (name.rfind("BM_HoldSimPy/", 0) != 0 || rate <= 0) continue;
        const std::string arg = name.substr(name.find('/'), name.find('/', name.find('/') + 1) - name.find('/'));
        const auto ours = m_itemsPerSecond.find("BM_HoldEngine" + arg);
        if (ours == m_itemsPerSecond.end()) continue;
        std::fprintf(out, "\nEngine vs the same hold model in python3-simpy (same run):\n  N=%-7s engine %6.2f M/s  SimPy %6.3f M/s  ratio %.0f\n",
                     arg.substr(1).c_str(), ours->second / 1e6, rate / 1e6, ours->second / rate);
    }
    // Each sweep's peak memory against the 1 000-run sweep of the same kind.
    bool heading = false;
    for (const auto& [name, peak] : m_peakMemory) {
        const auto [base, runs] = nameAndArgument(name);
        std::string baseline;
        for (const auto& [other, otherPeak] : m_peakMemory)
            if (nameAndArgument(other) == std::make_pair(base, std::string("1000"))) baseline = other;
        if (baseline.empty() || m_peakMemory.at(baseline) <= 0) continue;
        if (!heading) std::fprintf(out, "\nSweep peak resident memory vs the 1 000-run sweep (same run):\n"), heading = true;
        std::fprintf(out, "  %-24s runs=%-8s peak %8.1f MB  ratio %.2f\n", base.c_str(), runs.c_str(), peak, peak / m_peakMemory.at(baseline));
    }
}

}  // namespace samverkan::bench
