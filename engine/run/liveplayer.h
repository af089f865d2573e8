#pragma once

#include "livesession.h"
#include "player.h"
#include "remote/remotefeed.h"
#include "remote/remoteserver.h"
#include "remote/tracemerger.h"

#include <QSet>
#include <QTimer>

#include <memory>

namespace rpcscope::session {

// Plays a session on real sockets on loopback for the GUI: the same
// scenarios as the simulation, in real time (no stepping, no speed).
// Pausing stops new calls; network and retry changes reach calls in flight.
//
// With a remote server (remote classroom mode) the clients call it instead,
// and when it shares its trace, the trace shown is the clients' events and
// the server's merged on this machine's clock, a little behind real time
// (TraceMerger waits until both sides have reported).
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
    bool isPlaying() const override { return m_session && !m_paused && !isFinished(); }
    // With a trace feed, once the server's last events are in as well.
    bool isFinished() const override { return !m_session || (m_session->isFinished() && !m_feedOpen); }
    QString errorString() const override { return m_error; }

    void reset(const SessionConfig &config) override;
    void play() override;
    void pause() override;
    QString setOption(const QString &name, const QString &value, bool *live = nullptr) override;

    // Sessions from the next reset() on call `server`; nullopt: a server of
    // their own on loopback again.
    void setRemote(std::optional<remote::RemoteServer> server) { m_remote = std::move(server); }
    const std::optional<remote::RemoteServer> &remote() const { return m_remote; }
    // The remote server's trace feed, while one is read.
    const remote::RemoteFeed *feed() const { return m_feed.get(); }
    // Events that arrived after their time had been shown (a straggler from
    // a busy client thread, a server event beyond the clock estimate's
    // reach): placed at the time shown instead, so the trace stays in order.
    std::uint64_t lateEvents() const { return m_merger.late(); }
    // Why the feed could not even start, if it could not.
    QString feedError() const { return m_feedError; }
    // The session's clock, which its events' times count from; null before a session starts.
    const QElapsedTimer *sessionClock() const { return m_session ? &m_session->clock() : nullptr; }
    // Where the clients' sockets are bound: loopback, unless calling a remote server.
    QHostAddress clientBindAddress() const;

Q_SIGNALS:
    // Something about the remote server a person should know.
    void notice(const QString &message);

private:
    void tick();
    // Moves what the clients and the server's feed recorded into the merged trace.
    void merge();

    SessionConfig m_config;
    SessionConfig m_next;
    std::unique_ptr<LiveSession> m_session;
    trace::TraceLog m_empty; // shown when no session could start
    QTimer m_timer;
    QString m_error;
    bool m_paused = false;

    std::optional<remote::RemoteServer> m_remote;
    std::unique_ptr<remote::RemoteFeed> m_feed;
    trace::TraceLog m_merged;
    remote::TraceMerger m_merger{&m_merged};
    qsizetype m_localMerged = 0;       // the session's events already handed to the merger
    bool m_warming = false;  // the calls wait for the feed to know the server's clock
    QString m_feedError;
    QSet<QString> m_noticesSaid;
    bool m_feedOpen = false; // the feed is read; after the calls end, until the server's last events are in
    std::optional<core::TimePoint> m_endedAt; // when the calls ended
};

} // namespace rpcscope::session
