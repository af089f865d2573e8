#pragma once

#include "base/event.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace rpcscope::trace {

// The compact encoding of a run of events that capture files (their Chunk
// records) and the remote trace feed (its PullReply) carry.
//
// Events in a chunk, each: kind, a mask of the optional fields present, the
// time and call id as zigzag deltas from the event before, the sender, then
// the fields present; all integers LEB128 varints. The client is left out
// when it is the sender, or the receiver of something the server sent.
QByteArray packEvents(std::span<const Event> events, std::int64_t firstTimeUs);
// Appends `count` events to `out`; on damage returns what is wrong (and
// leaves what it decoded before the damage in `out`).
QString unpackEvents(QByteArrayView packed, std::uint32_t count, std::int64_t firstTimeUs,
                     std::vector<Event> &out);

} // namespace rpcscope::trace
