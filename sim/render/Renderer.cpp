#include "sim/render/Renderer.hpp"

#include <algorithm>
#include <cmath>


namespace samverkan::render {
namespace {

using protocol::Kind;

struct Word {
    const char* id;
    Text text;
};

// Names the scenario format does not carry: the region's decision topics, groups, media and
// inject channels.
const std::vector<Word>& words() {
    static const std::vector<Word> kWords{
        {"topic:information", {"informationsdelning", "information sharing"}},
        {"topic:coordination", {"samordning", "coordination"}},
        {"topic:direction", {"inriktning", "direction"}},
        {"topic:priorities", {"prioriteringar", "priorities"}},
        {"topic:resources", {"resurser", "resources"}},
        {"topic:operations", {"den egna verksamheten", "operations"}},
        {"topic:public-message", {"budskap till allmänheten", "public messages"}},
        {"topic:project", {"gemensamma projekt", "joint projects"}},
        {"group:municipalities", {"kommunerna", "the municipalities"}},
        {"group:rescue-services", {"räddningstjänsterna", "the rescue services"}},
        {"group:founding-parties", {"avsiktsförklaringens parter", "the parties to the declaration of intent"}},
        {"medium:telephone", {"telefonkonferens", "telephone conference"}},
        {"medium:physical", {"fysiskt möte", "meeting in person"}},
        {"channel:warning", {"varning", "warning"}},
        {"channel:phone", {"telefon", "telephone"}},
        {"channel:email", {"e-post", "e-mail"}},
        {"channel:meeting", {"möte", "meeting"}},
        {"channel:media", {"media", "media"}},
        {"channel:control", {"övningsledningen", "exercise control"}},
        {"unit:person-hours", {"persontimmar", "person-hours"}},
        {"unit:customer-hours", {"kundtimmar", "customer-hours"}},
        {"unit:traveller-hours", {"resenärstimmar", "traveller-hours"}},
        {"unit:person-days", {"persondagar", "person-days"}},
        {"unit:resident-days", {"invånardagar", "resident-days"}},
        {"unit:transports", {"transporter", "transports"}},
        {"unit:transports/h", {"transporter/h", "transports/h"}},
        {"unit:call-outs", {"insatser", "call-outs"}},
        {"unit:call-outs/h", {"insatser/h", "call-outs/h"}},
        {"unit:calls", {"uppdrag", "calls"}},
        {"unit:calls/h", {"uppdrag/h", "calls/h"}},
        {"unit:departures", {"avgångar", "departures"}},
        {"unit:departures/h", {"avgångar/h", "departures/h"}},
        {"unit:incidents", {"incidenter", "incidents"}},
        {"unit:incidents/h", {"incidenter/h", "incidents/h"}},
        {"unit:travellers/h", {"resenärer/h", "travellers/h"}},
        {"unit:customers", {"kunder", "customers"}},
        {"unit:residents/24", {"invånare per dygn", "residents per day"}},
        {"unit:thousands", {"tusental", "thousands"}},
        {"unit:index", {"index", "index"}},
        {"unit:cm/h", {"cm/h", "cm/h"}},
        {"status:on-time", {"i tid", "on time"}},
        {"status:late", {"sent", "late"}},
        {"status:missing", {"saknas", "missing"}},
        {"status:unexpected", {"oväntat", "unexpected"}},
        {"action:activate", {"aktivering", "activation"}},
        {"action:convene", {"sammankallande", "convening"}},
        {"action:call-in", {"inkallning", "calling in"}},
        {"action:chair", {"ordförande", "chair"}},
        {"action:decide", {"beslut", "decision"}},
        {"action:priorities", {"prioritering", "priorities"}},
        {"action:public-message", {"budskap till allmänheten", "public message"}},
        {"action:implement", {"genomförande", "implementation"}},
        {"action:deactivate", {"avaktivering", "deactivation"}},
        {"action:report", {"rapport", "report"}},
        {"action:present", {"närvaro", "presence"}},
        {"action:refused", {"avvisad åtgärd", "refused action"}},
        {"action:frame-violation", {"avsteg från ramen", "deviation from the frame"}},
        {"focus:samverkan", {"samverkan", "cooperation"}},
        {"focus:ledning", {"ledning", "command and control"}},
        {"focus:resurser", {"resurser", "resources"}},
        {"focus:kommunikation", {"kommunikation", "communication"}},
        {"focus:kompetens", {"kompetens", "competence"}},
        {"warning:yellow", {"gul varning", "yellow warning"}},
        {"warning:orange", {"orange varning", "orange warning"}},
        {"warning:red", {"röd varning", "red warning"}},
    };
    return kWords;
}

Text word(const std::string& prefix, const std::string& id) {
    const std::string key = prefix + ":" + id;
    for (const auto& w : words())
        if (key == w.id) return w.text;
    return {id, id};
}

template <class T>
const T* byId(const std::vector<T>& items, const std::string& id) {
    for (const auto& i : items)
        if (i.id == id) return &i;
    return nullptr;
}

Text both(const char* sv, const char* en) { return {sv, en}; }

// "Snöfall" → "snöfall" (ASCII capitals only; names that start with Å, Ä or Ö keep theirs).
std::string lowerFirst(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

}  // namespace

Text joinNames(const std::vector<Text>& names) {
    Text out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        const bool last = i + 1 == names.size() && i > 0;
        out.sv += (i == 0 ? "" : last ? " och " : ", ") + names[i].sv;
        out.en += (i == 0 ? "" : last ? " and " : ", ") + names[i].en;
    }
    return out;
}

Text Renderer::actor(const std::string& id) const {
    if (id == protocol::kControl) return {"Övningsledningen", "Exercise control"};
    const auto& region = m_scenario.region;
    const auto a = region.actorIndex(id);
    if (a != model::kNone) return region.actors[a].name;
    if (region.group(id) != nullptr) return word("group", id);
    return {id, id};
}

Text Renderer::actors(const std::vector<std::string>& ids) const {
    std::vector<Text> names;
    names.reserve(ids.size());
    for (const auto& id : ids) names.push_back(actor(id));
    return joinNames(names);
}

Text Renderer::members(const std::vector<std::string>& ids) const {
    // A group of two or more, all of whose members take part, reads as its name where its first member stands.
    std::vector<const model::ActorGroup*> whole(ids.size(), nullptr);
    std::vector<bool> covered(ids.size(), false);
    for (const auto& g : m_scenario.region.groups) {
        if (g.members.size() < 2) continue;
        std::vector<std::size_t> at;
        for (const auto& m : g.members) {
            const auto it = std::find(ids.begin(), ids.end(), m);
            if (it == ids.end() || covered[static_cast<std::size_t>(it - ids.begin())]) break;
            at.push_back(static_cast<std::size_t>(it - ids.begin()));
        }
        if (at.size() != g.members.size()) continue;
        for (const auto i : at) covered[i] = true;
        whole[*std::min_element(at.begin(), at.end())] = &g;
    }
    std::vector<Text> names;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (whole[i] != nullptr) names.push_back(actor(whole[i]->id));
        else if (!covered[i]) names.push_back(actor(ids[i]));
    }
    return joinNames(names);
}

