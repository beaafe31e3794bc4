// Frames bind and messages are joint only when agreed (R11, R15), in runs of the shipped snowstorm:
// orders and measures of the coordinating forum against the directing forum's frames, a scenario
// that allows deviations, and what a joint or an own message does to the world.
#include <fstream>

#include "sim/eval/Findings.hpp"
#include "sim/eval/Metrics.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;
using protocol::RefusalCode;

namespace {
const std::string kDirecting = "regionalt-inriktande-forum", kCoordinating = "regionalt-samordnande-forum";

// The reference play run until the directing forum has set both its frames.
std::unique_ptr<exercise::Exercise> afterFrames(const scenario::Scenario& s) {
    auto run = std::make_unique<exercise::Exercise>(s, exercise::Options{});
    run->runUntil(3 * kHour);
    REQUIRE(all(*run, "frame-set", kDirecting).size() == 2);
    return run;
}

protocol::AgreeDecision clearingOrder(const std::string& id, std::vector<std::string> order) {
    protocol::AgreeDecision d{
        "trafikverket",  kCoordinating, id, "priorities", "", {"Egen röjningsordning.", "Our own clearing order."},
        {"trafikverket"}};
    d.measure = "snow-clearing-priority";
    if (!order.empty()) d.args = {{"order", 0, std::move(order)}};
    return d;
}

const std::vector<std::string> kFrame{"rail", "trunk-bus-streets", "bus-streets", "main-roads", "local-streets"};

scenario::Scenario withDeviations() {
    auto text = [] {
        std::ifstream in("scenarios/snowstorm.yaml");
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    }();
    const auto at = text.find("seed: 2026\n");
    REQUIRE(at != std::string::npos);
    text.insert(at, "frames: {deviations: allowed}\n");
    auto loaded = scenario::loadScenarioText("scenarios/snowstorm-deviations.yaml", text);
    INFO((loaded.diagnostics.empty() ? std::string{} : loaded.diagnostics.front().str()));
    REQUIRE(loaded.ok());
    return std::move(*loaded.value);
}
}  // namespace

TEST_CASE("R11: the coordinating forum's order or measure against the directing frame is refused with the reason",
          "[exercise][R11][limits]") {
    REQUIRE_FALSE(shipped("snowstorm").frameDeviationsAllowed);
    auto run = afterFrames(shipped("snowstorm"));
    // Leaving out an item the frame ranks.
    const auto omitted = run->submit(protocol::SetPriorities{
        "trafikverket", kCoordinating, "snow-clearing", {"rail", "trunk-bus-streets", "bus-streets", "main-roads"}});
    CHECK(omitted.refusal.code == RefusalCode::frameOmission);
    CHECK(run->renderer().refusal(omitted.refusal).en ==
          "Regional directing forum has set the frame for Snow clearing, which ranks Local streets; Regional "
          "coordinating "
          "forum works within that frame and cannot leave Local streets out (R11).");
    // A measure whose order argument puts the main roads before rail.
    const auto measure =
        run->submit(clearingOrder("own-order", {"main-roads", "rail", "trunk-bus-streets", "bus-streets", "local-streets"}));
    CHECK(measure.refusal.code == RefusalCode::frameViolation);
    CHECK(measure.refusal.args ==
          std::vector<std::string>{kDirecting, "snow-clearing", "rail", "main-roads", kCoordinating});
    CHECK(run->cooperation().decision("own-order") == nullptr);
    // An order argument that leaves out a ranked item breaks the frame too.
    CHECK(run->submit(clearingOrder("short-order", {"rail", "trunk-bus-streets", "bus-streets", "main-roads"})).refusal.code ==
          RefusalCode::frameOmission);
    // Within the frame (its order, or the measure's default, which is the frame's) both are accepted.
    CHECK(run->submit(clearingOrder("frame-order", kFrame)).accepted);
    CHECK(run->submit(clearingOrder("default-order", {})).accepted);
    CHECK(run->submit(protocol::SetPriorities{"trafikverket", kCoordinating, "snow-clearing", kFrame}).accepted);
    run->runToEnd();
    CHECK_FALSE(has(*run, "frame-violation"));
    // Refused orders show among the findings; nothing was accepted against the frame, so the score holds.
    const auto ev = eval::evaluate(*run);
    CHECK(ev.frameViolations == 0);
    CHECK(ev.score == Approx(100));
    CHECK(std::count_if(ev.findings.begin(), ev.findings.end(),
                        [](const eval::Finding& f) { return f.action == "refused"; }) >= 3);
}

