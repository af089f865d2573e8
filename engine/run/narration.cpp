#include "narration.h"

#include "session/sessionoptions.h"

#include "core/transmit.h"
#include "netem/netem.h"
#include "wire/bodies.pb.h"
#include "wire/checksum.h"
#include "wire/datagram.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QMetaEnum>

#include <algorithm>
#include <vector>

// Every sentence is a whole sentence for translators: choices are made
// between complete sentences, never by gluing pieces of one together. A
// narration is one sentence or two, the second joined by twoSentences().

namespace rpcscope::session {

using core::HostId;
using trace::CallError;
using trace::Event;
using trace::EventKind;
using trace::EvictReason;
using wire::DatagramKind;

namespace {

// The translation context of every sentence here, "Narration":
// Narration::tr() is QCoreApplication::translate("Narration", ...).
struct Narration
{
    Q_DECLARE_TR_FUNCTIONS(Narration)
};

// How far back context is sought: a figure's whole story and a busy call's
// recent past, while a hover over a million-event trace stays instant.
constexpr qsizetype kLookBack = 2000;
// Events recorded at the same instant by one receive() stay close together.
constexpr qsizetype kSameInstant = 32;

QString num(qint64 n)
{
    return QString::number(n);
}

// "200 ms", "20.1 ms", "12 s".
QString duration(std::int64_t us)
{
    if (us >= 10'000'000) {
        const double s = double(us) / 1e6;
        return Narration::tr("%1 s", "seconds")
            .arg(us % 1'000'000 == 0 ? num(us / 1'000'000) : QString::number(s, 'f', 1));
    }
    const QString ms = us % 1000 == 0 ? num(us / 1000) : QString::number(double(us) / 1000.0, 'f', 1);
    return Narration::tr("%1 ms", "milliseconds").arg(ms);
}

QString twoSentences(const QString &first, const QString &second)
{
    //: Two sentences of a narration, one after the other.
    return Narration::tr("%1 %2", "two sentences in a row").arg(first, second);
}

enum class At : std::uint8_t { Start, Within }; // where in a sentence a name goes

QString hostName(HostId host, const SessionConfig &config, At at)
{
    if (host == core::kServerHost)
        return at == At::Start ? Narration::tr("The server")
                               : Narration::tr("the server");
    if (config.clients <= 1)
        return at == At::Start ? Narration::tr("The client")
                               : Narration::tr("the client");
    return at == At::Start ? Narration::tr("Client %1").arg(host)
                           : Narration::tr("client %1").arg(host);
}

QString checksumTitle(wire::ChecksumKind kind)
{
    switch (kind) {
    case wire::ChecksumKind::None: break; // sentences about no checksum say so in their own words
    case wire::ChecksumKind::Sum: return Narration::tr("byte-sum", "checksum");
    case wire::ChecksumKind::Xor: return QStringLiteral("XOR");
    case wire::ChecksumKind::Fletcher16: return QStringLiteral("Fletcher-16");
    case wire::ChecksumKind::Crc32c: return QStringLiteral("CRC-32C");
    }
    return wire::checksumName(kind);
}

// "unknown-method": the status as a label, for sentences that quote it.
QString statusLabel(std::uint32_t status)
{
    if (!wire::Status_IsValid(int(status)))
        return num(status);
    QString name = QString::fromStdString(wire::Status_Name(wire::Status(status))).toLower();
    if (name.startsWith(QLatin1String("status_")))
        name.remove(0, 7);
    return name.replace(u'_', u'-');
}

QString datagramLabel(std::uint8_t kind)
{
    return wire::datagramKindName(DatagramKind(kind));
}

// One event and the trace before it.
class Story
{
public:
    Story(const trace::TraceLog::View &view, qsizetype index, const SessionConfig &config)
        : view(view)
        , index(index)
        , config(config)
        , e(view.at(index))
        , m_stop(std::max<qsizetype>(0, index - kLookBack))
    {
    }

    const trace::TraceLog::View &view;
    const qsizetype index;
    const SessionConfig &config;
    const Event &e;

    QString call() const { return num(e.callId); }
    QString attempt() const { return num(e.attempt); }
    QString client(At at = At::Within) const { return hostName(e.client, config, at); }
    QString host(HostId host, At at = At::Within) const { return hostName(host, config, at); }
    QString datagram() const { return datagramLabel(e.datagram); }

    // The latest earlier event that `pred` accepts, or -1.
    template <typename Pred>
    qsizetype latest(Pred pred, qsizetype before = -1) const
    {
        for (qsizetype i = (before < 0 ? index : before) - 1; i >= m_stop; --i)
            if (pred(view.at(i)))
                return i;
        return -1;
    }

    bool sameCall(const Event &o) const { return o.client == e.client && o.callId == e.callId; }

    // The latest earlier event of this call that `pred` accepts, not looking
    // past the call's start, or -1.
    template <typename Pred>
    qsizetype latestInCall(Pred pred) const
    {
        for (qsizetype i = index - 1; i >= m_stop; --i) {
            const Event &o = view.at(i);
            if (!sameCall(o))
                continue;
            if (pred(o))
                return i;
            if (o.kind == EventKind::CallStart)
                return -1;
        }
        return -1;
    }

    bool callHas(EventKind kind) const
    {
        return latestInCall([kind](const Event &o) { return o.kind == kind; }) >= 0;
    }

    bool callEnded() const
    {
        return callHas(EventKind::CallOk) || callHas(EventKind::CallFailed);
    }

    // The server told the client it has the call (an ack or "working"): the
    // client's timer now leads to probes, not to resending the request.
    bool clientProbing() const
    {
        return latestInCall([](const Event &o) {
                   return o.kind == EventKind::Working
                          || (o.kind == EventKind::Ack && o.detail == 0); // 0: the request was acked
               })
               >= 0;
    }

    // The Deliver that the receiving core is reacting to in this event, or -1.
    qsizetype arrival(HostId receiver) const
    {
        const qsizetype stop = std::max(m_stop, index - kSameInstant);
        for (qsizetype i = index - 1; i >= stop; --i) {
            const Event &o = view.at(i);
            if (o.timeUs != e.timeUs)
                break;
            if (o.kind == EventKind::Deliver && o.to == receiver)
                return i;
        }
        return -1;
    }

    // Whether the network damaged the datagram delivered at `deliver`: a
    // Corrupted mark for it since the previous delivery of the same datagram.
    bool damaged(qsizetype deliver) const
    {
        const Event &d = view.at(deliver);
        const qsizetype i = latest(
            [&d](const Event &o) {
                return (o.kind == EventKind::Corrupted || o.kind == EventKind::Deliver) && sameDatagram(o, d);
            },
            deliver);
        return i >= 0 && view.at(i).kind == EventKind::Corrupted;
    }

