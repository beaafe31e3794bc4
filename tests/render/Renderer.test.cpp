// One renderer: every event kind and every refusal of every shipped scenario reads in Swedish and in
// English, with no raw id, no missing translation and no sentence left the same in both languages.
#include <catch2/catch.hpp>

#include <set>

#include "sim/exercise/Exercise.hpp"
#include "tests/exercise/SceneHelpers.hpp"

using namespace samverkan;
using namespace samverkan::test;
using protocol::Kind;

namespace {

const std::vector<std::string> kScenarios{"snowstorm", "snowstorm-areas", "snowstorm-municipalities", "demonstration", "improvement-project"};

// Words of the languages that are written with hyphens; anything else hyphenated is taken for an id.
const std::set<std::string> kHyphenatedWords{
    "counter-demonstrators", "counter-demonstration", "counter-demonstrations", "day-care", "call-outs", "long-distance",
    "follow-up", "hand-over", "e-mail", "e-post", "person-hours", "customer-hours", "traveller-hours", "person-days",
    "resident-days", "non-trunk", "snow-clearing", "in-person", "public-order", "trunk-bus"};

// Swedish words that never belong in an English sentence (proper names aside).
const std::vector<std::string> kSwedishWords{" och ", " är ", " inte ", " till ", " för ", " med ", " som ", " kallas ", " beslut "};

// Quotations (what a person typed, quoted back) are left out of the search for ids.
std::string unquoted(const std::string& text) {
    std::string out;
    std::size_t at = 0;
    for (;;) {
        const auto open = std::min(text.find("‘", at), text.find("”", at));
        if (open == std::string::npos) return out + text.substr(at);
        const bool english = text.compare(open, std::string("‘").size(), "‘") == 0;
        const std::string close = english ? "’" : "”";
        const auto end = text.find(close, open + close.size());
        if (end == std::string::npos) return out + text.substr(at);
        out += text.substr(at, open - at);
        at = end + close.size();
    }
}

// The first raw id in a text: a lower-case hyphenated token that is no word of the languages (a
// few ids are words too, such as "counter-demonstrators"; those read as words). Tokens run between spaces and punctuation; a capital letter starts a word, never an id.
std::string rawIdIn(const std::string& text) {
    const std::string t = unquoted(text);
    std::string token;
    auto check = [&]() -> std::string {
        std::string found;
        if (token.find('-') != std::string::npos && token.front() >= 'a' && token.front() <= 'z' && token.back() != '-' &&
            kHyphenatedWords.count(token) == 0)
            found = token;
        token.clear();
        return found;
    };
    for (const char c : t) {
        if (std::string(" \t\n.,;:()!?\"'/[]{}").find(c) != std::string::npos) {
            if (auto id = check(); !id.empty()) return id;
        } else {
            token += c;
        }
    }
    return check();
}

// Fails on a missing language, a raw id, Swedish in English, or the same words in both languages.
void checkWords(const model::Text& t, const std::string& what, bool properName = false) {
    INFO(what << "\n  sv: " << t.sv << "\n  en: " << t.en);
    CHECK_FALSE(t.sv.empty());
    CHECK_FALSE(t.en.empty());
    CHECK(rawIdIn(t.sv) == "");
    CHECK(rawIdIn(t.en) == "");
    if (!properName) CHECK(t.sv != t.en);
    for (const auto& w : kSwedishWords) CHECK(t.en.find(w) == std::string::npos);
}

// Refused commands of every kind a person could try, so that their refusals are rendered too.
void tryRefusals(exercise::Exercise& run) {
    const auto& region = run.scenario().region;
    const std::string forum = region.forums[region.forumOf("coordinating", model::Mode::activated)].id;
    const std::string convener = region.convener;
    // The last municipality: no shipped play brings it into the coordinating forum.
    const std::string other = region.group("municipalities")->members.back();
    using namespace protocol;
    const std::vector<Command> attempts{
        RequestActivation{"nobody", forum, "", {}},
        Convene{other, forum, "telephone", 0, {}},
        Convene{convener, "no-such-forum", "telephone", 0, {}},
        Convene{convener, forum, "pigeon", 0, {}},
        CallIn{other, forum, "no-such-actor"},
        SetChair{other, forum, convener},
        SetPriorities{other, forum, "a-list", {"x"}},
        SendPublicMessage{other, forum, {"Ett budskap.", "A message."}},
        SendPublicMessage{other, "", {"Ett budskap.", "A message."}, {}, {convener}},
        Contact{other, "no-such-actor", {"Ett samtal.", "A call."}},
        AgreeDecision{other, "", "d", "no-such-topic", "", {"Ett beslut.", "A decision."}, {}},
        AgreeDecision{other, "", "d2", region.topics.front(), "", {"Ett beslut.", "A decision."}, {convener}},
        Deactivate{other, forum},
        AnswerDecisionPoint{other, "no-such-point", "x"},
        ControlInject{other, "", {}, {}},
        ControlInject{kControl, "no-such-inject", {}, {}},
        ControlInject{kControl, "", {}, {}},
        HandOver{other, other},
        HandOver{kControl, other},
        Report{other, forum, {}, {"no-such-service"}, {}},
        Alert{other, {convener}, "tib", {}},
        Verify{other, convener, {}},
        Inform{other, {}, {"Läget.", "The situation."}},
    };
    for (const auto& c : attempts) CHECK_FALSE(run.submit(c, Source::control).accepted);
    // A report on a service the reporter does not see in its own operations.
    if (const auto* w = run.world())
        for (std::size_t s = 0; s < w->spec().services.size(); ++s)
            if (!w->observes(convener, s)) {
                CHECK(run.submit(Report{convener, forum, {}, {w->spec().services[s].id}, {}}, Source::control).refusal.code ==
                      RefusalCode::notObserver);
                break;
            }
}

// One event of each kind, with ids from the scenario, for the kinds no shipped play happens to write.
std::vector<protocol::JournalEntry> everyKind(const scenario::Scenario& s) {
    using namespace protocol;
    const auto& region = s.region;
    const std::string forum = region.forums[region.forumOf("coordinating", model::Mode::activated)].id;
    const std::string directing = region.forums[region.forumOf("directing", model::Mode::activated)].id;
    const std::string a = region.convener, b = region.actors.back().id;
    const std::string topic = region.topics.front();
    std::vector<std::string> services;
    std::string list;
    if (s.world) {
        for (const auto& svc : s.world->services) services.push_back(svc.id);
        if (!s.world->resources.empty()) list = s.world->resources.front().list;
    }
    std::vector<PictureService> picture;
    for (const auto& id : services) picture.push_back({id, true, 0.4, 0.3, 0});
    const model::Text words{"Ett beslut.", "A decision."};
    std::vector<JournalEntry> out;
    auto add = [&](Event e) { out.push_back(entryOf(std::move(e), a, forum, {})); };
    add(Started{});
    add(CommandIssued{RequestActivation{a, forum, "", {}}, Source::trainee});
    add(CommandRefused{"convene", Source::trainee, {RefusalCode::onlyConvener, {a}}});
    add(InjectDelivered{s.injects.empty() ? "" : s.injects.front().id, a, "warning", {b}, {}, {}, {}, {}, {"Ett inspel.", "An inject."}, 0});
    add(ActivationRequested{b, forum, a, directing, true});
    add(Convened{a, forum, "telephone", 17 * kMinute, false, {a, b}});
    add(Convened{a, forum, "physical", 90 * kMinute, true, {}});
    add(MeetingOpened{forum, "telephone", true, true, {a, b}});
    add(MeetingOpened{forum, "physical", false, false, {a}});
    add(MeetingClosed{forum});
    add(ConferenceHeld{forum, false, 2, {a, b}});
    add(ConferenceHeld{forum, true, 3, {}});
    add(ConferenceHeld{forum, false, 4, {a, b}, b});
    // Every step of the region's agenda, in an activated forum and at the weekly conference, with and without content.
    const auto& steps = region.agendaSteps();
    for (std::size_t i = 0; i < steps.size(); ++i)
        for (const bool weekly : {false, true}) {
            add(AgendaItem{forum, steps[i].id, static_cast<int>(i + 1), static_cast<int>(steps.size()), 2, weekly, a, {a, b}});
            add(AgendaItem{forum, steps[i].id, static_cast<int>(i + 1), static_cast<int>(steps.size()), 2, weekly, b, {a, b},
                           list.empty() ? std::vector<std::string>{} : std::vector<std::string>{list}, {"d", "e"}, {b}});
        }
    add(CalledIn{a, forum, b});
    add(MemberJoined{forum, b});
    add(MemberReleased{a, forum, b});
    add(CompositionSuggested{forum, {}, {b}});
    add(CompositionSuggested{forum, "d", {b}});
    add(ChairDecided{a, forum, b, true});
    add(ChairDecided{a, forum, b, false});
    add(ConsultationStarted{forum, b, "d", topic, kHour});
    add(ConsultationDone{forum, b, "d"});
    for (const auto stage : {Decided::Stage::proposed, Decided::Stage::agreed, Decided::Stage::alone})
        add(Decided{stage, a, forum, "d", topic, {}, {}, {}, {a, b}, words});
    add(ProposalSent{a, forum, directing, "d", words});
    add(Implemented{b, forum, "d", {}, words});
    if (!list.empty()) {
        add(PrioritiesSet{a, directing, list, true, services});
        add(PrioritiesSet{a, forum, list, false, services});
    }
    if (!list.empty() && services.size() >= 2) {
        add(FrameViolated{a, forum, directing, list, {}, false, services[0], services[1]});
        add(FrameViolated{a, forum, directing, list, "d", true, services[0], {}});
    }
    add(MessageProposed{a, forum, "m", {a, b}, {b}, {"Stanna hemma.", "Stay at home."}});
    add(PublicMessage{a, forum, true, {a, b}, {"Stanna hemma.", "Stay at home."}});
    add(ReportMade{b, forum, {"En rapport.", "A report."}});
    add(ReportMade{b, forum, {}});
    std::vector<ReportedLevel> levels;
    for (const auto& id : services) levels.push_back({id, 0.55, -30 * kMinute});
    add(ReportMade{b, forum, {}, levels});
    add(ReportMade{b, forum, {"Läget är svårt.", "Things are hard."}, levels});
    add(ContactMade{a, b, {"Ett samtal.", "A call."}});
    add(Deactivated{a, forum, {}});
    if (!s.decisionPoints.empty()) {
        const auto& p = s.decisionPoints.front();
        add(DecisionPointOpened{p.id, p.role, p.defaultOption, {}, p.timeout});
        add(DecisionPointAnswered{p.id, p.role, p.options.front().id, Source::timeout});
    }
    add(PictureCompiled{forum, kHour, 0, picture});
    add(PictureCompiled{forum, kHour, 0, picture, {a, b}});
    add(HandedOver{b});
    add(Alerted{a, "", {b}, {}});
    add(Alerted{a, "kib", {a, b}, {"Snöoväder väntas.", "A snowstorm is coming."}});
    add(AlertAnswered{b, "", a, 4 * kMinute});
    add(AlertAnswered{b, "tib", a, 4 * kMinute});
    add(Verified{a, b, {}});
    add(Verified{a, b, {"Bekräftat.", "Confirmed."}});
    add(Informed{a, {a, b}, {"Läget.", "The situation."}});
    add(InformationReceived{b, "", a, 12 * kMinute});
    add(Ended{12});
    return out;
}

}  // namespace

