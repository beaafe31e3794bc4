// The hazards of a scenario's `world:` section: generated per run, observed series (inline or an
// SMHI CSV) and forecasts.
#include <algorithm>
#include <cmath>
#include <filesystem>

#include "sim/protocol/CommandFields.hpp"
#include "sim/scenario/SeriesCsv.hpp"
#include "sim/scenario/WorldReading.hpp"

namespace samverkan::scenario::worldfields {
namespace {

// A generated hazard: onset, peak and duration drawn per run, rising and falling over `ramp`.
void readGenerated(YamlDocument& doc, MapView& m, const Scenario& scenario, world::HazardSpec& h) {
    const double end = static_cast<double>(scenario.duration) / static_cast<double>(engine::kHour);
    if (auto x = m.require("onset")) {
        h.onsetHours = readUncertain(doc, *x, "onset", true);
        if (scenario.duration > 0 && h.onsetHours.value > end)
            doc.error(*x, "onset is after the scenario's end (its duration is " +
                              engine::formatDuration(scenario.duration) + ")");
    }
    if (auto x = m.require("peak")) {
        h.peak = readUncertain(doc, *x, "peak", false);
        checkSign(doc, *x, "peak", h.peak.value, true);
    }
    std::optional<YAML::Node> durationNode;
    if (auto x = m.require("duration")) {
        durationNode = x;
        h.durationHours = readUncertain(doc, *x, "duration", true);
        if (!(h.durationHours.value > 0)) doc.error(*x, "duration must be longer than 0");
    }
    if (auto x = m.get("ramp")) {
        const auto ramp = quantity(doc, *x, "ramp", true);
        h.rampHours = ramp.value_or(1);
        // The hazard rises over the ramp and falls over it again within its duration.
        if (ramp && durationNode && h.durationHours.value > 0 && 2 * *ramp > h.durationHours.value)
            doc.error(*x, "ramp " + x->Scalar() +
                              " is longer than the hazard allows: it rises over the ramp and falls over it "
                              "again, so two ramps must fit in its duration (" +
                              engine::formatDuration(static_cast<Millis>(
                                  std::llround(h.durationHours.value * static_cast<double>(engine::kHour)))) +
                              ")");
    }
}

// The hours of a series: `from` (a date and time, or an offset from the start such as "-6h") and
// `values`, or `csv` (SMHI's layout) scaled by `factor`; a forecast also draws `shift` and `scale`.
void readSeries(YamlDocument& doc, const YAML::Node& node, const Scenario& scenario, world::HazardSpec& h) {
    const bool forecast = h.kind == world::HazardKind::forecast;
    MapView m(doc, node, forecast ? "forecast" : "series");
    if (!m.ok()) return;
    if (auto x = m.require("source")) h.seriesSource = doc.scalar(*x, "source").value_or("assumption");
    const auto csv = m.get("csv"), values = m.get("values");
    if (csv && values) doc.error(*values, "give either 'values' or 'csv', not both");
    if (!csv && !values) doc.error(node, "a series needs 'values' (with 'from') or 'csv' (a file in SMHI's layout)");
    if (auto x = m.get("step")) {
        h.step = doc.duration(*x, "step").value_or(engine::kHour);
        if (h.step < engine::kMinute) doc.error(*x, "step must be at least 1min");
        if (csv) doc.error(*x, "an SMHI series is hourly: 'step' goes with 'values'");
    }
    double factor = 1;
    if (auto x = m.get("factor")) {
        const auto p = readParam(doc, *x, "factor");
        factor = p.value;
        checkSign(doc, *x, "factor", factor, true);
        if (!csv) doc.error(*x, "'factor' converts a CSV's unit ('csv'); write inline values in the hazard's unit");
    }
    Millis before = 0;
    if (auto x = m.get("before")) {
        before = doc.duration(*x, "before").value_or(0);
        if (!csv) doc.error(*x, "'before' goes with 'csv'; inline values begin at 'from'");
    }
    if (values) {
        if (auto x = m.require("from")) {
            const auto text = doc.scalar(*x, "from").value_or("");
            if (const auto at = engine::parseIsoTime(text)) {
                h.seriesStart = at->epochMs - scenario.start.epochMs;
            } else {
                bool tooLong = false;
                if (const auto offset = engine::parseOffset(text, &tooLong); offset && !tooLong)
                    h.seriesStart = *offset;
                else
                    doc.error(*x, "from must be a date and time (2022-11-20T13:00+01:00) or an offset from the start "
                                  "(\"-6h\"); got \"" + text + "\"");
            }
        }
        if (!values->IsSequence()) {
            doc.error(*values, "values must be a list of numbers, one per step");
        } else {
            for (const auto& v : *values) {
                if (const auto n = number(doc, v, "a series value", true)) h.values.push_back(*n);
            }
            if (values->size() == 0) doc.error(*values, "values must hold at least one value");
        }
    } else if (csv) {
        if (auto x = m.get("from")) doc.error(*x, "a CSV series has its own times: 'from' goes with 'values'");
        const std::string ref = doc.scalar(*csv, "csv").value_or("");
        namespace fs = std::filesystem;
        const std::string path = (fs::path(doc.file()).parent_path() / ref).lexically_normal().string();
        h.seriesFile = ref;
        if (!ref.empty()) {
            const auto read = readSmhiCsv(path, {scenario.start.epochMs, scenario.duration, before}, factor,
                                          doc.limits().maxFileBytes);
            // A file that cannot be read at all is reported where the scenario names it.
            for (const auto& d : read.diagnostics) {
                if (d.line == 0) doc.error(*csv, "weather series '" + ref + "': " + d.message);
                else doc.report(d);
            }
            if (read.diagnostics.empty()) {
                h.seriesStart = read.firstStepStartEpochMs - scenario.start.epochMs;
                h.values = read.values;
            }
        }
    }
    if (scenario.duration > 0 && h.seriesStart >= scenario.duration)
        doc.error(node, "the series begins after the scenario's end (its duration is " + engine::formatDuration(scenario.duration) + ")");
    if (forecast) {
        if (auto x = m.require("shift")) {
            h.shiftHours = readUncertain(doc, *x, "shift", true, true);
        }
        if (auto x = m.require("scale")) {
            h.scale = readUncertain(doc, *x, "scale", false);
            checkSign(doc, *x, "scale", h.scale.value, true);
            // A run draws at most value + spread; times the series' largest value it must stay a number.
            double peak = 0;
            for (const double v : h.values) peak = std::max(peak, v);
            const double most = h.scale.value + std::max(0.0, h.scale.spread);
            if (!std::isfinite(peak * most))
                doc.error(*x, "scale up to " + protocol::formatNumber(most) + " times the series' largest value " +
                                  protocol::formatNumber(peak) + " is too large to hold");
        }
    } else {
        for (const char* key : {"shift", "scale"})
            if (auto x = m.get(key)) doc.error(*x, std::string("'") + key + "' is drawn for a forecast; an observed series is what happened");
    }
    m.finish();
}

}  // namespace

world::HazardSpec readHazard(YamlDocument& doc, MapView& m, const YAML::Node& item, const Scenario& scenario, IdSet& ids) {
    world::HazardSpec h;
    h.id = idOf(doc, m);
    ids.add(doc, item, h.id);
    h.name = textOf(doc, m, "name");
    h.unit = stringOf(doc, m, "unit", true);
    const auto series = m.get("series"), forecast = m.get("forecast");
    if (series && forecast) doc.error(*forecast, "give either 'series' (observed) or 'forecast', not both");
    if (series || forecast) {
        h.kind = series ? world::HazardKind::series : world::HazardKind::forecast;
        readSeries(doc, series ? *series : *forecast, scenario, h);
        if (auto x = m.get("begins_above")) {
            h.beginsAbove = number(doc, *x, "begins_above").value_or(0);
            checkSign(doc, *x, "begins_above", h.beginsAbove, false);
        }
        for (const char* key : {"onset", "peak", "duration", "ramp"})
            if (auto x = m.get(key))
                doc.error(*x, std::string("'") + key + "' belongs to a generated hazard; a " +
                                  (series ? "series" : "forecast") + " has its intensity hour by hour");
    } else {
        readGenerated(doc, m, scenario, h);
    }
    if (auto x = m.get("areas")) h.areas = readAreas(doc, *x, scenario.region);
    return h;
}

}  // namespace samverkan::scenario::worldfields
