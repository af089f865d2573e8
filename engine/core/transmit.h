#pragma once

#include "base/clock.h"
#include "wire/datagram.h"

#include <QByteArray>

namespace rpcscope::core {

// A datagram a core wants sent, with what the driver needs to trace it
// without decoding it again.
struct Transmit
{
    HostId to = 0;
    QByteArray bytes;
    wire::DatagramKind kind = wire::DatagramKind::Request;
    std::uint32_t callId = 0;
    std::uint16_t attempt = 0;
    std::uint16_t fragment = 0;
    HostId client = 0; // the client host the call belongs to
};

// What a core made of a datagram handed to receive(). The simulator uses it
// to tell a damaged datagram that was caught from one that slipped through.
enum class Received : std::uint8_t {
    Accepted,       // decoded and acted on (possibly by dropping it as a duplicate)
    ChecksumFailed, // damaged, and the checksum said so
    Malformed,      // not a valid datagram for this core
};

// Detail codes of MalformedDropped beyond wire::DecodeError: valid datagrams
// that make no sense where they arrived.
enum class ProtocolDrop : std::uint32_t {
    WrongClient = 100,    // addressed to another client id
    UnexpectedKind = 101, // e.g. a request arriving at a client
    BadAckBelow = 102,    // ack-below above the call's own id: no client sends that
    ReassemblyFull = 103, // a new fragmented message while the peer's reassembly caps are reached
    BadFragment = 104,    // a fragment or selective ack that does not fit its message
};

} // namespace rpcscope::core
