// ClientCore driven by hand in virtual time: every datagram it is given is
// built here, every datagram it sends is decoded and checked field by field,
// and every event it reports is compared with what the protocol says should
// happen (send, time out, resend, probe, complete, fail, drop).
#include "base/event.h"
#include "core/clientcore.h"
#include "recordingsink.h"
#include "testprinters.h"
#include "wire/bodies.pb.h"
#include "wire/datagram.h"

#include <QTest>

#include <algorithm>
#include <vector>

using namespace rpcscope;
using core::ClientConfig;
using core::ClientCore;
using core::Completion;
using core::Duration;
using core::Received;
using core::TimePoint;
using core::Transmit;
using trace::CallError;
using trace::EventKind;
using wire::DatagramKind;

Q_DECLARE_METATYPE(rpcscope::wire::DatagramKind)
Q_DECLARE_METATYPE(rpcscope::trace::EventKind)

namespace {

constexpr std::uint32_t kClientId = 0x00C0FFEE;
constexpr core::HostId kHost = 2;
constexpr std::uint32_t kEpoch = 7;
constexpr auto kChecksum = wire::ChecksumKind::Crc32c;
constexpr TimePoint kT0{1'000'000};
constexpr Duration kTimeout{100'000};

constexpr TimePoint ms(std::int64_t m)
{
    return kT0 + Duration(m * 1'000);
}

using testsupport::RecordingSink;

ClientConfig baseConfig()
{
    ClientConfig c;
    c.clientId = kClientId;
    c.host = kHost;
    c.server = core::kServerHost;
    c.retry.backoff = core::Backoff::Exponential;
    c.retry.timeout = kTimeout;
    c.retry.factor = 2.0;
    c.retry.maxTimeout = Duration(5'000'000);
    c.retry.minTimeout = Duration(1'000);
    c.retry.maxAttempts = 8;
    c.retry.deadline = Duration(10'000'000);
    c.window = 8;
    c.ackMode = core::AckMode::Implicit;
    c.checksum = kChecksum;
    c.pollInterval = Duration(0);
    c.seed = 1;
    return c;
}

// A client with its sink; the core keeps a pointer to the sink, so this never moves.
struct Client
{
    explicit Client(ClientConfig config = baseConfig()) : core(config, &sink) {}
    Client(const Client &) = delete;

    std::vector<Transmit> transmits() { return testsupport::drain(core, &core::ClientCore::pollTransmit); }
    std::vector<Completion> completions() { return testsupport::drain(core, &core::ClientCore::pollCompletion); }

    RecordingSink sink;
    ClientCore core;
};

QByteArray serverDatagram(DatagramKind kind, std::uint32_t callId, QByteArrayView body = {},
                          std::uint16_t attempt = 1, std::uint32_t epoch = kEpoch,
                          std::uint32_t clientId = kClientId)
{
    wire::Header h;
    h.kind = kind;
    h.attempt = attempt;
    h.epoch = epoch;
    h.clientId = clientId;
    h.callId = callId;
    return wire::encodeDatagram(h, body, kChecksum);
}

QByteArray replyBody(wire::Status status, const QByteArray &result = {}, const QString &message = {})
{
    wire::ReplyBody body;
    body.set_status(status);
    body.set_result(result.constData(), std::size_t(result.size()));
    if (!message.isEmpty())
        body.set_message(message.toStdString());
    const std::string s = body.SerializeAsString();
    return QByteArray(s.data(), qsizetype(s.size()));
}

QByteArray reply(std::uint32_t callId, const QByteArray &result, std::uint32_t epoch = kEpoch,
                 std::uint16_t attempt = 1)
{
    return serverDatagram(DatagramKind::Reply, callId, replyBody(wire::STATUS_OK, result), attempt,
                          epoch);
}

struct Sent
{
    wire::Header header;
    QByteArray body;
};

// Decodes what the client sent; fails the test if it is not a valid datagram.
Sent decode(const Transmit &t)
{
    wire::Decoded d;
    const wire::DecodeError error = wire::decodeDatagram(t.bytes, kChecksum, d);
    if (error != wire::DecodeError::None)
        qFatal("the client sent an undecodable datagram: %s",
               qPrintable(wire::decodeErrorName(error)));
    return {d.header, d.body.toByteArray()};
}

} // namespace

class TestClientCore : public QObject
{
    Q_OBJECT

private slots:
    void startCallSendsFirstRequest();
    void echoesTheLatestAddressToken();
    void challengeIsAnsweredAtOnceWithAProbe();
    void handleTimeoutBeforeTimerDoesNothing();
    void timeoutResendsWithNextAttempt();
    void maxAttemptsFailsAfterLastTimeout();
    void noAttemptLimitResendsUntilTheDeadline();
    void deadlineEndsCallMidBackoff();
    void deadlineWinsOverTimeoutAtSameInstant();
    void replyOkCompletesCall();
    void duplicateReplyIsDroppedAsLate();
    void replyForUnknownCallIsLate();
    void nonOkStatusIsRejected();
    void errorDatagramWithoutMessageNamesStatus();
    void serverRestartedStatusIsServerRestarted();
    void ackOrWorkingSwitchesToProbing_data();
    void ackOrWorkingSwitchesToProbing();
    void probingNeverHitsMaxAttemptsButDeadlineEndsIt();
    void pollIntervalSetsProbePeriod();
    void karnsRuleSamplesOnlyFirstAttempts();
    void windowQueuesCallsBeyondIt();
    void ackBelowIsLowestCallInFlight();
    void explicitModeAcksEveryReply();
    void epochChangeFailsCallsSentUnderOldEpoch_data();
    void epochChangeFailsCallsSentUnderOldEpoch();
    void epochLearnedOnFirstContactStampsCallsInFlight();
    void wrongClientIdIsDropped();
    void badChecksumIsDropped();
    void truncatedDatagramIsDropped();
    void requestOrProbeAtClientIsDropped();
    void undecodableReplyBodyIsMalformed();
    void cancelEndsCall();
    void setRetryConfigRearmsTimers();
    void setRetryConfigRearmsProbingCallsAtProbePeriod();
    void setRetryConfigAppliesToQueuedCalls();
    void nextTimeoutIsEarliestLiveTimer();
    void replyOfMoreFragmentsThanOneAckFails();
};

void TestClientCore::startCallSendsFirstRequest()
{
    Client c;
    const std::uint32_t id = c.core.startCall(QStringLiteral("echo"), QByteArray("hi"), kT0);
    QCOMPARE(id, 1u);

    QCOMPARE(c.sink.events.size(), std::size_t(1));
    const trace::Event &start = c.sink.events[0];
    QCOMPARE(start.kind, EventKind::CallStart);
    QCOMPARE(start.callId, 1u);
    QCOMPARE(start.timeUs, kT0.count());
    QCOMPARE(start.from, kHost);
    QCOMPARE(start.client, kHost);

    const auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    const Transmit &t = sent[0];
    QCOMPARE(t.kind, DatagramKind::Request);
    QCOMPARE(t.to, core::kServerHost);
    QCOMPARE(t.callId, 1u);
    QCOMPARE(t.attempt, std::uint16_t(1));
    QCOMPARE(t.client, kHost);

    const Sent s = decode(t);
    QCOMPARE(s.header.kind, DatagramKind::Request);
    QCOMPARE(s.header.attempt, std::uint16_t(1));
    QCOMPARE(s.header.clientId, kClientId);
    QCOMPARE(s.header.callId, 1u);
    QCOMPARE(s.header.ackBelow, 1u);
    QCOMPARE(s.header.epoch, 0u); // no server heard from yet
    QCOMPARE(s.header.fragmentIndex, std::uint16_t(0));
    QCOMPARE(s.header.fragmentCount, std::uint16_t(1));
    wire::RequestBody body;
    QVERIFY(body.ParseFromArray(s.body.constData(), int(s.body.size())));
    QCOMPARE(QString::fromStdString(body.method()), QStringLiteral("echo"));
    QCOMPARE(QByteArray::fromStdString(body.args()), QByteArray("hi"));

    QCOMPARE(c.core.nextTimeout().value(), kT0 + kTimeout);
    QCOMPARE(c.core.inFlight(), 1);
    QCOMPARE(c.core.queued(), 0);
    QVERIFY(c.completions().empty());

    // The next call gets the next id.
    QCOMPARE(c.core.startCall(QStringLiteral("echo"), QByteArray(), kT0), 2u);
}

void TestClientCore::handleTimeoutBeforeTimerDoesNothing()
{
    Client c;
    c.core.startCall(QStringLiteral("echo"), QByteArray("hi"), kT0);
    c.transmits();
    const std::size_t events = c.sink.events.size();
    c.core.handleTimeout(kT0);
    c.core.handleTimeout(kT0 + kTimeout - Duration(1));
    QVERIFY(c.transmits().empty());
    QCOMPARE(c.sink.events.size(), events);
    QCOMPARE(c.core.nextTimeout().value(), kT0 + kTimeout);
    QCOMPARE(c.core.inFlight(), 1);
}

void TestClientCore::timeoutResendsWithNextAttempt()
{
    Client c;
    c.core.startCall(QStringLiteral("echo"), QByteArray("hi"), kT0);
    const QByteArray firstBody = decode(c.transmits().at(0)).body;
    const std::size_t before = c.sink.events.size();

    c.core.handleTimeout(kT0 + kTimeout);
    QCOMPARE(c.sink.events.size(), before + 2);
    const trace::Event &timeout = c.sink.events[before];
    QCOMPARE(timeout.kind, EventKind::Timeout);
    QCOMPARE(timeout.callId, 1u);
    QCOMPARE(timeout.attempt, std::uint16_t(1));
    QCOMPARE(timeout.detail, std::uint32_t(kTimeout.count()));
    QCOMPARE(timeout.timeUs, (kT0 + kTimeout).count());
    const trace::Event &resend = c.sink.events[before + 1];
    QCOMPARE(resend.kind, EventKind::Retransmit);
    QCOMPARE(resend.callId, 1u);
    QCOMPARE(resend.attempt, std::uint16_t(2));
    QCOMPARE(resend.datagram, std::uint8_t(DatagramKind::Request));

    const auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Request);
    QCOMPARE(sent[0].attempt, std::uint16_t(2));
    const Sent s = decode(sent[0]);
    QCOMPARE(s.header.attempt, std::uint16_t(2));
    QCOMPARE(s.header.callId, 1u);
    QCOMPARE(s.body, firstBody);
    // Exponential: the second timeout is twice the first.
    QCOMPARE(c.core.nextTimeout().value(), kT0 + kTimeout + 2 * kTimeout);
}

void TestClientCore::noAttemptLimitResendsUntilTheDeadline()
{
    ClientConfig config = baseConfig();
    config.retry.maxAttempts = 0;
    config.retry.deadline = Duration(60'000'000);
    Client c(config);
    c.core.startCall(QStringLiteral("echo"), QByteArray("hi"), kT0);
    // Every timer that fires before the deadline sends again: 0, 100, 300,
    // 700, 1500, 3100 and 6300 ms, then every 5 s (the cap) up to 56.3 s.
    TimePoint now = kT0;
    while (c.completions().empty()) {
        const std::optional<TimePoint> next = c.core.nextTimeout();
        QVERIFY(next);
        QVERIFY(*next > now);
        now = *next;
        c.core.handleTimeout(now);
    }
    QCOMPARE(now, ms(60'000));
    const auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(17));
    QCOMPARE(sent.back().attempt, std::uint16_t(17));
    QCOMPARE(c.sink.count(EventKind::Retransmit), 16);
    const auto failed = c.sink.ofKind(EventKind::CallFailed);
    QCOMPARE(failed.size(), std::size_t(1));
    QCOMPARE(failed[0].detail, std::uint32_t(CallError::DeadlineExceeded));
}

void TestClientCore::maxAttemptsFailsAfterLastTimeout()
{
    ClientConfig config = baseConfig();
    config.retry.maxAttempts = 3;
    Client c(config);
    c.core.startCall(QStringLiteral("echo"), QByteArray("hi"), kT0);
    // Sends at 0, 100 and 300 ms; the third send's timer (400 ms) fires at 700 ms.
    c.core.handleTimeout(ms(100));
    c.core.handleTimeout(ms(300));
    QVERIFY(c.completions().empty());
    c.core.handleTimeout(ms(700) - Duration(1));
    QVERIFY(c.completions().empty());
    QCOMPARE(c.core.nextTimeout().value(), ms(700));
    c.core.handleTimeout(ms(700));

    const auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(3));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(sent[std::size_t(i)].kind, DatagramKind::Request);
        QCOMPARE(sent[std::size_t(i)].attempt, std::uint16_t(i + 1));
    }
    QCOMPARE(c.sink.count(EventKind::Timeout), 3);
    QCOMPARE(c.sink.count(EventKind::Retransmit), 2);
    const auto failed = c.sink.ofKind(EventKind::CallFailed);
    QCOMPARE(failed.size(), std::size_t(1));
    QCOMPARE(failed[0].detail, std::uint32_t(CallError::MaxAttempts));
    QCOMPARE(failed[0].timeUs, ms(700).count());
    QCOMPARE(c.sink.events.back().kind, EventKind::CallFailed);

    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].callId, 1u);
    QCOMPARE(done[0].error, CallError::MaxAttempts);
    QCOMPARE(done[0].attempts, 3);
    QCOMPARE(done[0].latency, Duration(700'000));
    QVERIFY(done[0].result.isEmpty());
    QVERIFY(!done[0].message.isEmpty());
    QCOMPARE(c.core.inFlight(), 0);
    QVERIFY(!c.core.nextTimeout());
}

void TestClientCore::deadlineEndsCallMidBackoff()
{
    ClientConfig config = baseConfig();
    config.retry.deadline = Duration(250'000);
    Client c(config);
    c.core.startCall(QStringLiteral("echo"), QByteArray("hi"), kT0);
    c.core.handleTimeout(ms(100)); // attempt 2; its timer (200 ms) would run to 300 ms
    QCOMPARE(c.transmits().size(), std::size_t(2));
    QCOMPARE(c.core.nextTimeout().value(), ms(250));
    c.core.handleTimeout(ms(250) - Duration(1));
    QVERIFY(c.completions().empty());
    c.core.handleTimeout(ms(250));

    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].error, CallError::DeadlineExceeded);
    QCOMPARE(done[0].latency, Duration(250'000));
    QCOMPARE(done[0].attempts, 2);
    QVERIFY(c.transmits().empty());
    const auto failed = c.sink.ofKind(EventKind::CallFailed);
    QCOMPARE(failed.size(), std::size_t(1));
    QCOMPARE(failed[0].detail, std::uint32_t(CallError::DeadlineExceeded));
    QCOMPARE(failed[0].timeUs, ms(250).count());
    QCOMPARE(c.core.inFlight(), 0);
    QVERIFY(!c.core.nextTimeout());
}

void TestClientCore::deadlineWinsOverTimeoutAtSameInstant()
{
    ClientConfig config = baseConfig();
    config.retry.deadline = Duration(300'000); // exactly when attempt 2 times out
    Client c(config);
    c.core.startCall(QStringLiteral("echo"), QByteArray("hi"), kT0);
    c.core.handleTimeout(ms(100));
    c.transmits();
    c.core.handleTimeout(ms(300));
    QVERIFY(c.transmits().empty()); // no third attempt after the deadline
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].error, CallError::DeadlineExceeded);
    QCOMPARE(done[0].latency, Duration(300'000));
}

void TestClientCore::replyOkCompletesCall()
{
    Client c;
    c.core.startCall(QStringLiteral("echo"), QByteArray("ping"), kT0);
    c.transmits();
    QCOMPARE(c.core.receive(reply(1, QByteArray("pong")), core::kServerHost, ms(30)),
             Received::Accepted);

    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].callId, 1u);
    QCOMPARE(done[0].error, CallError::None);
    QCOMPARE(done[0].status, wire::STATUS_OK);
    QCOMPARE(done[0].result, QByteArray("pong"));
    QCOMPARE(done[0].attempts, 1);
    QCOMPARE(done[0].latency, Duration(30'000));

    const auto ok = c.sink.ofKind(EventKind::CallOk);
    QCOMPARE(ok.size(), std::size_t(1));
    QCOMPARE(ok[0].callId, 1u);
    QCOMPARE(ok[0].detail, 30'000u);
    QCOMPARE(ok[0].timeUs, ms(30).count());
    QCOMPARE(c.sink.count(EventKind::CallFailed), 0);
    QVERIFY(c.transmits().empty()); // implicit mode: the next request acks it
    QCOMPARE(c.core.inFlight(), 0);
    QCOMPARE(c.core.knownEpoch(), kEpoch);
    QVERIFY(!c.core.nextTimeout());
    c.core.handleTimeout(ms(1'000));
    QVERIFY(c.transmits().empty());
}

void TestClientCore::duplicateReplyIsDroppedAsLate()
{
    Client c;
    c.core.startCall(QStringLiteral("echo"), QByteArray("ping"), kT0);
    c.transmits();
    const QByteArray datagram = reply(1, QByteArray("pong"));
    c.core.receive(datagram, core::kServerHost, ms(30));
    QCOMPARE(c.completions().size(), std::size_t(1));
    const std::size_t before = c.sink.events.size();

    QCOMPARE(c.core.receive(datagram, core::kServerHost, ms(31)), Received::Accepted);
    QCOMPARE(c.sink.events.size(), before + 1);
    const trace::Event &late = c.sink.events.back();
    QCOMPARE(late.kind, EventKind::LateReplyDropped);
    QCOMPARE(late.callId, 1u);
    QCOMPARE(late.datagram, std::uint8_t(DatagramKind::Reply));
    QVERIFY(c.completions().empty());
    QCOMPARE(c.sink.count(EventKind::CallOk), 1);
    QVERIFY(c.transmits().empty());
}

QByteArray withToken(const QByteArray &datagram, std::uint64_t token)
{
    wire::Decoded d;
    if (wire::decodeDatagram(datagram, kChecksum, d) != wire::DecodeError::None)
        qFatal("withToken: not a datagram");
    wire::Header h = d.header;
    h.token = token;
    return wire::encodeDatagram(h, d.body, kChecksum);
}

wire::Header headerOf(const Transmit &t)
{
    wire::Decoded d;
    if (wire::decodeDatagram(t.bytes, kChecksum, d) != wire::DecodeError::None)
        qFatal("the client sent an undecodable datagram");
    return d.header;
}

// The server's address validation: whatever token it last sent is in
// everything the client sends from then on; before any, none.
void TestClientCore::echoesTheLatestAddressToken()
{
    Client c;
    c.core.startCall(QStringLiteral("echo"), QByteArray(), kT0);
    auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(headerOf(sent[0]).token, 0u);
    c.core.receive(withToken(reply(1, QByteArray("a")), 0xAB), core::kServerHost, ms(1));
    c.core.startCall(QStringLiteral("echo"), QByteArray(), ms(2));
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(headerOf(sent[0]).token, 0xABu);
    // A later datagram without a token leaves it; a new one replaces it.
    c.core.receive(serverDatagram(DatagramKind::Working, 2), core::kServerHost, ms(3));
    c.core.receive(withToken(serverDatagram(DatagramKind::Working, 2), 0xCD), core::kServerHost, ms(4));
    c.core.handleTimeout(ms(4) + Duration(1'000'000));
    sent = c.transmits();
    QVERIFY(!sent.empty());
    for (const Transmit &t : sent)
        QCOMPARE(headerOf(t).token, 0xCDu);
}

// A "working" that asks for an answer is the server holding a reply back
// until this address shows it receives: probe now, not at the poll interval.
void TestClientCore::challengeIsAnsweredAtOnceWithAProbe()
{
    Client c;
    c.core.startCall(QStringLiteral("echo"), QByteArray(), kT0);
    c.transmits();
    wire::Header h;
    h.kind = DatagramKind::Working;
    h.epoch = kEpoch;
    h.clientId = kClientId;
    h.callId = 1;
    h.ackRequested = true;
    h.token = 0x5EED;
    c.core.receive(wire::encodeDatagram(h, {}, kChecksum), core::kServerHost, ms(7));
    const auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Probe);
    QCOMPARE(headerOf(sent[0]).token, 0x5EEDu);
    // A plain "working" does not: the client waits for its poll interval.
    c.core.receive(serverDatagram(DatagramKind::Working, 1), core::kServerHost, ms(8));
    QVERIFY(c.transmits().empty());
}

void TestClientCore::replyForUnknownCallIsLate()
{
    Client c;
    c.core.startCall(QStringLiteral("echo"), QByteArray(), kT0);
    c.transmits();
    QCOMPARE(c.core.receive(reply(9, QByteArray("?")), core::kServerHost, ms(5)), Received::Accepted);
    QCOMPARE(c.sink.events.back().kind, EventKind::LateReplyDropped);
    QCOMPARE(c.sink.events.back().callId, 9u);
    QVERIFY(c.completions().empty());
    QCOMPARE(c.core.inFlight(), 1);
}

void TestClientCore::nonOkStatusIsRejected()
{
    Client c;
    c.core.startCall(QStringLiteral("frob"), QByteArray(), kT0);
    c.transmits();
    const QByteArray body = replyBody(wire::STATUS_UNKNOWN_METHOD, {}, QStringLiteral("no method frob"));
    QCOMPARE(c.core.receive(serverDatagram(DatagramKind::Reply, 1, body), core::kServerHost, ms(20)),
             Received::Accepted);
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].error, CallError::Rejected);
    QCOMPARE(done[0].status, wire::STATUS_UNKNOWN_METHOD);
    QCOMPARE(done[0].message, QStringLiteral("no method frob"));
    QCOMPARE(done[0].latency, Duration(20'000));
    const auto failed = c.sink.ofKind(EventKind::CallFailed);
    QCOMPARE(failed.size(), std::size_t(1));
    QCOMPARE(failed[0].detail, std::uint32_t(CallError::Rejected));
    QCOMPARE(c.sink.count(EventKind::CallOk), 0);
    QCOMPARE(c.core.inFlight(), 0);
}

void TestClientCore::errorDatagramWithoutMessageNamesStatus()
{
    Client c;
    c.core.startCall(QStringLiteral("echo"), QByteArray(), kT0);
    c.transmits();
    c.core.receive(serverDatagram(DatagramKind::Error, 1, replyBody(wire::STATUS_BUSY)),
                   core::kServerHost, ms(1));
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].error, CallError::Rejected);
    QCOMPARE(done[0].status, wire::STATUS_BUSY);
    QCOMPARE(done[0].message, QStringLiteral("STATUS_BUSY"));
}

void TestClientCore::serverRestartedStatusIsServerRestarted()
{
    Client c;
    c.core.startCall(QStringLiteral("echo"), QByteArray(), kT0);
    c.transmits();
    c.core.receive(serverDatagram(DatagramKind::Error, 1, replyBody(wire::STATUS_SERVER_RESTARTED)),
                   core::kServerHost, ms(1));
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].error, CallError::ServerRestarted);
    QCOMPARE(done[0].status, wire::STATUS_SERVER_RESTARTED);
}

void TestClientCore::ackOrWorkingSwitchesToProbing_data()
{
    QTest::addColumn<DatagramKind>("kind");
    QTest::addColumn<EventKind>("event");
    QTest::newRow("ack") << DatagramKind::Ack << EventKind::Ack;
    QTest::newRow("working") << DatagramKind::Working << EventKind::Working;
}

void TestClientCore::ackOrWorkingSwitchesToProbing()
{
    QFETCH(DatagramKind, kind);
    QFETCH(EventKind, event);
    Client c;
    c.core.startCall(QStringLiteral("slow"), QByteArray("job"), kT0);
    c.transmits();
    QCOMPARE(c.core.receive(serverDatagram(kind, 1), core::kServerHost, ms(50)), Received::Accepted);
    const trace::Event &heard = c.sink.events.back();
    QCOMPARE(heard.kind, event);
    QCOMPARE(heard.callId, 1u);
    QCOMPARE(heard.datagram, std::uint8_t(kind));
    QVERIFY(c.transmits().empty());

    // The request's own timer (100 ms) no longer resends it.
    c.core.handleTimeout(ms(100));
    QVERIFY(c.transmits().empty());
    // Probing at retry.timeout (no poll interval set) from the answer: 150 ms.
    c.core.handleTimeout(ms(150) - Duration(1));
    QVERIFY(c.transmits().empty());
    const std::size_t before = c.sink.events.size();
    c.core.handleTimeout(ms(150));
    auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Probe);
    QCOMPARE(sent[0].attempt, std::uint16_t(1));
    const Sent s = decode(sent[0]);
    QCOMPARE(s.header.kind, DatagramKind::Probe);
    QCOMPARE(s.header.callId, 1u);
    QCOMPARE(s.header.attempt, std::uint16_t(1));
    QCOMPARE(s.header.clientId, kClientId);
    QVERIFY(s.body.isEmpty());
    QCOMPARE(c.sink.events.size(), before + 2);
    QCOMPARE(c.sink.events[before].kind, EventKind::Timeout);
    QCOMPARE(c.sink.events[before + 1].kind, EventKind::Retransmit);
    QCOMPARE(c.sink.events[before + 1].datagram, std::uint8_t(DatagramKind::Probe));
    QCOMPARE(c.sink.events[before + 1].attempt, std::uint16_t(1));

    // And again one period later, still a probe.
    c.core.handleTimeout(ms(250));
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Probe);

    // The reply still completes it.
    c.core.receive(reply(1, QByteArray("done")), core::kServerHost, ms(260));
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].error, CallError::None);
    QCOMPARE(done[0].result, QByteArray("done"));
    QCOMPARE(done[0].attempts, 1);
}