TEST_CASE("every event kind of every shipped scenario reads in both languages without raw ids", "[render][events]") {
    std::set<Kind> seen;
    for (const auto& name : kScenarios) {
        const auto& s = shipped(name);
        for (const auto& playName : s.playNames()) {
            exercise::Options o;
            o.playName = playName;
            exercise::Exercise run(s, o);
            run.runUntil(s.duration / 2);
            tryRefusals(run);
            run.runToEnd();
            for (const auto& e : run.journal().entries()) {
                seen.insert(e.kind);
                checkWords(run.renderer().event(e),
                           name + "/" + playName + " #" + std::to_string(e.seq) + " " + std::string(protocol::kindName(e.kind)));
            }
        }
        exercise::Exercise run(s, {});
        for (const auto& e : everyKind(s)) {
            seen.insert(e.kind);
            checkWords(run.renderer().event(e), name + " synthetic " + std::string(protocol::kindName(e.kind)));
        }
    }
    CHECK(seen.size() == static_cast<std::size_t>(protocol::kKinds));
}

TEST_CASE("every refusal reads in both languages and names things by their names", "[render][refusals]") {
    for (const auto& name : kScenarios) {
        const auto& s = shipped(name);
        const auto& region = s.region;
        const std::string forum = region.forums[region.forumOf("coordinating", model::Mode::activated)].id;
        const std::string a = region.convener, b = region.actors.back().id;
        const std::string service = s.world ? s.world->services.front().id : std::string{};
        const std::string list = s.world && !s.world->resources.empty() ? s.world->resources.front().list : std::string{};
        const std::string point = s.decisionPoints.empty() ? std::string{} : s.decisionPoints.front().id;
        REQUIRE_FALSE(s.measures.empty());
        const std::string measure = s.measures.front().id;
        const std::string parameter = s.measures.front().params.empty() ? std::string{"share"} : s.measures.front().params.front().id;
        exercise::Exercise run(s, {});
        for (int c = 0; c < protocol::kRefusalCodes; ++c) {
            const auto code = static_cast<protocol::RefusalCode>(c);
            // Arguments of the right sort for every code: forums, actors, services, a list, a point.
            std::vector<std::string> args;
            switch (code) {
                case protocol::RefusalCode::notMember:
                case protocol::RefusalCode::alreadyMember: args = {b, forum}; break;
                case protocol::RefusalCode::unknownActor: args = {forum, b}; break;
                case protocol::RefusalCode::frameViolation: args = {forum, list, service, service, forum}; break;
                case protocol::RefusalCode::frameOmission: args = {forum, list, service, forum}; break;
                case protocol::RefusalCode::sendersWithoutForum: break;
                case protocol::RefusalCode::pointForOther: args = {point, b}; break;
                case protocol::RefusalCode::unknownOption: args = {point, "x"}; break;
                case protocol::RefusalCode::notDecider:
                case protocol::RefusalCode::areasBeyondDeciders: args = {measure, b}; break;
                case protocol::RefusalCode::argumentOutOfRange: args = {measure, parameter, "1.5"}; break;
                case protocol::RefusalCode::membersAbsent:
                case protocol::RefusalCode::aloneOwnOrganisation:
                case protocol::RefusalCode::releaseChairFirst:
                case protocol::RefusalCode::alreadyChair:
                case protocol::RefusalCode::convenerStays:
                case protocol::RefusalCode::onlyConvener:
                case protocol::RefusalCode::roleNotHeld: args = {b}; break;
                case protocol::RefusalCode::unknownList: args = {"a-list"}; break;
                case protocol::RefusalCode::noDuty: args = {b, "inform"}; break;
                case protocol::RefusalCode::noOnCall: args = {b, "kib"}; break;
                case protocol::RefusalCode::unknownListItem: args = {list, "an-item"}; break;
                case protocol::RefusalCode::unknownRole:
                case protocol::RefusalCode::unknownMedium:
                case protocol::RefusalCode::unknownRecipient:
                case protocol::RefusalCode::unknownTopic:
                case protocol::RefusalCode::unknownMeasure:
                case protocol::RefusalCode::unknownInject:
                case protocol::RefusalCode::unknownService:
                case protocol::RefusalCode::duplicateMessage:
                case protocol::RefusalCode::duplicateDecision: args = {"what-was-typed"}; break;
                case protocol::RefusalCode::notObserver: args = {b, service}; break;
                default: args = {forum}; break;
            }
            if ((code == protocol::RefusalCode::frameViolation || code == protocol::RefusalCode::frameOmission ||
                 code == protocol::RefusalCode::unknownListItem) &&
                list.empty())
                continue;
            if (code == protocol::RefusalCode::notObserver && service.empty()) continue;
            checkWords(run.renderer().refusal({code, args}), name + " refusal " + std::to_string(c));
        }
    }
}

