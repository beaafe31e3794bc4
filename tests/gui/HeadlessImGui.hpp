#pragma once
// An ImGui context for the console's frames without a window, shared by the GUI's tests.

#include <imgui.h>

#include <string>

#include "gui/app/App.hpp"

namespace samverkan::support {

inline const std::string kScenarios = std::string(SAMVERKAN_SOURCE_DIR) + "/scenarios";
inline const std::string kSnowstorm = kScenarios + "/snowstorm.yaml";
inline const std::string kDemonstration = kScenarios + "/demonstration.yaml";

/// An ImGui context with a built font atlas and a 1600×900 display.
struct HeadlessImGui {
    HeadlessImGui() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1600, 900);
        io.DeltaTime = 1.0f / 60.0f;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    ~HeadlessImGui() { ImGui::DestroyContext(); }
    HeadlessImGui(const HeadlessImGui&) = delete;
    HeadlessImGui& operator=(const HeadlessImGui&) = delete;
    /// One whole frame of the console.
    void frame(gui::App& app, double seconds = 0.016) {
        ImGui::NewFrame();
        app.frame(seconds);
        ImGui::Render();
    }
};

}  // namespace samverkan::support