TEST_CASE("R11: where the scenario allows deviations they are accepted, journalled, found and cost the score",
          "[exercise][R11]") {
    const auto s = withDeviations();
    REQUIRE(s.frameDeviationsAllowed);
    auto cleanRun = afterFrames(s);
    cleanRun->runToEnd();
    const auto clean = eval::evaluate(*cleanRun);
    REQUIRE(clean.score == Approx(100));  // the reference play stays within the frames
    auto run = afterFrames(s);
    REQUIRE(
        run->submit(protocol::SetPriorities{
                        "trafikverket", kCoordinating, "snow-clearing", {"rail", "trunk-bus-streets", "bus-streets", "main-roads"}})
            .accepted);
    REQUIRE(
        run->submit(clearingOrder("own-order", {"main-roads", "rail", "trunk-bus-streets", "bus-streets", "local-streets"})).accepted);
    run->runToEnd();
    const auto violations = all(*run, "frame-violation", kCoordinating);
    REQUIRE(violations.size() == 2);
    CHECK(violations[0].as<protocol::FrameViolated>()->omitted);
    CHECK(violations[0].as<protocol::FrameViolated>()->first == "local-streets");
    CHECK(violations[1].ref == "own-order");
    CHECK(violations[1].as<protocol::FrameViolated>()->decision == "own-order");
    CHECK(text(*run, violations[1])
              .en.find("– Rail traffic before Main roads – but Regional coordinating forum puts Main roads before Rail "
                       "traffic in its decision.") != std::string::npos);
    CHECK(line(*run, violations[0])
              .find("\"data\":{\"frame_forum\":\"regionalt-inriktande-forum\",\"list\":\"snow-clearing\",\"omitted\":"
                    "\"local-streets\"}") != std::string::npos);
    const auto ev = eval::evaluate(*run);
    CHECK(ev.frameViolations == 2);
    CHECK(std::count_if(ev.findings.begin(), ev.findings.end(), [](const eval::Finding& f) {
              return f.action == "frame-violation" && f.status == eval::Status::unexpected;
          }) == 2);
    CHECK(ev.score == Approx(clean.score - 2 * eval::kFrameViolationCost));
    CHECK(ev.explanation.en.find("Deviations from the frames: 2 × 10 points off (R11).") != std::string::npos);
    CHECK(eval::measure(*run).frameViolations == 2);
}

TEST_CASE("R15: a joint message reaches the world as joint only once its senders consented – one actor's is its own",
          "[exercise][R15]") {
    exercise::Exercise run(shipped("snowstorm"), exercise::Options{});
    run.runUntil(kHour);
    const auto jointEffects = [&](world::EffectTrigger on) {
        std::vector<Millis> at;
        for (const auto& a : run.world()->applied())
            if (run.world()->spec().effects[a.effect].on == on) at.push_back(a.t);
        return at;
    };
    // SL's duty traffic manager has no public-message mandate at the coordinating level: SL consults first (30 min).
    REQUIRE(run.submit(protocol::SendPublicMessage{"lansstyrelsen",
                                                   kCoordinating,
                                                   {"Res inte i morgon.", "Do not travel tomorrow."},
                                                   "early",
                                                   {"lansstyrelsen", "sl"}})
                .accepted);
    CHECK(jointEffects(world::EffectTrigger::jointPublicMessage).empty());
    CHECK(all(run, "public-message").empty());
    run.runUntil(kHour + 29 * kMinute);
    CHECK(jointEffects(world::EffectTrigger::jointPublicMessage).empty());
    run.runUntil(kHour + 31 * kMinute);
    CHECK(jointEffects(world::EffectTrigger::jointPublicMessage) == std::vector<Millis>{kHour + 30 * kMinute});
    CHECK(first(run, "public-message", kCoordinating, "early").as<protocol::PublicMessage>()->joint);
    // The Police alone, in the same forum: their own message, with the own message's effect.
    REQUIRE(run.submit(protocol::SendPublicMessage{
                           "polisen", kCoordinating, {"Undvik bilen.", "Avoid the car."}, {}, {"polisen"}})
                .accepted);
    CHECK(jointEffects(world::EffectTrigger::ownPublicMessage) == std::vector<Millis>{run.now()});
    CHECK(jointEffects(world::EffectTrigger::jointPublicMessage).size() == 1);
    run.runToEnd();
    const auto m = eval::measure(run);
    CHECK(m.jointMessages == 2);  // this one and the directing forum's
    CHECK(m.publicMessages == 3);
}
