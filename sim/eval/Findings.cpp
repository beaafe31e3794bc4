#include "sim/eval/Findings.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace samverkan::eval {
namespace {

using protocol::JournalEntry;

using protocol::Kind;

// The journal kinds that show an expected action happened.
std::vector<Kind> kindsFor(const std::string& action) {
    if (action == "activate") return {Kind::meetingOpened};
    // "present" is checked by shows(): the actor among the members at opening, or joining later.
    if (action == "convene") return {Kind::convened};
    if (action == "call-in") return {Kind::memberJoined};
    if (action == "chair") return {Kind::chairDecided};
    if (action == "decide") return {Kind::decisionAgreed, Kind::ownDecision};
    if (action == "priorities") return {Kind::frameSet, Kind::prioritiesSet};
    if (action == "public-message") return {Kind::publicMessage};
    if (action == "implement") return {Kind::implemented};
    if (action == "deactivate") return {Kind::deactivated};
    if (action == "report") return {Kind::report};
    if (action == "present") return {Kind::meetingOpened, Kind::memberJoined};
    return {};
}

bool shows(const JournalEntry& e, const std::vector<Kind>& kinds, const std::string& forum, const std::string& actor) {
    if (std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end() || (!forum.empty() && e.forum != forum)) return false;
    if (actor.empty()) return true;
    // An actor is present in a forum from its opening (listed among the members) or from joining.
    if (const auto* opened = e.as<protocol::MeetingOpened>())
        return std::find(opened->members.begin(), opened->members.end(), actor) != opened->members.end();
    return e.actor == actor;
}

Text hm(Millis d) { return render::Renderer::duration(d / engine::kMinute * engine::kMinute); }

std::string percent(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f", v);
    return buf;
}

Text describe(const Finding& f, const Text& actionName) {
    const Text into = hm(f.at - f.from), window = hm(f.due - f.from), late = hm(f.lateBy);
    switch (f.status) {
        case Status::onTime:
            return {actionName.sv + ": i tid (efter " + into.sv + " av fönstrets " + window.sv + ").",
                    actionName.en + ": on time (" + into.en + " into a " + window.en + " window)."};
        case Status::late:
            return {actionName.sv + ": " + late.sv + " för sent (fönster " + window.sv + ").",
                    actionName.en + ": " + late.en + " late (window " + window.en + ")."};
        case Status::missing:
            return {actionName.sv + ": saknas (väntades inom " + window.sv + ").",
                    actionName.en + ": missing (expected within " + window.en + ")."};
        case Status::unexpected: break;
    }
    return {};
}

Text actionText(const exercise::Exercise& run, const scenario::Expectation& x) {
    const auto& region = run.scenario().region;
    const auto f = x.forum.empty() ? model::kNone : region.resolveForum(x.forum);
    const std::string sv = f == model::kNone ? "" : " – " + region.forums[f].name.sv;
    const std::string en = f == model::kNone ? "" : " – " + region.forums[f].name.en;
    const auto a = x.actor.empty() ? model::kNone : region.actorIndex(x.actor);
    const std::string who = a == model::kNone ? "" : " (" + region.actors[a].name.sv + ")";
    const std::string whoEn = a == model::kNone ? "" : " (" + region.actors[a].name.en + ")";
    const auto action = render::Renderer::expectedAction(x.action);
    return {action.sv + sv + who, action.en + en + whoEn};
}

Finding check(const exercise::Exercise& run, const scenario::Inject& inject, const scenario::Expectation& x,
              const JournalEntry& delivered) {
    const auto& region = run.scenario().region;
    const auto& entries = run.journal().entries();
    Finding f;
    f.inject = inject.id;
    f.action = x.action;
    f.actor = x.actor;
    const auto forum = x.forum.empty() ? model::kNone : region.resolveForum(x.forum);
    f.forum = forum == model::kNone ? "" : region.forums[forum].id;
    f.objective = x.objective;
    for (const auto& o : run.scenario().objectives)
        if (o.id == x.objective) f.focus = o.focus;
    f.from = delivered.t;
    f.entries.push_back(delivered.seq);
    if (!x.after.empty()) {
        const auto afterForum = region.resolveForum(x.after);
        for (const auto& e : entries)
            if (e.kind == Kind::meetingOpened && afterForum != model::kNone && e.forum == region.forums[afterForum].id && e.t >= f.from) {
                f.from = e.t;
                f.entries.push_back(e.seq);
                break;
            }
    }
    f.due = f.from + x.within;
    const auto kinds = kindsFor(x.action);
    for (const auto& e : entries) {
        if (e.t < delivered.t || !shows(e, kinds, f.forum, f.actor)) continue;
        f.at = e.t;
        f.entries.push_back(e.seq);
        break;
    }
    if (f.at < 0) {
        f.status = Status::missing;
        f.score = 0;
    } else if (f.at <= f.due) {
        f.status = Status::onTime;
        f.score = 1;
    } else {
        f.status = Status::late;
        f.lateBy = f.at - f.due;
        f.score = x.within > 0 ? std::max(0.0, 1.0 - static_cast<double>(f.lateBy) / static_cast<double>(x.within)) : 0.0;
    }
    f.text = describe(f, actionText(run, x));
    return f;
}

// Refused commands, orders accepted against a frame (R11) and activations no expectation asked for.
void addUnexpected(const exercise::Exercise& run, const std::vector<Finding>& expected, std::vector<Finding>& out) {
    const auto& region = run.scenario().region;
    for (const auto& e : run.journal().entries()) {
        if (e.kind != Kind::rejected && e.kind != Kind::frameViolation && e.kind != Kind::meetingOpened && e.kind != Kind::deactivated)
            continue;
        std::string action;
        Text text;
        const auto f = region.forumIndex(e.forum);
        if (e.kind == Kind::rejected) {
            const auto reason = run.renderer().event(e);
            action = "refused";
            text = {"Avvisad åtgärd: " + reason.sv, "Refused action: " + reason.en};
        } else if (e.kind == Kind::frameViolation) {
            action = "frame-violation";
            text = run.renderer().event(e);
        } else if (e.kind == Kind::meetingOpened && f != model::kNone && region.forums[f].mode == model::Mode::activated &&
                   std::none_of(expected.begin(), expected.end(), [&](const Finding& x) { return x.forum == e.forum; })) {
            action = "activate";
            text = {"Aktivering som scenariot inte väntade: " + region.forums[f].name.sv,
                    "Activation the scenario did not expect: " + region.forums[f].name.en};
        } else if (e.kind == Kind::deactivated && f != model::kNone && region.forums[f].mode == model::Mode::activated &&
                   run.world() != nullptr) {
            // Back to ordinary mode while a hazard has not passed (R2): possible, but it shows.
            const auto* w = run.world();
            std::string hazard;
            Millis ends = 0;
            for (std::size_t h = 0; h < w->spec().hazards.size(); ++h) {
                const auto& d = w->drawn(h);
                if (d.begins && e.t < d.onset + d.duration && hazard.empty()) {
                    hazard = w->spec().hazards[h].id;
                    ends = d.onset + d.duration;
                }
            }
            if (hazard.empty()) continue;
            const auto& name = w->spec().hazards[w->hazardIndex(hazard)].name;
            action = "deactivated-early";
            const std::string left = engine::formatDuration(ends - e.t);
            text = {region.forums[f].name.sv + " återgick till ordinarie läge medan faran pågick: " + name.sv + " höll på " + left + " till.",
                    region.forums[f].name.en + " went back to ordinary mode while the hazard went on: " + name.en + " lasted another " + left + "."};
        } else {
            continue;
        }
        Finding finding;
        finding.status = Status::unexpected;
        finding.action = action;
        finding.actor = e.actor;
        finding.forum = e.forum;
        finding.at = e.t;
        finding.entries.push_back(e.seq);
        finding.text = std::move(text);
        out.push_back(std::move(finding));
    }
}

}  // namespace

