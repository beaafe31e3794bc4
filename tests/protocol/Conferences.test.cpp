// Conferences in ordinary and activated mode; Länsstyrelsen's documentation (R4, R7).
#include <catch2/catch.hpp>

#include "tests/protocol/Harness.hpp"

using namespace samverkan;
using namespace samverkan::test;
using protocol::Kind;

TEST_CASE("the weekly ordinary-mode conference is documented", "[rules][conferences]") {
    Harness h;
    h.coop.holdWeeklyConference();
    const auto c = h.entries(Kind::conference);
    REQUIRE(c.size() == 1);
    CHECK(c[0].forum == "samordningsgrupp");
    CHECK(c[0].as<protocol::ConferenceHeld>()->weekly);
}

TEST_CASE("R4: an activated forum holds conferences at the region's interval until deactivated", "[rules][R4][conferences]") {
    Harness h;
    h.open("samordnande", {"polisen"});
    const Millis opened = h.entries(Kind::meetingOpened).at(0).t;
    h.runUntil(opened + 13 * kHour);
    auto c = h.entries(Kind::conference);
    REQUIRE(c.size() == 2);
    CHECK(c[0].t == opened + 6 * kHour);
    CHECK(c[1].t == opened + 12 * kHour);
    CHECK(h.text(c[0]).en.find("report back to their home organisations (R4)") != std::string::npos);
    REQUIRE(h.apply(protocol::Deactivate{"lansstyrelsen", "samordnande"}).accepted);
    h.runFor(24 * kHour);
    CHECK(h.entries(Kind::conference).size() == 2);
}

TEST_CASE("convening an active forum calls an extra conference", "[rules][conferences]") {
    Harness h;
    h.open("samordnande", {"polisen"});
    const protocol::Convene extra{"lansstyrelsen", "samordnande", "telephone", 0, {}};
    REQUIRE(h.apply(extra).accepted);
    CHECK(h.entries(Kind::convened).back().as<protocol::Convened>()->extraConference);
    h.runFor(20 * kMinute);
    CHECK(h.entries(Kind::conference).size() == 1);
}

TEST_CASE("an ordinary-mode meeting closes after the meeting length – decisions need it in session", "[rules][R2]") {
    Harness h;
    h.open("samordningsgrupp", {"polisen"});
    CHECK(h.text(h.entries(Kind::meetingOpened).at(0)).en.find("meets in ordinary mode") != std::string::npos);
    protocol::AgreeDecision d;
    d.by = "polisen";
    d.forum = "samordningsgrupp";
    d.id = "x";
    d.topic = "information";
    d.text = {"x", "x"};
    h.runFor(3 * kHour);
    CHECK(h.entries(Kind::meetingClosed).size() == 1);
    CHECK_FALSE(h.apply(d).accepted);
}

TEST_CASE("R7: everything accepted is documented, and a rejected command changes nothing", "[rules][R7]") {
    Harness h;
    h.open("samordnande", {"polisen"});
    const auto before = h.journal.size();
    const auto stateBefore = h.state("samordnande").members;
    CHECK_FALSE(h.apply(protocol::CallIn{"kommun-b", "samordnande", "sl"}).accepted);
    CHECK(h.journal.size() == before);
    CHECK(h.state("samordnande").members == stateBefore);
    REQUIRE(h.apply(protocol::Report{"polisen", "samordnande", {"Läget är lugnt.", "All quiet."}}).accepted);
    CHECK(h.journal.size() == before + 1);
    CHECK(h.journal.back().kind == Kind::report);
}

namespace {
std::vector<protocol::JournalEntry> agendaOf(const Harness& h, int conference, const std::string& forum) {
    std::vector<protocol::JournalEntry> out;
    for (const auto& e : h.entries(Kind::agendaItem))
        if (e.forum == forum && e.as<protocol::AgendaItem>()->conference == conference) out.push_back(e);
    return out;
}
std::vector<std::string> steps(const std::vector<protocol::JournalEntry>& items) {
    std::vector<std::string> out;
    for (const auto& e : items) out.push_back(e.as<protocol::AgendaItem>()->step);
    return out;
}
const std::vector<std::string> kSsr{"actor-reports", "information-sharing", "cooperation-needs", "regional-picture"};
}  // namespace

