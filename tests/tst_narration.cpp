// The narration box: what a teacher says about each event. The chapter's
// figures are run in virtual time and their key events checked word for word;
// every kind of event, with every detail code, must give a finished sentence.
#include "run/narration.h"
#include "session/scenario.h"
#include "simrun.h"
#include "trace/tracelog.h"
#include "wire/bodies.pb.h"

#include <QAbstractSocket>
#include <QTest>

#include <array>
#include <functional>

using namespace rpcscope;
using trace::Event;
using trace::EventKind;
using wire::DatagramKind;

namespace {

using session::scenarioConfig;

std::uint8_t byteOf(DatagramKind kind)
{
    return std::uint8_t(kind);
}

// A whole simulated session and its trace, with ways to find its events.
struct Run : testsupport::SimRun
{
    using SimRun::SimRun;

    // Index of the n-th (1-based) event that `pred` accepts, or -1.
    qsizetype find(const std::function<bool(const Event &)> &pred, int n = 1) const
    {
        for (qsizetype i = 0; i < view.size(); ++i)
            if (pred(view.at(i)) && --n == 0)
                return i;
        return -1;
    }
    qsizetype find(EventKind kind, int n = 1) const
    {
        return find([kind](const Event &e) { return e.kind == kind; }, n);
    }
    qsizetype find(EventKind kind, DatagramKind datagram, int n = 1) const
    {
        return find([=](const Event &e) { return e.kind == kind && e.datagram == byteOf(datagram); }, n);
    }

    // What the narration box shows for the event at `index`.
    QString say(qsizetype index) const
    {
        return index < 0 ? QStringLiteral("<no such event>") : session::narrate(view, index, config);
    }

};// Events written by hand, for stories and fields no figure shows.
struct HandTrace
{
    static constexpr core::HostId kClient = 3;
    static constexpr std::uint32_t kCall = 7;

    Event &add(EventKind kind, core::HostId from = kClient, core::HostId to = core::kServerHost)
    {
        Event e;
        e.timeUs = events.empty() ? 0 : events.back().timeUs + 10'000;
        e.kind = kind;
        e.from = from;
        e.to = to;
        e.client = kClient;
        e.callId = kCall;
        e.attempt = 1;
        events.push_back(e);
        return events.back();
    }
    Event &add(EventKind kind, DatagramKind datagram, core::HostId from, core::HostId to, std::uint16_t attempt)
    {
        Event &e = add(kind, from, to);
        e.datagram = byteOf(datagram);
        e.attempt = attempt;
        e.size = 80;
        return e;
    }
    // The narration of the last event added.
    QString sayLast(const session::SessionConfig &config)
    {
        log.clear();
        for (const Event &e : events)
            log.record(e);
        return session::narrate(log.view(), log.view().size() - 1, config);
    }

