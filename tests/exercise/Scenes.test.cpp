// The seed's three scenes, end to end, with their order and times (R12, R13, R14).
#include <algorithm>

#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

namespace {
const std::string kCoordinating = "regionalt-samordnande-forum";
const std::string kDirecting = "regionalt-inriktande-forum";
}  // namespace

// The reference play scripts the scene; the doctrine rules tell it from what each actor does by
// itself, and must tell the same story.
TEST_CASE("R14: the snowstorm's reference play, and its doctrine, follow the seed's story", "[scenes][R14][doctrine]") {
    const std::string p = GENERATE(as<std::string>{}, "reference", "doctrine");
    INFO("play " << p);
    const auto run = play("snowstorm", p);
    const auto& warning = first(*run, "inject", "", "smhi-warning");
    CHECK(warning.t == 0);
    CHECK(warning.actor == "smhi");
    CHECK(warning.as<protocol::InjectDelivered>()->warningLevel == "red");

    // Länsstyrelsen calls the coordinating forum to a telephone conference.
    const auto& convened = first(*run, "convened", kCoordinating);
    CHECK(convened.actor == "lansstyrelsen");
    if (p == "doctrine") {
        // The alerting chain: SOS Alarm alerts the TiB, who verifies the warning with SMHI, informs
        // the actors and convenes once it has verified (förordning 2017:870, 2 §).
        const auto& alerted = first(*run, "alert");
        CHECK(alerted.actor == "sos-alarm");
        CHECK(alerted.as<protocol::Alerted>()->to == std::vector<std::string>{"lansstyrelsen"});
        const auto& answered = first(*run, "alert-answered", "", "tib");
        const auto& verified = first(*run, "verified");
        CHECK(verified.ref == "smhi");
        CHECK(answered.t < verified.t);
        CHECK(first(*run, "informed").t > verified.t);
        CHECK(convened.t == verified.t + 5 * kMinute);
    } else {
        CHECK(convened.t == 15 * kMinute);
    }
    CHECK(convened.as<protocol::Convened>()->medium == "telephone");
    const auto& coordinatingOpens = first(*run, "meeting-opened", kCoordinating);
    CHECK(coordinatingOpens.t >= convened.t + 15 * kMinute);
    CHECK(coordinatingOpens.t <= convened.t + 20 * kMinute);

    // The joint judgement, then the coordinating forum asks for the directing forum.
    const auto& judgement = first(*run, "decision-agreed", kCoordinating, "joint-judgement");
    CHECK(text(*run, judgement).sv.find("flygplatser") != std::string::npos);
    const auto& request = first(*run, "activation-requested", kDirecting);
    CHECK(request.as<protocol::ActivationRequested>()->viaForum == "regionalt-samordnande-forum");
    CHECK(judgement.t < request.t);

    // Two hours later the directing forum meets by telephone.
    const auto& directingOpens = first(*run, "meeting-opened", kDirecting);
    CHECK(directingOpens.t - coordinatingOpens.t == 2 * kHour);
    CHECK(directingOpens.as<protocol::MeetingOpened>()->medium == "telephone");

    // The seed's decisions, in its order, then the one public message.
    const std::vector<std::string> order{"schools-closed", "snow-clearing", "bus-lines-cancelled", "bandvagnar"};
    Millis previous = directingOpens.t;
    for (const auto& id : order) {
        const auto& d = first(*run, "decision-agreed", kDirecting, id);
        CHECK(d.t > previous);
        previous = d.t;
    }
    const auto& message = first(*run, "public-message", kDirecting);
    CHECK(message.t > previous);
    CHECK(message.as<protocol::PublicMessage>()->joint);
    CHECK(text(*run, message).sv.find("ficklampa och batteriradio") != std::string::npos);
    CHECK(text(*run, message).sv.find("stanna hemma") != std::string::npos);

    // Carried out by the actors responsible, each in its own organisation.
    CHECK(all(*run, "implemented", kDirecting, "schools-closed").size() == 26);
    const auto& buses = all(*run, "implemented", kDirecting, "bus-lines-cancelled");
    REQUIRE(buses.size() == 1);
    CHECK(buses[0].actor == "sl");
    CHECK(buses[0].t == first(*run, "decision-agreed", kDirecting, "bus-lines-cancelled").t + kHour);
    const auto bandvagnar = all(*run, "implemented", kDirecting, "bandvagnar");
    CHECK(bandvagnar.size() == 4);
    // Snow-clearing priority: rail and trunk-bus streets first, as a frame the coordinating forum follows.
    const auto& frame = first(*run, "frame-set", kDirecting).as<protocol::PrioritiesSet>()->order;
    REQUIRE(frame.size() >= 2);
    CHECK(frame[0] == "rail");
    CHECK(frame[1] == "trunk-bus-streets");
    CHECK(has(*run, "priorities-set", kCoordinating));
    CHECK_FALSE(has(*run, "rejected"));
}

