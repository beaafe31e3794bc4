#include "sim/analysis/Sensitivity.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <functional>
#include <iomanip>
#include <sstream>

#include "sim/eval/Metrics.hpp"
#include "sim/eval/Svg.hpp"
#include "sim/exercise/Exercise.hpp"

namespace samverkan::analysis {

namespace {

// The number starting at `p`, if any, with its digits grouped by spaces as Swedish and English
// texts write them ("70 000"); `p` moves past it.
bool numberAt(const std::string& s, std::size_t& p, double& out) {
    const auto digit = [&](std::size_t i) { return i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])) != 0; };
    std::string text;
    std::size_t i = p;
    while (digit(i)) text += s[i++];
    // A space then exactly three digits continues the number.
    while (!text.empty() && i < s.size() && s[i] == ' ' && digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4)) {
        text += s.substr(i + 1, 3);
        i += 4;
    }
    if (i < s.size() && s[i] == '.' && digit(i + 1)) {
        text += s[i++];
        while (digit(i)) text += s[i++];
    }
    if (text.empty()) return false;
    const auto r = std::from_chars(text.data(), text.data() + text.size(), out);
    if (r.ec != std::errc{} || r.ptr != text.data() + text.size()) return false;
    p = i;
    return std::isfinite(out);
}

// A visitor over every figure of a world: its name, the figure, and whether it is an area's share
// of a per-area whole (a resource's capacity or a demand's base split by population), which is
// not the figure as written.
using Visit = std::function<void(const std::string& name, world::Param& p, bool split)>;

void eachParam(world::WorldSpec& w, const Visit& visit) {
    for (auto& r : w.resources) visit((r.of.empty() ? r.id : r.of) + ".capacity", r.capacity, !r.of.empty());
    for (auto& d : w.demands) visit((d.of.empty() ? d.id : d.of) + ".base", d.base, !d.of.empty());
    for (auto& s : w.services) {
        // An area's part of a service has the whole's figures as written (and the whole none).
        const std::string id = s.of.empty() ? s.id : s.of;
        for (auto& e : s.exposures) {
            visit(id + ".exposure." + e.hazard + ".sensitivity", e.sensitivity, false);
            visit(id + ".exposure." + e.hazard + ".above", e.above, false);
            visit(id + ".exposure." + e.hazard + ".load_hours", e.loadHours, false);
            visit(id + ".exposure." + e.hazard + ".per", e.per, false);
        }
        visit(id + ".recovery", s.recovery, false);
        for (auto& b : s.blockedBy) visit(id + ".blocked_by." + (b.demand.substr(0, b.demand.find('@'))), b.weight, false);
        visit(id + ".boost.max", s.boostMax, false);
        const auto each = [&](const std::string& prefix, std::initializer_list<std::pair<const char*, world::Param*>> figures) {
            for (const auto& [key, p] : figures) visit(prefix + key, *p, false);
        };
        auto& n = s.network;
        if (!n.hazard.empty()) {
            each(id + ".network.", {{"starts_at", &n.startsAt}, {"cycle", &n.cycleHours}, {"passable_to", &n.passableTo},
                                    {"closed_at", &n.closedAt}, {"stuck_rate", &n.stuckRate}, {"cleared_away", &n.clearedAwayHours}});
            for (auto& t : n.traffic) visit(id + ".network.traffic." + t.demand.substr(0, t.demand.find('@')), t.weight, false);
        }
        auto& on = s.on;
        if (!on.service.empty())
            each(id + ".runs_on.", {{"passable_to", &on.passableTo}, {"closed_at", &on.closedAt}, {"vehicle_weight", &on.vehicleWeight},
                                    {"withdrawn_below", &on.withdrawnBelow}, {"resumes_above", &on.resumesAbove}});
        if (on.limitedByFalling())
            each(id + ".runs_on.falling.", {{"passable_to", &on.fallingPassableTo}, {"closed_at", &on.fallingClosedAt}});
    }
}

std::vector<double> outcomeMeans(const scenario::Scenario& s, const SensitivityOptions& o) {
    const auto& outcomes = s.world->outcomes;
    std::vector<double> sums(outcomes.size(), 0.0);
    for (std::size_t i = 0; i < o.runs; ++i) {
        exercise::Options eo;
        eo.seed = s.seed + i;
        eo.playName = o.play.empty() ? s.defaultPlay() : o.play;
        exercise::Exercise run(s, eo);
        run.runToEnd();
        const auto* w = run.world();
        for (std::size_t k = 0; k < outcomes.size(); ++k) sums[k] += w->outcome(k);
    }
    for (auto& x : sums) x /= static_cast<double>(std::max<std::size_t>(o.runs, 1));
    return sums;
}

}  // namespace