void TestClientCore::probingNeverHitsMaxAttemptsButDeadlineEndsIt()
{
    ClientConfig config = baseConfig();
    config.retry.maxAttempts = 3;
    config.retry.deadline = Duration(2'000'000);
    Client c(config);
    c.core.startCall(QStringLiteral("slow"), QByteArray(), kT0);
    c.transmits();
    c.core.receive(serverDatagram(DatagramKind::Working, 1), core::kServerHost, ms(10));
    // Probes every 100 ms from 110 ms: far more timeouts than maxAttempts.
    int probes = 0;
    for (TimePoint t = ms(110); t < ms(2'000); t += kTimeout) {
        c.core.handleTimeout(t);
        for (const Transmit &sent : c.transmits()) {
            QCOMPARE(sent.kind, DatagramKind::Probe);
            QCOMPARE(sent.attempt, std::uint16_t(1));
            ++probes;
        }
        if (!c.completions().empty())
            QFAIL(qPrintable(QStringLiteral("the call ended while probing at %1 µs").arg(t.count())));
    }
    QCOMPARE(probes, 19); // 110, 210, ..., 1910 ms
    QCOMPARE(c.sink.count(EventKind::CallFailed), 0);
    QCOMPARE(c.core.nextTimeout().value(), ms(2'000));
    c.core.handleTimeout(ms(2'000));
    QVERIFY(c.transmits().empty());
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].error, CallError::DeadlineExceeded);
    QCOMPARE(done[0].latency, Duration(2'000'000));
    QCOMPARE(done[0].attempts, 1);
}

void TestClientCore::pollIntervalSetsProbePeriod()
{
    ClientConfig config = baseConfig();
    config.pollInterval = Duration(400'000);
    Client c(config);
    c.core.startCall(QStringLiteral("slow"), QByteArray(), kT0);
    c.transmits();
    c.core.receive(serverDatagram(DatagramKind::Working, 1), core::kServerHost, ms(10));
    c.core.handleTimeout(ms(410) - Duration(1));
    QVERIFY(c.transmits().empty());
    c.core.handleTimeout(ms(410));
    auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Probe);
    QCOMPARE(c.sink.ofKind(EventKind::Timeout).back().detail, 400'000u);
    c.core.handleTimeout(ms(810) - Duration(1));
    QVERIFY(c.transmits().empty());
    c.core.handleTimeout(ms(810));
    QCOMPARE(c.transmits().size(), std::size_t(1));
}

void TestClientCore::karnsRuleSamplesOnlyFirstAttempts()
{
    ClientConfig config = baseConfig();
    config.retry.backoff = core::Backoff::Adaptive;
    Client c(config);
    QVERIFY(!c.core.retryPolicy().smoothedRtt());

    // Call 1: answered on its first attempt after 40 ms -> SRTT 40, RTTVAR 20, RTO 120 ms.
    c.core.startCall(QStringLiteral("echo"), QByteArray(), kT0);
    c.core.receive(reply(1, {}), core::kServerHost, ms(40));
    QCOMPARE(c.core.retryPolicy().smoothedRtt().value(), Duration(40'000));
    QCOMPARE(c.core.retryPolicy().rttVariance().value(), Duration(20'000));

    // Call 2: times out at the learned RTO, is resent and answered: no sample.
    c.core.startCall(QStringLiteral("echo"), QByteArray(), ms(1'000));
    QCOMPARE(c.core.nextTimeout().value(), ms(1'120));
    c.core.handleTimeout(ms(1'120));
    c.core.receive(reply(2, {}, kEpoch, 2), core::kServerHost, ms(1'130));
    QCOMPARE(c.completions().size(), std::size_t(2));
    QCOMPARE(c.core.retryPolicy().smoothedRtt().value(), Duration(40'000));
    QCOMPARE(c.core.retryPolicy().rttVariance().value(), Duration(20'000));

    // Call 3: the server said working, the client probed, then the reply: no sample.
    c.core.startCall(QStringLiteral("echo"), QByteArray(), ms(2'000));
    c.core.receive(serverDatagram(DatagramKind::Working, 3), core::kServerHost, ms(2'010));
    c.core.handleTimeout(ms(2'110));
    QCOMPARE(c.transmits().back().kind, DatagramKind::Probe);
    c.core.receive(reply(3, {}), core::kServerHost, ms(2'115));
    QCOMPARE(c.completions().size(), std::size_t(1));
    QCOMPARE(c.core.retryPolicy().smoothedRtt().value(), Duration(40'000));

    // Call 4: first attempt again, 80 ms: RTTVAR = (3*20 + 40)/4 = 25, SRTT = (7*40 + 80)/8 = 45.
    c.core.startCall(QStringLiteral("echo"), QByteArray(), ms(3'000));
    c.core.receive(reply(4, {}), core::kServerHost, ms(3'080));
    QCOMPARE(c.core.retryPolicy().smoothedRtt().value(), Duration(45'000));
    QCOMPARE(c.core.retryPolicy().rttVariance().value(), Duration(25'000));
}

void TestClientCore::windowQueuesCallsBeyondIt()
{
    ClientConfig config = baseConfig();
    config.window = 2;
    Client c(config);
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.core.startCall(QStringLiteral("b"), QByteArray(), kT0);
    c.core.startCall(QStringLiteral("c"), QByteArray(), kT0);
    QCOMPARE(c.core.inFlight(), 2);
    QCOMPARE(c.core.queued(), 1);
    QCOMPARE(c.sink.count(EventKind::CallStart), 3);
    auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(2));
    QCOMPARE(sent[0].callId, 1u);
    QCOMPARE(sent[1].callId, 2u);

    // The queued call has no timer of its own: only the two in flight time out.
    c.core.handleTimeout(ms(100));
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(2));
    QCOMPARE(sent[0].attempt, std::uint16_t(2));
    QCOMPARE(sent[1].attempt, std::uint16_t(2));
    QCOMPARE(c.core.queued(), 1);

    // One ends: the queued one starts at once, attempt 1.
    c.core.receive(reply(2, {}, kEpoch, 2), core::kServerHost, ms(110));
    QCOMPARE(c.core.inFlight(), 2);
    QCOMPARE(c.core.queued(), 0);
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Request);
    QCOMPARE(sent[0].callId, 3u);
    QCOMPARE(sent[0].attempt, std::uint16_t(1));
    wire::RequestBody body;
    const Sent s = decode(sent[0]);
    QVERIFY(body.ParseFromArray(s.body.constData(), int(s.body.size())));
    QCOMPARE(body.method(), std::string("c"));
    // Its timer runs from when it was sent, not from when it was queued.
    c.core.handleTimeout(ms(210) - Duration(1));
    for (const Transmit &t : c.transmits())
        QVERIFY(t.callId != 3u);
    c.core.handleTimeout(ms(210));
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].callId, 3u);
    QCOMPARE(sent[0].attempt, std::uint16_t(2));
}

void TestClientCore::ackBelowIsLowestCallInFlight()
{
    ClientConfig config = baseConfig();
    config.window = 2;
    Client c(config);
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.core.startCall(QStringLiteral("b"), QByteArray(), kT0);
    c.core.startCall(QStringLiteral("c"), QByteArray(), kT0);
    auto sent = c.transmits();
    QCOMPARE(decode(sent[0]).header.ackBelow, 1u);
    QCOMPARE(decode(sent[1]).header.ackBelow, 1u);

    // Call 2 ends; 3 starts while 1 is still in flight: ack-below stays 1.
    c.core.receive(reply(2, {}), core::kServerHost, ms(10));
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].callId, 3u);
    QCOMPARE(decode(sent[0]).header.ackBelow, 1u);

    // Call 1 ends: everything below 3 is over, and every later datagram says so.
    c.core.receive(reply(1, {}), core::kServerHost, ms(20));
    c.core.handleTimeout(ms(110)); // call 3 resends
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].callId, 3u);
    QCOMPARE(decode(sent[0]).header.ackBelow, 3u);
    c.core.startCall(QStringLiteral("d"), QByteArray(), ms(120));
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].callId, 4u);
    QCOMPARE(decode(sent[0]).header.ackBelow, 3u);

    // All ended: ack-below is the next id to be used.
    c.core.receive(reply(3, {}, kEpoch, 2), core::kServerHost, ms(130));
    c.core.receive(reply(4, {}), core::kServerHost, ms(130));
    c.core.startCall(QStringLiteral("e"), QByteArray(), ms(140));
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(decode(sent[0]).header.ackBelow, 5u);
}

void TestClientCore::explicitModeAcksEveryReply()
{
    ClientConfig config = baseConfig();
    config.ackMode = core::AckMode::Explicit;
    Client c(config);
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.core.startCall(QStringLiteral("b"), QByteArray(), kT0);
    c.transmits();
    c.core.receive(serverDatagram(DatagramKind::Ack, 1), core::kServerHost, ms(5));
    QCOMPARE(c.sink.events.back().kind, EventKind::Ack);
    QVERIFY(c.transmits().empty()); // the server's ack of the request is not acked back

    for (std::uint32_t id : {1u, 2u}) {
        c.core.receive(reply(id, QByteArray("r")), core::kServerHost, ms(10 * int(id)));
        const auto sent = c.transmits();
        QCOMPARE(sent.size(), std::size_t(1));
        QCOMPARE(sent[0].kind, DatagramKind::Ack);
        QCOMPARE(sent[0].callId, id);
        QCOMPARE(sent[0].to, core::kServerHost);
        const Sent s = decode(sent[0]);
        QCOMPARE(s.header.kind, DatagramKind::Ack);
        QCOMPARE(s.header.callId, id);
        QCOMPARE(s.header.clientId, kClientId);
        QCOMPARE(s.header.attempt, std::uint16_t(1));
        QVERIFY(s.body.isEmpty());
    }
    QCOMPARE(c.completions().size(), std::size_t(2));

    // A duplicate reply: the server evidently did not get the ack; ack it again.
    c.core.receive(reply(1, QByteArray("r")), core::kServerHost, ms(40));
    QCOMPARE(c.sink.events.back().kind, EventKind::LateReplyDropped);
    const auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Ack);
    QCOMPARE(sent[0].callId, 1u);
    QVERIFY(c.completions().empty());
}

void TestClientCore::epochChangeFailsCallsSentUnderOldEpoch_data()
{
    QTest::addColumn<DatagramKind>("kind");
    QTest::newRow("working") << DatagramKind::Working;
    QTest::newRow("ack") << DatagramKind::Ack;
    QTest::newRow("reply") << DatagramKind::Reply;
}

void TestClientCore::epochChangeFailsCallsSentUnderOldEpoch()
{
    QFETCH(DatagramKind, kind);
    Client c;
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.core.receive(reply(1, {}, 7), core::kServerHost, ms(10));
    QCOMPARE(c.core.knownEpoch(), 7u);
    QCOMPARE(c.completions().size(), std::size_t(1));
    c.transmits();

    c.core.startCall(QStringLiteral("b"), QByteArray(), ms(20));
    auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(decode(sent[0]).header.epoch, 7u);

    const QByteArray body = kind == DatagramKind::Reply ? replyBody(wire::STATUS_OK, "x") : QByteArray();
    QCOMPARE(c.core.receive(serverDatagram(kind, 2, body, 1, 9), core::kServerHost, ms(30)),
             Received::Accepted);
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].callId, 2u);
    QCOMPARE(done[0].error, CallError::ServerRestarted);
    QVERIFY2(done[0].message.contains(QStringLiteral("restarted")), qPrintable(done[0].message));
    QVERIFY(done[0].result.isEmpty());
    const auto failed = c.sink.ofKind(EventKind::CallFailed);
    QCOMPARE(failed.size(), std::size_t(1));
    QCOMPARE(failed[0].detail, std::uint32_t(CallError::ServerRestarted));
    QCOMPARE(c.sink.count(EventKind::CallOk), 1); // only call 1
    QCOMPARE(c.core.knownEpoch(), 9u);
    QCOMPARE(c.core.inFlight(), 0);

    // New calls go to the new incarnation.
    c.core.startCall(QStringLiteral("c"), QByteArray(), ms(40));
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(decode(sent[0]).header.epoch, 9u);
}

void TestClientCore::epochLearnedOnFirstContactStampsCallsInFlight()
{
    // Calls 1 and 2 go out before any epoch is known. The reply to call 1 names
    // epoch 7; from then on call 2 is a call to incarnation 7 ("calls sent
    // before any epoch was known now carry the new one"), so its resends say
    // so, and a later word from epoch 9 means it may or may not have run.
    Client c;
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.core.startCall(QStringLiteral("b"), QByteArray(), kT0);
    c.transmits();
    c.core.receive(reply(1, {}, 7), core::kServerHost, ms(10));
    QCOMPARE(c.core.knownEpoch(), 7u);
    c.completions();

    c.core.handleTimeout(ms(100));
    const auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].callId, 2u);
    QCOMPARE(decode(sent[0]).header.epoch, 7u);

    c.core.receive(serverDatagram(DatagramKind::Working, 2, {}, 2, 9), core::kServerHost, ms(110));
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].error, CallError::ServerRestarted);
}

void TestClientCore::wrongClientIdIsDropped()
{
    Client c;
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.transmits();
    const std::size_t before = c.sink.events.size();
    const QByteArray other = serverDatagram(DatagramKind::Reply, 1, replyBody(wire::STATUS_OK, "x"),
                                            1, kEpoch, kClientId + 1);
    QCOMPARE(c.core.receive(other, core::kServerHost, ms(10)), Received::Malformed);
    QCOMPARE(c.sink.events.size(), before + 1);
    QCOMPARE(c.sink.events.back().kind, EventKind::MalformedDropped);
    QCOMPARE(c.sink.events.back().detail, std::uint32_t(core::ProtocolDrop::WrongClient));
    QVERIFY(c.completions().empty());
    QVERIFY(c.transmits().empty());
    QCOMPARE(c.core.inFlight(), 1);
    QCOMPARE(c.core.knownEpoch(), 0u);
    QCOMPARE(c.core.nextTimeout().value(), ms(100));
    // The call is untouched: its own reply still completes it.
    c.core.receive(reply(1, QByteArray("mine")), core::kServerHost, ms(20));
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].result, QByteArray("mine"));
}

void TestClientCore::badChecksumIsDropped()
{
    Client c;
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.transmits();
    QByteArray damaged = reply(1, QByteArray("payload"));
    damaged[wire::kHeaderSize + 3] = char(damaged[wire::kHeaderSize + 3] ^ 0x10);
    const std::size_t before = c.sink.events.size();
    QCOMPARE(c.core.receive(damaged, core::kServerHost, ms(10)), Received::ChecksumFailed);
    QCOMPARE(c.sink.events.size(), before + 1);
    QCOMPARE(c.sink.events.back().kind, EventKind::ChecksumFail);
    QCOMPARE(c.sink.events.back().detail, std::uint32_t(wire::DecodeError::ChecksumMismatch));
    QCOMPARE(c.sink.events.back().timeUs, ms(10).count());
    QVERIFY(c.completions().empty());
    QVERIFY(c.transmits().empty());
    QCOMPARE(c.core.inFlight(), 1);
    QCOMPARE(c.core.knownEpoch(), 0u);
    c.core.handleTimeout(ms(100)); // still resends on schedule
    QCOMPARE(c.transmits().size(), std::size_t(1));
}

void TestClientCore::truncatedDatagramIsDropped()
{
    Client c;
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.transmits();
    const QByteArray whole = reply(1, QByteArray("payload"));
    for (qsizetype size = 0; size < whole.size(); ++size) {
        const QByteArray cut = whole.left(size);
        const std::size_t before = c.sink.events.size();
        QCOMPARE(c.core.receive(cut, core::kServerHost, ms(10)), Received::Malformed);
        QCOMPARE(c.sink.events.size(), before + 1);
        QCOMPARE(c.sink.events.back().kind, EventKind::MalformedDropped);
        const auto expected = size < wire::kOverhead ? wire::DecodeError::TooShort
                                                     : wire::DecodeError::BadLength;
        QCOMPARE(c.sink.events.back().detail, std::uint32_t(expected));
    }
    QVERIFY(c.completions().empty());
    QVERIFY(c.transmits().empty());
    QCOMPARE(c.core.inFlight(), 1);
    c.core.receive(whole, core::kServerHost, ms(20));
    QCOMPARE(c.completions().size(), std::size_t(1));
}

void TestClientCore::requestOrProbeAtClientIsDropped()
{
    Client c;
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.transmits();
    for (DatagramKind kind : {DatagramKind::Request, DatagramKind::Probe}) {
        QCOMPARE(c.core.receive(serverDatagram(kind, 1), core::kServerHost, ms(10)), Received::Malformed);
        QCOMPARE(c.sink.events.back().kind, EventKind::MalformedDropped);
        QCOMPARE(c.sink.events.back().detail, std::uint32_t(core::ProtocolDrop::UnexpectedKind));
    }
    QVERIFY(c.completions().empty());
    QVERIFY(c.transmits().empty());
    QCOMPARE(c.core.inFlight(), 1);
}

void TestClientCore::undecodableReplyBodyIsMalformed()
{
    // A well-framed reply whose protobuf body does not parse (a length-delimited
    // field claiming 100 bytes that are not there): dropped, reported as
    // malformed, and the call goes on. Received::Malformed tells the simulator
    // the damage was caught rather than accepted.
    Client c;
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.transmits();
    const QByteArray garbage = serverDatagram(DatagramKind::Reply, 1, QByteArray("\x1a\x64", 2));
    const std::size_t before = c.sink.events.size();
    const Received received = c.core.receive(garbage, core::kServerHost, ms(10));
    QCOMPARE(c.sink.events.size(), before + 1);
    QCOMPARE(c.sink.events.back().kind, EventKind::MalformedDropped);
    QCOMPARE(c.sink.events.back().detail, std::uint32_t(wire::DecodeError::BadBody));
    QVERIFY(c.completions().empty());
    QCOMPARE(c.core.inFlight(), 1);
    QCOMPARE(received, Received::Malformed);
}

void TestClientCore::cancelEndsCall()
{
    Client c;
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.transmits();
    QVERIFY(c.core.cancel(1, ms(5)));
    QVERIFY(!c.core.cancel(1, ms(6)));
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].error, CallError::Cancelled);
    QCOMPARE(done[0].latency, Duration(5'000));
    QVERIFY(!c.core.nextTimeout());
    c.core.receive(reply(1, {}), core::kServerHost, ms(10));
    QCOMPARE(c.sink.events.back().kind, EventKind::LateReplyDropped);
    QVERIFY(c.completions().empty());
}

void TestClientCore::setRetryConfigRearmsTimers()
{
    ClientConfig config = baseConfig();
    config.retry.backoff = core::Backoff::Fixed;
    Client c(config);
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.transmits();
    core::RetryConfig retry = config.retry;

    // Shorter: the timer moves earlier, counted from the last send.
    retry.timeout = Duration(50'000);
    c.core.setRetryConfig(retry, ms(30));
    c.core.handleTimeout(ms(50) - Duration(1));
    QVERIFY(c.transmits().empty());
    c.core.handleTimeout(ms(50));
    auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].attempt, std::uint16_t(2));

    // Longer: the old timer (100 ms) no longer fires.
    retry.timeout = Duration(300'000);
    c.core.setRetryConfig(retry, ms(60));
    c.core.handleTimeout(ms(100));
    c.core.handleTimeout(ms(350) - Duration(1));
    QVERIFY(c.transmits().empty());
    c.core.handleTimeout(ms(350));
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].attempt, std::uint16_t(3));

    // Already overdue under the new policy: fires now, never in the past.
    retry.timeout = Duration(10'000);
    c.core.setRetryConfig(retry, ms(400));
    QCOMPARE(c.core.nextTimeout().value(), ms(400));
    c.core.handleTimeout(ms(400));
    sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].attempt, std::uint16_t(4));

    // A new deadline applies to the call's start.
    retry.timeout = Duration(1'000'000);
    retry.deadline = Duration(500'000);
    c.core.setRetryConfig(retry, ms(405));
    c.core.handleTimeout(ms(500) - Duration(1));
    QVERIFY(c.completions().empty());
    c.core.handleTimeout(ms(500));
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].error, CallError::DeadlineExceeded);
    QCOMPARE(done[0].latency, Duration(500'000));
    QCOMPARE(done[0].attempts, 4);
    QVERIFY(c.transmits().empty());
}

void TestClientCore::setRetryConfigRearmsProbingCallsAtProbePeriod()
{
    // A probing call probes every poll interval, or every retry.timeout when
    // none is set. A new retry config must keep it probing at that period, not
    // at the request back-off of its last attempt.
    Client c;
    c.core.startCall(QStringLiteral("slow"), QByteArray(), kT0);
    c.core.handleTimeout(ms(100));                                              // attempt 2
    c.core.receive(serverDatagram(DatagramKind::Working, 1, {}, 2), core::kServerHost, ms(120));
    c.core.handleTimeout(ms(220));                                              // probe
    QCOMPARE(c.transmits().back().kind, DatagramKind::Probe);

    core::RetryConfig retry = baseConfig().retry;
    retry.timeout = Duration(60'000);
    c.core.setRetryConfig(retry, ms(230));
    c.core.handleTimeout(ms(280) - Duration(1));
    QVERIFY(c.transmits().empty());
    c.core.handleTimeout(ms(280)); // last probe at 220 ms + the new 60 ms period
    const auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].kind, DatagramKind::Probe);
    QCOMPARE(sent[0].attempt, std::uint16_t(2));
}

void TestClientCore::setRetryConfigAppliesToQueuedCalls()
{
    // Window 1: call 2 waits behind call 1. The deadline is raised from 1 s to
    // 3 s while it waits. When call 1 ends at 2 s, call 2 is inside its new
    // deadline and must be sent; ending it then as "deadline passed while
    // queued" would end it a second after its old deadline and a second
    // before its new one.
    ClientConfig config = baseConfig();
    config.window = 1;
    config.retry.deadline = Duration(1'000'000);
    Client c(config);
    c.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    c.core.startCall(QStringLiteral("b"), QByteArray(), kT0);
    c.core.receive(serverDatagram(DatagramKind::Working, 1), core::kServerHost, ms(10));
    core::RetryConfig retry = config.retry;
    retry.deadline = Duration(3'000'000);
    c.core.setRetryConfig(retry, ms(20));
    c.transmits();
    c.core.receive(reply(1, {}), core::kServerHost, ms(2'000));
    const auto done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].callId, 1u);
    QCOMPARE(c.core.inFlight(), 1);
    const auto sent = c.transmits();
    QCOMPARE(sent.size(), std::size_t(1));
    QCOMPARE(sent[0].callId, 2u);
    QCOMPARE(sent[0].kind, DatagramKind::Request);
}

void TestClientCore::nextTimeoutIsEarliestLiveTimer()
{
    // nextTimeout() is when the client next needs waking: the earliest timer of
    // a call in flight, not a timer that an answer or a new policy replaced.
    Client c;
    c.core.startCall(QStringLiteral("slow"), QByteArray(), kT0);
    QCOMPARE(c.core.nextTimeout().value(), ms(100));
    c.core.receive(serverDatagram(DatagramKind::Working, 1), core::kServerHost, ms(50));
    QCOMPARE(c.core.nextTimeout().value(), ms(150));

    Client d;
    d.core.startCall(QStringLiteral("a"), QByteArray(), kT0);
    core::RetryConfig retry = baseConfig().retry;
    retry.timeout = Duration(300'000);
    d.core.setRetryConfig(retry, ms(10));
    QCOMPARE(d.core.nextTimeout().value(), ms(300));
}

// A reply fragment may claim any count. The client kept a bitmap that size
// and, asked for an ack, sent 7.5 KB for a 40-byte fragment, more than its
// own datagram size. Found by the fuzz_clientcore invariant that everything
// the client sends fits its datagram size. Such a reply can be neither
// acked nor probed for: the call fails, saying why.
void TestClientCore::replyOfMoreFragmentsThanOneAckFails()
{
    Client c;
    const std::uint32_t id = c.core.startCall(QStringLiteral("echo"), QByteArray("hi"), kT0);
    c.transmits();
    wire::Header h;
    h.kind = DatagramKind::Reply;
    h.epoch = kEpoch;
    h.clientId = kClientId;
    h.callId = id;
    h.fragmentIndex = 59'999;
    h.fragmentCount = 60'000;
    h.ackRequested = true;
    QCOMPARE(c.core.receive(wire::encodeDatagram(h, QByteArray("x"), kChecksum), core::kServerHost, ms(5)),
             Received::Accepted);
    for (const Transmit &t : c.transmits())
        QVERIFY2(t.bytes.size() <= c.core.config().maxDatagram, qPrintable(QString::number(t.bytes.size())));
    const std::vector<Completion> done = c.completions();
    QCOMPARE(done.size(), std::size_t(1));
    QCOMPARE(done[0].callId, id);
    QCOMPARE(done[0].error, trace::CallError::TooLarge);
}

QTEST_GUILESS_MAIN(TestClientCore)
#include "tst_clientcore.moc"