Text Renderer::forum(const std::string& ref) const {
    const auto f = m_scenario.region.resolveForum(ref);
    return f == model::kNone ? Text{ref, ref} : m_scenario.region.forums[f].name;
}

Text Renderer::service(const std::string& id) const {
    if (m_scenario.world)
        if (const auto* s = byId(m_scenario.world->services, id)) return s->name;
    return {id, id};
}

Text Renderer::services(const std::vector<std::string>& ids) const {
    std::vector<Text> names;
    for (const auto& id : ids) names.push_back(service(id));
    return joinNames(names);
}

Text Renderer::list(const std::string& id) const {
    if (m_scenario.world)
        for (const auto& l : m_scenario.world->lists)
            if (l.id == id) return l.name;
    if (m_scenario.world)
        for (const auto& r : m_scenario.world->resources)
            if (r.list == id) return r.name;
    return {id, id};
}

Text Renderer::topic(const std::string& id) const { return word("topic", id); }
Text Renderer::medium(const std::string& id) const { return word("medium", id); }
Text Renderer::channel(const std::string& id) const { return word("channel", id); }

Text Renderer::unit(const std::string& id) { return word("unit", id); }
Text Renderer::focusArea(const std::string& id) { return word("focus", id); }
Text Renderer::findingStatus(const std::string& id) { return word("status", id); }
Text Renderer::expectedAction(const std::string& id) { return word("action", id); }

