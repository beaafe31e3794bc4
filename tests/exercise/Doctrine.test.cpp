// The doctrine rules play the roles no trainee holds, and what the trainee in a key role does
// changes what they do (R3, R6, R9, R10, R15).
#include <algorithm>
#include <sstream>

#include "sim/eval/Findings.hpp"
#include "sim/eval/Metrics.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

namespace {

const std::string kCoordinating = "regionalt-samordnande-forum";
const std::string kDirecting = "regionalt-inriktande-forum";

struct Timed {
    Millis at;
    protocol::Command command;
};

// A doctrine run with trainees in `roles` who issue only `commands` (at their times).
std::unique_ptr<exercise::Exercise> withTrainees(const std::string& name, std::vector<std::string> roles,
                                                 std::vector<Timed> commands = {}, std::ostream* journal = nullptr) {
    exercise::Options o;
    o.playName = scenario::kDoctrinePlay;
    o.trainees = std::move(roles);
    o.journalOut = journal;
    auto run = std::make_unique<exercise::Exercise>(shipped(name), o);
    for (auto& c : commands) run->submitAt(c.at, std::move(c.command));
    run->runToEnd();
    return run;
}

double outcome(const exercise::Exercise& run, const std::string& id) {
    const auto m = eval::measure(run);
    for (const auto& o : m.outcomes)
        if (o.id == id) return o.value;
    FAIL("no outcome " << id);
    return 0;
}

std::size_t count(const exercise::Exercise& run, const std::string& kind, const std::string& actor = {}) {
    const auto entries = all(run, kind);
    return static_cast<std::size_t>(std::count_if(entries.begin(), entries.end(), [&](const JournalEntry& e) {
        return actor.empty() || e.actor == actor;
    }));
}

// When each actor carried out the first decision on `measure` that it was part of (-1: never).
Millis implementedMeasure(const exercise::Exercise& run, const std::string& measure, const std::string& actor) {
    for (const auto& e : run.journal().entries())
        if (e.kind == protocol::Kind::implemented && e.actor == actor && e.as<protocol::Implemented>()->measure == measure) return e.t;
    return -1;
}

}  // namespace

TEST_CASE("the doctrine is the default play where a scenario has rules, and it is deterministic", "[doctrine]") {
    const auto& s = shipped("snowstorm");
    CHECK(s.defaultPlay() == "doctrine");
    CHECK(s.knowsPlay("doctrine"));
    // The region's rules and the scenario's, the scenario's replacing the region's of the same id.
    const auto tib = std::count_if(s.behaviour.begin(), s.behaviour.end(),
                                   [](const scenario::BehaviourRule& r) { return r.id == "tib-convenes-on-warning"; });
    CHECK(tib == 1);
    CHECK(std::find_if(s.behaviour.begin(), s.behaviour.end(), [](const scenario::BehaviourRule& r) {
              return r.id == "tib-convenes-on-warning" && r.file.find("snowstorm.yaml") != std::string::npos;
          }) != s.behaviour.end());
    // A rule for a group is one rule per member.
    CHECK(std::count_if(s.behaviour.begin(), s.behaviour.end(),
                        [](const scenario::BehaviourRule& r) { return r.id == "own-schools-seen"; }) == 26);

    std::ostringstream a, b;
    withTrainees("snowstorm", {"sl"}, {}, &a);
    withTrainees("snowstorm", {"sl"}, {}, &b);
    CHECK(a.str() == b.str());
    CHECK(a.str().find("\"source\":\"doctrine\"") != std::string::npos);
}

