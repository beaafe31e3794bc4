// R5, R6, R7, R8: activation, convening, the first meeting and the chair; deactivation.
#include <catch2/catch.hpp>

#include "tests/protocol/Harness.hpp"

using namespace samverkan;
using namespace samverkan::test;
using protocol::Kind;
using protocol::ForumStatus;

TEST_CASE("R6: an actor's request for activation goes to Länsstyrelsen, who convenes", "[rules][R6]") {
    Harness h;
    protocol::RequestActivation req;
    req.by = "polisen";
    req.forum = "samordnande";
    REQUIRE(h.apply(req).accepted);
    const auto requests = h.entries(Kind::activationRequested);
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].actor == "polisen");
    CHECK(requests[0].forum == "samordnande");
    CHECK(requests[0].as<protocol::ActivationRequested>()->convener == "lansstyrelsen");
    // A request alone activates nothing: Länsstyrelsen convenes.
    CHECK(h.state("samordnande").status == ForumStatus::idle);
    h.open("samordnande", {"polisen"});
    CHECK(h.state("samordnande").status == ForumStatus::active);
}

TEST_CASE("R6: an active forum can ask for another forum's activation – an inactive one cannot", "[rules][R6]") {
    Harness h;
    protocol::RequestActivation req;
    req.by = "polisen";
    req.forum = "inriktande";
    req.viaForum = "samordnande";
    CHECK_FALSE(h.apply(req).accepted);
    h.open("samordnande", {"polisen"});
    REQUIRE(h.apply(req).accepted);
    CHECK(h.entries(Kind::activationRequested).back().as<protocol::ActivationRequested>()->viaForum == "samordnande");
    req.by = "kommun-a";  // not in the asking forum
    req.forum = "verkstallande";
    CHECK_FALSE(h.apply(req).accepted);
}

TEST_CASE("R6: an outside actor's request also goes to Länsstyrelsen", "[rules][R6]") {
    Harness h;
    protocol::RequestActivation req;
    req.by = "smhi";
    REQUIRE(h.apply(req).accepted);
    const auto e = h.entries(Kind::activationRequested).back();
    CHECK(e.as<protocol::ActivationRequested>()->outsideActor);
    CHECK(e.as<protocol::ActivationRequested>()->convener == "lansstyrelsen");
}

TEST_CASE("R5: only Länsstyrelsen convenes, after the convening delay of the medium", "[rules][R5]") {
    Harness h;
    protocol::Convene c{"polisen", "samordnande", "", 0, {}};
    const auto refused = h.apply(c);
    CHECK_FALSE(refused.accepted);
    CHECK(h.reason(refused).en.find("Only") != std::string::npos);
    CHECK(h.journal.empty());

    c.by = "lansstyrelsen";
    c.medium = "telephone";
    REQUIRE(h.apply(c).accepted);
    CHECK(h.state("samordnande").status == ForumStatus::convening);
    h.runFor(14 * kMinute + 59 * engine::kSecond);
    CHECK(h.state("samordnande").status == ForumStatus::convening);
    h.runFor(6 * kMinute);
    CHECK(h.state("samordnande").status == ForumStatus::active);
    const auto opened = h.entries(Kind::meetingOpened).at(0);
    CHECK(opened.t >= 15 * kMinute);
    CHECK(opened.t <= 20 * kMinute);
}

TEST_CASE("R5: a physical meeting takes longer to convene than a telephone conference", "[rules][R5]") {
    Harness h;
    const protocol::Convene c{"lansstyrelsen", "inriktande", "physical", 0, {}};
    REQUIRE(h.apply(c).accepted);
    h.runFor(3 * kHour);
    const auto opened = h.entries(Kind::meetingOpened).at(0);
    CHECK(opened.t >= kHour);
    CHECK(opened.t <= 2 * kHour);
}

TEST_CASE("R5: a meeting can be called for a later time than the convening delay", "[rules][R5]") {
    Harness h;
    const protocol::Convene c{"lansstyrelsen", "inriktande", "telephone", 2 * kHour, {}};
    REQUIRE(h.apply(c).accepted);
    h.runFor(3 * kHour);
    CHECK(h.entries(Kind::meetingOpened).at(0).t == 2 * kHour);
}

