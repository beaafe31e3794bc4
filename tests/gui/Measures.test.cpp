// The console decides measures: the decision panel offers what the acting role may decide, builds
// the command from its widgets, and a trainee's choice through the console's command path changes
// the simulated outcome; the review's table shows what was decided and what it did.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "gui/app/App.hpp"
#include "gui/views/Measures.hpp"
#include "tests/gui/HeadlessImGui.hpp"

using namespace samverkan;
using engine::kHour;
using support::HeadlessImGui;
using support::kSnowstorm;

namespace {

// A trainee holding `role` in the snowstorm; the reference play plays everyone else.
void trainee(gui::Session& s, const std::string& role) {
    s.role = role;
    s.lang = model::Lang::en;
    REQUIRE(s.load(kSnowstorm));
    s.start();
    REQUIRE(s.run->trainees() == std::vector<std::string>{role});
}

// The trainee decides `measure` alone at +3h (before the snow) as the panel's button does.
void decideAlone(gui::Session& s, gui::DecisionPanel& panel, const std::string& measure) {
    s.run->runUntil(3 * kHour);
    panel.alone = true;
    panel.choose(s, measure, {});
    REQUIRE(panel.measure == measure);
    REQUIRE(panel.submit(s, {}));
    CHECK(s.lastAnswer == "Accepted.");
}

double outcome(const gui::Session& s, const std::string& id) {
    const auto* w = s.run->world();
    REQUIRE(w != nullptr);
    return w->outcome(w->outcomeIndex(id));
}

std::size_t demandIndex(const gui::Session& s, const std::string& id) {
    const auto& demands = s.run->world()->spec().demands;
    const auto it = std::find_if(demands.begin(), demands.end(), [&](const auto& d) { return d.id == id; });
    REQUIRE(it != demands.end());
    return static_cast<std::size_t>(it - demands.begin());
}

// Two runs of the snowstorm with a trainee holding `role`: one where the trainee decides `measure`
// alone at +3h through the panel, one where the trainee decides nothing.
struct Choice {
    gui::Session decided, waited;
    gui::DecisionPanel panel;
    Choice(const std::string& role, const std::string& measure) {
        trainee(decided, role);
        trainee(waited, role);
        decideAlone(decided, panel, measure);
    }
};

bool has(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

}  // namespace

TEST_CASE("SL cancelling bus lines in advance through the console loses fewer departures and strands fewer people",
          "[gui][measures]") {
    Choice choice("sl", "bus-lines-cancelled");
    auto& [decided, waited, panel] = choice;
    decided.run->runToEnd();
    waited.run->runToEnd();
    const auto& entries = decided.run->journal().entries();
    const auto it = std::find_if(entries.begin(), entries.end(), [](const protocol::JournalEntry& e) {
        const auto* d = e.as<protocol::Decided>();
        return d != nullptr && d->measure == "bus-lines-cancelled" && d->by == "sl";
    });
    REQUIRE(it != entries.end());
    CHECK(it->kind == protocol::Kind::ownDecision);
    CHECK(it->t == 3 * kHour);

    CHECK(outcome(decided, "bus-departures-lost") < outcome(waited, "bus-departures-lost"));
    CHECK(outcome(decided, "person-hours-stranded") < outcome(waited, "person-hours-stranded"));
}

TEST_CASE("a municipality closing its own schools through the console lowers school travel and changes stranding",
          "[gui][measures]") {
    Choice choice("stockholms-stad", "schools-closed");
    auto& [decided, waited, panel] = choice;
    // Deciding alone, the municipality closes its own schools only (R10).
    const auto command = panel.command(decided, {});
    const auto* areas = model::argFor(command.args, "areas");
    REQUIRE(areas != nullptr);
    CHECK(areas->items == std::vector<std::string>{"stockholms-stad"});

    // During the snowfall fewer children are on their way.
    const auto during = decided.run->world()->firstOnset() + 2 * kHour;
    decided.run->runUntil(during);
    waited.run->runUntil(during);
    const auto school = demandIndex(decided, "school-travellers");
    CHECK(decided.run->world()->demandFactor(school) < waited.run->world()->demandFactor(school));
    CHECK(waited.run->world()->demandFactor(school) == Approx(1.0));

    decided.run->runToEnd();
    waited.run->runToEnd();
    CHECK(outcome(decided, "person-hours-stranded") != outcome(waited, "person-hours-stranded"));
    CHECK(outcome(decided, "person-hours-stranded") < outcome(waited, "person-hours-stranded"));
}

TEST_CASE("the decision panel offers only what the acting role may decide and builds the command from its widgets",
          "[gui][measures]") {
    gui::Session sl, city;
    trainee(sl, "sl");
    trainee(city, "stockholms-stad");
    gui::DecisionPanel panel;
    panel.alone = true;
    const auto slOffers = panel.offered(sl, {});
    CHECK(has(slOffers, "bus-lines-cancelled"));
    CHECK(has(slOffers, "staff-work-from-home"));
    CHECK_FALSE(has(slOffers, "schools-closed"));
    CHECK_FALSE(has(slOffers, "bandvagnar"));
    const auto cityOffers = panel.offered(city, {});
    CHECK(has(cityOffers, "schools-closed"));
    CHECK(has(cityOffers, "snow-clearing-priority"));
    CHECK_FALSE(has(cityOffers, "bus-lines-cancelled"));

    SECTION("a share moved on its slider") {
        panel.choose(sl, "bus-lines-cancelled", {});
        REQUIRE(panel.args.size() == 1);
        CHECK(panel.args[0].number == Approx(0.65));  // the measure's default
        panel.args[0].number = 0.8;
        const auto c = panel.command(sl, {});
        CHECK(c.by == "sl");
        CHECK(c.forum.empty());
        CHECK(c.measure == "bus-lines-cancelled");
        CHECK(c.topic == "operations");
        CHECK(c.actors == std::vector<std::string>{"sl"});
        REQUIRE(c.args.size() == 1);
        CHECK(c.args[0].param == "share");
        CHECK(c.args[0].number == Approx(0.8));
        CHECK(c.text.en == "Cancel bus lines in advance");  // no text typed: the measure's name
        CHECK(c.id == "bus-lines-cancelled-1");
        REQUIRE(panel.submit(sl, {}));
        // The next decision of the same measure gets the next readable id.
        CHECK(panel.command(sl, {}).id == "bus-lines-cancelled-2");
    }
    SECTION("a forum's decision: the deciders present carry it out, all areas named as their group") {
        city.run->runUntil(3 * kHour);
        const std::string forum = "regionalt-inriktande-forum";  // the directing forum, activated
        const auto& region = city.scenario->region;
        REQUIRE(city.run->cooperation().forum(region.forumIndex(forum)).has(region.actorIndex("stockholms-stad")));
        panel.alone = false;
        const auto offers = panel.offered(city, forum);
        CHECK(has(offers, "schools-closed"));
        CHECK(has(offers, "bus-lines-cancelled"));  // SL sits in the forum and may decide it
        panel.choose(city, "schools-closed", forum);
        const auto& measures = city.scenario->measures;
        const auto schools = std::find_if(measures.begin(), measures.end(),
                                          [](const model::Measure& m) { return m.id == "schools-closed"; });
        REQUIRE(schools != measures.end());
        for (const auto& a : panel.doers) CHECK(gui::mayDecide(region, *schools, a));
        CHECK(has(panel.doers, "stockholms-stad"));
        CHECK_FALSE(has(panel.doers, "sl"));
        const auto c = panel.command(city, forum);
        CHECK(c.forum == forum);
        CHECK(c.actors == panel.doers);
        const auto* areas = model::argFor(c.args, "areas");
        REQUIRE(areas != nullptr);
        CHECK(areas->items == std::vector<std::string>{"municipalities"});
        const auto* until = model::argFor(c.args, "until");
        REQUIRE(until != nullptr);
        CHECK(until->number == Approx(24));
    }
    SECTION("information only keeps the free topic and text") {
        panel.informationOnly = true;
        panel.text = "We keep each other informed";
        const auto c = panel.command(sl, {});
        CHECK(c.measure.empty());
        CHECK(c.args.empty());
        CHECK(c.text.sv == "We keep each other informed");
        CHECK(c.id == "information-1");
    }
}

TEST_CASE("the panel drawn in the console keeps an offered measure and drops one the role may not decide",
          "[gui][measures]") {
    HeadlessImGui imgui;
    gui::AppOptions options;
    options.dataDir = support::kScenarios;
    options.scenario = kSnowstorm;
    options.start = true;
    options.role = "sl";
    options.lang = model::Lang::en;
    options.until = "+3h";
    options.decide = "bus-lines-cancelled";
    gui::App app(options);
    for (int i = 0; i < 3; ++i) imgui.frame(app);
    auto& decision = app.panels().actions.decision;
    CHECK(decision.open);
    CHECK(decision.alone);
    CHECK(decision.measure == "bus-lines-cancelled");
    decision.args[0].number = 0.9;
    imgui.frame(app);
    CHECK(decision.args[0].number == Approx(0.9));  // the draft lasts from frame to frame
    decision.measure = "schools-closed";
    imgui.frame(app);
    CHECK(decision.measure != "schools-closed");
    CHECK(has(decision.offered(app.session(), {}), decision.measure));
}

TEST_CASE("the review's table lists the measures decided with their parameters and effect", "[gui][measures]") {
    gui::Session s;
    gui::DecisionPanel panel;
    trainee(s, "sl");
    s.run->runUntil(3 * kHour);
    panel.alone = true;
    panel.choose(s, "bus-lines-cancelled", {});
    panel.args[0].number = 0.8;
    REQUIRE(panel.submit(s, {}));
    s.run->runToEnd();

    const auto rows = gui::measureRows(s);
    const auto it = std::find_if(rows.begin(), rows.end(), [](const gui::MeasureRow& r) { return r.by == "sl"; });
    REQUIRE(it != rows.end());
    CHECK(it->when == "+03:00");
    CHECK(it->who == "SL (public transport)");
    CHECK(it->forum == "alone, in its own organisation");
    CHECK(it->measure == "Cancel bus lines in advance");
    CHECK(it->params == "Share of the other lines cancelled: 80 %");
    CHECK(it->carriedOut == "1 / 1");
    CHECK_THAT(it->effect, Catch::Contains("Bus lines cancelled in advance – strength 80 %, full"));
    CHECK_THAT(it->effect, Catch::Contains("Bus departures"));
    // The others' decisions from the reference play are there too, and the filter keeps SL's alone.
    CHECK(rows.size() > 1);
    CHECK(has(gui::decidingActors(s), "stockholms-stad"));
    const auto slRows = gui::measureRows(s, "sl");
    REQUIRE(slRows.size() == 1);
    CHECK(slRows[0].params == it->params);
    for (const auto& r : rows) {
        for (const auto& m : s.scenario->measures) CHECK(r.measure != m.id);  // names, never ids
        CHECK_FALSE(r.effect.empty());
    }
}
