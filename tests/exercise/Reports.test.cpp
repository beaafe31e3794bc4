// Knowledge travels through reports: a forum's picture holds what its members reported, and
// decisions on what is known follow the picture (issue 9, part 2).
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

namespace {

const std::string kCoordinating = "regionalt-samordnande-forum";
const std::string kDirecting = "regionalt-inriktande-forum";

double outcome(const exercise::Exercise& run, const std::string& id) {
    return run.world()->outcome(run.world()->outcomeIndex(id));
}

// A trainee holds Stockholms stad — the one member of the coordinating forum who sees the local
// streets. In both runs the trainee takes the play's one step for the role (the schools decision
// in the directing forum) at the same moment; `reports` says whether the trainee also reports to
// the coordinating forum, every half hour while it sits there.
std::unique_ptr<exercise::Exercise> cityTrainee(const scenario::Scenario& s, bool reports) {
    exercise::Options o;
    o.trainees = {"stockholms-stad"};
    auto run = std::make_unique<exercise::Exercise>(s, o);
    const protocol::Command* schools = nullptr;
    for (const auto& step : s.play("reference")->steps)
        if (const auto* d = std::get_if<protocol::AgreeDecision>(&step.command);
            d != nullptr && d->id == "schools-closed")
            schools = &step.command;
    REQUIRE(schools != nullptr);
    const auto coordinating = s.region.forumIndex(kCoordinating);
    const auto city = s.region.actorIndex("stockholms-stad");
    bool decided = false;
    for (Millis t = 0; t <= s.duration; t += 30 * kMinute) {
        run->runUntil(t);
        const auto& directing = run->cooperation().forum(s.region.forumIndex(kDirecting));
        if (!decided && directing.status == protocol::ForumStatus::active &&
            t >= directing.activatedAt + 25 * kMinute) {
            REQUIRE(run->submit(*schools).accepted);
            decided = true;
        }
        const auto& forum = run->cooperation().forum(coordinating);
        if (reports && forum.status == protocol::ForumStatus::active && forum.has(city))
            REQUIRE(run->submit(protocol::Report{"stockholms-stad", kCoordinating, {}, {}, {}}).accepted);
    }
    REQUIRE(decided);
    run->runToEnd();
    return run;
}

}  // namespace

// The snowstorm with half the region's tracked vehicles: then the Armed Forces' own, which come
// when the coordinating forum knows the local streets are blocked, are needed (in the shipped
// scenario the region's are enough for acute healthcare and rescue, so they change no outcome).
const scenario::Scenario& fewVehicles() {
    static const scenario::Scenario s = [] {
        auto copy = shipped("snowstorm");
        for (auto& r : copy.world->resources)
            if (r.id == "bandvagnar") r.capacity.value /= 2;
        return copy;
    }();
    return s;
}

TEST_CASE("a missing report leaves the forum's picture without the service, and the decision on it is never taken",
          "[exercise][knowledge][reports][R9]") {
    const auto reported = cityTrainee(fewVehicles(), true);
    const auto silent = cityTrainee(fewVehicles(), false);
    const auto* w = silent->world();
    const auto local = w->serviceIndex("local-streets");
    const auto coordinating = silent->scenario().region.forumIndex(kCoordinating);

    // The same storm, the same members: only the city's reports differ.
    CHECK(reported->world()->drawn(0).onset == w->drawn(0).onset);
    CHECK(all(*silent, "report", kCoordinating).size() < all(*reported, "report", kCoordinating).size());

    // Without the city's reports the coordinating forum never knows the local streets …
    int coordinatingPictures = 0;
    for (const auto& [forum, picture] : silent->pictures())
        if (forum == coordinating) {
            ++coordinatingPictures;
            CHECK(picture.services[local].observedAt == -1);
        }
    CHECK(coordinatingPictures > 3);
    // … and the journal names the member whose reports it missed.
    for (const auto& e : all(*silent, "situational-picture", kCoordinating)) {
        const auto& unreported = e.as<protocol::PictureCompiled>()->unreported;
        CHECK(std::find(unreported.begin(), unreported.end(), "stockholms-stad") != unreported.end());
    }
    // The directing forum still knows them: the other municipalities report there by doctrine.
    bool directingKnows = false;
    for (const auto& [forum, picture] : silent->pictures())
        directingKnows = directingKnows || (forum != coordinating && picture.services[local].observedAt >= 0);
    CHECK(directingKnows);

    // With the reports, the picture shows the streets blocked and the Armed Forces are called in at
    // that picture; without them, never — although the streets were as blocked in truth.
    const auto& called = first(*reported, "called-in", kCoordinating, "", "forsvarsmakten");
    engine::Millis firstKnown = -1;
    for (const auto& [forum, picture] : reported->pictures())
        if (forum == coordinating && picture.services[local].observedAt >= 0 && picture.services[local].level < 0.4) {
            firstKnown = picture.compiledAt;
            break;
        }
    CHECK(called.t == firstKnown);
    bool truthBlocked = false;
    for (std::size_t i = 0; i < w->samples(); ++i) truthBlocked = truthBlocked || w->sampledLevel(i, local) < 0.4;  // the doctrine's threshold
    CHECK(truthBlocked);
    for (const auto& e : all(*silent, "called-in", kCoordinating)) CHECK(e.actor != "forsvarsmakten");

    // The outcome follows: without the Armed Forces' tracked vehicles more rescue call-outs are
    // delayed (acute healthcare comes first in the forum's order, so it has the region's own).
    CHECK(outcome(*silent, "rescue-callouts-delayed") > 1.05 * outcome(*reported, "rescue-callouts-delayed"));
    CHECK(outcome(*silent, "acute-transports-late") >= outcome(*reported, "acute-transports-late"));

    // The trainee's console lists what the role has seen and not reported.
    const auto open = silent->unreported("stockholms-stad");
    CHECK(std::find(open.begin(), open.end(), local) != open.end());
    CHECK(silent->lastReported("stockholms-stad", local).observedAt == -1);
    CHECK(reported->lastReported("stockholms-stad", local).observedAt >= 0);
}