    std::vector<Event> events;
    trace::TraceLog log;
};

constexpr core::HostId kServer = core::kServerHost;
constexpr core::HostId kClient = HandTrace::kClient;

// A finished sentence: not empty, no placeholder left, ends like a sentence.
bool finished(const QString &text)
{
    return !text.trimmed().isEmpty() && !text.contains(u'%') && (text.endsWith(u'.') || text.endsWith(u'"'))
           && text.at(0).isUpper();
}

session::SessionConfig oneClient()
{
    session::SessionConfig config;
    config.clients = 1;
    return config;
}

session::SessionConfig manyClients()
{
    session::SessionConfig config;
    config.clients = 4;
    return config;
}

// Fields a real event of `kind` could carry, varied by `variant`; `count`
// says how many variants the kind has (every datagram kind, every detail code).
Event plausible(EventKind kind, int variant, int *count)
{
    Event e;
    e.kind = kind;
    e.timeUs = 1'000'000;
    e.callId = HandTrace::kCall;
    e.client = kClient;
    e.attempt = 2;
    *count = 1;
    const auto datagramVariant = [&] {
        // Each datagram kind, sent both ways.
        *count = 2 * (wire::kDatagramKindLimit - 1);
        e.datagram = std::uint8_t(1 + variant / 2);
        const bool up = variant % 2 == 0;
        e.from = up ? kClient : kServer;
        e.to = up ? kServer : kClient;
        e.size = 120;
        e.detail = 0;
    };
    switch (kind) {
    case EventKind::CallStart:
        e.from = kClient;
        e.attempt = 0;
        break;
    case EventKind::Send:
    case EventKind::Deliver: {
        // Each datagram kind both ways, whole and as fragment 3.
        const int kinds = 2 * (wire::kDatagramKindLimit - 1);
        const int half = variant % kinds;
        datagramVariant();
        e.datagram = std::uint8_t(1 + half / 2);
        e.from = half % 2 == 0 ? kClient : kServer;
        e.to = half % 2 == 0 ? kServer : kClient;
        e.fragment = variant >= kinds ? 3 : 0;
        *count = 2 * kinds;
        break;
    }
    case EventKind::Duplicated:
    case EventKind::Corrupted:
    case EventKind::CorruptAccepted:
    case EventKind::Reordered:
        datagramVariant();
        break;
    case EventKind::Lost:
        datagramVariant();
        *count = 2 * (wire::kDatagramKindLimit - 1) * 3;
        e.detail = std::uint32_t(1 + variant / (2 * (wire::kDatagramKindLimit - 1))); // random, queue, scripted
        e.datagram = std::uint8_t(1 + (variant / 2) % (wire::kDatagramKindLimit - 1));
        e.fragment = variant % 3 == 0 ? 2 : 0;
        break;
    case EventKind::ChecksumFail:
        *count = 2;
        e.from = variant == 0 ? kServer : kClient;
        e.to = variant == 0 ? kClient : 0;
        e.callId = 0;
        e.attempt = 0;
        e.detail = std::uint32_t(wire::DecodeError::ChecksumMismatch);
        break;
    case EventKind::Timeout:
        *count = 2;
        e.from = kClient;
        e.attempt = std::uint16_t(variant == 0 ? 1 : 8); // 8: the last attempt by default
        e.detail = 200'000;
        break;
    case EventKind::Retransmit:
        *count = 2;
        e.from = kClient;
        e.datagram = byteOf(variant == 0 ? DatagramKind::Request : DatagramKind::Probe);
        break;
    case EventKind::Ack:
        *count = 2;
        e.detail = std::uint32_t(variant);
        e.from = variant == 0 ? kClient : kServer;
        e.to = variant == 0 ? 0 : kClient;
        e.datagram = byteOf(DatagramKind::Ack);
        break;
    case EventKind::Working:
        e.from = kClient;
        e.datagram = byteOf(DatagramKind::Working);
        break;
    case EventKind::RequestHeld:
        e.from = kServer;
        e.detail = HandTrace::kCall - 1; // the call it waits for
        break;
    case EventKind::DuplicateSuppressed:
    case EventKind::CachedReplyResent:
    case EventKind::HandlerStart:
    case EventKind::StaleDropped:
        e.from = kServer;
        e.to = kClient;
        break;
    case EventKind::HandlerEnd:
    case EventKind::Rejected:
        *count = 10; // every wire::Status and one this build does not know
        e.from = kServer;
        e.to = kClient;
        e.detail = std::uint32_t(variant);
        break;
    case EventKind::CacheEvict:
        *count = 4; // acked, age, bytes, and an unknown reason
        e.from = kServer;
        e.to = kClient;
        e.attempt = 0;
        e.detail = std::uint32_t(variant);
        break;
    case EventKind::LateReplyDropped:
        *count = 4;
        e.from = kClient;
        e.datagram = std::array{byteOf(DatagramKind::Reply), byteOf(DatagramKind::Error),
                                byteOf(DatagramKind::Ack), byteOf(DatagramKind::Working)}[std::size_t(variant)];
        break;
    case EventKind::CallOk:
        *count = 2;
        e.from = kClient;
        e.attempt = std::uint16_t(1 + variant);
        e.detail = 304'000;
        break;
    case EventKind::CallFailed:
        *count = trace::kCallErrorCount + 1;
        e.from = kClient;
        e.attempt = 8;
        e.detail = std::uint32_t(variant);
        break;
    case EventKind::MalformedDropped:
        *count = wire::kDecodeErrorCount + 5 + 2; // decode errors, protocol drops, unknown codes
        e.from = variant % 2 == 0 ? kServer : kClient;
        e.to = variant % 2 == 0 ? kClient : 0;
        e.detail = variant < wire::kDecodeErrorCount ? std::uint32_t(variant)
                   : variant < wire::kDecodeErrorCount + 5
                       ? std::uint32_t(100 + variant - wire::kDecodeErrorCount)
                       : std::uint32_t(200 + variant);
        break;
    case EventKind::ParamChange:
        e.from = 0;
        e.client = 0;
        e.callId = 0;
        e.detail = 3;
        e.size = 250;
        break;
    case EventKind::SocketError:
        *count = 4;
        e.from = kClient;
        e.to = variant == 3 ? kClient : kServer;
        e.detail = std::array{std::uint32_t(QAbstractSocket::ConnectionRefusedError),
                              std::uint32_t(QAbstractSocket::DatagramTooLargeError),
                              std::uint32_t(QAbstractSocket::UnknownSocketError),
                              std::uint32_t(QAbstractSocket::NetworkError)}[std::size_t(variant)];
        break;
    case EventKind::ServerRestart:
        e.from = kServer;
        e.callId = 0;
        e.attempt = 0;
        e.detail = 0x5EED;
        break;
    case EventKind::FragmentAck:
        // At the client (about its request, partial or complete) and at the server.
        *count = 3;
        e.from = variant == 2 ? kServer : kClient;
        e.to = 0;
        e.detail = variant == 1 ? 5 : 3;
        e.size = 5;
        e.datagram = byteOf(DatagramKind::FragmentAck);
        break;
    case EventKind::FragmentDuplicate:
        *count = 2;
        e.from = variant == 0 ? kServer : kClient;
        e.datagram = byteOf(variant == 0 ? DatagramKind::Request : DatagramKind::Reply);
        break;
    case EventKind::Reassembled:
        *count = 2;
        e.from = variant == 0 ? kServer : kClient;
        e.datagram = byteOf(variant == 0 ? DatagramKind::Request : DatagramKind::Reply);
        e.detail = 6'000;
        e.size = 5;
        break;
    }
    return e;
}

} // namespace

