#include "gui/platform/Platform.hpp"

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/Texture.hpp>
#include <SFML/OpenGL.hpp>
#include <SFML/System/Sleep.hpp>
#include <SFML/Window/Clipboard.hpp>
#include <SFML/Window/Event.hpp>
#include <backends/imgui_impl_opengl2.h>
#include <imgui.h>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace samverkan::gui {
namespace {

// Default Latin ranges plus general punctuation (– ’ ” …) and the euro sign; must outlive the atlas.
const ImWchar kGlyphRanges[] = {0x0020, 0x00FF, 0x0100, 0x017F, 0x2010, 0x2027, 0x20AC, 0x20AC, 0x2190, 0x2193, 0};

int buttonIndex(sf::Mouse::Button b) {
    switch (b) {
        case sf::Mouse::Left: return 0;
        case sf::Mouse::Right: return 1;
        case sf::Mouse::Middle: return 2;
        case sf::Mouse::XButton1: return 3;
        case sf::Mouse::XButton2: return 4;
        default: return -1;
    }
}

const char* getClipboard(void* user) {
    auto* text = static_cast<std::string*>(user);
    const auto s = sf::Clipboard::getString();
    const auto utf8 = s.toUtf8();
    text->assign(utf8.begin(), utf8.end());
    return text->c_str();
}

void setClipboard(void*, const char* text) { sf::Clipboard::setString(sf::String::fromUtf8(text, text + std::strlen(text))); }

}  // namespace

void mapKeys(ImGuiIO& io) {
    const std::array<std::pair<ImGuiKey_, sf::Keyboard::Key>, 21> keys{{
        {ImGuiKey_Tab, sf::Keyboard::Tab}, {ImGuiKey_LeftArrow, sf::Keyboard::Left}, {ImGuiKey_RightArrow, sf::Keyboard::Right},
        {ImGuiKey_UpArrow, sf::Keyboard::Up}, {ImGuiKey_DownArrow, sf::Keyboard::Down}, {ImGuiKey_PageUp, sf::Keyboard::PageUp},
        {ImGuiKey_PageDown, sf::Keyboard::PageDown}, {ImGuiKey_Home, sf::Keyboard::Home}, {ImGuiKey_End, sf::Keyboard::End},
        {ImGuiKey_Insert, sf::Keyboard::Insert}, {ImGuiKey_Delete, sf::Keyboard::Delete}, {ImGuiKey_Backspace, sf::Keyboard::BackSpace},
        {ImGuiKey_Space, sf::Keyboard::Space}, {ImGuiKey_Enter, sf::Keyboard::Enter}, {ImGuiKey_Escape, sf::Keyboard::Escape},
        {ImGuiKey_A, sf::Keyboard::A}, {ImGuiKey_C, sf::Keyboard::C}, {ImGuiKey_V, sf::Keyboard::V}, {ImGuiKey_X, sf::Keyboard::X},
        {ImGuiKey_Y, sf::Keyboard::Y}, {ImGuiKey_Z, sf::Keyboard::Z}}};
    for (const auto& [imgui, sfml] : keys) io.KeyMap[imgui] = sfml;
}

Platform::Platform(unsigned width, unsigned height, const std::string& title, const std::string& fontPath) {
    sf::ContextSettings settings;  // SFML's default compatibility context: the OpenGL2 renderer needs it
    const std::string t = title;
    m_window.create(sf::VideoMode(width, height), sf::String::fromUtf8(t.begin(), t.end()), sf::Style::Default, settings);
    m_window.setPosition({0, 0});  // without a window manager the window may land off-screen
    m_window.setVerticalSyncEnabled(false);
    m_window.setActive(true);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.BackendPlatformName = "samverkan_sfml";
    mapKeys(io);
    io.SetClipboardTextFn = setClipboard;
    io.GetClipboardTextFn = getClipboard;
    io.ClipboardUserData = &m_clipboard;
    if (io.Fonts->AddFontFromFileTTF(fontPath.c_str(), 17.0f, nullptr, kGlyphRanges) == nullptr)
        throw std::runtime_error("cannot load the font " + fontPath);
    ImGui::StyleColorsLight();
    ImGui_ImplOpenGL2_Init();
}

Platform::~Platform() {
    ImGui_ImplOpenGL2_Shutdown();
    ImGui::DestroyContext();
}

