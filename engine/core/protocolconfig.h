#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace rpcscope::core {

// Who acknowledges what.
enum class AckMode : std::uint8_t {
    // The server acks each request at once and the client acks each reply:
    // message plus acknowledgment in both directions (OSTEP Fig. 48.3).
    Explicit,
    // The reply is the ack; the server says "working" only when the reply is
    // not ready after the ack delay, and the client's next request acks its
    // earlier replies (Birrell & Nelson).
    Implicit,
};

QString ackModeName(AckMode mode); // explicit, implicit
std::optional<AckMode> ackModeFromName(QStringView name);
QStringList ackModeNames();

// The protocol settings of a client's core, copied between the structs that
// name them alike: a session's config, an RpcClient's options, ClientConfig.
// (The largest reply accepted is set apart: a session keeps it among its
// server's limits.)
template <typename From, typename To>
void copyClientProtocol(const From &from, To &to)
{
    to.retry = from.retry;
    to.window = from.window;
    to.ackMode = from.ackMode;
    to.ordered = from.ordered;
    to.checksum = from.checksum;
    to.pollInterval = from.pollInterval;
    to.maxDatagram = from.maxDatagram;
}

// The same for a server's core: a session's config, an RpcServer's options,
// ServerConfig.
template <typename From, typename To>
void copyServerProtocol(const From &from, To &to)
{
    to.ackMode = from.ackMode;
    to.ackDelay = from.ackDelay;
    to.checksum = from.checksum;
    to.limits = from.limits;
    to.maxDatagram = from.maxDatagram;
}

} // namespace rpcscope::core
