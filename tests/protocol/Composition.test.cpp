// R9: adapted composition.
#include <catch2/catch.hpp>

#include "tests/protocol/Harness.hpp"

using namespace samverkan;
using namespace samverkan::test;
using protocol::Kind;

TEST_CASE("R9: an actor called in joins after the call-in delay", "[rules][R9]") {
    Harness h;
    h.open("samordnande", {"polisen"});
    protocol::CallIn call{"polisen", "samordnande", "sl"};
    const Millis at = h.now();
    REQUIRE(h.apply(call).accepted);
    CHECK_FALSE(h.state("samordnande").has(h.region.actorIndex("sl")));
    h.runFor(15 * kMinute);
    CHECK(h.state("samordnande").has(h.region.actorIndex("sl")));
    CHECK(h.entries(Kind::memberJoined).at(0).t == at + 15 * kMinute);
    CHECK_FALSE(h.apply(call).accepted);  // already there
}

TEST_CASE("R9: only members or Länsstyrelsen call in, and only into a running forum", "[rules][R9]") {
    Harness h;
    protocol::CallIn call{"lansstyrelsen", "samordnande", "sl"};
    CHECK_FALSE(h.apply(call).accepted);
    h.open("samordnande", {"polisen"});
    call.by = "kommun-a";
    CHECK_FALSE(h.apply(call).accepted);
    call.by = "lansstyrelsen";
    CHECK(h.apply(call).accepted);
}

TEST_CASE("R9: actors can be released, but not Länsstyrelsen, who documents, nor the chair", "[rules][R9]") {
    Harness h;
    h.open("samordnande", {"polisen", "kommun-a"});
    protocol::Release rel{"polisen", "samordnande", "kommun-a"};
    REQUIRE(h.apply(rel).accepted);
    CHECK_FALSE(h.state("samordnande").has(h.region.actorIndex("kommun-a")));
    rel.actor = "lansstyrelsen";
    CHECK_FALSE(h.apply(rel).accepted);
    REQUIRE(h.apply(protocol::SetChair{"polisen", "samordnande", "polisen"}).accepted);
    rel.by = "lansstyrelsen";
    rel.actor = "polisen";
    const auto a = h.apply(rel);
    CHECK_FALSE(a.accepted);
    CHECK(h.reason(a).en.find("choose another chair first") != std::string::npos);
}

TEST_CASE("R9: the forum suggests calling in affected actors who are missing, once each", "[rules][R9]") {
    Harness h;
    h.open("samordnande", {"polisen"});
    h.coop.noteAffected({h.region.actorIndex("sl"), h.region.actorIndex("polisen")});
    auto suggestions = h.entries(Kind::compositionSuggested);
    REQUIRE(suggestions.size() == 1);
    CHECK(suggestions[0].as<protocol::CompositionSuggested>()->missing == std::vector<std::string>{"sl"});
    CHECK(h.coop.missingFrom(h.forum("samordnande")) == std::vector<model::ActorIndex>{h.region.actorIndex("sl")});
    h.coop.noteAffected({h.region.actorIndex("sl")});
    CHECK(h.entries(Kind::compositionSuggested).size() == 1);
    REQUIRE(h.apply(protocol::CallIn{"polisen", "samordnande", "sl"}).accepted);
    CHECK(h.coop.missingFrom(h.forum("samordnande")).empty());
}

TEST_CASE("R9: a decision naming an actor who is not in the forum is refused with a suggestion", "[rules][R9]") {
    Harness h;
    h.open("inriktande", {"polisen"});
    protocol::AgreeDecision d;
    d.by = "polisen";
    d.forum = "inriktande";
    d.id = "bussar";
    d.topic = "operations";
    d.text = {"Bussar ställs in.", "Buses are cancelled."};
    d.actors = {"sl"};
    const auto a = h.apply(d);
    CHECK_FALSE(a.accepted);
    CHECK(h.reason(a).en == "SL are not in the forum; call them in first (R9).");
    CHECK(h.entries(Kind::compositionSuggested).at(0).ref == "bussar");
    CHECK(h.coop.decisions().empty());
}
