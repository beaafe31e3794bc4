#include "sim/analysis/Sweep.hpp"

#include "sim/protocol/CommandFields.hpp"

#include <algorithm>
#include <functional>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "sim/eval/Findings.hpp"
#include "sim/eval/Metrics.hpp"
#include "sim/model/Names.hpp"

namespace samverkan::analysis {

using engine::Millis;

namespace {

constexpr double kHourMs = static_cast<double>(engine::kHour);

std::vector<std::string> split(const std::string& text, char sep) {
    std::vector<std::string> out;
    std::string cur;
    for (const char c : text) {
        if (c == sep) out.push_back(cur), cur.clear();
        else cur += c;
    }
    out.push_back(cur);
    return out;
}

// A duration ("90min", "2h", "0") in hours.
std::optional<double> hoursOf(const std::string& text) {
    if (text == "0") return 0.0;
    const auto d = engine::parseDuration(text);
    if (!d) return std::nullopt;
    return static_cast<double>(*d) / kHourMs;
}

bool isDoctrine(const scenario::Play& play) { return play.name == scenario::kDoctrinePlay && play.steps.empty(); }

// The decisions a play agrees; for the doctrine, those its rules agree.
std::vector<std::string> decisionIds(const scenario::Play& play, const scenario::Scenario& scenario) {
    std::vector<std::string> ids;
    const auto note = [&](const protocol::Command& c) {
        if (const auto* d = std::get_if<protocol::AgreeDecision>(&c))
            if (std::find(ids.begin(), ids.end(), d->id) == ids.end()) ids.push_back(d->id);
    };
    if (isDoctrine(play))
        for (const auto& r : scenario.behaviour) note(r.command);
    for (const auto& step : play.steps) note(step.command);
    return ids;
}

// The doctrine's counterpart of a play's convening at a chosen time: the rules that convene the
// forum or ask for it go, and the convener convenes it at `at`, calling whom its first rule for
// that forum (or for any forum) calls.
void convenesAt(scenario::Scenario& s, model::ForumIndex forum, Millis at, const std::string& name) {
    const auto& region = s.region;
    const auto targets = [&](const protocol::Command& c, bool any) {
        const auto hits = [&](const std::string& ref) { return (any && ref == "$forum") || region.resolveForum(ref) == forum; };
        if (const auto* cv = std::get_if<protocol::Convene>(&c)) return hits(cv->forum);
        if (const auto* r = std::get_if<protocol::RequestActivation>(&c)) return !any && hits(r->forum);
        return false;
    };
    std::optional<protocol::Command> command;
    for (const bool any : {false, true})
        for (const auto& r : s.behaviour)
            if (!command && std::holds_alternative<protocol::Convene>(r.command) && targets(r.command, any)) command = r.command;
    std::erase_if(s.behaviour, [&](const scenario::BehaviourRule& r) { return targets(r.command, false); });
    scenario::BehaviourRule rule;
    rule.id = "sweep-" + name;
    rule.actor = region.convener;
    rule.file = "sweep";
    rule.when.timed = true;
    rule.when.at = at;
    rule.command = command.value_or(protocol::Convene{region.convener, region.forums[forum].id, "telephone", 0, {}});
    protocol::fillPlaceholders(rule.command, {{}, region.forums[forum].id, nullptr});
    rule.usesAffected = protocol::hasPlaceholder(rule.command, "$affected");
    s.behaviour.push_back(std::move(rule));
}

std::string oneOf(const std::vector<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out.empty() ? "(none)" : out;
}

}  // namespace

Millis firstSignal(const scenario::Scenario& scenario) {
    // An inject dated before the start is delivered at it: the first signal is then the start.
    std::optional<Millis> first;
    for (const auto& i : scenario.injects)
        if (i.when.timed && (!first || i.when.at < *first)) first = i.when.at;
    return std::max<Millis>(first.value_or(0), 0);
}

std::optional<Variation> parseVariation(const std::string& text, const scenario::Scenario& scenario, const scenario::Play& play,
                                        std::string& error) {
    const auto eq = text.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 == text.size()) {
        error = "--vary '" + text + "': expected NAME=FROM..TO:STEP or NAME=a,b,c";
        return std::nullopt;
    }
    Variation v;
    v.name = text.substr(0, eq);
    const std::string spec = text.substr(eq + 1);
    const auto parts = split(v.name, '.');
    const auto& region = scenario.region;
    std::vector<std::string> known;
    for (const auto& l : region.levels) known.push_back("activation." + l.id);
    for (const auto& c : region.convening) known.push_back("convening." + c.medium);
    if (scenario.world)
        for (const auto& h : scenario.world->hazards) known.push_back("hazard." + h.id + ".onset");
    for (const auto& d : decisionIds(play, scenario)) known.push_back("decision." + d);
    if (std::find(known.begin(), known.end(), v.name) == known.end()) {
        error = "--vary: unknown parameter '" + v.name + "'" + model::didYouMean(v.name, known) + "; this scenario and play can vary: " + oneOf(known);
        return std::nullopt;
    }
    v.kind = parts[0] == "activation" ? Variation::Kind::activation
             : parts[0] == "convening" ? Variation::Kind::convening
             : parts[0] == "hazard"    ? Variation::Kind::onset
                                       : Variation::Kind::decision;
    v.target = parts[1];
    if (v.kind == Variation::Kind::decision) {
        for (const auto& item : split(spec, ',')) {
            if (item == "on") v.values.push_back(1);
            else if (item == "off") v.values.push_back(0);
            else {
                error = "--vary " + v.name + ": '" + item + "' must be on or off";
                return std::nullopt;
            }
        }
        return v;
    }
    const auto dots = spec.find("..");
    if (dots != std::string::npos) {
        const auto colon = spec.find(':', dots);
        if (colon == std::string::npos) {
            error = "--vary " + v.name + ": a range needs a step, e.g. 0h..12h:1h";
            return std::nullopt;
        }
        const auto from = hoursOf(spec.substr(0, dots)), to = hoursOf(spec.substr(dots + 2, colon - dots - 2)),
                   step = hoursOf(spec.substr(colon + 1));
        if (!from || !to || !step) {
            error = "--vary " + v.name + ": '" + spec + "' is not a range of durations like 0h..12h:1h";
            return std::nullopt;
        }
        if (*step <= 0 || *to < *from) {
            error = "--vary " + v.name + ": the range must rise by a step above zero";
            return std::nullopt;
        }
        const auto count = static_cast<std::size_t>(std::floor((*to - *from) / *step + 1e-9)) + 1;
        if (count > 10000) {
            error = "--vary " + v.name + ": " + std::to_string(count) + " values; at most 10000";
            return std::nullopt;
        }
        for (std::size_t i = 0; i < count; ++i) v.values.push_back(*from + *step * static_cast<double>(i));
    } else {
        for (const auto& item : split(spec, ',')) {
            const auto h = hoursOf(item);
            if (!h) {
                error = "--vary " + v.name + ": '" + item + "' is not a duration like 90min or 2h";
                return std::nullopt;
            }
            v.values.push_back(*h);
        }
    }
    for (const double h : v.values)
        if (h < 0) {
            error = "--vary " + v.name + ": durations cannot be negative";
            return std::nullopt;
        }
    return v;
}