Text Renderer::measure(const std::string& id) const {
    for (const auto& m : m_scenario.measures)
        if (m.id == id) return m.name;
    return {id, id};
}

Text Renderer::parameter(const std::string& measureId, const std::string& param) const {
    for (const auto& m : m_scenario.measures)
        if (m.id == measureId)
            if (const auto* p = m.parameter(param)) return p->name;
    return {"”" + param + "”", "‘" + param + "’"};
}

Text Renderer::measureArgs(const std::string& measureId, const std::vector<model::MeasureArg>& args) const {
    const model::Measure* m = nullptr;
    for (const auto& candidate : m_scenario.measures)
        if (candidate.id == measureId) m = &candidate;
    if (m == nullptr) return {};
    std::vector<Text> parts;
    for (const auto& p : m->params) {
        const auto* given = model::argFor(args, p.id);
        const double number = given != nullptr ? given->number : p.defaultValue;
        const auto& items = given != nullptr ? given->items : p.defaultItems;
        Text value;
        switch (p.kind) {
            case model::ParamKind::share: {
                const std::string pct = std::to_string(static_cast<int>(std::lround(number * 100.0))) + " %";
                value = {pct, pct};
                break;
            }
            case model::ParamKind::until: {
                // Hours after the hazard's onset, as the parameter is decided.
                const std::string h = std::to_string(std::lround(number)) + " h";
                const Text hazard = m_scenario.world && !m_scenario.world->hazards.empty() ? m_scenario.world->hazards.front().name
                                                                                            : Text{"händelsen", "the event"};
                value = {h + " efter start av " + lowerFirst(hazard.sv), h + " after the onset of " + lowerFirst(hazard.en)};
                break;
            }
            case model::ParamKind::areas: value = actors(items); break;
            case model::ParamKind::order: value = services(items); break;
        }
        parts.push_back({p.name.sv + ": " + value.sv, p.name.en + ": " + value.en});
    }
    Text out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        out.sv += (i == 0 ? "" : "; ") + parts[i].sv;
        out.en += (i == 0 ? "" : "; ") + parts[i].en;
    }
    return out;
}

Text Renderer::decisionMeasure(const std::string& measureId, const std::vector<model::MeasureArg>& args) const {
    if (measureId.empty()) return {"ingen modellerad effekt (information)", "no modelled effect (information)"};
    const auto name = measure(measureId);
    const auto detail = measureArgs(measureId, args);
    if (detail.sv.empty()) return {"åtgärd: " + name.sv, "measure: " + name.en};
    return {"åtgärd: " + name.sv + " (" + detail.sv + ")", "measure: " + name.en + " (" + detail.en + ")"};
}

Text Renderer::outcome(const std::string& id) const {
    if (m_scenario.world)
        if (const auto* o = byId(m_scenario.world->outcomes, id)) return o->name;
    return {id, id};
}

Text Renderer::duration(engine::Millis d) {
    std::string sv, en;
    const auto days = d / engine::kDay, hours = d % engine::kDay / engine::kHour, minutes = d % engine::kHour / engine::kMinute;
    auto add = [&](std::int64_t n, const char* svUnit, const char* enUnit) {
        if (n == 0) return;
        sv += (sv.empty() ? "" : " ") + std::to_string(n) + " " + svUnit;
        en += (en.empty() ? "" : " ") + std::to_string(n) + " " + enUnit;
    };
    add(days, "d", "d");
    add(hours, "h", "h");
    add(minutes, "min", "min");
    if (sv.empty()) return {"0 min", "0 min"};
    return {sv, en};
}

Text Renderer::warning(const std::string& system, const std::string& lvl) const {
    if (system == "class") return {"klass " + lvl + "-varning", "class-" + lvl + " warning"};
    return word("warning", lvl);
}

