// R3, R4, R10, R11: mandates, consultations, implementation in each organisation, frames.
#include <catch2/catch.hpp>

#include "tests/protocol/Harness.hpp"

using namespace samverkan;
using namespace samverkan::test;
using protocol::Kind;

namespace {
protocol::AgreeDecision decision(std::string forum, std::string topic, std::vector<std::string> actors) {
    protocol::AgreeDecision d;
    d.by = "polisen";
    d.forum = std::move(forum);
    d.id = "d1";
    d.topic = std::move(topic);
    d.text = {"Beslut", "Decision"};
    d.actors = std::move(actors);
    return d;
}
}  // namespace

TEST_CASE("R3 R4: a representative without the mandate consults the home organisation first, which costs time", "[rules][R3][R4]") {
    Harness h;
    h.open("samordnande", {"polisen", "kommun-a", "kommun-b"});
    const Millis proposed = h.now();
    REQUIRE(h.apply(decision("samordnande", "priorities", {"kommun-a", "polisen"})).accepted);
    const auto consults = h.entries(Kind::consultationStarted);
    REQUIRE(consults.size() == 2);
    CHECK(h.text(consults[0]).en.find("no mandate for priorities") != std::string::npos);
    CHECK(h.text(consults[0]).en.find("Kommun A (home)") != std::string::npos);
    CHECK(h.entries(Kind::decisionAgreed).empty());
    h.runFor(kHour);
    const auto agreed = h.entries(Kind::decisionAgreed);
    REQUIRE(agreed.size() == 1);
    // The slowest consultation decides: Kommun A's 45 minutes.
    CHECK(agreed[0].t == proposed + 45 * kMinute);
    CHECK(h.coop.decisions()[0].agreedAt == proposed + 45 * kMinute);
}

TEST_CASE("R3: with the mandate at the level, the decision is agreed at once", "[rules][R3]") {
    Harness h;
    h.open("inriktande", {"polisen", "kommun-a"});
    const Millis proposed = h.now();
    REQUIRE(h.apply(decision("inriktande", "priorities", {"kommun-a", "polisen"})).accepted);
    CHECK(h.entries(Kind::consultationStarted).empty());
    REQUIRE(h.entries(Kind::decisionAgreed).size() == 1);
    CHECK(h.entries(Kind::decisionAgreed)[0].t == proposed);
}

TEST_CASE("R10: each actor carries out an agreed direction in its own organisation after its own delay", "[rules][R10]") {
    Harness h;
    h.open("inriktande", {"polisen", "kommun-a", "kommun-b"});
    const Millis agreed = h.now();
    REQUIRE(h.apply(decision("inriktande", "operations", {"kommuner", "polisen"})).accepted);
    h.runFor(4 * kHour);
    const auto done = h.entries(Kind::implemented);
    REQUIRE(done.size() == 3);
    CHECK(done[0].actor == "polisen");
    CHECK(done[0].t == agreed + 30 * kMinute);
    CHECK(done[1].actor == "kommun-a");
    CHECK(done[1].t == agreed + 2 * kHour);
    CHECK(done[2].actor == "kommun-b");
    CHECK(done[2].t == agreed + 3 * kHour);
    for (const auto& e : done) CHECK(e.ref == "d1");
}

TEST_CASE("R10: without a forum an actor decides for its own organisation only", "[rules][R10]") {
    Harness h;
    protocol::AgreeDecision own;
    own.by = "kommun-a";
    own.id = "egen";
    own.topic = "operations";
    own.text = {"Skolor stängs.", "Schools close."};
    REQUIRE(h.apply(own).accepted);
    CHECK(h.entries(Kind::ownDecision).size() == 1);
    h.runFor(3 * kHour);
    CHECK(h.entries(Kind::implemented).size() == 1);
    own.id = "for-others";
    own.actors = {"kommun-b"};
    CHECK_FALSE(h.apply(own).accepted);
}

TEST_CASE("decisions need a running forum, a member proposing it, a known topic and a new id", "[rules][R10]") {
    Harness h;
    CHECK_FALSE(h.apply(decision("inriktande", "operations", {"polisen"})).accepted);
    h.open("inriktande", {"polisen"});
    CHECK_FALSE(h.apply(decision("inriktande", "weather", {"polisen"})).accepted);
    auto byOutsider = decision("inriktande", "operations", {"polisen"});
    byOutsider.by = "kommun-a";
    CHECK_FALSE(h.apply(byOutsider).accepted);
    REQUIRE(h.apply(decision("inriktande", "operations", {"polisen"})).accepted);
    CHECK_FALSE(h.apply(decision("inriktande", "operations", {"polisen"})).accepted);  // id d1 again
}

