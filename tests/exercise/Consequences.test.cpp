// Evidence that timing matters: the snowstorm's outcomes for the reference, late and alone plays.
#include "sim/eval/Metrics.hpp"
#include "tests/support/CountingNew.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

namespace {
double outcome(const exercise::Exercise& run, const std::string& id) {
    const auto* w = run.world();
    REQUIRE(w != nullptr);
    const auto o = w->outcomeIndex(id);
    REQUIRE(o != SIZE_MAX);
    return w->outcome(o);
}

double levelAt(const exercise::Exercise& run, const std::string& service, engine::Millis t) {
    const auto* w = run.world();
    const auto s = w->serviceIndex(service);
    for (std::size_t i = 0; i < w->samples(); ++i)
        if (w->sampleTime(i) >= t) return w->sampledLevel(i, s);
    return w->sampledLevel(w->samples() - 1, s);
}
}  // namespace

TEST_CASE("snowstorm: the reference play beats the late play, which beats acting alone", "[consequences][R14][R15]") {
    for (const std::uint64_t seed : {2026ULL, 1ULL, 2ULL, 3ULL}) {
        INFO("seed " << seed);
        const auto reference = play("snowstorm", "reference", seed);
        const auto late = play("snowstorm", "late", seed);
        const auto alone = play("snowstorm", "alone", seed);
        // Same seed, same storm: only the cooperation differs.
        CHECK(reference->world()->drawn(0).onset == alone->world()->drawn(0).onset);
        for (const char* metric : {"person-hours-stranded", "customer-hours-without-power", "acute-transports-late",
                                   "rescue-callouts-delayed", "bus-departures-lost"}) {
            INFO(metric);
            CHECK(outcome(*reference, metric) < outcome(*late, metric));
            CHECK(outcome(*late, metric) < outcome(*alone, metric));
        }
        // Not cooperating costs more than being late does: acting alone adds more to acting late
        // than acting late adds to the reference. (How much more is a figure for the sensitivity
        // analysis and its band, not for a test.)
        CHECK(outcome(*alone, "person-hours-stranded") - outcome(*late, "person-hours-stranded") >
              outcome(*late, "person-hours-stranded") - outcome(*reference, "person-hours-stranded"));
    }
}

TEST_CASE("snowstorm: acting in advance lets traffic recover within hours – waiting lets the network seize up", "[consequences][R14]") {
    const auto reference = play("snowstorm", "reference");
    const auto alone = play("snowstorm", "alone");
    const auto& snow = reference->world()->drawn(0);
    const engine::Millis stops = snow.onset + snow.duration;
    // Main roads and trunk-bus streets stay open in the reference play, and are at full level
    // four hours after the snow stops.
    CHECK(levelAt(*reference, "main-roads", stops + 4 * kHour) > 0.95);
    CHECK(levelAt(*reference, "trunk-bus-streets", stops + 4 * kHour) > 0.95);
    // Acting alone, the traffic stays on the streets: stuck vehicles hold the ploughs up past the
    // tipping point and the local streets seize up by the time the snow stops, while in the
    // reference play they keep some traffic going; four hours later they are still far behind.
    CHECK(levelAt(*alone, "local-streets", stops) < 0.2);
    CHECK(levelAt(*reference, "local-streets", stops) > 0.2);
    CHECK(levelAt(*alone, "local-streets", stops + 4 * kHour) < levelAt(*reference, "local-streets", stops + 4 * kHour) - 0.2);
    // The main roads take more of a beating too.
    CHECK(levelAt(*alone, "main-roads", stops) < levelAt(*reference, "main-roads", stops));
}

TEST_CASE("snowstorm: late decisions take hold less strongly than decisions in good time", "[consequences]") {
    const auto reference = play("snowstorm", "reference");
    const auto late = play("snowstorm", "late");
    auto timelinessOf = [](const exercise::Exercise& run, const std::string& measure) {
        const auto& spec = run.world()->spec();
        const auto m = run.world()->measureIndex(measure);
        for (const auto& a : run.world()->applied())
            if (spec.effects[a.effect].on == world::EffectTrigger::measure && spec.effects[a.effect].measure == m) return a.timeliness;
        FAIL("no effect for " << measure);
        return 0.0;
    };
    CHECK(timelinessOf(*reference, "bus-lines-cancelled") == Approx(1.0));
    CHECK(timelinessOf(*late, "bus-lines-cancelled") < 1.0);
    // The joint public message keeps cars off the roads; in the alone play only separate messages do, less.
    const auto alone = play("snowstorm", "alone");
    const auto cars = [](const exercise::Exercise& run) { return run.world()->demandFactor(3); };
    REQUIRE(reference->world()->spec().demands[3].id == "car-travellers");
    CHECK(cars(*reference) == Approx(1.0));  // the effects have ended by the end of the run
    bool jointApplied = false;
    for (const auto& a : reference->world()->applied())
        jointApplied = jointApplied || reference->world()->spec().effects[a.effect].on == world::EffectTrigger::jointPublicMessage;
    CHECK(jointApplied);
    for (const auto& a : alone->world()->applied())
        CHECK(alone->world()->spec().effects[a.effect].on != world::EffectTrigger::jointPublicMessage);
}