class TestNarration : public QObject
{
    Q_OBJECT

private slots:
    // Fig. 48.5 with the counter: the mockup's narration box.
    void droppedReply()
    {
        const Run run(scenarioConfig("dropped-reply"));
        QCOMPARE(run.say(run.find(EventKind::HandlerStart)),
                 "The server runs call 1: the counter service adds to its total. Adding is not idempotent, "
                 "so the server remembers the call in its reply cache: a duplicate request must not add a "
                 "second time.");
        QCOMPARE(run.say(run.find(EventKind::Lost, DatagramKind::Reply)),
                 "The reply to call 1 was lost. To the client this looks exactly like a lost request, so it "
                 "will time out and send call 1 again.");
        QCOMPARE(run.say(run.find(EventKind::Timeout)),
                 "No reply to call 1 came back within 200 ms, so the client's timer went off. It cannot tell "
                 "that the server has already run the call and only the reply was lost, so it sends call 1 "
                 "again.");
        QCOMPARE(run.say(run.find(EventKind::Retransmit)),
                 "The client retries: it sends call 1 again as attempt 2, with the same call id, so the "
                 "server can recognise it as a duplicate. With exponential back-off it waits longer before "
                 "each further retry, so a loaded server is not flooded with resends.");
        QCOMPARE(run.say(run.find(EventKind::Send, DatagramKind::Request, 2)),
                 "The client sends the request for call 1 again, as attempt 2, because its timer ran out.");
        QCOMPARE(run.say(run.find(EventKind::Deliver, DatagramKind::Request, 2)),
                 "Attempt 2 of call 1 reaches the server, which has already run call 1.");
        QCOMPARE(run.say(run.find(EventKind::CachedReplyResent)),
                 "The server has already run call 1, so it resends the reply it cached instead of adding to "
                 "the counter a second time: at-most-once.");
        QCOMPARE(run.say(run.find(EventKind::Send, DatagramKind::Reply, 2)),
                 "The server sends the reply to call 1 again, from its reply cache.");
        QCOMPARE(run.say(run.find(EventKind::CallOk)),
                 "Call 1 completed after 280 ms and 2 attempts. The server ran it only once: the retry was "
                 "answered from its reply cache.");
    }