TEST_CASE("R13: an activated forum's first meeting runs SSR's agenda, each step with who takes part and who leads", "[rules][R13][agenda]") {
    Harness h;
    h.coop.noteAffected({h.region.actorIndex("sl")});
    h.open("samordnande", {"polisen", "kommun-a"});
    const auto opened = h.entries(Kind::meetingOpened).at(0);
    const auto items = agendaOf(h, 1, "samordnande");
    REQUIRE(steps(items) == kSsr);
    for (std::size_t i = 0; i < items.size(); ++i) {
        const auto& item = *items[i].as<protocol::AgendaItem>();
        CHECK(items[i].t == opened.t);
        CHECK(items[i].seq > opened.seq);
        CHECK(item.position == static_cast<int>(i + 1));
        CHECK(item.steps == 4);
        CHECK(item.members == std::vector<std::string>{"lansstyrelsen", "polisen", "kommun-a"});
        CHECK(item.chair == "lansstyrelsen");  // before a chair is decided Länsstyrelsen leads (R7)
        CHECK(items[i].actor == "lansstyrelsen");
    }
    // Identifying the need for cooperation names the affected actor the forum lacks, and the
    // forum's suggestion to call it in follows that step (R9), before the picture's step.
    CHECK(items[2].as<protocol::AgendaItem>()->missing == std::vector<std::string>{"sl"});
    const auto suggested = h.entries(Kind::compositionSuggested).at(0);
    CHECK(suggested.seq == items[2].seq + 1);
    CHECK(items[3].seq == suggested.seq + 1);
    CHECK(h.text(items[0]).en ==
          "Item 1 of 4, Actor reports: Länsstyrelsen chairs; taking part: Länsstyrelsen, Polisen and Kommun A.");
    CHECK(h.text(items[0]).sv == "Punkt 1 av 4, Aktörsrapportering: Länsstyrelsen leder; deltar: Länsstyrelsen, Polisen och Kommun A.");
    CHECK(h.text(items[2]).en == "Item 3 of 4, Identifying the need for cooperation: affected actors not taking part: SL (R9).");
    CHECK(h.text(items[3]).en ==
          "Item 4 of 4, The regional situational picture: Länsstyrelsen compiles the joint situational picture from what was reported (R13).");
}

TEST_CASE("R7: the chair decided at the first meeting leads the later conferences, and the journal says so", "[rules][R7][agenda]") {
    Harness h;
    h.open("samordnande", {"polisen"});
    REQUIRE(h.apply(protocol::SetChair{"lansstyrelsen", "samordnande", "polisen"}).accepted);
    h.runFor(6 * kHour);
    const auto conference = h.entries(Kind::conference).at(0);
    CHECK(conference.as<protocol::ConferenceHeld>()->chair == "polisen");
    CHECK(h.text(conference).en.find("chaired by Polisen;") != std::string::npos);
    const auto items = agendaOf(h, 2, "samordnande");
    REQUIRE(items.size() == 4);
    for (const auto& i : items) CHECK(i.as<protocol::AgendaItem>()->chair == "polisen");
    CHECK(h.text(items[0]).sv.find("Polisen leder; deltar: Länsstyrelsen och Polisen.") != std::string::npos);
    // A new activation decides its chair anew: Länsstyrelsen leads its first meeting again.
    REQUIRE(h.apply(protocol::Deactivate{"polisen", "samordnande"}).accepted);
    h.open("samordnande", {"polisen"});
    CHECK(h.entries(Kind::meetingOpened).back().as<protocol::MeetingOpened>()->chair == "lansstyrelsen");
    CHECK(h.entries(Kind::agendaItem).back().as<protocol::AgendaItem>()->chair == "lansstyrelsen");
}

TEST_CASE("R4: every conference at the interval runs the whole agenda", "[rules][R4][agenda]") {
    Harness h;
    h.open("samordnande", {"polisen"});
    h.runFor(13 * kHour);
    const auto conferences = h.entries(Kind::conference);
    REQUIRE(conferences.size() == 2);
    for (const auto& c : conferences) {
        const auto items = agendaOf(h, c.as<protocol::ConferenceHeld>()->number, "samordnande");
        CHECK(steps(items) == kSsr);
        for (const auto& i : items) {
            CHECK(i.t == c.t);
            CHECK(i.seq > c.seq);
        }
    }
    CHECK(h.entries(Kind::agendaItem).size() == 12);  // the first meeting and two conferences
}

