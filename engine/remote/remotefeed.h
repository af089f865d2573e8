#pragma once

#include "base/event.h"
#include "clockoffset.h"
#include "remoteserver.h"

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QTimer>

#include <memory>
#include <optional>
#include <vector>

namespace rpcscope::rpc {
class RpcClient;
}

namespace rpcscope::remote {

class PullReply;

// Reads a remote server's trace (TraceFeed, tracefeed.proto) while a
// session's clients call it: pulls what the server recorded every
// kPollInterval, estimates the server's clock against ours from each pull's
// round trip (ClockOffset), and hands out the server's events on our clock
// and with our clients' host ids. Events about other clients of the same
// server (another student's GUI) are left out and counted.
//
// Lives on the thread that owns it (the GUI's); its RpcClient has its own
// engine thread, and replies come back to the owner's through its event
// loop.
class RemoteFeed : public QObject
{
    Q_OBJECT

public:
    static constexpr int kPollIntervalMs = 100;
    static constexpr std::uint32_t kEventsPerPull = 2048; // a full answer means more is waiting
    // Round trips taken back to back at the start, before the first poll
    // interval: enough that the fastest of them bounds the clocks' offset
    // tightly before there is anything to draw.
    static constexpr std::uint64_t kWarmupSamples = 8;
    // A server stamps a batch of datagrams with one reading of its clock and
    // records their events as it works through them: that long after its
    // clock read, an event stamped before it may still be on its way in.
    static constexpr core::Duration kServerSlack{20'000};

    // `clock` is the session's: event times and our side of the round trips.
    RemoteFeed(RemoteServer server, const QElapsedTimer *clock, QObject *parent = nullptr);
    ~RemoteFeed() override;

    // Starts pulling. False, and why, if the feed's socket could not be set up.
    bool start(QString *error);
    void stop();

    // One of our clients: the port it calls from and its host id in our trace.
    void addClient(quint16 localPort, core::HostId host);
    // Our clients have started calling: from now on, none of the server's
    // events may be skipped as history.
    void setCallsStarted() { m_callsStarted = true; }

    // The server's events that arrived since the last take, on our clock,
    // oldest first.
    std::vector<trace::Event> take();
    // Our time up to which the server's events have all arrived: the server's
    // clock at its last answer, on ours. Empty before the first answer.
    std::optional<core::TimePoint> complete() const { return m_complete; }
    // Our clock's time of the last answer, for noticing a feed gone quiet.
    std::optional<core::TimePoint> lastAnswer() const { return m_lastAnswer; }

    const ClockOffset &clock() const { return m_clock; }
    // The clock is estimated from kWarmupSamples round trips.
    bool isWarm() const { return m_clock.samples() >= kWarmupSamples; }

    struct Stats
    {
        std::uint64_t pulls = 0;
        std::uint64_t failedPulls = 0;
        std::uint64_t events = 0;       // handed out
        std::uint64_t otherClients = 0; // about another client of the server: left out
        std::uint64_t missed = 0;       // overwritten on the server before they were read
        std::uint64_t restarts = 0;     // the server came back with a new epoch
        // The widest bound of the clock estimates events were placed by: each
        // event is within this of where a perfect clock would have put it.
        core::Duration widestBound{0};
    };
    const Stats &stats() const { return m_stats; }
    // Why the last pull failed, if it did; empty once one succeeds again.
    QString lastError() const { return m_lastError; }

Q_SIGNALS:
    // Something a person should know: the key was refused, the server restarted.
    void notice(const QString &message);

private:
    void pull();
    void onReply(core::TimePoint sent, core::TimePoint received, bool retransmitted, const PullReply &reply);
    void onFailure(const QString &message);
    core::TimePoint now() const { return core::TimePoint(m_sessionClock->nsecsElapsed() / 1000); }
    // Our host id for the server's, if it is one of ours (the server is 0 on both).
    std::optional<core::HostId> ourHost(core::HostId serverHost) const;
    bool isOurAddress(const QHostAddress &address) const;

    RemoteServer m_server;
    const QElapsedTimer *m_sessionClock;
    std::unique_ptr<rpc::RpcClient> m_client;
    QTimer m_poll;
    bool m_pulling = false;
    bool m_stopped = false;
    bool m_callsStarted = false;

    QList<QHostAddress> m_ourAddresses;
    QHash<quint16, core::HostId> m_ourPorts;         // local port -> our host id
    QHash<core::HostId, core::HostId> m_hostMap;     // the server's host id -> ours
    std::uint64_t m_next = 0;                        // sequence to pull from
    std::optional<std::uint32_t> m_epoch;
    ClockOffset m_clock;
    std::vector<trace::Event> m_arrived;
    std::optional<core::TimePoint> m_complete;
    std::optional<core::TimePoint> m_lastAnswer;
    Stats m_stats;
    QString m_lastError;
};

} // namespace rpcscope::remote
