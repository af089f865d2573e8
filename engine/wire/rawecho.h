#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>

namespace rpcscope::wire {

// A raw echo: a datagram a server's transport answers at once, beside the
// protocol and before it, so a client can measure the round trip under
// every call (rpcscope-cli bench's floor) and learn which wire version the
// server speaks. Not an RpcScope datagram: "RS" is followed by 'c', which
// is no version, so a server that does not know it drops it as malformed.
//
//   offset size
//    0     8    "RScope?!"
//    8     1    'Q' in a request, 'A' in the answer
//    9     1    0 in a request; the server's wire version in the answer
//   10     n    payload, up to kMaxEchoPayload bytes, sent back as it came
//
// The answer is exactly as large as the request: nothing to amplify. This
// layout stays the same whatever the wire version, so a client of one
// version can read which version a server of another speaks.
inline constexpr qsizetype kEchoHeader = 10;
inline constexpr qsizetype kMaxEchoPayload = 64;

QByteArray echoRequest(QByteArrayView payload);
bool isEchoRequest(QByteArrayView datagram);
// The answer to a request isEchoRequest() accepted, in place.
void turnIntoEchoAnswer(QByteArray &request);
// An answer's version and payload; false if `datagram` is no echo answer.
bool readEchoAnswer(QByteArrayView datagram, std::uint8_t &version, QByteArrayView &payload);

} // namespace rpcscope::wire