TEST_CASE("R11: the directing forum's frames bind the coordinating forum", "[rules][R11]") {
    Harness h;
    h.open("inriktande", {"polisen"});
    h.open("samordnande", {"polisen"});
    REQUIRE(h.apply(protocol::SetPriorities{"polisen", "inriktande", "snow-clearing", {"rail", "trunk-bus", "local"}}).accepted);
    CHECK(h.entries(Kind::frameSet).size() == 1);

    const auto against = h.apply(protocol::SetPriorities{"polisen", "samordnande", "snow-clearing", {"local", "rail"}});
    CHECK_FALSE(against.accepted);
    CHECK(h.reason(against).en ==
          "Regional directing forum has set the frame for snow-clearing: rail comes before local; Regional coordinating "
          "forum works within that frame (R11).");
    CHECK(against.refusal.code == protocol::RefusalCode::frameViolation);
    CHECK(against.refusal.args == std::vector<std::string>{"inriktande", "snow-clearing", "rail", "local", "samordnande"});
    CHECK(h.entries(Kind::prioritiesSet).empty());

    CHECK(h.apply(protocol::SetPriorities{"polisen", "samordnande", "snow-clearing", {"rail", "extra", "trunk-bus", "local"}}).accepted);
    CHECK(h.apply(protocol::SetPriorities{"polisen", "samordnande", "other-list", {"local", "rail"}}).accepted);
    CHECK(h.entries(Kind::prioritiesSet).size() == 2);
}

TEST_CASE("R11: an order of the coordinating forum that leaves out an item the frame ranks is refused", "[rules][R11][limits]") {
    Harness h;
    h.open("inriktande", {"polisen"});
    h.open("samordnande", {"polisen"});
    REQUIRE(h.apply(protocol::SetPriorities{"polisen", "inriktande", "snow-clearing", {"rail", "trunk-bus", "local"}}).accepted);
    const auto omitted = h.apply(protocol::SetPriorities{"polisen", "samordnande", "snow-clearing", {"rail", "local"}});
    CHECK_FALSE(omitted.accepted);
    CHECK(omitted.refusal.code == protocol::RefusalCode::frameOmission);
    CHECK(omitted.refusal.args == std::vector<std::string>{"inriktande", "snow-clearing", "trunk-bus", "samordnande"});
    CHECK(h.reason(omitted).en ==
          "Regional directing forum has set the frame for snow-clearing, which ranks trunk-bus; Regional coordinating forum works "
          "within that frame and cannot leave trunk-bus out (R11).");
    CHECK(h.entries(Kind::prioritiesSet).empty());
    // The executive level is bound too, by the directing frame and by the coordinating forum's order.
    h.open("verkstallande", {"polisen"});
    CHECK(h.apply(protocol::SetPriorities{"polisen", "verkstallande", "snow-clearing", {"trunk-bus", "rail", "local"}}).refusal.code ==
          protocol::RefusalCode::frameViolation);
}

