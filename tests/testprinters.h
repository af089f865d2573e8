#pragma once

// Readable QCOMPARE failures for the engine's enums, found by
// argument-dependent lookup. Inline: several tests include this.
#include "base/event.h"
#include "core/replycache.h"
#include "core/transmit.h"
#include "wire/bodies.pb.h"
#include "wire/datagram.h"

#include <QtGlobal>

namespace rpcscope::trace {
inline char *toString(EventKind kind)
{
    return qstrdup(eventKindName(kind).toLatin1().constData());
}
inline char *toString(CallError error)
{
    return qstrdup(callErrorName(error).toLatin1().constData());
}
inline char *toString(EvictReason reason)
{
    return qstrdup(evictReasonName(reason).toLatin1().constData());
}
} // namespace rpcscope::trace

namespace rpcscope::wire {
inline char *toString(DatagramKind kind)
{
    return qstrdup(datagramKindName(kind).toLatin1().constData());
}
inline char *toString(Status status)
{
    return qstrdup(Status_Name(status).c_str());
}
} // namespace rpcscope::wire

namespace rpcscope::core {
inline char *toString(Received received)
{
    switch (received) {
    case Received::Accepted: return qstrdup("Accepted");
    case Received::ChecksumFailed: return qstrdup("ChecksumFailed");
    case Received::Malformed: return qstrdup("Malformed");
    }
    return qstrdup("?");
}
inline char *toString(ReplyCache::State state)
{
    static const char *const names[] = {"InProgress", "Done", "Acked", "Tombstone"};
    const auto i = std::size_t(state);
    return qstrdup(i < 4 ? names[i] : "?");
}
} // namespace rpcscope::core
