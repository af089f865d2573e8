#pragma once

#include "base/sharedsink.h"
#include "core/retrypolicy.h"
#include "net/wiretap.h"
#include "netem/netemconfig.h"
#include "remote/remoteserver.h"
#include "session/sessionconfig.h"
#include "session/summary.h"
#include "trace/tracelog.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QSemaphore>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <vector>

namespace rpcscope::rpc {
class RpcClient;
class RpcServer;
class Service;
}

namespace rpcscope::session {

// A session on real sockets on loopback: an RpcServer and config.clients
// RpcClients in one process, each on its own thread, with the emulator on
// every send path (toServer on the clients', toClient on the server's).
// The same workload as the simulation — each client keeps `window` calls in
// flight until its share of `calls` is made — in real time, into one trace
// that other threads (the GUI) may read while it grows.
//
// With a remote server (setRemote), the clients call that server instead,
// from this machine's addresses rather than loopback, and the trace holds
// the clients' side of each call only; RemoteFeed brings the server's.
class LiveSession
{
public:
    // The most clients a live session runs: each has a thread and a socket
    // of its own, and the session's own server must remember every one
    // (limits.maxClients), or it would refuse some of its own clients.
    static constexpr int kMaxClients = 1000;
    static int maxClients(const SessionConfig &config);

    explicit LiveSession(SessionConfig config);
    ~LiveSession();
    LiveSession(const LiveSession &) = delete;
    LiveSession &operator=(const LiveSession &) = delete;

    // Runs every call to its end (each ends by its deadline at the latest)
    // and stops. False, and why, if the sockets could not be set up.
    bool run(QString *error);

    // Receives what the clients' transports say a person should know (a
    // peer refused, a DTLS session established), on their engine threads;
    // set before start().
    void setNoticeHandler(std::function<void(const QString &)> handler) { m_notice = std::move(handler); }
    // Sees every datagram the session's ends write or their emulators drop
    // (rpcscope-cli live --pcapng), on their threads; set before start().
    void setWireTap(net::WireTap tap) { m_wireTap = std::move(tap); }
    // Calls `server` instead of a server of its own; set before start().
    void setRemote(const remote::RemoteServer &server) { m_remote = server; }
    bool isRemote() const { return m_remote.isValid(); }
    // Where the clients' sockets are bound (loopback unless the server is remote).
    QHostAddress clientBindAddress() const;
    // Each client's local port and host id, once started.
    std::vector<std::pair<quint16, core::HostId>> clientPorts() const;

    // The same in steps, for a GUI: start() returns once the calls are going.
    bool start(QString *error);
    bool isFinished() const;
    // Waits until every call has ended; false if `milliseconds` passed first.
    bool wait(int milliseconds = -1);
    // Closes the sockets, after letting the datagrams on the wire arrive.
    void stop();

    // Pausing stops new calls from starting; calls in flight go on.
    void setPaused(bool paused);

    // Live changes, applied to calls in flight.
    void setNetem(const netem::NetemConfig &toServer, const netem::NetemConfig &toClient);
    void setRetry(const core::RetryConfig &retry);
    // Adds an event to the trace from outside the engine (a parameter change).
    void record(const trace::Event &event);
    // Every event also goes to `recorder` as it happens (a capture being
    // written); set before start().
    void setRecorder(trace::EventSink *recorder) { m_sink.setAlso(recorder); }

    core::TimePoint now() const { return core::TimePoint(m_clock.nsecsElapsed() / 1000); }
    const QElapsedTimer &clock() const { return m_clock; }
    const SessionConfig &config() const { return m_config; }
    const trace::TraceLog &log() const { return m_log; }
    Summary summary() const { return m_summary; }
    // The service's report now (thread-safe: services guard their own state).
    QJsonObject serviceReport() const;

private:
    struct Workload;
    bool startServer(QString *error);

    SessionConfig m_config;
    remote::RemoteServer m_remote;
    std::function<void(const QString &)> m_notice;
    net::WireTap m_wireTap;
    trace::TraceLog m_log;
    trace::SharedSink m_sink{&m_log};
    QElapsedTimer m_clock;
    QElapsedTimer m_wall;
    Summary m_summary;
    std::shared_ptr<rpc::Service> m_service;
    std::unique_ptr<rpc::RpcServer> m_server;
    std::vector<std::unique_ptr<rpc::RpcClient>> m_clients;
    std::vector<std::unique_ptr<Workload>> m_workloads;
    std::atomic<int> m_ended{0};
    QMutex m_pauseMutex;  // guards m_paused and every workload's parked turns
    bool m_paused = false;
    QSemaphore m_done;
    bool m_started = false;
    bool m_stopped = false;
};

} // namespace rpcscope::session
