#include "gui/app/Session.hpp"

#include <cmath>

namespace samverkan::gui {

bool Session::load(const std::string& path) {
    auto loaded = scenario::loadScenario(path);
    diagnostics = loaded.diagnostics;
    if (!loaded.ok()) {
        scenario.reset();
        return false;
    }
    scenarioPath = path;
    scenario = std::make_unique<scenario::Scenario>(std::move(*loaded.value));
    if (role.empty() || scenario->region.actorIndex(role) == model::kNone) role = scenario->region.convener;
    return true;
}

void Session::start() {
    exercise::Options o;
    o.playName = scenario->play(playName) ? playName : "none";
    if (!control) o.trainees = {role};
    run = std::make_unique<exercise::Exercise>(*scenario, o);
    seenEntries = 0;
}

const std::string& Session::actingRole() const { return control ? protocol::kControl : role; }

bool Session::submit(protocol::Command command) {
    const auto answer = run->submit(command, control ? "control" : "trainee");
    lastAnswer = answer.accepted ? std::string(t("Godtaget.", "Accepted.")) : answer.reason.in(lang);
    return answer.accepted;
}

void Session::advance(double realSeconds) {
    if (!run || run->finished() || speed == 0) return;
    // A decision point for the trainee's role stops the clock until it is answered.
    for (const auto& p : run->openDecisionPoints())
        if (!control && scenario->decisionPoints[p.index].role == role) return;
    const auto step = static_cast<engine::Millis>(std::llround(realSeconds * speed * 1000.0));
    run->runUntil(run->now() + std::max<engine::Millis>(step, 1));
}

}  // namespace samverkan::gui
