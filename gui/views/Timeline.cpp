#include <imgui.h>

#include <algorithm>
#include <string>
#include <vector>

#include "gui/views/Views.hpp"
#include "gui/views/Widgets.hpp"
#include "sim/eval/Findings.hpp"

namespace samverkan::gui {

namespace {

using engine::Millis;

using protocol::Kind;

struct Lane {
    std::string label;
    std::vector<Kind> kinds;  ///< journal kinds drawn as markers in this lane
    ImU32 colour;
};

ImU32 findingColour(eval::Status s) {
    switch (s) {
        case eval::Status::onTime: return IM_COL32(40, 140, 40, 255);
        case eval::Status::late: return IM_COL32(220, 120, 20, 255);
        case eval::Status::missing: return IM_COL32(200, 30, 30, 255);
        case eval::Status::unexpected: return IM_COL32(110, 110, 110, 255);
    }
    return IM_COL32(0, 0, 0, 255);
}

}  // namespace

// Lanes against scenario time: each forum's activations as bars; injects, decisions and public
// messages as marks (hover for the journal text); for exercise control, and for everyone once the
// exercise has ended, the expected actions' windows with where each action fell.
void drawTimeline(const Session& s) {
    const auto& run = *s.run;
    const auto& region = s.scenario->region;
    const auto& entries = run.journal().entries();
    const bool showExpected = s.control || run.finished();
    static const eval::Evaluation none;
    const eval::Evaluation& ev = showExpected ? s.assessment().evaluation : none;

    // The time axis: from the start to now, with the windows that have opened.
    Millis end = std::max<Millis>(run.now(), engine::kHour);
    if (showExpected)
        for (const auto& f : ev.findings)
            if (f.from >= 0 && f.from <= run.now()) end = std::max(end, f.due);
    end = std::min<Millis>(end + end / 20, std::max<Millis>(s.scenario->duration, run.now()));

    std::vector<model::ForumIndex> forums;
    for (model::ForumIndex f = 0; f < region.forums.size(); ++f)
        if (region.forums[f].mode == model::Mode::activated) forums.push_back(f);
    const std::vector<Lane> marks{
        {s.t("Inspel", "Injects"), {Kind::inject}, IM_COL32(60, 90, 200, 255)},
        {s.t("Beslut", "Decisions"), {Kind::decisionAgreed, Kind::ownDecision, Kind::frameSet, Kind::prioritiesSet}, IM_COL32(120, 60, 160, 255)},
        {s.t("Genomfört", "Implemented"), {Kind::implemented}, IM_COL32(40, 140, 140, 255)},
        {s.t("Budskap", "Messages"), {Kind::publicMessage}, IM_COL32(200, 100, 30, 255)},
        {s.t("Beslutspunkter", "Decision points"), {Kind::decisionPoint, Kind::decisionAnswered}, IM_COL32(150, 40, 40, 255)}};

    const float labelW = 250, rowH = 26, axisH = 22;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float width = ImGui::GetContentRegionAvail().x - labelW - 10;
    const auto x = [&](Millis t) { return origin.x + labelW + width * static_cast<float>(t) / static_cast<float>(end); };
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    std::string hover;
    float y = origin.y + axisH;

    // Axis: the smallest round step that leaves room for its labels.
    Millis stepMs = 0;
    for (const Millis candidate : {engine::kHour, 2 * engine::kHour, 3 * engine::kHour, 6 * engine::kHour, 12 * engine::kHour,
                                   engine::kDay, 2 * engine::kDay, 7 * engine::kDay, 14 * engine::kDay, 30 * engine::kDay,
                                   91 * engine::kDay, 365 * engine::kDay}) {
        stepMs = candidate;
        if (width * static_cast<float>(candidate) / static_cast<float>(end) >= 64) break;
    }
    for (Millis t = 0; t <= end; t += stepMs) {
        draw->AddLine(ImVec2(x(t), origin.y + axisH - 4), ImVec2(x(t), origin.y + axisH), IM_COL32(90, 90, 90, 255));
        drawText(draw, ImVec2(x(t) + 2, origin.y + 2), IM_COL32(60, 60, 60, 255), engine::formatDuration(t).c_str());
    }
    const auto row = [&](const std::string& label) {
        draw->AddRectFilled(ImVec2(origin.x, y), ImVec2(x(end), y + rowH - 2), IM_COL32(238, 240, 244, 255));
        draw->PushClipRect(ImVec2(origin.x, y), ImVec2(origin.x + labelW - 6, y + rowH), true);
        drawText(draw, ImVec2(origin.x + 4, y + 4), IM_COL32(20, 20, 20, 255), label.c_str());
        draw->PopClipRect();
        if (mouse.x >= origin.x && mouse.x < origin.x + labelW && mouse.y >= y && mouse.y < y + rowH) hover += label + "\n";
    };
    const auto mark = [&](Millis t, ImU32 colour, const std::string& text) {
        const float cx = x(t);
        draw->AddTriangleFilled(ImVec2(cx, y + 3), ImVec2(cx - 5, y + rowH - 5), ImVec2(cx + 5, y + rowH - 5), colour);
        if (mouse.x >= cx - 5 && mouse.x <= cx + 5 && mouse.y >= y && mouse.y < y + rowH)
            hover += engine::formatElapsed(t) + "  " + text + "\n";
    };

    for (const auto f : forums) {
        row(region.forums[f].name.in(s.lang));
        const std::string& id = region.forums[f].id;
        Millis opened = -1;
        const auto bar = [&](Millis from, Millis to) {
            draw->AddRectFilled(ImVec2(x(from), y + 5), ImVec2(std::max(x(to), x(from) + 2), y + rowH - 7), IM_COL32(50, 150, 60, 255), 3);
        };
        for (const auto& e : entries) {
            if (e.forum != id) continue;
            if (e.kind == Kind::meetingOpened && opened < 0) opened = e.t;
            if (e.kind == Kind::deactivated && opened >= 0) {
                bar(opened, e.t);
                opened = -1;
            }
            if ((e.kind == Kind::activationRequested || e.kind == Kind::convened) && s.knows(e))
                mark(e.t, IM_COL32(200, 150, 20, 255), s.worded(e));
        }
        if (opened >= 0) bar(opened, run.now());
        y += rowH;
    }
    for (const auto& lane : marks) {
        row(lane.label);
        for (const auto& e : entries)
            if (std::find(lane.kinds.begin(), lane.kinds.end(), e.kind) != lane.kinds.end() && s.knows(e)) mark(e.t, lane.colour, s.worded(e));
        y += rowH;
    }
    if (showExpected) {
        y += 6;
        drawText(draw, ImVec2(origin.x + 4, y), IM_COL32(20, 20, 20, 255), s.t("Förväntade åtgärder (fönster och utfall):", "Expected actions (window and outcome):"));
        y += rowH;
        for (const auto& f : ev.findings) {
            if (f.status == eval::Status::unexpected || f.from < 0 || f.from > run.now()) continue;
            const std::string label = render::Renderer::expectedAction(f.action).in(s.lang) + ": " + (f.actor.empty() ? forumName(s, f.forum) : actorName(s, f.actor));
            row(label);
            draw->AddRectFilled(ImVec2(x(f.from), y + 4), ImVec2(std::max(x(f.due), x(f.from) + 2), y + rowH - 6), IM_COL32(170, 210, 170, 255));
            if (f.at >= 0) mark(f.at, findingColour(f.status), f.text.in(s.lang));
            else if (mouse.y >= y && mouse.y < y + rowH && mouse.x >= x(f.from) && mouse.x <= x(f.due)) hover += f.text.in(s.lang) + "\n";
            y += rowH;
        }
    }
    // Now.
    draw->AddLine(ImVec2(x(run.now()), origin.y), ImVec2(x(run.now()), y), IM_COL32(200, 30, 30, 255), 2);
    ImGui::Dummy(ImVec2(labelW + width, y - origin.y));
    if (!hover.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", hover.c_str());
}

}  // namespace samverkan::gui
