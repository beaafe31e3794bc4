// Evidence that choices matter: for every measure of every shipped scenario, deciding it versus not
// deciding it moves each outcome it claims to change in the claimed direction, over several seeds.
// A measure a play decides is compared with the same play without those steps; a measure no play
// decides is added to the reference play beside its first decision of the same topic.
#include <filesystem>
#include <fstream>

#include "sim/exercise/Replay.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

namespace {

const protocol::AgreeDecision* decisionOf(const scenario::PlayStep& step) {
    return std::get_if<protocol::AgreeDecision>(&step.command);
}

// The play without the steps that decide `measure`.
scenario::Play without(const scenario::Play& play, const std::string& measure) {
    scenario::Play out = play;
    std::erase_if(out.steps, [&](const scenario::PlayStep& s) {
        const auto* d = decisionOf(s);
        return d != nullptr && d->measure == measure;
    });
    return out;
}

// The reference play with `measure` decided by all its deciders, at the time and in the forum of
// the play's first measure decision of the same topic (or of any topic).
scenario::Play with(const scenario::Play& reference, const model::Measure& measure) {
    scenario::Play out = reference;
    const scenario::PlayStep* model = nullptr;
    for (const auto& s : reference.steps)
        if (const auto* d = decisionOf(s); d != nullptr && !d->measure.empty())
            if (model == nullptr || (d->topic == measure.topic && decisionOf(*model)->topic != measure.topic))
                model = &s;
    REQUIRE(model != nullptr);
    scenario::PlayStep step = *model;
    auto& d = std::get<protocol::AgreeDecision>(step.command);
    d.id = "test-" + measure.id;
    d.measure = measure.id;
    d.topic = measure.topic;
    d.args.clear();
    d.actors = measure.deciders;
    d.proposalTo.clear();
    step.id.clear();
    out.steps.push_back(step);
    return out;
}

double outcome(const exercise::Exercise& run, const std::string& id) {
    const auto o = run.world()->outcomeIndex(id);
    REQUIRE(o != SIZE_MAX);
    return run.world()->outcome(o);
}

std::unique_ptr<exercise::Exercise> runPlay(const scenario::Scenario& s, const scenario::Play& p, std::uint64_t seed) {
    exercise::Options o;
    o.play = p;
    o.seed = seed;
    auto run = std::make_unique<exercise::Exercise>(s, o);
    run->runToEnd();
    return run;
}

// The reference play if it decides `measure`, else the first play that does, else none.
const scenario::Play* playDeciding(const scenario::Scenario& s, const std::string& measure) {
    const scenario::Play* found = nullptr;
    for (const auto& p : s.plays)
        for (const auto& step : p.steps)
            if (const auto* d = decisionOf(step); d != nullptr && d->measure == measure) {
                if (p.name == "reference") return &p;
                if (found == nullptr) found = &p;
            }
    return found;
}

std::size_t implementedCount(const exercise::Exercise& run, std::size_t measure) {
    std::size_t n = 0;
    const auto& spec = run.world()->spec();
    for (const auto& a : run.world()->applied())
        if (spec.effects[a.effect].on == world::EffectTrigger::measure && spec.effects[a.effect].measure == measure)
            ++n;
    return n;
}

}  // namespace

TEST_CASE("every measure of every shipped scenario changes each outcome it claims, in the claimed direction",
          "[measures][consequences]") {
    int compared = 0;
    for (const char* name : {"snowstorm", "snowstorm-areas", "snowstorm-municipalities", "demonstration", "improvement-project"}) {
        const auto& s = shipped(name);
        REQUIRE_FALSE(s.measures.empty());
        for (const auto& m : s.measures) {
            INFO(name << ": measure " << m.id);
            REQUIRE_FALSE(m.claims.empty());
            const auto* p = playDeciding(s, m.id);
            const scenario::Play deciding = p != nullptr ? *p : with(*s.play("reference"), m);
            const scenario::Play notDeciding = p != nullptr ? without(*p, m.id) : *s.play("reference");
            for (const std::uint64_t seed : {s.seed, std::uint64_t{1}, std::uint64_t{2}, std::uint64_t{3}}) {
                INFO("play " << deciding.name << (p == nullptr ? " with the measure added" : "") << ", seed " << seed);
                const auto yes = runPlay(s, deciding, seed);
                const auto no = runPlay(s, notDeciding, seed);
                const auto index = yes->world()->measureIndex(m.id);
                CHECK(implementedCount(*yes, index) > 0);
                CHECK(implementedCount(*no, index) == 0);
                for (const auto& claim : m.claims) {
                    INFO("claim: " << claim.outcome << (claim.direction == model::Direction::down ? " down" : " up"));
                    if (claim.direction == model::Direction::down)
                        CHECK(outcome(*yes, claim.outcome) < outcome(*no, claim.outcome));
                    else
                        CHECK(outcome(*yes, claim.outcome) > outcome(*no, claim.outcome));
                    ++compared;
                }
            }
        }
    }
    CHECK(compared >= 4 * 15);
}