bool parseRange(const std::string& source, double& low, double& high) {
    for (std::size_t at = source.find("range "); at != std::string::npos; at = source.find("range ", at + 1)) {
        std::size_t p = at + 6;
        double a = 0, b = 0;
        if (!numberAt(source, p, a)) continue;
        // A unit may follow the first number ("2 h–6 h"), then a dash: '-' or '–' (U+2013). A
        // percentage is a share of something else, not the figure's own range: not read.
        while (p < source.size() && (std::isalpha(static_cast<unsigned char>(source[p])) || source[p] == ' ' || source[p] == '/'))
            ++p;
        if (source.compare(p, 3, "\xE2\x80\x93") == 0) p += 3;
        else if (p < source.size() && source[p] == '-') ++p;
        else continue;
        while (p < source.size() && source[p] == ' ') ++p;
        if (!numberAt(source, p, b) || b <= a) continue;
        while (p < source.size() && source[p] == ' ') ++p;
        if (p < source.size() && source[p] == '%') continue;
        low = a;
        high = b;
        return true;
    }
    return false;
}

std::vector<RangedParam> rangedParams(const world::WorldSpec& world, std::vector<std::string>* notVaried) {
    auto copy = world;
    std::vector<RangedParam> out;
    const auto note = [&](const std::string& why) {
        if (notVaried != nullptr && std::find(notVaried->begin(), notVaried->end(), why) == notVaried->end()) notVaried->push_back(why);
    };
    eachParam(copy, [&](const std::string& name, world::Param& p, bool split) {
        RangedParam r;
        if (!parseRange(p.source, r.low, r.high)) return;
        if (std::any_of(out.begin(), out.end(), [&](const RangedParam& x) { return x.name == name; })) return;  // another area's part
        if (split) {
            note(name + ": split by area, not varied");
            return;
        }
        if (p.value < r.low || p.value > r.high) {
            note(name + ": its value " + std::to_string(p.value) + " lies outside the range its source gives");
            return;
        }
        r.name = name;
        r.source = p.source;
        r.base = p.value;
        for (const double end : {r.low, r.high}) {
            auto w = world;
            setParam(w, name, end);
            if (const auto why = inconsistency(w); !why.empty()) {
                note(name + ": at " + std::to_string(end) + " " + why);
                return;
            }
        }
        out.push_back(r);
    });
    return out;
}

bool setParam(world::WorldSpec& world, const std::string& name, double value) {
    bool found = false;
    eachParam(world, [&](const std::string& n, world::Param& p, bool split) {
        if (n != name || split) return;
        p.value = value;
        found = true;
    });
    return found;
}

std::string inconsistency(const world::WorldSpec& w) {
    for (const auto& s : w.services) {
        const auto& n = s.network;
        if (!n.hazard.empty()) {
            if (n.closedAt.value <= n.passableTo.value) return s.id + ": closed_at is no deeper than passable_to";
            if (n.cycleHours.value <= 0 || n.clearedAwayHours.value * static_cast<double>(engine::kHour) < static_cast<double>(w.tick))
                return s.id + ": a cycle of 0 or a stuck vehicle cleared away within one tick";
        }
        const auto& on = s.on;
        if (!on.service.empty()) {
            if (on.closedAt.value <= on.passableTo.value) return s.id + ": closed_at is no deeper than passable_to";
            if (on.withdrawnBelow.value > 0 && on.resumesAbove.value <= on.withdrawnBelow.value)
                return s.id + ": resumes_above is not above withdrawn_below";
            if (on.limitedByFalling() && on.fallingClosedAt.value <= on.fallingPassableTo.value)
                return s.id + ": the falling snow's closed_at is not above its passable_to";
        }
        for (const auto& e : s.exposures)
            if (!e.with.empty() && e.per.value <= 0) return s.id + ": 'per' of its second hazard is not above 0";
    }
    return {};
}