TEST_CASE("a rule that watches for a normal level acts in calm weather, before any service has fallen", "[doctrine]") {
    // The calm ticks skip the watching rules only when none of them can pass on a normal level.
    auto s = std::make_shared<scenario::Scenario>(shipped("snowstorm"));
    const auto rule = std::find_if(s->behaviour.begin(), s->behaviour.end(),
                                   [](const scenario::BehaviourRule& r) { return r.id == "own-bus-cancellations"; });
    REQUIRE(rule != s->behaviour.end());
    REQUIRE(rule->observes);
    rule->observes->below = -1;
    rule->observes->above = 0.9;  // the buses run normally: SL cancels at once
    const auto ownDecision = [](const exercise::Exercise& r) -> Millis {
        for (const auto& e : r.journal().entries())
            if (e.kind == protocol::Kind::ownDecision && e.ref == "sl-cancel-lines") return e.t;
        return -1;
    };
    exercise::Options o;
    o.playName = scenario::kDoctrinePlay;
    exercise::Exercise run(s, o);
    run.runToEnd();
    const auto* w = run.world();
    REQUIRE(w != nullptr);
    const Millis at = ownDecision(run);
    REQUIRE(at >= 0);
    CHECK(at < w->firstOnset());
    CHECK(at < w->wholeUntil());
    CHECK(at <= s->world->tick + shipped("snowstorm").region.actors[shipped("snowstorm").region.actorIndex("sl")].consultDelay);
    // As shipped, SL cancels only once the buses have fallen below 0.6, well after the onset.
    const auto shippedRun = withTrainees("snowstorm", {});
    const Millis shippedAt = ownDecision(*shippedRun);
    CHECK((shippedAt < 0 || shippedAt > shippedRun->world()->wholeUntil()));
}

TEST_CASE("R5 R6 R15: a TiB trainee who never convenes leaves the others to phone around and decide one by one", "[doctrine][R15]") {
    const auto simulated = withTrainees("snowstorm", {});
    const auto passive = withTrainees("snowstorm", {"lansstyrelsen"});
    CHECK(has(*simulated, "meeting-opened", kCoordinating));
    CHECK_FALSE(has(*passive, "meeting-opened"));
    CHECK(count(*simulated, "contact") == 0);
    CHECK(count(*passive, "contact") >= 5);
    // They ask Länsstyrelsen for the coordinating forum when they see their own services fall (R6).
    CHECK(count(*passive, "activation-requested", "trafikverket") == 1);
    CHECK(count(*passive, "activation-requested", "region-stockholm") == 1);
    CHECK(count(*simulated, "activation-requested") == 1);  // only the directing forum, through the coordinating
    // Every municipality closes its schools by itself, when its own streets fill with snow.
    CHECK(count(*passive, "own-decision") >= 26);
    CHECK(implementedMeasure(*passive, "schools-closed", "huddinge") > implementedMeasure(*simulated, "schools-closed", "huddinge") + 12 * kHour);
    // No joint message, only the actors' own.
    for (const auto& m : all(*passive, "public-message")) CHECK_FALSE(m.as<protocol::PublicMessage>()->joint);
    CHECK(outcome(*passive, "person-hours-stranded") > 1.5 * outcome(*simulated, "person-hours-stranded"));
    CHECK(outcome(*passive, "bus-departures-lost") > outcome(*simulated, "bus-departures-lost"));
}

