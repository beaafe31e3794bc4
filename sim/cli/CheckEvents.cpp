#include "sim/cli/CheckEvents.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "sim/analysis/Curve.hpp"
#include "sim/cli/Support.hpp"
#include "sim/eval/Metrics.hpp"
#include "sim/eval/Svg.hpp"
#include "sim/exercise/Exercise.hpp"
#include "sim/scenario/Scenario.hpp"

namespace samverkan::cli {
namespace {

namespace fs = std::filesystem;
using engine::kHour;
using scenario::TurningPoint;

// What the model did at one turning point.
struct Check {
    const TurningPoint* point = nullptr;
    bool ok = false;
    engine::Millis modelAt = -1;  ///< falls/rises: when it did (-1: never)
    double extreme = 0;           ///< stays: the lowest (stays_above) or highest (stays_below) level
    engine::Millis extremeAt = 0;
};

struct CaseRun {
    scenario::Scenario scenario;
    std::vector<Check> checks;
    std::vector<std::vector<double>> levels;  ///< per service of a turning point: the level each sample
    std::vector<std::string> services;
    std::vector<engine::Millis> times;
};

const char* kindName(TurningPoint::Kind k) {
    switch (k) {
    case TurningPoint::Kind::fallsBelow: return "falls_below";
    case TurningPoint::Kind::risesAbove: return "rises_above";
    case TurningPoint::Kind::staysAbove: return "stays_above";
    case TurningPoint::Kind::staysBelow: return "stays_below";
    case TurningPoint::Kind::milestone: return "milestone";
    }
    return "";
}

std::string clock(const scenario::Scenario& s, engine::Millis t) {
    auto w = s.start;
    w.epochMs += t;
    return engine::formatIso(w);
}

std::string signedHours(engine::Millis d) {
    std::ostringstream o;
    o << (d >= 0 ? "+" : "") << std::fixed << std::setprecision(1) << static_cast<double>(d) / static_cast<double>(kHour) << " h";
    return o.str();
}

// A step of the alerting chain, from the first signal.
Check judgeMilestone(const TurningPoint& p, const eval::Metrics& m) {
    Check c;
    c.point = &p;
    const auto& a = m.alerting;
    const eval::Timing* t = p.milestone == "verified"            ? &a.verified
                            : p.milestone == "first-information" ? &a.firstInformation
                            : p.milestone == "informed-all"      ? &a.informedAll
                                                                 : &a.firstConference;
    c.modelAt = t->sinceSignal;
    c.ok = c.modelAt >= 0 && std::llabs(c.modelAt - p.at) <= p.tolerance;
    return c;
}

// A length of time as written in the case: "3 h", "1 h 30 min", "15 min".
std::string span(engine::Millis d) {
    const auto m = d / engine::kMinute;
    if (m % 60 == 0) return std::to_string(m / 60) + " h";
    if (m < 60) return std::to_string(m) + " min";
    return std::to_string(m / 60) + " h " + std::to_string(m % 60) + " min";
}

Check judge(const TurningPoint& p, const world::World& w, std::size_t service) {
    Check c;
    c.point = &p;
    const auto n = w.samples();
    const auto level = [&](std::size_t i) { return static_cast<double>(w.sampledLevel(i, service)); };
    switch (p.kind) {
    case TurningPoint::Kind::fallsBelow:
        for (std::size_t i = 0; i < n && c.modelAt < 0; ++i)
            if (level(i) < p.level) c.modelAt = w.sampleTime(i);
        c.ok = c.modelAt >= 0 && std::llabs(c.modelAt - p.at) <= p.tolerance;
        break;
    case TurningPoint::Kind::risesAbove: {
        // Back above the level after having fallen below it.
        bool fell = false;
        for (std::size_t i = 0; i < n && c.modelAt < 0; ++i) {
            if (level(i) < p.level) fell = true;
            else if (fell) c.modelAt = w.sampleTime(i);
        }
        c.ok = c.modelAt >= 0 && std::llabs(c.modelAt - p.at) <= p.tolerance;
        break;
    }
    case TurningPoint::Kind::milestone: break;
    case TurningPoint::Kind::staysAbove:
    case TurningPoint::Kind::staysBelow: {
        const bool above = p.kind == TurningPoint::Kind::staysAbove;
        c.extreme = above ? 2.0 : -1.0;
        bool sampled = false;  // a window between two ticks holds no sample: nothing to hold it against
        for (std::size_t i = 0; i < n; ++i) {
            const auto t = w.sampleTime(i);
            if (t < p.from || t > p.to) continue;
            const double x = level(i);
            sampled = true;
            if (above ? x < c.extreme : x > c.extreme) {
                c.extreme = x;
                c.extremeAt = t;
            }
        }
        c.modelAt = sampled ? c.extremeAt : -1;
        c.ok = sampled && (above ? c.extreme >= p.level : c.extreme <= p.level);
        break;
    }
    }
    return c;
}

std::vector<std::string> caseFiles(const std::vector<std::string>& args, std::ostream& err, bool& ok) {
    std::vector<std::string> files;
    const auto add = [&](const fs::path& p) {
        if (fs::is_directory(p)) {
            std::vector<std::string> inDir;
            for (const auto& e : fs::directory_iterator(p))
                if (e.path().extension() == ".yaml") inDir.push_back(e.path().string());
            std::sort(inDir.begin(), inDir.end());
            files.insert(files.end(), inDir.begin(), inDir.end());
        } else if (fs::exists(p)) {
            files.push_back(p.string());
        } else {
            err << "samverkan check-events: no such case file or folder: " << p.string() << "\n";
            ok = false;
        }
    };
    if (args.empty()) add(fs::path(SAMVERKAN_DATA_DIR) / "validation");
    for (const auto& a : args) add(a);
    return files;
}

// One panel per case: each service a turning point names, over the case's time, with the
// observed points drawn over it (a window ± tolerance at the level; a box for stays).
std::string figure(const std::vector<CaseRun>& all) {
    std::vector<const CaseRun*> runs;  // the cases with a service to draw (not the alerting chain's)
    for (const auto& r : all)
        if (!r.services.empty()) runs.push_back(&r);
    const double W = 900, panelH = 260, left = 60, right = 20, top = 40, plotH = 170;
    const double H = panelH * static_cast<double>(runs.size()) + 20;
    static const char* kColours[] = {"#3b4cc0", "#b40426", "#2a9d4b", "#7b3294", "#e08214", "#555555"};
    std::ostringstream o;
    o << std::fixed << std::setprecision(1);
    o << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << W << "\" height=\"" << H << "\" viewBox=\"0 0 " << W << " " << H
      << "\" font-family=\"DejaVu Sans, sans-serif\" font-size=\"12\"><rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n";
    for (std::size_t k = 0; k < runs.size(); ++k) {
        const auto& r = *runs[k];
        const double y0 = static_cast<double>(k) * panelH;
        const double dur = static_cast<double>(std::max<engine::Millis>(r.scenario.duration, 1));
        const auto X = [&](engine::Millis t) { return left + (W - left - right) * static_cast<double>(t) / dur; };
        const auto Y = [&](double level) { return y0 + top + plotH * (1.0 - level); };
        o << "<text x=\"" << left << "\" y=\"" << y0 + 24 << "\" font-size=\"14\">" << eval::escapeXml(r.scenario.title.en) << "</text>\n";
        o << "<rect x=\"" << left << "\" y=\"" << Y(1) << "\" width=\"" << W - left - right << "\" height=\"" << plotH
          << "\" fill=\"none\" stroke=\"#999\"/>\n";
        for (const double g : {0.0, 0.5, 1.0})
            o << "<text x=\"" << left - 6 << "\" y=\"" << Y(g) + 4 << "\" text-anchor=\"end\">" << g << "</text>\n";
        for (engine::Millis t = 0; t <= r.scenario.duration; t += 12 * kHour)
            o << "<text x=\"" << X(t) << "\" y=\"" << Y(0) + 16 << "\" text-anchor=\"middle\">+" << t / kHour << "h</text>\n";
        for (std::size_t s = 0; s < r.services.size(); ++s) {
            o << "<polyline fill=\"none\" stroke-width=\"1.5\" stroke=\"" << kColours[s % 6] << "\" points=\"";
            for (std::size_t i = 0; i < r.times.size(); i += 3) o << X(r.times[i]) << "," << Y(r.levels[s][i]) << " ";
            o << "\"/>\n<text x=\"" << W - right - 4 << "\" y=\"" << y0 + 24 + 14 * static_cast<double>(s) << "\" text-anchor=\"end\" fill=\""
              << kColours[s % 6] << "\">" << r.services[s] << "</text>\n";
        }
        std::vector<std::pair<engine::Millis, double>> labelled;  // where labels are, so that the next one moves up
        for (const auto& c : r.checks) {
            const auto& p = *c.point;
            if (p.kind == TurningPoint::Kind::milestone) continue;
            const auto s = static_cast<std::size_t>(std::find(r.services.begin(), r.services.end(), p.service) - r.services.begin());
            const char* colour = kColours[s % 6];
            const char* mark = c.ok ? "" : " stroke-dasharray=\"4 3\"";
            if (p.kind == TurningPoint::Kind::staysAbove || p.kind == TurningPoint::Kind::staysBelow) {
                const double ya = p.kind == TurningPoint::Kind::staysAbove ? Y(1) : Y(p.level);
                const double yb = p.kind == TurningPoint::Kind::staysAbove ? Y(p.level) : Y(0);
                o << "<rect x=\"" << X(p.from) << "\" y=\"" << ya << "\" width=\"" << X(p.to) - X(p.from) << "\" height=\"" << yb - ya
                  << "\" fill=\"" << colour << "\" fill-opacity=\"0.12\" stroke=\"" << colour << "\"" << mark << "/>\n";
            } else {
                o << "<line x1=\"" << X(p.at - p.tolerance) << "\" x2=\"" << X(p.at + p.tolerance) << "\" y1=\"" << Y(p.level) << "\" y2=\""
                  << Y(p.level) << "\" stroke=\"" << colour << "\" stroke-width=\"5\" stroke-opacity=\"0.5\"" << mark << "/>\n"
                  << "<circle cx=\"" << X(p.at) << "\" cy=\"" << Y(p.level) << "\" r=\"4\" fill=\"" << colour << "\"/>\n";
            }
            const engine::Millis labelAt = p.kind == TurningPoint::Kind::staysAbove || p.kind == TurningPoint::Kind::staysBelow ? p.from : p.at;
            const auto same = std::count(labelled.begin(), labelled.end(), std::make_pair(labelAt, p.level));
            labelled.emplace_back(labelAt, p.level);
            o << "<text x=\"" << X(labelAt) << "\" y=\"" << Y(p.level) - 6 - 14 * static_cast<double>(same) << "\" fill=\"" << colour << "\">" << (c.ok ? "✓ " : "✗ ") << p.id << "</text>\n";
        }
    }
    o << "<text x=\"" << left << "\" y=\"" << H - 6
      << "\" fill=\"#555\">Lines: the model's level. Bars (±tolerance) and boxes: observed turning points; ✓ within, ✗ outside.</text>\n";
    o << "</svg>\n";
    return o.str();
}

}  // namespace

CLI::App* addCheckEvents(CLI::App& app, CheckEventsArgs& args) {
    auto* c = app.add_subcommand("check-events", "Run the validation cases and hold the model against the real events' turning points");
    c->add_option("cases", args.cases, "Case files or folders (default: the shipped scenarios/validation/)");
    c->add_option("--format", args.format, "text or json")->check(CLI::IsMember({"text", "json"}));
    c->add_option("--svg", args.svg, "Write the figure (model against observed) as SVG");
    c->add_option("--png", args.png, "Write the figure as PNG");
    return c;
}

int doCheckEvents(const CheckEventsArgs& args, std::ostream& out, std::ostream& err) {
    bool found = true;
    const auto files = caseFiles(args.cases, err, found);
    if (!found) return kInputError;
    std::vector<CaseRun> runs;
    for (const auto& f : files) {
        auto loaded = scenario::loadScenario(f);
        if (!loaded.ok()) {
            printDiagnostics(err, loaded.diagnostics);
            return kInputError;
        }
        if (loaded.value->observed.empty()) {
            err << f << ":1:1: error: a validation case needs 'observed:' turning points\n";
            return kInputError;
        }
        CaseRun r;
        r.scenario = std::move(*loaded.value);
        runs.push_back(std::move(r));
    }
    if (runs.empty()) {
        err << "samverkan check-events: no validation cases found\n";
        return kInputError;
    }
    // The figure's files are opened before anything runs: 1 is kept for a turning point missed.
    for (const auto* path : {&args.svg, &args.png})
        if (!path->empty() && !std::ofstream(*path, std::ios::binary | std::ios::app)) {
            err << "samverkan check-events: cannot write " << *path << "\n";
            return kInputError;
        }
    bool allOk = true;
    for (auto& r : runs) {
        exercise::Options o;
        o.playName = r.scenario.checkPlay;
        exercise::Exercise run(r.scenario, o);
        run.runToEnd();
        const auto metrics = eval::measure(run);
        const auto* w = run.world();
        for (const auto& p : r.scenario.observed) {
            if (p.kind == TurningPoint::Kind::milestone) {
                r.checks.push_back(judgeMilestone(p, metrics));
                allOk = allOk && r.checks.back().ok;
                continue;
            }
            if (w == nullptr) {
                err << r.scenario.file << ":" << p.where.line << ":" << p.where.column << ": error: a service's turning point needs a world model\n";
                return kInputError;
            }
            const auto s = w->serviceIndex(p.service);
            r.checks.push_back(judge(p, *w, s));
            allOk = allOk && r.checks.back().ok;
            if (std::find(r.services.begin(), r.services.end(), p.service) == r.services.end()) {
                r.services.push_back(p.service);
                auto& series = r.levels.emplace_back();
                for (std::size_t i = 0; i < w->samples(); ++i) series.push_back(w->sampledLevel(i, s));
            }
        }
        if (w != nullptr)
            for (std::size_t i = 0; i < w->samples(); ++i) r.times.push_back(w->sampleTime(i));
    }
    if (args.format == "json") {
        nlohmann::ordered_json j = nlohmann::ordered_json::array();
        for (const auto& r : runs) {
            auto& c = j.emplace_back();
            c["case"] = r.scenario.id;
            c["file"] = r.scenario.file;
            for (const auto& k : r.checks) {
                const auto& p = *k.point;
                nlohmann::ordered_json x{{"id", p.id}, {"service", p.service}, {"kind", kindName(p.kind)}, {"level", p.level}, {"ok", k.ok}};
                if (p.kind == TurningPoint::Kind::milestone) {
                    x["milestone"] = p.milestone;
                    x["observed_after_signal_ms"] = p.at;
                    x["tolerance_ms"] = p.tolerance;
                    x["model_after_signal_ms"] = k.modelAt;
                } else if (p.kind == TurningPoint::Kind::fallsBelow || p.kind == TurningPoint::Kind::risesAbove) {
                    x["observed_ms"] = p.at;
                    x["tolerance_ms"] = p.tolerance;
                    x["model_ms"] = k.modelAt;
                } else {
                    x["from_ms"] = p.from;
                    x["to_ms"] = p.to;
                    x["model_extreme"] = k.extreme;
                    x["model_extreme_ms"] = k.extremeAt;
                }
                c["points"].push_back(x);
            }
            for (const auto& t : r.scenario.notReproduced) c["not_reproduced"].push_back(t.en);
        }
        out << j.dump(2) << "\n";
    } else {
        for (const auto& r : runs) {
            out << r.scenario.title.en << "  (" << r.scenario.file << ")\n";
            for (const auto& k : r.checks) {
                const auto& p = *k.point;
                if (p.kind == TurningPoint::Kind::milestone) {
                    out << "  " << (k.ok ? "ok     " : "OUTSIDE") << "  " << p.id << ": " << p.milestone << " after the first signal\n";
                    out << "           observed +" << span(p.at) << " ± " << span(p.tolerance) << ";  model "
                        << (k.modelAt < 0 ? std::string("never") : "+" + span(k.modelAt)) << "\n";
                    continue;
                }
                out << "  " << (k.ok ? "ok     " : "OUTSIDE") << "  " << p.id << ": " << p.service << " " << kindName(p.kind) << " " << p.level << "\n";
                if (p.kind == TurningPoint::Kind::fallsBelow || p.kind == TurningPoint::Kind::risesAbove) {
                    out << "           observed " << clock(r.scenario, p.at) << " ± " << span(p.tolerance) << ";  model ";
                    if (k.modelAt < 0) out << "never\n";
                    else out << clock(r.scenario, k.modelAt) << " (" << signedHours(k.modelAt - p.at) << ")\n";
                } else {
                    out << "           observed between " << clock(r.scenario, p.from) << " and " << clock(r.scenario, p.to) << ";  model ";
                    if (k.modelAt < 0) out << "no sample between them\n";
                    else
                        out << (p.kind == TurningPoint::Kind::staysAbove ? "lowest " : "highest ") << std::fixed << std::setprecision(2)
                            << k.extreme << std::defaultfloat << " at " << clock(r.scenario, k.extremeAt) << "\n";
                }
            }
            for (const auto& t : r.scenario.notReproduced) out << "  not reproduced: " << t.en << "\n";
        }
        std::size_t total = 0, within = 0;
        for (const auto& r : runs)
            for (const auto& k : r.checks) {
                ++total;
                within += k.ok ? 1 : 0;
            }
        out << within << " of " << total << " turning points within their tolerance\n";
    }
    std::string error;
    if (!args.svg.empty() || !args.png.empty()) {
        const auto svg = figure(runs);
        if (!args.svg.empty()) {
            std::ofstream f(args.svg, std::ios::binary);
            f << svg;
            if (!f) {
                err << "samverkan check-events: cannot write " << args.svg << "\n";
                return kInputError;
            }
        }
        if (!args.png.empty() && !analysis::svgToPng(svg, args.png, error)) {
            err << "samverkan check-events: " << error << "\n";
            return kInputError;
        }
    }
    return allOk ? kOk : kRuntimeFailure;
}

}  // namespace samverkan::cli
