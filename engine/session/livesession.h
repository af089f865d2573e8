#pragma once

#include "sessionconfig.h"
#include "summary.h"
#include "trace/tracelog.h"

#include <QString>

#include <memory>

namespace rpcscope::session {

// A session on real sockets on loopback: an RpcServer and config.clients
// RpcClients in one process, each on its own thread, with the emulator on
// every send path (toServer on the clients', toClient on the server's).
// The same workload as the simulation — each client keeps `window` calls in
// flight until its share of `calls` is made — in real time, into one trace.
class LiveSession
{
public:
    explicit LiveSession(SessionConfig config);
    ~LiveSession();

    // Runs every call to its end (each ends by its deadline at the latest).
    // False, and why, if the sockets could not be set up.
    bool run(QString *error);

    const trace::TraceLog &log() const { return m_log; }
    Summary summary() const { return m_summary; }

private:
    SessionConfig m_config;
    trace::TraceLog m_log;
    Summary m_summary;
};

} // namespace rpcscope::session