TEST_CASE("everything an event names has a display name in both languages", "[render][names]") {
    for (const auto& name : kScenarios) {
        const auto& s = shipped(name);
        exercise::Exercise run(s, {});
        const auto& words = run.renderer();
        for (const auto& a : s.region.actors) checkWords(words.actor(a.id), name + " actor " + a.id, true);
        for (const auto& g : s.region.groups) checkWords(words.actor(g.id), name + " group " + g.id);
        for (const auto& f : s.region.forums) checkWords(words.forum(f.id), name + " forum " + f.id);
        for (const auto& t : s.region.topics) checkWords(words.topic(t), name + " topic " + t);
        for (const auto& c : s.region.convening) checkWords(words.medium(c.medium), name + " medium " + c.medium);
        for (const auto& i : s.injects) checkWords(words.channel(i.channel), name + " channel " + i.channel, i.channel == "media");
        for (const auto& m : s.measures) {
            checkWords(words.measure(m.id), name + " measure " + m.id);
            checkWords(m.explanation, name + " measure " + m.id + " explanation");
            for (const auto& p : m.params) checkWords(words.parameter(m.id, p.id), name + " measure " + m.id + " parameter " + p.id);
            checkWords(words.decisionMeasure(m.id, {}), name + " measure " + m.id + " with its defaults");
        }
        checkWords(words.decisionMeasure("", {}), name + " information only");
        if (!s.world) continue;
        for (const auto& svc : s.world->services) checkWords(words.service(svc.id), name + " service " + svc.id);
        for (const auto& r : s.world->resources) checkWords(words.list(r.list), name + " list " + r.list);
        for (const auto& o : s.world->outcomes) {
            checkWords(words.outcome(o.id), name + " outcome " + o.id);
            checkWords(render::Renderer::unit(o.unit), name + " unit " + o.unit);
        }
    }
    for (const char* status : {"on-time", "late", "missing", "unexpected"})
        checkWords(render::Renderer::findingStatus(status), std::string("status ") + status);
}
