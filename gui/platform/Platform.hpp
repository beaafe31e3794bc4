#pragma once
// The platform layer: an SFML 2.5 window with its GL context, SFML events turned into
// Dear ImGui 1.86 input, and ImGui's OpenGL2 renderer. See ../shared/TOOLCHAIN.md for the
// pitfalls this handles (press latching, one wheel event, text filtering, UTF-8, placement).

#include <SFML/Graphics/RenderWindow.hpp>
#include <SFML/System/Clock.hpp>
#include <imgui.h>

#include <array>
#include <string>

namespace samverkan::gui {

/// One window with ImGui in it.
/// ImGui's keys as SFML's key codes, which the platform layer puts into io.KeysDown.
void mapKeys(ImGuiIO& io);

class Platform {
public:
    /// Opens the window and sets ImGui up with the font at `fontPath` (DejaVu Sans).
    Platform(unsigned width, unsigned height, const std::string& title, const std::string& fontPath);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    /// Handles pending window events; true if there were any (input, resize, focus).
    bool pollEvents();
    /// Waits up to `seconds` for a window event, handling it; true if one came. Sleeps between
    /// looks, so that an idle console costs next to nothing.
    bool waitForEvents(double seconds);
    /// Lets the driver pace the frames to the display where it can (no effect under Xvfb).
    void setVerticalSync(bool on);
    /// Starts an ImGui frame.
    void newFrame();
    /// Renders the frame; if `screenshotPath` is set, saves the window as PNG before showing it.
    /// Returns false if the screenshot could not be written.
    bool render(const std::string& screenshotPath = {});
    /// True when the user tried to close the window since the last call.
    bool closeRequested();

private:
    void onEvent(const sf::Event& e);
    void applyLatchedButtons();

    sf::RenderWindow m_window;
    sf::Clock m_clock;
    std::array<bool, 5> m_down{};
    std::array<bool, 5> m_pressedThisFrame{};
    bool m_nearest = false;  ///< the font texture is point-sampled (at scale 1)
    std::array<bool, 5> m_releasePending{};
    bool m_closeRequested = false;
    std::string m_clipboard;
};

}  // namespace samverkan::gui