Text Renderer::kindLabel(Kind kind) {
    switch (kind) {
        case Kind::start: return both("Start", "Start");
        case Kind::command: return both("Kommando", "Command");
        case Kind::rejected: return both("AVVISAT", "REFUSED");
        case Kind::inject: return both("Inspel", "Inject");
        case Kind::activationRequested: return both("Begäran om aktivering", "Activation request");
        case Kind::convened: return both("Sammankallande", "Convening");
        case Kind::meetingOpened: return both("Mötet öppnar", "Meeting opens");
        case Kind::meetingClosed: return both("Mötet avslutas", "Meeting closes");
        case Kind::conference: return both("Samverkanskonferens", "Cooperation conference");
        case Kind::agendaItem: return both("Dagordningspunkt", "Agenda item");
        case Kind::calledIn: return both("Inkallning", "Called in");
        case Kind::memberJoined: return both("Ansluter", "Joins");
        case Kind::memberReleased: return both("Släpps", "Released");
        case Kind::compositionSuggested: return both("Förslag om sammansättning", "Composition suggested");
        case Kind::chairDecided: return both("Ordförande", "Chair");
        case Kind::chairChanged: return both("Ny ordförande", "New chair");
        case Kind::consultationStarted: return both("Avstämning med hemorganisation", "Consulting the home organisation");
        case Kind::consultationDone: return both("Besked från hemorganisation", "Home organisation's answer");
        case Kind::decisionProposed: return both("Förslag till beslut", "Proposed decision");
        case Kind::decisionAgreed: return both("Beslut", "Decision");
        case Kind::ownDecision: return both("Eget beslut", "Own decision");
        case Kind::proposal: return both("Förslag", "Proposal");
        case Kind::implemented: return both("Genomfört", "Carried out");
        case Kind::frameSet: return both("Ram", "Frame");
        case Kind::prioritiesSet: return both("Prioritering", "Priorities");
        case Kind::frameViolation: return both("Avsteg från ram", "Frame violation");
        case Kind::messageProposed: return both("Förslag till gemensamt budskap", "Proposed joint message");
        case Kind::publicMessage: return both("Budskap till allmänheten", "Public message");
        case Kind::report: return both("Rapport", "Report");
        case Kind::contact: return both("Bilateral kontakt", "Bilateral contact");
        case Kind::deactivated: return both("Avaktivering", "Deactivation");
        case Kind::decisionPoint: return both("Beslutspunkt", "Decision point");
        case Kind::decisionAnswered: return both("Svar", "Answer");
        case Kind::situationalPicture: return both("Samlad lägesbild", "Joint situational picture");
        case Kind::handOver: return both("Överlämning", "Hand-over");
        case Kind::alert: return both("Larm", "Alert");
        case Kind::alertAnswered: return both("Larm besvarat", "Alert answered");
        case Kind::verified: return both("Verifierat", "Verified");
        case Kind::informed: return both("Information", "Information");
        case Kind::informationReceived: return both("Information mottagen", "Information received");
        case Kind::end: return both("Slut", "End");
    }
    return {};
}

Text Renderer::duty(const std::string& id) {
    if (id == "verify") return both("verifiera", "verify");
    if (id == "alert") return both("larma", "alert");
    if (id == "inform") return both("informera", "inform");
    return {id, id};
}

Text Renderer::commandName(const std::string& type) {
    static const std::vector<Word> kNames{
        {"request-activation", {"begäran om aktivering", "request for activation"}},
        {"convene", {"sammankallande", "convening"}},
        {"call-in", {"inkallning", "calling in"}},
        {"release", {"att släppa en aktör", "releasing an actor"}},
        {"set-chair", {"val av ordförande", "choosing the chair"}},
        {"agree-decision", {"beslut", "decision"}},
        {"set-priorities", {"prioritering", "priorities"}},
        {"send-public-message", {"budskap till allmänheten", "public message"}},
        {"deactivate", {"avaktivering", "deactivation"}},
        {"answer-decision-point", {"svar på beslutspunkt", "answer to a decision point"}},
        {"inject", {"inspel", "inject"}},
        {"report", {"rapport", "report"}},
        {"contact", {"kontakt", "contact"}},
        {"hand-over", {"överlämning av roll", "hand-over of a role"}},
        {"alert", {"larm", "alert"}},
        {"verify", {"verifiering", "verification"}},
        {"inform", {"information till aktörerna", "information to the actors"}},
    };
    for (const auto& n : kNames)
        if (type == n.id) return n.text;
    return {type, type};
}

}  // namespace samverkan::render
