// Expected actions checked against the journal, scores, and the run's measurements.
#include "sim/eval/Format.hpp"
#include "sim/eval/Findings.hpp"
#include "sim/eval/Metrics.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

namespace {
const protocol::JournalEntry& entry(const exercise::Exercise& run, std::uint64_t seq) {
    return run.journal().entries().at(seq - 1);
}
}  // namespace

TEST_CASE("snowstorm scores: reference beats late beats alone, each explained", "[eval][score]") {
    const auto reference = eval::evaluate(*play("snowstorm", "reference"));
    const auto late = eval::evaluate(*play("snowstorm", "late"));
    const auto alone = eval::evaluate(*play("snowstorm", "alone"));
    CHECK(reference.score == Approx(100));
    CHECK(late.score > alone.score);
    CHECK(late.score < reference.score);
    CHECK(alone.score == Approx(0));
    REQUIRE(reference.objectives.size() == 3);
    CHECK(reference.explanation.en.rfind("The mean of 3 objectives.", 0) == 0);
    // The late play loses exactly the early-activation objective.
    for (const auto& o : late.objectives) CHECK(o.score == Approx(o.id == "early-activation" ? 0 : 100));
    CHECK(late.objectives[0].explanation.en.find("late (window 2 h)") != std::string::npos);
}

TEST_CASE("a late action is late by the time past its window, and cites the entries behind it", "[eval][findings]") {
    const auto run = play("snowstorm", "late");
    const auto ev = eval::evaluate(*run);
    const auto& f = ev.findings.at(0);
    CHECK(f.status == eval::Status::late);
    CHECK(f.action == "activate");
    CHECK(f.forum == "regionalt-samordnande-forum");
    const auto& opened = first(*run, "meeting-opened", "regionalt-samordnande-forum");
    CHECK(f.at == opened.t);
    CHECK(f.lateBy == opened.t - 2 * kHour);
    CHECK(f.score == 0.0);  // late by more than the window itself
    REQUIRE(f.entries.size() == 2);
    CHECK(entry(*run, f.entries[0]).kind == protocol::Kind::inject);
    CHECK(entry(*run, f.entries[0]).ref == "smhi-warning");
    CHECK(entry(*run, f.entries[1]).seq == opened.seq);
    CHECK(f.focus == std::vector<std::string>{"samverkan", "ledning"});
}

TEST_CASE("a window that opens after another forum is measured from that forum's activation", "[eval][findings]") {
    const auto run = play("snowstorm", "late");
    const auto ev = eval::evaluate(*run);
    const auto& f = ev.findings.at(1);
    CHECK(f.forum == "regionalt-inriktande-forum");
    CHECK(f.from == first(*run, "meeting-opened", "regionalt-samordnande-forum").t);
    CHECK(f.status == eval::Status::onTime);
    CHECK(entry(*run, f.entries.at(1)).kind == protocol::Kind::meetingOpened);
}

TEST_CASE("missing actions score nothing – refused commands are findings of their own", "[eval][findings]") {
    exercise::Options o;
    o.playName = "none";
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(kHour);
    run.submit(protocol::Convene{"polisen", "coordinating", "", 0, {}});
    run.runToEnd();
    const auto ev = eval::evaluate(run);
    int missing = 0;
    std::vector<std::string> unexpected;
    for (const auto& f : ev.findings) {
        if (f.status == eval::Status::missing) ++missing;
        if (f.status == eval::Status::unexpected) {
            unexpected.push_back(f.text.en);
            CHECK(entry(run, f.entries.at(0)).kind == protocol::Kind::rejected);
        }
    }
    CHECK(missing == 4);
    // The refused convene, and the decision point's default (a report to a forum nobody convened).
    REQUIRE(unexpected.size() == 2);
    CHECK(unexpected[0].rfind("Refused action: Only Stockholm County Administrative Board convenes forums (R5)", 0) == 0);
    CHECK(unexpected[1].find("is not active right now") != std::string::npos);
    CHECK(ev.score == 0.0);
}

TEST_CASE("metrics: escalation timing, composition and contact surfaces", "[eval][metrics][R15]") {
    const auto reference = play("snowstorm", "reference");
    const auto m = eval::measure(*reference);
    CHECK(m.firstSignal == 0);
    REQUIRE(m.activations.size() == 2);
    CHECK(m.activations[0].id == "regionalt-samordnande-forum");
    CHECK(m.activations[0].sinceSignal == first(*reference, "meeting-opened", "regionalt-samordnande-forum").t);
    CHECK(m.activations[1].sinceSignal - m.activations[0].sinceSignal == 2 * kHour);
    CHECK(m.firstJointMessage.at == first(*reference, "public-message").t);
    CHECK(m.jointMessages == 1);
    CHECK(m.bilateralContacts == 0);
    CHECK(m.forumContacts > 10);
    // Every affected actor sat in an activated forum; Swedavia only after being called in.
    for (const auto& p : m.affected) {
        INFO(p.actor);
        CHECK(p.joined >= 0);
    }
    const auto swedavia = std::find_if(m.affected.begin(), m.affected.end(), [](const eval::Presence& p) { return p.actor == "swedavia"; });
    REQUIRE(swedavia != m.affected.end());
    CHECK(swedavia->joined == first(*reference, "member-joined", "", "", "swedavia").t);
    CHECK(m.outcomes.size() == 5);

    const auto alone = eval::measure(*play("snowstorm", "alone"));
    CHECK(alone.activations.empty());
    CHECK(alone.bilateralContacts == 7);
    CHECK(alone.forumContacts == 0);
    CHECK(alone.publicMessages == 3);
    CHECK(alone.jointMessages == 0);
    CHECK(alone.firstCoordinatedDecision.at == -1);
    for (const auto& p : alone.affected) CHECK(p.joined == -1);
}