TEST_CASE("R14: the late play activates the coordinating forum eight hours later", "[scenes][R14]") {
    const auto reference = play("snowstorm", "reference");
    const auto late = play("snowstorm", "late");
    CHECK(first(*late, "meeting-opened", kCoordinating).t - first(*reference, "meeting-opened", kCoordinating).t == 8 * kHour);
    CHECK(first(*late, "public-message", kDirecting).t - first(*reference, "public-message", kDirecting).t == 8 * kHour);
    CHECK(first(*late, "meeting-opened", kDirecting).t > 10 * kHour);
}

TEST_CASE("R14 R15: in the alone play no forum is activated and every actor acts on its own", "[scenes][R15]") {
    const auto run = play("snowstorm", "alone");
    CHECK_FALSE(has(*run, "meeting-opened"));
    CHECK_FALSE(has(*run, "decision-agreed"));
    CHECK(all(*run, "own-decision").size() == 5);
    CHECK(all(*run, "contact").size() == 7);
    const auto messages = all(*run, "public-message");
    REQUIRE(messages.size() == 3);
    for (const auto& m : messages) CHECK_FALSE(m.as<protocol::PublicMessage>()->joint);
    // Schools close in two municipalities only, and late.
    CHECK(first(*run, "own-decision", "", "huddinge-schools").t == 23 * kHour);
}

