#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>

#include "gui/views/Measures.hpp"
#include "gui/views/Widgets.hpp"

namespace samverkan::gui {

std::vector<std::string> expandActors(const model::Region& region, const std::vector<std::string>& ids) {
    std::vector<std::string> out;
    const auto add = [&](const std::string& id) {
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    };
    for (const auto& id : ids) {
        if (const auto* group = region.group(id)) {
            for (const auto& member : group->members) add(member);
        } else {
            add(id);
        }
    }
    return out;
}

bool mayDecide(const model::Region& region, const model::Measure& measure, const std::string& actor) {
    const auto deciders = expandActors(region, measure.deciders);
    return std::find(deciders.begin(), deciders.end(), actor) != deciders.end();
}

void sortByName(const Session& s, std::vector<std::string>& ids) {
    std::sort(ids.begin(), ids.end(),
              [&](const std::string& a, const std::string& b) { return actorName(s, a) < actorName(s, b); });
}

namespace {

const model::Measure* measureOf(const Session& s, const std::string& id) {
    for (const auto& m : s.scenario->measures)
        if (m.id == id) return &m;
    return nullptr;
}

// The actors in a forum now, or the acting role alone.
std::vector<std::string> present(const Session& s, const std::string& place) {
    if (place.empty()) return {s.actingRole()};
    const auto& region = s.scenario->region;
    const auto f = region.forumIndex(place);
    std::vector<std::string> out;
    if (f == model::kNone) return out;
    for (const auto a : s.run->cooperation().forum(f).members) out.push_back(region.actors[a].id);
    return out;
}

bool contains(const std::vector<std::string>& ids, const std::string& id) {
    return std::find(ids.begin(), ids.end(), id) != ids.end();
}

// A multi-select of actors by name, in two columns, with "all" and "none" above it.
void actorChecklist(const Session& s, const char* id, const std::vector<std::string>& choices,
                    std::vector<std::string>& chosen) {
    ImGui::PushID(id);
    if (ImGui::SmallButton(s.t("alla", "all"))) chosen = choices;
    ImGui::SameLine();
    if (ImGui::SmallButton(s.t("inga", "none"))) chosen.clear();
    const float rows = static_cast<float>(std::min<std::size_t>((choices.size() + 1) / 2, 5));
    ImGui::BeginChild("list", ImVec2(0, rows * ImGui::GetFrameHeightWithSpacing() + 8), true);
    if (ImGui::BeginTable("columns", choices.size() > 1 ? 2 : 1)) {
        for (const auto& a : choices) {
            ImGui::TableNextColumn();
            bool on = contains(chosen, a);
            if (ImGui::Checkbox((actorName(s, a) + "##" + a).c_str(), &on)) {
                if (on)
                    chosen.push_back(a);
                else
                    chosen.erase(std::find(chosen.begin(), chosen.end(), a));
            }
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
    ImGui::PopID();
}

}  // namespace

std::vector<std::string> DecisionPanel::offered(const Session& s, const std::string& forum) const {
    const auto& region = s.scenario->region;
    const auto who = present(s, alone ? std::string{} : forum);
    const std::string& role = s.actingRole();
    // The role's own measures first, then those only other members may decide.
    std::vector<std::string> own, others;
    for (const auto& m : s.scenario->measures) {
        if (mayDecide(region, m, role) && contains(who, role))
            own.push_back(m.id);
        else if (std::any_of(who.begin(), who.end(), [&](const std::string& a) { return mayDecide(region, m, a); }))
            others.push_back(m.id);
    }
    own.insert(own.end(), others.begin(), others.end());
    return own;
}

std::vector<std::string> DecisionPanel::possibleDoers(const Session& s, const std::string& forum) const {
    const auto* m = measureOf(s, measure);
    if (alone || m == nullptr) return {s.actingRole()};
    std::vector<std::string> out;
    for (const auto& a : present(s, forum))
        if (mayDecide(s.scenario->region, *m, a)) out.push_back(a);
    sortByName(s, out);
    return out;
}

void DecisionPanel::choose(const Session& s, const std::string& id, const std::string& forum) {
    const auto* m = measureOf(s, id);
    informationOnly = false;
    measure = m == nullptr ? std::string{} : id;
    args.clear();
    const std::string& role = s.actingRole();
    const std::string place = alone ? std::string{} : forum;
    draftedFor = measure + "|" + place + "|" + role;
    if (m == nullptr) return;
    for (const auto& p : m->params) {
        model::MeasureArg a{.param = p.id, .number = p.defaultValue, .items = {}};
        if (p.kind == model::ParamKind::areas) {
            // Deciding alone, a municipality decides for itself (R10); in a forum, the default areas.
            const auto choices = expandActors(s.scenario->region, p.choices);
            if (place.empty() && contains(choices, role))
                a.items = {role};
            else
                for (const auto& area : expandActors(s.scenario->region, p.defaultItems))
                    if (contains(choices, area)) a.items.push_back(area);
        } else if (p.kind == model::ParamKind::order) {
            a.items = p.defaultItems.empty() ? p.choices : p.defaultItems;
        }
        args.push_back(std::move(a));
    }
    doers = possibleDoers(s, forum);
}

protocol::AgreeDecision DecisionPanel::command(const Session& s, const std::string& forum) const {
    const auto& region = s.scenario->region;
    const std::string& role = s.actingRole();
    const auto* m = informationOnly ? nullptr : measureOf(s, measure);
    // Readable ids that stay unique in the journal: the measure's id and a number.
    const std::string stem = m != nullptr ? m->id : std::string("information");
    std::string id;
    for (std::size_t n = 1;; ++n) {
        id = stem + "-" + std::to_string(n);
        if (s.run->cooperation().decision(id) == nullptr) break;
    }
    std::vector<model::MeasureArg> decided;
    if (m != nullptr)
        for (const auto& p : m->params) {
            const auto* a = model::argFor(args, p.id);
            if (a == nullptr) continue;
            model::MeasureArg out = *a;
            if (p.kind == model::ParamKind::areas) {
                // A group every member of which is chosen is named as the group.
                out.items.clear();
                std::vector<std::string> covered;
                for (const auto& choice : p.choices)
                    if (const auto* group = region.group(choice))
                        if (std::all_of(group->members.begin(), group->members.end(),
                                        [&](const std::string& x) { return contains(a->items, x); })) {
                            out.items.push_back(choice);
                            covered.insert(covered.end(), group->members.begin(), group->members.end());
                        }
                for (const auto& x : a->items)
                    if (!contains(covered, x)) out.items.push_back(x);
            }
            decided.push_back(std::move(out));
        }
    const std::string topicId =
        m != nullptr ? m->topic
        : region.topics.empty()
            ? std::string{}
            : region.topics[static_cast<std::size_t>(std::clamp(topic, 0, static_cast<int>(region.topics.size()) - 1))];
    const model::Text words = !text.empty() ? model::Text{text, text} : m != nullptr ? m->name : model::Text{};
    return protocol::AgreeDecision{.by = role,
                                   .forum = alone ? std::string{} : forum,
                                   .id = id,
                                   .topic = topicId,
                                   .proposalTo = {},
                                   .text = words,
                                   .actors = alone ? std::vector<std::string>{role} : doers,
                                   .measure = m != nullptr ? m->id : std::string{},
                                   .args = decided};
}

bool DecisionPanel::submit(Session& s, const std::string& forum) {
    const bool accepted = s.submit(command(s, forum));
    if (accepted) text.clear();
    return accepted;
}

void DecisionPanel::drawParams(const Session& s) {
    const auto* m = measureOf(s, measure);
    if (m == nullptr) return;
    for (const auto& p : m->params) {
        auto it = std::find_if(args.begin(), args.end(), [&](const model::MeasureArg& a) { return a.param == p.id; });
        if (it == args.end()) continue;
        auto& a = *it;
        ImGui::PushID(p.id.c_str());
        ImGui::TextUnformatted(p.name.in(s.lang).c_str());
        wrappedTooltip(p.explanation.in(s.lang));
        switch (p.kind) {
            case model::ParamKind::share: {
                int pct = static_cast<int>(std::lround(a.number * 100));
                ImGui::SetNextItemWidth(-1);
                if (ImGui::SliderInt("##share", &pct, static_cast<int>(std::lround(p.min * 100)),
                                     static_cast<int>(std::lround(p.max * 100)), "%d %%"))
                    a.number = pct / 100.0;
                break;
            }
            case model::ParamKind::until: {
                int hours = static_cast<int>(std::lround(a.number));
                ImGui::SetNextItemWidth(-1);
                if (ImGui::SliderInt("##until", &hours, static_cast<int>(std::lround(p.min)),
                                     static_cast<int>(std::lround(p.max)),
                                     s.t("%d h efter början", "%d h after the onset")))
                    a.number = hours;
                break;
            }
            case model::ParamKind::areas: {
                auto choices = expandActors(s.scenario->region, p.choices);
                sortByName(s, choices);
                ImGui::SameLine();
                actorChecklist(s, "areas", choices, a.items);
                break;
            }
            case model::ParamKind::order: {
                ListDraft d{p.id, a.items};
                if (reorderable(s, d)) a.items = d.order;
                break;
            }
        }
        wrappedTooltip(p.explanation.in(s.lang));
        ImGui::PopID();
    }
}

void DecisionPanel::drawDoers(const Session& s, const std::string& forum) {
    ImGui::TextUnformatted(s.t("Genomförs av:", "Carried out by:"));
    if (alone) {
        ImGui::SameLine();
        ImGui::TextWrapped("%s", actorName(s, s.actingRole()).c_str());
        return;
    }
    const auto choices = informationOnly ? [&] {
        auto all = present(s, forum);
        sortByName(s, all);
        return all;
    }()
                                         : possibleDoers(s, forum);
    if (choices.empty()) {
        ImGui::TextDisabled("%s", s.t("(ingen i forumet kan genomföra den)", "(no one in the forum can carry it out)"));
        return;
    }
    // A shortcut per group among the deciders, e.g. all the municipalities in the forum.
    if (const auto* m = measureOf(s, measure); m != nullptr && !informationOnly)
        for (const auto& d : m->deciders)
            if (const auto* group = s.scenario->region.group(d)) {
                ImGui::SameLine();
                const std::string label =
                    std::string(s.t("alla ", "all ")) + s.run->renderer().actor(d).in(s.lang) + "##" + d;
                if (ImGui::SmallButton(label.c_str()))
                    for (const auto& x : group->members)
                        if (contains(choices, x) && !contains(doers, x)) doers.push_back(x);
            }
    actorChecklist(s, "doers", choices, doers);
}

void DecisionPanel::draw(Session& s, const std::string& forum) {
    const auto& region = s.scenario->region;
    const auto& renderer = s.run->renderer();
    const std::string& role = s.actingRole();
    if (open) ImGui::SetNextItemOpen(true, ImGuiCond_Once);
    if (!marked(ImGui::CollapsingHeader(s.t("Besluta en åtgärd", "Decide a measure")), "section:decide")) return;
    ImGui::PushID("decision");
    if (ImGui::RadioButton((std::string(s.t("i ", "in ")) + forumName(s, forum)).c_str(), !alone)) alone = false;
    tooltip(s.t(
        "Forumet gör samordnade beslut möjliga; varje aktör genomför dem i sin egen organisation (R10).",
        "The forum makes coordinated decisions possible; each actor carries them out in its own organisation (R10)."));
    if (ImGui::RadioButton(s.t("ensam i egen organisation", "alone in its own organisation"), alone)) alone = true;
    const std::string place = alone ? std::string{} : forum;
    const auto offers = offered(s, forum);
    if (!informationOnly && (!contains(offers, measure) || draftedFor != measure + "|" + place + "|" + role))
        choose(s, contains(offers, measure) ? measure : offers.empty() ? std::string{} : offers.front(), forum);

    const std::string infoLabel =
        s.t("Endast information (ingen modellerad effekt)", "Information only (no modelled effect)");
    const std::string preview = informationOnly   ? infoLabel
                                : measure.empty() ? std::string("—")
                                                  : renderer.measure(measure).in(s.lang);
    ImGui::SetNextItemWidth(-1);
    const bool measureOpen = ImGui::BeginCombo("##measure", preview.c_str());
    mark("measure");
    if (measureOpen) {
        bool ownShown = false, othersShown = false;
        for (const auto& id : offers) {
            const auto& m = *measureOf(s, id);
            const bool own = mayDecide(region, m, role);
            std::string label = m.name.in(s.lang);
            if (own && !ownShown)
                ImGui::TextDisabled("%s", s.t("Din organisation kan besluta:", "Your organisation may decide:")),
                    ownShown = true;
            if (!own && !othersShown) {
                if (ownShown) ImGui::Separator();
                ImGui::TextDisabled("%s", s.t("Andra i forumet kan besluta:", "Others in the forum may decide:"));
                othersShown = true;
            }
            if (!own) {
                std::vector<std::string> who;
                for (const auto& a : present(s, place))
                    if (mayDecide(region, m, a)) who.push_back(a);
                label += " (" + renderer.actors(who).in(s.lang) + ")";
            }
            if (marked(ImGui::Selectable((label + "##" + id).c_str(), !informationOnly && measure == id), "measure:" + id)) choose(s, id, forum);
            wrappedTooltip(m.explanation.in(s.lang) + "\n\n" + s.t("Källa: ", "Source: ") + m.source);
        }
        if (offers.empty())
            ImGui::TextDisabled(
                "%s",
                alone ? s.t("Rollen kan inte besluta någon åtgärd ensam.", "The role may decide no measure alone.")
                      : s.t("Ingen i forumet kan besluta någon åtgärd.", "No one in the forum may decide a measure."));
        ImGui::Separator();
        if (ImGui::Selectable(infoLabel.c_str(), informationOnly)) informationOnly = true, measure.clear();
        wrappedTooltip(s.t("En överenskommelse med fritt ämne och text som inte ändrar något i den simulerade världen.",
                           "An agreement with a free topic and text that changes nothing in the simulated world."));
        ImGui::EndCombo();
    }
    if (const auto* m = informationOnly ? nullptr : measureOf(s, measure))
        wrappedTooltip(m->explanation.in(s.lang) + "\n\n" + s.t("Källa: ", "Source: ") + m->source);

    if (informationOnly) {
        idCombo(s.t("Ämne", "Topic"), region.topics, topic,
                [&](const std::string& id) { return renderer.topic(id).in(s.lang); });
    } else {
        drawParams(s);
    }
    if (informationOnly || !measure.empty()) drawDoers(s, forum);
    ImGui::TextUnformatted(
        informationOnly ? s.t("Text:", "Text:")
                        : s.t("Text (valfri, annars åtgärdens namn):", "Text (optional; else the measure's name):"));
    ImGui::InputTextMultiline("##text", &text, ImVec2(-1, ImGui::GetTextLineHeight() * 3 + 8));
    mark("decision-text");
    gui::preview(s, text);
    const auto c = command(s, forum);
    if (!informationOnly && !measure.empty())
        ImGui::TextWrapped("%s", renderer.decisionMeasure(c.measure, c.args).in(s.lang).c_str());
    const bool emptyArea = std::any_of(c.args.begin(), c.args.end(), [&](const model::MeasureArg& a) {
        const auto* p = measureOf(s, c.measure)->parameter(a.param);
        return p != nullptr && p->kind == model::ParamKind::areas && a.items.empty();
    });
    const bool ready = (informationOnly ? !text.empty() : !measure.empty()) && !c.actors.empty() && !emptyArea;
    ImGui::BeginDisabled(!ready);
    if (marked(ImGui::Button(s.t("Besluta", "Decide")), "decide")) submit(s, forum);
    ImGui::EndDisabled();
    tooltip(s.t(
        "Varje aktör genomför beslutet i sin egen organisation efter sin egen tid (R10). En representant utan mandat "
        "stämmer av med hemorganisationen först (R3, R4).",
        "Each actor carries the decision out in its own organisation after its own delay (R10). A representative "
        "without the mandate consults the home organisation first (R3, R4)."));
    answerBeside(s, {"agree-decision"});
    ImGui::PopID();
}

}  // namespace samverkan::gui
