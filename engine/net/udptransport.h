#pragma once

#include "base/clock.h"
#include "base/event.h"
#include "drivencore.h"
#include "dtlschannel.h"
#include "netem/netem.h"
#include "wiretap.h"

#include <QElapsedTimer>
#include "datagramsocket.h"

#include <QHostAddress>
#include <QObject>
#include <QTimer>

#include <deque>
#include <memory>
#include <optional>
#include <queue>
#include <unordered_map>
#include <vector>

class QSocketNotifier;
class QUdpSocket;

namespace rpcscope::net {

struct TransportOptions
{
    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 bindPort = 0;            // 0: any free port
    core::HostId self = 0;           // this end's host id in the trace
    bool acceptNewPeers = false;     // a server learns clients as they write; a client only talks to its server
    int maxPeers = 4096;             // peers remembered; datagrams from more are dropped
    // Peers one address may be (one per source port), so a single host
    // sending from thousands of ports cannot fill the table.
    int maxPeersPerAddress = 64;
    // Bytes waiting out the emulated delay; past it a send is dropped and
    // counted, so a flood of duplicates cannot grow the queue without bound.
    qsizetype maxDelayedBytes = 16 * 1024 * 1024;
    // When the table is full, a peer silent this long gives its place to a
    // new one. Forgetting a peer costs nothing but its address: the core
    // keeps its state by client id, so a peer that writes again is simply
    // learnt again.
    core::Duration peerIdle{60'000'000};
    netem::NetemConfig netem;        // applied to everything this end sends
    std::vector<netem::ScriptedFault> faults;
    std::uint64_t seed = 1;
    // Datagrams read with one system call (recvmmsg), each in a buffer of
    // the largest UDP datagram: a server under load reads many per wake-up.
    int readBatch = 8;
    // The socket's receive buffer asked of the system (DatagramSocket::setReceiveBuffer).
    int receiveBuffer = 1 << 20;
    // Not empty: DTLS with this pre-shared key (DtlsChannel); peers without
    // it get nothing.
    QByteArray key;
    // Sees every datagram this end writes (plain UDP only) and each its
    // emulator drops before writing it.
    WireTap wireTap;
    // A server: answer raw echoes (wire/rawecho.h) at once, in plain UDP
    // even beside DTLS (they carry nothing but what they brought and the
    // wire version), at most maxEchoesPerSecond of them. The answers pass
    // through the emulator like every datagram this end sends, so the
    // round trip they measure is that of the network the calls see. They
    // are counted, not traced: they belong to no peer and no call.
    bool answerEcho = false;
    int maxEchoesPerSecond = 20'000;
};

// Drives one sans-IO core over one UDP socket: every datagram waiting on
// the socket is read and handed to the core, what the core wants sent
// passes through the emulator (which may drop, delay, duplicate or damage
// it) and out, and the next wake-up is always the earlier of the core's next
// deadline and the next delayed send.
//
// Two ways to drive it, never at once: the event loop of the thread it
// lives in (setListening(true): a socket notifier and a timer call it), or
// any one thread at a time calling process() and waitForWork() in a loop
// while listening is off — a blocking call's own thread, so that a call
// costs no hand-off between threads. The owner calls wake() after feeding
// the core from outside (a new call, a finished handler).
class UdpTransport : public QObject
{
    Q_OBJECT

public:
    UdpTransport(DrivenCore *core, trace::EventSink *sink, const QElapsedTimer *clock,
                 TransportOptions options, QObject *parent = nullptr);
    ~UdpTransport() override;

    // Binds the socket, in the thread the transport lives in; on failure
    // returns false and says why. Listening starts off.
    bool bind(QString *error);
    QHostAddress localAddress() const { return m_socket.localAddress(); }
    quint16 localPort() const { return m_socket.localPort(); }

    // In the transport's own thread: whether its event loop drives it.
    void setListening(bool on);
    bool isListening() const { return m_listening; }
    // Whether process()/waitForWork() may drive it from another thread
    // (not with DTLS, whose sessions keep timers in this thread's loop).
    bool canBeDrivenFromAnyThread() const;
    // One round of what a wake-up does: reads and answers every datagram
    // waiting (unless the wake-up said nothing can be), sends what the
    // emulator held until now, runs the core's due timers.
    void process(bool readable = true);
    // Sleeps until a datagram waits, `wakeFd` is signalled, or the next
    // timer or delayed send is due.
    DatagramSocket::Ready waitForWork(qintptr wakeFd);
    // Delayed sends still waiting in the emulator.
    bool hasDelayedSends() const { return !m_delayed.empty(); }

    // Names a peer; a client adds its server as host 0. Returns its host id.
    core::HostId addPeer(const QHostAddress &address, quint16 port, core::HostId id);

    void setNetem(const netem::NetemConfig &config) { m_netem.setConfig(config); }
    core::TimePoint now() const { return core::TimePoint(m_clock->nsecsElapsed() / 1000); }

    // Sends what the core has queued (and re-arms the timer when listening).
    void wake();
    // Closes the socket and stops the timer: nothing more in or out.
    void close();

