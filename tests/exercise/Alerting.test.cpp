// The alerting chain (förordning 2017:870, 2 §: detect, verify, alert, inform): who may alert,
// verify and inform, what an alert or information carries, and the chain's times against the
// region's benchmarks.
#include <catch2/catch.hpp>

#include <algorithm>

#include "sim/eval/Metrics.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;
using engine::kHour;
using engine::kMinute;
using protocol::RefusalCode;

namespace {

struct Timed {
    engine::Millis at;
    protocol::Command command;
};

std::unique_ptr<exercise::Exercise> doctrine(const std::string& name, std::vector<std::string> trainees, std::vector<Timed> commands = {},
                                             engine::Millis until = -1) {
    exercise::Options o;
    o.playName = scenario::kDoctrinePlay;
    o.trainees = std::move(trainees);
    auto run = std::make_unique<exercise::Exercise>(shipped(name), o);
    for (auto& c : commands) run->submitAt(c.at, std::move(c.command));
    if (until < 0) run->runToEnd();
    else run->runUntil(until);
    return run;
}

// Own school closures taken by the municipalities by `until`.
int ownSchoolClosures(const exercise::Exercise& run, engine::Millis until) {
    int n = 0;
    for (const auto& e : all(run, "own-decision"))
        if (e.t <= until && e.ref.rfind("schools-", 0) == 0) ++n;
    return n;
}

}  // namespace

TEST_CASE("only a function on call with the duty may alert, verify or inform, and only functions that exist are woken",
          "[alerting][security]") {
    exercise::Options o;
    o.playName = "none";
    exercise::Exercise run(shipped("snowstorm"), o);
    const auto before = run.journal().entries().size();
    using protocol::Alert, protocol::Inform, protocol::Verify;
    const model::Text words{"Läget", "The situation"};
    // The Police have no function on call with any duty in the chain; SOS Alarm may alert but not
    // verify or inform; the duty officer's own duties are checked one by one.
    CHECK(run.submit(Alert{"polisen", {"lansstyrelsen"}, "tib", {}}).refusal.code == RefusalCode::noDuty);
    CHECK(run.submit(Verify{"sos-alarm", "smhi", {}}).refusal.code == RefusalCode::noDuty);
    CHECK(run.submit(Inform{"sos-alarm", {}, words}).refusal.code == RefusalCode::noDuty);
    CHECK(run.submit(Inform{"stockholms-stad", {"municipalities"}, words}).refusal.code == RefusalCode::noDuty);
    // Exercise control is no organisation on call.
    CHECK_FALSE(run.submit(Alert{protocol::kControl, {"lansstyrelsen"}, "tib", {}}, protocol::Source::control).accepted);
    // Recipients must exist and have the function named.
    CHECK(run.submit(Alert{"sos-alarm", {"nobody"}, "tib", {}}).refusal.code == RefusalCode::unknownRecipient);
    CHECK(run.submit(Alert{"sos-alarm", {}, "tib", {}}).refusal.code == RefusalCode::unknownRecipient);
    const auto rsib = run.submit(Alert{"sos-alarm", {"polisen"}, "rsib", {}});
    CHECK(rsib.refusal.code == RefusalCode::noOnCall);
    CHECK(run.renderer().refusal(rsib.refusal).en.find("Regional cooperation coordinator on call (RSIB)") != std::string::npos);
    // SMHI has a duty officer but no communicator on duty.
    CHECK(run.submit(Alert{"lansstyrelsen", {"smhi"}, "kib", {}}).refusal.code == RefusalCode::noOnCall);
    CHECK(run.submit(Verify{"lansstyrelsen", "nobody", {}}).refusal.code == RefusalCode::unknownRecipient);
    // Nothing refused left a trace beyond its refusal.
    for (std::size_t i = before; i < run.journal().entries().size(); ++i) {
        const auto kind = run.journal().entries()[i].kind;
        CHECK((kind == protocol::Kind::command || kind == protocol::Kind::rejected));
    }
    CHECK(run.cooperation().alerts().empty());
    CHECK(run.cooperation().informs().empty());

    // What the duties allow is accepted.
    CHECK(run.submit(Alert{"sos-alarm", {"lansstyrelsen"}, "tib", {}}).accepted);
    CHECK(run.submit(Verify{"lansstyrelsen", "smhi", {}}).accepted);
    CHECK(run.submit(Alert{"lansstyrelsen", {"municipalities"}, "kib", {}}).accepted);
    CHECK(run.submit(Inform{"lansstyrelsen", {}, words}).accepted);
}

TEST_CASE("an alert is answered after the function's own time, and information reaches every actor with a function on call",
          "[alerting]") {
    exercise::Options o;
    o.playName = "none";
    exercise::Exercise run(shipped("snowstorm"), o);
    const auto& region = run.scenario().region;
    REQUIRE(run.submit(protocol::Alert{"sos-alarm", {"lansstyrelsen"}, "tib", {}}).accepted);
    REQUIRE(run.submit(protocol::Inform{"lansstyrelsen", {}, {"Läget", "The situation"}}).accepted);
    run.runUntil(kHour);
    const auto& tib = *region.actors[region.actorIndex("lansstyrelsen")].onCallRole("tib");
    const auto answered = all(run, "alert-answered");
    REQUIRE(answered.size() == 1);
    CHECK(answered[0].actor == "lansstyrelsen");
    CHECK(answered[0].ref == "tib");
    CHECK(answered[0].t >= tib.answerMin);
    CHECK(answered[0].t <= tib.answerMax);
    // Every other actor with a function on call, each within its own first function's range.
    std::size_t withFunction = 0;
    for (const auto& a : region.actors) withFunction += !a.onCall.empty() && a.id != "lansstyrelsen" ? 1 : 0;
    const auto received = all(run, "information-received");
    CHECK(received.size() == withFunction);
    for (const auto& e : received) {
        const auto& first = region.actors[region.actorIndex(e.actor)].onCall.front();
        INFO(e.actor);
        CHECK(e.ref == first.id);
        CHECK(e.t >= first.answerMin);
        CHECK(e.t <= first.answerMax);
    }
    const auto& sent = run.cooperation().informs().at(0);
    CHECK(std::none_of(sent.answeredAt.begin(), sent.answeredAt.end(), [](engine::Millis t) { return t < 0; }));
}

