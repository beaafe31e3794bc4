#include "bench/RatioReporter.hpp"

#include <cstdio>

namespace samverkan::bench {

void RatioReporter::ReportRuns(const std::vector<Run>& runs) {
    // Single runs, or the median when repetitions are aggregated.
    for (const auto& run : runs) {
        if (run.error_occurred) continue;
        if (run.run_type == Run::RT_Aggregate && run.aggregate_name != "median") continue;
        const auto it = run.counters.find("items_per_second");
        if (it != run.counters.end()) m_itemsPerSecond[run.run_name.str()] = it->second.value;
    }
    ConsoleReporter::ReportRuns(runs);
}

void RatioReporter::Finalize() {
    ConsoleReporter::Finalize();
    std::printf("\nEngine vs bare std::priority_queue (items per second, same run):\n");
    for (const auto& [name, rate] : m_itemsPerSecond) {
        if (name.rfind("BM_HoldEngine/", 0) != 0) continue;
        const std::string arg = name.substr(name.find('/'));
        const auto bare = m_itemsPerSecond.find("BM_HoldBareHeap" + arg);
        if (bare == m_itemsPerSecond.end() || bare->second <= 0) continue;
        std::printf("  N=%-7s engine %6.2f M/s  bare %6.2f M/s  ratio %.2f\n", arg.substr(1).c_str(), rate / 1e6,
                    bare->second / 1e6, rate / bare->second);
    }
    for (const auto& [name, rate] : m_itemsPerSecond) {
        if (name.rfind("BM_HoldSimPy/", 0) != 0 || rate <= 0) continue;
        const std::string arg = name.substr(name.find('/'), name.find('/', name.find('/') + 1) - name.find('/'));
        const auto ours = m_itemsPerSecond.find("BM_HoldEngine" + arg);
        if (ours == m_itemsPerSecond.end()) continue;
        std::printf("\nEngine vs the same hold model in python3-simpy (same run):\n  N=%-7s engine %6.2f M/s  SimPy %6.3f M/s  ratio %.0f\n",
                    arg.substr(1).c_str(), ours->second / 1e6, rate / 1e6, ours->second / rate);
    }
}

}  // namespace samverkan::bench