TEST_CASE("demonstration scores: affected actors joining late cost the affected-in-time objective", "[eval][score][R13]") {
    const auto reference = eval::evaluate(*play("demonstration", "reference"));
    const auto lateJoin = eval::evaluate(*play("demonstration", "affected-late"));
    CHECK(reference.score == Approx(100));
    CHECK(lateJoin.score < reference.score);
    int latePresence = 0;
    for (const auto& f : lateJoin.findings)
        if (f.action == "present" && f.status == eval::Status::late) ++latePresence;
    CHECK(latePresence == 3);
}

TEST_CASE("R15: duplicated work shows when organisations settle the same question alone", "[eval][metrics][R15]") {
    CHECK(eval::measure(*play("improvement-project", "reference")).duplicatedDecisions == 0);
    const auto alone = eval::measure(*play("improvement-project", "alone"));
    CHECK(alone.ownDecisions == 7);
    CHECK(alone.duplicatedDecisions == 6);  // seven routines of their own for one question
    // Three 'operations' decisions alone: Stockholm and Huddinge each close their schools (the same
    // question, settled twice), SL cancels bus lines (another question on the same topic).
    CHECK(eval::measure(*play("snowstorm", "alone")).duplicatedDecisions == 1);
    // The coordinating forum's order repeats the directing frame on the same list: working within it (R11).
    CHECK(eval::measure(*play("snowstorm", "reference")).duplicatedDecisions == 0);
}

TEST_CASE("R15: duplicated work is the same question settled separately, not decisions sharing a topic", "[eval][metrics][R15]") {
    exercise::Options o;
    o.playName = "none";
    exercise::Exercise run(shipped("snowstorm"), o);
    auto alone = [&](const std::string& by, const std::string& id, const std::string& measure, std::vector<model::MeasureArg> args) {
        protocol::AgreeDecision d{by, "", id, "operations", "", {"Eget beslut.", "Our own decision."}, {}};
        d.measure = measure;
        d.args = std::move(args);
        REQUIRE(run.submit(d).accepted);
        return eval::measure(run).duplicatedDecisions;
    };
    const model::MeasureArg stockholm{"areas", 0, {"stockholms-stad"}}, huddinge{"areas", 0, {"huddinge"}};
    CHECK(alone("stockholms-stad", "a", "schools-closed", {stockholm}) == 0);
    // Same topic, another question (another measure): not duplicated.
    CHECK(alone("sl", "b", "bus-lines-cancelled", {}) == 0);
    CHECK(alone("stockholms-stad", "c", "staff-work-from-home", {}) == 0);
    // The same question settled separately by another organisation: duplicated.
    CHECK(alone("huddinge", "d", "schools-closed", {huddinge}) == 1);
    // The same organisation settling its question again revises it; it is no second place.
    CHECK(alone("stockholms-stad", "e", "schools-closed", {stockholm}) == 1);
    CHECK(alone("sl", "f", "staff-work-from-home", {}) == 2);
    CHECK(eval::measure(run).ownDecisions == 6);
}

TEST_CASE("R15: the same priority list ordered by two forums of one level is duplicated work", "[eval][metrics][R15]") {
    exercise::Options o;
    o.playName = "none";
    exercise::Exercise run(shipped("demonstration"), o);
    // Both at the coordinating level: the scenario's planning forum and the region's activated forum.
    for (const char* forum : {"planeringsforum", "regionalt-samordnande-forum"})
        REQUIRE(run.submit(protocol::Convene{"lansstyrelsen", forum, "telephone", 0, {"lansstyrelsen", "polisen", "trafikverket"}}).accepted);
    run.runUntil(run.now() + kHour);
    REQUIRE(run.submit(protocol::SetPriorities{"trafikverket", "planeringsforum", "traffic", {"city-streets"}}).accepted);
    CHECK(eval::measure(run).duplicatedDecisions == 0);
    REQUIRE(run.submit(protocol::SetPriorities{"trafikverket", "planeringsforum", "public-order", {"public-order"}}).accepted);
    CHECK(eval::measure(run).duplicatedDecisions == 0);  // another list: another question
    REQUIRE(run.submit(protocol::SetPriorities{"polisen", "regionalt-samordnande-forum", "traffic", {"city-streets"}}).accepted);
    CHECK(eval::measure(run).duplicatedDecisions == 1);
}

TEST_CASE("R12: the improvement project's stages and their durations are measured", "[eval][metrics][R12]") {
    const auto m = eval::measure(*play("improvement-project", "reference"));
    std::vector<std::string> ids;
    for (const auto& d : m.decisions) ids.push_back(d.id);
    CHECK(ids == std::vector<std::string>{"propose-project", "decide-project", "recommend-routine", "adopt-routine", "follow-up"});
    for (std::size_t i = 1; i < m.decisions.size(); ++i) CHECK(m.decisions[i].sinceSignal > m.decisions[i - 1].sinceSignal);
    // From the shortcoming raised to the joint routine adopted: nine to ten months of ordinary-mode
    // work, the group's items waiting for its monthly meetings.
    CHECK(m.decisions[3].sinceSignal > 270 * kDay);
    CHECK(m.decisions[3].sinceSignal < 300 * kDay);
}

TEST_CASE("large figures are grouped in threes for reading", "[eval][format]") {
    CHECK(eval::grouped(39800500) == "39\u00a0800\u00a0500");
    CHECK(eval::grouped(999) == "999");
    CHECK(eval::grouped(1000) == "1\u00a0000");
    CHECK(eval::grouped(0.4) == "0");
    CHECK(eval::grouped(-12345.6) == "-12\u00a0346");
}
