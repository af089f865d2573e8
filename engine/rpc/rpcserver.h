#pragma once

#include "base/event.h"
#include "core/servercore.h"
#include "net/wiretap.h"
#include "netem/netem.h"
#include "rpc/service.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QThread>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>

namespace rpcscope::rpc {

struct ServerOptions
{
    QHostAddress bindAddress = QHostAddress(QHostAddress::LocalHost); // anything else only when asked
    quint16 port = 0;                 // 0: any free port
    core::AckMode ackMode = core::AckMode::Implicit;
    core::Duration ackDelay{100'000};
    wire::ChecksumKind checksum = wire::ChecksumKind::Crc32c;
    core::ServerLimits limits;
    qsizetype maxDatagram = wire::kDefaultMaxDatagram; // larger replies go in fragments
    netem::NetemConfig netem = netem::passThrough(); // applied to what the server sends
    std::vector<netem::ScriptedFault> faults;
    // When limits.maxClients addresses are remembered, one silent this long
    // makes room for a new client.
    core::Duration peerIdle{60'000'000};
    // Source ports one address may hold places with, among the senders the
    // server learns as they write (not those named with nameClient): a host
    // sending from thousands of ports cannot fill the table. A class behind
    // one NAT address of more than 64 may need it raised.
    int maxPeersPerAddress = 64;
    // Answers waiting out an emulated delay (netem), in bytes; past it they
    // are dropped and counted (ServerCounters::sendsDropped).
    qsizetype maxDelayedBytes = 16 * 1024 * 1024;
    // Raw echoes (wire/rawecho.h) answered in any one second; 0 answers none.
    int maxRawEchoesPerSecond = 20'000;
    // Not empty: DTLS 1.2 with this pre-shared key; peers without it get
    // nothing (and are named in notice()).
    QByteArray key;
    // Sees every datagram this end writes and each its emulator drops
    // (plain UDP; with a key, DTLS's records are not shown).
    net::WireTap wireTap;
    std::uint64_t seed = 0;           // 0: random
    std::uint32_t epoch = 0;          // 0: chosen at start, different every time
    // Threads running handlers that may block (rpc::HandlerKind).
    // 0 runs every handler on the network thread itself, however long it
    // takes: only for handlers known never to block, since duplicates and
    // other clients wait while one runs.
    int handlerThreads = 4;
    // A handler of HandlerKind::Measured that returned within this runs on
    // the network thread (no hand-off, the fastest call); a run longer sends
    // its method to the pool, where a hand-off costs little beside it.
    core::Duration inlineBudget{100};
    trace::EventSink *trace = nullptr;    // must accept events from the engine thread
    const QElapsedTimer *clock = nullptr; // a session clock shared with clients; null: own
};

// A client the server has heard from, as its trace names it: the host id
// in its events (from, to, client) and the address and port it wrote from.
struct PeerAddress
{
    core::HostId host = 0;
    QHostAddress address;
    quint16 port = 0;
};

// What a server has read and what it held at most, to compare with its
// ServerLimits (the flood test and benchmark read it).
struct ServerCounters
{
    std::uint64_t datagrams = 0;        // read from the socket
    std::uint64_t accepted = 0;         // RpcScope datagrams the protocol acted on
    std::uint64_t damaged = 0;          // failed their checksum
    std::uint64_t malformed = 0;        // not RpcScope datagrams, or nonsense to the protocol
    std::uint64_t fromUnknownPeers = 0; // dropped: no room to remember their sender
    std::uint64_t peersForgotten = 0;   // idle senders that made room for new ones
    std::uint64_t overAddressLimit = 0; // dropped: their address already had its share of ports
    std::uint64_t sendsDropped = 0;     // answers dropped because the delayed-send queue was full
    // Raw echoes (rpcscope-cli bench's floor), beside the protocol: answered,
    // and not answered because more came in a second than the cap allows.
    std::uint64_t rawEchoes = 0;
    std::uint64_t rawEchoesOverRate = 0;
    std::uint64_t handlersInline = 0;   // handler runs on the network thread
    std::uint64_t handlersPooled = 0;   // handler runs on the pool
    int peers = 0;                      // senders remembered now
    // With a key (DTLS): sessions established, peers refused (no key or
    // another key), and records dropped as damaged, forged or replayed.
    std::uint64_t dtlsSessions = 0;
    std::uint64_t dtlsRefused = 0;
    std::uint64_t dtlsDropped = 0;
    // Peaks over the server's life.
    int peakPeers = 0;
    int peakInProgress = 0;
    int peakPartialMessages = 0;
    qsizetype peakPartialBytes = 0;
    std::int64_t peakCacheBytes = 0;
    qsizetype peakCacheClients = 0;     // with calls or answers in the cache: what maxClients limits
    qsizetype peakIdleClients = 0;      // remembered by their sequence marks alone
    qsizetype peakDelayedBytes = 0;     // waiting out an emulated delay (--delay-ms)
    // Held back from addresses that had not echoed their token.
    core::AmplificationStats amplification;
};

// Serves procedures over UDP with at-most-once semantics. The protocol runs
// on the server's engine thread. A handler that is quick runs right there,
// on the thread that read its request, as Birrell & Nelson's servers did;
// one that may block runs on a thread pool, so it never holds up the
// network (duplicates keep being answered). See rpc::HandlerKind for
// how the server tells them apart.
class RpcServer : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<rpc::HandlerResult(const QByteArray &args)>;

