// ServerCore driven by hand in virtual time: client datagrams are built here,
// what the server sends back is decoded and checked, and at-most-once is
// checked the only way that matters: a call is handed to the driver for
// execution once, whatever copies, probes, acks or garbage arrive.
#include "base/event.h"
#include "base/random.h"
#include "core/servercore.h"
#include "recordingsink.h"
#include "testprinters.h"
#include "wire/bodies.pb.h"
#include "wire/datagram.h"

#include <QTest>
#include <QtEndian>

#include <algorithm>
#include <optional>
#include <vector>

using namespace rpcscope;
using core::Duration;
using core::Execution;
using core::Received;
using core::ReplyCache;
using core::ServerConfig;
using core::ServerCore;
using core::TimePoint;
using core::Transmit;
using trace::EventKind;
using trace::EvictReason;
using wire::DatagramKind;

// Readable QCOMPARE failures; found through argument-dependent lookup.
namespace rpcscope::core {
char *toString(const std::optional<ReplyCache::State> &state)
{
    return state ? toString(*state) : qstrdup("no entry");
}
} // namespace rpcscope::core

Q_DECLARE_METATYPE(rpcscope::core::AckMode)

namespace {

constexpr std::uint32_t kEpoch = 5;
constexpr std::uint32_t kClientId = 0x0000ABCD;
constexpr core::HostId kClientHost = 3;
constexpr auto kChecksum = wire::ChecksumKind::Crc32c;
constexpr TimePoint kT0{2'000'000};
constexpr Duration kAckDelay{100'000};

constexpr TimePoint ms(std::int64_t m)
{
    return kT0 + Duration(m * 1'000);
}

using testsupport::RecordingSink;

ServerConfig baseConfig(core::AckMode mode = core::AckMode::Implicit)
{
    ServerConfig c;
    c.epoch = kEpoch;
    c.host = core::kServerHost;
    c.ackMode = mode;
    c.ackDelay = kAckDelay;
    c.checksum = kChecksum;
    return c;
}

// A server with its sink; the core keeps a pointer to the sink, so this never moves.
struct Server
{
    explicit Server(ServerConfig config = baseConfig()) : core(config, &sink) {}
    Server(const Server &) = delete;

    std::vector<Transmit> transmits() { return testsupport::drain(core, &core::ServerCore::pollTransmit); }
    std::vector<Execution> executions() { return testsupport::drain(core, &core::ServerCore::pollExecution); }
    Received receive(const QByteArray &datagram, TimePoint now, core::HostId from = kClientHost)
    {
        return core.receive(datagram, from, now);
    }
    void finish(std::uint32_t callId, const QByteArray &result, TimePoint now,
                std::uint32_t clientId = kClientId, wire::Status status = wire::STATUS_OK)
    {
        core.handlerFinished(clientId, callId, status, QString(), result, now);
    }

    RecordingSink sink;
    ServerCore core;
};

struct ClientDatagram
{
    DatagramKind kind = DatagramKind::Request;
    std::uint32_t callId = 1;
    std::uint16_t attempt = 1;
    std::uint32_t ackBelow = 1; // a real client's first datagram: nothing below call 1
    std::uint32_t epoch = 0;
    std::uint32_t clientId = kClientId;
    QString method = QStringLiteral("echo");
    QByteArray args = QByteArray("hi");
    std::uint64_t token = 0;
    bool ordered = false;

    QByteArray encode() const
    {
        wire::Header h;
        h.kind = kind;
        h.token = token;
        h.ordered = ordered;
        h.attempt = attempt;
        h.epoch = epoch;
        h.clientId = clientId;
        h.callId = callId;
        h.ackBelow = ackBelow;
        if (kind != DatagramKind::Request)
            return wire::encodeDatagram(h, {}, kChecksum);
        wire::RequestBody body;
        body.set_method(method.toStdString());
        body.set_args(args.constData(), std::size_t(args.size()));
        const std::string s = body.SerializeAsString();
        return wire::encodeDatagram(h, QByteArrayView(s.data(), qsizetype(s.size())), kChecksum);
    }
};

QByteArray request(std::uint32_t callId, std::uint16_t attempt = 1, std::uint32_t ackBelow = 1)
{
    ClientDatagram d;
    d.callId = callId;
    d.attempt = attempt;
    d.ackBelow = ackBelow;
    return d.encode();
}

// From a client whose calls must run in call-id order.
QByteArray orderedDatagram(DatagramKind kind, std::uint32_t callId, std::uint32_t ackBelow, std::uint16_t attempt = 1)
{
    ClientDatagram d;
    d.kind = kind;
    d.callId = callId;
    d.ackBelow = ackBelow;
    d.attempt = attempt;
    d.ordered = true;
    return d.encode();
}

QByteArray control(DatagramKind kind, std::uint32_t callId, std::uint16_t attempt = 1,
                   std::uint32_t ackBelow = 1)
{
    ClientDatagram d;
    d.kind = kind;
    d.callId = callId;
    d.attempt = attempt;
    d.ackBelow = ackBelow;
    return d.encode();
}

// The state of a call in the server's reply cache, or nullopt if it has no
// entry. (ReplyCache::find is not const; the cache itself is not const, only
// the accessor that exposes it.)
std::optional<ReplyCache::State> stateOf(const ServerCore &core, std::uint32_t callId,
                                         std::uint32_t clientId = kClientId)
{
    const ReplyCache::Entry *entry = const_cast<ReplyCache &>(core.replyCache()).find(clientId, callId);
    return entry ? std::optional(entry->state) : std::nullopt;
}

struct Sent
{
    wire::Header header;
    QByteArray body;
    wire::ReplyBody reply; // parsed when the kind carries one
};

// Decodes what the server sent; fails hard if it is not a valid datagram.
Sent decode(const Transmit &t)
{
    wire::Decoded d;
    const wire::DecodeError error = wire::decodeDatagram(t.bytes, kChecksum, d);
    if (error != wire::DecodeError::None)
        qFatal("the server sent an undecodable datagram: %s", qPrintable(wire::decodeErrorName(error)));
    Sent s{d.header, d.body.toByteArray(), {}};
    // A fragment of a reply is not a whole body: only whole ones are parsed.
    if ((s.header.kind == DatagramKind::Reply || s.header.kind == DatagramKind::Error)
        && s.header.fragmentCount == 1 && !s.reply.ParseFromArray(s.body.constData(), int(s.body.size())))
        qFatal("the server sent an unparsable reply body");
    return s;
}

} // namespace

class TestServerCore : public QObject
{
    Q_OBJECT

private slots:
    void newRequestExecutesOnce();
    void implicitReplyOnlyWhenHandlerFinishes();
    void implicitWorkingAfterAckDelay();
    void timerTableNamesTheFirstDue();
    void implicitNoWorkingIfReplyInTime();
    void implicitAnsweredCallsLeaveNoAckTimer();
    void explicitAcksRequestAtOnce();
    void duplicateWhileInProgress_data();
    void duplicateWhileInProgress();
    void duplicateAfterCompletionResendsCachedReply();
    void clientAckEvictsAndLateCopyIsStale();
    void ackBelowEvictsEarlierFinishedCalls();
    void runningCallBelowAckBelowGoesWhenItFinishes();
    void probeForUnknownCallIsUnknownCall();
    void probeForRunningCallGetsWorking_data();
    void probeForRunningCallGetsWorking();
    void probeForFinishedCallGetsCachedReply();
    void oldEpochIsRefused();
    void perClientLimitRefusesWithBusy();
    void totalLimitRefusesWithBusy();
    void maxClientsRefusesNewClients();
    void oversizedRequestIsTooLarge();
    void oversizedReplyBecomesTooLarge();
    void tinyCacheLeavesTombstoneAndNeverRunsAgain();
    void entriesExpireByAgeAtNextTimeout();
    void idleClientRecordsAreBoundedAndDoNotCountAsClients();
    void resendAfterTheAnswerAgedOutIsRefusedNotRun();
    void forgottenMarkCoversEveryOlderCall();
    void oneSenderCannotFillTheClientTable();
    void oneSenderCannotFillThePartialTable();
    void unvalidatedSenderGetsAtMostThreeTimesItsBytes();
    void onlyItsOwnTokenValidatesASender();
    void forgottenHostStartsUnvalidated();
    void cachedResendsAreCappedInBytesPerSecond();
    void onlyAValidatedSenderMovesACallsAnswers();
    void garbageChangesNothing();
    void undecodableRequestBodyIsMalformed();
    void fragmentCountBeyondOneAckIsNotAnswered();
    void orderedCallsRunInCallIdOrderOneAtATime();
    void heldRequestIsAckedAndItsCopiesSuppressed();
    void heldCallsTheClientGaveUpOnNeverRun();
    void fullHoldBackQueueRefusesWithBusy();
    void unorderedClientsAreNotHeldBack();
};

void TestServerCore::orderedCallsRunInCallIdOrderOneAtATime()
{
    Server s;
    // Calls 3 and 2 overtake call 1: both wait for it.
    s.receive(orderedDatagram(DatagramKind::Request, 3, 1), kT0);
    s.receive(orderedDatagram(DatagramKind::Request, 2, 1), ms(1));
    QVERIFY(s.executions().empty());
    QCOMPARE(s.core.held(), 2);
    const auto held = s.sink.ofKind(EventKind::RequestHeld);
    QCOMPARE(held.size(), std::size_t(2));
    QCOMPARE(held[0].callId, 3u);
    QCOMPARE(held[0].detail, 1u); // waits for call 1
    QCOMPARE(held[1].callId, 2u);

    // Call 1 runs at once; 2 waits until it has finished, then 3 until 2 has.
    s.receive(orderedDatagram(DatagramKind::Request, 1, 1), ms(2));
    auto runs = s.executions();
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs[0].callId, 1u);
    s.finish(1, "one", ms(3));
    runs = s.executions();
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs[0].callId, 2u);
    QCOMPARE(runs[0].args, QByteArray("hi")); // what was held is what runs
    QCOMPARE(s.core.held(), 1);
    s.finish(2, "two", ms(4));
    runs = s.executions();
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs[0].callId, 3u);
    s.finish(3, "three", ms(5));
    QVERIFY(s.executions().empty());
    QCOMPARE(s.core.held(), 0);

    std::vector<std::uint32_t> started;
    for (const trace::Event &e : s.sink.ofKind(EventKind::HandlerStart))
        started.push_back(e.callId);
    QCOMPARE(started, (std::vector<std::uint32_t>{1, 2, 3}));
    // Every call was answered, each once.
    int replies = 0;
    for (const Transmit &t : s.transmits())
        replies += t.kind == DatagramKind::Reply;
    QCOMPARE(replies, 3);

    // Call 4 comes after them all, and runs at once.
    s.receive(orderedDatagram(DatagramKind::Request, 4, 1), ms(6));
    QCOMPARE(s.executions().size(), std::size_t(1));
}

