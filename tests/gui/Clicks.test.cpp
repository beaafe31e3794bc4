// The console driven by mouse and keyboard, as a trainee and exercise control use it: every step
// finds its widget where the last frame drew it and clicks or types there, and the journal shows
// what the step did. No Session call stands in for a click.
#include <catch2/catch.hpp>

#include <SFML/Window/Keyboard.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "tests/gui/Driver.hpp"

using namespace samverkan;
using engine::kHour;
using engine::kMinute;
using support::Driver;

namespace {

gui::AppOptions snowstorm(const std::string& role, bool control) {
    gui::AppOptions options;
    options.dataDir = support::kScenarios;
    options.scenario = support::kSnowstorm;
    options.start = true;
    options.role = role;
    options.control = control;
    options.lang = model::Lang::en;
    return options;
}

// The journal's entries of a kind, in order.
std::vector<const protocol::JournalEntry*> entriesOf(const gui::Session& s, protocol::Kind kind) {
    std::vector<const protocol::JournalEntry*> out;
    for (const auto& e : s.run->journal().entries())
        if (e.kind == kind) out.push_back(&e);
    return out;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); }

// Runs the clock by the top bar until `t` (simulated) has passed.
void playUntil(Driver& d, engine::Millis t) {
    d.click("speed:600");
    for (int i = 0; i < 4000 && d.session().run->now() < t; ++i) d.frames(1);
    d.click("play");  // pause again
    REQUIRE(d.session().speed == 0);
}

}  // namespace

TEST_CASE("a trainee's snowstorm by mouse and keyboard: convene with invitations, report, decide a measure, send a joint message",
          "[gui][clicks]") {
    Driver d(snowstorm("lansstyrelsen", false));
    REQUIRE(d.app().inExercise());
    CHECK(d.session().speed == 0);  // the exercise waits for play

    // The coordinating forum, chosen in the actions' forum list.
    d.click("combo:Forum");
    d.click("option:regionalt-samordnande-forum");
    // The invitation list starts from the usual members and the forum's suggestion; SMHI is an
    // outside actor, found with the search box and ticked, and the municipalities are ticked as a group.
    const auto& invite = d.app().panels().actions.invite;
    REQUIRE_FALSE(invite.chosen.empty());
    CHECK(invite.has("polisen"));
    if (!invite.has("smhi")) {
        d.type("invite-search", "SMHI");
        d.click("invite:smhi");
    }
    REQUIRE(invite.has("smhi"));
    if (!invite.has("huddinge")) d.click("invite-group:municipalities");
    CHECK(invite.has("huddinge"));
    CHECK(invite.has("nacka"));
    d.click("convene");
    const auto convened = entriesOf(d.session(), protocol::Kind::convened);
    REQUIRE(convened.size() == 1);
    const auto& invited = convened.front()->as<protocol::Convened>()->invited;
    CHECK(contains(invited, "smhi"));
    CHECK(contains(invited, "huddinge"));
    CHECK(contains(invited, "polisen"));
    // The answer is beside the button, and in the role's own log.
    REQUIRE(d.session().ownActions().size() == 1);
    CHECK(d.session().ownActions().back().accepted);

    // The meeting opens; SMHI joined with the rest.
    playUntil(d, 2 * kHour);
    const auto opened = entriesOf(d.session(), protocol::Kind::meetingOpened);
    REQUIRE_FALSE(opened.empty());
    CHECK(contains(opened.front()->as<protocol::MeetingOpened>()->members, "smhi"));

    // A report to the forum, with words typed into the message field.
    d.click("section:messages");
    d.type("message", "Lansstyrelsen: lagesbild kl 02");
    d.click("report");
    const auto reports = entriesOf(d.session(), protocol::Kind::report);
    REQUIRE_FALSE(reports.empty());
    const auto* mine = reports.back()->as<protocol::ReportMade>();
    CHECK(mine->by == "lansstyrelsen");
    CHECK(mine->text.in(model::Lang::en) == "Lansstyrelsen: lagesbild kl 02");

    // A joint public message through the forum, from the same field.
    d.click("joint-message");
    CHECK(d.session().ownActions().back().type == "send-public-message");
    CHECK(d.session().ownActions().back().accepted);
    CHECK((entriesOf(d.session(), protocol::Kind::messageProposed).size() + entriesOf(d.session(), protocol::Kind::publicMessage).size()) > 0);

    // A measure decided in the forum: the section opened, the first measure offered chosen.
    d.click("section:decide");
    d.click("measure");
    std::string measureId;
    for (const auto& [name, m] : gui::marks())
        if (name.rfind("measure:", 0) == 0 && measureId.empty()) measureId = name.substr(8);
    REQUIRE_FALSE(measureId.empty());
    d.click("measure:" + measureId);
    CHECK(d.app().panels().actions.decision.measure == measureId);
    d.click("decide");
    const auto& last = d.session().ownActions().back();
    CHECK(last.type == "agree-decision");
    CHECK(last.accepted);
    const auto decided = entriesOf(d.session(), protocol::Kind::decisionAgreed);
    const auto proposed = entriesOf(d.session(), protocol::Kind::decisionProposed);
    REQUIRE(decided.size() + proposed.size() > 0);
    const auto* d0 = (decided.empty() ? proposed.back() : decided.back())->as<protocol::Decided>();
    CHECK(d0->measure == measureId);
    CHECK(d0->by == "lansstyrelsen");

    // The role's log lists every action it took, each with its answer.
    d.click("inbox-tab:own");
    CHECK(d.session().ownActions().size() == 4);
}

