#include "tests/protocol/Harness.hpp"

namespace samverkan::test {

model::Region testRegion() {
    using model::Mode;
    model::Region r;
    r.id = "test";
    r.convener = "lansstyrelsen";
    r.topics = {"information", "coordination", "priorities", "resources", "operations", "public-message"};
    r.levels = {{"directing", {"Inriktande nivå", "Directing level"}, {}, 0},
                {"coordinating", {"Samordnande nivå", "Coordinating level"}, {}, 1},
                {"executive", {"Verkställande nivå", "Executive level"}, {}, 2}};
    r.forums = {{"chefsgrupp", "directing", Mode::ordinary, {"Regional chefsgrupp", "Regional executive group"}, {}, -1},
                {"inriktande", "directing", Mode::activated, {"Regionalt inriktande forum", "Regional directing forum"}, {}, -1},
                {"samordningsgrupp", "coordinating", Mode::ordinary, {"Regional samordningsgrupp", "Regional coordination group"}, {}, -1},
                {"samordnande", "coordinating", Mode::activated, {"Regionalt samordnande forum", "Regional coordinating forum"}, {}, -1},
                {"grupper", "executive", Mode::ordinary, {"Samverkansgrupper", "Cooperation groups"}, {}, -1},
                {"verkstallande", "executive", Mode::activated, {"Verkställande forum", "Executive forum"}, {}, -1}};
    auto actor = [&](std::string id, std::string name, bool outside, Millis consult, Millis implement) {
        model::Actor a;
        a.id = std::move(id);
        a.name = {name, name};
        a.home = {name + " (hem)", name + " (home)"};
        a.outside = outside;
        a.consultDelay = consult;
        a.implementDelay = implement;
        a.representatives = {
            {"directing", {"Chef", "Head"}, {"information", "coordination", "priorities", "resources", "operations", "public-message"}},
            {"coordinating", {"Samordnare", "Coordinator"}, {"information", "coordination"}},
            {"executive", {"Ledningscentral", "Command centre"}, {"information", "operations"}}};
        r.actors.push_back(a);
    };
    actor("lansstyrelsen", "Länsstyrelsen", false, 30 * kMinute, kHour);
    actor("polisen", "Polisen", false, 20 * kMinute, 30 * kMinute);
    actor("kommun-a", "Kommun A", false, 45 * kMinute, 2 * kHour);
    actor("kommun-b", "Kommun B", false, 45 * kMinute, 3 * kHour);
    actor("sl", "SL", true, 30 * kMinute, kHour);
    actor("smhi", "SMHI", true, 30 * kMinute, kHour);
    r.groups = {{"kommuner", {"kommun-a", "kommun-b"}, {}}};
    r.convening = {{"telephone", 15 * kMinute, 20 * kMinute, "test"}, {"physical", kHour, 2 * kHour, "test"}};
    r.callInDelay = 15 * kMinute;
    r.meetingLength = 2 * kHour;
    r.activatedConferenceInterval = 6 * kHour;
    r.weekly = model::WeeklyConference{"samordningsgrupp", 1, 9 * kHour, "telephone"};
    return r;
}

Harness::Harness() : region(testRegion()), rng("test", 1), coop(region, *this) { scenario.region = region; }

void Harness::record(protocol::JournalEntry&& e) {
    e.t = sim.now();
    e.seq = journal.size() + 1;
    journal.push_back(std::move(e));
}

void Harness::runUntil(Millis t) {
    sim.runUntil(t, [this](const protocol::ProtocolEvent& e) { coop.handle(e); });
}

void Harness::open(const std::string& forumRef, const std::vector<std::string>& actors) {
    const protocol::Convene c{"lansstyrelsen", forumRef, "telephone", 0, actors};
    const auto answer = apply(c);
    if (!answer.accepted) throw std::runtime_error("convene rejected: " + reason(answer).en);
    runFor(20 * kMinute);
}

std::vector<protocol::JournalEntry> Harness::entries(protocol::Kind kind) const {
    std::vector<protocol::JournalEntry> out;
    for (const auto& e : journal)
        if (e.kind == kind) out.push_back(e);
    return out;
}

}  // namespace samverkan::test