TEST_CASE("information sharing brings up the frames in force and the forum's decisions since its previous conference", "[rules][R11][agenda]") {
    Harness h;
    h.open("inriktande", {"polisen"});
    h.open("samordnande", {"polisen"});
    CHECK(agendaOf(h, 1, "samordnande").at(1).as<protocol::AgendaItem>()->frames.empty());
    REQUIRE(h.apply(protocol::SetPriorities{"polisen", "inriktande", "snow-clearing", {"rail", "local"}}).accepted);
    protocol::AgreeDecision d{"polisen", "samordnande", "info-1", "information", "", {"Läget delas.", "The picture is shared."}, {"polisen"}};
    REQUIRE(h.apply(d).accepted);
    h.runUntil(h.entries(Kind::meetingOpened).back().t + 6 * kHour);
    const auto sharing = *agendaOf(h, 2, "samordnande").at(1).as<protocol::AgendaItem>();
    CHECK(sharing.frames == std::vector<std::string>{"snow-clearing"});
    CHECK(sharing.decisions == std::vector<std::string>{"info-1"});
    h.runFor(6 * kHour);
    CHECK(agendaOf(h, 3, "samordnande").at(1).as<protocol::AgendaItem>()->decisions.empty());  // nothing new since
}

TEST_CASE("the weekly ordinary-mode conference has the region's parties as members and runs the agenda", "[rules][conferences][agenda]") {
    Harness h;
    h.coop.holdWeeklyConference();
    const auto held = h.entries(Kind::conference).at(0);
    const auto* c = held.as<protocol::ConferenceHeld>();
    // The parties that send a representative to the coordinating level; SL and SMHI are outside actors.
    CHECK(c->members == std::vector<std::string>{"lansstyrelsen", "polisen", "kommun-a", "kommun-b"});
    CHECK(c->chair == "lansstyrelsen");
    const auto items = agendaOf(h, c->number, "samordningsgrupp");
    REQUIRE(steps(items) == kSsr);
    for (const auto& i : items) {
        CHECK(i.as<protocol::AgendaItem>()->weekly);
        CHECK(i.as<protocol::AgendaItem>()->members == c->members);
    }
    CHECK(h.text(items[3]).en.find("in ordinary mode no joint picture is compiled") != std::string::npos);
    // A members list in the region file decides instead; Länsstyrelsen leads and takes part always.
    h.region.weekly->members = {"kommuner"};
    h.coop.holdWeeklyConference();
    CHECK(h.entries(Kind::conference).at(1).as<protocol::ConferenceHeld>()->members ==
          std::vector<std::string>{"lansstyrelsen", "kommun-a", "kommun-b"});
}

TEST_CASE("R7: an ordinary forum's chair leads its later meetings and the weekly conference", "[rules][R7][agenda]") {
    Harness h;
    h.open("samordningsgrupp", {"polisen"});
    CHECK(h.entries(Kind::meetingOpened).at(0).as<protocol::MeetingOpened>()->chair == "lansstyrelsen");
    REQUIRE(h.apply(protocol::SetChair{"lansstyrelsen", "samordningsgrupp", "polisen"}).accepted);
    h.runFor(3 * kHour);
    REQUIRE(h.entries(Kind::meetingClosed).size() == 1);
    h.coop.holdWeeklyConference();
    CHECK(h.entries(Kind::conference).at(0).as<protocol::ConferenceHeld>()->chair == "polisen");
    h.open("samordningsgrupp", {"polisen", "kommun-a"});
    const auto second = h.entries(Kind::meetingOpened).at(1);
    CHECK(second.as<protocol::MeetingOpened>()->chair == "polisen");
    CHECK(h.text(second).en == "Regional coordination group meets in ordinary mode; Polisen chairs and Länsstyrelsen documents (R7).");
    // A chair who does not take part does not lead: Länsstyrelsen does.
    h.runFor(3 * kHour);
    h.region.weekly->members = {"kommun-a"};
    h.coop.holdWeeklyConference();
    CHECK(h.entries(Kind::conference).at(1).as<protocol::ConferenceHeld>()->chair == "lansstyrelsen");
}

TEST_CASE("a region's agenda may add steps of its own between SSR's, journalled with who takes part", "[rules][agenda]") {
    Harness h;
    auto agenda = model::ssrAgenda();
    agenda.insert(agenda.begin() + 2, {"communication", {"Kommunikation", "Communication"}, model::AgendaRole::other});
    h.region.agenda = agenda;
    h.scenario.region.agenda = agenda;  // the renderer's copy, for the step's name
    h.open("samordnande", {"polisen"});
    const auto items = agendaOf(h, 1, "samordnande");
    REQUIRE(steps(items) == std::vector<std::string>{"actor-reports", "information-sharing", "communication", "cooperation-needs", "regional-picture"});
    CHECK(items[2].as<protocol::AgendaItem>()->steps == 5);
    CHECK(h.text(items[2]).en == "Item 3 of 5, Communication: Länsstyrelsen chairs.");
}
