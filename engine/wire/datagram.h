#pragma once

#include "checksum.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>

namespace rpcscope::wire {

enum class DatagramKind : std::uint8_t {
    Request = 1, // client -> server: method and arguments (RequestBody)
    Reply = 2,   // server -> client: status and result (ReplyBody)
    Ack = 3,     // either way: "I have your request" / "I have your reply"
    Working = 4, // server -> client: the call is still running; stop resending, probe instead
    Probe = 5,   // client -> server: "how is call N doing?"
    Error = 6,   // server -> client: refused or unknown call (ReplyBody with a non-OK status)
    // Either way: a selective ack of a fragmented request (server -> client)
    // or reply (client -> server). The body is a bitmap of the fragments held
    // (bit i of byte i/8, least significant first); the fragment count is the
    // message's, the index and attempt those of the fragment that asked for it.
    FragmentAck = 7,
};
// One past the largest kind: the size of a table indexed by kind (0 unused).
inline constexpr int kDatagramKindLimit = 8;

// Short upper-case name for diagrams and logs: REQ, REPLY, ACK, WORKING, PROBE, ERROR, SACK.
QString datagramKindName(DatagramKind kind);

// Every datagram: a fixed 32-byte big-endian header, the body, then a 4-byte
// big-endian checksum over everything before it. Putting the checksum in a
// trailer lets both ends compute it over one contiguous range.
//
//  offset size field
//   0     2    magic 0x5253 ("RS")
//   2     1    version (1)
//   3     1    kind (DatagramKind)
//   4     1    flags: bits 0-2 checksum kind, bit 3 ack requested, bit 4 address
//                token follows the header, bit 5 ordered, bits 6-7 zero
//   5     1    reserved, zero
//   6     2    attempt (1 for the first send of a request)
//   8     4    epoch of the server (0 from a client that has not heard one yet)
//  12     4    client id (unique per client incarnation)
//  16     4    call id (unique within the client incarnation, from 1)
//  20     2    fragment index
//  22     2    fragment count (>= 1)
//  24     4    ack-below: every call id below this has ended at the client
//  28     4    body length
// (32     8    address token, only with flag bit 4)
//  32/40  n    body (protobuf)
//  ...    4    checksum
//
// The address token is QUIC's address validation (RFC 9000 §8) in eight
// bytes: the server puts an unpredictable token in what it sends to an
// address that has not yet shown it receives, the client echoes the latest
// token it heard in everything it sends, and until the echo comes back the
// server sends that address at most three times the bytes it received from
// it. So a forged source address cannot turn the server into an amplifier.
struct Header
{
    DatagramKind kind = DatagramKind::Request;
    std::uint16_t attempt = 1;
    std::uint32_t epoch = 0;
    std::uint32_t clientId = 0;
    std::uint32_t callId = 0;
    std::uint16_t fragmentIndex = 0;
    std::uint16_t fragmentCount = 1;
    std::uint32_t ackBelow = 0;
    // Set on the last fragment of each round of sends: the receiver answers
    // it at once with a FragmentAck, so the sender learns of gaps without
    // waiting for its timer.
    bool ackRequested = false;
    // The address token (0: none). Tokens are never 0.
    std::uint64_t token = 0;
    // From a client whose calls the server must run one at a time in call-id
    // order (the chapter's in-order delivery): a request that arrives ahead
    // of an earlier call waits in the server's hold-back queue.
    bool ordered = false;

    friend bool operator==(const Header &, const Header &) = default;
};

inline constexpr std::uint16_t kMagic = 0x5253;
inline constexpr std::uint8_t kVersion = 1;
inline constexpr qsizetype kHeaderSize = 32;
inline constexpr qsizetype kTrailerSize = 4;
inline constexpr qsizetype kOverhead = kHeaderSize + kTrailerSize;
inline constexpr qsizetype kTokenSize = 8;
// What a sender leaves room for in every datagram it sizes (fragments):
// header, trailer and an address token, present or not.
inline constexpr qsizetype kMaxOverhead = kOverhead + kTokenSize;
// The largest UDP payload over IPv4.
inline constexpr qsizetype kMaxDatagramSize = 65507;
// What the cores send by default: fits a 1500-byte Ethernet MTU under IPv6
// (40) and UDP (8) headers with room for a tunnel; larger messages are split
// into fragments of at most this size.
inline constexpr qsizetype kDefaultMaxDatagram = 1400;
// The smallest datagram size a session may choose: a header, a trailer and
// room for a useful fragment.
inline constexpr qsizetype kMinMaxDatagram = 128;

enum class DecodeError : std::uint8_t {
    None = 0,
    TooShort,             // fewer bytes than header + trailer
    BadMagic,             // not an RpcScope datagram
    BadVersion,           // a version this build does not speak
    BadKind,              // kind byte outside DatagramKind
    BadFlags,             // reserved bits or byte set
    ChecksumKindMismatch, // sender used a different checksum than this session
    BadLength,            // body length disagrees with the datagram's size
    BadFragment,          // fragment count 0 or index >= count
    ChecksumMismatch,     // the bytes were damaged on the way
    BadBody,              // the protobuf body does not parse (reported by the body decoders' users)
};
inline constexpr int kDecodeErrorCount = 11;

// Kebab-case name for traces and JSON: too-short, bad-magic, ..., checksum-mismatch.
QString decodeErrorName(DecodeError error);

// Builds a datagram. The body must fit (kMaxDatagramSize - kOverhead);
// a larger one is a programming error (asserted), fragmentation happens above.
QByteArray encodeDatagram(const Header &header, QByteArrayView body, ChecksumKind checksum);

struct Decoded
{
    Header header;
    QByteArrayView body; // points into the datagram passed to decodeDatagram
};

// Checks the size, magic and body length, then the checksum (so damage
// reads as damage), then every other field. On success fills `out` and returns
// DecodeError::None; otherwise `out` is unspecified.
DecodeError decodeDatagram(QByteArrayView datagram, ChecksumKind expected, Decoded &out);

// Reads the header without verifying the checksum or the kind-specific rules,
// for the emulator and the trace, which must classify datagrams they pass on.
// False if the bytes are too short or the magic is wrong.
bool peekHeader(QByteArrayView datagram, Header &out);

} // namespace rpcscope::wire