    // The same story with a service whose handler is not a counter.
    void droppedReplyEcho()
    {
        session::SessionConfig config = scenarioConfig("dropped-reply");
        config.service = QStringLiteral("echo");
        const Run run(config);
        QCOMPARE(run.say(run.find(EventKind::CachedReplyResent)),
                 "The server has already run call 1, so it resends the reply it cached instead of running it "
                 "twice: at-most-once.");
        QCOMPARE(run.say(run.find(EventKind::HandlerStart)),
                 "The server runs call 1 on the echo service. It remembers the call in its reply cache, so a "
                 "duplicate request will not run it again.");
    }

    // Fig. 48.4: the request is lost, so the retry is the first the server hears.
    void droppedRequest()
    {
        const Run run(scenarioConfig("dropped-request"));
        QCOMPARE(run.say(run.find(EventKind::Lost, DatagramKind::Request)),
                 "The request for call 1 was lost. Nobody tells the client; only when its timer runs out "
                 "will it send call 1 again.");
        QCOMPARE(run.say(run.find(EventKind::Timeout)),
                 "No reply to call 1 came back within 200 ms, so the client's timer went off. It cannot tell "
                 "that its request was lost rather than the reply, so it sends call 1 again.");
        QCOMPARE(run.say(run.find(EventKind::Deliver, DatagramKind::Request)),
                 "Attempt 2 of call 1 reaches the server. Attempt 1 was lost, so this is the first the server "
                 "hears of the call.");
        QCOMPARE(run.say(run.find(EventKind::CallOk)),
                 "Call 1 completed after 300 ms and 2 attempts. The server ran it exactly once, however many "
                 "copies of the request reached it.");
    }

    // Fig. 48.3: explicit acks both ways, and what each means for timers and the cache.
    void messageAck()
    {
        const Run run(scenarioConfig("message-ack"));
        const auto fromServer = [](const Event &e) {
            return e.kind == EventKind::Send && e.datagram == byteOf(DatagramKind::Ack) && e.from == kServer;
        };
        const auto fromClient = [](const Event &e) {
            return e.kind == EventKind::Send && e.datagram == byteOf(DatagramKind::Ack) && e.from != kServer;
        };
        QCOMPARE(run.say(run.find(EventKind::Send, DatagramKind::Request)),
                 "The client sends the request for call 1 to the server. It keeps a copy and sets a timer, so "
                 "it can retry if no answer comes back in time.");
        QCOMPARE(run.say(run.find(fromServer)),
                 "The server acknowledges the request for call 1 at once, before it has a reply, so the client "
                 "can stop resending it.");
        QCOMPARE(run.say(run.find(EventKind::Ack, 1)),
                 "The server acknowledged the request for call 1, so the client knows it arrived and stops "
                 "resending it. From now on its timer only triggers a probe if the reply is slow.");
        QCOMPARE(run.say(run.find(EventKind::Send, DatagramKind::Reply)),
                 "The server sends the reply to call 1. It keeps a copy in its reply cache until the client "
                 "acknowledges it.");
        QCOMPARE(run.say(run.find(EventKind::CallOk)), "Call 1 completed after 100 ms on the first attempt.");
        QCOMPARE(run.say(run.find(fromClient)),
                 "The client acknowledges the reply to call 1, so the server can drop it from its reply "
                 "cache.");
        QCOMPARE(run.say(run.find(EventKind::Ack, 2)),
                 "The client acknowledged the reply to call 1. The server no longer needs to keep it for a "
                 "resend.");
        QCOMPARE(run.say(run.find(EventKind::CacheEvict)),
                 "The server removes the reply to call 1 from its reply cache: the client has acknowledged "
                 "it.");
    }

