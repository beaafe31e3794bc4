// Frame time of the full exercise screen at 1600×900 (software GL under Xvfb on these machines),
// and start-up to the first frame. Needs a display: run under xvfb-run.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <chrono>
#include <cstdlib>

#include "gui/app/App.hpp"
#include "gui/platform/Platform.hpp"

namespace {

const char* const kTabs[] = {"picture", "map", "timeline", "journal"};

samverkan::gui::AppOptions exerciseOptions() {
    samverkan::gui::AppOptions o;
    o.dataDir = std::string(SAMVERKAN_SOURCE_DIR) + "/scenarios";
    o.fontPath = std::string(SAMVERKAN_SOURCE_DIR) + "/assets/fonts/DejaVuSans.ttf";
    o.assetsDir = std::string(SAMVERKAN_SOURCE_DIR) + "/assets";
    o.scenario = o.dataDir + "/snowstorm.yaml";
    o.start = true;
    o.control = true;  // the fullest screen: truth beside knowledge, hazard plot, injects
    o.until = "+26h";
    return o;
}

void BM_GuiFrameExerciseScreen(benchmark::State& state) {
    if (std::getenv("DISPLAY") == nullptr) {
        state.SkipWithError("no display: run under xvfb-run");
        return;
    }
    samverkan::gui::Platform platform(1600, 900, "Samverkan bench", exerciseOptions().fontPath);
    auto options = exerciseOptions();
    options.tab = kTabs[state.range(0)];
    samverkan::gui::App app(options);
    app.session().speed = 600;  // the fastest speed: the simulation must keep up with it
    const auto simStart = app.session().run->now();
    const auto wallStart = std::chrono::steady_clock::now();
    for (auto _ : state) {
        platform.pollEvents();
        platform.newFrame();
        app.frame(ImGui::GetIO().DeltaTime);  // real time between frames, as in the console
        platform.render();
    }
    state.counters["sim_hours"] = static_cast<double>(app.session().run->now()) / 3.6e6;
    // Simulated time advanced over wall time × speed: 1 means the simulation kept the chosen pace.
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    state.counters["pace"] = static_cast<double>(app.session().run->now() - simStart) / 1000.0 / (wall * 600.0);
    state.SetLabel(kTabs[state.range(0)]);
}

void BM_GuiStartupToFirstFrame(benchmark::State& state) {
    if (std::getenv("DISPLAY") == nullptr) {
        state.SkipWithError("no display: run under xvfb-run");
        return;
    }
    for (auto _ : state) {
        samverkan::gui::Platform platform(1600, 900, "Samverkan bench", exerciseOptions().fontPath);
        samverkan::gui::App app(exerciseOptions());
        platform.pollEvents();
        platform.newFrame();
        app.frame(0.0);
        platform.render();
    }
}

}  // namespace

BENCHMARK(BM_GuiFrameExerciseScreen)->DenseRange(0, 3)->Unit(benchmark::kMillisecond)->MinTime(3.0);
BENCHMARK(BM_GuiStartupToFirstFrame)->Unit(benchmark::kMillisecond)->Iterations(5);