TEST_CASE("R11: where the scenario allows deviations, an order against the frame is accepted and recorded as a violation", "[rules][R11]") {
    Harness h;
    h.coop.setFrameDeviationsAllowed(true);
    h.open("inriktande", {"polisen"});
    h.open("samordnande", {"polisen"});
    REQUIRE(h.apply(protocol::SetPriorities{"polisen", "inriktande", "snow-clearing", {"rail", "trunk-bus", "local"}}).accepted);
    REQUIRE(h.apply(protocol::SetPriorities{"polisen", "samordnande", "snow-clearing", {"local", "rail", "trunk-bus"}}).accepted);
    REQUIRE(h.apply(protocol::SetPriorities{"polisen", "samordnande", "snow-clearing", {"rail", "local"}}).accepted);
    REQUIRE(h.apply(protocol::SetPriorities{"polisen", "samordnande", "snow-clearing", {"rail", "trunk-bus", "local"}}).accepted);
    CHECK(h.entries(Kind::prioritiesSet).size() == 3);
    const auto violations = h.entries(Kind::frameViolation);
    REQUIRE(violations.size() == 2);  // the order within the frame is none
    const auto& order = *violations[0].as<protocol::FrameViolated>();
    CHECK(order.frameForum == "inriktande");
    CHECK(order.list == "snow-clearing");
    CHECK_FALSE(order.omitted);
    CHECK(order.first == "rail");
    CHECK(order.second == "local");
    CHECK(violations[0].seq == h.entries(Kind::prioritiesSet)[0].seq + 1);
    CHECK(h.text(violations[0]).en ==
          "Deviation from the frame (R11): Regional directing forum has set the frame for snow-clearing – rail before local – but "
          "Regional coordinating forum puts local before rail.");
    const auto& left = *violations[1].as<protocol::FrameViolated>();
    CHECK(left.omitted);
    CHECK(left.first == "trunk-bus");
    CHECK(h.text(violations[1]).sv ==
          "Avsteg från ramen (R11): Regionalt inriktande forum har satt ramen för snow-clearing, som rangordnar trunk-bus, men "
          "Regionalt samordnande forum lämnar trunk-bus utanför.");
}

TEST_CASE("R11: a frame binds only levels below the one that set it", "[rules][R11]") {
    Harness h;
    h.open("inriktande", {"polisen"});
    h.open("samordnande", {"polisen"});
    REQUIRE(h.apply(protocol::SetPriorities{"polisen", "samordnande", "list", {"a", "b"}}).accepted);
    CHECK(h.apply(protocol::SetPriorities{"polisen", "inriktande", "list", {"b", "a"}}).accepted);
}

TEST_CASE("public messages through a forum are joint – without one they are the actor's own", "[rules][R15]") {
    Harness h;
    h.open("inriktande", {"polisen", "kommun-a"});
    REQUIRE(h.apply(protocol::SendPublicMessage{"kommun-a", "inriktande", {"Stanna hemma.", "Stay at home."}}).accepted);
    REQUIRE(h.apply(protocol::SendPublicMessage{"sl", "", {"Förseningar.", "Delays."}}).accepted);
    const auto messages = h.entries(Kind::publicMessage);
    REQUIRE(messages.size() == 2);
    CHECK(messages[0].as<protocol::PublicMessage>()->joint);
    CHECK(messages[0].as<protocol::PublicMessage>()->senders == std::vector<std::string>{"lansstyrelsen", "polisen", "kommun-a"});
    CHECK_FALSE(messages[1].as<protocol::PublicMessage>()->joint);
    CHECK_FALSE(h.apply(protocol::SendPublicMessage{"sl", "inriktande", {"x", "x"}}).accepted);
}

TEST_CASE("R15: bilateral contacts are documented as such", "[rules][R15]") {
    Harness h;
    REQUIRE(h.apply(protocol::Contact{"sl", "polisen", {"Hur går det?", "How is it going?"}}).accepted);
    CHECK(h.entries(Kind::contact).at(0).as<protocol::ContactMade>()->to == "polisen");
    CHECK_FALSE(h.apply(protocol::Contact{"sl", "nobody", {"?", "?"}}).accepted);
}

TEST_CASE("a decision proposed to a forum that does not exist is refused, and nothing is recorded", "[rules][R11][bad-input]") {
    // Found by the journal fuzz target: replay read past the region's forums for the proposal's name.
    Harness h;
    h.open("samordnande", {"polisen", "kommun-a"});
    auto d = decision("samordnande", "operations", {"polisen"});
    d.proposalTo = "no-such-forum";
    const std::size_t before = h.coop.decisions().size();
    const auto answer = h.apply(d);
    REQUIRE_FALSE(answer.accepted);
    CHECK(answer.refusal.code == protocol::RefusalCode::unknownForum);
    CHECK(h.reason(answer).en == "Unknown forum ‘no-such-forum’.");
    CHECK(h.coop.decisions().size() == before);
}

TEST_CASE("a decision taken alone and proposed to a forum names no forum it comes from", "[rules][R10][R11]") {
    Harness h;
    auto d = decision("", "operations", {"polisen"});
    d.proposalTo = "chefsgrupp";
    REQUIRE(h.apply(d).accepted);
    h.runFor(kHour);
    const auto sent = h.entries(Kind::proposal);
    REQUIRE(sent.size() == 1);
    CHECK(sent[0].forum == "chefsgrupp");
}
