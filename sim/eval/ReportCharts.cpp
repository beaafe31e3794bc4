// The report's charts: the timeline against the expected windows, and the world over time.
#include <algorithm>
#include <array>
#include <cstdio>

#include "sim/eval/ReportContent.hpp"
#include "sim/eval/Svg.hpp"

namespace samverkan::eval {
namespace {

constexpr double kLeft = 190, kRight = 1030, kWidth = 1080;
constexpr std::array<const char*, 12> kPalette{"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
                                              "#e377c2", "#17becf", "#bcbd22", "#7f7f7f", "#393b79", "#e7969c"};

struct Axis {
    Millis end;
    double x(Millis t) const { return kLeft + (kRight - kLeft) * static_cast<double>(std::clamp<Millis>(t, 0, end)) / static_cast<double>(end); }
};

Millis gridStep(Millis duration) {
    if (duration <= 3 * engine::kDay) return 6 * engine::kHour;
    if (duration <= 14 * engine::kDay) return engine::kDay;
    return 30 * engine::kDay;
}

void grid(Svg& svg, const Axis& axis, double top, double bottom) {
    const Millis step = gridStep(axis.end);
    for (Millis t = 0; t <= axis.end; t += step) {
        svg.line(axis.x(t), top, axis.x(t), bottom, "#ddd");
        const std::string label = step >= engine::kDay ? "+" + std::to_string(t / engine::kDay) + "d" : engine::formatElapsed(t);
        svg.text(axis.x(t), bottom + 14, label, 10, "middle", "#555");
    }
}

}  // namespace

std::string timelineSvg(const exercise::Exercise& run, const Evaluation& ev, model::Lang lang) {
    const bool sv = lang == model::Lang::sv;
    const auto& region = run.scenario().region;
    const Axis axis{std::max<Millis>(run.now(), engine::kHour)};
    const auto& entries = run.journal().entries();
    // Lanes: injects, one per level, decisions and messages, expected windows.
    std::vector<std::string> lanes{sv ? "Inspel" : "Injects"};
    for (const auto& l : region.levels) lanes.push_back(l.name.in(lang));
    lanes.push_back(sv ? "Beslut" : "Decisions");
    lanes.push_back(sv ? "Budskap" : "Public messages");
    lanes.push_back(sv ? "Förväntat" : "Expected");
    const double laneHeight = 34, top = 10, rowHeight = 14;
    std::size_t expectedRows = 0;
    for (const auto& f : ev.findings) expectedRows += f.status == Status::unexpected ? 0 : 1;
    // The expected lane has a row per expectation, so windows do not hide each other.
    const double expectedHeight = std::max(laneHeight, rowHeight * static_cast<double>(expectedRows) + 8);
    const double height = top + laneHeight * static_cast<double>(lanes.size() - 1) + expectedHeight + 30;
    Svg svg(kWidth, height, sv ? "Tidslinje" : "Timeline");
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        const double y = top + laneHeight * static_cast<double>(i);
        const bool last = i + 1 == lanes.size();
        if (i % 2 == 0) svg.rect(0, y, kWidth, last ? expectedHeight : laneHeight, "#f4f6f8");
        svg.text(8, y + 21, lanes[i], 11);
    }
    grid(svg, axis, top, top + laneHeight * static_cast<double>(lanes.size() - 1) + expectedHeight);
    auto laneY = [&](std::size_t lane) { return top + laneHeight * static_cast<double>(lane); };
    auto levelLane = [&](const std::string& forum) -> std::size_t {
        const auto f = region.forumIndex(forum);
        for (std::size_t l = 0; l < region.levels.size(); ++l)
            if (f != model::kNone && region.levels[l].id == region.forums[f].level) return l + 1;
        return 1;
    };
    const std::size_t decisionsLane = region.levels.size() + 1, messagesLane = decisionsLane + 1, expectedLane = messagesLane + 1;
    // Forums: a bar from opening to deactivation, closing, or the end; darker when activated.
    for (const auto& e : entries) {
        if (e.kind != protocol::Kind::meetingOpened) continue;
        Millis end = run.now();
        for (const auto& later : entries)
            if (later.seq > e.seq && later.forum == e.forum && (later.kind == protocol::Kind::deactivated || later.kind == protocol::Kind::meetingClosed)) {
                end = later.t;
                break;
            }
        const auto f = region.forumIndex(e.forum);
        const bool activated = f != model::kNone && region.forums[f].mode == model::Mode::activated;
        const std::string name = f == model::kNone ? e.forum : region.forums[f].name.in(lang);
        const double y = laneY(levelLane(e.forum)) + (activated ? 6 : 20);
        svg.rect(axis.x(e.t), y, std::max(2.0, axis.x(end) - axis.x(e.t)), activated ? 12 : 7, activated ? "#1f77b4" : "#9ecae1", 1,
                 name + " " + engine::formatElapsed(e.t) + "–" + engine::formatElapsed(end));
    }
    for (const auto& e : entries) {
        const std::string when = engine::formatElapsed(e.t) + " ";
        using protocol::Kind;
        const auto text = [&] { return when + run.renderer().event(e).in(lang); };
        if (e.kind == Kind::inject) svg.circle(axis.x(e.t), laneY(0) + 17, 5, "#ff7f0e", text());
        else if (e.kind == Kind::decisionAgreed || e.kind == Kind::ownDecision)
            svg.circle(axis.x(e.t), laneY(decisionsLane) + 17, 5, e.kind == Kind::ownDecision ? "#bbb" : "#2ca02c", text());
        else if (const auto* message = e.as<protocol::PublicMessage>())
            svg.circle(axis.x(e.t), laneY(messagesLane) + 17, 5, message->joint ? "#9467bd" : "#bbb", text());
    }
    double row = laneY(expectedLane) + 4;
    for (const auto& f : ev.findings) {
        if (f.status == Status::unexpected || f.from < 0) continue;
        svg.rect(axis.x(f.from), row, std::max(2.0, axis.x(f.due) - axis.x(f.from)), rowHeight - 3, "#c6dbef", 0.8, f.text.in(lang));
        const char* colour = f.status == Status::onTime ? "#2ca02c" : f.status == Status::late ? "#ff7f0e" : "#d62728";
        if (f.status == Status::late) svg.line(axis.x(f.due), row + 5, axis.x(f.at), row + 5, colour, 2);
        svg.circle(axis.x(f.at < 0 ? f.due : f.at), row + 5.5, 4.5, colour, f.text.in(lang));
        row += rowHeight;
    }
    return svg.str();
}

