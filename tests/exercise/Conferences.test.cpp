// The conference routine in runs of the shipped scenes (R4, R7, R13): the agenda, its order, who
// takes part and who leads, the weekly conference and the activated forums' intervals.
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;

namespace {
// The kinds of the entries from `from` (a seq) while the time stays the same.
std::vector<std::string> kindsAt(const exercise::Exercise& run, std::uint64_t from) {
    const auto& entries = run.journal().entries();
    std::vector<std::string> out;
    for (std::size_t i = from - 1; i < entries.size() && entries[i].t == entries[from - 1].t; ++i)
        out.emplace_back(protocol::kindName(entries[i].kind));
    return out;
}
}  // namespace

TEST_CASE("R13: a conference runs reports, information sharing, need for cooperation, then the picture",
          "[exercise][agenda][R13]") {
    const auto run = play("snowstorm", "reference");
    const std::string forum = "regionalt-samordnande-forum";
    const auto& conference = first(*run, "conference", forum);
    const auto kinds = kindsAt(*run, conference.seq);
    // conference, item 1, the members' reports (each a command and its report), items 2–4, the picture.
    REQUIRE(kinds.size() > 6);
    CHECK(kinds.front() == "conference");
    CHECK(kinds[1] == "agenda-item");
    std::size_t reports = 0, i = 2;
    for (; i + 1 < kinds.size() && kinds[i] == "command" && kinds[i + 1] == "report"; i += 2) ++reports;
    // Every member that observes a service reports there (the region's doctrine), and only they.
    std::size_t observers = 0;
    for (const auto& id : conference.as<protocol::ConferenceHeld>()->members)
        for (std::size_t s = 0; s < run->world()->spec().services.size(); ++s)
            if (run->world()->observes(id, s)) {
                ++observers;
                break;
            }
    CHECK(reports == observers);
    CHECK(reports > 5);
    REQUIRE(kinds.size() >= i + 4);
    CHECK(std::vector<std::string>(kinds.begin() + static_cast<std::ptrdiff_t>(i),
                                   kinds.begin() + static_cast<std::ptrdiff_t>(i) + 4) ==
          std::vector<std::string>{"agenda-item", "agenda-item", "agenda-item", "situational-picture"});
    const auto& entries = run->journal().entries();
    CHECK(entries[conference.seq].as<protocol::AgendaItem>()->step == "actor-reports");
    CHECK(entries[conference.seq + i - 1].as<protocol::AgendaItem>()->step == "information-sharing");
    CHECK(entries[conference.seq + i + 1].as<protocol::AgendaItem>()->step == "regional-picture");
    // The first meeting of an activation is a conference too: the same routine after it opens.
    const auto opened = kindsAt(*run, first(*run, "meeting-opened", forum).seq);
    CHECK(opened[1] == "agenda-item");
    CHECK(std::count(opened.begin(), opened.end(), "agenda-item") == 4);
}

TEST_CASE("R7: the journal names who chaired each conference – Länsstyrelsen first, then the chair decided",
          "[exercise][agenda][R7]") {
    const auto run = play("demonstration", "reference");
    const std::string forum = "planeringsforum";
    CHECK(first(*run, "meeting-opened", forum).as<protocol::MeetingOpened>()->chair == "lansstyrelsen");
    const auto items = all(*run, "agenda-item", forum);
    REQUIRE(items.size() >= 8);
    CHECK(items.front().as<protocol::AgendaItem>()->chair == "lansstyrelsen");
    // The first meeting decided that the Police chair (R7); every later conference is theirs.
    const auto chairDecided = first(*run, "chair-decided", forum).t;
    for (const auto& c : all(*run, "conference", forum)) {
        CHECK(c.t > chairDecided);
        CHECK(c.as<protocol::ConferenceHeld>()->chair == "polisen");
        CHECK(text(*run, c).sv.find("ledd av Polismyndigheten, region Stockholm") != std::string::npos);
    }
    for (const auto& i : items)
        if (i.t > chairDecided) CHECK(i.as<protocol::AgendaItem>()->chair == "polisen");
    const auto l = line(*run, items.back());
    CHECK(l.find("\"kind\":\"agenda-item\",\"actor\":\"polisen\",\"forum\":\"planeringsforum\",\"ref\":\"regional-"
                 "picture\"") != std::string::npos);
    CHECK(l.find("\"data\":{\"step\":\"regional-picture\",\"position\":4,\"steps\":4,") != std::string::npos);
}

TEST_CASE(
    "the weekly ordinary conference: the region's parties, Länsstyrelsen leading, the agenda, no compiled picture",
    "[exercise][agenda]") {
    const auto run = play("demonstration", "reference");
    const auto& weekly = first(*run, "conference", "regional-samordningsgrupp");
    REQUIRE(weekly.as<protocol::ConferenceHeld>()->weekly);
    const auto& members = weekly.as<protocol::ConferenceHeld>()->members;
    const auto& region = run->scenario().region;
    for (const auto& a : region.actors)
        CHECK((std::find(members.begin(), members.end(), a.id) != members.end()) ==
              (!a.outside && a.at("coordinating") != nullptr));
    CHECK(weekly.as<protocol::ConferenceHeld>()->chair == "lansstyrelsen");
    const auto kinds = kindsAt(*run, weekly.seq);
    CHECK(kinds == std::vector<std::string>{"conference", "agenda-item", "agenda-item", "agenda-item", "agenda-item"});
    CHECK(text(*run, run->journal().entries()[weekly.seq]).en.find("taking part: ") != std::string::npos);
    // Two Mondays 09:00 in the week: at the start and seven days later.
    const auto weeklies = all(*run, "conference", "regional-samordningsgrupp");
    REQUIRE(weeklies.size() == 2);
    CHECK(weeklies[1].t - weeklies[0].t == 7 * kDay);
}