TEST_CASE("R13: the demonstration's reference play, and its doctrine, follow the seed's story", "[scenes][R13][doctrine]") {
    const std::string p = GENERATE(as<std::string>{}, "reference", "doctrine");
    INFO("play " << p);
    const auto run = play("demonstration", p);
    const auto& region = run->scenario().region;
    // The Police report at the weekly cooperation meeting.
    const auto& weekly = first(*run, "conference", "regional-samordningsgrupp");
    CHECK(weekly.t == 0);
    CHECK(weekly.as<protocol::ConferenceHeld>()->weekly);
    const auto& report = first(*run, "report", "regional-samordningsgrupp", "", "polisen");
    CHECK(report.t == 10 * kMinute);
    CHECK(text(*run, report).sv.find("motdemonstration") != std::string::npos);

    // The affected actors activate a planning forum through Länsstyrelsen: an activated forum at
    // the regional coordinating level (the seed's "regionalt samordnande nivå").
    const auto& planning = region.forums[region.forumIndex("planeringsforum")];
    CHECK(planning.level == "coordinating");
    CHECK(planning.mode == model::Mode::activated);
    const auto& request = first(*run, "activation-requested", "planeringsforum");
    CHECK(request.actor == "polisen");
    const auto& opened = first(*run, "meeting-opened", "planeringsforum");
    CHECK(opened.t > request.t);
    CHECK(opened.as<protocol::MeetingOpened>()->activated);
    for (const char* a : {"polisen", "sl", "trafikverket", "stockholms-stad", "solna", "sundbyberg"})
        CHECK(line(*run, opened).find(std::string("\"") + a + "\"") != std::string::npos);
    CHECK(first(*run, "chair-decided", "planeringsforum").actor == "polisen");
    // The indirectly affected are called in.
    CHECK(first(*run, "member-joined", "planeringsforum", "", "storstockholms-brandforsvar").t > opened.t);
    CHECK(first(*run, "member-joined", "planeringsforum", "", "region-stockholm").t > opened.t);

    // Extra cooperation conferences of the activated forum, each called by Länsstyrelsen; at each the
    // members report and Länsstyrelsen compiles the regional picture from their reports.
    const auto conferences = all(*run, "conference", "planeringsforum");
    REQUIRE(conferences.size() == 2);
    const auto convenings = all(*run, "convened", "planeringsforum");
    for (const auto& c : conferences) {
        INFO("conference at " << c.t);
        CHECK_FALSE(c.as<protocol::ConferenceHeld>()->weekly);
        // Called extra by Länsstyrelsen before it was held, to this very time.
        CHECK(std::any_of(convenings.begin(), convenings.end(), [&](const JournalEntry& e) {
            const auto* cv = e.as<protocol::Convened>();
            return e.actor == "lansstyrelsen" && cv->extraConference && e.t + cv->delay == c.t;
        }));
        const auto pictures = all(*run, "situational-picture", "planeringsforum");
        const auto picture = std::find_if(pictures.begin(), pictures.end(), [&](const JournalEntry& e) { return e.t == c.t; });
        REQUIRE(picture != pictures.end());
        CHECK(picture->actor == "lansstyrelsen");
        // What it knows came from the reports given at this conference.
        int known = 0;
        for (const auto& sv : picture->as<protocol::PictureCompiled>()->services)
            if (sv.known) ++known;
        CHECK(known == static_cast<int>(run->world()->spec().services.size()));
        CHECK(picture->as<protocol::PictureCompiled>()->unreported.empty());
        const auto reports = all(*run, "report", "planeringsforum");
        CHECK(std::count_if(reports.begin(), reports.end(), [&](const JournalEntry& e) { return e.t == c.t; }) >= 4);
    }
    CHECK(first(*run, "decision-agreed", "planeringsforum", "regional-picture").t > conferences[0].t);
    // No other forum held the scene's conferences: the ordinary group met only in its weekly rhythm.
    CHECK_FALSE(has(*run, "meeting-opened", "regional-samordningsgrupp"));
    for (const auto& c : all(*run, "conference", "regional-samordningsgrupp")) CHECK(c.as<protocol::ConferenceHeld>()->weekly);

    // The conference during the march was planned beforehand: called before the march began, held while it went on.
    const Millis demoStarts = first(*run, "inject", "", "demo-starts").t;
    const Millis demoEnds = first(*run, "inject", "", "demo-ends").t;
    const auto& march = conferences[1];
    CHECK(march.t > demoStarts);
    CHECK(march.t < demoEnds);
    const auto planned = std::find_if(convenings.begin(), convenings.end(), [&](const JournalEntry& e) {
        return e.t + e.as<protocol::Convened>()->delay == march.t;
    });
    REQUIRE(planned != convenings.end());
    CHECK(planned->t < demoStarts - 2 * kDay);
    CHECK(planned->t > conferences[0].t);
    CHECK(first(*run, "deactivated", "planeringsforum").t > demoEnds);
    CHECK_FALSE(has(*run, "rejected"));
}

TEST_CASE("R13: in the late play the affected actors meet eight hours later", "[scenes][R13]") {
    const auto reference = play("demonstration", "reference");
    const auto late = play("demonstration", "late");
    CHECK(first(*late, "activation-requested", "planeringsforum").t -
              first(*reference, "activation-requested", "planeringsforum").t ==
          8 * kHour);
    // The conference during the march was planned for its time: activated later, it is held then all the same.
    CHECK(all(*late, "conference", "planeringsforum").back().t == all(*reference, "conference", "planeringsforum").back().t);
    CHECK(all(*late, "conference", "planeringsforum").back().t == 5 * kDay + 5 * kHour + 15 * kMinute);
    const auto alone = play("demonstration", "alone");
    CHECK_FALSE(has(*alone, "meeting-opened", "planeringsforum"));
    CHECK(all(*alone, "contact").size() == 5);
}