TEST_CASE("a trainee's report carries the role's own observations, and only of services it observes",
          "[exercise][reports]") {
    exercise::Options o;
    o.trainees = {"stockholms-stad"};
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(2 * kHour);
    const auto* w = run.world();
    REQUIRE(run.submit(protocol::Report{"stockholms-stad", kCoordinating, {}, {}, {}}).accepted);
    const auto& made = *run.journal().entries().back().as<protocol::ReportMade>();
    std::vector<std::string> seen;
    for (const auto& l : made.levels) {
        seen.push_back(l.service);
        const auto s = w->serviceIndex(l.service);
        CHECK(l.observedAt == run.now() - w->spec().services[s].reportDelay);
        CHECK(l.level == Approx(w->levelAt(s, l.observedAt)));
    }
    CHECK(seen == std::vector<std::string>{"trunk-bus-streets", "bus-streets", "local-streets", "school-travel"});
    CHECK(run.unreported("stockholms-stad").empty());  // nothing has changed since
    // Naming services: only those, and never one the role does not see.
    REQUIRE(run.submit(protocol::Report{"stockholms-stad", kCoordinating, {}, {"local-streets"}, {}}).accepted);
    CHECK(run.journal().entries().back().as<protocol::ReportMade>()->levels.size() == 1);
    const auto refused = run.submit(protocol::Report{"stockholms-stad", kCoordinating, {}, {"rail"}, {}});
    CHECK(refused.refusal.code == protocol::RefusalCode::notObserver);
    CHECK(refused.refusal.args == std::vector<std::string>{"stockholms-stad", "rail"});
    CHECK(run.submit(protocol::Report{"stockholms-stad", kCoordinating, {}, {"snow-on-mars"}, {}}).refusal.code ==
          protocol::RefusalCode::unknownService);
    CHECK(line(run, run.journal().entries().back()).find("\"code\":\"unknown-service\"") != std::string::npos);
}

TEST_CASE("simulated actors report by doctrine, and a report at an interval leaves the picture as old as the report",
          "[exercise][reports][doctrine]") {
    // The reference play: every member reports at each conference, just before the picture.
    const auto reference = play("snowstorm", "reference");
    for (const auto& e : all(*reference, "situational-picture"))
        CHECK(e.as<protocol::PictureCompiled>()->unreported.empty());
    const auto doctrine =
        std::count_if(reference->journal().entries().begin(), reference->journal().entries().end(), [](const auto& e) {
            const auto* c = e.template as<protocol::CommandIssued>();
            return c != nullptr && c->source == protocol::Source::doctrine;
        });
    CHECK(doctrine > 50);
    // The city reports only on the hour instead: the coordinating forum's picture of the local
    // streets is then the last hourly report, up to an hour older than at a conference.
    auto s = shipped("snowstorm");
    s.region.reporting.push_back({{"stockholms-stad"}, {false, kHour}});
    exercise::Exercise run(s, {});
    run.runToEnd();
    const auto* w = run.world();
    const auto local = w->serviceIndex("local-streets");
    const auto coordinating = s.region.forumIndex(kCoordinating);
    int checked = 0, unknown = 0;
    for (const auto& [forum, picture] : run.pictures()) {
        if (forum != coordinating) continue;
        const auto& k = picture.services[local];
        if (k.observedAt < 0) {
            ++unknown;  // the forum's first meeting, before the city's first report on the hour
            continue;
        }
        const Millis reportedAt = k.observedAt + 30 * kMinute;
        CHECK(reportedAt % kHour == 0);
        CHECK(reportedAt <= picture.compiledAt);
        CHECK(picture.compiledAt - reportedAt < kHour);
        ++checked;
    }
    CHECK(checked > 3);
    CHECK(unknown == 1);
    // An actor that sees nothing has nothing to report, even by doctrine.
    CHECK(has(run, "report"));
    for (const auto& e : all(run, "report")) CHECK(e.actor != "ksl");
}

TEST_CASE("runs with a trainee's reports are deterministic and replay from their commands",
          "[exercise][reports][determinism]") {
    const auto a = cityTrainee(shipped("snowstorm"), true);
    const auto b = cityTrainee(shipped("snowstorm"), true);
    CHECK(a->journal().text() == b->journal().text());
    exercise::Options o;
    o.trainees = {"stockholms-stad"};
    exercise::Exercise replay(shipped("snowstorm"), o);
    for (const auto& c : a->inputs()) replay.submitAt(c.at, c.command, c.source);
    replay.runToEnd();
    CHECK(replay.journal().text() == a->journal().text());
}