TEST_CASE("R7: Länsstyrelsen leads the first meeting, the first meeting decides the chair, the chair can change", "[rules][R7]") {
    Harness h;
    h.open("samordnande", {"polisen", "kommun-a"});
    const auto opened = h.entries(Kind::meetingOpened).at(0);
    CHECK(opened.actor == "lansstyrelsen");
    CHECK(h.text(opened).en.find("Länsstyrelsen leads the first meeting") != std::string::npos);
    CHECK(h.state("samordnande").chair == model::kNone);
    CHECK(h.state("samordnande").has(h.region.actorIndex("lansstyrelsen")));  // always there: it documents

    protocol::SetChair chair;
    chair.by = "kommun-a";
    chair.forum = "samordnande";
    chair.actor = "polisen";
    REQUIRE(h.apply(chair).accepted);
    CHECK(h.entries(Kind::chairDecided).size() == 1);
    CHECK(h.state("samordnande").chair == h.region.actorIndex("polisen"));

    chair.actor = "kommun-a";
    REQUIRE(h.apply(chair).accepted);
    CHECK(h.entries(Kind::chairChanged).size() == 1);
    CHECK(h.state("samordnande").chair == h.region.actorIndex("kommun-a"));

    chair.actor = "sl";  // not a member
    CHECK_FALSE(h.apply(chair).accepted);
}

TEST_CASE("R8: a request without a forum activates the coordinating forum first", "[rules][R8]") {
    Harness h;
    protocol::RequestActivation req;
    req.by = "kommun-a";
    REQUIRE(h.apply(req).accepted);
    CHECK(h.entries(Kind::activationRequested).at(0).forum == "samordnande");
}

TEST_CASE("R8: the directing forum can be activated alone", "[rules][R8]") {
    Harness h;
    h.open("inriktande", {"polisen"});
    CHECK(h.state("inriktande").status == ForumStatus::active);
    CHECK(h.state("samordnande").status == ForumStatus::idle);
    const auto opened = h.entries(Kind::meetingOpened).at(0);
    CHECK(opened.as<protocol::MeetingOpened>()->activatedAlone);

    Harness both;
    both.open("samordnande", {"polisen"});
    both.open("inriktande", {"polisen"});
    CHECK_FALSE(both.entries(Kind::meetingOpened).at(1).as<protocol::MeetingOpened>()->activatedAlone);
}

TEST_CASE("activation requests are refused for ordinary-mode forums and forums already active", "[rules][R2]") {
    Harness h;
    protocol::RequestActivation req;
    req.by = "polisen";
    req.forum = "samordningsgrupp";
    CHECK_FALSE(h.apply(req).accepted);
    h.open("samordnande", {"polisen"});
    req.forum = "samordnande";
    const auto again = h.apply(req);
    CHECK_FALSE(again.accepted);
    CHECK(h.reason(again).en.find("already") != std::string::npos);
}

TEST_CASE("deactivation returns the forum to ordinary mode – only the chair or Länsstyrelsen may do it", "[rules][deactivation]") {
    Harness h;
    h.open("samordnande", {"polisen", "kommun-a"});
    protocol::Deactivate d;
    d.by = "kommun-a";
    d.forum = "samordnande";
    CHECK_FALSE(h.apply(d).accepted);
    protocol::SetChair chair{"polisen", "samordnande", "kommun-a"};
    REQUIRE(h.apply(chair).accepted);
    REQUIRE(h.apply(d).accepted);
    CHECK(h.state("samordnande").status == ForumStatus::idle);
    CHECK(h.state("samordnande").members.empty());
    CHECK(h.entries(Kind::deactivated).at(0).as<protocol::Deactivated>()->ordinaryForum == "samordningsgrupp");
    // It can be activated again.
    protocol::RequestActivation req;
    req.by = "polisen";
    CHECK(h.apply(req).accepted);
}

TEST_CASE("unknown roles are refused with a reason", "[rules]") {
    Harness h;
    protocol::RequestActivation req;
    req.by = "nobody";
    const auto a = h.apply(req);
    CHECK_FALSE(a.accepted);
    CHECK(a.refusal.code == protocol::RefusalCode::unknownRole);
    CHECK(h.reason(a).en == "Unknown role ‘nobody’.");
}
