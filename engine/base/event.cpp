#include "event.h"

#include "enumnames.h"

#include <array>

namespace rpcscope::trace {

namespace {
constexpr EnumNames<EventKind, kEventKindCount> kKindNames({
    "call-start", "send", "deliver", "lost", "duplicated", "corrupted", "checksum-fail",
    "corrupt-accepted", "reordered", "timeout", "retransmit", "ack", "working",
    "duplicate-suppressed", "cached-reply-resent", "handler-start", "handler-end",
    "cache-evict", "late-reply-dropped", "rejected", "call-ok", "call-failed",
    "malformed-dropped", "param-change", "stale-dropped", "socket-error",
    "server-restart", "fragment-ack", "fragment-duplicate", "reassembled", "request-held",
});
constexpr EnumNames<CallError, kCallErrorCount> kErrorNames({
    "none", "deadline-exceeded", "max-attempts", "rejected", "server-restarted", "cancelled",
    "transport", "too-large",
});
constexpr EnumNames<EvictReason, 3> kEvictNames({"acked", "age", "bytes"});
} // namespace

QString eventKindName(EventKind kind)
{
    return kKindNames.name(kind);
}

std::optional<EventKind> eventKindFromName(QStringView name)
{
    return kKindNames.value(name);
}

QString callErrorName(CallError error)
{
    return kErrorNames.name(error);
}

QString evictReasonName(EvictReason reason)
{
    return kEvictNames.name(reason);
}

} // namespace rpcscope::trace
