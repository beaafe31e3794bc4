#pragma once
// The panels of the trainee console; one per file. Each draws from the Session every frame.

#include <string>
#include <vector>

#include "gui/app/Session.hpp"

namespace samverkan::gui {

/// The start screen: scenario, play, language, mode and role. Returns true when "Start" is pressed.
bool drawStartScreen(Session& s, const std::vector<std::string>& shipped);
void drawTopBar(Session& s);
void drawForumBoard(Session& s);
void drawInbox(Session& s);
void drawActions(Session& s);
void drawJournal(const Session& s);
void drawPicture(const Session& s);
/// The county's municipalities coloured by how hard the hazards hit them, as the role knows it.
void drawMap(const Session& s);
/// Activations, decisions and injects on a time line (with the expected windows for exercise control).
void drawTimeline(const Session& s);
/// The after-action review: score, findings, metrics, and exports of the report and the journal.
void drawReview(Session& s);
/// A decision point for the role: pauses the clock in a modal with its options.
void drawDecisionModal(Session& s);

/// An actor's or forum's display name in the session's language.
std::string actorName(const Session& s, const std::string& id);
std::string forumName(const Session& s, const std::string& id);
/// The latest joint situational picture of a forum the role sits in (exercise control: any), or null.
const world::Picture* knownPicture(const Session& s);
/// Each service's level: the true one, or as the role knows it (−1 when unknown).
std::vector<double> knownLevels(const Session& s, bool truth);

}  // namespace samverkan::gui
