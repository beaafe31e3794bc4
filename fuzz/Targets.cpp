#include "fuzz/Targets.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "sim/exercise/Exercise.hpp"
#include "sim/exercise/JournalReader.hpp"
#include "sim/scenario/Scenario.hpp"

namespace samverkan::fuzz {
namespace {

const std::string kRoot = SAMVERKAN_SOURCE_DIR;

// How far a journal's run is taken again: enough for the first injects, decision points and
// conferences of every shipped scenario, short enough for thousands of runs a second.
constexpr engine::Millis kReplayHorizon = 6 * engine::kHour;

[[noreturn]] void broken(const char* what, const std::string& detail) {
    std::fprintf(stderr, "fuzz: broken promise: %s: %s\n", what, detail.c_str());
    std::abort();
}

// A loader promises a value with no diagnostics, or diagnostics that say where (1-based, or 0 for
// the whole file) and what.
template <class T>
void checkLoaded(const scenario::Loaded<T>& loaded, const char* loader) {
    if (!loaded.value && loaded.diagnostics.empty()) broken(loader, "no value and no diagnostic");
    for (const auto& d : loaded.diagnostics) {
        if (d.file.empty() || d.message.empty()) broken(loader, "a diagnostic without file or message: " + d.str());
        if (d.line < 0 || d.column < 0) broken(loader, "a diagnostic at a negative position: " + d.str());
    }
}

// The shipped scenarios, loaded once.
const std::vector<std::shared_ptr<const scenario::Scenario>>& shipped() {
    static const auto all = [] {
        std::vector<std::shared_ptr<const scenario::Scenario>> out;
        for (const char* name : {"snowstorm", "demonstration", "improvement-project"}) {
            auto loaded = scenario::loadScenario(kRoot + "/scenarios/" + name + ".yaml");
            if (!loaded.ok()) broken("setup", "a shipped scenario does not load: " + loaded.diagnostics.front().str());
            out.push_back(std::make_shared<const scenario::Scenario>(std::move(*loaded.value)));
        }
        return out;
    }();
    return all;
}

}  // namespace

void runScenario(const std::string& input) {
    checkLoaded(scenario::loadScenarioText(kRoot + "/scenarios/fuzz-input.yaml", input), "loadScenarioText");
}

void runRegion(const std::string& input) {
    checkLoaded(scenario::loadRegionText(kRoot + "/scenarios/regions/fuzz-input.yaml", input), "loadRegionText");
}

void runMap(const std::string& input) {
    static const auto region = [] {
        auto loaded = scenario::loadRegion(kRoot + "/scenarios/regions/stockholm.yaml");
        if (!loaded.ok()) broken("setup", "the shipped region does not load: " + loaded.diagnostics.front().str());
        return std::move(*loaded.value);
    }();
    checkLoaded(scenario::loadAreaMapText(kRoot + "/assets/maps/fuzz-input.yaml", input, region), "loadAreaMapText");
}

void runPlay(const std::string& input) {
    for (const auto& s : shipped())
        checkLoaded(scenario::loadPlayText(kRoot + "/scenarios/fuzz-input.play.yaml", input, *s), "loadPlayText");
}

void runJournal(const std::string& input) {
    const auto read = exercise::readJournalText(kRoot + "/fuzz-input.jsonl", input);
    checkLoaded(read, "readJournalText");
    if (!read.ok()) return;
    // Run it again as replay does, but against a scenario already loaded: the journal's own file
    // name is never opened.
    const auto& j = *read.value;
    const auto& all = shipped();
    auto chosen = all.front();
    for (const auto& s : all)
        if (s->id == j.header.scenarioId) chosen = s;
    if (!j.header.variant.empty()) {
        auto varied = std::make_shared<scenario::Scenario>(*chosen);
        if (!varied->applyVariant(j.header.variant)) return;
        chosen = std::move(varied);
    }
    if (j.header.play != "none" && chosen->play(j.header.play) == nullptr) return;
    exercise::Options options;
    options.seed = j.header.seed;
    options.playName = j.header.play;
    options.trainees = j.header.trainees;
    exercise::Exercise run(chosen, options);
    for (const auto& c : j.inputs) run.submitAt(c.at, c.command, c.source);
    run.runUntil(std::min(j.ended ? chosen->duration : j.lastTime, kReplayHorizon));
}

const std::vector<NamedTarget>& targets() {
    static const std::vector<NamedTarget> all{
        {"scenario", &runScenario}, {"region", &runRegion}, {"map", &runMap}, {"play", &runPlay}, {"journal", &runJournal}};
    return all;
}

}  // namespace samverkan::fuzz
