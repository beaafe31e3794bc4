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
/// The after-action review: score, findings, metrics, and exports of the report and the journal.
void drawReview(Session& s);
/// A decision point for the role: pauses the clock in a modal with its options.
void drawDecisionModal(Session& s);

/// An actor's or forum's display name in the session's language.
std::string actorName(const Session& s, const std::string& id);
std::string forumName(const Session& s, const std::string& id);

}  // namespace samverkan::gui
