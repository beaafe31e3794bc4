#include <catch2/catch.hpp>

#include "sim/model/Region.hpp"

using namespace samverkan;
using namespace samverkan::model;

namespace {
Region smallRegion() {
    Region r;
    r.levels = {{"directing", {"Inriktande", "Directing"}, {}, 0}, {"coordinating", {"Samordnande", "Coordinating"}, {}, 1}};
    r.forums = {{"chefsgrupp", "directing", Mode::ordinary, {}, {}, -1},
                {"inriktande-forum", "directing", Mode::activated, {}, {}, -1},
                {"samordningsgrupp", "coordinating", Mode::ordinary, {}, {}, 0},
                {"samordnande-forum", "coordinating", Mode::activated, {}, {}, 2 * engine::kHour}};
    Actor a;
    a.id = "kommun";
    a.implementDelay = engine::kHour;
    a.representatives = {{"coordinating", {"Säkerhetschef", "Head of security"}, {"information"}}};
    r.actors = {a};
    r.groups = {{"kommuner", {"kommun"}, {}}};
    r.activatedConferenceInterval = 6 * engine::kHour;
    r.topicImplementDelays = {{"project", 30 * engine::kDay}};
    return r;
}
}  // namespace

TEST_CASE("a forum reference is a forum id or a level meaning its activated forum", "[region]") {
    const Region r = smallRegion();
    CHECK(r.resolveForum("samordningsgrupp") == 2);
    CHECK(r.resolveForum("coordinating") == 3);
    CHECK(r.resolveForum("directing") == 1);
    CHECK(r.resolveForum("executive") == kNone);
    CHECK(r.forumOf("directing", Mode::ordinary) == 0);
}

TEST_CASE("actors, groups and representations are found by id", "[region]") {
    const Region r = smallRegion();
    CHECK(r.actorIndex("kommun") == 0);
    CHECK(r.actorIndex("nobody") == kNone);
    CHECK(r.group("kommuner")->members.size() == 1);
    REQUIRE(r.actors[0].at("coordinating") != nullptr);
    CHECK(r.actors[0].at("coordinating")->function.en == "Head of security");
    CHECK(r.actors[0].at("directing") == nullptr);
    CHECK(r.actorIds() == std::vector<std::string>{"kommun", "kommuner"});
}

TEST_CASE("a group's members are found through the index built at load, and by id once the region has changed", "[region]") {
    Region r = smallRegion();
    Actor other;
    other.id = "annan-kommun";
    r.actors.push_back(other);
    r.groups.front().members.push_back("annan-kommun");
    // Not indexed yet: found by id.
    CHECK(r.memberIndex(r.groups.front(), 1) == 1);
    r.index();
    REQUIRE(r.groups.front().indices == std::vector<ActorIndex>{0, 1});
    CHECK(r.memberIndex(r.groups.front(), 0) == 0);
    // The actors swap places after indexing: the stale index is checked against the id.
    std::swap(r.actors[0], r.actors[1]);
    CHECK(r.memberIndex(r.groups.front(), 0) == 1);
    CHECK(r.memberIndex(r.groups.front(), 1) == 0);
    // A member that is no actor stays unknown.
    r.groups.front().members.push_back("ingen");
    r.index();
    CHECK(r.memberIndex(r.groups.front(), 2) == kNone);
}

TEST_CASE("conference intervals and implementation delays fall back to the region's defaults", "[region]") {
    const Region r = smallRegion();
    CHECK(r.conferenceInterval(1) == 6 * engine::kHour);
    CHECK(r.conferenceInterval(2) == 0);
    CHECK(r.conferenceInterval(3) == 2 * engine::kHour);
    CHECK(r.implementDelay(0, "operations") == engine::kHour);
    CHECK(r.implementDelay(0, "project") == 30 * engine::kDay);
}

TEST_CASE("text falls back to the other language when one is missing", "[region]") {
    const Text both{"Länsstyrelsen", "County Administrative Board"};
    CHECK(both.in(Lang::sv) == "Länsstyrelsen");
    CHECK(both.in(Lang::en) == "County Administrative Board");
    CHECK(Text{"endast svenska", ""}.in(Lang::en) == "endast svenska");
}
