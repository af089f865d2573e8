#pragma once

#include "net/simnetwork.h"
#include "sessionconfig.h"
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
class SimulationPlayer : public QObject
{
    Q_OBJECT

public:
    explicit SimulationPlayer(QObject *parent = nullptr);
    ~SimulationPlayer() override;

    const trace::TraceLog &log() const { return m_log; }
    const SessionConfig &config() const { return m_config; }
    core::TimePoint now() const;
    bool isPlaying() const { return m_timer.isActive(); }
    bool isFinished() const;
    double speed() const { return m_speed; }

    // Starts over with `config` (a new trace), paused or playing as before.
    void reset(const SessionConfig &config);
    void play();
    void pause();
    // Processes the next event and pauses.
    void step();
    void setSpeed(double speed);

    // Sets one option by its CLI name. Returns an empty string on success or
    // the reason the value was refused. `live` tells whether it applied to the
    // running session (true) or waits for the next reset (false).
    QString setOption(const QString &name, const QString &value, bool *live = nullptr);

Q_SIGNALS:
    // The trace grew or the clock moved; at most once per frame.
    void advanced();
    void stateChanged();

private:
    void tick();
    void recordChange(const QString &name);

    SessionConfig m_config;   // what the running session uses, live changes included
    SessionConfig m_next;     // what the next reset uses
    trace::TraceLog m_log;
    std::unique_ptr<net::SimNetwork> m_sim;
    QTimer m_timer;
    QElapsedTimer m_wall;
    double m_speed = 0.25;
    double m_virtualCarry = 0; // fractions of a microsecond between frames
};

} // namespace rpcscope::session
