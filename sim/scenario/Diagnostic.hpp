#pragma once
/// Problems found in an input file, reported GCC-style: `file:line:col: error: message` (1-based).

#include <optional>
#include <cstdint>
#include <string>
#include <vector>

namespace samverkan::scenario {

/// One problem at one place in one file.
struct Diagnostic {
    std::string file;
    int line = 0;    ///< 1-based; 0 when the problem concerns the whole file
    int column = 0;  ///< 1-based
    std::string message;
    /// "file:line:col: error: message"
    [[nodiscard]] std::string str() const;
};

/// Sorts by file, line and column, keeping the order of problems found at the same place.
void sortDiagnostics(std::vector<Diagnostic>& diagnostics);

/// A loaded value, or the problems that stopped it loading.
template <class T>
struct Loaded {
    std::optional<T> value;
    std::vector<Diagnostic> diagnostics;
    [[nodiscard]] bool ok() const { return value.has_value() && diagnostics.empty(); }
};

/// Limits that keep a hostile or broken file from exhausting time or memory.
struct Limits {
    std::size_t maxFileBytes = 1024 * 1024;  ///< 1 MiB
    int maxDepth = 32;                       ///< nesting of mappings and sequences
    std::size_t maxNodes = 200000;           ///< nodes visited, counting every alias expansion
    std::size_t maxEvents = 10000;           ///< injects + decision points + play steps
    std::size_t maxTextBytes = 8 * 1024 * 1024;  ///< scalar bytes read, counting every alias expansion
    // The work a scenario implies, capped so that a sweep of it stays within a machine's means.
    std::int64_t maxDurationDays = 1096;     ///< a scenario's length: three years (an ordinary-mode project runs for years)
    std::size_t maxWorldSamples = 2000000;   ///< world ticks × (hazards + services): the run's time series
    std::size_t maxConferences = 50000;      ///< conferences the forums' intervals imply if activated throughout
    /// Points in a map's borders file: a dozen times what the shipped one holds; cutting a ring of
    /// that many into triangles takes about a quarter of a second.
    std::size_t maxBorderPoints = 10000;
};

}  // namespace samverkan::scenario
