// Who may decide a measure, with what parameters, and how long it takes to carry out (R3, R10).
#include <catch2/catch.hpp>

#include "tests/protocol/Harness.hpp"

using namespace samverkan;
using namespace samverkan::test;
using protocol::Kind;
using protocol::RefusalCode;

namespace {

// Schools closed: decided by the municipalities, for their own areas, until some hours after the onset.
std::vector<model::Measure> catalogue() {
    model::Measure schools;
    schools.id = "schools";
    schools.name = {"Stäng skolor", "Close schools"};
    schools.deciders = {"kommuner"};
    schools.topic = "priorities";
    schools.implementation = 2 * kHour;
    schools.implementationBy = {{"kommun-b", 30 * kMinute}};
    model::MeasureParam areas;
    areas.id = "areas";
    areas.kind = model::ParamKind::areas;
    areas.choices = {"kommuner"};
    areas.defaultItems = {"kommuner"};
    model::MeasureParam until;
    until.id = "until";
    until.kind = model::ParamKind::until;
    until.min = 4;
    until.max = 48;
    until.defaultValue = 24;
    schools.params = {areas, until};
    return {schools};
}

protocol::AgreeDecision decide(std::string by, std::string forum, std::vector<std::string> actors, std::vector<model::MeasureArg> args = {}) {
    protocol::AgreeDecision d;
    d.by = std::move(by);
    d.forum = std::move(forum);
    static int next = 0;  // decision ids are unique within a run
    d.id = "d" + std::to_string(++next);
    d.topic = "information";  // a measure brings its own topic
    d.measure = "schools";
    d.text = {"Skolor stängs", "Schools close"};
    d.actors = std::move(actors);
    d.args = std::move(args);
    return d;
}

}  // namespace

TEST_CASE("R10: only the actors a measure names may decide it, each for its own organisation", "[rules][R10][measures]") {
    Harness h;
    h.scenario.measures = catalogue();  // the renderer names them from the scenario too
    h.coop.setMeasures(&h.scenario.measures);
    auto police = decide("polisen", "", {});
    police.id = "p";
    const auto refused = h.apply(police);
    CHECK_FALSE(refused.accepted);
    CHECK(refused.refusal.code == RefusalCode::notDecider);
    CHECK(refused.refusal.args == std::vector<std::string>{"schools", "polisen"});
    auto unknown = decide("kommun-a", "", {});
    unknown.measure = "no-such-measure";
    CHECK(h.apply(unknown).refusal.code == RefusalCode::unknownMeasure);
    auto own = decide("kommun-a", "", {});
    own.id = "own";
    REQUIRE(h.apply(own).accepted);
    // Deciding alone with no areas given: the measure covers the decider's own area only.
    const auto decisions = h.entries(Kind::ownDecision);
    REQUIRE(decisions.size() == 1);
    const auto& agreed = *decisions[0].as<protocol::Decided>();
    CHECK(agreed.measure == "schools");
    CHECK(agreed.topic == "priorities");
    REQUIRE(agreed.args.size() == 1);
    CHECK(agreed.args[0].param == "areas");
    CHECK(agreed.args[0].items == std::vector<std::string>{"kommun-a"});
}

TEST_CASE("R10: a municipality cannot decide a measure for another's area", "[rules][R10][measures]") {
    Harness h;
    h.scenario.measures = catalogue();  // the renderer names them from the scenario too
    h.coop.setMeasures(&h.scenario.measures);
    auto beyond = decide("kommun-a", "", {}, {{"areas", 0, {"kommun-a", "kommun-b"}}});
    const auto a = h.apply(beyond);
    CHECK_FALSE(a.accepted);
    CHECK(a.refusal.code == RefusalCode::areasBeyondDeciders);
    CHECK(h.reason(a).en == "Close schools: Kommun B does not carry out the decision; each actor decides only for its own area (R10).");
    // Together in a forum, both municipalities carry it out and it covers both areas.
    h.open("samordnande", {"polisen", "kommun-a", "kommun-b"});
    auto both = decide("polisen", "samordnande", {"kommuner"}, {{"areas", 0, {"kommuner"}}});
    both.id = "both";
    CHECK(h.apply(both).accepted);
}

TEST_CASE("a measure's parameters must lie within their ranges and choices", "[rules][measures]") {
    Harness h;
    h.scenario.measures = catalogue();  // the renderer names them from the scenario too
    h.coop.setMeasures(&h.scenario.measures);
    auto late = decide("kommun-a", "", {}, {{"until", 72, {}}});
    const auto tooLong = h.apply(late);
    CHECK(tooLong.refusal.code == RefusalCode::argumentOutOfRange);
    CHECK(tooLong.refusal.args == std::vector<std::string>{"schools", "until", "72"});
    CHECK(h.apply(decide("kommun-a", "", {}, {{"until", 2, {}}})).refusal.code == RefusalCode::argumentOutOfRange);
    CHECK(h.apply(decide("kommun-a", "", {}, {{"share", 0.5, {}}})).refusal.code == RefusalCode::argumentOutOfRange);
    CHECK(h.apply(decide("kommun-a", "", {}, {{"areas", 0, {"polisen"}}})).refusal.code == RefusalCode::argumentOutOfRange);
    CHECK(h.apply(decide("kommun-a", "", {}, {{"areas", 0, {}}})).refusal.code == RefusalCode::argumentOutOfRange);
    CHECK(h.entries(Kind::ownDecision).empty());
}

TEST_CASE("R3 R10: a measure needs the mandate for its topic, and each actor takes its own time to carry it out", "[rules][R3][R10][measures]") {
    Harness h;
    h.scenario.measures = catalogue();  // the renderer names them from the scenario too
    h.coop.setMeasures(&h.scenario.measures);
    // In the coordinating forum the municipalities' representatives have no mandate for priorities.
    h.open("samordnande", {"polisen", "kommun-a", "kommun-b"});
    auto d = decide("polisen", "samordnande", {"kommun-a", "kommun-b"});
    d.id = "forum";
    REQUIRE(h.apply(d).accepted);
    CHECK(h.entries(Kind::consultationStarted).size() == 2);
    h.runFor(6 * kHour);
    const auto agreed = h.entries(Kind::decisionAgreed).at(0);
    const auto done = h.entries(Kind::implemented);
    REQUIRE(done.size() == 2);
    // kommun-b has its own, shorter time; kommun-a the measure's default of 2 h.
    CHECK(done[0].actor == "kommun-b");
    CHECK(done[0].t == agreed.t + 30 * kMinute);
    CHECK(done[1].actor == "kommun-a");
    CHECK(done[1].t == agreed.t + 2 * kHour);
    CHECK(done[0].as<protocol::Implemented>()->measure == "schools");
}
