#include "displaynames.h"

#include "trace/eventdetail.h"
#include "trace/jsonlines.h"

#include <QCoreApplication>

#include <iterator>

namespace rpcscope::diagram::displaynames {

namespace {

// The words, for lupdate: translate() below looks them up by the engine's
// own spelling, so a word missing here is shown untranslated, not wrong.
[[maybe_unused]] const char *const kEventKinds[] = {
    QT_TRANSLATE_NOOP("EventKind", "call-start"), QT_TRANSLATE_NOOP("EventKind", "send"),
    QT_TRANSLATE_NOOP("EventKind", "deliver"), QT_TRANSLATE_NOOP("EventKind", "lost"),
    QT_TRANSLATE_NOOP("EventKind", "duplicated"), QT_TRANSLATE_NOOP("EventKind", "corrupted"),
    QT_TRANSLATE_NOOP("EventKind", "checksum-fail"), QT_TRANSLATE_NOOP("EventKind", "corrupt-accepted"),
    QT_TRANSLATE_NOOP("EventKind", "reordered"), QT_TRANSLATE_NOOP("EventKind", "timeout"),
    QT_TRANSLATE_NOOP("EventKind", "retransmit"), QT_TRANSLATE_NOOP("EventKind", "ack"),
    QT_TRANSLATE_NOOP("EventKind", "working"), QT_TRANSLATE_NOOP("EventKind", "duplicate-suppressed"),
    QT_TRANSLATE_NOOP("EventKind", "cached-reply-resent"), QT_TRANSLATE_NOOP("EventKind", "handler-start"),
    QT_TRANSLATE_NOOP("EventKind", "handler-end"), QT_TRANSLATE_NOOP("EventKind", "cache-evict"),
    QT_TRANSLATE_NOOP("EventKind", "late-reply-dropped"), QT_TRANSLATE_NOOP("EventKind", "rejected"),
    QT_TRANSLATE_NOOP("EventKind", "call-ok"), QT_TRANSLATE_NOOP("EventKind", "call-failed"),
    QT_TRANSLATE_NOOP("EventKind", "malformed-dropped"), QT_TRANSLATE_NOOP("EventKind", "param-change"),
    QT_TRANSLATE_NOOP("EventKind", "stale-dropped"), QT_TRANSLATE_NOOP("EventKind", "socket-error"),
    QT_TRANSLATE_NOOP("EventKind", "server-restart"), QT_TRANSLATE_NOOP("EventKind", "fragment-ack"),
    QT_TRANSLATE_NOOP("EventKind", "fragment-duplicate"), QT_TRANSLATE_NOOP("EventKind", "reassembled"),
    QT_TRANSLATE_NOOP("EventKind", "request-held"),
};
static_assert(std::size(kEventKinds) == trace::kEventKindCount, "a new event kind needs its word here");

[[maybe_unused]] const char *const kCallErrors[] = {
    QT_TRANSLATE_NOOP("CallError", "none"), QT_TRANSLATE_NOOP("CallError", "deadline-exceeded"),
    QT_TRANSLATE_NOOP("CallError", "max-attempts"), QT_TRANSLATE_NOOP("CallError", "rejected"),
    QT_TRANSLATE_NOOP("CallError", "server-restarted"), QT_TRANSLATE_NOOP("CallError", "cancelled"),
    QT_TRANSLATE_NOOP("CallError", "transport"), QT_TRANSLATE_NOOP("CallError", "too-large"),
};
static_assert(std::size(kCallErrors) == trace::kCallErrorCount, "a new call error needs its word here");

[[maybe_unused]] const char *const kOtherWords[] = {
    QT_TRANSLATE_NOOP("EvictReason", "acked"), QT_TRANSLATE_NOOP("EvictReason", "age"),
    QT_TRANSLATE_NOOP("EvictReason", "bytes"),
    QT_TRANSLATE_NOOP("LossCause", "random"), QT_TRANSLATE_NOOP("LossCause", "queue"),
    QT_TRANSLATE_NOOP("LossCause", "scripted"), QT_TRANSLATE_NOOP("LossCause", "none"),
    QT_TRANSLATE_NOOP("Status", "ok"), QT_TRANSLATE_NOOP("Status", "unknown-method"),
    QT_TRANSLATE_NOOP("Status", "invalid-argument"), QT_TRANSLATE_NOOP("Status", "busy"),
    QT_TRANSLATE_NOOP("Status", "too-large"), QT_TRANSLATE_NOOP("Status", "server-restarted"),
    QT_TRANSLATE_NOOP("Status", "unknown-call"), QT_TRANSLATE_NOOP("Status", "handler-error"),
    QT_TRANSLATE_NOOP("Status", "reply-not-cached"), QT_TRANSLATE_NOOP("Status", "result-forgotten"),
    QT_TRANSLATE_NOOP("Choice", "fixed"), QT_TRANSLATE_NOOP("Choice", "exponential"),
    QT_TRANSLATE_NOOP("Choice", "full-jitter"), QT_TRANSLATE_NOOP("Choice", "equal-jitter"),
    QT_TRANSLATE_NOOP("Choice", "decorrelated-jitter"), QT_TRANSLATE_NOOP("Choice", "adaptive"),
    QT_TRANSLATE_NOOP("Choice", "explicit"), QT_TRANSLATE_NOOP("Choice", "implicit"),
    QT_TRANSLATE_NOOP("Choice", "bernoulli"), QT_TRANSLATE_NOOP("Choice", "gilbert"),
    QT_TRANSLATE_NOOP("Choice", "none"), QT_TRANSLATE_NOOP("Choice", "sum"),
    QT_TRANSLATE_NOOP("Choice", "xor"), QT_TRANSLATE_NOOP("Choice", "fletcher16"),
    QT_TRANSLATE_NOOP("Choice", "crc32c"),
    QT_TRANSLATE_NOOP("Choice", "any"), QT_TRANSLATE_NOOP("Choice", "ordered"),
};

QString translate(const char *context, const QString &word)
{
    const QByteArray key = word.toUtf8();
    return QCoreApplication::translate(context, key.constData());
}

} // namespace

QString eventKind(trace::EventKind kind)
{
    return translate("EventKind", trace::eventKindName(kind));
}

QString callError(trace::CallError error)
{
    return translate("CallError", trace::callErrorName(error));
}

QString evictReason(trace::EvictReason reason)
{
    return translate("EvictReason", trace::evictReasonName(reason));
}

QString lossCause(std::uint32_t cause)
{
    return translate("LossCause", trace::lossCauseName(cause));
}

QString status(std::uint32_t status)
{
    return translate("Status", trace::statusName(status));
}

QString host(core::HostId host)
{
    if (host == core::kServerHost)
        return QCoreApplication::translate("Host", "server");
    return QCoreApplication::translate("Host", "client%1").arg(host);
}

QString choice(const QString &value)
{
    return translate("Choice", value);
}

} // namespace rpcscope::diagram::displaynames