std::vector<std::vector<double>> points(const std::vector<Variation>& variations) {
    std::vector<std::vector<double>> out{{}};
    for (const auto& v : variations) {
        std::vector<std::vector<double>> next;
        for (const auto& prefix : out)
            for (const double x : v.values) {
                auto p = prefix;
                p.push_back(x);
                next.push_back(std::move(p));
            }
        out = std::move(next);
    }
    return out;
}

PointSetup applyPoint(const scenario::Scenario& base, const scenario::Play& play, const std::vector<Variation>& variations,
                      const std::vector<double>& values) {
    auto changed = std::make_shared<scenario::Scenario>(base);
    scenario::Play changedPlay = play;
    auto& s = *changed;
    auto& steps = changedPlay.steps;
    const auto millis = [](double hours) { return static_cast<Millis>(std::llround(hours * kHourMs)); };
    for (std::size_t i = 0; i < variations.size(); ++i) {
        const auto& v = variations[i];
        const double x = values[i];
        switch (v.kind) {
            case Variation::Kind::activation: {
                const auto forum = s.region.forumOf(v.target, model::Mode::activated);
                if (isDoctrine(play)) {
                    convenesAt(s, forum, firstSignal(s) + millis(x), v.name);
                    break;
                }
                const auto targets = [&](const protocol::Command& c) {
                    if (const auto* cv = std::get_if<protocol::Convene>(&c)) return s.region.resolveForum(cv->forum) == forum;
                    if (const auto* r = std::get_if<protocol::RequestActivation>(&c)) return s.region.resolveForum(r->forum) == forum;
                    return false;
                };
                // The play's first convening of the forum keeps its command (who is called) at the
                // new time; its other convenings and requests of that forum go.
                std::optional<scenario::PlayStep> convene;
                for (const auto& step : steps)
                    if (!convene && std::holds_alternative<protocol::Convene>(step.command) && targets(step.command)) convene = step;
                steps.erase(std::remove_if(steps.begin(), steps.end(), [&](const scenario::PlayStep& st) { return targets(st.command); }),
                            steps.end());
                if (!convene) {
                    convene = scenario::PlayStep{};
                    convene->id = "sweep-" + v.name;
                    convene->command = protocol::Convene{s.region.convener, s.region.forums[forum].id, "telephone", 0, {}};
                }
                convene->when = scenario::Trigger{};
                convene->when.timed = true;
                convene->when.at = firstSignal(s) + millis(x);
                steps.push_back(*convene);
                break;
            }
            case Variation::Kind::convening:
                for (auto& c : s.region.convening)
                    if (c.medium == v.target) c.min = c.max = millis(x), c.source = "sweep";
                break;
            case Variation::Kind::onset:
                for (auto& h : s.world->hazards) {
                    if (h.id != v.target) continue;
                    if (h.kind == world::HazardKind::generated) {
                        h.onsetHours.value = x, h.onsetHours.source = "sweep";
                        continue;
                    }
                    // A series moves as a whole, so that it begins (rises above `beginsAbove`) at x.
                    for (std::size_t k = 0; k < h.values.size(); ++k)
                        if (h.values[k] > h.beginsAbove) {
                            h.seriesStart = millis(x) - static_cast<Millis>(k) * h.step;
                            h.seriesSource += "; moved by the sweep";
                            break;
                        }
                }
                break;
            case Variation::Kind::decision:
                if (x == 0 && isDoctrine(play))
                    std::erase_if(s.behaviour, [&](const scenario::BehaviourRule& r) {
                        const auto* d = std::get_if<protocol::AgreeDecision>(&r.command);
                        return d != nullptr && d->id == v.target;
                    });
                if (x == 0)
                    steps.erase(std::remove_if(steps.begin(), steps.end(),
                                               [&](const scenario::PlayStep& st) {
                                                   const auto* d = std::get_if<protocol::AgreeDecision>(&st.command);
                                                   return d != nullptr && d->id == v.target;
                                               }),
                                steps.end());
                break;
        }
    }
    return PointSetup{std::move(changed), std::move(changedPlay)};
}

