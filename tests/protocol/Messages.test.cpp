// Messages to the public (R15): joint only when every sender consented, each sender's representative
// with the public-message mandate at the forum's level or after consulting home (R3, R4).
#include <catch2/catch.hpp>

#include "tests/protocol/Harness.hpp"

using namespace samverkan;
using namespace samverkan::test;
using protocol::Kind;
using protocol::RefusalCode;
using protocol::SendPublicMessage;

namespace {
const model::Text kText{"Stanna hemma.", "Stay at home."};
SendPublicMessage message(std::string by, std::string forum, std::vector<std::string> senders = {},
                          std::string id = {}) {
    return SendPublicMessage{std::move(by), std::move(forum), kText, std::move(id), std::move(senders)};
}
}  // namespace

TEST_CASE("R15: a message through a forum is joint from its members when each has the public-message mandate",
          "[rules][R15][messages]") {
    Harness h;
    h.open("inriktande", {"polisen", "kommun-a"});
    REQUIRE(h.apply(message("kommun-a", "inriktande")).accepted);
    const auto published = h.entries(Kind::publicMessage);
    REQUIRE(published.size() == 1);
    const auto& m = *published[0].as<protocol::PublicMessage>();
    CHECK(m.joint);
    CHECK(m.senders == std::vector<std::string>{"lansstyrelsen", "polisen", "kommun-a"});
    CHECK(published[0].ref == "message-1");
    CHECK(h.entries(Kind::messageProposed).empty());
    CHECK(h.entries(Kind::consultationStarted).empty());
}

TEST_CASE("R3, R15: a joint message waits until the senders without the mandate have consulted home",
          "[rules][R3][R15][messages]") {
    Harness h;
    // The test region's coordinating representatives may agree information and coordination only.
    h.open("samordnande", {"polisen", "kommun-a", "sl"});
    const Millis sent = h.now();
    REQUIRE(h.apply(message("polisen", "samordnande", {"polisen", "kommun-a"}, "closures")).accepted);
    CHECK(h.entries(Kind::publicMessage).empty());
    const auto proposed = h.entries(Kind::messageProposed);
    REQUIRE(proposed.size() == 1);
    CHECK(proposed[0].ref == "closures");
    CHECK(proposed[0].as<protocol::MessageProposed>()->waiting == std::vector<std::string>{"polisen", "kommun-a"});
    const auto consulting = h.entries(Kind::consultationStarted);
    REQUIRE(consulting.size() == 2);
    CHECK(consulting[0].as<protocol::ConsultationStarted>()->topic == "public-message");
    CHECK(h.text(proposed[0]).en.find("proposes a joint message from Polisen and Kommun A") != std::string::npos);

    h.runFor(30 * kMinute);  // Polisen's home answers after 20 min, Kommun A's after 45
    CHECK(h.entries(Kind::consultationDone).size() == 1);
    CHECK(h.entries(Kind::publicMessage).empty());
    h.runFor(30 * kMinute);
    const auto published = h.entries(Kind::publicMessage);
    REQUIRE(published.size() == 1);
    CHECK(published[0].t == sent + 45 * kMinute);
    CHECK(published[0].ref == "closures");
    CHECK(published[0].as<protocol::PublicMessage>()->joint);
    CHECK(published[0].as<protocol::PublicMessage>()->senders == std::vector<std::string>{"polisen", "kommun-a"});
}

TEST_CASE("R3: only the sender whose representative lacks the mandate consults", "[rules][R3][messages]") {
    Harness h;
    // Kommun A's chief executive may not speak for it to the public at the directing level.
    auto& mandate = h.region.actors[h.region.actorIndex("kommun-a")].representatives[0].mandate;
    std::erase(mandate, "public-message");
    h.open("inriktande", {"polisen", "kommun-a"});
    REQUIRE(h.apply(message("polisen", "inriktande", {"polisen", "kommun-a"})).accepted);
    const auto consulting = h.entries(Kind::consultationStarted);
    REQUIRE(consulting.size() == 1);
    CHECK(consulting[0].actor == "kommun-a");
    h.runFor(45 * kMinute);
    REQUIRE(h.entries(Kind::publicMessage).size() == 1);
    CHECK(h.entries(Kind::publicMessage)[0].as<protocol::PublicMessage>()->joint);
}

TEST_CASE("R15: one actor's message is its own, through a forum or not", "[rules][R15][messages]") {
    Harness h;
    h.open("inriktande", {"polisen", "kommun-a"});
    REQUIRE(h.apply(message("sl", "")).accepted);
    REQUIRE(h.apply(message("polisen", "inriktande", {"polisen"})).accepted);
    const auto published = h.entries(Kind::publicMessage);
    REQUIRE(published.size() == 2);
    for (const auto& e : published) CHECK_FALSE(e.as<protocol::PublicMessage>()->joint);
    CHECK(published[0].as<protocol::PublicMessage>()->senders == std::vector<std::string>{"sl"});
    CHECK(published[1].as<protocol::PublicMessage>()->senders == std::vector<std::string>{"polisen"});
    CHECK(published[1].forum == "inriktande");
}

TEST_CASE("who may send a joint message: members of the forum, named senders that exist, in a forum",
          "[rules][R15][messages][limits]") {
    Harness h;
    h.open("inriktande", {"polisen", "kommun-a"});
    const auto before = h.journal.size();
    // The sender is not a member of the forum.
    const auto outsider = h.apply(message("sl", "inriktande"));
    CHECK(outsider.refusal.code == RefusalCode::notMember);
    // A named sender is not a member: the message cannot be joint in its name.
    const auto absent = h.apply(message("polisen", "inriktande", {"polisen", "kommun-b"}));
    CHECK(absent.refusal.code == RefusalCode::notMember);
    CHECK(absent.refusal.args == std::vector<std::string>{"kommun-b", "inriktande"});
    CHECK(h.reason(absent).en == "Kommun B is not taking part in Regional directing forum.");
    // A group whose members are not all there.
    CHECK(h.apply(message("polisen", "inriktande", {"kommuner"})).refusal.code == RefusalCode::notMember);
    CHECK(h.apply(message("polisen", "inriktande", {"nobody"})).refusal.code == RefusalCode::unknownActor);
    // Senders without a forum: consent is sought in a forum.
    const auto noForum = h.apply(message("polisen", "", {"polisen", "kommun-a"}));
    CHECK(noForum.refusal.code == RefusalCode::sendersWithoutForum);
    CHECK(h.reason(noForum).en ==
          "A joint message is agreed in a forum; name the forum, or send the message as your own.");
    CHECK(h.apply(message("polisen", "samordnande")).refusal.code == RefusalCode::notRunning);
    CHECK(h.journal.size() == before);  // nothing was recorded
    REQUIRE(h.apply(message("polisen", "inriktande", {}, "m")).accepted);
    CHECK(h.apply(message("kommun-a", "inriktande", {}, "m")).refusal.code == RefusalCode::duplicateMessage);
}
