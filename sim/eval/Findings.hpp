#pragma once
/// The scenario's expected actions checked against the journal: on time, late by how much,
/// missing, or unexpected — each citing the journal entries behind it — and a score per
/// objective and overall (0–100), each explained.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::eval {

using engine::Millis;
using model::Text;

enum class Status { onTime, late, missing, unexpected };

/// "on-time", "late", "missing", "unexpected".
const char* statusName(Status s);

/// One expected action and what the journal shows of it, or one unexpected action.
struct Finding {
    Status status = Status::missing;
    std::string inject;     ///< the inject whose expectation this is
    std::string action;     ///< e.g. "activate"
    std::string actor, forum;
    std::string objective;
    std::vector<std::string> focus;  ///< MSB's focus areas of the objective
    Millis from = -1;   ///< start of the window
    Millis due = -1;    ///< end of the window
    Millis at = -1;     ///< when it happened
    Millis lateBy = 0;
    double score = 0;   ///< 1 on time, falling to 0 when late by the window's length again, 0 missing
    std::vector<std::uint64_t> entries;  ///< journal seq numbers behind the finding
    Text text;          ///< what a person reads
};

/// The score of one objective.
struct ObjectiveScore {
    std::string id;
    Text text;
    std::vector<std::string> focus;
    double score = 0;  ///< 0–100
    Text explanation;
};

/// Points off the score for each order accepted against a higher level's frame (R11).
inline constexpr double kFrameViolationCost = 10;

/// The whole evaluation of a run.
struct Evaluation {
    std::vector<Finding> findings;
    std::vector<ObjectiveScore> objectives;
    /// 0–100: the mean of the objectives (of all expectations when none are named), less
    /// kFrameViolationCost for each frame violation (never below 0).
    double score = 0;
    int frameViolations = 0;  ///< orders accepted against a frame (findings with action "frame-violation")
    Text explanation;
};

/// Evaluates a run against its scenario's expectations.
Evaluation evaluate(const exercise::Exercise& run);

}  // namespace samverkan::eval