namespace {

std::string metricOfForum(const scenario::Scenario& s, model::ForumIndex f) {
    const auto& forum = s.region.forums[f];
    return "activation." + (s.region.forumOf(forum.level, model::Mode::activated) == f ? forum.level : forum.id) + "_h";
}

// What one finished run gives the metric columns to read.
struct Measured {
    const eval::Evaluation& evaluation;
    const eval::Metrics& metrics;
};

double hours(Millis t) { return t < 0 ? std::nan("") : static_cast<double>(t) / kHourMs; }
double orMissing(double v) { return v < 0 ? std::nan("") : v; }

struct MetricColumn {
    std::string name;
    std::function<double(const Measured&)> value;
};

// The one table of metric names and how each is read from a run: names and values can never
// disagree in order or number.
std::vector<MetricColumn> metricColumns(const scenario::Scenario& s) {
    std::vector<MetricColumn> columns;
    columns.push_back({"score", [](const Measured& m) { return m.evaluation.score; }});
    for (model::ForumIndex f = 0; f < s.region.forums.size(); ++f) {
        if (s.region.forums[f].mode != model::Mode::activated) continue;
        columns.push_back({metricOfForum(s, f), [id = s.region.forums[f].id](const Measured& m) {
                               for (const auto& a : m.metrics.activations)
                                   if (a.id == id) return hours(a.sinceSignal);
                               return std::nan("");
                           }});
    }
    columns.push_back({"first_decision_h", [](const Measured& m) { return hours(m.metrics.firstCoordinatedDecision.sinceSignal); }});
    columns.push_back({"first_joint_message_h", [](const Measured& m) { return hours(m.metrics.firstJointMessage.sinceSignal); }});
    columns.push_back({"picture_age_mean_h", [](const Measured& m) { return orMissing(m.metrics.pictureAgeMeanHours); }});
    columns.push_back({"picture_age_max_h", [](const Measured& m) { return orMissing(m.metrics.pictureAgeMaxHours); }});
    columns.push_back({"picture_error_mean", [](const Measured& m) { return orMissing(m.metrics.pictureErrorMean); }});
    columns.push_back({"picture_error_max", [](const Measured& m) { return orMissing(m.metrics.pictureErrorMax); }});
    columns.push_back({"reports_made", [](const Measured& m) { return static_cast<double>(m.metrics.reportsMade); }});
    columns.push_back({"reports_missed", [](const Measured& m) { return static_cast<double>(m.metrics.reportsMissed); }});
    columns.push_back({"bilateral_contacts", [](const Measured& m) { return static_cast<double>(m.metrics.bilateralContacts); }});
    columns.push_back({"forum_contacts", [](const Measured& m) { return static_cast<double>(m.metrics.forumContacts); }});
    // Per service: the mean age and error of what the pictures knew of it (missing: never known).
    const auto perService = [](std::size_t i, double eval::ServicePicture::*field) {
        return [i, field](const Measured& m) {
            return i < m.metrics.servicePictures.size() ? orMissing(m.metrics.servicePictures[i].*field) : std::nan("");
        };
    };
    if (s.world)
        for (std::size_t i = 0; i < s.world->services.size(); ++i) {
            columns.push_back({"picture_age_h." + s.world->services[i].id, perService(i, &eval::ServicePicture::ageMeanHours)});
            columns.push_back({"picture_error." + s.world->services[i].id, perService(i, &eval::ServicePicture::errorMean)});
        }
    if (s.world)
        for (std::size_t o = 0; o < s.world->outcomes.size(); ++o)
            columns.push_back({"outcome." + s.world->outcomes[o].id, [o](const Measured& m) { return m.metrics.outcomes[o].value; }});
    return columns;
}

void fillMetrics(const std::vector<MetricColumn>& columns, const exercise::Exercise& run, const eval::Evaluation& ev, double* out) {
    const auto metrics = eval::measure(run);
    const Measured measured{ev, metrics};
    for (const auto& column : columns) *out++ = column.value(measured);
}

}  // namespace

