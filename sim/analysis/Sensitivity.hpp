#pragma once
// One-at-a-time sensitivity of a scenario's outcomes to the world's uncertain figures: each figure
// whose source gives a plausible range ("assumption (range 0.02–0.1)") is set to the ends of its
// range, the others held, over the same seeds (common random numbers), and each outcome's swing
// and elasticity reported. Seeded and deterministic.

#include <string>
#include <vector>

#include "sim/scenario/Scenario.hpp"

namespace samverkan::analysis {

/// A world figure with a plausible range, found in its source.
struct RangedParam {
    std::string name;    ///< e.g. "local-streets.network.stuck_rate"
    std::string source;  ///< the figure's source, as written
    double base = 0, low = 0, high = 0;
};

/// Reads "range A–B" (or "A-B", with or without a unit after either number) from a source.
bool parseRange(const std::string& source, double& low, double& high);

/// Every figure of the world with a range in its source, in the world's order: those whose value
/// lies within the range and whose both ends give a world the loader would accept. Why any other
/// figure with a range is left out goes to `notVaried` (an area's share of a split figure, a
/// range that is not the figure's own, an end that breaks a rule of the model).
std::vector<RangedParam> rangedParams(const world::WorldSpec& world, std::vector<std::string>* notVaried = nullptr);

/// Sets the named figure to `value` in `world` (a per-area service's parts too); false if unknown.
bool setParam(world::WorldSpec& world, const std::string& name, double value);

/// What in `world` breaks a rule the loader holds a scenario to (closed_at deeper than
/// passable_to, resumes_above above withdrawn_below, …); empty if nothing.
std::string inconsistency(const world::WorldSpec& world);

/// One figure's effect on one outcome: the means over the runs at the ends of its range.
struct Swing {
    std::size_t param = 0;
    double atLow = 0, atHigh = 0;
    double swing = 0;       ///< |atHigh − atLow| / base mean (0 where the base is 0)
    double elasticity = 0;  ///< (Δoutcome / outcome) / (Δfigure / figure), over the whole range
};

struct SensitivityResult {
    std::vector<RangedParam> params;
    std::vector<std::string> outcomes;  ///< the world's outcome ids
    std::vector<double> baseMeans;      ///< per outcome, with every figure as given
    /// Per outcome: every figure's swing, largest first (ties in the world's order).
    std::vector<std::vector<Swing>> swings;
    std::size_t runs = 0;
    std::vector<std::string> notVaried;  ///< figures with a range left out, and why
};

struct SensitivityOptions {
    std::string play;              ///< a play name, or "doctrine"; empty: the scenario's default
    std::size_t runs = 10;         ///< seeds per setting: the scenario's seed, +1, …
    std::vector<std::string> only; ///< figures to vary (names); empty: all with a range
};

/// Runs the base and each figure at both ends of its range. Needs a world.
SensitivityResult sensitivity(const scenario::Scenario& scenario, const SensitivityOptions& options);

/// A tornado chart (SVG) of one outcome: each figure's bar from its low-end to its high-end mean,
/// around the base, the largest `top` swings.
std::string tornadoSvg(const SensitivityResult& result, std::size_t outcome, const std::string& title, std::size_t top = 12);

}  // namespace samverkan::analysis