void TestServerCore::heldRequestIsAckedAndItsCopiesSuppressed()
{
    for (const core::AckMode mode : {core::AckMode::Explicit, core::AckMode::Implicit}) {
        Server s(baseConfig(mode));
        s.receive(orderedDatagram(DatagramKind::Request, 2, 1), kT0);
        // Acked like a running call: at once (explicit) or after the ack delay (implicit).
        if (mode == core::AckMode::Implicit) {
            QVERIFY(s.transmits().empty());
            s.core.handleTimeout(kT0 + kAckDelay);
        }
        auto sent = s.transmits();
        QCOMPARE(sent.size(), std::size_t(1));
        QCOMPARE(sent[0].kind, mode == core::AckMode::Explicit ? DatagramKind::Ack : DatagramKind::Working);

        // A resend and a probe are answered, never run.
        s.receive(orderedDatagram(DatagramKind::Request, 2, 1, 2), ms(200));
        s.receive(orderedDatagram(DatagramKind::Probe, 2, 1, 2), ms(201));
        QVERIFY(s.executions().empty());
        QCOMPARE(s.transmits().size(), std::size_t(2));
        QCOMPARE(s.sink.ofKind(EventKind::DuplicateSuppressed).size(), std::size_t(1));
        // A handler result for a call that never ran changes nothing.
        s.finish(2, "forged", ms(202));
        QVERIFY(s.transmits().empty());
        QCOMPARE(stateOf(s.core, 2), std::optional(ReplyCache::State::InProgress));

        s.receive(orderedDatagram(DatagramKind::Request, 1, 1), ms(300));
        QCOMPARE(s.executions().size(), std::size_t(1));
        s.finish(1, "one", ms(301));
        QCOMPARE(s.executions().size(), std::size_t(1));
    }
}

void TestServerCore::heldCallsTheClientGaveUpOnNeverRun()
{
    Server s;
    s.receive(orderedDatagram(DatagramKind::Request, 2, 1), kT0);
    s.receive(orderedDatagram(DatagramKind::Request, 3, 1), ms(1));
    s.receive(orderedDatagram(DatagramKind::Request, 4, 1), ms(2));
    QCOMPARE(s.core.held(), 3);
    // Call 1 never arrives and the client gives up on it and on call 2:
    // a probe for call 4 says everything below 3 has ended.
    s.receive(orderedDatagram(DatagramKind::Probe, 4, 3), ms(500));
    auto runs = s.executions();
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs[0].callId, 3u);
    QCOMPARE(s.core.held(), 1);
    QCOMPARE(stateOf(s.core, 2), std::nullopt); // withdrawn, never run
    // A late copy of call 2 is stale: below the client's ack-below.
    s.receive(orderedDatagram(DatagramKind::Request, 2, 1), ms(501));
    QVERIFY(s.executions().empty());
    QCOMPARE(s.sink.events.back().kind, EventKind::StaleDropped);
    s.finish(3, "three", ms(502));
    runs = s.executions();
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs[0].callId, 4u);
    for (const trace::Event &e : s.sink.ofKind(EventKind::HandlerStart))
        QVERIFY(e.callId != 2u);
}

void TestServerCore::fullHoldBackQueueRefusesWithBusy()
{
    ServerConfig config = baseConfig();
    config.limits.maxHeldPerClient = 2;
    Server s(config);
    s.receive(orderedDatagram(DatagramKind::Request, 2, 1), kT0);
    s.receive(orderedDatagram(DatagramKind::Request, 3, 1), kT0);
    s.transmits();
    s.receive(orderedDatagram(DatagramKind::Request, 4, 1), kT0);
    QCOMPARE(s.core.held(), 2);
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    const Sent e = decode(sent[0]);
    QCOMPARE(e.header.callId, 4u);
    QCOMPARE(e.reply.status(), wire::STATUS_BUSY);
    const QString message = QString::fromStdString(e.reply.message());
    QVERIFY2(message.contains(u"hold-back queue full") && message.contains(u"call 1"), qPrintable(message));
    QCOMPARE(stateOf(s.core, 4), std::nullopt); // refused: nothing kept
}

void TestServerCore::unorderedClientsAreNotHeldBack()
{
    Server s;
    s.receive(request(3), kT0);
    s.receive(request(2), kT0);
    QCOMPARE(s.executions().size(), std::size_t(2));
    QCOMPARE(s.core.held(), 0);
    QVERIFY(s.sink.ofKind(EventKind::RequestHeld).empty());
}

void TestServerCore::newRequestExecutesOnce()
{
    Server s;
    ClientDatagram d;
    d.callId = 1;
    d.method = QStringLiteral("counter.add");
    d.args = QByteArray("\x00\x01\xff", 3);
    QCOMPARE(s.receive(d.encode(), kT0), Received::Accepted);

    const auto runs = s.executions();
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs[0].clientId, kClientId);
    QCOMPARE(runs[0].callId, 1u);
    QCOMPARE(runs[0].client, kClientHost);
    QCOMPARE(runs[0].method, QStringLiteral("counter.add"));
    QCOMPARE(runs[0].args, QByteArray("\x00\x01\xff", 3));

    QCOMPARE(s.sink.events.size(), std::size_t(1));
    const trace::Event &start = s.sink.events[0];
    QCOMPARE(start.kind, EventKind::HandlerStart);
    QCOMPARE(start.callId, 1u);
    QCOMPARE(start.attempt, std::uint16_t(1));
    QCOMPARE(start.client, kClientHost);
    QCOMPARE(start.to, kClientHost);
    QCOMPARE(start.from, core::kServerHost);
    QCOMPARE(start.timeUs, kT0.count());

    QCOMPARE(s.core.inProgress(), 1);
    QCOMPARE(stateOf(s.core, 1), std::optional(ReplyCache::State::InProgress));
    QVERIFY(s.executions().empty());
}

void TestServerCore::implicitReplyOnlyWhenHandlerFinishes()
{
    Server s;
    s.receive(request(1), kT0);
    s.executions();
    QVERIFY(s.transmits().empty());

    s.finish(1, QByteArray("result"), ms(20));
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Reply);
    QCOMPARE(sent[0].to, kClientHost);
    QCOMPARE(sent[0].callId, 1u);
    QCOMPARE(sent[0].attempt, std::uint16_t(1));
    const Sent r = decode(sent[0]);
    QCOMPARE(r.header.kind, DatagramKind::Reply);
    QCOMPARE(r.header.clientId, kClientId);
    QCOMPARE(r.header.callId, 1u);
    QCOMPARE(r.header.attempt, std::uint16_t(1));
    QCOMPARE(r.header.epoch, kEpoch);
    QCOMPARE(r.reply.status(), wire::STATUS_OK);
    QCOMPARE(QByteArray::fromStdString(r.reply.result()), QByteArray("result"));

    const auto ends = s.sink.ofKind(EventKind::HandlerEnd);
    QCOMPARE(ends.size(), std::size_t(1));
    QCOMPARE(ends[0].callId, 1u);
    QCOMPARE(ends[0].detail, std::uint32_t(wire::STATUS_OK));
    QCOMPARE(ends[0].timeUs, ms(20).count());
    QCOMPARE(s.core.inProgress(), 0);
    QCOMPARE(stateOf(s.core, 1), std::optional(ReplyCache::State::Done));

    // A second report for the same call changes nothing.
    s.finish(1, QByteArray("again"), ms(30));
    QVERIFY(s.transmits().empty());
    QCOMPARE(s.sink.count(EventKind::HandlerEnd), 1);
}

