#pragma once

#include <QHostAddress>
#include <QString>

namespace rpcscope::rpc {

struct HostPort
{
    QHostAddress address;
    quint16 port = 0;
};

// "127.0.0.1:7000", "[::1]:7000", "localhost:7000", "lab-pc-3:7000" (names
// are resolved, blocking, to their first IPv4 address, else their first).
// Empty on success, else what is wrong with `text`.
QString parseHostPort(const QString &text, bool allowPortZero, HostPort &out);

// Where a client of `server` binds: loopback for a server on loopback, so
// nothing from another machine can reach it; all addresses of the server's
// family otherwise, since the server's replies must be able to come back.
QHostAddress clientBindAddressFor(const QHostAddress &server);

} // namespace rpcscope::rpc
