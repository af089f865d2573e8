#pragma once

#include "base/clock.h"
#include "base/event.h"
#include "sessionconfig.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace rpcscope::session {

// A setting changed while a simulated session runs: what the GUI's controls
// do live, what `simulate --change-at` scripts, and where a what-if fork
// departs from its original. A change at time t applies after every event
// at t, so a run with changes reproduces, event for event, a run without
// them up to and including t.
struct SettingChange
{
    core::TimePoint at{0};
    QString option; // as the command line names it: "timeout-ms"
    QString value;  // as the command line writes it: "400"

    friend bool operator==(const SettingChange &, const SettingChange &) = default;
};
using SettingChanges = std::vector<SettingChange>;

// Options that reach calls in flight in every kind of session, simulated
// or on real sockets: the emulator's and the retry policy's.
bool isNetworkOption(QStringView option);
bool isRetryOption(QStringView option);
// The trace event recording that `option` now has its value in `config`.
trace::Event paramChangeEvent(QStringView option, const SessionConfig &config, core::TimePoint now);

// Where a what-if fork departs from the session it was forked from: the
// parent's file name, the instant, and the settings it changed there.
struct ForkPoint
{
    QString parent;
    core::TimePoint at{0};
    std::vector<std::pair<QString, QString>> settings; // option, value

    friend bool operator==(const ForkPoint &, const ForkPoint &) = default;
};
using Lineage = std::vector<ForkPoint>; // oldest first

// Whether `option` can change while a simulated session runs, given the
// settings before and after. The rest (clients, calls, service, …) shape the
// session from its start and wait for the next one. The call rate is live
// only between two open-loop rates.
bool changesLive(QStringView option, const SessionConfig &before, const SessionConfig &after);

// "timeout-ms=400" → option and value; returns what is wrong, or empty.
QString parseSetting(const QString &text, QString &option, QString &value);
// Applies one side's settings of a comparison (--a or --b, named `flag`),
// each "OPTION=VALUE", to `config`; `applied` collects them as given. The
// scenario and the seed are shared by both sides and refused here. Returns
// what is wrong, naming the flag and the setting, or empty.
QString applyCompareSettings(const QStringList &texts, const QString &flag, SessionConfig &config,
                             QStringList *applied = nullptr);
// "400:backoff=full-jitter" (milliseconds, fractions allowed) → a change;
// returns what is wrong, or empty.
QString parseChangeAt(const QString &text, SettingChange &out);
// "400:backoff=full-jitter", as parseChangeAt reads it.
QString formatChange(const SettingChange &change);

// Checks `changes` against the session they would change: each option
// known, each value valid, each one an option that changes live, and the
// times in order. Returns what is wrong, naming the change, or empty.
QString checkChanges(const SessionConfig &start, const SettingChanges &changes);

// A what-if fork of a session that began with `start` and changed as
// `original` says: the same up to `at`, then `settings` too. The changes of
// the original at or before `at` are kept, those after it dropped.
SettingChanges forkChanges(const SettingChanges &original, core::TimePoint at,
                           const std::vector<std::pair<QString, QString>> &settings);
// The lineage of a fork of `parent` (whose own lineage is `original`) at
// `at`: the parent's fork points up to `at`, then this one. A fork point
// after `at` is dropped: the new fork departs before its parent did, so what
// it shares with the parent is the grandparent's run.
Lineage forkLineage(const Lineage &original, const QString &parent, core::TimePoint at,
                    const std::vector<std::pair<QString, QString>> &settings);

} // namespace rpcscope::session