TEST_CASE("R6 R9: the TiB's information carries the warning to actors it was not sent to, and they act on it", "[alerting][doctrine]") {
    // The trainee at Länsstyrelsen verifies the warning and informs the actors, but convenes
    // nobody; against a trainee who informs nobody either. Informed of the red warning, every
    // municipality closes its schools on its own; uninformed, only those the warning named (the
    // City of Stockholm) or that see their streets fail do.
    const model::Text words{"Röd varning för snö i morgon.", "Red warning for snow tomorrow."};
    const auto informs = doctrine("snowstorm", {"lansstyrelsen"},
                                  {{10 * kMinute, protocol::Verify{"lansstyrelsen", "smhi", {}}},
                                   {12 * kMinute, protocol::Inform{"lansstyrelsen", {}, words}}});
    const auto silent = doctrine("snowstorm", {"lansstyrelsen"});
    CHECK_FALSE(has(*informs, "convened"));
    CHECK_FALSE(has(*silent, "informed"));
    // Both are alerted by SOS Alarm: the alert reaches the trainee's duty officer either way, with
    // the warning's words (the warning itself went to SOS Alarm, not to the trainee).
    const auto& alert = first(*silent, "alert", "", "tib");
    CHECK(alert.actor == "sos-alarm");
    CHECK(text(*silent, alert).en.find("red warning for snowfall") != std::string::npos);
    const auto& municipalities = *shipped("snowstorm").region.group("municipalities");
    const int n = static_cast<int>(municipalities.members.size());
    // Before the snow starts (about +22 h): the warning alone decides.
    const engine::Millis beforeSnow = 20 * kHour;
    CHECK(ownSchoolClosures(*informs, beforeSnow) == n);
    CHECK(ownSchoolClosures(*silent, beforeSnow) == 1);
    CHECK(first(*silent, "own-decision", "", "schools-stockholms-stad").t < beforeSnow);
}

TEST_CASE("the alerting chain's times are measured from the first signal and held against the region's benchmarks", "[alerting][metrics]") {
    const auto run = doctrine("snowstorm", {});
    const auto m = eval::measure(*run);
    const auto& c = m.alerting;
    CHECK(c.dutyOfficerAnswered.sinceSignal == first(*run, "alert-answered", "", "tib").t);
    CHECK(c.verified.at > c.dutyOfficerAnswered.at);
    CHECK(c.firstInformation.at > c.verified.at);
    CHECK(c.toInform > 30);
    CHECK(c.informed == c.toInform);
    // Information is with every actor when the last one's function answers.
    engine::Millis last = -1;
    for (const auto& e : all(*run, "information-received")) last = std::max(last, e.t);
    CHECK(c.informedAll.at == last);
    CHECK(c.firstConference.at == first(*run, "meeting-opened", "regionalt-samordnande-forum").t);

    const auto comparisons = eval::compareAlerting(m, run->scenario().region);
    REQUIRE(comparisons.size() == 3);  // SSR's information; Drottninggatan's information and conference
    for (const auto& b : comparisons) {
        INFO(b.benchmark << " " << b.step);
        const engine::Millis measured = b.step == "information" ? c.informedAll.sinceSignal : c.firstConference.sinceSignal;
        CHECK(b.measured == measured);
        CHECK(b.verdict == (measured < b.lo ? -1 : measured > b.hi ? 1 : 0));
    }
    CHECK(comparisons[0].benchmark == "ssr-capability");
    CHECK(comparisons[0].lo == 15 * kMinute);
    CHECK(comparisons[0].hi == 20 * kMinute);
    CHECK(comparisons[2].lo == 67 * kMinute);

    // A duty officer who informs nobody never gets the information to all: the benchmark says so.
    const auto silent = doctrine("snowstorm", {"lansstyrelsen"});
    const auto ms = eval::measure(*silent);
    CHECK(ms.alerting.informedAll.at < 0);
    CHECK(ms.alerting.informed == 0);
    CHECK(eval::compareAlerting(ms, silent->scenario().region)[0].verdict == 2);
}

TEST_CASE("the chain starts only from a signal to the alarm centre", "[alerting][doctrine]") {
    // The demonstration is announced at the weekly meeting, not alerted: no alert goes out.
    const auto run = doctrine("demonstration", {});
    CHECK_FALSE(has(*run, "alert"));
    CHECK(eval::measure(*run).alerting.dutyOfficerAnswered.at < 0);
    // In the snowstorm the warning goes to SOS Alarm, which alerts the TiB once (the rule does not repeat).
    const auto snow = doctrine("snowstorm", {});
    CHECK(all(*snow, "alert", "", "tib").size() == 1);
}