TEST_CASE("R4: an activated forum's conferences follow its interval until it is deactivated",
          "[exercise][agenda][R4]") {
    const auto run = play("snowstorm", "reference");
    const std::string forum = "regionalt-samordnande-forum";
    const Millis opened = first(*run, "meeting-opened", forum).t;
    const Millis deactivated = first(*run, "deactivated", forum).t;
    const Millis interval = run->scenario().region.conferenceInterval(run->scenario().region.forumIndex(forum));
    REQUIRE(interval == 6 * kHour);
    const auto conferences = all(*run, "conference", forum);
    REQUIRE(conferences.size() == static_cast<std::size_t>((deactivated - opened) / interval));
    for (std::size_t k = 0; k < conferences.size(); ++k)
        CHECK(conferences[k].t == opened + static_cast<Millis>(k + 1) * interval);
    // The demonstration's planning forum has no rhythm of its own (`conference_interval: 0`): it
    // holds only the conferences Länsstyrelsen calls, each at the time the call set.
    const auto demo = play("demonstration", "reference");
    const auto& region = demo->scenario().region;
    CHECK(region.conferenceInterval(region.forumIndex("planeringsforum")) == 0);
    const auto planning = all(*demo, "conference", "planeringsforum");
    const auto calls = all(*demo, "convened", "planeringsforum");
    REQUIRE(calls.size() == planning.size() + 1);  // the first call opened the forum
    for (std::size_t k = 0; k < planning.size(); ++k)
        CHECK(planning[k].t == calls[k + 1].t + calls[k + 1].as<protocol::Convened>()->delay);
}

TEST_CASE("R13: a conference planned for its time is held then, whatever extra conference is called meanwhile", "[conferences][R13]") {
    exercise::Options o;
    o.playName = scenario::kDoctrinePlay;
    exercise::Exercise run(shipped("demonstration"), o);
    run.runUntil(5 * kDay);
    // An extra conference called now, ahead of the one planned for the march (+5d5h15min).
    REQUIRE(run.submit(protocol::Convene{"lansstyrelsen", "planeringsforum", "telephone", 0, {}}).accepted);
    // A time already past, or a calendar the forum does not have, is refused with its reason.
    const auto past = run.submit(protocol::Convene{"lansstyrelsen", "planeringsforum", "telephone", 0, {}, "+1d"});
    REQUIRE_FALSE(past.accepted);
    CHECK(past.refusal.code == protocol::RefusalCode::meetingTimePassed);
    const auto noCalendar = run.submit(protocol::Convene{"lansstyrelsen", "planeringsforum", "telephone", 0, {}, "next-meeting"});
    REQUIRE_FALSE(noCalendar.accepted);
    CHECK(noCalendar.refusal.code == protocol::RefusalCode::noCalendar);
    run.runToEnd();
    const auto conferences = all(run, "conference", "planeringsforum");
    REQUIRE(conferences.size() == 3);
    CHECK(conferences[1].t > 5 * kDay);
    CHECK(conferences[1].t < 5 * kDay + kHour);
    CHECK(conferences[2].t == 5 * kDay + 5 * kHour + 15 * kMinute);
}

TEST_CASE("R2: convened to the next meeting, the coordination group meets on the region's monthly calendar", "[conferences][R2]") {
    const auto& s = shipped("improvement-project");
    exercise::Options o;
    o.playName = "none";
    exercise::Exercise run(s, o);
    // Start: Tuesday 3 February 2026, 08:00 local. The second Tuesday is 10 February; just after
    // that meeting the next is on 10 March.
    CHECK(run.nextMonthlyMeeting(0) == 7 * kDay + kHour);
    CHECK(run.nextMonthlyMeeting(7 * kDay + kHour + 1) == 35 * kDay + kHour);
    REQUIRE(run.submit(protocol::Convene{"lansstyrelsen", "regional-samordningsgrupp", "physical", 0, {}, "next-meeting"}).accepted);
    run.runUntil(40 * kDay);
    const auto opened = all(run, "meeting-opened", "regional-samordningsgrupp");
    REQUIRE(opened.size() == 1);
    CHECK(opened[0].t == 7 * kDay + kHour);
    CHECK(engine::formatClock(s.start, opened[0].t) == "2026-02-10 09:00");
    // December 2026 starts on a Tuesday: its second Tuesday is the 8th.
    CHECK(engine::formatClock(s.start, run.nextMonthlyMeeting(300 * kDay)) == "2026-12-08 09:00");
}

TEST_CASE("R13: a conference planned for its time leaves the forum's rhythm as it was", "[conferences][R13]") {
    // The snowstorm's coordinating forum confers every 6 hours; a conference planned for a time
    // between two of them is held then, and the rhythm's conferences are held as before.
    const auto reference = play("snowstorm", "reference");
    const std::string forum = "regionalt-samordnande-forum";
    const Millis opened = first(*reference, "meeting-opened", forum).t;
    exercise::Options o;
    o.playName = "reference";
    exercise::Exercise run(shipped("snowstorm"), o);
    run.runUntil(opened + kHour);
    const Millis at = opened + 9 * kHour;
    REQUIRE(run.submit(protocol::Convene{"lansstyrelsen", forum, "telephone", 0, {}, "+" + engine::formatDuration(at)}).accepted);
    run.runUntil(opened + 13 * kHour);
    std::vector<Millis> times;
    for (const auto& c : all(run, "conference", forum)) times.push_back(c.t);
    CHECK(times == std::vector<Millis>{opened + 6 * kHour, at, opened + 12 * kHour});
}
