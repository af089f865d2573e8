#pragma once

#include "base/event.h"
#include "core/clientcore.h"
#include "net/wiretap.h"
#include "netem/netem.h"
#include "reply.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHostAddress>
#include <QObject>
#include <QThread>

#include <memory>

namespace rpcscope::rpc {

struct ClientOptions
{
    QHostAddress serverAddress = QHostAddress(QHostAddress::LocalHost);
    quint16 serverPort = 0;
    // Where this end binds; by default the loopback address of the server's family.
    std::optional<QHostAddress> bindAddress;
    core::RetryConfig retry;
    int window = 64;
    core::AckMode ackMode = core::AckMode::Implicit;
    // The server runs this client's calls one at a time in call-id order;
    // flush() waits for every call made so far.
    bool ordered = false;
    wire::ChecksumKind checksum = wire::ChecksumKind::Crc32c;
    core::Duration pollInterval{0};
    qsizetype maxDatagram = wire::kDefaultMaxDatagram; // larger requests go in fragments
    qsizetype maxMessageBytes = core::kDefaultMaxMessageBytes; // the largest reply accepted
    netem::NetemConfig netem = netem::passThrough(); // applied to what this client sends
    std::vector<netem::ScriptedFault> faults;
    // Not empty: DTLS 1.2 with this pre-shared key; peers without it get
    // nothing (and are named in notice()).
    QByteArray key;
    // Sees every datagram this end writes and each its emulator drops
    // (plain UDP; with a key, DTLS's records are not shown).
    net::WireTap wireTap;
    std::uint64_t seed = 0;      // 0: random
    core::HostId host = 1;       // this client's host id in the trace
    trace::EventSink *trace = nullptr;    // must accept events from the engine thread
    const QElapsedTimer *clock = nullptr; // a session clock shared with a server; null: own
};

// Calls procedures on an RpcScope server over UDP. Usable from any thread:
// the protocol runs on the client's own engine thread, and results come back
// through QFuture (continuations run on that thread). A blocking call made
// while the client is otherwise idle runs the protocol on the caller's own
// thread instead, with no hand-off between threads (not with DTLS or a
// trace, whose clients listen on the engine thread even when idle). Every call ends — with the result, or with an error
// (deadline, attempts, the server's refusal, a restart, cancellation).
class RpcClient : public QObject
{
    Q_OBJECT

public:
    explicit RpcClient(ClientOptions options, QObject *parent = nullptr);
    ~RpcClient() override;

    // Starts the engine thread and binds the socket. False (and why) on failure.
    bool start(QString *error = nullptr);
    // Ends every call still open with CallError::Cancelled and stops the thread.
    void stop();
    bool isRunning() const;

    QFuture<Reply> call(const QString &method, const QByteArray &args, CallOptions options = {});
    // Waits for the reply. Never call it from a continuation running on the
    // engine thread (it would wait for itself). When no other call is open
    // it sends, waits and reads on this thread, as fast as a plain socket.
    Reply callBlocking(const QString &method, const QByteArray &args, CallOptions options = {});
    // Finishes once every call made before it has ended, after their own
    // futures (the homework's "wait for all outstanding messages"); at once
    // if none is open. Calls made later do not hold it up.
    QFuture<void> flush();

    // Live changes, applied to calls in flight.
    void setRetry(const core::RetryConfig &retry);
    void setNetem(const netem::NetemConfig &netem);

    quint16 localPort() const;
    std::uint32_t clientId() const;
    // Blocking calls that ran on their caller's thread: those made while no
    // other call was open, on a client without DTLS or a trace.
    std::uint64_t callsOnCallersThread() const;

Q_SIGNALS:
    // From the engine thread: a peer refused (with the reason: no key, a
    // different key), a DTLS session established.
    void notice(const QString &message);

private:
    class Engine;
    ClientOptions m_options;
    QElapsedTimer m_ownClock;
    QThread m_thread;
    Engine *m_engine = nullptr; // lives in m_thread
    std::uint32_t m_clientId = 0;
};

} // namespace rpcscope::rpc
