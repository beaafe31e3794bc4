// The exercise: commands in, journal out, trainees, decision points, determinism, fork.
#include <sstream>

#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

TEST_CASE("the same scenario, seed and commands give the same journal bytes", "[exercise][determinism]") {
    for (const char* name : {"snowstorm", "snowstorm-areas", "snowstorm-municipalities", "demonstration", "improvement-project"}) {
        INFO(name);
        const auto a = play(name, "reference");
        const auto b = play(name, "reference");
        CHECK(a->journal().text() == b->journal().text());
        CHECK(a->journal().entries().size() > 20);
    }
}

TEST_CASE("another seed draws other convening delays", "[exercise][determinism]") {
    const auto a = play("snowstorm", "reference", 1);
    const auto b = play("snowstorm", "reference", 4);
    CHECK(a->journal().text() != b->journal().text());
    CHECK(a->seed() == 1);
}

TEST_CASE("the journal is written as events happen, one flushed JSON line per entry", "[exercise][journal]") {
    std::ostringstream out;
    exercise::Options o;
    o.journalOut = &out;
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(kHour);
    const auto partial = out.str();
    CHECK(partial == run.journal().text());
    run.runToEnd();
    CHECK(out.str() == run.journal().text());
    CHECK(out.str().rfind(partial, 0) == 0);
    const auto& firstEntry = run.journal().entries().front();
    CHECK(firstEntry.kind == protocol::Kind::start);
    CHECK(run.journal().line(firstEntry).rfind("{\"t\":0,\"seq\":1,\"kind\":\"start\"", 0) == 0);
    CHECK(run.journal().entries().back().kind == protocol::Kind::end);
    CHECK(run.finished());
}

TEST_CASE("commands are accepted or rejected with a reason, and both are journalled", "[exercise][commands]") {
    exercise::Options o;
    o.playName = "none";
    exercise::Exercise run(shipped("snowstorm"), o);
    const protocol::Convene wrong{"polisen", "coordinating", "", 0, {}};
    const auto answer = run.submit(wrong);
    CHECK_FALSE(answer.accepted);
    CHECK(run.renderer().refusal(answer.refusal).en == "Only Stockholm County Administrative Board convenes forums (R5); ask for activation instead (R6).");
    const auto& entries = run.journal().entries();
    REQUIRE(entries.size() >= 2);
    CHECK(entries[entries.size() - 2].kind == protocol::Kind::command);
    CHECK(entries[entries.size() - 2].as<protocol::CommandIssued>()->source == protocol::Source::trainee);
    CHECK(entries.back().kind == protocol::Kind::rejected);
    CHECK(text(run, entries.back()).en == run.renderer().refusal(answer.refusal).en);
}

TEST_CASE("the play leaves a trainee's role to the trainee and plays every other role", "[exercise][trainee]") {
    exercise::Options o;
    o.trainees = {"lansstyrelsen"};
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(6 * kHour);
    CHECK_FALSE(has(run, "convened"));  // nobody convenes for Länsstyrelsen's trainee
    const protocol::Convene c{"lansstyrelsen", "coordinating", "telephone", 0, {"lansstyrelsen", "polisen", "trafikverket", "smhi", "region-stockholm", "sl", "stockholms-stad", "rescue-services"}};
    REQUIRE(run.submit(c).accepted);
    run.runUntil(7 * kHour);
    // The simulator plays the others: SMHI reports once the forum opens.
    CHECK(first(run, "report", "regionalt-samordnande-forum", "", "smhi").t > 6 * kHour);
}