TEST_CASE("R12: the improvement project goes group → executive group → project → group → executive group → follow-up", "[scenes][R12][doctrine]") {
    const std::string p = GENERATE(as<std::string>{}, "reference", "doctrine");
    INFO("play " << p);
    const auto run = play("improvement-project", p);
    const auto& raised = first(*run, "report", "regional-samordningsgrupp", "", "huddinge");
    const auto& shared = first(*run, "report", "regional-samordningsgrupp", "", "stockholms-stad");
    const auto& earlierWork = first(*run, "report", "regional-samordningsgrupp", "", "storstockholms-brandforsvar");
    const auto& proposal = first(*run, "proposal", "regional-chefsgrupp", "propose-project");
    const auto& decided = first(*run, "decision-agreed", "regional-chefsgrupp", "decide-project");
    const auto& recommend = first(*run, "proposal", "regional-chefsgrupp", "recommend-routine");
    const auto& adopted = first(*run, "decision-agreed", "regional-chefsgrupp", "adopt-routine");
    const auto& followUp = first(*run, "decision-agreed", "regional-samordningsgrupp", "follow-up");
    CHECK(raised.t < shared.t);
    CHECK(shared.t < earlierWork.t);
    CHECK(earlierWork.t < proposal.t);
    CHECK(proposal.t < decided.t);
    CHECK(decided.t < recommend.t);
    CHECK(recommend.t < adopted.t);
    CHECK(adopted.t < followUp.t);
    // Monthly rhythm: the executive group decides about four weeks after the proposal.
    CHECK(decided.t - proposal.t > 27 * kDay);
    // The coordinating level's representative needed the home organisation's word on a project (R3, R4).
    CHECK(first(*run, "consultation-started", "regional-samordningsgrupp", "propose-project").actor == "lansstyrelsen");
    // Every party introduces the routine in its own organisation (R10), weeks later.
    const auto done = all(*run, "implemented", "regional-chefsgrupp", "adopt-routine");
    CHECK(done.size() == 9);
    for (const auto& e : done) CHECK(e.t - adopted.t >= 30 * kDay);
    // Ordinary mode throughout: no forum is activated.
    CHECK_FALSE(has(*run, "activation-requested"));

    // The group's meetings fall on the region's calendar: the second Tuesday of the month, 09:00.
    const auto& monthly = *run->scenario().region.monthly;
    const auto meetings = all(*run, "meeting-opened", "regional-samordningsgrupp");
    REQUIRE(meetings.size() == 3);
    for (const auto& m : meetings) {
        const std::string clock = engine::formatClock(run->scenario().start, m.t);
        INFO("meeting at " << clock);
        CHECK(run->nextMonthlyMeeting(m.t) == m.t);
        CHECK(clock.substr(11) == "09:00");
        const int dayOfMonth = std::stoi(clock.substr(8, 2));
        CHECK(dayOfMonth >= 8);
        CHECK(dayOfMonth <= 14);
        CHECK(monthly.week == 2);
    }
    // The follow-up checks the routine's state: it comes after every party has carried it out,
    // and Länsstyrelsen reports the safety points' readiness as it sees it then.
    for (const auto& e : done) CHECK(e.t < followUp.t);
    CHECK(all(*run, "decision-agreed", "regional-samordningsgrupp", "follow-up-missing").empty());
    const auto& readiness = first(*run, "report", "regional-samordningsgrupp", "", "lansstyrelsen");
    CHECK(readiness.t > adopted.t);
    CHECK(readiness.t < followUp.t);
    const auto& levels = readiness.as<protocol::ReportMade>()->levels;
    REQUIRE(levels.size() == 1);
    CHECK(levels[0].service == "safety-points");
}