void Platform::onEvent(const sf::Event& e) {
    ImGuiIO& io = ImGui::GetIO();
    switch (e.type) {
        case sf::Event::Closed: m_closeRequested = true; break;
        case sf::Event::Resized: m_window.setView(sf::View(sf::FloatRect(0, 0, static_cast<float>(e.size.width), static_cast<float>(e.size.height)))); break;
        case sf::Event::LostFocus: io.AddFocusEvent(false); break;
        case sf::Event::GainedFocus: io.AddFocusEvent(true); break;
        case sf::Event::MouseMoved: io.MousePos = ImVec2(static_cast<float>(e.mouseMove.x), static_cast<float>(e.mouseMove.y)); break;
        case sf::Event::MouseButtonPressed:
            if (const int b = buttonIndex(e.mouseButton.button); b >= 0) {
                m_down[static_cast<std::size_t>(b)] = true;
                m_pressedThisFrame[static_cast<std::size_t>(b)] = true;
            }
            break;
        case sf::Event::MouseButtonReleased:
            // A press and release inside one frame would be lost: keep the button down one frame.
            if (const int b = buttonIndex(e.mouseButton.button); b >= 0) {
                const auto i = static_cast<std::size_t>(b);
                if (m_pressedThisFrame[i]) m_releasePending[i] = true;
                else m_down[i] = false;
            }
            break;
        case sf::Event::MouseWheelScrolled:  // only this one: SFML also sends MouseWheelMoved for the same step
            if (e.mouseWheelScroll.wheel == sf::Mouse::VerticalWheel) io.MouseWheel += e.mouseWheelScroll.delta;
            else io.MouseWheelH += e.mouseWheelScroll.delta;
            break;
        case sf::Event::KeyPressed:
        case sf::Event::KeyReleased:
            if (e.key.code >= 0 && e.key.code < 512) io.KeysDown[e.key.code] = e.type == sf::Event::KeyPressed;
            io.KeyCtrl = e.key.control;
            io.KeyShift = e.key.shift;
            io.KeyAlt = e.key.alt;
            io.KeySuper = e.key.system;
            break;
        case sf::Event::TextEntered:
            // TextEntered also delivers backspace, tab, return and delete: those are keys, not text.
            if (e.text.unicode >= 0x20 && e.text.unicode != 0x7F) io.AddInputCharacter(e.text.unicode);
            break;
        default: break;
    }
}

bool Platform::pollEvents() {
    sf::Event e;
    bool any = false;
    while (m_window.pollEvent(e)) {
        onEvent(e);
        any = true;
    }
    return any;
}

bool Platform::waitForEvents(double seconds) {
    // SFML 2.5's waitEvent has no timeout: look every 10 ms, which is quicker than a person notices.
    sf::Clock waited;
    while (waited.getElapsedTime().asSeconds() < seconds) {
        if (pollEvents()) return true;
        sf::sleep(sf::milliseconds(10));
    }
    return pollEvents();
}

void Platform::setVerticalSync(bool on) { m_window.setVerticalSyncEnabled(on); }

bool Platform::closeRequested() {
    const bool requested = m_closeRequested;
    m_closeRequested = false;
    return requested;
}

void Platform::applyLatchedButtons() {
    ImGuiIO& io = ImGui::GetIO();
    for (std::size_t i = 0; i < m_down.size(); ++i) io.MouseDown[i] = m_down[i];
}

void Platform::newFrame() {
    ImGuiIO& io = ImGui::GetIO();
    const auto size = m_window.getSize();
    io.DisplaySize = ImVec2(static_cast<float>(size.x), static_cast<float>(size.y));
    io.FontGlobalScale = std::max(0.75f, static_cast<float>(size.y) / 900.0f);  // scales with the window
    const float dt = m_clock.restart().asSeconds();
    io.DeltaTime = dt > 0 ? dt : 1.0f / 60.0f;
    applyLatchedButtons();
    ImGui_ImplOpenGL2_NewFrame();  // creates the font texture on the first call
    // At scale 1 every glyph and every solid quad maps texel to pixel: point sampling gives the same
    // picture as bilinear and halves the software rasteriser's work per pixel. Scaled, bilinear.
    const bool nearest = io.FontGlobalScale == 1.0f;
    if (io.Fonts->TexID != nullptr && nearest != m_nearest) {
        glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<std::intptr_t>(io.Fonts->TexID)));
        const GLint filter = nearest ? GL_NEAREST : GL_LINEAR;
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
        m_nearest = nearest;
    }
    ImGui::NewFrame();
}

bool Platform::render(const std::string& screenshotPath) {
    ImGui::Render();
    const auto size = m_window.getSize();
    glViewport(0, 0, static_cast<GLsizei>(size.x), static_cast<GLsizei>(size.y));
    // The screens' panels draw no background of their own: the clear colour is the windows' colour.
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL2_RenderDrawData(ImGui::GetDrawData());
    bool ok = true;
    if (!screenshotPath.empty()) {
        sf::Texture texture;
        ok = texture.create(size.x, size.y);
        if (ok) {
            texture.update(m_window);
            ok = texture.copyToImage().saveToFile(screenshotPath);
        }
    }
    m_window.display();
    // Releases that came in the same frame as their press take effect now.
    for (std::size_t i = 0; i < m_down.size(); ++i) {
        if (m_releasePending[i]) m_down[i] = false;
        m_releasePending[i] = false;
        m_pressedThisFrame[i] = false;
    }
    return ok;
}

}  // namespace samverkan::gui