TEST_CASE("exercise control hands a trainee's role to the simulator, which plays its remaining steps", "[exercise][trainee]") {
    // Trafikverket's trainee holds the role: the play's priority frame in the directing forum is left to them.
    exercise::Options o;
    o.trainees = {"trafikverket"};
    exercise::Exercise kept(shipped("snowstorm"), o);
    kept.runToEnd();
    const auto byTrafikverket = [](const exercise::Exercise& run) {
        int n = 0;
        for (const auto& e : run.journal().entries())
            if (e.kind == protocol::Kind::command && e.actor == "trafikverket" && e.as<protocol::CommandIssued>()->source == protocol::Source::play) ++n;
        return n;
    };
    CHECK(byTrafikverket(kept) == 0);

    exercise::Exercise handed(shipped("snowstorm"), o);
    handed.runUntil(2 * kHour);
    CHECK_FALSE(handed.submit(protocol::HandOver{"polisen", "trafikverket"}).accepted);     // only exercise control
    CHECK_FALSE(handed.submit(protocol::HandOver{"control", "polisen"}, protocol::Source::control).accepted);  // no trainee holds it
    REQUIRE(handed.submit(protocol::HandOver{"control", "trafikverket"}, protocol::Source::control).accepted);
    CHECK(first(handed, "hand-over").actor == "trafikverket");
    CHECK(first(handed, "hand-over").t == 2 * kHour);
    CHECK_FALSE(handed.submit(protocol::HandOver{"control", "trafikverket"}, protocol::Source::control).accepted);  // already handed over
    handed.runToEnd();
    // From the hand-over on, the simulator plays Trafikverket's steps, and only those after it.
    CHECK(byTrafikverket(handed) > 0);
    for (const auto& e : handed.journal().entries())
        if (e.kind == protocol::Kind::command && e.actor == "trafikverket" && e.as<protocol::CommandIssued>()->source == protocol::Source::play)
            CHECK(e.t >= 2 * kHour);
    CHECK(has(handed, "frame-set"));
}

TEST_CASE("a decision point waits for its role, and takes the default on time-out", "[exercise][decision-points]") {
    exercise::Options o;
    o.playName = "none";
    exercise::Exercise run(shipped("snowstorm"), o);
    // The stuck vehicles are reported three hours into the storm as drawn.
    const Millis at = run.world()->drawn(run.world()->hazardIndex("snowfall")).onset + 3 * kHour;
    run.runUntil(at);
    REQUIRE(run.openDecisionPoints().size() == 1);
    protocol::AnswerDecisionPoint wrongRole{"polisen", "stuck-vehicles-report", "wait"};
    CHECK_FALSE(run.submit(wrongRole).accepted);
    protocol::AnswerDecisionPoint badOption{"trafikverket", "stuck-vehicles-report", "panic"};
    CHECK_FALSE(run.submit(badOption).accepted);
    run.runUntil(at + 30 * kMinute);
    CHECK(run.openDecisionPoints().empty());
    const auto& answered = first(run, "decision-answered", "", "stuck-vehicles-report");
    CHECK(answered.t == at + 30 * kMinute);
    CHECK(answered.as<protocol::DecisionPointAnswered>()->option == "report");
    CHECK(answered.as<protocol::DecisionPointAnswered>()->source == protocol::Source::timeout);
    // The default option's report is refused: no coordinating forum is active in this run.
    const auto rejections = all(run, "rejected");
    REQUIRE(rejections.size() == 3);
    CHECK(text(run, rejections[0]).en == "The decision point is for Swedish Transport Administration to answer.");
    CHECK(text(run, rejections[2]).en.find("is not active right now") != std::string::npos);
}

TEST_CASE("answering a decision point submits its option's commands as the role", "[exercise][decision-points]") {
    exercise::Options o;
    o.playName = "none";
    o.trainees = {"trafikverket"};
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(run.world()->drawn(run.world()->hazardIndex("snowfall")).onset + 3 * kHour);
    REQUIRE(run.submit(protocol::AnswerDecisionPoint{"trafikverket", "stuck-vehicles-report", "wait"}).accepted);
    CHECK(run.openDecisionPoints().empty());
    CHECK(first(run, "decision-answered").as<protocol::DecisionPointAnswered>()->option == "wait");
    CHECK_FALSE(run.submit(protocol::AnswerDecisionPoint{"trafikverket", "stuck-vehicles-report", "report"}).accepted);
}

TEST_CASE("exercise control injects scenario injects or free text – nobody else can", "[exercise][inject]") {
    exercise::Options o;
    o.playName = "none";
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(kHour);
    CHECK_FALSE(run.submit(protocol::ControlInject{"polisen", "", {"sl"}, {"x", "x"}}).accepted);
    REQUIRE(run.submit(protocol::ControlInject{"control", "snow-stops", {}, {}}, protocol::Source::control).accepted);
    REQUIRE(run.submit(protocol::ControlInject{"control", "", {"sl"}, {"Bussdepå brinner", "Bus depot on fire"}}, protocol::Source::control).accepted);
    const auto injects = all(run, "inject");
    REQUIRE(injects.size() == 3);
    CHECK(injects[1].ref == "snow-stops");
    CHECK(injects[1].t == kHour);
    CHECK(injects[2].actor == "control");
    CHECK_FALSE(run.submit(protocol::ControlInject{"control", "no-such-inject", {}, {}}).accepted);
}