std::string worldSvg(const exercise::Exercise& run, model::Lang lang) {
    const auto* w = run.world();
    if (w == nullptr || w->samples() == 0) return {};
    const bool sv = lang == model::Lang::sv;
    const Axis axis{std::max<Millis>(run.now(), engine::kHour)};
    const double panel = 150, gap = 40, top = 24;
    const double height = top + 2 * panel + gap + 40 + 18.0 * static_cast<double>((w->spec().services.size() + 3) / 4);
    Svg svg(kWidth, height, sv ? "Fara och samhällsfunktioner" : "Hazard and services");
    // Hazard panel.
    double peak = 0.1;
    for (std::size_t i = 0; i < w->samples(); ++i)
        for (std::size_t h = 0; h < w->spec().hazards.size(); ++h) peak = std::max(peak, static_cast<double>(w->sampledIntensity(i, h)));
    svg.text(kLeft, top - 8, (sv ? "Fara (verkligt läge)" : "Hazard (true state)"), 12);
    svg.rect(kLeft, top, kRight - kLeft, panel, "#fafafa");
    for (std::size_t h = 0; h < w->spec().hazards.size(); ++h) {
        std::vector<std::pair<double, double>> pts;
        for (std::size_t i = 0; i < w->samples(); ++i)
            pts.emplace_back(axis.x(w->sampleTime(i)), top + panel - panel * w->sampledIntensity(i, h) / peak);
        svg.polyline(pts, kPalette[(h + 4) % kPalette.size()], 2);
        svg.text(8, top + 16 + 14.0 * static_cast<double>(h), w->spec().hazards[h].name.in(lang) + " (" + w->spec().hazards[h].unit + ")", 11,
                 "start", kPalette[(h + 4) % kPalette.size()]);
    }
    char peakLabel[24];
    std::snprintf(peakLabel, sizeof peakLabel, "%.1f", peak);
    svg.text(kLeft - 6, top + 10, peakLabel, 10, "end", "#555").text(kLeft - 6, top + panel, "0", 10, "end", "#555");
    grid(svg, axis, top, top + panel);
    // Services panel: levels 0–1.
    const double top2 = top + panel + gap;
    svg.text(kLeft, top2 - 8,
             sv ? "Samhällsfunktioner, nivå 0–1: heldragen = verkligt läge, streckad = samlad lägesbild (som känd)"
                : "Services, level 0–1: solid = true state, dashed = joint situational picture (as known)",
             12);
    svg.rect(kLeft, top2, kRight - kLeft, panel, "#fafafa");
    svg.text(kLeft - 6, top2 + 10, "1", 10, "end", "#555").text(kLeft - 6, top2 + panel, "0", 10, "end", "#555");
    for (std::size_t s = 0; s < w->spec().services.size(); ++s) {
        std::vector<std::pair<double, double>> pts;
        for (std::size_t i = 0; i < w->samples(); ++i)
            pts.emplace_back(axis.x(w->sampleTime(i)), top2 + panel - panel * w->sampledLevel(i, s));
        const auto* colour = kPalette[s % kPalette.size()];
        svg.polyline(pts, colour, 1.8);
        // As known: the level in the freshest joint picture, held until the next one.
        std::vector<std::pair<double, double>> known;
        const auto& pictures = run.pictures();
        for (std::size_t p = 0; p < pictures.size(); ++p) {
            const auto& k = pictures[p].second.services[s];
            if (k.observedAt < 0) continue;
            const Millis until = p + 1 < pictures.size() ? pictures[p + 1].second.compiledAt : run.now();
            const double y = top2 + panel - panel * k.level;
            known.emplace_back(axis.x(pictures[p].second.compiledAt), y);
            known.emplace_back(axis.x(until), y);
        }
        if (!known.empty()) svg.polyline(known, colour, 1.2, true);
        const double lx = 20 + 260.0 * static_cast<double>(s % 4), ly = top2 + panel + 40 + 18.0 * static_cast<double>(s / 4);
        svg.line(lx, ly - 4, lx + 22, ly - 4, colour, 3).text(lx + 28, ly, w->spec().services[s].name.in(lang), 11);
    }
    grid(svg, axis, top2, top2 + panel);
    return svg.str();
}

}  // namespace samverkan::eval
