#pragma once
// Drives the console as a person does: the mouse moves to a named widget (where the last frame drew
// it, gui::marks()), presses and releases; keys go down and up; text is typed. Nothing here calls
// the Session: every action goes through the widgets.

#include <catch2/catch.hpp>

#include <imgui.h>

#include <string>

#include "gui/app/App.hpp"
#include "gui/platform/Platform.hpp"
#include "gui/views/Widgets.hpp"
#include "tests/gui/HeadlessImGui.hpp"

namespace samverkan::support {

class Driver {
public:
    explicit Driver(const gui::AppOptions& options, ImVec2 display = ImVec2(1600, 900)) : m_app(options) {
        ImGui::GetIO().DisplaySize = display;
        gui::mapKeys(ImGui::GetIO());
        frames(3);
    }

    gui::App& app() { return m_app; }
    const gui::Session& session() const { return m_app.session(); }

    /// Frames of a thirtieth of a second each, with the input as it stands.
    void frames(int n = 1) {
        for (int i = 0; i < n; ++i) m_imgui.frame(m_app, 1.0 / 30);
    }

    /// Whether the last frame drew a widget of that name.
    [[nodiscard]] bool has(const std::string& name) const { return gui::marks().count(name) != 0; }

    /// Where the widget is, after scrolling its window until it shows; fails the test if it is not there.
    ImVec2 reach(const std::string& name) {
        for (int attempt = 0; attempt < 60; ++attempt) {
            const auto it = gui::marks().find(name);
            INFO("widget " << name);
            REQUIRE(it != gui::marks().end());
            const auto& m = it->second;
            const ImVec2 centre((m.min.x + m.max.x) / 2, (m.min.y + m.max.y) / 2);
            if (centre.y >= m.clipMin.y && centre.y <= m.clipMax.y && centre.x >= m.clipMin.x && centre.x <= m.clipMax.x) return centre;
            // Scroll its window with the wheel towards the widget, the mouse in the window's left
            // margin (not over a list within it, which would scroll instead).
            ImGuiIO& io = ImGui::GetIO();
            io.MousePos = ImVec2(m.clipMin.x + 1, (m.clipMin.y + m.clipMax.y) / 2);
            io.MouseWheel = centre.y > m.clipMax.y ? -2.0f : 2.0f;
            frames(1);
            io.MouseWheel = 0;
            frames(1);
        }
        FAIL("cannot scroll to " << name);
        return {};
    }

    /// A left click on the widget: move there, press, release.
    void click(const std::string& name) {
        const ImVec2 at = reach(name);
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        frames(1);
        io.MouseDown[0] = true;
        frames(1);
        io.MouseDown[0] = false;
        frames(2);
    }

    /// Clicks into a text field and types `text` (after what is there).
    void type(const std::string& name, const std::string& text) {
        click(name);
        ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
        frames(2);
    }

    /// A key (an sf::Keyboard code, as the platform layer passes them) pressed and released,
    /// with Control held if asked.
    void key(int code, bool ctrl = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyCtrl = ctrl;
        io.KeysDown[code] = true;
        frames(1);
        io.KeysDown[code] = false;
        io.KeyCtrl = false;
        frames(1);
    }

    /// Moves the mouse away (to the top bar's empty middle), so that nothing stays hovered.
    void moveAway() {
        ImGui::GetIO().MousePos = ImVec2(ImGui::GetIO().DisplaySize.x * 0.5f, 30);
        frames(1);
    }

private:
    HeadlessImGui m_imgui;  // first: the context outlives the App's frames
    gui::App m_app;
};

}  // namespace samverkan::support
