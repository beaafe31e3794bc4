#pragma once
// The panels of the trainee console; one per file. Each draws from the Session every frame.

#include <imgui.h>

#include <cstddef>
#include <optional>
#include <ctime>
#include <string>
#include <vector>

#include "gui/app/Session.hpp"

namespace samverkan::gui {

// The panels that keep something between frames are small structs with that state and a draw();
// the App owns one of each (ImGui's ExampleAppLog). What belongs to one run starts afresh with the
// next (App::frame), so a second exercise never shows the first one's drafts.

/// The start screen: scenario, play, language, mode, role and the journal's file.
struct StartPanel {
    std::string otherFile;         ///< a scenario file typed in by hand
    std::string journal;           ///< where the journal of the exercise will be written
    std::string journalNamedFor;   ///< the scenario `journal` was named for
    bool keepJournalName = false;  ///< --journal FILE was given: kept as given, never renamed
    std::vector<std::string> titlesFor;  ///< the shipped files `titles` were read from
    std::vector<model::Text> titles;     ///< each shipped scenario's title (its file's name if it does not load)
    /// Returns true when "Start" is pressed.
    bool draw(Session& s, const std::vector<std::string>& shipped);
};

/// The clock, its speed and, for exercise control, a jump forward.
struct TopBarPanel {
    std::string jump;  ///< the time exercise control is typing to jump to (+30h, 2d)
    bool helpPressed = false;  ///< the help button was pressed in the last frame
    void draw(Session& s);
};

/// A priority list put in order before it is set.
struct ListDraft {
    std::string list;
    std::vector<std::string> order;
};

/// A decision being drafted: a measure of the scenario's catalogue with its parameters, decided
/// alone in the role's own organisation or in a forum (R10); or an information-only agreement.
/// The draft starts from the measure's defaults whenever the measure, the forum or the role changes.
struct DecisionPanel {
    bool open = false;             ///< the section starts open (--decide)
    bool alone = false;            ///< decide alone in the role's own organisation, not in the forum
    bool informationOnly = false;  ///< an agreement with a free topic and no modelled effect
    std::string measure;           ///< the measure drafted (unless information only)
    int topic = 0;                 ///< information only: among the region's topics
    std::string text;              ///< optional for a measure (default: its name)
    std::vector<model::MeasureArg> args;  ///< one per parameter; areas hold actor ids
    std::vector<std::string> doers;       ///< who carries it out (a forum's decision)
    std::string draftedFor;               ///< the measure, forum and role `args` and `doers` were set for

