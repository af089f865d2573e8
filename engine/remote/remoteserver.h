#pragma once

#include <QByteArray>
#include <QHostAddress>

namespace rpcscope::remote {

// A server on another machine that a session's clients call instead of a
// server of their own: `rpcscope-cli serve --bind ADDR:PORT --key-file K
// --trace-port TPORT` there.
struct RemoteServer
{
    QHostAddress address;
    quint16 port = 0;
    // Where the server shares its own trace (TraceFeed); 0: it does not, and
    // only the clients' side of each call is seen.
    quint16 tracePort = 0;
    QByteArray key; // DTLS pre-shared key; empty: plain UDP (and no trace feed)

    bool isValid() const { return !address.isNull() && port != 0; }
};

} // namespace rpcscope::remote