SensitivityResult sensitivity(const scenario::Scenario& scenario, const SensitivityOptions& options) {
    SensitivityResult r;
    r.runs = options.runs;
    for (const auto& p : rangedParams(*scenario.world, &r.notVaried))
        if (options.only.empty() || std::find(options.only.begin(), options.only.end(), p.name) != options.only.end()) r.params.push_back(p);
    for (const auto& o : scenario.world->outcomes) r.outcomes.push_back(o.id);
    r.baseMeans = outcomeMeans(scenario, options);
    r.swings.assign(r.outcomes.size(), {});
    for (std::size_t i = 0; i < r.params.size(); ++i) {
        const auto& p = r.params[i];
        auto lowS = scenario, highS = scenario;
        setParam(*lowS.world, p.name, p.low);
        setParam(*highS.world, p.name, p.high);
        const auto atLow = outcomeMeans(lowS, options), atHigh = outcomeMeans(highS, options);
        for (std::size_t k = 0; k < r.outcomes.size(); ++k) {
            Swing s;
            s.param = i;
            s.atLow = atLow[k];
            s.atHigh = atHigh[k];
            const double base = r.baseMeans[k];
            s.swing = base != 0 ? std::abs(s.atHigh - s.atLow) / std::abs(base) : 0.0;
            if (base != 0 && p.base != 0) s.elasticity = ((s.atHigh - s.atLow) / base) / ((p.high - p.low) / p.base);
            r.swings[k].push_back(s);
        }
    }
    for (auto& list : r.swings)
        std::stable_sort(list.begin(), list.end(), [](const Swing& a, const Swing& b) { return a.swing > b.swing; });
    return r;
}

std::string tornadoSvg(const SensitivityResult& result, std::size_t outcome, const std::string& title, std::size_t top) {
    const auto& list = result.swings.at(outcome);
    const std::size_t n = std::min(top, list.size());
    const double W = 1000, left = 420, right = 40, rowH = 26, head = 60;
    const double H = head + rowH * static_cast<double>(n) + 50;
    const double base = result.baseMeans.at(outcome);
    double lo = base, hi = base;
    for (std::size_t i = 0; i < n; ++i) {
        lo = std::min({lo, list[i].atLow, list[i].atHigh});
        hi = std::max({hi, list[i].atLow, list[i].atHigh});
    }
    if (hi == lo) hi = lo + 1;
    const double pad = (hi - lo) * 0.05;
    lo -= pad;
    hi += pad;
    const auto X = [&](double v) { return left + (W - left - right) * (v - lo) / (hi - lo); };
    const auto num = [](double v) {
        std::ostringstream o;
        o << std::fixed << std::setprecision(std::abs(v) >= 100 ? 0 : 2) << v;
        return o.str();
    };
    std::ostringstream o;
    o << std::fixed << std::setprecision(1);
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << W << "\" height=\"" << H << "\" viewBox=\"0 0 " << W << " " << H
      << "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\"><rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    o << "<text x=\"20\" y=\"24\" font-size=\"15\">" << eval::escapeXml(title) << "</text>\n";
    o << "<text x=\"20\" y=\"44\" fill=\"#555\">Mean of " << result.runs
      << " runs at each end of a figure's range, the others as given; base " << num(base) << ". Dark: low end, light: high end.</text>\n";
    for (std::size_t i = 0; i < n; ++i) {
        const auto& s = list[i];
        const auto& p = result.params[s.param];
        const double y = head + rowH * static_cast<double>(i);
        o << "<text x=\"" << left - 8 << "\" y=\"" << y + 16 << "\" text-anchor=\"end\">" << p.name << " (" << num(p.low) << "–" << num(p.high)
          << ")</text>\n";
        const auto bar = [&](double v, const char* colour) {
            const double x0 = std::min(X(base), X(v)), x1 = std::max(X(base), X(v));
            o << "<rect x=\"" << x0 << "\" y=\"" << y + 4 << "\" width=\"" << std::max(x1 - x0, 0.5) << "\" height=\"" << rowH - 8
              << "\" fill=\"" << colour << "\"/>\n";
        };
        bar(s.atLow, "#3b4cc0");
        bar(s.atHigh, "#9bb0f0");
    }
    const double yAxis = head + rowH * static_cast<double>(n) + 4;
    o << "<line x1=\"" << X(base) << "\" x2=\"" << X(base) << "\" y1=\"" << head << "\" y2=\"" << yAxis << "\" stroke=\"#333\"/>\n";
    o << "<line x1=\"" << left << "\" x2=\"" << W - right << "\" y1=\"" << yAxis << "\" y2=\"" << yAxis << "\" stroke=\"#999\"/>\n";
    for (int t = 0; t <= 4; ++t) {
        const double v = lo + (hi - lo) * t / 4.0;
        o << "<text x=\"" << X(v) << "\" y=\"" << yAxis + 16 << "\" text-anchor=\"middle\">" << num(v) << "</text>\n";
    }
    o << "<text x=\"" << (left + W - right) / 2 << "\" y=\"" << yAxis + 36 << "\" text-anchor=\"middle\">" << result.outcomes.at(outcome)
      << "</text>\n</svg>\n";
    return o.str();
}

}  // namespace samverkan::analysis
