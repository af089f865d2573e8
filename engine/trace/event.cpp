#include "event.h"

#include <array>

namespace rpcscope::trace {

namespace {
constexpr std::array<const char *, kEventKindCount> kKindNames = {
    "call-start", "send", "deliver", "lost", "duplicated", "corrupted", "checksum-fail",
    "corrupt-accepted", "reordered", "timeout", "retransmit", "ack", "working",
    "duplicate-suppressed", "cached-reply-resent", "handler-start", "handler-end",
    "cache-evict", "late-reply-dropped", "rejected", "call-ok", "call-failed",
    "malformed-dropped", "param-change", "stale-dropped", "socket-error",
    "server-restart", "fragment-ack", "fragment-duplicate", "reassembled", "request-held",
};
constexpr std::array<const char *, kCallErrorCount> kErrorNames = {
    "none", "deadline-exceeded", "max-attempts", "rejected", "server-restarted", "cancelled",
    "transport", "too-large",
};
} // namespace

QString eventKindName(EventKind kind)
{
    const auto i = std::size_t(kind);
    return i < kKindNames.size() ? QString::fromLatin1(kKindNames[i]) : QStringLiteral("?");
}

std::optional<EventKind> eventKindFromName(QStringView name)
{
    for (std::size_t i = 0; i < kKindNames.size(); ++i)
        if (name == QLatin1StringView(kKindNames[i]))
            return EventKind(i);
    return std::nullopt;
}

QString callErrorName(CallError error)
{
    const auto i = std::size_t(error);
    return i < kErrorNames.size() ? QString::fromLatin1(kErrorNames[i]) : QStringLiteral("?");
}

QString evictReasonName(EvictReason reason)
{
    switch (reason) {
    case EvictReason::Acked: return QStringLiteral("acked");
    case EvictReason::Age: return QStringLiteral("age");
    case EvictReason::Bytes: return QStringLiteral("bytes");
    }
    return QStringLiteral("?");
}

} // namespace rpcscope::trace