    // Loss, duplication and damage at once: every event of real runs gets a
    // finished sentence, and the checksum sentences name the session's checksum.
    void lossyRuns_data()
    {
        QTest::addColumn<int>("checksum");
        QTest::addColumn<int>("clients");
        QTest::newRow("sum, one client") << int(wire::ChecksumKind::Sum) << 1;
        QTest::newRow("xor, one client") << int(wire::ChecksumKind::Xor) << 1;
        QTest::newRow("crc32c, three clients") << int(wire::ChecksumKind::Crc32c) << 3;
        QTest::newRow("none, three clients") << int(wire::ChecksumKind::None) << 3;
    }
    void lossyRuns()
    {
        QFETCH(int, checksum);
        QFETCH(int, clients);
        int checks = 0; // checksum events seen: the name check below must not be vacuous
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            session::SessionConfig c = scenarioConfig("lossy");
            c.seed = seed;
            c.calls = 12;
            c.clients = clients;
            c.toServer.loss = c.toClient.loss = 0.3;
            c.toServer.duplicate = c.toClient.duplicate = 0.2;
            c.toServer.reorder = c.toClient.reorder = 0.1;
            c.toServer.corrupt = c.toClient.corrupt = 0.2;
            c.checksum = wire::ChecksumKind(checksum);
            const Run run(c);
            const QString name = c.checksum == wire::ChecksumKind::Sum      ? QStringLiteral("byte-sum")
                                 : c.checksum == wire::ChecksumKind::Xor    ? QStringLiteral("XOR")
                                 : c.checksum == wire::ChecksumKind::Crc32c ? QStringLiteral("CRC-32C")
                                                                            : QStringLiteral("no checksum");
            for (qsizetype i = 0; i < run.view.size(); ++i) {
                const Event &e = run.view.at(i);
                const QString text = run.say(i);
                const QString where = QStringLiteral("seed %1 event %2 (%3): %4")
                                          .arg(seed)
                                          .arg(i)
                                          .arg(trace::eventKindName(e.kind), text);
                QVERIFY2(finished(text), qPrintable(where));
                if (e.kind == EventKind::ChecksumFail || e.kind == EventKind::CorruptAccepted) {
                    QVERIFY2(text.contains(name), qPrintable(where));
                    QVERIFY2(text.contains(QLatin1String("end-to-end argument")), qPrintable(where));
                    ++checks;
                }
                // One client is "the client"; with several, each is named by number.
                QVERIFY2(clients == 1 ? !text.contains(QLatin1String("client 1"))
                                      : !text.contains(QLatin1String("the client ")),
                         qPrintable(where));
            }
        }
        QVERIFY(checks > 0);
    }

    // Every kind of event, with every detail code and datagram kind, alone
    // and after a call's worth of context, under every protocol setting.
    void everyKindHasASentence()
    {
        HandTrace context;
        context.add(EventKind::CallStart).attempt = 0;
        context.add(EventKind::Send, DatagramKind::Request, kClient, kServer, 1);
        context.add(EventKind::Lost, DatagramKind::Request, kClient, kServer, 1).detail = 3;
        context.add(EventKind::Timeout).detail = 200'000;
        context.add(EventKind::Retransmit, DatagramKind::Request, kClient, 0, 2);
        context.add(EventKind::Send, DatagramKind::Request, kClient, kServer, 2);
        context.add(EventKind::Deliver, DatagramKind::Request, kClient, kServer, 2);
        context.add(EventKind::HandlerStart, kServer, kClient).attempt = 2;
        context.add(EventKind::HandlerEnd, kServer, kClient).attempt = 2;
        context.add(EventKind::Send, DatagramKind::Reply, kServer, kClient, 2);

        int checked = 0;
        for (int k = 0; k < trace::kEventKindCount; ++k) {
            const auto kind = EventKind(k);
            int count = 1;
            for (int variant = 0; variant < count; ++variant) {
                const Event event = plausible(kind, variant, &count);
                for (int setting = 0; setting < 2 * wire::kChecksumKindCount; ++setting) {
                    session::SessionConfig config;
                    config.clients = setting % 2 == 0 ? 1 : 4;
                    config.checksum = wire::ChecksumKind(setting / 2);
                    config.ackMode = setting % 4 < 2 ? core::AckMode::Explicit : core::AckMode::Implicit;
                    config.retry.backoff = core::Backoff(setting % core::kBackoffCount);
                    config.service = setting % 3 == 0 ? QStringLiteral("counter") : QStringLiteral("echo");
                    for (bool withContext : {false, true}) {
                        HandTrace trace;
                        if (withContext)
                            trace.events = context.events;
                        trace.events.push_back(event);
                        if (withContext)
                            trace.events.back().timeUs = trace.events[trace.events.size() - 2].timeUs;
                        const QString text = trace.sayLast(config);
                        const QString where = QStringLiteral("%1 variant %2 setting %3%4: %5")
                                                  .arg(trace::eventKindName(kind))
                                                  .arg(variant)
                                                  .arg(setting)
                                                  .arg(withContext ? QStringLiteral(" in context") : QString(), text);
                        QVERIFY2(finished(text), qPrintable(where));
                        ++checked;
                    }
                }
            }
        }
        QVERIFY(checked > trace::kEventKindCount * 20);
    }

    // "the client" in a one-client session, "client 3" with several; "the server" always.
    void hostNames()
    {
        HandTrace trace;
        trace.add(EventKind::CallStart).attempt = 0;
        trace.add(EventKind::Send, DatagramKind::Request, kClient, kServer, 1);
        QCOMPARE(trace.sayLast(oneClient()),
                 "The client sends the request for call 7 to the server. It keeps a copy and sets a timer, so "
                 "it can retry if no answer comes back in time.");
        QCOMPARE(trace.sayLast(manyClients()),
                 "Client 3 sends the request for call 7 to the server. It keeps a copy and sets a timer, so it "
                 "can retry if no answer comes back in time.");

        trace.add(EventKind::Deliver, DatagramKind::Request, kClient, kServer, 1);
        trace.add(EventKind::HandlerStart, kServer, kClient);
        trace.add(EventKind::HandlerEnd, kServer, kClient);
        trace.add(EventKind::Send, DatagramKind::Reply, kServer, kClient, 1);
        trace.add(EventKind::Lost, DatagramKind::Reply, kServer, kClient, 1).detail = 1;
        QCOMPARE(trace.sayLast(oneClient()),
                 "The reply to call 7 was lost. To the client this looks exactly like a lost request, so it "
                 "will time out and send call 7 again.");
        QCOMPARE(trace.sayLast(manyClients()),
                 "The reply to call 7 was lost. To client 3 this looks exactly like a lost request, so it will "
                 "time out and send call 7 again.");

        trace.add(EventKind::Timeout).detail = 200'000;
        QCOMPARE(trace.sayLast(manyClients()),
                 "No reply to call 7 came back within 200 ms, so client 3's timer went off. It cannot tell "
                 "that the server has already run the call and only the reply was lost, so it sends call 7 "
                 "again.");
    }

    // A long-running call: once the server says "working", timers lead to probes.
    void workingThenProbe()
    {
        session::SessionConfig config = oneClient();
        config.pollInterval = core::Duration(500'000);
        HandTrace trace;
        trace.add(EventKind::CallStart).attempt = 0;
        trace.add(EventKind::Send, DatagramKind::Request, kClient, kServer, 1);
        trace.add(EventKind::Deliver, DatagramKind::Request, kClient, kServer, 1);
        trace.add(EventKind::HandlerStart, kServer, kClient);
        trace.add(EventKind::Send, DatagramKind::Working, kServer, kClient, 1);
        trace.add(EventKind::Deliver, DatagramKind::Working, kServer, kClient, 1);
        trace.add(EventKind::Working).datagram = byteOf(DatagramKind::Working);
        QCOMPARE(trace.sayLast(config),
                 "The server says call 7 is still running (a long-running call), so the client stops resending "
                 "the request. Its timer now only triggers a probe every 500 ms to ask how the call is doing.");
        trace.add(EventKind::Send, DatagramKind::Reply, kServer, kClient, 1);
        trace.add(EventKind::Lost, DatagramKind::Reply, kServer, kClient, 1).detail = 1;
        QCOMPARE(trace.sayLast(config),
                 "The reply to call 7 was lost. The client knows the server has the call, so when its timer "
                 "runs out it will ask for the result with a probe instead of sending the call again.");
        trace.add(EventKind::Timeout).detail = 500'000;
        QCOMPARE(trace.sayLast(config),
                 "No reply to call 7 came within 500 ms, but the server has said it is working on the call. So "
                 "the client does not resend it; it asks with a probe how the call is doing.");
        trace.add(EventKind::Retransmit).datagram = byteOf(DatagramKind::Probe);
        QCOMPARE(trace.sayLast(config),
                 "The client sends a probe for call 7: the server has said it is working on it, so it only "
                 "asks how it is doing instead of resending the request.");
        trace.add(EventKind::Send, DatagramKind::Probe, kClient, kServer, 1);
        trace.add(EventKind::Deliver, DatagramKind::Probe, kClient, kServer, 1);
        trace.add(EventKind::CachedReplyResent, kServer, kClient).timeUs = trace.events.back().timeUs;
        QCOMPARE(trace.sayLast(config),
                 "Call 7 has finished, so the server answers the probe from the client with the reply it "
                 "cached; the call is not run again.");
    }

    // The checksum the session uses, and the end-to-end argument.
    void checksums()
    {
        session::SessionConfig config = oneClient();
        HandTrace trace;
        trace.add(EventKind::CallStart).attempt = 0;
        trace.add(EventKind::Send, DatagramKind::Request, kClient, kServer, 1);
        trace.add(EventKind::Corrupted, DatagramKind::Request, kClient, kServer, 1);
        trace.add(EventKind::Deliver, DatagramKind::Request, kClient, kServer, 1);
        Event fail = trace.add(EventKind::ChecksumFail, kServer, kClient);
        fail.timeUs = trace.events[trace.events.size() - 2].timeUs;
        fail.callId = 0;
        fail.attempt = 0;
        fail.detail = std::uint32_t(wire::DecodeError::ChecksumMismatch);
        trace.events.back() = fail;
        config.checksum = wire::ChecksumKind::Crc32c;
        QCOMPARE(trace.sayLast(config),
                 "The CRC-32C checksum at the server caught a damaged request for call 7 and dropped it. "
                 "Checking at the receiving end is the end-to-end argument at work: the damaged datagram now "
                 "counts as lost, and timeout and retry repair it like any loss.");

        trace.events.back() = trace.events[trace.events.size() - 2];
        trace.events.back().kind = EventKind::CorruptAccepted;
        config.checksum = wire::ChecksumKind::Fletcher16;
        QCOMPARE(trace.sayLast(config),
                 "A damaged REQ datagram of call 7 passed the Fletcher-16 checksum at the server and was "
                 "accepted as if it were good. A weak checksum lets some damage through; by the end-to-end "
                 "argument only a strong check at the ends, such as CRC-32C, can be relied on.");
        config.checksum = wire::ChecksumKind::None;
        QCOMPARE(trace.sayLast(config),
                 "A damaged REQ datagram of call 7 was accepted at the server as if it were good: this session "
                 "uses no checksum. By the end-to-end argument only a check at the ends could have caught it; "
                 "choose a checksum such as CRC-32C.");
    }

    // What went wrong, in words, and whether the server ran the call after all.
    void callFailed()
    {
        session::SessionConfig config = oneClient();
        HandTrace trace;
        trace.add(EventKind::CallStart).attempt = 0;
        trace.add(EventKind::Send, DatagramKind::Request, kClient, kServer, 1);
        Event &failed = trace.add(EventKind::CallFailed);
        failed.attempt = 8;
        failed.detail = std::uint32_t(trace::CallError::MaxAttempts);
        QCOMPARE(trace.sayLast(config),
                 "Call 7 failed: none of its 8 attempts got an answer. The client cannot know whether the "
                 "server ran it.");
        trace.events.insert(trace.events.end() - 1, trace.events.front());
        trace.events[trace.events.size() - 2].kind = EventKind::HandlerStart;
        QCOMPARE(trace.sayLast(config),
                 "Call 7 failed: none of its 8 attempts got an answer. The server did run it; only the "
                 "answers were lost, so a failed call does not mean nothing happened.");
        trace.events.back().detail = std::uint32_t(trace::CallError::ServerRestarted);
        QCOMPARE(trace.sayLast(config),
                 "Call 7 failed: the server restarted, so the call may or may not have run.");
    }

    // An ordered client's call held back, then released: the narration says
    // whether the call before it ran or was given up.
    void heldBackThenReleased()
    {
        session::SessionConfig config = oneClient();
        config.ordered = true;
        HandTrace trace;
        trace.add(EventKind::CallStart).attempt = 0;
        Event &held = trace.add(EventKind::RequestHeld, kServer, kClient);
        held.detail = HandTrace::kCall - 1;
        QCOMPARE(trace.sayLast(config),
                 "Call 7 reached the server before call 6 had run. The client asked for its calls in order, so "
                 "the server holds call 7 back. It acks the request like a running call, so the client probes "
                 "instead of resending, and runs it once every earlier call has run or been given up.");
        trace.add(EventKind::HandlerStart, kServer, kClient);
        QCOMPARE(trace.sayLast(config),
                 "Call 6 has run, so call 7 is next: the server takes it out of its hold-back queue and runs it. "
                 "The network delivered the calls out of order; the server runs them in the order they were made.");
        Event gaveUp = trace.events.front();
        gaveUp.kind = EventKind::CallFailed;
        gaveUp.callId = HandTrace::kCall - 1;
        gaveUp.detail = std::uint32_t(trace::CallError::DeadlineExceeded);
        trace.events.insert(trace.events.end() - 1, gaveUp);
        QCOMPARE(trace.sayLast(config),
                 "The client gave up on call 6, so the server waits for it no longer: it takes call 7 out of its "
                 "hold-back queue and runs it. The network delivered the calls out of order; the server runs "
                 "them in the order they were made.");
    }

    // The last allowed attempt times out: the call fails, whether or not it ran.
    void lastAttempt()
    {
        HandTrace trace;
        trace.add(EventKind::CallStart).attempt = 0;
        Event &timeout = trace.add(EventKind::Timeout);
        timeout.attempt = 8;
        timeout.detail = 200'000;
        QCOMPARE(trace.sayLast(oneClient()),
                 "No reply to call 7 came back within 200 ms, so the client's timer went off. Attempt 8 was the "
                 "last one allowed, so the call fails; the client cannot know whether the server ran it.");
        trace.events.insert(trace.events.end() - 1, trace.events.front());
        trace.events[1].kind = EventKind::HandlerStart;
        QCOMPARE(trace.sayLast(oneClient()),
                 "No reply to call 7 came back within 200 ms, so the client's timer went off. Attempt 8 was the "
                 "last one allowed, so the call fails, although the server did run it: only the answers were "
                 "lost.");
    }

    // Duplicates at the server: still running, already answered, already acknowledged.
    void duplicates()
    {
        session::SessionConfig config = oneClient();
        config.ackMode = core::AckMode::Implicit;
        HandTrace trace;
        trace.add(EventKind::DuplicateSuppressed, kServer, kClient);
        QCOMPARE(trace.sayLast(config),
                 "Another copy of call 7 reached the server while the call is still running, so the server "
                 "does not run it again. It tells the client that the call is still running, so the client "
                 "stops resending and waits.");
        trace.add(EventKind::StaleDropped, kServer, kClient);
        QCOMPARE(trace.sayLast(config),
                 "A late copy of call 7 reached the server after the client had already acknowledged its "
                 "reply, so the server drops it. The client's sequence counter has moved past this call, so "
                 "the server knows the copy is stale and does not run it again.");
        trace.add(EventKind::CacheEvict, kServer, kClient).detail = std::uint32_t(trace::EvictReason::Bytes);
        QCOMPARE(trace.sayLast(config),
                 "The reply cache was over its byte limit, so the server dropped its oldest reply, the one to "
                 "call 7. If call 7 is asked about again, the server will answer that the reply is gone rather "
                 "than run the call a second time.");
    }

    // Context comes from the recent past only, so a hover stays cheap.
    void lookBackIsBounded()
    {
        const auto story = [](int filler) {
            HandTrace trace;
            trace.add(EventKind::CallStart).attempt = 0;
            trace.add(EventKind::HandlerStart, kServer, kClient);
            trace.add(EventKind::HandlerEnd, kServer, kClient);
            for (int i = 0; i < filler; ++i) // other calls' traffic
                trace.add(EventKind::Send, DatagramKind::Request, kClient, kServer, 1).callId = 1000 + i;
            trace.add(EventKind::Deliver, DatagramKind::Request, kClient, kServer, 2);
            return trace.sayLast(oneClient());
        };
        QCOMPARE(story(1000), "Attempt 2 of call 7 reaches the server, which has already run call 7.");
        QCOMPARE(story(50'000), "Attempt 2 of call 7 reaches the server.");
    }

    void outsideTheView()
    {
        const Run run(scenarioConfig("message-ack"));
        QCOMPARE(session::narrate(run.view, -1, run.config), QString());
        QCOMPARE(session::narrate(run.view, run.view.size(), run.config), QString());
        QCOMPARE(session::narrate(trace::TraceLog::View(), 0, run.config), QString());
    }
};

QTEST_GUILESS_MAIN(TestNarration)

#include "tst_narration.moc"
