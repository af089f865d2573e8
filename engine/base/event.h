#pragma once

#include "base/clock.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace rpcscope::trace {

// Everything the engine does that a person may want to see. One stream of
// these feeds the diagram, the table, the charts, the statistics and captures.
enum class EventKind : std::uint8_t {
    CallStart,           // client: a call begins (attempt 1 follows)
    Send,                // a datagram leaves `from` for `to`
    Deliver,             // a datagram reaches `to` (detail: µs in flight since it left the sender,
                         // after any wait in the link's queue; 0 if unknown)
    Lost,                // the network dropped a datagram (detail: netem::LossCause)
    Duplicated,          // the network delivers an extra copy
    Corrupted,           // the network damaged a datagram's bytes
    ChecksumFail,        // the receiver's checksum caught a damaged datagram
    CorruptAccepted,     // a damaged datagram passed the checksum (simulation only)
    Reordered,           // the network held a datagram back so later ones overtake it
    Timeout,             // client: a call's timer fired (detail: the timeout that expired, µs)
    Retransmit,          // client: request or probe sent again (attempt = new attempt)
    Ack,                 // an ack was received and acted on (detail: 0 request acked, 1 reply acked)
    Working,             // client: the server says the call is still running; probing from now on
    DuplicateSuppressed, // server: a duplicate of a call in progress, not executed again
    CachedReplyResent,   // server: a duplicate of a finished call, answered from the reply cache
    HandlerStart,        // server: the handler starts (the call executes)
    HandlerEnd,          // server: the handler finished (detail: wire::Status)
    CacheEvict,          // server: a reply left the cache (detail: EvictReason)
    LateReplyDropped,    // client: a reply for a call that already ended
    Rejected,            // server: refused a request (detail: wire::Status)
    CallOk,              // client: the call completed (detail: latency µs)
    CallFailed,          // client: the call ended in error (detail: CallError)
    MalformedDropped,    // a datagram that does not decode (detail: wire::DecodeError)
    ParamChange,         // a parameter changed live (detail: parameter id, size: new value)
    StaleDropped,        // server: a request for a call the client already acknowledged
    SocketError,         // the local socket failed to send or receive (detail: QAbstractSocket::SocketError)
    ServerRestart,       // server: crashed and came back, reply cache lost (detail: the new epoch)
    FragmentAck,         // a selective ack was received and acted on (detail: fragments the peer
                         // holds, size: the message's fragment count)
    FragmentDuplicate,   // a fragment arrived that was already held (fragment: its index)
    Reassembled,         // the last missing fragment arrived (detail: message bytes, size: fragments)
    RequestHeld,         // server: an ordered client's request waits for an earlier call to run
                         // (detail: the call id it waits for)
};
inline constexpr int kEventKindCount = 31;

// Why a call failed, in CallFailed.detail.
enum class CallError : std::uint8_t {
    None = 0,
    DeadlineExceeded, // the call's overall deadline passed
    MaxAttempts,      // the last attempt timed out
    Rejected,         // the server answered with a non-OK status
    ServerRestarted,  // the server's epoch changed: the call may or may not have run
    Cancelled,        // the caller gave up
    Transport,        // the local socket failed
    TooLarge,         // the reply is larger than the client accepts
};
inline constexpr int kCallErrorCount = 8;

// Why a reply left the server's cache, in CacheEvict.detail.
enum class EvictReason : std::uint8_t {
    Acked = 0,  // the client acknowledged the reply (explicitly or by ack-below)
    Age = 1,    // older than the cache's age limit
    Bytes = 2,  // the cache was over its byte cap; oldest replies went first
};

// 32 bytes, trivially copyable: the trace of a million calls stays small.
// Field meaning per kind is documented at EventKind; unused fields are 0.
struct Event
{
    std::int64_t timeUs = 0;        // microseconds since the session started
    std::uint32_t callId = 0;
    std::uint32_t detail = 0;       // kind-specific code or value
    std::uint32_t size = 0;         // datagram bytes for Send/Deliver/Lost/...; value for ParamChange
    core::HostId from = 0;          // where it happened, or the sender
    core::HostId to = 0;            // the receiver of a datagram; else 0
    core::HostId client = 0;        // the client host the call belongs to
    std::uint16_t attempt = 0;
    std::uint16_t fragment = 0;     // 1-based piece of a fragmented request or reply; 0: whole
    EventKind kind = EventKind::CallStart;
    std::uint8_t datagram = 0;      // wire::DatagramKind of the datagram involved, 0 if none

    core::TimePoint time() const { return core::TimePoint(timeUs); }
    friend bool operator==(const Event &, const Event &) = default;
};
static_assert(sizeof(Event) == 32, "Event must stay 32 bytes");

// kebab-case names used in JSON, CSV and the CLI: call-start, send, ...
QString eventKindName(EventKind kind);
std::optional<EventKind> eventKindFromName(QStringView name);
QString callErrorName(CallError error); // deadline-exceeded, max-attempts, rejected, ...
QString evictReasonName(EvictReason reason);

// Receives events as they happen. The cores and drivers report through this;
// TraceLog stores them, summaries count them.
class EventSink
{
public:
    virtual ~EventSink() = default;
    virtual void record(const Event &event) = 0;
};

} // namespace rpcscope::trace