TEST_CASE("R8 R10: convened late by the TiB trainee, the directing forum meets and the municipalities decide later", "[doctrine][R14]") {
    const auto simulated = withTrainees("snowstorm", {});
    // The trainee convenes the coordinating forum six hours after the warning, and does nothing else:
    // the simulated actors judge, ask for the directing forum and agree there, later by as much.
    protocol::Convene convene{"lansstyrelsen", "coordinating", "telephone", 0,
                              {"lansstyrelsen", "region-stockholm", "polisen", "trafikverket", "sl", "sos-alarm", "stockholms-stad", "ksl",
                               "rescue-services", "smhi"}};
    // Convened late and nothing more: the others report and judge there, but the directing forum is
    // Länsstyrelsen's to ask for; the municipalities close their schools one by one.
    const auto late = withTrainees("snowstorm", {"lansstyrelsen"}, {{6 * kHour, convene}});
    REQUIRE(has(*late, "meeting-opened", kCoordinating));
    CHECK(has(*late, "report", kCoordinating));
    CHECK_FALSE(has(*late, "meeting-opened", kDirecting));
    CHECK(count(*late, "own-decision") >= 26);
    // Convened late, and the directing forum asked for and convened at once after the first meeting:
    // the simulated actors propose there as they would have, later by as much.
    const auto lateRequest = withTrainees(
        "snowstorm", {"lansstyrelsen"},
        {{6 * kHour, convene},
         {6 * kHour + 50 * kMinute, protocol::RequestActivation{"lansstyrelsen", "directing", "coordinating", {"Inriktning behövs", "Direction is needed"}}},
         {6 * kHour + 55 * kMinute,
          protocol::Convene{"lansstyrelsen", "directing", "telephone", 0,
                            {"lansstyrelsen", "region-stockholm", "polisen", "trafikverket", "sl", "sos-alarm", "ksl", "municipalities", "rescue-services"}}}});
    REQUIRE(has(*lateRequest, "meeting-opened", kDirecting));
    CHECK(first(*lateRequest, "meeting-opened", kDirecting).t > first(*simulated, "meeting-opened", kDirecting).t + 4 * kHour);
    // The municipalities agree the schools there and carry it out later by about as much.
    const Millis early = implementedMeasure(*simulated, "schools-closed", "nacka");
    const Millis later = implementedMeasure(*lateRequest, "schools-closed", "nacka");
    REQUIRE(early > 0);
    REQUIRE(later > 0);
    CHECK(later - early > 4 * kHour);
    CHECK(first(*lateRequest, "decision-agreed", kDirecting, "schools-closed").actor == "stockholms-stad");
}

TEST_CASE("R10: an SL trainee who cancels nothing leaves the lines running", "[doctrine][R10]") {
    const auto simulated = withTrainees("snowstorm", {});
    const auto passive = withTrainees("snowstorm", {"sl"});
    CHECK(implementedMeasure(*simulated, "bus-lines-cancelled", "sl") > 0);
    CHECK(implementedMeasure(*passive, "bus-lines-cancelled", "sl") == -1);
    // The other decisions are still agreed: only SL's part is missing.
    CHECK(has(*passive, "decision-agreed", kDirecting));
    CHECK(outcome(*passive, "bus-departures-lost") > 2 * outcome(*simulated, "bus-departures-lost"));
    // The trainee who cancels them does as the simulated SL would.
    protocol::AgreeDecision cancel{"sl", "directing", "sl-cancels", "operations", {}, {"Linjer ställs in", "Lines are cancelled"}, {"sl"},
                                   "bus-lines-cancelled", {{"share", 0.65, {}}}};
    const auto active = withTrainees("snowstorm", {"sl"}, {{3 * kHour, cancel}});
    CHECK(implementedMeasure(*active, "bus-lines-cancelled", "sl") > 0);
    CHECK(outcome(*active, "bus-departures-lost") < outcome(*passive, "bus-departures-lost"));
}

TEST_CASE("R11: a Trafikverket trainee who proposes nothing leaves the ploughs in their default order", "[doctrine][R11]") {
    const auto simulated = withTrainees("snowstorm", {});
    const auto passive = withTrainees("snowstorm", {"trafikverket"});
    const auto snowFrame = [](const exercise::Exercise& run) {
        const auto frames = all(run, "frame-set", kDirecting);
        return std::any_of(frames.begin(), frames.end(),
                           [](const JournalEntry& e) { return e.as<protocol::PrioritiesSet>()->list == "snow-clearing"; });
    };
    CHECK(snowFrame(*simulated));
    CHECK_FALSE(snowFrame(*passive));
    CHECK(has(*simulated, "decision-agreed", kDirecting));
    CHECK(implementedMeasure(*simulated, "snow-clearing-priority", "trafikverket") > 0);
    CHECK(implementedMeasure(*passive, "snow-clearing-priority", "trafikverket") == -1);
    // The other parties still agree theirs.
    CHECK(implementedMeasure(*passive, "bus-lines-cancelled", "sl") > 0);
    CHECK(outcome(*passive, "person-hours-stranded") > outcome(*simulated, "person-hours-stranded"));
}