void TestServerCore::timerTableNamesTheFirstDue()
{
    core::ServerTimers timers;
    QCOMPARE(timers.next(), std::nullopt);
    timers.set(core::ServerTimer::PartialExpiry, ms(30));
    timers.set(core::ServerTimer::ReplyExpiry, ms(20));
    QCOMPARE(timers.next(), std::optional(std::pair{core::ServerTimer::ReplyExpiry, ms(20)}));
    // Due at once: the one named first.
    timers.set(core::ServerTimer::PartialExpiry, ms(20));
    QCOMPARE(timers.next()->first, core::ServerTimer::ReplyExpiry);
    timers.set(core::ServerTimer::AckDelay, ms(20));
    QCOMPARE(timers.next()->first, core::ServerTimer::AckDelay);
    timers.set(core::ServerTimer::AckDelay, std::nullopt);
    timers.set(core::ServerTimer::ReplyExpiry, std::nullopt);
    QCOMPARE(timers.next(), std::optional(std::pair{core::ServerTimer::PartialExpiry, ms(20)}));
}

void TestServerCore::implicitWorkingAfterAckDelay()
{
    Server s;
    s.receive(request(1), kT0);
    s.executions();
    QCOMPARE(s.core.nextTimeout().value(), kT0 + kAckDelay);
    // The timer that is due first is named: the ack delay, before the call
    // has an answer the cache could age out.
    const core::ServerTimers timers = s.core.timers();
    QCOMPARE(timers.at(core::ServerTimer::AckDelay), std::optional(kT0 + kAckDelay));
    QCOMPARE(timers.at(core::ServerTimer::PartialExpiry), std::nullopt);
    QVERIFY(timers.next());
    QCOMPARE(timers.next()->first, core::ServerTimer::AckDelay);
    s.core.handleTimeout(kT0 + kAckDelay - Duration(1));
    QVERIFY(s.transmits().empty());
    s.core.handleTimeout(kT0 + kAckDelay);
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Working);
    QCOMPARE(sent[0].to, kClientHost);
    const Sent w = decode(sent[0]);
    QCOMPARE(w.header.kind, DatagramKind::Working);
    QCOMPARE(w.header.callId, 1u);
    QCOMPARE(w.header.clientId, kClientId);
    QCOMPARE(w.header.epoch, kEpoch);
    QVERIFY(w.body.isEmpty());
    QVERIFY(s.executions().empty());
    // Said once: the client probes from now on.
    s.core.handleTimeout(kT0 + 10 * kAckDelay);
    QVERIFY(s.transmits().empty());
}

void TestServerCore::implicitNoWorkingIfReplyInTime()
{
    Server s;
    s.receive(request(1), kT0);
    s.finish(1, QByteArray("fast"), ms(50));
    QCOMPARE(s.transmits().size(), std::size_t(1));
    // Answered in time, the call leaves no ack timer armed: a driver has no
    // wake-up to make for it.
    QCOMPARE(s.core.timers().at(core::ServerTimer::AckDelay), std::nullopt);
    s.core.handleTimeout(kT0 + kAckDelay);
    QVERIFY(s.transmits().empty());
}

// Ack timers of answered calls go when they are first in line; one behind a
// call still running stays until that one's turn, and the running call
// still gets its "working".
void TestServerCore::implicitAnsweredCallsLeaveNoAckTimer()
{
    Server s;
    s.receive(request(1), kT0);
    s.receive(request(2), kT0 + ms(1));
    s.receive(request(3), kT0 + ms(2));
    s.executions();
    s.finish(2, QByteArray("two"), kT0 + ms(3)); // behind call 1's timer: stays
    QCOMPARE(s.core.timers().at(core::ServerTimer::AckDelay), std::optional(kT0 + kAckDelay));
    s.finish(1, QByteArray("one"), kT0 + ms(4)); // call 1's and call 2's go; call 3's is next
    QCOMPARE(s.core.timers().at(core::ServerTimer::AckDelay), std::optional(kT0 + ms(2) + kAckDelay));
    s.transmits();
    s.core.handleTimeout(kT0 + ms(2) + kAckDelay);
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Working);
    QCOMPARE(decode(sent[0]).header.callId, 3u);
    QCOMPARE(s.core.timers().at(core::ServerTimer::AckDelay), std::nullopt);
}

void TestServerCore::explicitAcksRequestAtOnce()
{
    Server s(baseConfig(core::AckMode::Explicit));
    s.receive(request(1), kT0);
    QCOMPARE(s.executions().size(), std::size_t(1));
    auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Ack);
    const Sent a = decode(sent[0]);
    QCOMPARE(a.header.kind, DatagramKind::Ack);
    QCOMPARE(a.header.callId, 1u);
    QCOMPARE(a.header.attempt, std::uint16_t(1));
    QCOMPARE(a.header.epoch, kEpoch);
    QVERIFY(a.body.isEmpty());
    // No "working" timer in explicit mode.
    s.core.handleTimeout(kT0 + kAckDelay);
    QVERIFY(s.transmits().empty());

    s.finish(1, QByteArray("r"), ms(200));
    sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Reply);
}

void TestServerCore::duplicateWhileInProgress_data()
{
    QTest::addColumn<core::AckMode>("mode");
    QTest::addColumn<int>("answer");
    QTest::newRow("implicit") << core::AckMode::Implicit << int(DatagramKind::Working);
    QTest::newRow("explicit") << core::AckMode::Explicit << int(DatagramKind::Ack);
}

void TestServerCore::duplicateWhileInProgress()
{
    QFETCH(core::AckMode, mode);
    QFETCH(int, answer);
    Server s(baseConfig(mode));
    s.receive(request(1), kT0);
    QCOMPARE(s.executions().size(), std::size_t(1));
    s.transmits();
    const std::size_t before = s.sink.events.size();

    QCOMPARE(s.receive(request(1, 2), ms(30)), Received::Accepted);
    QVERIFY(s.executions().empty());
    QCOMPARE(s.sink.events.size(), before + 1);
    const trace::Event &dup = s.sink.events.back();
    QCOMPARE(dup.kind, EventKind::DuplicateSuppressed);
    QCOMPARE(dup.callId, 1u);
    QCOMPARE(dup.attempt, std::uint16_t(2));
    auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(int(sent[0].kind), answer);
    const Sent a = decode(sent[0]);
    QCOMPARE(int(a.header.kind), answer);
    QCOMPARE(a.header.callId, 1u);
    QCOMPARE(a.header.attempt, std::uint16_t(2));
    QCOMPARE(s.sink.count(EventKind::HandlerStart), 1);
    QCOMPARE(s.core.inProgress(), 1);

    // The reply echoes the latest attempt seen.
    s.finish(1, QByteArray("r"), ms(40));
    sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Reply);
    QCOMPARE(decode(sent[0]).header.attempt, std::uint16_t(2));
}

void TestServerCore::duplicateAfterCompletionResendsCachedReply()
{
    Server s;
    s.receive(request(1), kT0);
    s.executions();
    s.finish(1, QByteArray("the result"), ms(10));
    const Sent first = decode(s.transmits().at(0));
    const std::size_t before = s.sink.events.size();

    QCOMPARE(s.receive(request(1, 3), ms(200)), Received::Accepted);
    QVERIFY(s.executions().empty());
    QCOMPARE(s.sink.events.size(), before + 1);
    QCOMPARE(s.sink.events.back().kind, EventKind::CachedReplyResent);
    QCOMPARE(s.sink.events.back().callId, 1u);
    QCOMPARE(s.sink.events.back().attempt, std::uint16_t(3));
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Reply);
    const Sent again = decode(sent[0]);
    QCOMPARE(again.body, first.body);
    QCOMPARE(again.header.attempt, std::uint16_t(3));
    QCOMPARE(again.header.callId, 1u);
    QCOMPARE(s.sink.count(EventKind::HandlerStart), 1);
}