    struct Stats
    {
        std::uint64_t received = 0, sent = 0, fromUnknownPeers = 0, sendErrors = 0;
        std::uint64_t peersForgotten = 0; // made room for new ones after peerIdle
        std::uint64_t awaitingHandshake = 0; // not sent: no DTLS session yet and too many waiting (the core resends)
        std::uint64_t overAddressLimit = 0;  // not heard: the sender's address already has maxPeersPerAddress ports
        std::uint64_t delayedDropped = 0;    // not sent: the delayed-send queue was at maxDelayedBytes
        qsizetype peakDelayedBytes = 0;
        std::uint64_t echoesAnswered = 0; // raw echoes sent back (after the emulator)
        std::uint64_t echoesOverRate = 0; // raw echoes not answered: over maxEchoesPerSecond
    };
    const Stats &stats() const { return m_stats; }
    int peerCount() const { return int(m_peerIds.size()); }

    // A peer remembered now: who a host id in the trace is.
    struct KnownPeer
    {
        core::HostId host = 0;
        QHostAddress address;
        quint16 port = 0;
    };
    // Every peer remembered now, by host id. An id forgotten after
    // peerIdle is missing, and may later name another address.
    std::vector<KnownPeer> peers() const;

    // The DTLS layer, when a key was given.
    const DtlsChannel *dtls() const { return m_dtls.get(); }
    // A client with a key: handshake with peer `id` now rather than at the first send.
    void secure(core::HostId id);

Q_SIGNALS:
    void socketError(const QString &message);
    // Who was refused and why, sessions established: for a server's log.
    void notice(const QString &message);

private:
    struct Peer
    {
        Endpoint endpoint; // port 0: an unused id
        core::TimePoint lastHeard{};
    };
    // Who sent a datagram: a remembered peer, or the id a new one would get.
    struct Sender
    {
        core::HostId id = 0;
        bool known = false;
    };
    struct Delayed
    {
        core::TimePoint at;
        std::uint64_t seq;
        core::HostId to;
        QByteArray bytes;
        // Port 0: a protocol datagram for peer `to`. Otherwise a raw echo's
        // answer, in plain UDP to this address, which need be no peer.
        Endpoint echoTo;
        bool operator>(const Delayed &o) const { return at != o.at ? at > o.at : seq > o.seq; }
    };

    void readPending(core::TimePoint now);
    void receiveOne(QByteArrayView datagram, const Endpoint &from, core::TimePoint now);
    void answerEcho(QByteArrayView request, const Endpoint &from, core::TimePoint now);
    void sendEchoAnswer(const QByteArray &answer, const Endpoint &to);
    bool delay(netem::Delivery &delivery, core::HostId to, const Endpoint &echoTo);
    void onReadable();
    void onTimer();
    void runDueTimers(core::TimePoint now);
    void socketFailed(const SocketFailure &failure, core::TimePoint now, core::HostId to,
                      const QByteArray &bytes);
    std::optional<core::TimePoint> nextDue() const;
    void flushCore(core::TimePoint now);
    void drainCore(core::TimePoint now);
    void sendDue(core::TimePoint now);
    void write(core::HostId to, const QByteArray &bytes, core::TimePoint now);
    // Hands a datagram written, or dropped by the emulator, to the wire tap.
    void tap(core::TimePoint now, const Endpoint &to, QByteArrayView bytes, bool lost);
    void flushOutbox(core::TimePoint now);
    void rearm(core::TimePoint now);
    std::optional<Sender> senderOf(const Endpoint &from, core::TimePoint now);
    void remember(const Endpoint &endpoint, core::HostId id);
    void forgetIdlePeers(core::TimePoint now);
    void uncountAddress(const Endpoint &endpoint);
    void record(trace::EventKind kind, core::TimePoint now, core::HostId from, core::HostId to,
                const QByteArray &bytes, std::uint32_t detail = 0);

    DrivenCore *m_core;
    trace::EventSink *m_sink;
    const QElapsedTimer *m_clock;
    TransportOptions m_options;
    DatagramSocket m_socket;
    DatagramSocket::Batch m_batch;
    QSocketNotifier *m_notifier = nullptr; // in this object's thread, once it listens
    bool m_listening = false;
    // With DTLS: a QUdpSocket on a copy of the socket's descriptor, for
    // QDtls to write through. Reads stay with m_socket.
    QUdpSocket *m_dtlsSocket = nullptr;
    QTimer m_timer;
    netem::Netem m_netem;
    std::vector<Peer> m_peers;                 // by host id; empty address: unused id
    std::unordered_map<Endpoint, core::HostId, EndpointHash> m_peerIds;
    std::unordered_map<Endpoint, int, EndpointHash> m_peersPerAddress; // by address alone (port 0)
    core::HostId m_nextPeerId = 1;
    std::deque<core::HostId> m_freeIds;        // of forgotten peers, longest free first
    core::TimePoint m_nextForget{};            // no remembered peer is idle before this
    std::priority_queue<Delayed, std::vector<Delayed>, std::greater<>> m_delayed;
    qsizetype m_delayedBytes = 0;
    std::uint64_t m_seq = 0;
    std::vector<netem::Delivery> m_deliveries; // scratch
    // What write() queued in this round, sent together by flushOutbox().
    struct Outgoing
    {
        core::HostId to;
        Endpoint endpoint; // as it was when queued: the peer may be forgotten before the flush
        QByteArray bytes;
    };
    std::vector<Outgoing> m_outbox;
    std::vector<DatagramSocket::Outgoing> m_outboxViews; // scratch
    Stats m_stats;
    core::TimePoint m_echoSecond{0}; // the second the echo count is for
    int m_echoesThisSecond = 0;
    std::unique_ptr<DtlsChannel> m_dtls;
};

} // namespace rpcscope::net
