#pragma once

#include "player.h"
#include "run/simnetwork.h"
#include "session/sessionconfig.h"
#include "session/settingchange.h"
#include "trace/tracelog.h"

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

#include <memory>

namespace rpcscope::session {

// Plays a simulated session against the wall clock for the GUI: virtual time
// advances `speed` times as fast as real time (0.1 is slow motion for a
// class), and can be paused, stepped one event at a time, and reset. Options
// the engine can change mid-call (network, retry policy, handler time) apply
// at once and are recorded in the trace; the rest apply from the next reset.
// Lives on the GUI thread: the simulation is cheap enough per frame.
class SimulationPlayer : public Player
{
    Q_OBJECT

public:
    explicit SimulationPlayer(QObject *parent = nullptr);
    ~SimulationPlayer() override;

    const trace::TraceLog &log() const override { return m_log; }
    QJsonObject serviceReport() const override;
    const SessionConfig &config() const override { return m_config; }
    core::TimePoint now() const override;
    bool isPlaying() const override { return m_timer.isActive(); }
    bool isFinished() const override;

    // Starts over with `config` (a new trace), paused or playing as before.
    void reset(const SessionConfig &config) override;
    // The same, and `changes` apply at their times as playback reaches them
    // (a what-if fork, a capture's live changes run again).
    void reset(const SessionConfig &config, const SettingChanges &changes);
    // What the session started with, and every change made since, scripted
    // or from setOption(), in order: with the seed, enough to run it again.
    const SessionConfig &startConfig() const { return m_start; }
    const SettingChanges &changes() const { return m_changes; }
    void play() override;
    void pause() override;

    bool hasVirtualTime() const override { return true; }
    // Processes the next event and pauses.
    void step() override;
    // Runs to `time` (never back), the scripted changes due on the way
    // included: for a view that drives several sessions from one clock.
    void runTo(core::TimePoint time);
    // When the next thing happens: the next event, or a scripted change due
    // first; none when the session is over.
    std::optional<core::TimePoint> nextEventTime() const;
    double speed() const override { return m_speed; }
    void setSpeed(double speed) override;

    QString setOption(const QString &name, const QString &value, bool *live = nullptr) override;

private:
    void tick();
    // Runs to `target`, applying the scripted changes due on the way.
    void advanceTo(core::TimePoint target);

    SessionConfig m_start;    // what the running session started with
    SessionConfig m_config;   // what the running session uses, live changes included
    SessionConfig m_next;     // what the next reset uses
    SettingChanges m_changes; // made so far, in order
    SettingChanges m_script;  // to make as playback reaches them
    std::size_t m_scriptNext = 0;
    trace::TraceLog m_log;
    std::unique_ptr<session::SimNetwork> m_sim;
    QTimer m_timer;
    QElapsedTimer m_wall;
    double m_speed = 0.25;
    double m_virtualCarry = 0; // fractions of a microsecond between frames
};

} // namespace rpcscope::session