TEST_CASE("R13: in the demonstration the Police trainee and the TiB trainee each decide whether the planning forum meets", "[doctrine][R13]") {
    const auto simulated = withTrainees("demonstration", {});
    REQUIRE(has(*simulated, "meeting-opened", "planeringsforum"));
    // The Police trainee who does not ask: no planning forum, and the Police plan nothing.
    const auto police = withTrainees("demonstration", {"polisen"});
    CHECK_FALSE(has(*police, "meeting-opened", "planeringsforum"));
    CHECK(outcome(*police, "confrontation-incidents") > outcome(*simulated, "confrontation-incidents"));
    // The TiB trainee who does not convene: the Police, simulated, asked, and then plan alone; the
    // others phone around.
    const auto tib = withTrainees("demonstration", {"lansstyrelsen"});
    CHECK(has(*tib, "activation-requested", "planeringsforum"));
    CHECK_FALSE(has(*tib, "meeting-opened", "planeringsforum"));
    CHECK(first(*tib, "own-decision", "", "police-plan-alone").actor == "polisen");
    CHECK(count(*tib, "contact") >= 3);
    CHECK(outcome(*tib, "confrontation-incidents") > outcome(*simulated, "confrontation-incidents"));
    // The TiB trainee who convenes when asked gets the doctrine's planning.
    protocol::Convene convene{"lansstyrelsen", "planeringsforum", "telephone", 3 * kHour,
                              {"lansstyrelsen", "polisen", "sl", "trafikverket", "stockholms-stad", "solna", "sundbyberg"}};
    const auto convened = withTrainees("demonstration", {"lansstyrelsen"}, {{50 * kMinute, convene}});
    CHECK(has(*convened, "decision-agreed", "planeringsforum"));
    CHECK(first(*convened, "decision-agreed", "planeringsforum", "traffic-plan").actor == "sl");
    CHECK(outcome(*convened, "confrontation-incidents") < outcome(*tib, "confrontation-incidents"));
}

TEST_CASE("R12 R15: in the improvement project the TiB trainee who never convenes leaves each party to its own routine", "[doctrine][R12]") {
    const auto simulated = withTrainees("improvement-project", {});
    CHECK(count(*simulated, "own-decision") == 0);
    const auto passive = withTrainees("improvement-project", {"lansstyrelsen"});
    CHECK(count(*passive, "own-decision") >= 6);
    CHECK(outcome(*passive, "development-effort") > outcome(*simulated, "development-effort"));
    CHECK(outcome(*passive, "resident-days-unprepared") > outcome(*simulated, "resident-days-unprepared"));
    // Huddinge's trainee who does not raise the shortcoming: no project either.
    const auto huddinge = withTrainees("improvement-project", {"huddinge"});
    CHECK_FALSE(has(*huddinge, "proposal"));
    CHECK(outcome(*huddinge, "resident-days-unprepared") > outcome(*simulated, "resident-days-unprepared"));
}

TEST_CASE("a doctrine run's journal replays byte for byte, trainee commands included", "[doctrine][replay]") {
    std::ostringstream live;
    protocol::AgreeDecision cancel{"sl", "directing", "sl-cancels", "operations", {}, {"Linjer ställs in", "Lines are cancelled"}, {"sl"},
                                   "bus-lines-cancelled", {{"share", 0.5, {}}}};
    const auto run = withTrainees("snowstorm", {"sl"}, {}, &live);
    exercise::Options o;
    o.playName = scenario::kDoctrinePlay;
    o.trainees = {"sl"};
    std::ostringstream journalA, journalB;
    {
        o.journalOut = &journalA;
        exercise::Exercise a(shipped("snowstorm"), o);
        a.runUntil(3 * kHour);
        a.submit(cancel);
        a.runToEnd();
        const auto fork = a.fork(a.scenario().duration, &journalB);
        fork->runToEnd();
    }
    CHECK(journalA.str() == journalB.str());
    // The trainee's cancellation changed the run.
    CHECK(journalA.str() != live.str());
}

