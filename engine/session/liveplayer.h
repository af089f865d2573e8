#pragma once

#include "livesession.h"
#include "player.h"

#include <QTimer>

#include <memory>

namespace rpcscope::session {

// Plays a session on real sockets on loopback for the GUI: the same
// scenarios as the simulation, in real time (no stepping, no speed).
// Pausing stops new calls; network and retry changes reach calls in flight.
class LivePlayer : public Player
{
    Q_OBJECT

public:
    explicit LivePlayer(QObject *parent = nullptr);
    ~LivePlayer() override;

    const trace::TraceLog &log() const override;
    QJsonObject serviceReport() const override;
    const SessionConfig &config() const override { return m_config; }
    core::TimePoint now() const override;
    bool isPlaying() const override { return m_session && !m_paused && !m_session->isFinished(); }
    bool isFinished() const override { return !m_session || m_session->isFinished(); }
    QString errorString() const override { return m_error; }

    void reset(const SessionConfig &config) override;
    void play() override;
    void pause() override;
    QString setOption(const QString &name, const QString &value, bool *live = nullptr) override;

private:
    void tick();

    SessionConfig m_config;
    SessionConfig m_next;
    std::unique_ptr<LiveSession> m_session;
    trace::TraceLog m_empty; // shown when no session could start
    QTimer m_timer;
    QString m_error;
    bool m_paused = false;
};

} // namespace rpcscope::session