TEST_CASE("the world model keeps runs deterministic and replayable", "[consequences][determinism]") {
    const auto a = play("snowstorm", "late", 9);
    const auto b = play("snowstorm", "late", 9);
    CHECK(outcome(*a, "person-hours-stranded") == outcome(*b, "person-hours-stranded"));
    CHECK(a->journal().text() == b->journal().text());
    // The world draws from its own stream: the protocol's convening delays are those of a run
    // without a world model.
    auto noWorld = shipped("snowstorm");
    noWorld.world.reset();
    exercise::Options o;
    o.seed = 9;
    o.playName = "late";
    exercise::Exercise run(noWorld, o);
    run.runToEnd();
    auto convenings = [](const exercise::Exercise& r) {
        std::vector<std::string> lines;
        for (const auto& e : r.journal().entries())
            if (e.kind == protocol::Kind::convened || e.kind == protocol::Kind::meetingOpened) lines.push_back(std::to_string(e.t) + e.forum + text(r, e).en);
        return lines;
    };
    CHECK(convenings(run) == convenings(*a));
    CHECK(all(*a, "situational-picture").size() > 5);
    CHECK(all(run, "situational-picture").empty());
    CHECK(a->eventCount() > run.eventCount());
}

TEST_CASE("demonstration: outcomes worsen when the affected actors join the planning forum after the event starts", "[consequences][R13]") {
    for (const std::uint64_t seed : {513ULL, 1ULL, 2ULL, 3ULL}) {
        INFO("seed " << seed);
        const auto reference = play("demonstration", "reference", seed);
        const auto lateJoin = play("demonstration", "affected-late", seed);
        const auto alone = play("demonstration", "alone", seed);
        // In the affected-late play SL joins only after the march has started.
        CHECK(first(*lateJoin, "member-joined", "planeringsforum", "", "sl").t > first(*lateJoin, "inject", "", "demo-starts").t);
        for (const char* metric : {"confrontation-incidents", "traveller-hours-disrupted", "emergency-calls-delayed"}) {
            INFO(metric);
            CHECK(outcome(*reference, metric) < outcome(*lateJoin, metric));
            CHECK(outcome(*lateJoin, metric) < outcome(*alone, metric));
        }
    }
    // Activating the planning forum eight hours later, days before the march, changes nothing.
    CHECK(outcome(*play("demonstration", "late"), "traveller-hours-disrupted") ==
          outcome(*play("demonstration", "reference"), "traveller-hours-disrupted"));
}

TEST_CASE("truth and knowledge: the joint situational picture lags the true state by the report delay", "[consequences][knowledge]") {
    const auto run = play("snowstorm", "reference");
    const auto* w = run->world();
    const auto pictures = all(*run, "situational-picture");
    // One picture at each activated forum's first meeting and at each of its conferences.
    CHECK(pictures.size() == all(*run, "meeting-opened").size() + all(*run, "conference", "regionalt-samordnande-forum").size() +
                                 all(*run, "conference", "regionalt-inriktande-forum").size());
    REQUIRE(run->pictures().size() == pictures.size());
    const auto local = w->serviceIndex("local-streets");
    bool sawLag = false;
    for (const auto& [forum, picture] : run->pictures()) {
        const auto& known = picture.services[local];
        REQUIRE(known.observedAt >= 0);
        CHECK(known.observedAt == picture.compiledAt - 30 * kMinute);
        CHECK(known.level == Approx(w->levelAt(local, picture.compiledAt - 30 * kMinute)));
        sawLag = sawLag || std::abs(known.level - w->levelAt(local, picture.compiledAt)) > 0.05;
    }
    CHECK(sawLag);  // while the snow falls, the picture is behind the truth
    // The journal records both what was known and what was true.
    const auto& compiled = *pictures[0].as<protocol::PictureCompiled>();
    CHECK(std::any_of(compiled.services.begin(), compiled.services.end(), [](const auto& s) { return s.known; }));
    CHECK(line(*run, pictures[0]).find("\"true\":") != std::string::npos);
    CHECK(pictures[0].actor == "lansstyrelsen");
}