TEST_CASE("exercise control by mouse and keyboard: an inject to several recipients, a jump to a clock time", "[gui][clicks]") {
    Driver d(snowstorm("", true));
    REQUIRE(d.app().inExercise());
    // The recipients: the municipalities as a group, and SMHI found by searching.
    d.click("inject-to-group:municipalities");
    d.type("inject-to-search", "smhi");
    d.click("inject-to:smhi");
    const auto& to = d.app().panels().actions.injectTo.chosen;
    REQUIRE(to.size() == 27);
    d.type("inject-text", "Exercise control: the ferry to Vaxholm is cancelled");
    d.click("send-inject");
    const auto injects = entriesOf(d.session(), protocol::Kind::inject);
    REQUIRE_FALSE(injects.empty());
    const auto* delivered = injects.back()->as<protocol::InjectDelivered>();
    CHECK(delivered->to.size() == 27);
    CHECK(contains(delivered->to, "smhi"));
    CHECK(contains(delivered->to, "vaxholm"));
    CHECK(delivered->text.in(model::Lang::en) == "Exercise control: the ferry to Vaxholm is cancelled");
    // Each recipient has it in its inbox: the municipality of Vaxholm knows of it, the Police do not.
    CHECK(exercise::mayKnow(*d.session().run, "vaxholm", *injects.back()));
    CHECK_FALSE(exercise::mayKnow(*d.session().run, "polisen", *injects.back()));

    // A jump to a clock time, typed into the field, says how it read the time.
    d.type("jump-field", "14:00");
    d.click("jump");
    const auto& s = d.session();
    CHECK(engine::formatClock(s.scenario->start, s.run->now()).find("14:00") != std::string::npos);
    CHECK(s.noticeFrom == "jump");
    CHECK(s.notice.find("clock time") != std::string::npos);
    // And an offset from the start.
    d.type("jump-field", "");
    d.click("jump-field");
    for (int i = 0; i < 8; ++i) d.key(sf::Keyboard::BackSpace);
    d.type("jump-field", "+30h");
    d.click("jump");
    CHECK(s.run->now() == 30 * kHour);
    CHECK(s.notice.find("from the start") != std::string::npos);
}

TEST_CASE("the keyboard: space plays and pauses, 1–4 choose the speed, N goes to the next event, F1 opens the help", "[gui][clicks]") {
    Driver d(snowstorm("", true));
    const auto& s = d.session();
    REQUIRE(s.speed == 0);
    d.key(sf::Keyboard::Space);
    CHECK(s.speed == 60);
    d.key(sf::Keyboard::Num4);
    CHECK(s.speed == 600);
    d.key(sf::Keyboard::Space);
    CHECK(s.speed == 0);
    d.key(sf::Keyboard::Num2);
    CHECK(s.speed == 10);
    d.key(sf::Keyboard::Space);
    REQUIRE(s.speed == 0);
    const auto next = d.app().session().run->nextEventTime();
    REQUIRE(next);
    d.key(sf::Keyboard::N);
    CHECK(s.run->now() == *next);
    // F1 opens the help, which lists the keys; again closes it; the top bar's button does the same.
    d.key(sf::Keyboard::F1);
    CHECK(d.app().helpOpen());
    CHECK(d.has("help"));
    d.key(sf::Keyboard::F1);
    CHECK_FALSE(d.app().helpOpen());
    d.click("help-button");
    CHECK(d.app().helpOpen());
    d.click("help-button");
    CHECK_FALSE(d.app().helpOpen());
    // While a field takes the typing, the keys type: a space in the jump field does not play.
    d.click("jump-field");
    d.key(sf::Keyboard::Space);
    CHECK(s.speed == 0);
    d.key(sf::Keyboard::N);
    CHECK(s.run->now() == *next);
}
