#pragma once

#include "sessionconfig.h"

#include <QAnyStringView>
#include <QString>
#include <QStringList>

#include <span>

namespace rpcscope::session {

// A preset that tells one story: it sets the config a scenario needs
// (scripted drops for the chapter's figures, loss for the statistics ones).
// Options given explicitly are applied after it and win.
struct Scenario
{
    QString name;        // what --scenario takes
    const char *title;       // for menus (untranslated; see displayTitle)
    const char *description; // one paragraph for a person
    void (*apply)(SessionConfig &config);
    // For a class: what the scenario shows, and questions to put to the
    // class while it runs (one per line).
    const char *goal;
    const char *questions;

    QString displayTitle() const;       // translated
    QString displayDescription() const; // translated
    QString displayGoal() const;        // translated
    QStringList displayQuestions() const; // translated
};

std::span<const Scenario> scenarios();
const Scenario *findScenario(QStringView name);
// Default settings with scenario `name`'s preset applied, and named after it;
// the defaults alone if there is no such scenario.
SessionConfig scenarioConfig(QAnyStringView name);

} // namespace rpcscope::session
