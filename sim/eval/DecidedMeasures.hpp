#pragma once
/// The measures a run decided, with what they did: who decided each, where, with what
/// parameters, how many of its actors have carried it out, and the modelled effects that took
/// hold (strength and timeliness). One reading for the console's review and the report.

#include <string>
#include <vector>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::eval {

using engine::Millis;

/// One effect of a decided measure as it took hold, summed over the actors who carried it out.
struct EffectTaken {
    std::size_t effect = 0;  ///< index into the world's effects
    double strength = 0;     ///< summed over the actors (1 = the whole measure, in good time)
    double timeliness = 1;   ///< the least of the actors' (1 = full, lower = came late)
};

/// One decision, agreed in a forum or taken alone.
struct DecidedMeasure {
    std::size_t entry = 0;  ///< index of its Decided entry in the journal
    Millis t = 0;
    std::string decision, by, forum, measure;  ///< forum "" when taken alone; measure "" when information only
    std::vector<model::MeasureArg> args;
    std::size_t actors = 0, carriedOut = 0;
    std::vector<EffectTaken> effects;  ///< empty when nothing took hold (yet, or too late)
};

/// The decisions of the run so far, in the order they were agreed or taken; only those `by`
/// decided when it is not empty.
std::vector<DecidedMeasure> decidedMeasures(const exercise::Exercise& run, const std::string& by = {});

}  // namespace samverkan::eval