    // Whether the datagram delivered at `deliver` is the network's extra
    // copy: duplicated when sent, and its first copy already delivered.
    bool extraCopy(qsizetype deliver) const
    {
        const Event &d = view.at(deliver);
        const auto same = [&d](EventKind kind) {
            return [&d, kind](const Event &o) { return o.kind == kind && sameDatagram(o, d); };
        };
        const qsizetype dup = latest(same(EventKind::Duplicated), deliver);
        if (dup < 0)
            return false;
        const qsizetype first = latest(same(EventKind::Deliver), deliver);
        const qsizetype resent = latest(same(EventKind::Send), deliver);
        return first > dup && resent < dup;
    }

    static bool sameDatagram(const Event &a, const Event &b)
    {
        return a.from == b.from && a.to == b.to && a.client == b.client && a.callId == b.callId
               && a.attempt == b.attempt && a.datagram == b.datagram && a.fragment == b.fragment;
    }

private:
    qsizetype m_stop;
};

// --- the client's side of a call ---------------------------------------------

QString callStart(const Story &s)
{
    return twoSentences(
        Narration::tr("%1 starts call %2 on the %3 service.")
            .arg(s.client(At::Start), s.call(), s.config.service),
        Narration::tr("Every datagram of this call carries that number, taken from a "
                      "sequence counter, so duplicates can be recognised."));
}

QString timeout(const Story &s)
{
    const Event &e = s.e;
    const QString waited = duration(e.detail);
    if (s.clientProbing())
        return twoSentences(
            Narration::tr("No reply to call %1 came within %2, but the server has said "
                          "it is working on the call.")
                .arg(s.call(), waited),
            Narration::tr("So %1 does not resend it; it asks with a probe how the call "
                          "is doing.")
                .arg(s.client()));

    // Did anything come back for the attempt the timer was guarding?
    const qsizetype sent = s.latestInCall([](const Event &o) {
        return o.kind == EventKind::Send && o.datagram == std::uint8_t(DatagramKind::Request);
    });
    const qsizetype back = s.latestInCall([&e](const Event &o) { return o.kind == EventKind::Deliver && o.to == e.client; });
    const QString first =
        sent >= 0 && back > sent
            ? Narration::tr("Only a damaged answer to call %1 came back within %2, so %3's "
                            "timer went off.")
                  .arg(s.call(), waited, s.client())
            : Narration::tr("No reply to call %1 came back within %2, so %3's timer went off.")
                  .arg(s.call(), waited, s.client());

    if (s.config.retry.isLastAttempt(e.attempt) && s.callHas(EventKind::HandlerStart))
        return twoSentences(first, Narration::tr("Attempt %1 was the last one allowed, so the "
                                                 "call fails, although the server did run it: "
                                                 "only the answers were lost.")
                                       .arg(s.attempt()));
    if (s.config.retry.isLastAttempt(e.attempt))
        return twoSentences(first, Narration::tr("Attempt %1 was the last one allowed, so the "
                                                 "call fails; %2 cannot know whether the server "
                                                 "ran it.")
                                       .arg(s.attempt(), s.client()));

    // The teacher sees both ends of the wire; the client sees neither.
    const auto thisRequest = [&e](EventKind kind) {
        return [&e, kind](const Event &o) {
            return o.kind == kind && o.datagram == std::uint8_t(DatagramKind::Request) && o.attempt == e.attempt;
        };
    };
    if (s.latestInCall(thisRequest(EventKind::Lost)) >= 0)
        return twoSentences(first, Narration::tr("It cannot tell that its request was lost "
                                                 "rather than the reply, so it sends call %1 "
                                                 "again.")
                                       .arg(s.call()));
    if (s.latestInCall(thisRequest(EventKind::Corrupted)) >= 0
        && s.latestInCall(thisRequest(EventKind::CorruptAccepted)) < 0)
        return twoSentences(first, Narration::tr("It cannot tell that its request arrived "
                                                 "damaged and was dropped, so it sends call %1 "
                                                 "again.")
                                       .arg(s.call()));
    const bool replyLost = s.latestInCall([](const Event &o) {
        return o.kind == EventKind::Lost && o.datagram == std::uint8_t(DatagramKind::Reply);
    }) >= 0;
    if (replyLost && s.callHas(EventKind::HandlerEnd))
        return twoSentences(first, Narration::tr("It cannot tell that the server has already "
                                                 "run the call and only the reply was lost, so "
                                                 "it sends call %1 again.")
                                       .arg(s.call()));
    return twoSentences(first, Narration::tr("It cannot tell a lost request from a lost reply, "
                                             "so it sends call %1 again.")
                                   .arg(s.call()));
}

QString retransmit(const Story &s)
{
    if (s.e.datagram == std::uint8_t(DatagramKind::Probe))
        return Narration::tr("%1 sends a probe for call %2: the server has said it is working "
                             "on it, so it only asks how it is doing instead of resending the "
                             "request.")
            .arg(s.client(At::Start), s.call());

    const QString retry = Narration::tr("%1 retries: it sends call %2 again as attempt %3, "
                                        "with the same call id, so the server can recognise "
                                        "it as a duplicate.")
                              .arg(s.client(At::Start), s.call(), s.attempt());
    QString backoff;
    switch (s.config.retry.backoff) {
    case core::Backoff::Fixed:
        backoff = Narration::tr("It waits the same fixed time before any further retry.");
        break;
    case core::Backoff::Exponential:
        backoff = Narration::tr("With exponential back-off it waits longer before each "
                                "further retry, so a loaded server is not flooded with "
                                "resends.");
        break;
    case core::Backoff::FullJitter:
    case core::Backoff::EqualJitter:
    case core::Backoff::DecorrelatedJitter:
        backoff = Narration::tr("It backs off by a random amount before each further "
                                "retry, so clients that lost datagrams together do not "
                                "retry together.");
        break;
    case core::Backoff::Adaptive:
        backoff = Narration::tr("Its timeout comes from the round-trip times it has "
                                "measured, doubled for each retry (exponential back-off).");
        break;
    }
    return backoff.isEmpty() ? retry : twoSentences(retry, backoff);
}

QString callOk(const Story &s)
{
    const Event &e = s.e;
    const QString latency = duration(e.detail);
    if (e.attempt <= 1) {
        const QString first = Narration::tr("Call %1 completed after %2 on the first attempt.")
                                  .arg(s.call(), latency);
        if (s.callHas(EventKind::Working))
            return twoSentences(first, Narration::tr("The server had said it was working, so "
                                                     "%1 waited instead of resending.")
                                           .arg(s.client()));
        return first;
    }
    const QString first = Narration::tr("Call %1 completed after %2 and %3 attempts.")
                              .arg(s.call(), latency, s.attempt());
    if (s.callHas(EventKind::CachedReplyResent))
        return twoSentences(first, Narration::tr("The server ran it only once: the retry was "
                                                 "answered from its reply cache."));
    if (s.callHas(EventKind::HandlerStart))
        return twoSentences(first, Narration::tr("The server ran it exactly once, however many "
                                                 "copies of the request reached it."));
    return first;
}

QString callFailed(const Story &s)
{
    const Event &e = s.e;
    const QString ran = s.callHas(EventKind::HandlerStart)
                            ? Narration::tr("The server did run it; only the answers were "
                                            "lost, so a failed call does not mean nothing "
                                            "happened.")
                            : Narration::tr("%1 cannot know whether the server ran it.")
                                  .arg(s.client(At::Start));
    switch (CallError(e.detail)) {
    case CallError::DeadlineExceeded:
        return twoSentences(Narration::tr("Call %1 failed: no answer came within its "
                                          "deadline of %2.")
                                .arg(s.call(), duration(s.config.retry.deadline.count())),
                            ran);
    case CallError::MaxAttempts:
        return twoSentences(Narration::tr("Call %1 failed: none of its %2 attempts got an "
                                          "answer.")
                                .arg(s.call(), s.attempt()),
                            ran);
    case CallError::Rejected:
        return Narration::tr("Call %1 failed: the server answered with an error instead of "
                             "a result.")
            .arg(s.call());
    case CallError::TooLarge:
        return Narration::tr("Call %1 failed: its reply is larger than %2 is willing to "
                             "reassemble.")
            .arg(s.call(), s.client());
    case CallError::ServerRestarted:
        return Narration::tr("Call %1 failed: the server restarted, so the call may or may "
                             "not have run.")
            .arg(s.call());
    case CallError::Cancelled:
        return Narration::tr("Call %1 was cancelled by the caller before it completed.")
            .arg(s.call());
    case CallError::Transport:
        return Narration::tr("Call %1 failed: the local socket could not send or receive.")
            .arg(s.call());
    case CallError::None:
        break;
    }
    return Narration::tr("Call %1 failed.").arg(s.call());
}

QString ack(const Story &s)
{
    if (s.e.detail == 1) // the server heard the client's ack of its reply
        return twoSentences(Narration::tr("%1 acknowledged the reply to call %2.")
                                .arg(s.client(At::Start), s.call()),
                            Narration::tr("The server no longer needs to keep it for a "
                                          "resend."));
    return twoSentences(Narration::tr("The server acknowledged the request for call %1, so %2 "
                                      "knows it arrived and stops resending it.")
                            .arg(s.call(), s.client()),
                        Narration::tr("From now on its timer only triggers a probe if the "
                                      "reply is slow."));
}

QString working(const Story &s)
{
    const core::Duration poll = s.config.pollInterval.count() > 0 ? s.config.pollInterval : s.config.retry.timeout;
    return twoSentences(Narration::tr("The server says call %1 is still running (a "
                                      "long-running call), so %2 stops resending the "
                                      "request.")
                            .arg(s.call(), s.client()),
                        Narration::tr("Its timer now only triggers a probe every %1 to ask "
                                      "how the call is doing.")
                            .arg(duration(poll.count())));
}

QString lateReplyDropped(const Story &s)
{
    switch (DatagramKind(s.e.datagram)) {
    case DatagramKind::Ack:
        return Narration::tr("The server's ack for call %1 arrived after the call had ended, "
                             "so %2 ignores it.")
            .arg(s.call(), s.client());
    case DatagramKind::Working:
        return Narration::tr("The server's \"working\" message for call %1 arrived after the "
                             "call had ended, so %2 ignores it.")
            .arg(s.call(), s.client());
    default:
        break;
    }
    if (s.callHas(EventKind::CallOk))
        return Narration::tr("%1 already has the result of call %2, so this extra reply (a "
                             "duplicate, or the answer to an earlier attempt) is dropped.")
            .arg(s.client(At::Start), s.call());
    if (s.callHas(EventKind::CallFailed))
        return Narration::tr("Call %1 had already failed at %2 when this reply arrived, so it "
                             "is dropped: the call did run, but too late to be used.")
            .arg(s.call(), s.client());
    return Narration::tr("A reply for call %1 arrived after the call had ended, so %2 drops it.")
        .arg(s.call(), s.client());
}

// --- datagrams on the wire ---------------------------------------------------

QString sendFragment(const Story &s)
{
    const Event &e = s.e;
    if (DatagramKind(e.datagram) == DatagramKind::Request) {
        if (e.attempt <= 1)
            return twoSentences(Narration::tr("%1 sends fragment %2 of the request for call %3.")
                                    .arg(s.host(e.from, At::Start), num(e.fragment), s.call()),
                                Narration::tr("The request is too large for one datagram, so it "
                                              "goes in pieces that the server puts back together."));
        return Narration::tr("%1 sends fragment %2 of call %3 again (round %4): the server has "
                             "not acknowledged it, and only the missing fragments are resent.")
            .arg(s.host(e.from, At::Start), num(e.fragment), s.call(), s.attempt());
    }
    if (e.attempt <= 1)
        return twoSentences(Narration::tr("The server sends fragment %1 of the reply to call %2.")
                                .arg(num(e.fragment), s.call()),
                            Narration::tr("%1 acknowledges the fragments it holds, so only lost "
                                          "ones are sent again.")
                                .arg(s.client()));
    return Narration::tr("The server sends fragment %1 of the reply to call %2 again (round %3): "
                         "%4 said it was missing.")
        .arg(num(e.fragment), s.call(), s.attempt(), s.client());
}

QString send(const Story &s)
{
    const Event &e = s.e;
    if (e.fragment > 0 && (DatagramKind(e.datagram) == DatagramKind::Request
                           || DatagramKind(e.datagram) == DatagramKind::Reply))
        return sendFragment(s);
    switch (DatagramKind(e.datagram)) {
    case DatagramKind::FragmentAck:
        if (e.from == core::kServerHost)
            return Narration::tr("The server sends a selective ack for call %1: it lists the "
                                 "fragments of the request it holds, so %2 resends only the "
                                 "missing ones.")
                .arg(s.call(), s.client());
        return Narration::tr("%1 sends a selective ack for the reply to call %2: it lists the "
                             "fragments it holds, so the server resends only the missing ones.")
            .arg(s.host(e.from, At::Start), s.call());
    case DatagramKind::Request:
        if (e.attempt <= 1)
            return twoSentences(Narration::tr("%1 sends the request for call %2 to the server.")
                                    .arg(s.host(e.from, At::Start), s.call()),
                                Narration::tr("It keeps a copy and sets a timer, so it can "
                                              "retry if no answer comes back in time."));
        return Narration::tr("%1 sends the request for call %2 again, as attempt %3, because "
                             "its timer ran out.")
            .arg(s.host(e.from, At::Start), s.call(), s.attempt());
    case DatagramKind::Probe:
        return Narration::tr("%1 sends a probe for call %2: it asks whether the server is "
                             "still working on it, instead of resending the whole request.")
            .arg(s.host(e.from, At::Start), s.call());
    case DatagramKind::Reply: {
        const qsizetype why = s.latestInCall([](const Event &o) {
            return o.kind == EventKind::CachedReplyResent || o.kind == EventKind::HandlerEnd;
        });
        if (why >= 0 && s.view.at(why).kind == EventKind::CachedReplyResent)
            return Narration::tr("The server sends the reply to call %1 again, from its reply "
                                 "cache.")
                .arg(s.call());
        if (s.config.ackMode == core::AckMode::Explicit)
            return Narration::tr("The server sends the reply to call %1. It keeps a copy in "
                                 "its reply cache until %2 acknowledges it.")
                .arg(s.call(), s.client());
        return Narration::tr("The server sends the reply to call %1. The reply itself tells "
                             "%2 the request arrived, and a copy stays in the reply cache in "
                             "case it is lost.")
            .arg(s.call(), s.client());
    }
    case DatagramKind::Ack:
        if (e.from != core::kServerHost) {
            const bool again = s.latestInCall([&e](const Event &o) {
                return o.kind == EventKind::LateReplyDropped && o.timeUs == e.timeUs;
            }) >= 0;
            if (again)
                return Narration::tr("%1 acknowledges the reply to call %2 again: the server "
                                     "sent the reply again, so the first ack may have been "
                                     "lost.")
                    .arg(s.host(e.from, At::Start), s.call());
            return Narration::tr("%1 acknowledges the reply to call %2, so the server can drop "
                                 "it from its reply cache.")
                .arg(s.host(e.from, At::Start), s.call());
        }
        if (s.latestInCall([&e](const Event &o) {
                return o.kind == EventKind::DuplicateSuppressed && o.timeUs == e.timeUs;
            }) >= 0)
            return Narration::tr("The server acknowledges call %1 again: the request is a "
                                 "duplicate of a call it is still running.")
                .arg(s.call());
        return Narration::tr("The server acknowledges the request for call %1 at once, before "
                             "it has a reply, so %2 can stop resending it.")
            .arg(s.call(), s.client());
    case DatagramKind::Working:
        return Narration::tr("The server tells %1 that call %2 is still running (a \"working\" "
                             "message), so it should stop resending the request and only "
                             "probe from time to time.")
            .arg(s.client(), s.call());
    case DatagramKind::Error:
        return Narration::tr("The server sends an error answer for call %1 instead of a reply.")
            .arg(s.call());
    }
    return Narration::tr("%1 sends a %2 datagram to %3.")
        .arg(s.host(e.from, At::Start), s.datagram(), s.host(e.to));
}

QString deliver(const Story &s)
{
    const Event &e = s.e;
    const QString receiver = s.host(e.to);
    if (s.damaged(s.index)) {
        const QString first = Narration::tr("A damaged %1 datagram of call %2 reaches %3.")
                                  .arg(s.datagram(), s.call(), receiver);
        if (s.config.checksum == wire::ChecksumKind::None)
            return twoSentences(first, Narration::tr("This session uses no checksum, so the "
                                                     "receiver will most likely take it as good."));
        return twoSentences(first, Narration::tr("Whether anyone notices depends on the %1 "
                                                 "checksum.")
                                       .arg(checksumTitle(s.config.checksum)));
    }
    if (s.extraCopy(s.index))
        return Narration::tr("A second copy of that %1 datagram of call %2 reaches %3: the "
                             "network duplicated it.")
            .arg(s.datagram(), s.call(), receiver);

    if (e.fragment > 0 && DatagramKind(e.datagram) == DatagramKind::Request)
        return Narration::tr("Fragment %1 of the request for call %2 reaches the server.")
            .arg(num(e.fragment), s.call());
    if (e.fragment > 0 && DatagramKind(e.datagram) == DatagramKind::Reply)
        return Narration::tr("Fragment %1 of the reply to call %2 reaches %3.")
            .arg(num(e.fragment), s.call(), receiver);
    switch (DatagramKind(e.datagram)) {
    case DatagramKind::FragmentAck:
        return Narration::tr("The selective ack for call %1 reaches %2.")
            .arg(s.call(), receiver);
    case DatagramKind::Request: {
        if (e.attempt <= 1)
            return Narration::tr("The request for call %1 reaches the server.")
                .arg(s.call());
        if (s.callHas(EventKind::HandlerEnd))
            return Narration::tr("Attempt %1 of call %2 reaches the server, which has already "
                                 "run call %2.")
                .arg(s.attempt(), s.call());
        if (s.callHas(EventKind::HandlerStart))
            return Narration::tr("Attempt %1 of call %2 reaches the server, which is still "
                                 "running call %2.")
                .arg(s.attempt(), s.call());
        // Did every earlier attempt fail to arrive intact?
        std::vector<std::uint8_t> fate(e.attempt, 0); // per attempt: bit 0 lost, bit 1 damaged
        constexpr std::uint8_t kLost = 1, kDamaged = 2;
        s.latestInCall([&](const Event &o) {
            if (o.datagram == std::uint8_t(DatagramKind::Request) && o.attempt > 0 && o.attempt < e.attempt) {
                if (o.kind == EventKind::Lost)
                    fate[o.attempt] |= kLost;
                else if (o.kind == EventKind::Corrupted)
                    fate[o.attempt] |= kDamaged;
            }
            return false;
        });
        const bool noneArrived = std::all_of(fate.begin() + 1, fate.end(), [](std::uint8_t f) { return f != 0; });
        const bool allLost = std::all_of(fate.begin() + 1, fate.end(), [](std::uint8_t f) { return f == kLost; });
        const QString arrives = Narration::tr("Attempt %1 of call %2 reaches the server.")
                                    .arg(s.attempt(), s.call());
        if (noneArrived && e.attempt == 2)
            return twoSentences(arrives, allLost ? Narration::tr("Attempt 1 was lost, so this is "
                                                                 "the first the server hears of "
                                                                 "the call.")
                                                 : Narration::tr("Attempt 1 arrived damaged and "
                                                                 "was dropped, so this is the "
                                                                 "first intact copy the server "
                                                                 "sees."));
        if (noneArrived)
            return twoSentences(arrives, allLost ? Narration::tr("All the earlier attempts were "
                                                                 "lost, so this is the first the "
                                                                 "server hears of the call.")
                                                 : Narration::tr("The earlier attempts were lost "
                                                                 "or damaged on the way, so this "
                                                                 "is the first intact copy the "
                                                                 "server sees."));
        return arrives;
    }
    case DatagramKind::Probe:
        return Narration::tr("The probe for call %1 reaches the server.").arg(s.call());
    case DatagramKind::Reply:
        if (s.callEnded())
            return Narration::tr("Another copy of the reply to call %1 reaches %2, after the "
                                 "call has already ended.")
                .arg(s.call(), receiver);
        return Narration::tr("The reply to call %1 reaches %2.").arg(s.call(), receiver);
    case DatagramKind::Ack:
        if (e.to == core::kServerHost)
            return Narration::tr("The ack of the reply to call %1 reaches the server.")
                .arg(s.call());
        return Narration::tr("The server's ack for call %1 reaches %2.")
            .arg(s.call(), receiver);
    case DatagramKind::Working:
        return Narration::tr("The server's \"working\" message for call %1 reaches %2.")
            .arg(s.call(), receiver);
    case DatagramKind::Error:
        return Narration::tr("The server's error answer for call %1 reaches %2.")
            .arg(s.call(), receiver);
    }
    return Narration::tr("A %1 datagram reaches %2.").arg(s.datagram(), receiver);
}

QString lost(const Story &s)
{
    const Event &e = s.e;
    QString first;
    if (netem::LossCause(e.detail) == netem::LossCause::Queue) {
        first = Narration::tr("The link to %1 was congested: its queue was full, so the "
                              "network dropped this %2 datagram of call %3.")
                    .arg(s.host(e.to), s.datagram(), s.call());
    } else if (netem::LossCause(e.detail) == netem::LossCause::ServerBusy) {
        // Overload: the chapter's "packet loss at the server may be an
        // indicator that the server is overloaded".
        return twoSentences(
            Narration::tr("The server was too busy: its receive queue was full, so this %1 "
                          "datagram of call %2 was dropped on arrival.")
                .arg(s.datagram(), s.call()),
            Narration::tr("Loss at the server is a sign of overload. Resending at once adds to "
                          "it; backing off (longer timeouts after each try, with jitter) lets the "
                          "server catch up."));
    }
    const auto pick = [&first](const QString &ownFirst, const QString &second) {
        return twoSentences(first.isEmpty() ? ownFirst : first, second);
    };

    if (e.fragment > 0)
        return pick(Narration::tr("Fragment %1 of the %2 of call %3 was lost.")
                        .arg(num(e.fragment),
                             DatagramKind(e.datagram) == DatagramKind::Reply
                                 ? Narration::tr("reply")
                                 : Narration::tr("request"),
                             s.call()),
                    Narration::tr("The receiver's selective ack will show the gap, and only this "
                                  "fragment is sent again, not the whole message."));
    switch (DatagramKind(e.datagram)) {
    case DatagramKind::FragmentAck:
        return pick(Narration::tr("A selective ack for call %1 was lost.").arg(s.call()),
                    Narration::tr("The next one repeats everything it said, so nothing is lost "
                                  "for good; at worst a fragment is resent that was not needed."));
    case DatagramKind::Reply: {
        const QString own = Narration::tr("The reply to call %1 was lost.").arg(s.call());
        if (s.callEnded())
            return pick(own, Narration::tr("The call has already ended at %1, so nothing more "
                                           "needs to happen.")
                                 .arg(s.client()));
        if (s.clientProbing())
            return pick(own, Narration::tr("%1 knows the server has the call, so when its "
                                           "timer runs out it will ask for the result with a "
                                           "probe instead of sending the call again.")
                                 .arg(s.client(At::Start)));
        return pick(own, Narration::tr("To %1 this looks exactly like a lost request, so it "
                                       "will time out and send call %2 again.")
                             .arg(s.client(), s.call()));
    }
    case DatagramKind::Request: {
        const QString own =
            e.attempt <= 1
                ? Narration::tr("The request for call %1 was lost.").arg(s.call())
                : Narration::tr("Attempt %1 of call %2 was lost.").arg(s.attempt(), s.call());
        if (s.config.retry.isLastAttempt(e.attempt))
            return pick(own, Narration::tr("It was the last attempt %1 may make, so the call "
                                           "will fail when the timer runs out.")
                                 .arg(s.client()));
        return pick(own, Narration::tr("Nobody tells %1; only when its timer runs out will it "
                                       "send call %2 again.")
                             .arg(s.client(), s.call()));
    }
    case DatagramKind::Ack:
        if (e.from == core::kServerHost)
            return pick(Narration::tr("The server's ack for call %1 was lost.").arg(s.call()),
                        Narration::tr("%1's timer keeps running, so it may send call %2 again; "
                                      "the server will recognise the duplicate.")
                            .arg(s.client(At::Start), s.call()));
        return pick(Narration::tr("%1's ack of the reply to call %2 was lost.")
                        .arg(s.client(At::Start), s.call()),
                    Narration::tr("The server keeps the reply in its cache until a later "
                                  "request acknowledges it or it grows too old."));
    case DatagramKind::Working:
        return pick(Narration::tr("The server's \"working\" message for call %1 was lost.")
                        .arg(s.call()),
                    Narration::tr("%1's timer keeps running, so it may send call %2 again; the "
                                  "server will not run it twice.")
                        .arg(s.client(At::Start), s.call()));
    case DatagramKind::Probe:
        return pick(Narration::tr("%1's probe for call %2 was lost.")
                        .arg(s.client(At::Start), s.call()),
                    Narration::tr("When its timer runs out again it will send another probe."));
    case DatagramKind::Error:
        return pick(Narration::tr("The server's error answer for call %1 was lost.")
                        .arg(s.call()),
                    Narration::tr("%1 will time out and ask again, and get the same answer.")
                        .arg(s.client(At::Start)));
    }
    return pick(Narration::tr("A %1 datagram of call %2 was lost.")
                    .arg(s.datagram(), s.call()),
                Narration::tr("The sender is not told; only a timeout can reveal it."));
}

QString duplicated(const Story &s)
{
    switch (DatagramKind(s.e.datagram)) {
    case DatagramKind::Request:
        return twoSentences(Narration::tr("The network delivers the request for call %1 twice.")
                                .arg(s.call()),
                            Narration::tr("The server must recognise the second copy by its "
                                          "call id and not run the call again."));
    case DatagramKind::Reply:
        return twoSentences(Narration::tr("The network delivers the reply to call %1 twice.")
                                .arg(s.call()),
                            Narration::tr("%1 uses the first copy and drops the second as a "
                                          "late reply.")
                                .arg(s.client(At::Start)));
    default:
        break;
    }
    return twoSentences(Narration::tr("The network delivers this %1 datagram of call %2 twice.")
                            .arg(s.datagram(), s.call()),
                        Narration::tr("The extra copy does no harm: the receiver recognises it "
                                      "by its call id."));
}

QString corrupted(const Story &s)
{
    const QString first = Narration::tr("The network damaged the bytes of this %1 datagram of "
                                        "call %2 on the way to %3.")
                              .arg(s.datagram(), s.call(), s.host(s.e.to));
    switch (s.config.checksum) {
    case wire::ChecksumKind::None:
        return twoSentences(first, Narration::tr("This session uses no checksum, so the "
                                                 "receiver has no way to notice."));
    case wire::ChecksumKind::Crc32c:
        return twoSentences(first, Narration::tr("The receiver's CRC-32C checksum will almost "
                                                 "certainly notice."));
    case wire::ChecksumKind::Sum:
    case wire::ChecksumKind::Xor:
    case wire::ChecksumKind::Fletcher16:
        break;
    }
    return twoSentences(first, Narration::tr("The receiver's %1 checksum may or may not notice: "
                                             "it is a weak one.")
                                   .arg(checksumTitle(s.config.checksum)));
}

QString reordered(const Story &s)
{
    return twoSentences(Narration::tr("The network held back this %1 datagram of call %2, so "
                                      "datagrams sent after it will reach %3 first.")
                            .arg(s.datagram(), s.call(), s.host(s.e.to)),
                        Narration::tr("Each datagram names its call, so arriving out of order "
                                      "confuses neither side."));
}

// --- damage: checksums and the end-to-end argument ----------------------------

QString checksumFail(const Story &s)
{
    // The receiving core traced this; the datagram it judged arrived just before.
    const HostId receiver = s.e.from;
    const QString check = checksumTitle(s.config.checksum);
    const QString where = s.host(receiver);
    const QString second = Narration::tr("Checking at the receiving end is the end-to-end "
                                         "argument at work: the damaged datagram now counts as "
                                         "lost, and timeout and retry repair it like any loss.");
    if (s.config.checksum == wire::ChecksumKind::None) // the damage hit the trailer, which must be 0
        return twoSentences(Narration::tr("This session uses no checksum, but the damage hit the "
                                          "empty checksum field itself, so %1 dropped the "
                                          "datagram.")
                                .arg(where),
                            second);
    const qsizetype at = s.arrival(receiver);
    if (at < 0)
        return twoSentences(Narration::tr("The %1 checksum at %2 caught a damaged datagram and "
                                          "dropped it.")
                                .arg(check, where),
                            second);
    const Event &d = s.view.at(at);
    const QString call = num(d.callId);
    switch (DatagramKind(d.datagram)) {
    case DatagramKind::Request:
        return twoSentences(Narration::tr("The %1 checksum at the server caught a damaged "
                                          "request for call %2 and dropped it.")
                                .arg(check, call),
                            second);
    case DatagramKind::Reply:
        return twoSentences(Narration::tr("The %1 checksum at %2 caught a damaged reply to "
                                          "call %3 and dropped it.")
                                .arg(check, where, call),
                            second);
    default:
        break;
    }
    return twoSentences(Narration::tr("The %1 checksum at %2 caught a damaged %3 datagram of "
                                      "call %4 and dropped it.")
                            .arg(check, where, datagramLabel(d.datagram), call),
                        second);
}

QString corruptAccepted(const Story &s)
{
    const QString where = s.host(s.e.to);
    switch (s.config.checksum) {
    case wire::ChecksumKind::None:
        return twoSentences(Narration::tr("A damaged %1 datagram of call %2 was accepted at %3 "
                                          "as if it were good: this session uses no checksum.")
                                .arg(s.datagram(), s.call(), where),
                            Narration::tr("By the end-to-end argument only a check at the ends "
                                          "could have caught it; choose a checksum such as "
                                          "CRC-32C."));
    case wire::ChecksumKind::Crc32c:
        return twoSentences(Narration::tr("A damaged %1 datagram of call %2 passed the CRC-32C "
                                          "checksum at %3 and was accepted as if it were good.")
                                .arg(s.datagram(), s.call(), where),
                            Narration::tr("Even CRC-32C misses a tiny fraction of damage; by the "
                                          "end-to-end argument an application that must be sure "
                                          "adds its own check at the ends."));
    case wire::ChecksumKind::Sum:
    case wire::ChecksumKind::Xor:
    case wire::ChecksumKind::Fletcher16:
        break;
    }
    return twoSentences(Narration::tr("A damaged %1 datagram of call %2 passed the %3 checksum "
                                      "at %4 and was accepted as if it were good.")
                            .arg(s.datagram(), s.call(), checksumTitle(s.config.checksum), where),
                        Narration::tr("A weak checksum lets some damage through; by the "
                                      "end-to-end argument only a strong check at the ends, "
                                      "such as CRC-32C, can be relied on."));
}

QString malformedDropped(const Story &s)
{
    const Event &e = s.e;
    const HostId receiver = e.from;
    const QString who = s.host(receiver, At::Start);
    const qsizetype at = s.arrival(receiver);
    const bool wasDamaged = at >= 0 && s.damaged(at);
    const QString damage = Narration::tr("The network damaged it on the way; to the sender this "
                                         "is the same as a loss.");
    const auto withDamage = [&](const QString &first) { return wasDamaged ? twoSentences(first, damage) : first; };

    switch (core::ProtocolDrop(e.detail)) {
    case core::ProtocolDrop::WrongClient:
        return withDamage(Narration::tr("%1 dropped a datagram addressed to another client.")
                              .arg(who));
    case core::ProtocolDrop::UnexpectedKind:
        return withDamage(Narration::tr("%1 dropped a datagram of a kind it never expects to "
                                        "receive, such as a request arriving at a client.")
                              .arg(who));
    case core::ProtocolDrop::BadAckBelow:
        return withDamage(Narration::tr("The server dropped a request for call %1 whose "
                                        "ack-below number is above its own call id: no real "
                                        "client sends that.")
                              .arg(s.call()));
    case core::ProtocolDrop::ReassemblyFull:
        return Narration::tr("The server dropped a fragment of call %1: it already holds as many "
                             "half-assembled messages as its limits allow. The client will send "
                             "it again later.")
            .arg(s.call());
    case core::ProtocolDrop::BadFragment:
        return withDamage(Narration::tr("%1 dropped a fragment or selective ack of call %2 that "
                                        "does not fit the message it claims to belong to.")
                              .arg(who, s.call()));
    }
    switch (wire::DecodeError(e.detail)) {
    case wire::DecodeError::ChecksumKindMismatch:
        if (wasDamaged)
            break;
        if (s.config.checksum == wire::ChecksumKind::None)
            return Narration::tr("%1 dropped a datagram protected by a checksum, though this "
                                 "session uses none.")
                .arg(who);
        return Narration::tr("%1 dropped a datagram protected by a different checksum than this "
                             "session's %2.")
            .arg(who, checksumTitle(s.config.checksum));
    case wire::DecodeError::BadBody:
        return withDamage(Narration::tr("%1 dropped a datagram of call %2 whose body does not "
                                        "decode.")
                              .arg(who, s.call()));
    default:
        break;
    }
    const QString reason = wire::decodeErrorName(wire::DecodeError(e.detail));
    if (wasDamaged)
        return twoSentences(Narration::tr("%1 dropped a damaged datagram whose header no longer "
                                          "makes sense (%2).")
                                .arg(who, reason),
                            Narration::tr("The damage was caught before the checksum was even "
                                          "checked; to the sender it is the same as a loss."));
    return twoSentences(Narration::tr("%1 dropped a datagram that is not valid (%2).")
                            .arg(who, reason),
                        Narration::tr("A bad datagram is counted and dropped, never trusted."));
}

// --- the server's side of a call ------------------------------------------------

QString duplicateSuppressed(const Story &s)
{
    const QString first = Narration::tr("Another copy of call %1 reached the server while the "
                                        "call is still running, so the server does not run it "
                                        "again.")
                              .arg(s.call());
    if (s.config.ackMode == core::AckMode::Explicit)
        return twoSentences(first, Narration::tr("It acknowledges the request once more so %1 "
                                                 "stops resending.")
                                       .arg(s.client()));
    return twoSentences(first, Narration::tr("It tells %1 that the call is still running, "
                                             "so %1 stops resending and waits.")
                                   .arg(s.client()));
}

QString cachedReplyResent(const Story &s)
{
    const qsizetype at = s.arrival(core::kServerHost);
    if (at >= 0 && s.view.at(at).datagram == std::uint8_t(DatagramKind::Probe))
        return Narration::tr("Call %1 has finished, so the server answers the probe from %2 "
                             "with the reply it cached; the call is not run again.")
            .arg(s.call(), s.client());
    if (s.config.service == u"counter")
        return Narration::tr("The server has already run call %1, so it resends the reply it "
                             "cached instead of adding to the counter a second time: "
                             "at-most-once.")
            .arg(s.call());
    return Narration::tr("The server has already run call %1, so it resends the reply it "
                         "cached instead of running it twice: at-most-once.")
        .arg(s.call());
}

QString requestHeld(const Story &s)
{
    return twoSentences(Narration::tr("Call %1 reached the server before call %2 had run. %3 asked "
                                      "for its calls in order, so the server holds call %1 back.")
                            .arg(s.call(), num(s.e.detail), s.client(At::Start)),
                        Narration::tr("It acks the request like a running call, so %1 probes "
                                      "instead of resending, and runs it once every earlier call "
                                      "has run or been given up.")
                            .arg(s.client()));
}

QString handlerStart(const Story &s)
{
    // A call that waited in the hold-back queue runs now that its turn came:
    // the call before it ran, or its client gave up on it.
    if (s.callHas(EventKind::RequestHeld)) {
        const std::uint32_t before = s.e.callId - 1;
        const bool gaveUp = s.latest([&](const Event &o) {
            return o.kind == EventKind::CallFailed && o.client == s.e.client && o.callId == before;
        }) >= 0;
        const QString first =
            gaveUp ? Narration::tr("%1 gave up on call %2, so the server waits for it no longer: it "
                                   "takes call %3 out of its hold-back queue and runs it.")
                         .arg(s.client(At::Start), num(before), s.call())
                   : Narration::tr("Call %1 has run, so call %2 is next: the server takes it out of "
                                   "its hold-back queue and runs it.")
                         .arg(num(before), s.call());
        return twoSentences(first, Narration::tr("The network delivered the calls out of order; the "
                                                 "server runs them in the order they were made."));
    }
    if (s.config.service == u"counter")
        return twoSentences(Narration::tr("The server runs call %1: the counter service adds to "
                                          "its total.")
                                .arg(s.call()),
                            Narration::tr("Adding is not idempotent, so the server remembers the "
                                          "call in its reply cache: a duplicate request must not "
                                          "add a second time."));
    return twoSentences(Narration::tr("The server runs call %1 on the %2 service.")
                            .arg(s.call(), s.config.service),
                        Narration::tr("It remembers the call in its reply cache, so a duplicate "
                                      "request will not run it again."));
}

QString handlerEnd(const Story &s)
{
    if (s.e.detail != std::uint32_t(wire::STATUS_OK))
        return twoSentences(Narration::tr("The handler for call %1 finished with an error (%2).")
                                .arg(s.call(), statusLabel(s.e.detail)),
                            Narration::tr("The server caches this answer like any reply and "
                                          "sends it, so a resend will not run the call again."));
    const QString first =
        s.config.service == u"counter"
            ? Narration::tr("The counter service has added to its total for call %1.")
                  .arg(s.call())
            : Narration::tr("The handler for call %1 has finished.").arg(s.call());
    if (s.config.ackMode == core::AckMode::Explicit)
        return twoSentences(first, Narration::tr("The server keeps the reply in its reply cache "
                                                 "until %1 acknowledges it, and sends it.")
                                       .arg(s.client()));
    return twoSentences(first, Narration::tr("The server keeps the reply in its reply cache, in "
                                             "case it is lost and the call is resent, and sends "
                                             "it."));
}

QString cacheEvict(const Story &s)
{
    const Event &e = s.e;
    switch (EvictReason(e.detail)) {
    case EvictReason::Acked: {
        const bool explicitAck = s.latestInCall([&e](const Event &o) {
            return o.kind == EventKind::Ack && o.from == core::kServerHost && o.timeUs == e.timeUs;
        }) >= 0;
        if (explicitAck)
            return Narration::tr("The server removes the reply to call %1 from its reply "
                                 "cache: %2 has acknowledged it.")
                .arg(s.call(), s.client());
        return Narration::tr("The server removes the reply to call %1 from its reply cache: a "
                             "later request from %2 showed that it already has the reply.")
            .arg(s.call(), s.client());
    }
    case EvictReason::Age:
        return twoSentences(Narration::tr("The reply to call %1 stayed in the server's cache "
                                          "longer than its age limit of %2, so the server "
                                          "dropped it.")
                                .arg(s.call(), duration(s.config.limits.maxEntryAge.count())),
                            Narration::tr("Should %1 still resend it, the server's sequence "
                                          "counter for %1 shows the call is not new, and the "
                                          "server refuses it rather than run it again.")
                                .arg(s.client()));
    case EvictReason::Bytes:
        return twoSentences(Narration::tr("The reply cache was over its byte limit, so the "
                                          "server dropped its oldest reply, the one to call %1.")
                                .arg(s.call()),
                            Narration::tr("If call %1 is asked about again, the server will "
                                          "answer that the reply is gone rather than run the "
                                          "call a second time.")
                                .arg(s.call()));
    }
    return Narration::tr("The server removes the reply to call %1 from its reply cache.")
        .arg(s.call());
}

QString rejected(const Story &s)
{
    const QString call = s.call();
    switch (wire::Status(s.e.detail)) {
    case wire::STATUS_BUSY:
        return Narration::tr("The server refused call %1 because it is too busy: a limit on "
                             "calls in progress or on clients was reached, and it answers "
                             "with an error instead of growing without bound.")
            .arg(call);
    case wire::STATUS_TOO_LARGE:
        return Narration::tr("The server refused call %1: the request is larger than its size "
                             "limit.")
            .arg(call);
    case wire::STATUS_SERVER_RESTARTED:
        return Narration::tr("The server refused call %1: %2 addressed an earlier incarnation "
                             "of the server, so the call may or may not have run before the "
                             "restart.")
            .arg(call, s.client());
    case wire::STATUS_UNKNOWN_CALL:
        return Narration::tr("The server has no record of call %1, which %2 asked about, so it "
                             "answers with an error.")
            .arg(call, s.client());
    case wire::STATUS_REPLY_NOT_CACHED:
        return Narration::tr("Call %1 already ran, but its reply has left the server's cache, "
                             "so the server answers with an error rather than run the call "
                             "again: at-most-once.")
            .arg(call);
    case wire::STATUS_RESULT_FORGOTTEN:
        return Narration::tr("The server no longer remembers call %1: its answer left the "
                             "cache by age. %2's sequence counter shows the call is not new, "
                             "so the server refuses it rather than run it a second time: "
                             "at-most-once, whatever the client's deadline.")
            .arg(call, s.client());
    default:
        break;
    }
    return Narration::tr("The server refused call %1 (%2).").arg(call, statusLabel(s.e.detail));
}

QString staleDropped(const Story &s)
{
    return twoSentences(Narration::tr("A late copy of call %1 reached the server after %2 had "
                                      "already acknowledged its reply, so the server drops it.")
                            .arg(s.call(), s.client()),
                        Narration::tr("%1's sequence counter has moved past this call, so the "
                                      "server knows the copy is stale and does not run it "
                                      "again.")
                            .arg(s.client(At::Start)));
}

// --- the session ---------------------------------------------------------------

QString paramChange(const Story &s)
{
    return twoSentences(Narration::tr("A setting was changed live: %1.")
                            .arg(describeParamChange(s.e.detail, s.e.size)),
                        Narration::tr("Calls in flight follow the new value from their next "
                                      "datagram or timer on."));
}

QString socketError(const Story &s)
{
    const Event &e = s.e;
    const auto error = QAbstractSocket::SocketError(int(e.detail));
    const QString cover = Narration::tr("The protocol treats it like a lost datagram; timeout and "
                                        "retry cover it.");
    if (error == QAbstractSocket::ConnectionRefusedError)
        return twoSentences(Narration::tr("The socket of %1 reports that nobody is listening at "
                                          "the other end (an ICMP \"port unreachable\").")
                                .arg(s.host(e.from)),
                            cover);
    const char *key = QMetaEnum::fromType<QAbstractSocket::SocketError>().valueToKey(int(error));
    const QString what = key ? QString::fromLatin1(key) : num(e.detail);
    if (e.to != e.from)
        return twoSentences(Narration::tr("Sending from %1 to %2 failed: the socket reported %3.")
                                .arg(s.host(e.from), s.host(e.to), what),
                            cover);
    return twoSentences(Narration::tr("The socket of %1 reported an error: %2.")
                            .arg(s.host(e.from), what),
                        cover);
}

QString serverRestart(const Story &s)
{
    return twoSentences(
        Narration::tr("The server crashes and restarts with a new epoch (%1). Its reply cache, "
                      "the memory that made at-most-once work, is gone.")
            .arg(num(s.e.detail)),
        Narration::tr("A call it was running may or may not have finished; a client that resends "
                      "it will be told the server restarted instead of having it run again."));
}

QString fragmentAck(const Story &s)
{
    const Event &e = s.e;
    const QString held = Narration::tr("%1 of %2").arg(num(e.detail), num(e.size));
    if (e.from == core::kServerHost)
        return Narration::tr("%1 tells the server it holds %2 fragments of the reply to call %3; "
                             "the server sends the missing ones again.")
            .arg(s.client(At::Start), held, s.call());
    if (e.detail == e.size)
        return Narration::tr("The server holds all %1 fragments of call %2's request, so %3 stops "
                             "sending them.")
            .arg(num(e.size), s.call(), s.host(e.from, At::Start));
    return Narration::tr("The server holds %1 fragments of call %2's request; %3 sends only "
                         "the missing ones again, at once, without waiting for its timer.")
        .arg(held, s.call(), s.host(e.from, At::Start));
}

QString fragmentDuplicate(const Story &s)
{
    return Narration::tr("%1 already had this fragment of call %2 and drops the copy: a "
                         "selective ack was lost or a resend crossed it on the way.")
        .arg(s.host(s.e.from, At::Start), s.call());
}

QString reassembled(const Story &s)
{
    const Event &e = s.e;
    const QString what = DatagramKind(e.datagram) == DatagramKind::Reply
                             ? Narration::tr("the reply to call %1").arg(s.call())
                             : Narration::tr("the request for call %1").arg(s.call());
    return Narration::tr("The last missing fragment has arrived: %1 puts %2 back together from "
                         "its %3 fragments (%4 bytes).")
        .arg(s.host(e.from, At::Start), what, num(e.size), num(e.detail));
}

} // namespace

QString narratedHost(HostId host, const SessionConfig &config, bool startsSentence)
{
    return hostName(host, config, startsSentence ? At::Start : At::Within);
}

QString narrate(const trace::TraceLog::View &view, qsizetype index, const SessionConfig &config)
{
    if (index < 0 || index >= view.size())
        return {};
    const Story s(view, index, config);
    switch (s.e.kind) {
    case EventKind::CallStart: return callStart(s);
    case EventKind::Send: return send(s);
    case EventKind::Deliver: return deliver(s);
    case EventKind::Lost: return lost(s);
    case EventKind::Duplicated: return duplicated(s);
    case EventKind::Corrupted: return corrupted(s);
    case EventKind::ChecksumFail: return checksumFail(s);
    case EventKind::CorruptAccepted: return corruptAccepted(s);
    case EventKind::Reordered: return reordered(s);
    case EventKind::Timeout: return timeout(s);
    case EventKind::Retransmit: return retransmit(s);
    case EventKind::Ack: return ack(s);
    case EventKind::Working: return working(s);
    case EventKind::DuplicateSuppressed: return duplicateSuppressed(s);
    case EventKind::CachedReplyResent: return cachedReplyResent(s);
    case EventKind::HandlerStart: return handlerStart(s);
    case EventKind::HandlerEnd: return handlerEnd(s);
    case EventKind::CacheEvict: return cacheEvict(s);
    case EventKind::LateReplyDropped: return lateReplyDropped(s);
    case EventKind::Rejected: return rejected(s);
    case EventKind::CallOk: return callOk(s);
    case EventKind::CallFailed: return callFailed(s);
    case EventKind::MalformedDropped: return malformedDropped(s);
    case EventKind::ParamChange: return paramChange(s);
    case EventKind::StaleDropped: return staleDropped(s);
    case EventKind::SocketError: return socketError(s);
    case EventKind::ServerRestart: return serverRestart(s);
    case EventKind::FragmentAck: return fragmentAck(s);
    case EventKind::FragmentDuplicate: return fragmentDuplicate(s);
    case EventKind::Reassembled: return reassembled(s);
    case EventKind::RequestHeld: return requestHeld(s);
    }
    return Narration::tr("Something happened that this version cannot describe (event %1).")
        .arg(num(int(s.e.kind)));
}

} // namespace rpcscope::session