void TestServerCore::clientAckEvictsAndLateCopyIsStale()
{
    Server s(baseConfig(core::AckMode::Explicit));
    s.receive(request(1), kT0);
    s.executions();
    s.finish(1, QByteArray("r"), ms(10));
    s.transmits();
    const std::size_t before = s.sink.events.size();

    QCOMPARE(s.receive(control(DatagramKind::Ack, 1), ms(20)), Received::Accepted);
    QCOMPARE(s.sink.events.size(), before + 2);
    const trace::Event &ack = s.sink.events[before];
    QCOMPARE(ack.kind, EventKind::Ack);
    QCOMPARE(ack.callId, 1u);
    QCOMPARE(ack.detail, 1u); // a reply acked
    const trace::Event &evict = s.sink.events[before + 1];
    QCOMPARE(evict.kind, EventKind::CacheEvict);
    QCOMPARE(evict.callId, 1u);
    QCOMPARE(evict.detail, std::uint32_t(EvictReason::Acked));
    QCOMPARE(evict.client, kClientHost);
    QVERIFY(s.transmits().empty());
    QCOMPARE(stateOf(s.core, 1), std::optional(ReplyCache::State::Acked));

    // A second ack finds nothing to do.
    s.receive(control(DatagramKind::Ack, 1), ms(21));
    QCOMPARE(s.sink.events.size(), before + 2);

    // A copy of the request the network delayed: never run again, not answered.
    QCOMPARE(s.receive(request(1), ms(30)), Received::Accepted);
    QCOMPARE(s.sink.events.back().kind, EventKind::StaleDropped);
    QCOMPARE(s.sink.events.back().callId, 1u);
    QVERIFY(s.executions().empty());
    QVERIFY(s.transmits().empty());
    QCOMPARE(s.sink.count(EventKind::HandlerStart), 1);
}

void TestServerCore::ackBelowEvictsEarlierFinishedCalls()
{
    Server s;
    s.receive(request(1), kT0);
    s.receive(request(2), kT0);
    s.finish(1, QByteArray("one"), ms(10));
    s.finish(2, QByteArray("two"), ms(11));
    QCOMPARE(s.executions().size(), std::size_t(2));
    s.transmits();
    QCOMPARE(s.core.replyCache().size(), 2);
    const std::size_t before = s.sink.events.size();

    // Call 3 says every call below 3 is over at the client.
    s.receive(request(3, 1, 3), ms(20));
    QCOMPARE(s.sink.events.size(), before + 3);
    QCOMPARE(s.sink.events[before].kind, EventKind::CacheEvict);
    QCOMPARE(s.sink.events[before].callId, 1u);
    QCOMPARE(s.sink.events[before].detail, std::uint32_t(EvictReason::Acked));
    QCOMPARE(s.sink.events[before + 1].kind, EventKind::CacheEvict);
    QCOMPARE(s.sink.events[before + 1].callId, 2u);
    QCOMPARE(s.sink.events[before + 2].kind, EventKind::HandlerStart);
    QCOMPARE(s.sink.events[before + 2].callId, 3u);
    QCOMPARE(s.executions().size(), std::size_t(1));
    QCOMPARE(s.core.replyCache().size(), 1);
    QCOMPARE(s.core.replyCache().ackBelow(kClientId), 3u);

    // Late copies of calls below ack-below: dropped, never run.
    for (std::uint32_t id : {1u, 2u}) {
        QCOMPARE(s.receive(request(id, 2), ms(30)), Received::Accepted);
        QCOMPARE(s.sink.events.back().kind, EventKind::StaleDropped);
        QCOMPARE(s.sink.events.back().callId, id);
    }
    QVERIFY(s.executions().empty());
    QVERIFY(s.transmits().empty());
    QCOMPARE(s.sink.count(EventKind::HandlerStart), 3);
}

void TestServerCore::runningCallBelowAckBelowGoesWhenItFinishes()
{
    // The client gave up on call 1 (its deadline passed) while the handler ran.
    Server s;
    s.receive(request(1), kT0);
    s.receive(request(2, 1, 2), ms(10));
    QCOMPARE(s.executions().size(), std::size_t(2));
    QCOMPARE(s.core.replyCache().size(), 2);
    s.finish(1, QByteArray("too late"), ms(20));
    // The reply still goes out (it is free), then leaves the cache at once.
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].callId, 1u);
    const auto evicted = s.sink.ofKind(EventKind::CacheEvict);
    QCOMPARE(evicted.size(), std::size_t(1));
    QCOMPARE(evicted[0].callId, 1u);
    QCOMPARE(evicted[0].detail, std::uint32_t(EvictReason::Acked));
    QCOMPARE(s.core.replyCache().size(), 1);
    s.receive(request(1, 2), ms(30));
    QCOMPARE(s.sink.events.back().kind, EventKind::StaleDropped);
    QVERIFY(s.executions().empty());
}

void TestServerCore::probeForUnknownCallIsUnknownCall()
{
    Server s;
    QCOMPARE(s.receive(control(DatagramKind::Probe, 9, 4), kT0), Received::Accepted);
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Error);
    const Sent e = decode(sent[0]);
    QCOMPARE(e.header.kind, DatagramKind::Error);
    QCOMPARE(e.header.callId, 9u);
    QCOMPARE(e.header.attempt, std::uint16_t(4));
    QCOMPARE(e.header.epoch, kEpoch);
    QCOMPARE(e.reply.status(), wire::STATUS_UNKNOWN_CALL);
    QVERIFY(!e.reply.message().empty());
    const auto rejected = s.sink.ofKind(EventKind::Rejected);
    QCOMPARE(rejected.size(), std::size_t(1));
    QCOMPARE(rejected[0].detail, std::uint32_t(wire::STATUS_UNKNOWN_CALL));
    QCOMPARE(rejected[0].callId, 9u);
    QVERIFY(s.executions().empty());
    QCOMPARE(s.core.replyCache().size(), 0);
}

void TestServerCore::probeForRunningCallGetsWorking_data()
{
    QTest::addColumn<core::AckMode>("mode");
    QTest::newRow("implicit") << core::AckMode::Implicit;
    QTest::newRow("explicit") << core::AckMode::Explicit;
}

void TestServerCore::probeForRunningCallGetsWorking()
{
    QFETCH(core::AckMode, mode);
    Server s(baseConfig(mode));
    s.receive(request(1), kT0);
    s.executions();
    s.transmits();
    const std::size_t before = s.sink.events.size();
    QCOMPARE(s.receive(control(DatagramKind::Probe, 1), ms(150)), Received::Accepted);
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Working);
    QCOMPARE(decode(sent[0]).header.callId, 1u);
    QVERIFY(s.executions().empty());
    QCOMPARE(s.sink.count(EventKind::DuplicateSuppressed), 0); // a probe is not a duplicate request
    QCOMPARE(s.sink.events.size(), before);
}

void TestServerCore::probeForFinishedCallGetsCachedReply()
{
    Server s;
    s.receive(request(1), kT0);
    s.finish(1, QByteArray("r"), ms(10));
    const Sent first = decode(s.transmits().at(0));
    s.receive(control(DatagramKind::Probe, 1), ms(20));
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Reply);
    QCOMPARE(decode(sent[0]).body, first.body);
    QCOMPARE(s.sink.events.back().kind, EventKind::CachedReplyResent);
}

void TestServerCore::oldEpochIsRefused()
{
    Server s;
    ClientDatagram d;
    d.epoch = kEpoch - 1;
    QCOMPARE(s.receive(d.encode(), kT0), Received::Accepted);
    QVERIFY(s.executions().empty());
    auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Error);
    const Sent e = decode(sent[0]);
    QCOMPARE(e.header.epoch, kEpoch);
    QCOMPARE(e.header.callId, 1u);
    QCOMPARE(e.reply.status(), wire::STATUS_SERVER_RESTARTED);
    QCOMPARE(s.sink.events.back().kind, EventKind::Rejected);
    QCOMPARE(s.sink.events.back().detail, std::uint32_t(wire::STATUS_SERVER_RESTARTED));
    QCOMPARE(s.sink.count(EventKind::HandlerStart), 0);
    QCOMPARE(s.core.replyCache().size(), 0);
    QCOMPARE(s.core.inProgress(), 0);

    // A probe naming the old incarnation gets the same answer.
    d.kind = DatagramKind::Probe;
    s.receive(d.encode(), ms(1));
    sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(decode(sent[0]).reply.status(), wire::STATUS_SERVER_RESTARTED);

    // The current epoch, or none yet, is served.
    d.kind = DatagramKind::Request;
    d.epoch = kEpoch;
    d.callId = 2;
    s.receive(d.encode(), ms(2));
    d.epoch = 0;
    d.callId = 3;
    s.receive(d.encode(), ms(3));
    const auto runs = s.executions();
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(runs[0].callId, 2u);
    QCOMPARE(runs[1].callId, 3u);
}

