#pragma once

#include "capture/capturereader.h"
#include "player.h"
#include "session/sessionconfig.h"
#include "trace/tracelog.h"

#include <QElapsedTimer>
#include <QTimer>

#include <vector>

namespace rpcscope::session {

// Plays a capture back. Opening shows the whole session at once; play starts
// it over from the beginning at any speed, and step and seek move through it
// event by event. A capture's settings are what they were: to change one,
// run the session again.
class ReplayPlayer : public Player
{
    Q_OBJECT

public:
    explicit ReplayPlayer(QObject *parent = nullptr);

    // Reads `path`. False (with `error`) if it is not a capture; a damaged or
    // truncated one loads up to the damage and `warning` says where and why.
    bool open(const QString &path, QString *error, QString *warning);
    const capture::LoadedCapture &capture() const { return m_capture; }
    // The summary of the session that made the capture.
    Summary summary() const;

    const trace::TraceLog &log() const override { return m_log; }
    const SessionConfig &config() const override { return m_capture.config; }
    core::TimePoint now() const override { return m_now; }
    bool isPlaying() const override { return m_timer.isActive(); }
    bool isFinished() const override { return m_next >= qsizetype(m_events.size()); }
    QJsonObject serviceReport() const override;

    // Starts over from the beginning (the capture's own settings stay).
    void reset(const SessionConfig &config) override;
    void play() override;
    void pause() override;
    bool hasVirtualTime() const override { return true; }
    void step() override;
    double speed() const override { return m_speed; }
    void setSpeed(double speed) override;
    // Shows the session up to `time`.
    void seek(core::TimePoint time);

    QString setOption(const QString &name, const QString &value, bool *live = nullptr) override;

private:
    void tick();
    void showUntil(core::TimePoint time);

    capture::LoadedCapture m_capture;
    std::vector<trace::Event> m_events; // the whole capture
    trace::TraceLog m_log;              // what is shown: the events up to now
    qsizetype m_next = 0;               // the first event not shown
    core::TimePoint m_now{0};
    QTimer m_timer;
    QElapsedTimer m_wall;
    double m_speed = 1.0;
    double m_carry = 0;
};

} // namespace rpcscope::session
