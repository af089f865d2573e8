#pragma once

#include "base/event.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace rpcscope::diagram {

// What a class wants to jump to: the events that tell a story's turns.
// The diagram steps from one to the next of a kind, the Moments list counts
// them, and playback can pause at them.
enum class Moment : std::uint8_t {
    Loss,             // the network lost a datagram (or a full server queue dropped it)
    Timeout,          // a client's timer fired
    Retransmission,   // a request sent again
    CachedReply,      // a duplicate of a finished call, answered from the reply cache
    DuplicateAcked,   // a duplicate of a running call, acked and not run again
    CorruptionCaught, // a checksum caught a damaged datagram
    CorruptionMissed, // a damaged datagram passed the checksum
    Held,             // an ordered client's request held back
    Restart,          // the server crashed and came back
    CallFailed,       // a call ended in error
    Change,           // a setting changed live
};
inline constexpr int kMomentCount = 11;

// The moment an event is, if it is one.
std::optional<Moment> momentOf(const trace::Event &e);

// "Losses", "Timeouts", ...: a kind's title in the Moments list (translated).
QString momentTitle(Moment moment);
// "a loss", "a timeout", ...: one of them, in a sentence (translated).
QString momentOne(Moment moment);

} // namespace rpcscope::diagram