void TestServerCore::perClientLimitRefusesWithBusy()
{
    ServerConfig config = baseConfig();
    config.limits.maxInProgressPerClient = 2;
    Server s(config);
    s.receive(request(1), kT0);
    s.receive(request(2), kT0);
    QCOMPARE(s.executions().size(), std::size_t(2));
    s.transmits();

    s.receive(request(3), ms(1));
    QVERIFY(s.executions().empty());
    auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Error);
    const Sent e = decode(sent[0]);
    QCOMPARE(e.header.callId, 3u);
    QCOMPARE(e.reply.status(), wire::STATUS_BUSY);
    QCOMPARE(s.sink.events.back().kind, EventKind::Rejected);
    QCOMPARE(s.sink.events.back().detail, std::uint32_t(wire::STATUS_BUSY));
    QCOMPARE(s.core.inProgress(), 2);
    QCOMPARE(s.core.replyCache().size(), 2);

    // Another client is not held back by this one.
    ClientDatagram other;
    other.clientId = kClientId + 1;
    s.receive(other.encode(), ms(2), kClientHost + 1);
    QCOMPARE(s.executions().size(), std::size_t(1));

    // Once one of the two ends, call 3 (which never ran) is accepted.
    s.finish(1, QByteArray("r"), ms(3));
    s.transmits();
    s.receive(request(3, 2), ms(4));
    const auto runs = s.executions();
    QCOMPARE(runs.size(), std::size_t(1));
    QCOMPARE(runs[0].callId, 3u);
}

void TestServerCore::totalLimitRefusesWithBusy()
{
    ServerConfig config = baseConfig();
    config.limits.maxInProgressTotal = 2;
    Server s(config);
    for (std::uint32_t client = 1; client <= 3; ++client) {
        ClientDatagram d;
        d.clientId = client;
        s.receive(d.encode(), kT0, core::HostId(client));
    }
    const auto runs = s.executions();
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(runs[0].clientId, 1u);
    QCOMPARE(runs[1].clientId, 2u);
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].to, core::HostId(3));
    QCOMPARE(decode(sent[0]).reply.status(), wire::STATUS_BUSY);
}

void TestServerCore::maxClientsRefusesNewClients()
{
    // With room for two clients, a third one's first call is refused with
    // STATUS_BUSY while the first two keep being served.
    ServerConfig config = baseConfig();
    config.limits.maxClients = 2;
    Server s(config);
    for (std::uint32_t client = 1; client <= 3; ++client) {
        ClientDatagram d;
        d.clientId = client;
        s.receive(d.encode(), kT0, core::HostId(client));
    }
    const auto runs = s.executions();
    const auto sent = s.transmits();
    QCOMPARE(runs.size(), std::size_t(2));
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].to, core::HostId(3));
    QCOMPARE(decode(sent[0]).reply.status(), wire::STATUS_BUSY);
    ClientDatagram again;
    again.clientId = 1;
    again.callId = 2;
    s.receive(again.encode(), ms(1), 1);
    QCOMPARE(s.executions().size(), std::size_t(1));
}

void TestServerCore::oversizedRequestIsTooLarge()
{
    ServerConfig config = baseConfig();
    config.limits.maxDatagramBytes = 100;
    Server s(config);
    ClientDatagram big;
    big.args = QByteArray(200, 'x');
    QVERIFY(big.encode().size() > 100);
    s.receive(big.encode(), kT0);
    QVERIFY(s.executions().empty());
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Error);
    QCOMPARE(decode(sent[0]).reply.status(), wire::STATUS_TOO_LARGE);
    QCOMPARE(s.sink.events.back().kind, EventKind::Rejected);
    QCOMPARE(s.sink.events.back().detail, std::uint32_t(wire::STATUS_TOO_LARGE));
    QCOMPARE(s.core.replyCache().size(), 0);
    QCOMPARE(s.core.inProgress(), 0);

    ClientDatagram small;
    small.callId = 2;
    QVERIFY(small.encode().size() <= 100);
    s.receive(small.encode(), ms(1));
    QCOMPARE(s.executions().size(), std::size_t(1));
}

void TestServerCore::oversizedReplyBecomesTooLarge()
{
    ServerConfig config = baseConfig();
    config.limits.maxMessageBytes = 200;
    Server s(config);
    s.receive(request(1), kT0);
    s.finish(1, QByteArray(500, 'y'), ms(1));
    auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Reply);
    QVERIFY(sent[0].bytes.size() <= 200);
    const Sent r = decode(sent[0]);
    QCOMPARE(r.reply.status(), wire::STATUS_TOO_LARGE);
    QVERIFY(r.reply.result().empty());
    // The error is what is cached: a duplicate gets the same answer, no second run.
    s.receive(request(1, 2), ms(2));
    sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(decode(sent[0]).body, r.body);
    QCOMPARE(s.executions().size(), std::size_t(1));
}

void TestServerCore::tinyCacheLeavesTombstoneAndNeverRunsAgain()
{
    ServerConfig config = baseConfig();
    config.limits.maxCacheBytes = 10;
    Server s(config);
    s.receive(request(1), kT0);
    QCOMPARE(s.executions().size(), std::size_t(1));
    s.finish(1, QByteArray("result"), ms(5));
    // The reply still goes out once...
    auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Reply);
    QCOMPARE(QByteArray::fromStdString(decode(sent[0]).reply.result()), QByteArray("result"));
    // ...but is not kept.
    const auto evicted = s.sink.ofKind(EventKind::CacheEvict);
    QCOMPARE(evicted.size(), std::size_t(1));
    QCOMPARE(evicted[0].callId, 1u);
    QCOMPARE(evicted[0].detail, std::uint32_t(EvictReason::Bytes));
    QCOMPARE(stateOf(s.core, 1), std::optional(ReplyCache::State::Tombstone));

    for (DatagramKind kind : {DatagramKind::Request, DatagramKind::Probe}) {
        s.receive(kind == DatagramKind::Request ? request(1, 2) : control(kind, 1, 2), ms(50));
        sent = s.transmits();
        QCOMPARE(sent.size(), std::size_t(1));
        QCOMPARE(sent[0].kind, DatagramKind::Error);
        QCOMPARE(decode(sent[0]).reply.status(), wire::STATUS_REPLY_NOT_CACHED);
        QCOMPARE(s.sink.events.back().kind, EventKind::Rejected);
        QCOMPARE(s.sink.events.back().detail, std::uint32_t(wire::STATUS_REPLY_NOT_CACHED));
    }
    QVERIFY(s.executions().empty());
    QCOMPARE(s.sink.count(EventKind::HandlerStart), 1);
}

void TestServerCore::entriesExpireByAgeAtNextTimeout()
{
    ServerConfig config = baseConfig();
    config.limits.maxEntryAge = Duration(1'000'000);
    Server s(config);
    s.receive(request(1), kT0);
    s.finish(1, QByteArray("r"), ms(10));
    s.transmits();
    const TimePoint expiry = ms(10) + config.limits.maxEntryAge;

    // Drive the server the way a driver does: wake at nextTimeout(), and only then.
    // The last wake-up is for the client's idle record, a day later.
    const TimePoint forgetClient = expiry + config.limits.maxIdleAge;
    int wakeups = 0;
    while (const auto next = s.core.nextTimeout()) {
        QVERIFY2(++wakeups <= 4, "the server keeps asking to be woken");
        QVERIFY(*next <= expiry || *next == forgetClient);
        if (*next == expiry) {
            s.core.handleTimeout(expiry - Duration(1));
            QCOMPARE(s.sink.count(EventKind::CacheEvict), 0);
        }
        s.core.handleTimeout(*next);
    }
    QVERIFY(s.transmits().empty()); // the reply was in time: no "working"
    const auto evicted = s.sink.ofKind(EventKind::CacheEvict);
    QCOMPARE(evicted.size(), std::size_t(1));
    QCOMPARE(evicted[0].callId, 1u);
    QCOMPARE(evicted[0].detail, std::uint32_t(EvictReason::Age));
    QCOMPARE(evicted[0].timeUs, expiry.count());
    QCOMPARE(evicted[0].client, kClientHost);
    QCOMPARE(s.core.replyCache().size(), 0);
    QCOMPARE(s.core.replyCache().bytes(), 0);
    QCOMPARE(s.core.replyCache().clientCount(), 0);
}