TEST_CASE("truth and knowledge: without forums there is no joint picture, and it grows old", "[consequences][knowledge]") {
    const auto reference = eval::measure(*play("snowstorm", "reference"));
    const auto late = eval::measure(*play("snowstorm", "late"));
    const auto alone = eval::measure(*play("snowstorm", "alone"));
    CHECK(alone.pictures == 0);
    CHECK(reference.pictureAgeMeanHours < late.pictureAgeMeanHours);
    CHECK(late.pictureAgeMeanHours < alone.pictureAgeMeanHours);
    CHECK(reference.pictureAgeMaxHours <= 6.5);  // conferences every 6 h, observations 30 min old
    CHECK(late.pictureAgeMaxHours > 8);          // nothing joint for the first eight hours
}

TEST_CASE("truth and knowledge: a decision taken on what is known comes when the picture shows it", "[consequences][knowledge][R9]") {
    const auto run = play("snowstorm", "reference");
    const auto* w = run->world();
    const auto local = w->serviceIndex("local-streets");
    const auto& called = first(*run, "called-in", "regionalt-samordnande-forum", "", "forsvarsmakten");
    // The first coordinating-forum picture that shows the local streets below 0.4 is the moment.
    engine::Millis firstKnown = -1;
    for (const auto& [forum, picture] : run->pictures())
        if (run->scenario().region.forums[forum].id == "regionalt-samordnande-forum" && picture.services[local].level < 0.4) {
            firstKnown = picture.compiledAt;
            break;
        }
    CHECK(called.t == firstKnown);
    // The truth got there hours earlier: the forum acted on what it knew.
    engine::Millis truthCrossed = -1;
    for (std::size_t i = 0; i < w->samples(); ++i)
        if (w->sampledLevel(i, local) < 0.4) {
            truthCrossed = w->sampleTime(i);
            break;
        }
    CHECK(truthCrossed > 0);
    CHECK(called.t - truthCrossed > kHour);
}

TEST_CASE("improvement project: one joint routine beats parallel routines on readiness and on work", "[consequences][R12][R15]") {
    const auto reference = play("improvement-project", "reference");
    const auto alone = play("improvement-project", "alone");
    CHECK(outcome(*reference, "resident-days-unprepared") < outcome(*alone, "resident-days-unprepared"));
    CHECK(outcome(*reference, "development-effort") == Approx(150 + 45));
    CHECK(outcome(*alone, "development-effort") == Approx(7 * 60));
    // The joint routine brings the safety points to full readiness; parallel routines do not.
    const auto* w = reference->world();
    CHECK(w->level(w->serviceIndex("safety-points")) > 0.99);
    CHECK(alone->world()->level(alone->world()->serviceIndex("safety-points")) < 0.5);
}

TEST_CASE("demonstration: the crowd hits the city centre and its neighbours, not the rest of the county", "[consequences][map]") {
    exercise::Exercise run(shipped("demonstration"), {});
    run.runUntil(126 * kHour);  // Saturday 15:00, in the middle of the march
    const auto* w = run.world();
    REQUIRE(w != nullptr);
    std::vector<double> truth;
    for (std::size_t i = 0; i < w->spec().services.size(); ++i) truth.push_back(w->level(i));
    const double centre = world::areaImpact(w->spec(), "stockholms-stad", truth);
    const double solna = world::areaImpact(w->spec(), "solna", truth);
    CHECK(centre > 0.05);
    CHECK(solna == Approx(0.3 * centre));
    CHECK(world::areaImpact(w->spec(), "norrtalje", truth) == 0);
}

TEST_CASE("hours in which only the world model ticks allocate nothing", "[consequences][allocation]") {
    // Allocation happens per journal entry (its texts), not per event: an hour of world ticks with
    // no entry costs no heap allocation at all.
    exercise::Exercise run(shipped("snowstorm"), {});
    int quietHours = 0;
    for (int h = 1; h < 48; ++h) {
        run.runUntil(h * kHour);
        const auto entries = run.journal().entries().size();
        const auto events = run.eventCount();
        const auto before = support::allocationCount();
        run.runUntil((h + 1) * kHour);
        const auto allocations = support::allocationCount() - before;
        if (run.journal().entries().size() != entries) continue;
        ++quietHours;
        INFO("hour " << h);
        CHECK(run.eventCount() - events == 12);  // one tick every 5 minutes
        CHECK(allocations == 0);
    }
    CHECK(quietHours > 10);
}
