#pragma once
/// `run --series`: every hazard, service, demand and outcome of a run at tick resolution, true and
/// as each forum's joint situational picture knew it, for an analyst to plot.

#include <ostream>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::cli {

/// One column per quantity: `hazard.ID` (intensity), `service.ID` (true level), `demand.ID` (per
/// hour now), `outcome.ID` (accumulated), `known.FORUM.ID` (the level in the forum's latest picture,
/// empty where it knew nothing) and `known_age_h.FORUM.ID` (how old that observation was). The
/// run's world must keep its detail (Options::worldDetail).
void writeSeriesCsv(std::ostream& out, const exercise::Exercise& run);
/// The same as one JSON document, by column: `t_ms`, `time` and `series` [{name, kind, id, forum?,
/// unit, values}].
void writeSeriesJson(std::ostream& out, const exercise::Exercise& run);

}  // namespace samverkan::cli