void TestServerCore::idleClientRecordsAreBoundedAndDoNotCountAsClients()
{
    // Every client incarnation has its own id. Once all that a client left in
    // the cache has aged out, only its marks are kept (so a late copy cannot
    // run again), and those records neither count against maxClients nor
    // grow with every client that ever called: they are capped in number and
    // in age.
    ServerConfig config = baseConfig();
    config.limits.maxEntryAge = Duration(1'000'000);
    config.limits.maxClients = 8;
    config.limits.maxClientsPerHost = 8;
    config.limits.maxIdleClients = 600;
    config.limits.maxIdleAge = Duration(50'000'000);
    Server s(config);
    constexpr std::uint32_t clients = 1000;
    for (std::uint32_t client = 1; client <= clients; ++client) {
        ClientDatagram d;
        d.clientId = client;
        s.receive(d.encode(), kT0, 1);
        s.finish(1, QByteArray("r"), kT0, client);
        d.callId = 2;
        d.ackBelow = 2;
        s.receive(d.encode(), kT0, 1);
        s.finish(2, QByteArray("r"), kT0, client);
        // Age the last client's answer out before the next one comes, so
        // maxClients (8) is never reached by active clients.
        s.core.handleTimeout(kT0 + config.limits.maxEntryAge);
    }
    QCOMPARE(s.executions().size(), std::size_t(2 * clients));
    QCOMPARE(s.core.replyCache().size(), 0);
    QCOMPARE(s.core.replyCache().bytes(), 0);
    QCOMPARE(s.core.replyCache().activeClientCount(), 0);
    QCOMPARE(s.core.replyCache().idleClientCount(), 600);
    QCOMPARE(s.core.replyCache().clientCount(), 600);
    // The newest records are the ones kept.
    QVERIFY(s.core.replyCache().knowsClient(clients));
    QVERIFY(!s.core.replyCache().knowsClient(clients - 600));

    // They go by age too.
    s.core.handleTimeout(kT0 + config.limits.maxEntryAge + config.limits.maxIdleAge);
    QCOMPARE(s.core.replyCache().clientCount(), 0);
}