    /// The measures the acting role may decide alone, or (with `forum`) the forum's members may decide.
    [[nodiscard]] std::vector<std::string> offered(const Session& s, const std::string& forum) const;
    /// Drafts `measure` for `forum` ("" = alone) from its defaults.
    void choose(const Session& s, const std::string& measure, const std::string& forum);
    /// Who may carry out the drafted measure in `forum`: its deciders among the members, by name.
    [[nodiscard]] std::vector<std::string> possibleDoers(const Session& s, const std::string& forum) const;
    /// The command the "Agree" button submits (forum "" when deciding alone).
    [[nodiscard]] protocol::AgreeDecision command(const Session& s, const std::string& forum) const;
    /// Submits the command; the answer shows on the status line.
    bool submit(Session& s, const std::string& forum);
    /// The section's widgets, with `forum` the one chosen above (the decision is made there unless alone).
    void draw(Session& s, const std::string& forum);

private:
    void drawParams(const Session& s);
    void drawDoers(const Session& s, const std::string& forum);
};

/// Several actors chosen at once, as a TiB picks whom to invite: a search box, a button per group
/// of the region (all municipalities, all rescue services …) that ticks or unticks them all, and
/// a checkbox per actor in name order.
struct ActorPicker {
    std::vector<std::string> chosen;  ///< actor ids, in the order they were ticked
    std::string search;
    std::string draftedFor;  ///< what `chosen` was last filled in for (a forum, a run)
    /// Starts again from `defaults` when `key` differs from what the picker was filled in for.
    void fillFor(const std::string& key, std::vector<std::string> defaults);
    [[nodiscard]] bool has(const std::string& actor) const;
    void toggle(const std::string& actor, bool on);
    /// The widgets, `offered` the actors that may be ticked; the list scrolls within `height`.
    void draw(const Session& s, const char* id, const std::vector<std::string>& offered, float height = 150);
};

/// What the role may do, each action a Command; with what is being drafted for each.
struct ActionsPanel {
    int actsAs = 0;       ///< exercise control acts as: 0 = itself, k = the region's k-th actor
    int forumChoice = 0;  ///< among the activated forums
    int medium = 0;       ///< convene by 0 = telephone, 1 = a physical meeting
    int actorChoice = 0;  ///< the actor called in, released, made chair or contacted
    int alertTo = 0;      ///< the actor alerted or verified with
    int alertDuty = 0;    ///< which of its functions on call is alerted
    DecisionPanel decision;
    std::vector<ListDraft> drafts;
    std::optional<std::size_t> draftsFor;  ///< how many priority orders had been set when the drafts were made
    std::string message;
    std::string injectText;
    ActorPicker invite;     ///< whom a convening calls (the forum's usual members and its suggestion ticked)
    ActorPicker callIn;     ///< whom to call in to a running forum (its suggestion ticked, R9)
    ActorPicker injectTo;   ///< the recipients of exercise control's own inject
    void draw(Session& s);
    void drawAlerting(Session& s, const std::string& role, const std::vector<std::string>& actorIds);
};

/// Where the map lies on the screen: longitude scaled by the cosine of the county's middle
/// latitude, so that the county keeps its shape.
struct MapProjection {
    double lonMin = 0, latMax = 0;  ///< the map's top left corner, degrees
    double shrink = 1;              ///< cos(middle latitude)
    double scale = 1;               ///< pixels per degree of latitude
    ImVec2 topLeft;                 ///< where (lonMin, latMax) is drawn
    [[nodiscard]] ImVec2 toScreen(model::GeoPoint p) const;
    [[nodiscard]] model::GeoPoint toMap(ImVec2 p) const;
};

/// The county's municipalities coloured by how hard the hazards hit them, as the role knows it:
/// each municipality's border filled where the map has borders, else a disc at its seat.
struct MapPanel {
    bool truth = true;  ///< exercise control sees the truth first, and can switch to what is known
    // As drawn in the last frame (for hit tests and the GUI's tests).
    MapProjection projection;
    std::string hovered;          ///< the municipality under the mouse ("" = none)
    std::size_t filledAreas = 0;  ///< municipalities filled within their borders (0: discs drawn)
    std::size_t filledTriangles = 0;
    std::vector<std::string> labelled;  ///< the municipalities whose seat's name is written on the map
    std::vector<double> shownLevels;    ///< each service's level the map was coloured by (−1: unknown)
    void draw(const Session& s);

private:
    /// Fills and outlines the borders; returns each municipality's area on screen (pixels²).
    std::vector<float> drawBorders(const Session& s, const std::vector<double>& impacts, int hoveredArea);
    void drawDiscs(const Session& s, const std::vector<double>& impacts);
    void drawLabels(const Session& s, const std::vector<float>& screenAreas);
};

/// The after-action review: score, findings, metrics, exports of the report and the journal; and
/// the replay, stepping through the journal entry by entry.
/// Where an export is written by default: beside the journal, or, with no journal, in the folder
/// `samverkan` of the user's home (`home`); never the working folder. An absolute path.
std::string defaultExportFolder(const Session& s, const std::string& home);
/// The export's file in `folder`: scenario, role (or exercise control) and the wall-clock time
/// `when` (local, to the minute), then `suffix`, e.g. snowstorm-lansstyrelsen-20260114-0930-report.html.
std::string exportPath(const Session& s, const std::string& folder, std::time_t when, const std::string& suffix);

struct ReviewPanel {
    std::string exportFolder;       ///< where the exports go (the default until the user changes it)
    int index = 0;                  ///< the journal entry the replay stands at
    int shown = -1;                 ///< the entry `stepped` was forked at (-1 = none yet)
    std::size_t sourceEntries = 0;  ///< the journal's length when `stepped` was forked
    bool playing = false;
    double playClock = 0;  ///< real seconds since the replay last stepped on
    Session stepped;       ///< the run forked at the entry's time, for the forum board beside it
    int measuresBy = 0;    ///< the measures table shows 0 = every actor's, k = the k-th deciding actor's
    void draw(Session& s);

private:
    void drawReplay(Session& s);
    void drawMeasures(const Session& s);
};

void drawForumBoard(Session& s);
void drawInbox(Session& s);
void drawJournal(const Session& s);
void drawPicture(const Session& s);
/// Activations, decisions and injects on a time line (with the expected windows for exercise control).
void drawTimeline(const Session& s);
/// The help window (F1): the keyboard's shortcuts, and each panel with the rules it follows.
void drawHelp(const Session& s, bool* open);
/// A decision point for the role: pauses the clock in a modal with its options.
void drawDecisionModal(Session& s);

/// The top bar's line on who acts: the trainee's role, exercise control, or exercise control
/// acting by hand for a role ("Exercise control acting for SMHI").
std::string roleLine(const Session& s);

/// An actor's or forum's display name in the session's language.
std::string actorName(const Session& s, const std::string& id);
std::string forumName(const Session& s, const std::string& id);
/// The latest joint situational picture of a forum the role sits in (exercise control: any), or null.
const world::Picture* knownPicture(const Session& s);
/// Each service's level: the true one, or as the role knows it (−1 when unknown).
std::vector<double> knownLevels(const Session& s, bool truth);

}  // namespace samverkan::gui