TEST_CASE("a decision that names no measure has no modelled effect", "[measures]") {
    const auto& s = shipped("snowstorm");
    auto reference = *s.play("reference");
    auto informationOnly = reference;
    for (auto& step : informationOnly.steps)
        if (auto* d = std::get_if<protocol::AgreeDecision>(&step.command); d != nullptr && d->id == "schools-closed") {
            d->measure.clear();
            d->args.clear();
        }
    const auto withMeasure = runPlay(s, reference, s.seed);
    const auto without = runPlay(s, informationOnly, s.seed);
    const auto schools = withMeasure->world()->measureIndex("schools-closed");
    CHECK(implementedCount(*withMeasure, schools) > 0);
    CHECK(implementedCount(*without, schools) == 0);
    // The decision is still agreed and carried out; only its effect on the world is gone.
    CHECK(all(*without, "implemented", "", "schools-closed").size() ==
          all(*withMeasure, "implemented", "", "schools-closed").size());
    CHECK(outcome(*without, "person-hours-stranded") > outcome(*withMeasure, "person-hours-stranded"));
}

TEST_CASE("narrower arguments give a smaller effect: schools closed in one municipality, fewer lines cancelled",
          "[measures]") {
    const auto& s = shipped("snowstorm");
    const auto& reference = *s.play("reference");
    auto withArgs = [&](const std::string& id, std::vector<model::MeasureArg> args) {
        auto p = reference;
        for (auto& step : p.steps)
            if (auto* d = std::get_if<protocol::AgreeDecision>(&step.command); d != nullptr && d->id == id)
                d->args = args;
        return runPlay(s, p, s.seed);
    };
    const auto none = runPlay(s, without(reference, "schools-closed"), s.seed);
    const auto all = withArgs("schools-closed", {});
    const auto stockholm = withArgs("schools-closed", {{"areas", 0, {"stockholms-stad"}}});
    const auto huddinge = withArgs("schools-closed", {{"areas", 0, {"huddinge"}}});
    CHECK(outcome(*all, "person-hours-stranded") < outcome(*stockholm, "person-hours-stranded"));
    CHECK(outcome(*stockholm, "person-hours-stranded") < outcome(*huddinge, "person-hours-stranded"));
    CHECK(outcome(*huddinge, "person-hours-stranded") < outcome(*none, "person-hours-stranded"));
    const auto most = withArgs("bus-lines-cancelled", {{"share", 0.9, {}}});
    const auto few = withArgs("bus-lines-cancelled", {{"share", 0.2, {}}});
    CHECK(outcome(*most, "bus-departures-lost") < outcome(*few, "bus-departures-lost"));
}

TEST_CASE("bandvagnar: the order decides who gains – acute healthcare first costs rescue what it took", "[measures]") {
    const auto& s = shipped("snowstorm");
    for (const std::uint64_t seed : {s.seed, std::uint64_t{1}, std::uint64_t{2}}) {
        INFO("seed " << seed);
        // Reference play: the forum's frame already puts acute healthcare first and meets its need;
        // the vehicles on standby go to rescue.
        const auto yes = runPlay(s, *s.play("reference"), seed);
        const auto no = runPlay(s, without(*s.play("reference"), "bandvagnar"), seed);
        CHECK(outcome(*yes, "acute-transports-late") == Approx(outcome(*no, "acute-transports-late")));
        CHECK(outcome(*yes, "rescue-callouts-delayed") < outcome(*no, "rescue-callouts-delayed"));
        // Alone: the region's own decision reorders its vehicles from the default (rescue first).
        const auto alone = runPlay(s, *s.play("alone"), seed);
        const auto aloneWithout = runPlay(s, without(*s.play("alone"), "bandvagnar"), seed);
        CHECK(outcome(*alone, "acute-transports-late") < outcome(*aloneWithout, "acute-transports-late"));
        CHECK(outcome(*alone, "rescue-callouts-delayed") > outcome(*aloneWithout, "rescue-callouts-delayed"));
    }
}

