#pragma once
// A console reporter that also prints, at the end, our engine's speed as a ratio of the bare heap's.
#include <benchmark/benchmark.h>

#include <map>
#include <string>

namespace samverkan::bench {

class RatioReporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override;
    void Finalize() override;

private:
    std::map<std::string, double> m_itemsPerSecond;  // by benchmark name
};

}  // namespace samverkan::bench