TEST_CASE("a role handed over to the simulator takes up its doctrine from where the trainee left it", "[doctrine][hand-over]") {
    exercise::Options o;
    o.playName = scenario::kDoctrinePlay;
    o.trainees = {"lansstyrelsen"};
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(2 * kHour);
    CHECK_FALSE(has(run, "convened"));
    REQUIRE(run.submit(protocol::HandOver{"control", "lansstyrelsen"}, protocol::Source::control).accepted);
    run.runToEnd();
    // SOS Alarm's alert, answered while the trainee held the role, now leads the TiB to verify the
    // warning (5 minutes after taking over) and then to convene (5 minutes later).
    CHECK(first(run, "alert-answered", "", "tib").t < 2 * kHour);
    const auto& verified = first(run, "verified");
    CHECK(verified.t == 2 * kHour + 5 * kMinute);
    const auto& convened = first(run, "convened", kCoordinating);
    CHECK(convened.t == verified.t + 5 * kMinute);
    CHECK(first(run, "meeting-opened", kDirecting).t > convened.t);
    CHECK(has(run, "decision-agreed", kDirecting));
}

TEST_CASE("R2 R12: forums go back to ordinary mode by the scenario's criteria, and the coordination group follows up", "[doctrine][R2]") {
    // The doctrine ends the directing forum once the snow has passed and its picture shows every
    // service above half; early deactivation is possible but shows in the findings. The buses on
    // the local streets come back in the small hours of the second night, after the shipped
    // 48 hours' last picture, so the exercise is given three days.
    auto longer = shipped("snowstorm");
    longer.duration = 72 * kHour;
    exercise::Options lo;
    lo.playName = scenario::kDoctrinePlay;
    exercise::Exercise run(longer, lo);
    run.runToEnd();
    const auto& world = *run.world();
    const auto& snow = world.drawn(world.hazardIndex("snowfall"));
    const auto& ended = first(run, "deactivated", kDirecting);
    CHECK(ended.t >= snow.onset + snow.duration);
    // Its last picture before the end shows every service above half.
    const auto buses = world.serviceIndex("other-buses");
    engine::Millis lastPicture = -1;
    double busesKnown = -1;
    for (const auto& [forum, picture] : run.pictures())
        if (run.scenario().region.forums[forum].id == kDirecting && picture.compiledAt <= ended.t && picture.compiledAt > lastPicture) {
            lastPicture = picture.compiledAt;
            busesKnown = picture.services[buses].level;
        }
    CHECK(busesKnown > 0.5);
    const auto early = [](const exercise::Exercise& r) {
        const auto ev = eval::evaluate(r);
        return std::count_if(ev.findings.begin(), ev.findings.end(), [](const eval::Finding& f) { return f.action == "deactivated-early"; });
    };
    CHECK(early(run) == 0);
    // A TiB trainee who ends the directing forum before the snow has even begun.
    exercise::Options o;
    o.playName = scenario::kDoctrinePlay;
    o.trainees = {"lansstyrelsen"};
    exercise::Exercise hasty(shipped("snowstorm"), o);
    hasty.runUntil(15 * kMinute);
    REQUIRE(hasty.submit(protocol::Convene{"lansstyrelsen", "directing", "telephone", 0, {}}).accepted);
    hasty.runUntil(6 * kHour);
    REQUIRE(hasty.submit(protocol::Deactivate{"lansstyrelsen", "directing"}).accepted);
    hasty.runToEnd();
    CHECK(early(hasty) == 1);

    // The coordinating forum ends too and the coordination group follows up in ordinary mode, an
    // hour later.
    const auto& coordinatingEnds = first(run, "deactivated", kCoordinating);
    CHECK(coordinatingEnds.t > first(run, "deactivated", kDirecting).t);
    const auto& followUp = first(run, "decision-agreed", "regional-samordningsgrupp", "event-follow-up");
    CHECK(followUp.t > coordinatingEnds.t + kHour);
    CHECK(followUp.t < coordinatingEnds.t + 2 * kHour);
}