// Issue: at-most-once broke once a call outlived the reply cache. A client
// whose deadline is longer than the cache's age limit (or an attacker
// replaying a captured request) resent call 1 after its answer aged out, and
// the server ran it a second time.
void TestServerCore::resendAfterTheAnswerAgedOutIsRefusedNotRun()
{
    ServerConfig config = baseConfig();
    config.limits.maxEntryAge = Duration(120'000'000);
    Server s(config);
    QCOMPARE(s.receive(request(1), kT0), Received::Accepted);
    QCOMPARE(s.executions().size(), std::size_t(1));
    s.finish(1, QByteArray("once"), ms(5));
    s.transmits();
    s.core.handleTimeout(ms(5) + config.limits.maxEntryAge);
    QCOMPARE(s.core.replyCache().size(), 0);
    s.sink.events.clear();

    // The resend 171 s later, and a probe: refused, not run.
    QCOMPARE(s.receive(request(1, 9), ms(171'000)), Received::Accepted);
    QCOMPARE(s.receive(control(DatagramKind::Probe, 1, 9), ms(171'001)), Received::Accepted);
    QCOMPARE(s.executions().size(), std::size_t(0));
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(2));
    for (const Transmit &t : sent) {
        const Sent e = decode(t);
        QCOMPARE(e.header.kind, DatagramKind::Error);
        QCOMPARE(e.header.callId, 1u);
        QCOMPARE(e.reply.status(), wire::STATUS_RESULT_FORGOTTEN);
        QVERIFY(!e.reply.message().empty());
    }
    QCOMPARE(s.sink.events.front().kind, EventKind::Rejected);
    QCOMPARE(s.sink.events.front().detail, std::uint32_t(wire::STATUS_RESULT_FORGOTTEN));

    // Still so an hour later: the mark outlives the entry.
    QCOMPARE(s.receive(request(1, 30), ms(3'600'000)), Received::Accepted);
    QCOMPARE(s.executions().size(), std::size_t(0));

    // The client's next call is new and runs.
    QCOMPARE(s.receive(request(2, 1, 1), ms(3'600'001)), Received::Accepted);
    QCOMPARE(s.executions().size(), std::size_t(1));
}

void TestServerCore::forgottenMarkCoversEveryOlderCall()
{
    // Calls 1..3 run; 2 and 3 age out while 1 is still running. A copy of 2
    // or 3 is refused; 1 finishes and is answered as usual; a call below the
    // mark that never arrived is refused too (it may be a replay of one that
    // ran and left already), never run.
    ServerConfig config = baseConfig();
    config.limits.maxEntryAge = Duration(1'000'000);
    Server s(config);
    for (std::uint32_t id = 1; id <= 3; ++id)
        s.receive(request(id), kT0);
    QCOMPARE(s.executions().size(), std::size_t(3));
    s.finish(2, QByteArray("2"), kT0);
    s.finish(3, QByteArray("3"), kT0);
    s.core.handleTimeout(kT0 + config.limits.maxEntryAge);
    s.transmits(); // the replies, and "working" for call 1
    QCOMPARE(s.core.replyCache().forgottenBelow(kClientId), 4u);
    QCOMPARE(s.core.replyCache().size(), 1);

    s.receive(request(3, 2), ms(1'500));
    s.receive(request(2, 2), ms(1'500));
    QCOMPARE(s.executions().size(), std::size_t(0));
    for (const Transmit &t : s.transmits())
        QCOMPARE(decode(t).reply.status(), wire::STATUS_RESULT_FORGOTTEN);

    // Call 1 is still running: a copy is a duplicate in progress, not forgotten.
    s.receive(request(1, 2), ms(1'600));
    auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(decode(sent[0]).header.kind, DatagramKind::Working);
    s.finish(1, QByteArray("1"), ms(1'700));
    sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(decode(sent[0]).reply.result(), std::string("1"));
    QCOMPARE(s.executions().size(), std::size_t(0));
}

// The token `host` was given, taken from what the server sent it.
std::uint64_t tokenSentTo(const std::vector<Transmit> &sent, core::HostId host)
{
    for (const Transmit &t : sent)
        if (t.to == host && decode(t).header.token != 0)
            return decode(t).header.token;
    return 0;
}

// Issue: about 4,100 requests with made-up client ids from one source port
// filled the 4,096-client table, and every new client was refused for 120 s.
void TestServerCore::oneSenderCannotFillTheClientTable()
{
    ServerConfig config = baseConfig(core::AckMode::Explicit); // the ack carries the token at once
    config.limits.maxClients = 64;
    config.limits.maxClientsPerHost = 8;
    Server s(config);
    // A sender that never shows it receives: one client.
    constexpr core::HostId forger = 9;
    for (std::uint32_t client = 1; client <= 4'100; ++client) {
        ClientDatagram d;
        d.clientId = 0x10000 + client;
        s.receive(d.encode(), ms(client), forger);
    }
    QCOMPARE(s.executions().size(), std::size_t(1));
    QCOMPARE(s.core.replyCache().activeClientsOn(forger), 1);
    auto sent = s.transmits();
    int refusals = 0;
    for (const Transmit &t : sent) {
        QCOMPARE(t.to, forger);
        refusals += decode(t).header.kind == DatagramKind::Error;
    }
    QCOMPARE(refusals, 4'100 - 1);

    // A sender that echoes its token: eight.
    constexpr core::HostId greedy = 10;
    ClientDatagram first;
    first.clientId = 0x20000;
    s.receive(first.encode(), ms(5'000), greedy);
    const std::uint64_t token = tokenSentTo(s.transmits(), greedy);
    QVERIFY(token != 0);
    for (std::uint32_t client = 1; client <= 100; ++client) {
        ClientDatagram d;
        d.clientId = 0x20000 + client;
        d.token = token;
        s.receive(d.encode(), ms(5'000), greedy);
    }
    QCOMPARE(s.executions().size(), std::size_t(8));
    QCOMPARE(s.core.replyCache().activeClientsOn(greedy), 8);
    s.transmits();

    // Nobody else is locked out: 55 clients from elsewhere still get in.
    for (core::HostId host = 20; host < 20 + 55; ++host) {
        ClientDatagram d;
        d.clientId = host;
        s.receive(d.encode(), ms(6'000), host);
    }
    QCOMPARE(s.executions().size(), std::size_t(55));
    // The global limit still holds.
    ClientDatagram late;
    late.clientId = 999;
    s.transmits();
    s.receive(late.encode(), ms(6'001), 200);
    QCOMPARE(s.executions().size(), std::size_t(0));
    sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(decode(sent[0]).reply.status(), wire::STATUS_BUSY);
}

// Issue: 1,024 first fragments, each under a made-up client id, filled the
// table of partial messages and every fragmented request failed for 60 s.
void TestServerCore::oneSenderCannotFillThePartialTable()
{
    ServerConfig config = baseConfig(core::AckMode::Explicit);
    config.limits.maxPartialsTotal = 256;
    config.limits.maxPartialsPerHost = 32;
    Server s(config);
    const auto firstFragment = [](std::uint32_t clientId, std::uint64_t token = 0) {
        wire::Header h;
        h.clientId = clientId;
        h.callId = 1;
        h.ackBelow = 1;
        h.fragmentIndex = 0;
        h.fragmentCount = 4;
        h.token = token;
        return wire::encodeDatagram(h, QByteArray(100, 'f'), kChecksum);
    };
    // One forged sender: its own cap, however many client ids it makes up.
    constexpr core::HostId forger = 9;
    for (std::uint32_t client = 1; client <= 1'024; ++client)
        s.receive(firstFragment(0x20000 + client), ms(client), forger);
    QCOMPARE(s.core.partialMessages(), 32);
    // Three hundred forged senders: a quarter of the table between them.
    for (core::HostId host = 100; host < 400; ++host)
        s.receive(firstFragment(0x30000 + host), ms(2'000), host);
    QCOMPARE(s.core.partialMessages(), 256 / 4);
    // A sender that has shown it receives still finds room, up to its own cap.
    constexpr core::HostId known = 10;
    s.transmits();
    s.receive(request(1), ms(3'000), known);
    std::uint64_t token = tokenSentTo(s.transmits(), known);
    QVERIFY(token != 0);
    for (std::uint32_t client = 1; client <= 40; ++client)
        s.receive(firstFragment(0x40000 + client, token), ms(3'001), known);
    QCOMPARE(s.core.partialMessages(), 256 / 4 + 32);
    // A new client that finds the forged quarter full is not locked out: its
    // dropped fragment is answered with its token (an empty selective ack),
    // and its resend, carrying the token, is taken in.
    constexpr core::HostId newcomer = 11;
    s.receive(firstFragment(0x50000), ms(4'000), newcomer);
    QCOMPARE(s.core.partialMessages(), 256 / 4 + 32);
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    const Sent emptyAck = decode(sent[0]);
    QCOMPARE(emptyAck.header.kind, DatagramKind::FragmentAck);
    QCOMPARE(emptyAck.body, QByteArray(1, '\0'));
    token = emptyAck.header.token;
    QVERIFY(token != 0);
    s.receive(firstFragment(0x50000, token), ms(4'100), newcomer);
    QCOMPARE(s.core.partialMessages(), 256 / 4 + 32 + 1);
}

void TestServerCore::garbageChangesNothing()
{
    constexpr std::uint64_t seed = 0x5EED0001;
    core::Random random(seed);
    Server s;
    // Some state to disturb: one call running, one finished.
    s.receive(request(1), kT0);
    s.receive(request(2), kT0);
    s.finish(2, QByteArray("two"), ms(1));
    s.executions();
    s.transmits();
    const int inProgress = s.core.inProgress();
    const qsizetype cacheSize = s.core.replyCache().size();
    const std::int64_t cacheBytes = s.core.replyCache().bytes();
    const auto nextTimeout = s.core.nextTimeout();
    QCOMPARE(inProgress, 1);
    QCOMPARE(cacheSize, 2);

    std::vector<QByteArray> cases;
    const QByteArray valid[] = {request(3), request(1, 2), request(2, 2), control(DatagramKind::Probe, 1),
                                control(DatagramKind::Ack, 2)};
    // Every truncation of valid datagrams.
    for (const QByteArray &v : valid)
        for (qsizetype size = 0; size < v.size(); ++size)
            cases.push_back(v.left(size));
    // Valid datagrams with 1 to 4 bytes changed.
    while (cases.size() < 2500) {
        const QByteArray &original = valid[random.between(0, 4)];
        QByteArray d = original;
        const int changes = int(random.between(1, 4));
        for (int i = 0; i < changes; ++i) {
            const auto at = qsizetype(random.between(0, d.size() - 1));
            d[at] = char(d[at] ^ char(random.between(1, 255)));
        }
        if (d != original) // two changes of one byte may cancel out
            cases.push_back(d);
    }
    // Random bytes: some plain noise, some framed well enough (magic, version,
    // a body length that fits) to reach the checksum.
    while (cases.size() < 5000) {
        QByteArray d(qsizetype(random.between(0, 120)), Qt::Uninitialized);
        for (char &c : d)
            c = char(random.next());
        if (d.size() >= wire::kOverhead && random.chance(0.5)) {
            qToBigEndian<quint16>(wire::kMagic, d.data());
            d[2] = char(wire::kVersion);
            qToBigEndian<quint32>(quint32(d.size() - wire::kOverhead), d.data() + 28);
        }
        cases.push_back(d);
    }

    int checksumFails = 0;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const std::size_t before = s.sink.events.size();
        const Received received = s.receive(cases[i], ms(2) + Duration(qint64(i)));
        const QString where = QStringLiteral("case %1 (seed %2): %3")
                                  .arg(i).arg(seed).arg(QString::fromLatin1(cases[i].toHex()));
        QVERIFY2(received == Received::Malformed || received == Received::ChecksumFailed,
                 qPrintable(where));
        QVERIFY2(s.sink.events.size() == before + 1, qPrintable(where));
        const trace::Event &e = s.sink.events.back();
        if (received == Received::ChecksumFailed) {
            QVERIFY2(e.kind == EventKind::ChecksumFail, qPrintable(where));
            QVERIFY2(e.detail == std::uint32_t(wire::DecodeError::ChecksumMismatch), qPrintable(where));
            ++checksumFails;
        } else {
            QVERIFY2(e.kind == EventKind::MalformedDropped, qPrintable(where));
        }
        Transmit t;
        Execution x;
        QVERIFY2(!s.core.pollTransmit(t), qPrintable(where));
        QVERIFY2(!s.core.pollExecution(x), qPrintable(where));
        QVERIFY2(s.core.inProgress() == inProgress, qPrintable(where));
        QVERIFY2(s.core.replyCache().size() == cacheSize, qPrintable(where));
        QVERIFY2(s.core.replyCache().bytes() == cacheBytes, qPrintable(where));
        QVERIFY2(s.core.nextTimeout() == nextTimeout, qPrintable(where));
    }
    // Both kinds of drop were exercised, not just one.
    QVERIFY(checksumFails > 1000);
    QVERIFY(checksumFails < int(cases.size()) - 500);

    // And the server still works: the running call finishes, the finished one is resent.
    s.finish(1, QByteArray("one"), ms(10'000));
    s.receive(request(2, 3), ms(10'001));
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(2));
    QCOMPARE(QByteArray::fromStdString(decode(sent[0]).reply.result()), QByteArray("one"));
    QCOMPARE(QByteArray::fromStdString(decode(sent[1]).reply.result()), QByteArray("two"));
    QCOMPARE(s.sink.count(EventKind::HandlerStart), 2);
}

void TestServerCore::undecodableRequestBodyIsMalformed()
{
    // A well-framed request whose protobuf body does not parse (a
    // length-delimited field claiming 100 bytes that are not there): not run,
    // not cached, reported as malformed, and Received::Malformed so the
    // simulator counts the damage as caught rather than accepted.
    Server s;
    wire::Header h;
    h.kind = DatagramKind::Request;
    h.clientId = kClientId;
    h.callId = 1;
    h.ackBelow = 1;
    const QByteArray garbage = wire::encodeDatagram(h, QByteArray("\x12\x64", 2), kChecksum);
    const Received received = s.receive(garbage, kT0);
    QCOMPARE(s.sink.events.size(), std::size_t(1));
    QCOMPARE(s.sink.events.back().kind, EventKind::MalformedDropped);
    QCOMPARE(s.sink.events.back().detail, std::uint32_t(wire::DecodeError::BadBody));
    QVERIFY(s.executions().empty());
    QVERIFY(s.transmits().empty());
    QCOMPARE(s.core.replyCache().size(), 0);
    QCOMPARE(s.core.inProgress(), 0);
    QCOMPARE(received, Received::Malformed);
    // The real request, when it comes, is run.
    s.receive(request(1, 2), ms(1));
    QCOMPARE(s.executions().size(), std::size_t(1));
}

// A fragment may claim any count. Answered with a bitmap of that many bits,
// a 40-byte datagram drew a selective ack of 7.5 KB, more than the server's
// own datagram size (an amplifier for a spoofed sender). Found by the
// fuzz_servercore invariant that everything the server sends fits its
// datagram size.
void TestServerCore::fragmentCountBeyondOneAckIsNotAnswered()
{
    Server s;
    const qsizetype maxDatagram = s.core.config().maxDatagram;
    const auto fragment = [](std::uint32_t callId, std::uint16_t index, std::uint16_t count) {
        wire::Header h;
        h.clientId = kClientId;
        h.callId = callId;
        h.ackBelow = 1;
        h.fragmentIndex = index;
        h.fragmentCount = count;
        h.ackRequested = true;
        return wire::encodeDatagram(h, QByteArray("x"), kChecksum);
    };

    // Fragments for a call already admitted: no ack listing 60,000 fragments.
    QCOMPARE(s.receive(request(1), kT0), Received::Accepted);
    QCOMPARE(s.executions().size(), std::size_t(1));
    s.receive(fragment(1, 0, 60'000), ms(1));
    for (const Transmit &t : s.transmits())
        QVERIFY2(t.bytes.size() <= maxDatagram, qPrintable(QString::number(t.bytes.size())));

    // The last fragment of a new message that big: refused, nothing held for it.
    QCOMPARE(s.receive(fragment(2, 59'999, 60'000), ms(2)), Received::Accepted);
    const std::vector<Transmit> sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QVERIFY(sent[0].bytes.size() <= maxDatagram);
    const Sent refusal = decode(sent[0]);
    QCOMPARE(refusal.header.kind, DatagramKind::Error);
    QCOMPARE(refusal.reply.status(), wire::STATUS_TOO_LARGE);
    QCOMPARE(s.core.partialMessages(), 0);

    // The largest count one ack can list is still taken in.
    const auto largest = std::uint16_t(core::maxFragments(maxDatagram - wire::kMaxOverhead));
    QCOMPARE(s.receive(fragment(3, largest - 1, largest), ms(3)), Received::Accepted);
    QCOMPARE(s.core.partialMessages(), 1);
    for (const Transmit &t : s.transmits())
        QVERIFY(t.bytes.size() <= maxDatagram);
}

namespace {
std::int64_t bytesOf(const std::vector<Transmit> &sent)
{
    std::int64_t n = 0;
    for (const Transmit &t : sent)
        n += t.bytes.size();
    return n;
}
} // namespace

// Issue: a 36-byte duplicate naming a finished call with a 60 KB reply got
// the whole reply back, 61,660 bytes (x1,713), to whatever address it
// claimed to come from. Now an address that has not echoed its token gets
// at most three times what it sent, and the reply only once it does.
void TestServerCore::unvalidatedSenderGetsAtMostThreeTimesItsBytes()
{
    Server s;
    constexpr core::HostId victim = 7;
    const QByteArray first = request(1);
    std::int64_t received = first.size();
    s.receive(first, kT0, victim);
    QCOMPARE(s.executions().size(), std::size_t(1));
    s.finish(1, QByteArray(60'000, 'R'), ms(1));
    auto sent = s.transmits();
    // Not the reply: one short "working" that asks for an answer and carries the token.
    QCOMPARE(sent.size(), std::size_t(1));
    const Sent challenge = decode(sent[0]);
    QCOMPARE(challenge.header.kind, DatagramKind::Working);
    QVERIFY(challenge.header.ackRequested);
    QVERIFY(challenge.header.token != 0);
    std::int64_t returned = bytesOf(sent);

    // A thousand duplicates from the forged address: never more than 3x back.
    for (std::uint16_t attempt = 2; attempt < 1'002; ++attempt) {
        const QByteArray copy = request(1, attempt);
        received += copy.size();
        s.receive(copy, ms(attempt), victim);
        returned += bytesOf(s.transmits());
        QVERIFY2(returned <= 3 * received, qPrintable(QStringLiteral("%1 bytes back for %2").arg(returned).arg(received)));
    }
    QCOMPARE(s.executions().size(), std::size_t(0));
    QVERIFY(s.core.amplification().heldBack >= 1'000);
    QVERIFY(!s.core.isValidated(victim));

    // The real client echoes the token in a probe: the whole reply follows.
    ClientDatagram probe;
    probe.kind = DatagramKind::Probe;
    probe.token = challenge.header.token;
    s.receive(probe.encode(), ms(2'000), victim);
    QVERIFY(s.core.isValidated(victim));
    sent = s.transmits();
    QVERIFY(bytesOf(sent) > 60'000);
    for (const Transmit &t : sent)
        QCOMPARE(decode(t).header.kind, DatagramKind::Reply);
    QCOMPARE(s.core.amplification().validated, 1u);
}

void TestServerCore::onlyItsOwnTokenValidatesASender()
{
    Server s;
    ClientDatagram other;
    other.clientId = kClientId + 1;
    s.receive(request(1), kT0, 4);
    s.receive(other.encode(), kT0, 5);
    s.finish(1, QByteArray("r"), ms(1));
    s.finish(1, QByteArray("r"), ms(1), other.clientId);
    std::uint64_t tokenOf4 = 0, tokenOf5 = 0;
    for (const Transmit &t : s.transmits())
        (t.to == 4 ? tokenOf4 : tokenOf5) = decode(t).header.token;
    QVERIFY(tokenOf4 != 0);
    QVERIFY(tokenOf5 != 0);
    QVERIFY(tokenOf4 != tokenOf5);
    // Host 5 cannot use host 4's token, nor a made-up one.
    ClientDatagram d;
    d.kind = DatagramKind::Probe;
    d.token = tokenOf4;
    s.receive(d.encode(), ms(2), 5);
    QVERIFY(!s.core.isValidated(5));
    d.token = tokenOf4 ^ 0x100;
    s.receive(d.encode(), ms(3), 4);
    QVERIFY(!s.core.isValidated(4));
    s.transmits();
    d.token = tokenOf4;
    s.receive(d.encode(), ms(4), 4);
    QVERIFY(s.core.isValidated(4));
    // Once validated, datagrams carry no token any more.
    const auto after = s.transmits();
    QVERIFY(!after.empty());
    for (const Transmit &t : after) {
        QCOMPARE(t.to, core::HostId(4));
        QCOMPARE(decode(t).header.token, 0u);
    }
}

void TestServerCore::forgottenHostStartsUnvalidated()
{
    Server s;
    s.receive(request(1), kT0, 4);
    s.finish(1, QByteArray("r"), ms(1));
    const Sent reply = decode(s.transmits().back());
    ClientDatagram d;
    d.kind = DatagramKind::Probe;
    d.token = reply.header.token;
    s.receive(d.encode(), ms(2), 4);
    QVERIFY(s.core.isValidated(4));
    // The driver forgets the address; the id's next holder must prove itself.
    s.core.forgetHost(4);
    QVERIFY(!s.core.isValidated(4));
    s.receive(d.encode(), ms(3), 4); // the old token is not this holder's
    QVERIFY(!s.core.isValidated(4));
}

// Even a client that has shown it receives cannot make the server resend a
// large cached reply without limit: resends come out of a budget of bytes
// per second shared by everyone.
void TestServerCore::cachedResendsAreCappedInBytesPerSecond()
{
    ServerConfig config = baseConfig(core::AckMode::Explicit);
    config.limits.maxResendBytesPerSecond = 6'000; // a resend of this reply is charged 3 x 1,400 bytes
    Server s(config);
    s.receive(request(1), kT0);
    const std::uint64_t token = tokenSentTo(s.transmits(), kClientHost); // the ack carries it
    QVERIFY(token != 0);
    s.finish(1, QByteArray(4'000, 'R'), ms(1)); // three fragments of 1,356 bytes
    s.transmits();
    ClientDatagram copy;
    copy.token = token;
    copy.attempt = 2;
    // The first resend fits the second's budget; the second, at once, does not.
    s.receive(copy.encode(), ms(2));
    QVERIFY(bytesOf(s.transmits()) > 4'000);
    QVERIFY(s.core.isValidated(kClientHost));
    copy.attempt = 3;
    s.receive(copy.encode(), ms(3));
    QCOMPARE(bytesOf(s.transmits()), 0);
    QCOMPARE(s.core.amplification().resendsCapped, 1u);
    // Half a second later the budget has grown back enough (1,800 + 3,000).
    copy.attempt = 4;
    s.receive(copy.encode(), ms(503));
    QVERIFY(bytesOf(s.transmits()) > 4'000);
    QCOMPARE(s.sink.count(EventKind::HandlerStart), 1);
}

// A copy of a call from another address and port: from a sender that has
// not shown it receives (a forger who guessed the client id), the answers
// stay where they went; from one that has (the client on a new port), they
// follow it.
void TestServerCore::onlyAValidatedSenderMovesACallsAnswers()
{
    Server s;
    s.receive(request(1), kT0);
    s.finish(1, QByteArray("mine"), ms(1));
    s.transmits();
    constexpr core::HostId elsewhere = 9;
    s.receive(request(1, 2), ms(2), elsewhere);
    auto asked = s.transmits();
    QCOMPARE(asked.size(), std::size_t(1)); // nothing to the client, no reply to the forger
    QCOMPARE(asked[0].to, elsewhere);
    const Sent challenge = decode(asked[0]);
    QCOMPARE(challenge.header.kind, DatagramKind::Working);
    QVERIFY(challenge.header.ackRequested);
    const std::uint64_t token = challenge.header.token;
    QVERIFY(token != 0);

    // The client itself on that new port: it echoes the token it was given there.
    ClientDatagram probe;
    probe.kind = DatagramKind::Probe;
    probe.token = token;
    s.receive(probe.encode(), ms(4), elsewhere);
    const auto sent = s.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].to, elsewhere);
    QCOMPARE(decode(sent[0]).reply.result(), std::string("mine"));
}

QTEST_GUILESS_MAIN(TestServerCore)
#include "tst_servercore.moc"