const char* statusName(Status s) {
    switch (s) {
        case Status::onTime: return "on-time";
        case Status::late: return "late";
        case Status::missing: return "missing";
        case Status::unexpected: return "unexpected";
    }
    return "?";
}

Evaluation evaluate(const exercise::Exercise& run) {
    Evaluation ev;
    const auto& entries = run.journal().entries();
    for (const auto& inject : run.scenario().injects) {
        const auto delivered = std::find_if(entries.begin(), entries.end(),
                                            [&](const JournalEntry& e) { return e.kind == Kind::inject && e.ref == inject.id; });
        if (delivered == entries.end()) continue;  // not reached in this run: nothing was expected yet
        for (const auto& x : inject.expect) ev.findings.push_back(check(run, inject, x, *delivered));
    }
    const auto expectedCount = ev.findings.size();
    addUnexpected(run, ev.findings, ev.findings);
    for (const auto& f : ev.findings) ev.frameViolations += f.action == "frame-violation" ? 1 : 0;

    auto scoreOf = [&](const std::string& objective, Text& why) {
        double sum = 0;
        int n = 0, onTime = 0;
        std::string sv, en;
        for (std::size_t i = 0; i < expectedCount; ++i) {
            const auto& f = ev.findings[i];
            if (!objective.empty() && f.objective != objective) continue;
            sum += f.score;
            ++n;
            if (f.status == Status::onTime) ++onTime;
            else {
                sv += " " + f.text.sv;
                en += " " + f.text.en;
            }
        }
        why = {std::to_string(onTime) + " av " + std::to_string(n) + " förväntade åtgärder i tid." + sv,
               std::to_string(onTime) + " of " + std::to_string(n) + " expected actions on time." + en};
        return n == 0 ? -1.0 : 100.0 * sum / n;
    };
    double total = 0;
    int counted = 0;
    for (const auto& o : run.scenario().objectives) {
        ObjectiveScore s{o.id, o.text, o.focus, 0, {}};
        const double v = scoreOf(o.id, s.explanation);
        if (v < 0) continue;  // no expectation names it in this run
        s.score = v;
        total += v;
        ++counted;
        ev.objectives.push_back(std::move(s));
    }
    if (counted > 0) {
        ev.score = total / counted;
        std::string sv, en;
        for (const auto& o : ev.objectives) {
            sv += " " + o.text.sv + ": " + percent(o.score) + ".";
            en += " " + o.text.en + ": " + percent(o.score) + ".";
        }
        ev.explanation = {"Medelvärdet av " + std::to_string(counted) + " mål." + sv, "The mean of " + std::to_string(counted) + " objectives." + en};
    } else {
        const double v = scoreOf("", ev.explanation);
        ev.score = v < 0 ? 100.0 : v;
    }
    // Working outside the frames costs, whatever the expectations say (R11).
    if (ev.frameViolations > 0) {
        const double cost = kFrameViolationCost * ev.frameViolations;
        ev.score = std::max(0.0, ev.score - cost);
        const std::string n = std::to_string(ev.frameViolations);
        ev.explanation.sv += " Avsteg från ramarna: " + n + " × " + percent(kFrameViolationCost) + " poäng dras av (R11).";
        ev.explanation.en += " Deviations from the frames: " + n + " × " + percent(kFrameViolationCost) + " points off (R11).";
    }
    return ev;
}

}  // namespace samverkan::eval