TEST_CASE("a trainee's own measure, with its arguments, acts on the world and replays from the journal",
          "[measures][replay]") {
    const auto& s = shipped("snowstorm");
    auto trainee = [&](bool decide) {
        exercise::Options o;
        o.trainees = {"sl", "stockholms-stad"};
        auto run = std::make_unique<exercise::Exercise>(s, o);
        run->runUntil(3 * kHour);
        if (decide) {
            protocol::AgreeDecision lines;
            lines.by = "sl";
            lines.id = "lines";
            lines.topic = "operations";
            lines.text = {"Linjer in", "Lines cancelled"};
            lines.measure = "bus-lines-cancelled";
            lines.args = {{"share", 0.8, {}}};
            REQUIRE(run->submit(lines).accepted);
            auto schools = lines;
            schools.by = "stockholms-stad";
            schools.id = "schools";
            schools.text = {"Stängt", "Closed"};
            schools.measure = "schools-closed";
            schools.args = {{"until", 12, {}}, {"areas", 0, {"stockholms-stad", "huddinge"}}};
            // Alone, a municipality decides for its own area only (R10).
            const auto beyond = run->submit(schools);
            CHECK_FALSE(beyond.accepted);
            CHECK(beyond.refusal.code == protocol::RefusalCode::areasBeyondDeciders);
            CHECK(beyond.refusal.args == std::vector<std::string>{"schools-closed", "huddinge"});
            schools.args = {{"until", 12, {}}, {"areas", 0, {"stockholms-stad"}}};
            REQUIRE(run->submit(schools).accepted);
        }
        run->runToEnd();
        return run;
    };
    const auto decided = trainee(true);
    const auto waited = trainee(false);
    CHECK(outcome(*decided, "bus-departures-lost") < outcome(*waited, "bus-departures-lost"));
    CHECK(outcome(*decided, "person-hours-stranded") < outcome(*waited, "person-hours-stranded"));
    // The journal carries the measure and its arguments, and the run replays byte for byte.
    const auto path = (std::filesystem::temp_directory_path() / "samverkan-measures-trainee.jsonl").string();
    std::ofstream(path, std::ios::binary) << decided->journal().text();
    const auto read = exercise::readJournal(path);
    REQUIRE(read.ok());
    std::vector<protocol::AgreeDecision> agreed;
    for (const auto& input : read.value->inputs)
        if (const auto* d = std::get_if<protocol::AgreeDecision>(&input.command)) agreed.push_back(*d);
    REQUIRE(agreed.size() == 3);  // the refused one is in the journal too, as a command
    agreed.erase(agreed.begin() + 1);
    CHECK(agreed[0].measure == "bus-lines-cancelled");
    REQUIRE(agreed[0].args.size() == 1);
    CHECK(agreed[0].args[0].number == 0.8);
    REQUIRE(agreed[1].args.size() == 2);
    CHECK(agreed[1].args[0].param == "areas");
    CHECK(agreed[1].args[0].items == std::vector<std::string>{"stockholms-stad"});
    CHECK(agreed[1].args[1].param == "until");
    CHECK(agreed[1].args[1].number == 12);
    const auto replayed = exercise::replay(*read.value, path);
    REQUIRE(replayed.ok());
    CHECK(replayed.value->identical);
}

TEST_CASE("each municipality carries its population share of a measure the municipalities decide together",
          "[measures]") {
    const auto run = play("snowstorm", "reference");
    const auto* w = run->world();
    const auto schools = w->measureIndex("schools-closed");
    double parts = 0, largest = 0;
    int count = 0;
    for (const auto& a : w->applied()) {
        if (w->spec().effects[a.effect].measure != schools) continue;
        parts += a.strength / a.timeliness;
        largest = std::max(largest, a.strength / a.timeliness);
        ++count;
    }
    CHECK(count == 26);
    CHECK(parts == Approx(1.0));
    CHECK(largest == Approx(w->areaWeight("stockholms-stad")));
    CHECK(w->areaWeight("stockholms-stad") == Approx(988000.0 / 2436000.0));
}