TEST_CASE("a run forked at time T repeats the journal up to T and can then take other choices", "[exercise][fork]") {
    exercise::Options o;
    o.trainees = {"lansstyrelsen"};
    exercise::Exercise original(shipped("snowstorm"), o);
    original.runUntil(30 * kMinute);
    const protocol::Convene c{"lansstyrelsen", "coordinating", "telephone", 0, {}};
    REQUIRE(original.submit(c).accepted);
    original.runUntil(10 * kHour);
    const auto fork = original.fork(5 * kHour);
    CHECK(fork->now() == 5 * kHour);
    const auto& forkEntries = fork->journal().entries();
    const auto& originalEntries = original.journal().entries();
    REQUIRE(forkEntries.size() < originalEntries.size());
    for (std::size_t i = 0; i < forkEntries.size(); ++i) {
        INFO(i);
        CHECK(fork->journal().line(forkEntries[i]) == original.journal().line(originalEntries[i]));
    }
    CHECK(originalEntries[forkEntries.size()].t > 5 * kHour);
    // A different choice from T on: deactivate the forum in the fork only.
    REQUIRE(fork->submit(protocol::Deactivate{"lansstyrelsen", "coordinating"}).accepted);
    CHECK(has(*fork, "deactivated"));
    CHECK_FALSE(has(original, "deactivated"));
}

TEST_CASE("the clock stops at the scenario's end – later commands are refused", "[exercise]") {
    exercise::Options o;
    o.playName = "none";
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(1000 * kHour);
    CHECK(run.finished());
    CHECK(run.now() == 48 * kHour);
    CHECK_FALSE(run.step());
    CHECK_FALSE(run.submit(protocol::RequestActivation{"polisen", "", "", {}}).accepted);
}

TEST_CASE("weekly conferences fall on the region's weekday and time", "[exercise][conferences]") {
    const auto run = play("improvement-project", "reference");
    const auto weekly = all(*run, "conference", "regional-samordningsgrupp");
    REQUIRE(weekly.size() == 104);  // two years of Mondays
    // The scenario starts Tuesday 2026-02-03 08:00; the first Monday 09:00 is six days and an hour later.
    CHECK(weekly[0].t == 6 * kDay + kHour);
    CHECK(weekly[1].t - weekly[0].t == 7 * kDay);
    CHECK(engine::formatClock(run->scenario().start, weekly[5].t).substr(11) == "09:00");
}

TEST_CASE("set-priorities naming an unknown list or service is refused at run time", "[exercise][priorities]") {
    exercise::Options o;
    exercise::Exercise run(shipped("snowstorm"), o);
    while (!has(run, "priorities-set") && run.step()) {
    }
    REQUIRE(has(run, "priorities-set"));
    const auto set = first(run, "priorities-set");
    const auto unknownList = run.submit(protocol::SetPriorities{set.actor, set.forum, "no-such-list", {"rail"}});
    CHECK_FALSE(unknownList.accepted);
    CHECK(unknownList.refusal.code == protocol::RefusalCode::unknownList);
    const auto unknownItem =
        run.submit(protocol::SetPriorities{set.actor, set.forum, "snow-clearing", {"rail", "no-such-service"}});
    CHECK_FALSE(unknownItem.accepted);
    CHECK(unknownItem.refusal.code == protocol::RefusalCode::unknownListItem);
    CHECK(unknownItem.refusal.args == std::vector<std::string>{"snow-clearing", "no-such-service"});
    // The same list with services it orders is accepted: the refusals above are for the names alone
    // (all four, as the directing forum's frame ranks them: R11).
    CHECK(run.submit(protocol::SetPriorities{set.actor, set.forum, "snow-clearing", {"rail", "trunk-bus-streets", "bus-streets", "main-roads", "local-streets"}})
              .accepted);
}
