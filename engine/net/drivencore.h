#pragma once

#include "base/clock.h"
#include "core/transmit.h"

#include <QByteArrayView>

#include <optional>

namespace rpcscope::net {

// The face a sans-IO core shows its driver. UdpTransport moves datagrams and
// time through one of these without knowing whether a client or a server is
// behind it; afterActivity() lets the owner collect what the core finished
// (completed calls, handlers to run) after every wake-up.
class DrivenCore
{
public:
    virtual ~DrivenCore() = default;
    virtual core::Received receive(QByteArrayView datagram, core::HostId from, core::TimePoint now) = 0;
    virtual bool pollTransmit(core::Transmit &out) = 0;
    virtual std::optional<core::TimePoint> nextTimeout() const = 0;
    virtual void handleTimeout(core::TimePoint now) = 0;
    virtual void afterActivity(core::TimePoint now) { Q_UNUSED(now); }
    // The event loop drove a round (a datagram or a timer) and everything
    // due went out: an owner that lets other threads drive the core may
    // hand it over now.
    virtual void afterEventLoopRound() {}
    // The driver no longer knows who `host` is: it forgot the address, or
    // never remembered it because the core did not accept what it sent.
    virtual void forgetHost(core::HostId host) { Q_UNUSED(host); }
};

} // namespace rpcscope::net
