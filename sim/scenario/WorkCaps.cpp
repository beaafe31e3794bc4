// The work a scenario implies — its length, the world model's time series, the conferences its
// forums hold — capped so that one run, and a sweep of thousands, stays within a machine's means.
// Each cap has its own diagnostic naming what to change.
#include "sim/scenario/ScenarioReading.hpp"

namespace samverkan::scenario {

namespace {

std::string days(std::int64_t n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

// A node of the scenario's root if present, else the root (for the diagnostic's position).
YAML::Node at(const YamlDocument& doc, std::initializer_list<const char*> path) {
    YAML::Node found = doc.root();
    for (const char* key : path) {
        if (!found.IsMap() || !found[key]) return found;
        found = found[key];
    }
    return found;
}

}  // namespace

void checkWork(YamlDocument& doc, const Scenario& s, const Limits& limits) {
    const engine::Millis cap = limits.maxDurationDays * engine::kDay;
    if (s.duration > cap) {
        doc.error(at(doc, {"duration"}), "duration " + engine::formatDuration(s.duration) + " is longer than the cap of " +
                                             days(limits.maxDurationDays) + " on a scenario's length");
        return;  // the other caps follow from the duration
    }
    if (s.world && s.world->tick > 0) {
        const auto ticks = static_cast<std::size_t>(s.duration / s.world->tick) + 1;
        const std::size_t series = s.world->hazards.size() + s.world->services.size();
        if (series > 0 && ticks > limits.maxWorldSamples / series)
            doc.error(at(doc, {"world", "tick"}),
                      "the world model's " + std::to_string(s.world->hazards.size()) + " hazards and " +
                          std::to_string(s.world->services.size()) + " services, sampled every " + engine::formatDuration(s.world->tick) +
                          " for " + engine::formatDuration(s.duration) + ", make " + std::to_string(ticks * series) +
                          " samples, more than the cap of " + std::to_string(limits.maxWorldSamples) +
                          "; make the tick longer, the scenario shorter or the model smaller");
    }
    std::size_t conferences = 0;
    std::string busiest;
    engine::Millis busiestInterval = 0;
    for (std::size_t f = 0; f < s.region.forums.size(); ++f) {
        const engine::Millis interval = s.region.conferenceInterval(static_cast<model::ForumIndex>(f));
        if (interval <= 0) continue;
        conferences += static_cast<std::size_t>(s.duration / interval);
        if (busiest.empty() || interval < busiestInterval) {
            busiest = s.region.forums[f].id;
            busiestInterval = interval;
        }
    }
    if (conferences > limits.maxConferences)
        doc.error(at(doc, {"duration"}), "the forums' conference intervals (the shortest: '" + busiest + "' every " +
                                             engine::formatDuration(busiestInterval) + ") would hold up to " + std::to_string(conferences) +
                                             " conferences over " + engine::formatDuration(s.duration) + ", more than the cap of " +
                                             std::to_string(limits.maxConferences) + "; make the intervals longer or the scenario shorter");
}

}  // namespace samverkan::scenario