TEST_CASE("R12: the follow-up finds the routine missing where the executive group did not adopt it", "[scenes][R12][doctrine]") {
    // The scripted play in which the executive group postpones, and the doctrine with the executive
    // group's adoption taken out: either way the group follows up at the meeting it set when it
    // recommended, and finds what the parties did.
    const bool doctrine = GENERATE(false, true);
    INFO((doctrine ? "doctrine" : "scripted"));
    auto scenario = shipped("improvement-project");
    std::erase_if(scenario.behaviour, [](const scenario::BehaviourRule& r) { return r.id == "adopt-routine"; });
    exercise::Options o;
    o.playName = doctrine ? scenario::kDoctrinePlay : "not-adopted";
    exercise::Exercise without(scenario, o);
    without.runToEnd();
    const auto with = play("improvement-project", doctrine ? "doctrine" : "reference");
    CHECK(all(without, "implemented", "regional-chefsgrupp", "adopt-routine").empty());
    const auto& missing = first(without, "decision-agreed", "regional-samordningsgrupp", "follow-up-missing");
    CHECK(text(without, missing).en.find("not every party has introduced") != std::string::npos);
    CHECK(all(without, "decision-agreed", "regional-samordningsgrupp", "follow-up").empty());
    CHECK(all(*with, "decision-agreed", "regional-samordningsgrupp", "follow-up-missing").empty());
    CHECK(has(*with, "decision-agreed", "regional-samordningsgrupp"));
    // The follow-up meeting is on the same calendar date in both runs; the readiness reported there differs.
    const auto level = [](const exercise::Exercise& run) {
        const auto& r = first(run, "report", "regional-samordningsgrupp", "", "lansstyrelsen");
        REQUIRE(r.as<protocol::ReportMade>()->levels.size() == 1);
        return r.as<protocol::ReportMade>()->levels[0].level;
    };
    CHECK(level(without) < 0.45);
    CHECK(level(*with) > level(without) + 0.2);
    CHECK(all(without, "meeting-opened", "regional-samordningsgrupp").back().t ==
          all(*with, "meeting-opened", "regional-samordningsgrupp").back().t);
}

TEST_CASE("R15: in the alone improvement play each party builds its own routine", "[scenes][R12][R15]") {
    const auto run = play("improvement-project", "alone");
    CHECK(all(*run, "own-decision").size() == 7);
    CHECK_FALSE(has(*run, "decision-agreed"));
    CHECK(all(*run, "contact").size() == 3);
}

TEST_CASE("R14: the class-3 variant changes the warning's text and the storm drawn, and the weather injects follow the storm", "[scenes][R14][variants]") {
    exercise::Options red, class3;
    class3.variant = "class-3";
    exercise::Exercise a(shipped("snowstorm"), red), b(shipped("snowstorm"), class3);
    a.runToEnd();
    b.runToEnd();
    const auto& warningA = first(a, "inject", "", "smhi-warning");
    const auto& warningB = first(b, "inject", "", "smhi-warning");
    CHECK(warningB.as<protocol::InjectDelivered>()->warningSystem == "class");
    CHECK(text(b, warningB).sv.find("klass 3") != std::string::npos);
    CHECK(text(a, warningA).sv.find("klass 3") == std::string::npos);
    // SMHI's class-3 threshold: a harder, shorter storm.
    const auto& snowA = a.world()->drawn(a.world()->hazardIndex("snowfall"));
    const auto& snowB = b.world()->drawn(b.world()->hazardIndex("snowfall"));
    CHECK(snowB.peak > snowA.peak);
    CHECK(snowB.duration < snowA.duration);
    // "Snow starts" and "snow stops" are said when the drawn storm starts and stops, in each run.
    for (const auto* run : {&a, &b}) {
        const auto& snow = run->world()->drawn(run->world()->hazardIndex("snowfall"));
        CHECK(first(*run, "inject", "", "snow-starts").t == snow.onset);
        CHECK(first(*run, "inject", "", "snow-stops").t == snow.onset + snow.duration);
        CHECK(first(*run, "inject", "", "stuck-vehicles").t == snow.onset + 3 * kHour);
    }
    // Another seed, another storm, other times.
    exercise::Options other;
    other.seed = 7;
    exercise::Exercise c(shipped("snowstorm"), other);
    c.runToEnd();
    CHECK(first(c, "inject", "", "snow-starts").t != first(a, "inject", "", "snow-starts").t);
}