std::vector<std::string> metricNames(const scenario::Scenario& scenario) {
    std::vector<std::string> names;
    for (const auto& c : metricColumns(scenario)) names.push_back(c.name);
    return names;
}

namespace {

std::vector<FindingRecord> findingRecords(const eval::Evaluation& ev) {
    std::vector<FindingRecord> out;
    for (const auto& f : ev.findings) out.push_back({eval::statusName(f.status), f.action, f.actor, f.forum, f.objective, f.lateBy});
    return out;
}

// One run at one point: the metrics in metricNames order (and its findings, if asked for).
void measureRun(const PointSetup& setup, const std::vector<MetricColumn>& columns, std::uint64_t seed, const std::string& variant,
                double* out, std::vector<FindingRecord>* findings) {
    exercise::Options o;
    o.seed = seed;
    if (isDoctrine(setup.play)) o.playName = scenario::kDoctrinePlay;
    else o.play = setup.play;
    o.variant = variant;
    exercise::Exercise run(setup.scenario, o);
    run.runToEnd();
    const auto ev = eval::evaluate(run);
    fillMetrics(columns, run, ev, out);
    if (findings != nullptr) *findings = findingRecords(ev);
}

}  // namespace

void runMetrics(const exercise::Exercise& run, double* out) { runMetrics(run, eval::evaluate(run), out); }

void runMetrics(const exercise::Exercise& run, const eval::Evaluation& ev, double* out) {
    fillMetrics(metricColumns(run.scenario()), run, ev, out);
}

RunRecord runRecord(const exercise::Exercise& run, const std::string& kind, const std::string& journal, const std::string& date,
                    const std::string& label) {
    const auto& s = run.scenario();
    RunRecord r;
    r.kind = kind;
    r.scenario = s.id;
    std::vector<std::string> files{s.file, s.region.file};
    if (!s.baseFile.empty()) files.push_back(s.baseFile);  // a case: its base is part of what ran
    r.scenarioHash = contentHash(files);
    r.seed = run.seed();
    r.play = run.playName();
    r.journal = journal;
    r.date = date;
    r.label = label;
    const auto names = metricNames(s);
    std::vector<double> values(names.size());
    const auto ev = eval::evaluate(run);
    runMetrics(run, ev, values.data());
    for (std::size_t i = 0; i < names.size(); ++i) r.metrics.emplace_back(names[i], values[i]);
    r.findings = findingRecords(ev);
    return r;
}

Table sweepColumns(const SweepPlan& plan) {
    Table t;
    for (const auto& v : plan.variations) t.params.push_back(v.name);
    t.metrics = metricNames(*plan.scenario);
    return t;
}

