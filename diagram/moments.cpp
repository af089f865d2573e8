#include "moments.h"

#include "wire/datagram.h"

#include <QCoreApplication>

#include <array>

namespace rpcscope::diagram {

std::optional<Moment> momentOf(const trace::Event &e)
{
    using trace::EventKind;
    switch (e.kind) {
    case EventKind::Lost: return Moment::Loss;
    case EventKind::Timeout: return Moment::Timeout;
    case EventKind::Retransmit:
        // A probe resent is waiting, not a retransmission of the call.
        if (wire::DatagramKind(e.datagram) == wire::DatagramKind::Request)
            return Moment::Retransmission;
        return std::nullopt;
    case EventKind::CachedReplyResent: return Moment::CachedReply;
    case EventKind::DuplicateSuppressed: return Moment::DuplicateAcked;
    case EventKind::ChecksumFail: return Moment::CorruptionCaught;
    case EventKind::CorruptAccepted: return Moment::CorruptionMissed;
    case EventKind::RequestHeld: return Moment::Held;
    case EventKind::ServerRestart: return Moment::Restart;
    case EventKind::CallFailed: return Moment::CallFailed;
    case EventKind::ParamChange: return Moment::Change;
    default: return std::nullopt;
    }
}

namespace {
struct Words
{
    const char *title;
    const char *one;
};
constexpr std::array<Words, kMomentCount> kWords = {{
    {QT_TRANSLATE_NOOP("Moment", "Losses"), QT_TRANSLATE_NOOP("Moment", "a loss")},
    {QT_TRANSLATE_NOOP("Moment", "Timeouts"), QT_TRANSLATE_NOOP("Moment", "a timeout")},
    {QT_TRANSLATE_NOOP("Moment", "Retransmissions"), QT_TRANSLATE_NOOP("Moment", "a retransmission")},
    {QT_TRANSLATE_NOOP("Moment", "Duplicates answered from the cache"),
     QT_TRANSLATE_NOOP("Moment", "a duplicate answered from the cache")},
    {QT_TRANSLATE_NOOP("Moment", "Duplicates of running calls, acked"),
     QT_TRANSLATE_NOOP("Moment", "a duplicate of a running call")},
    {QT_TRANSLATE_NOOP("Moment", "Corruption caught"), QT_TRANSLATE_NOOP("Moment", "corruption caught")},
    {QT_TRANSLATE_NOOP("Moment", "Corruption missed"), QT_TRANSLATE_NOOP("Moment", "corruption missed")},
    {QT_TRANSLATE_NOOP("Moment", "Requests held back"), QT_TRANSLATE_NOOP("Moment", "a request held back")},
    {QT_TRANSLATE_NOOP("Moment", "Server restarts"), QT_TRANSLATE_NOOP("Moment", "a server restart")},
    {QT_TRANSLATE_NOOP("Moment", "Calls failed"), QT_TRANSLATE_NOOP("Moment", "a failed call")},
    {QT_TRANSLATE_NOOP("Moment", "Settings changed"), QT_TRANSLATE_NOOP("Moment", "a setting changed")},
}};
} // namespace

QString momentTitle(Moment moment)
{
    return QCoreApplication::translate("Moment", kWords[std::size_t(moment)].title);
}

QString momentOne(Moment moment)
{
    return QCoreApplication::translate("Moment", kWords[std::size_t(moment)].one);
}

} // namespace rpcscope::diagram
