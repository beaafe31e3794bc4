// Frame time of the full exercise screen at 1600×900 (software GL under Xvfb on these machines),
// start-up to the first frame, and what the paced console costs the machine paused and running.
// Needs a display: run under xvfb-run.
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <sys/resource.h>

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

// CPU time of the whole process (our thread and the software rasteriser's) per second of wall time.
double processCpuSeconds() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    const auto seconds = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
    return seconds(u.ru_utime) + seconds(u.ru_stime);
}

// The console's own frame loop, paced as it is for a user, for 5 seconds of wall time with nobody
// touching it (after 2 seconds for start-up to settle): range(0) 0 paused, 600 running at 600×. `cpu_share` is CPU seconds per wall
// second (1 = a whole core), `fps` the frames it drew.
void BM_GuiConsoleCpu(benchmark::State& state) {
    if (std::getenv("DISPLAY") == nullptr) {
        state.SkipWithError("no display: run under xvfb-run");
        return;
    }
    samverkan::gui::Platform platform(1600, 900, "Samverkan bench", exerciseOptions().fontPath);
    platform.setVerticalSync(true);
    auto options = exerciseOptions();
    options.tab = "picture";
    samverkan::gui::App app(options);
    app.session().speed = static_cast<int>(state.range(0));
    samverkan::gui::FrameLoop loop(platform, app, options);
    loop.run(2.0);  // the frames after start-up settle; then nobody touches it
    constexpr double kSeconds = 5.0;
    double cpu = 0, wall = 0;
    long frames = 0;
    for (auto _ : state) {
        const double cpuBefore = processCpuSeconds();
        const auto wallBefore = std::chrono::steady_clock::now();
        frames += loop.run(kSeconds).frames;
        cpu += processCpuSeconds() - cpuBefore;
        wall += std::chrono::duration<double>(std::chrono::steady_clock::now() - wallBefore).count();
    }
    state.counters["cpu_share"] = cpu / wall;
    state.counters["fps"] = static_cast<double>(frames) / wall;
    state.SetLabel(state.range(0) == 0 ? "paused" : "running at 600x");
}

}  // namespace

BENCHMARK(BM_GuiConsoleCpu)->Arg(0)->Arg(600)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();
BENCHMARK(BM_GuiFrameExerciseScreen)->DenseRange(0, 3)->Unit(benchmark::kMillisecond)->MinTime(3.0);
BENCHMARK(BM_GuiStartupToFirstFrame)->Unit(benchmark::kMillisecond)->Iterations(5);