bool runSweep(const SweepPlan& plan, const SweepOptions& options, const RunSink& sink) {
    const auto& base = *plan.scenario;
    const auto columns = metricColumns(base);
    const auto grid = points(plan.variations);
    std::vector<PointSetup> setups;
    setups.reserve(grid.size());
    for (const auto& p : grid) setups.push_back(applyPoint(base, plan.play, plan.variations, p));

    // The tasks (point, run) in order; a shard takes one contiguous slice of them.
    const std::size_t total = grid.size() * plan.runs;
    const std::size_t first = total * options.shard / options.shards, last = total * (options.shard + 1) / options.shards;
    const std::size_t count = last - first;
    const std::size_t params = plan.variations.size(), width = params + columns.size();
    const unsigned threads = std::max(1u, std::min<unsigned>(options.threads ? options.threads : std::thread::hardware_concurrency(),
                                                              static_cast<unsigned>(std::max<std::size_t>(count, 1))));

    // A ring of runs in hand: task i lives in slot i % window from when a thread takes it until the
    // sink has had it. A thread takes task i only once i < handedOver + window, so no thread runs
    // more than the window ahead of the oldest run not yet handed over, and memory stays bounded.
    struct Slot {
        Row row;
        std::vector<FindingRecord> findings;
        bool ready = false;
    };
    const std::size_t window = std::max<std::size_t>(1, kRunsAheadPerThread * threads);
    std::vector<Slot> slots(window);
    std::mutex mutex;
    std::condition_variable space;
    std::size_t nextTask = 0, handedOver = 0;
    bool handing = false;  // a thread is handing runs to the sink; others leave theirs to it
    std::atomic<std::size_t> done{0};
    std::atomic<bool> stopped{false};
    const auto halted = [&] { return stopped.load() || (options.stop && options.stop->load()); };
    const auto work = [&] {
        for (;;) {
            std::size_t i = 0;
            {
                std::unique_lock lock(mutex);
                // options.stop is set from a signal handler, which cannot notify: look now and then.
                while (!space.wait_for(lock, std::chrono::milliseconds(100),
                                       [&] { return halted() || nextTask >= count || nextTask < handedOver + window; })) {
                }
                if (halted()) return stopped.store(true);
                if (nextTask >= count) return;
                i = nextTask++;
            }
            Slot& slot = slots[i % window];
            const std::size_t task = first + i;
            slot.row.point = static_cast<std::uint32_t>(task / plan.runs);
            slot.row.run = static_cast<std::uint32_t>(task % plan.runs);
            slot.row.seed = plan.seed + slot.row.run;
            slot.row.values.assign(width, 0);
            std::copy(grid[slot.row.point].begin(), grid[slot.row.point].end(), slot.row.values.begin());
            slot.findings.clear();
            measureRun(setups[slot.row.point], columns, slot.row.seed, plan.variant, slot.row.values.data() + params,
                       options.withFindings ? &slot.findings : nullptr);
            done.fetch_add(1);

            std::unique_lock lock(mutex);
            slot.ready = true;
            if (handing) continue;
            // Hand over every finished run that has no unfinished one before it, outside the lock
            // so the other threads go on taking and finishing runs meanwhile.
            handing = true;
            while (!stopped.load() && handedOver < count && slots[handedOver % window].ready) {
                Slot& next = slots[handedOver % window];
                lock.unlock();
                const bool accepted = sink(next.row, next.findings);
                lock.lock();
                next.ready = false;
                ++handedOver;
                if (!accepted) stopped.store(true);
                space.notify_all();
            }
            handing = false;
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
    if (options.progress) {
        // The calling thread reports progress while the others work, then joins in.
        std::thread reporter([&] {
            while (done.load() < count && !halted()) {
                options.progress(done.load(), count);
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        });
        work();
        for (auto& t : pool) t.join();
        reporter.join();
        options.progress(done.load(), count);
    } else {
        work();
        for (auto& t : pool) t.join();
    }
    return !halted() && handedOver == count;
}

bool runSweep(const SweepPlan& plan, const SweepOptions& options, Table& out) {
    out = sweepColumns(plan);
    if (options.findings) options.findings->clear();
    SweepOptions collecting = options;
    collecting.withFindings = options.findings != nullptr;
    const bool complete = runSweep(plan, collecting, [&](const Row& row, const std::vector<FindingRecord>& findings) {
        out.rows.push_back(row);
        if (options.findings) options.findings->push_back(findings);
        return true;
    });
    if (!complete) {
        out.rows.clear();
        if (options.findings) options.findings->clear();
    }
    return complete;
}

}  // namespace samverkan::analysis
