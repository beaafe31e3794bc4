// R5, R6, R7, R8: activation, convening, the first meeting and the chair; deactivation.
#include <catch2/catch.hpp>

#include "tests/protocol/Harness.hpp"

using namespace samverkan;
using namespace samverkan::test;
using protocol::ForumStatus;

TEST_CASE("R6: an actor's request for activation goes to Länsstyrelsen, who convenes", "[rules][R6]") {
    Harness h;
    protocol::RequestActivation req;
    req.by = "polisen";
    req.forum = "samordnande";
    REQUIRE(h.apply(req).accepted);
    const auto requests = h.entries("activation-requested");
    REQUIRE(requests.size() == 1);
    CHECK(requests[0].actor == "polisen");
    CHECK(requests[0].forum == "samordnande");
    CHECK(requests[0].data.find("\"to\":\"lansstyrelsen\"") != std::string::npos);
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
    CHECK(h.entries("activation-requested").back().data.find("\"via_forum\":\"samordnande\"") != std::string::npos);
    req.by = "kommun-a";  // not in the asking forum
    req.forum = "verkstallande";
    CHECK_FALSE(h.apply(req).accepted);
}

TEST_CASE("R6: an outside actor's request also goes to Länsstyrelsen", "[rules][R6]") {
    Harness h;
    protocol::RequestActivation req;
    req.by = "smhi";
    REQUIRE(h.apply(req).accepted);
    const auto e = h.entries("activation-requested").back();
    CHECK(e.data.find("\"outside_actor\":true") != std::string::npos);
    CHECK(e.data.find("\"to\":\"lansstyrelsen\"") != std::string::npos);
}

TEST_CASE("R5: only Länsstyrelsen convenes, after the convening delay of the medium", "[rules][R5]") {
    Harness h;
    protocol::Convene c{"polisen", "samordnande", "", 0, {}};
    const auto refused = h.apply(c);
    CHECK_FALSE(refused.accepted);
    CHECK(refused.reason.en.find("Only") != std::string::npos);
    CHECK(h.journal.empty());

    c.by = "lansstyrelsen";
    c.medium = "telephone";
    REQUIRE(h.apply(c).accepted);
    CHECK(h.state("samordnande").status == ForumStatus::convening);
    h.runFor(14 * kMinute + 59 * engine::kSecond);
    CHECK(h.state("samordnande").status == ForumStatus::convening);
    h.runFor(6 * kMinute);
    CHECK(h.state("samordnande").status == ForumStatus::active);
    const auto opened = h.entries("meeting-opened").at(0);
    CHECK(opened.t >= 15 * kMinute);
    CHECK(opened.t <= 20 * kMinute);
}

TEST_CASE("R5: a physical meeting takes longer to convene than a telephone conference", "[rules][R5]") {
    Harness h;
    const protocol::Convene c{"lansstyrelsen", "inriktande", "physical", 0, {}};
    REQUIRE(h.apply(c).accepted);
    h.runFor(3 * kHour);
    const auto opened = h.entries("meeting-opened").at(0);
    CHECK(opened.t >= kHour);
    CHECK(opened.t <= 2 * kHour);
}

TEST_CASE("R5: a meeting can be called for a later time than the convening delay", "[rules][R5]") {
    Harness h;
    const protocol::Convene c{"lansstyrelsen", "inriktande", "telephone", 2 * kHour, {}};
    REQUIRE(h.apply(c).accepted);
    h.runFor(3 * kHour);
    CHECK(h.entries("meeting-opened").at(0).t == 2 * kHour);
}

TEST_CASE("R7: Länsstyrelsen leads the first meeting, the first meeting decides the chair, the chair can change", "[rules][R7]") {
    Harness h;
    h.open("samordnande", {"polisen", "kommun-a"});
    const auto opened = h.entries("meeting-opened").at(0);
    CHECK(opened.actor == "lansstyrelsen");
    CHECK(opened.text.en.find("Länsstyrelsen leads the first meeting") != std::string::npos);
    CHECK(h.state("samordnande").chair == model::kNone);
    CHECK(h.state("samordnande").has(h.region.actorIndex("lansstyrelsen")));  // always there: it documents

    protocol::SetChair chair;
    chair.by = "kommun-a";
    chair.forum = "samordnande";
    chair.actor = "polisen";
    REQUIRE(h.apply(chair).accepted);
    CHECK(h.entries("chair-decided").size() == 1);
    CHECK(h.state("samordnande").chair == h.region.actorIndex("polisen"));

    chair.actor = "kommun-a";
    REQUIRE(h.apply(chair).accepted);
    CHECK(h.entries("chair-changed").size() == 1);
    CHECK(h.state("samordnande").chair == h.region.actorIndex("kommun-a"));

    chair.actor = "sl";  // not a member
    CHECK_FALSE(h.apply(chair).accepted);
}

TEST_CASE("R8: a request without a forum activates the coordinating forum first", "[rules][R8]") {
    Harness h;
    protocol::RequestActivation req;
    req.by = "kommun-a";
    REQUIRE(h.apply(req).accepted);
    CHECK(h.entries("activation-requested").at(0).forum == "samordnande");
}

TEST_CASE("R8: the directing forum can be activated alone", "[rules][R8]") {
    Harness h;
    h.open("inriktande", {"polisen"});
    CHECK(h.state("inriktande").status == ForumStatus::active);
    CHECK(h.state("samordnande").status == ForumStatus::idle);
    const auto opened = h.entries("meeting-opened").at(0);
    CHECK(opened.data.find("\"activated_alone\":true") != std::string::npos);

    Harness both;
    both.open("samordnande", {"polisen"});
    both.open("inriktande", {"polisen"});
    CHECK(both.entries("meeting-opened").at(1).data.find("activated_alone") == std::string::npos);
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
    CHECK(again.reason.en.find("already") != std::string::npos);
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
    CHECK(h.entries("deactivated").at(0).data.find("\"ordinary_forum\":\"samordningsgrupp\"") != std::string::npos);
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
    CHECK(a.reason.en == "Unknown role 'nobody'.");
}
