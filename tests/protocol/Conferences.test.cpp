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
