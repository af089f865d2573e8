#pragma once

#include <chrono>
#include <cstdint>

namespace rpcscope::core {

// Protocol time in microseconds since the session started. The cores never
// read a clock: drivers pass the current time in (virtual time in SimNetwork,
// a steady clock in UdpTransport), so one type serves both.
using Duration = std::chrono::microseconds;
using TimePoint = std::chrono::microseconds;

// Index of a host in a session: 0 is the server, 1..N are clients. Drivers map
// their own addresses (a simulated host, an IP:port) to these.
using HostId = std::uint16_t;
inline constexpr HostId kServerHost = 0;

} // namespace rpcscope::core
