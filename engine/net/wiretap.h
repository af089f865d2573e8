#pragma once

#include "base/clock.h"

#include <QByteArrayView>
#include <QHostAddress>

#include <functional>

namespace rpcscope::net {

// One datagram as an end of a real session put it on the wire, or as its
// emulator dropped it before it got there: what a packet capture of the
// session holds (rpcscope-cli live --pcapng).
struct WireDatagram
{
    core::TimePoint time;        // on the session's clock
    QHostAddress from;
    quint16 fromPort = 0;
    QHostAddress to;
    quint16 toPort = 0;
    QByteArrayView bytes;        // valid during the call only
    bool lostByEmulator = false; // dropped by this end's emulator: never written
};

// Called on the thread that drives the transport, so it must be safe to
// call from several at once.
using WireTap = std::function<void(const WireDatagram &)>;

} // namespace rpcscope::net