    explicit RpcServer(ServerOptions options, QObject *parent = nullptr);
    ~RpcServer() override;

    // Register before start(). A named handler wins over the service.
    void registerHandler(const QString &method, Handler handler,
                         rpc::HandlerKind kind = rpc::HandlerKind::Measured);
    // Where `method`'s handler runs, for handlers registered by generated
    // code (registerOn) and services that do not say. Before start().
    void setHandlerKind(const QString &method, rpc::HandlerKind kind);
    void setService(std::shared_ptr<rpc::Service> service);

    bool start(QString *error = nullptr);
    // Stops answering; waits for running handlers to return.
    void stop();
    bool isRunning() const { return m_engine != nullptr; }

    QHostAddress address() const { return m_address; }
    quint16 port() const { return m_port; }
    std::uint32_t epoch() const { return m_epoch; }
    std::uint64_t executions() const { return m_executions.load(); }
    // A snapshot, from any thread; after stop(), the last one.
    ServerCounters counters() const;

    // Gives a client's address a fixed trace host id (live sessions in one
    // process number their hosts the same on both ends). Call after start().
    void nameClient(const QHostAddress &address, quint16 port, core::HostId host);
    // The clients remembered now, by host id: who the host ids in this
    // server's trace are. Empty when the server is not running. Any thread,
    // the handler threads of another server among them (TraceFeed serves
    // it); the server must not be stopped while a call is under way.
    QList<PeerAddress> peers() const;
    void setNetem(const netem::NetemConfig &netem);

Q_SIGNALS:
    // From the engine thread: a peer refused (with the reason: no key, a
    // different key), a DTLS session established.
    void notice(const QString &message);

private:
    class Engine;
    class NetworkThread;
    ServerOptions m_options;
    QElapsedTimer m_ownClock;
    std::unique_ptr<NetworkThread> m_thread;
    QThreadPool m_pool;
    Engine *m_engine = nullptr;
    QHash<QString, Handler> m_handlers;
    QHash<QString, rpc::HandlerKind> m_kinds;
    std::shared_ptr<rpc::Service> m_service;
    std::atomic<std::uint64_t> m_executions{0};
    ServerCounters m_finalCounters;
    QHostAddress m_address;
    quint16 m_port = 0;
    std::uint32_t m_epoch = 0;
};

} // namespace rpcscope::rpc
