#pragma once
/// What a run measured: escalation timing from the first signal, composition of the forums,
/// contact surfaces (R15) and the world's outcomes. Computed from the journal and the world.

#include <cstdint>
#include <string>
#include <vector>

#include "sim/exercise/Exercise.hpp"

namespace samverkan::eval {

using engine::Millis;
using model::Text;

/// When something first happened, counted from the first signal; `at` is -1 if it never did.
struct Timing {
    std::string id;     ///< forum, decision or actor id
    Text label;
    Millis at = -1;     ///< simulated time
    Millis sinceSignal = -1;
    std::uint64_t seq = 0;  ///< the journal entry behind it
};

/// An actor the scenario says is affected, and when it first sat in an activated forum.
struct Presence {
    std::string actor;
    Text name;
    Millis joined = -1;
    std::string forum;
};

/// How one service stood in the forums' joint situational pictures, over every picture compiled.
struct ServicePicture {
    std::string id;
    Text name;
    int pictures = 0;  ///< pictures compiled
    int known = 0;     ///< of them, those that knew the service from a member's report
    /// Age of what a picture knew of it (compiled − observed), over the pictures that knew it. Hours; -1: never known.
    double ageMeanHours = -1, ageMaxHours = -1;
    /// Error of what a picture knew of it: |known − true level| at compilation, over the same pictures; -1: never known.
    double errorMean = -1, errorMax = -1;
};

/// The alerting chain (förordning 2017:870, 2 §), each step from the first signal; held against the
/// region's benchmarks (SSR's 15–20 minutes, Drottninggatan's 15 and 67 minutes).
struct AlertingTimes {
    Timing dutyOfficerAnswered;  ///< the convener's duty officer answered its first alert
    Timing verified;             ///< the first verification of a signal
    Timing firstInformation;     ///< the first information sent out through the functions on call
    Timing informedAll;          ///< every actor with a function on call (the convener aside) had information
    int informed = 0, toInform = 0;  ///< of those actors: how many had information by the end, of how many
    Timing firstConference;      ///< the first meeting of an activated forum
};

/// The measurements of one run.
struct Metrics {
    Millis firstSignal = -1;  ///< the first inject
    std::uint64_t firstSignalSeq = 0;
    std::vector<Timing> activations;     ///< per activated forum that met: its first meeting
    AlertingTimes alerting;
    Timing firstCoordinatedDecision;     ///< the first decision agreed in a forum
    std::vector<Timing> decisions;       ///< every decision agreed in a forum, in order: the stages of the work
    Timing firstPublicMessage, firstJointMessage;
    std::vector<Timing> implementations; ///< per actor: when it had carried out all its coordinated decisions
    std::vector<Presence> affected;      ///< directly affected actors and when they were present
    int bilateralContacts = 0;  ///< contacts outside the forums (R15)
    int forumContacts = 0;      ///< decisions and conferences inside forums, and reports to a forum between its meetings
    int publicMessages = 0, jointMessages = 0;
    int ownDecisions = 0, coordinatedDecisions = 0;
    /// Duplicated work (R15): the same question settled separately — a decision's topic and the
    /// measure it decides, or a priority list's order — counted once for each place (a forum, or an
    /// organisation deciding on its own) that settled it after the first. Decisions sharing a topic
    /// but settling other questions do not count, nor do information-only decisions, a place
    /// settling its question again (a revision), or a lower level's order within a higher level's
    /// frame on the same list (R11).
    int duplicatedDecisions = 0;
    /// Orders accepted against a higher level's frame where the scenario allows deviations (R11).
    int frameViolations = 0;
    /// Age of the freshest joint situational picture over the event — every 5 minutes from the
    /// first signal until the hazards are over: now minus the oldest observation it rests on
    /// (minus the first signal while there is none). Hours.
    /// -1 when the scenario has no world model to picture.
    double pictureAgeMeanHours = -1, pictureAgeMaxHours = -1;
    int pictures = 0;
    /// Per service of the world model, in its order: picture age and error at each compilation.
    std::vector<ServicePicture> servicePictures;
    /// The same over all services: the mean and the worst error of every known entry of every picture. -1: none.
    double pictureErrorMean = -1, pictureErrorMax = -1;
    int reportsMade = 0;    ///< reports to forums, by trainees, plays and doctrine
    /// Reports missed: at each picture, the members who observe a service and had made no report to
    /// that forum since its previous picture (at its first: ever).
    int reportsMissed = 0;
    struct Outcome {
        std::string id;
        Text name;
        std::string unit;
        double value = 0;
    };
    std::vector<Outcome> outcomes;
};

/// Measures a run (finished or not).
Metrics measure(const exercise::Exercise& run);

/// One time of the alerting chain held against one of the region's benchmarks.
struct BenchmarkComparison {
    std::string benchmark;  ///< the benchmark's id
    Text name;
    std::string step;       ///< "information" (to all actors) or "conference" (the first one)
    Millis measured = -1;   ///< from the first signal; -1: it never happened
    Millis lo = -1, hi = -1;
    /// -1 faster than the benchmark, 0 within it, 1 slower, 2 never happened.
    int verdict = 2;
    std::string source;
};

/// The run's alerting times against each of the region's benchmarks, in the region's order.
std::vector<BenchmarkComparison> compareAlerting(const Metrics& m, const model::Region& region);

}  // namespace samverkan::eval