TEST_CASE("R14: in the class-3 variant the simulated actors speak of the class-3 warning, never of a red one", "[scenes][R14][variants]") {
    // The doctrine, the reference play and the play built on it ("late") all carry the variant's words.
    for (const std::string& playName : {std::string(scenario::kDoctrinePlay), std::string("reference"), std::string("late")}) {
        INFO(playName);
        exercise::Options o;
        o.playName = playName;
        o.variant = "class-3";
        exercise::Exercise run(shipped("snowstorm"), o);
        run.runToEnd();
        for (const auto& e : run.journal().entries()) {
            const auto t = text(run, e);
            INFO(t.sv);
            CHECK(t.sv.find("röd") == std::string::npos);
            CHECK(t.sv.find("Röd") == std::string::npos);
            CHECK(t.en.find("red warning") == std::string::npos);
            CHECK(t.en.find("Red warning") == std::string::npos);
        }
        // SMHI's report at the first conference, and the variant's title.
        CHECK(text(run, first(run, "report", "", "", "smhi")).sv.find("Klass 3") != std::string::npos);
        CHECK(text(run, run.journal().entries().front()).sv.find("klass 3") != std::string::npos);
        if (playName != scenario::kDoctrinePlay) continue;
        // The chain carries the variant's words: SOS Alarm's alert, the TiB's check and information.
        CHECK(text(run, first(run, "alert", "", "", "sos-alarm")).sv.find("klass 3") != std::string::npos);
        CHECK(text(run, first(run, "verified", "", "", "lansstyrelsen")).sv.find("klass 3") != std::string::npos);
        CHECK(text(run, first(run, "informed", "", "", "lansstyrelsen")).sv.find("klass 3") != std::string::npos);
    }
    // Without the variant the reference play's SMHI speaks of the red warning.
    const auto red = play("snowstorm", "reference");
    CHECK(text(*red, first(*red, "report", "", "", "smhi")).sv.find("Röd varning") != std::string::npos);
}

TEST_CASE("R14: a variant's step text changes the inherited step, not a step a derived play words itself", "[scenes][variants]") {
    auto s = shipped("snowstorm");
    const auto smhiSays = [](const scenario::Scenario& sc, const std::string& playName) {
        for (const auto& st : sc.play(playName)->steps)
            if (st.id == "smhi-reports") {
                auto said = st.command;
                return protocol::textOf(said)->sv;
            }
        return std::string("(no step)");
    };
    REQUIRE(smhiSays(s, "late") == smhiSays(s, "reference"));
    for (auto& p : s.plays)
        if (p.name == "late")
            for (auto& st : p.steps)
                if (st.id == "smhi-reports") protocol::textOf(st.command)->sv = "Sena spelets egna ord.";
    REQUIRE(s.applyVariant("class-3"));
    CHECK(smhiSays(s, "reference").find("Klass 3") != std::string::npos);
    CHECK(smhiSays(s, "late") == "Sena spelets egna ord.");
}

TEST_CASE("R14: the decision point's options change the picture: Trafikverket's report or its silence", "[scenes][R14][decision-points]") {
    // Trafikverket's trainee answers the stuck-vehicles point; the report carries what it sees of
    // the main roads to the coordinating forum, whose next picture holds it.
    const auto answer = [](const std::string& option) {
        exercise::Options o;
        o.playName = scenario::kDoctrinePlay;
        o.trainees = {"trafikverket"};
        auto run = std::make_unique<exercise::Exercise>(shipped("snowstorm"), o);
        const Millis at = run->world()->drawn(run->world()->hazardIndex("snowfall")).onset + 3 * kHour;
        run->runUntil(at);
        REQUIRE(run->submit(protocol::AnswerDecisionPoint{"trafikverket", "stuck-vehicles-report", option}).accepted);
        run->runUntil(at + 2 * kHour);
        return run;
    };
    const auto reported = answer("report");
    const auto silent = answer("wait");
    const auto forum = shipped("snowstorm").region.forumIndex(kCoordinating);
    const auto road = reported->world()->serviceIndex("main-roads");
    const auto last = [&](const exercise::Exercise& run) { return run.reported(forum)->lastReport(run.scenario().region.actorIndex("trafikverket"), road); };
    CHECK(last(*reported).observedAt > last(*silent).observedAt);
    CHECK(last(*reported).level < 1.0);
}
