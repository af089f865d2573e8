// The server side of TraceFeed (remote classroom mode): TraceRing numbers
// and bounds what a server records; TraceFeedService::Pull hands it out
// packed as a capture packs it, with the addresses of the hosts the events
// name and the server's time; and over loopback with DTLS only a holder of
// the key reads it.
#include "codegen/stubs.h"
#include "remote/tracefeedservice.h"
#include "remote/tracering.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "services/echoservice.h"
#include "trace/eventcodec.h"

#include "loopback.h"
#include "testprinters.h"

#include <QElapsedTimer>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <limits>
#include <thread>

using namespace rpcscope;
using remote::PullReply;
using remote::PullRequest;
using remote::TraceFeedService;
using remote::TraceRing;

namespace {

const QByteArray kKey = QByteArrayLiteral("a classroom secret");
const QString kPull = QStringLiteral("rpcscope.remote.TraceFeed/Pull");

// Event number `n` of a made-up trace: every field differs from the
// neighbours', so a slice taken from the wrong place does not compare equal.
trace::Event eventNumber(std::uint64_t n, core::HostId client = 1)
{
    trace::Event e;
    e.timeUs = 1'000 + std::int64_t(n) * 7;
    e.callId = std::uint32_t(n / 3 + 1);
    e.kind = n % 2 ? trace::EventKind::Send : trace::EventKind::HandlerStart;
    e.from = n % 2 ? core::kServerHost : client;
    e.to = n % 2 ? client : core::kServerHost;
    e.client = client;
    e.size = std::uint32_t(40 + n % 50);
    e.attempt = std::uint16_t(1 + n % 3);
    e.datagram = std::uint8_t(n % 2 ? 2 : 1);
    return e;
}

std::vector<trace::Event> eventsNumbered(std::uint64_t from, std::uint64_t to)
{
    std::vector<trace::Event> events;
    for (std::uint64_t n = from; n < to; ++n)
        events.push_back(eventNumber(n));
    return events;
}

// Pull through the generated skeleton's procedure table, as RpcServer
// would call it, without a socket.
PullReply pull(TraceFeedService &service, std::uint64_t from, std::uint32_t max)
{
    PullRequest request;
    request.set_from_sequence(from);
    request.set_max_events(max);
    for (const codegen::Procedure &procedure : service.procedures()) {
        if (procedure.method != kPull)
            continue;
        const rpc::HandlerResult result = procedure.handler(codegen::encodeMessage(request));
        PullReply reply;
        if (result.status != wire::STATUS_OK || !codegen::decodeMessage(result.result, reply))
            qFatal("Pull failed: %s", qPrintable(result.message));
        return reply;
    }
    qFatal("TraceFeedService offers no %s", qPrintable(kPull));
}

// The events a reply carries, unpacked; a damaged reply fails the test.
std::vector<trace::Event> eventsOf(const PullReply &reply)
{
    std::vector<trace::Event> events;
    const QString error = trace::unpackEvents(
        QByteArrayView(reply.events().data(), qsizetype(reply.events().size())), reply.event_count(),
        reply.first_time_us(), events);
    if (!error.isEmpty())
        qFatal("the reply's events do not unpack: %s", qPrintable(error));
    return events;
}

rpc::PeerAddress peerAt(core::HostId host, const char *address, quint16 port)
{
    return {host, QHostAddress(QString::fromLatin1(address)), port};
}

core::TimePoint elapsed(const QElapsedTimer &clock)
{
    return core::TimePoint(clock.nsecsElapsed() / 1000);
}

} // namespace

class TestTraceFeed : public QObject
{
    Q_OBJECT

private slots:
    void ringNumbersEventsFromZero()
    {
        TraceRing ring(8);
        QCOMPARE(ring.next(), std::uint64_t(0));
        QVERIFY(ring.read(0, 10).events.empty());
        for (std::uint64_t n = 0; n < 5; ++n)
            ring.record(eventNumber(n));
        QCOMPARE(ring.next(), std::uint64_t(5));

        TraceRing::Slice all = ring.read(0, 100);
        QCOMPARE(all.first, std::uint64_t(0));
        QCOMPARE(all.events, eventsNumbered(0, 5));

        // `max` bounds a slice; the rest is there from where it stopped.
        const TraceRing::Slice middle = ring.read(2, 2);
        QCOMPARE(middle.first, std::uint64_t(2));
        QCOMPARE(middle.events, eventsNumbered(2, 4));
        QVERIFY(ring.read(2, 0).events.empty());

        // From next() or beyond: nothing yet.
        const TraceRing::Slice upToDate = ring.read(5, 10);
        QCOMPARE(upToDate.first, std::uint64_t(5));
        QVERIFY(upToDate.events.empty());
        const TraceRing::Slice ahead = ring.read(9, 10);
        QCOMPARE(ahead.first, std::uint64_t(9));
        QVERIFY(ahead.events.empty());
    }

    // Past its capacity the ring drops its oldest events: a reader asking
    // for them gets the oldest still held, and `first` says where that is.
    void ringSkipsOverwrittenEvents()
    {
        TraceRing ring(4);
        for (std::uint64_t n = 0; n < 10; ++n)
            ring.record(eventNumber(n));
        QCOMPARE(ring.next(), std::uint64_t(10));

        const TraceRing::Slice fromStart = ring.read(0, 100);
        QCOMPARE(fromStart.first, std::uint64_t(6));
        QCOMPARE(fromStart.events, eventsNumbered(6, 10));

        const TraceRing::Slice held = ring.read(7, 2);
        QCOMPARE(held.first, std::uint64_t(7));
        QCOMPARE(held.events, eventsNumbered(7, 9));

        const TraceRing::Slice partly = ring.read(5, 3);
        QCOMPARE(partly.first, std::uint64_t(6));
        QCOMPARE(partly.events, eventsNumbered(6, 9));

        // Wrapping many times over keeps the numbering.
        for (std::uint64_t n = 10; n < 1'003; ++n)
            ring.record(eventNumber(n));
        const TraceRing::Slice late = ring.read(0, 100);
        QCOMPARE(late.first, std::uint64_t(999));
        QCOMPARE(late.events, eventsNumbered(999, 1'003));
    }

    // Two threads record while one reads: every number is accounted for,
    // read or reported skipped, and each writer's events come out in the
    // order it recorded them, none lost between slices that skipped none.
    void ringConcurrentRecordAndRead()
    {
        constexpr std::uint32_t kPerWriter = 50'000;
        constexpr int kWriters = 2;
        TraceRing ring(512);
        std::atomic<int> writing{kWriters};
        std::vector<std::thread> writers;
        for (int w = 0; w < kWriters; ++w)
            writers.emplace_back([&ring, &writing, w] {
                for (std::uint32_t i = 1; i <= kPerWriter; ++i) {
                    trace::Event e;
                    e.from = core::HostId(w + 1);
                    e.callId = i;
                    ring.record(e);
                }
                writing.fetch_sub(1);
            });

        std::uint64_t from = 0, read = 0, skipped = 0;
        std::uint32_t lastCall[kWriters + 1] = {};
        // A writer's events may jump only over a gap the ring reported
        // since that writer's last event was read.
        bool mayJump[kWriters + 1] = {};
        QString broken;
        const auto readOnce = [&] {
            const TraceRing::Slice slice = ring.read(from, 300);
            if (slice.first < from)
                broken = QStringLiteral("slice from %1 asked from %2").arg(slice.first).arg(from);
            if (slice.first > from)
                std::fill(std::begin(mayJump), std::end(mayJump), true);
            skipped += slice.first - from;
            for (const trace::Event &e : slice.events) {
                std::uint32_t &last = lastCall[e.from];
                if (e.callId <= last || (!mayJump[e.from] && e.callId != last + 1))
                    broken = QStringLiteral("writer %1: call %2 after %3").arg(e.from).arg(e.callId).arg(last);
                last = e.callId;
                mayJump[e.from] = false;
            }
            read += slice.events.size();
            from = slice.first + slice.events.size();
        };
        while (writing.load() > 0 && broken.isEmpty())
            readOnce();
        for (std::thread &t : writers)
            t.join();
        while (from < ring.next() && broken.isEmpty())
            readOnce();

        QVERIFY2(broken.isEmpty(), qPrintable(broken));
        QCOMPARE(ring.next(), std::uint64_t(kWriters) * kPerWriter);
        QCOMPARE(read + skipped, ring.next());
        // The last event recorded, some writer's last, is never overwritten.
        QVERIFY(std::count(std::begin(lastCall), std::end(lastCall), kPerWriter) >= 1);
    }

    // Pull without sockets: the events exactly as recorded, the sequence
    // numbers, the clock and the epoch.
    void pullHandsOutEventsAsRecorded()
    {
        TraceRing ring(64);
        for (std::uint64_t n = 0; n < 10; ++n)
            ring.record(eventNumber(n));
        TraceFeedService service({&ring, [] { return core::TimePoint(987'654); }, {}, 77});

        const PullReply all = pull(service, 0, 0);
        QCOMPARE(all.first_sequence(), std::uint64_t(0));
        QCOMPARE(all.next_sequence(), std::uint64_t(10));
        QCOMPARE(all.event_count(), 10u);
        QCOMPARE(all.first_time_us(), eventNumber(0).timeUs);
        QCOMPARE(all.server_now_us(), std::int64_t(987'654));
        QCOMPARE(all.epoch(), 77u);
        QCOMPARE(eventsOf(all), eventsNumbered(0, 10));

        const PullReply some = pull(service, 4, 3);
        QCOMPARE(some.first_sequence(), std::uint64_t(4));
        QCOMPARE(some.next_sequence(), std::uint64_t(7));
        QCOMPARE(some.first_time_us(), eventNumber(4).timeUs);
        QCOMPARE(eventsOf(some), eventsNumbered(4, 7));
        // Where the present is, whatever part was asked for.
        QCOMPARE(all.end_sequence(), std::uint64_t(10));
        QCOMPARE(some.end_sequence(), std::uint64_t(10));

        // Up to date: no events, and first_time_us 0 as the contract says.
        const PullReply none = pull(service, 10, 0);
        QCOMPARE(none.first_sequence(), std::uint64_t(10));
        QCOMPARE(none.next_sequence(), std::uint64_t(10));
        QCOMPARE(none.event_count(), 0u);
        QCOMPARE(none.first_time_us(), std::int64_t(0));
        QVERIFY(none.events().empty());
        QCOMPARE(none.server_now_us(), std::int64_t(987'654));
    }

    void pullSaysWhatWasOverwritten()
    {
        TraceRing ring(16);
        for (std::uint64_t n = 0; n < 40; ++n)
            ring.record(eventNumber(n));
        TraceFeedService service({&ring, [] { return core::TimePoint(0); }, {}, 1});
        const PullReply reply = pull(service, 3, 0);
        QCOMPARE(reply.first_sequence(), std::uint64_t(24));
        QCOMPARE(reply.next_sequence(), std::uint64_t(40));
        QCOMPARE(eventsOf(reply), eventsNumbered(24, 40));
    }

    void pullClampsMaxEvents_data()
    {
        QTest::addColumn<std::uint32_t>("asked");
        QTest::addColumn<std::uint32_t>("given");
        QTest::newRow("0: the cap") << 0u << TraceFeedService::kMaxEventsPerPull;
        QTest::newRow("1") << 1u << 1u;
        QTest::newRow("below the cap") << 100u << 100u;
        QTest::newRow("the cap") << TraceFeedService::kMaxEventsPerPull << TraceFeedService::kMaxEventsPerPull;
        QTest::newRow("above the cap") << TraceFeedService::kMaxEventsPerPull + 1
                                       << TraceFeedService::kMaxEventsPerPull;
        QTest::newRow("the most") << std::numeric_limits<std::uint32_t>::max() << TraceFeedService::kMaxEventsPerPull;
    }

    void pullClampsMaxEvents()
    {
        QFETCH(std::uint32_t, asked);
        QFETCH(std::uint32_t, given);
        constexpr std::uint64_t kRecorded = TraceFeedService::kMaxEventsPerPull + 500;
        TraceRing ring(kRecorded);
        for (std::uint64_t n = 0; n < kRecorded; ++n)
            ring.record(eventNumber(n));
        TraceFeedService service({&ring, [] { return core::TimePoint(0); }, {}, 1});
        const PullReply reply = pull(service, 0, asked);
        QCOMPARE(reply.event_count(), given);
        QCOMPARE(reply.next_sequence(), std::uint64_t(given));
        QCOMPARE(eventsOf(reply), eventsNumbered(0, given));
    }

    // The server's time is taken after the ring is read: an event recorded
    // while the clock is read is not in the reply, so no event handed out
    // is later than server_now_us.
    void pullReadsTheClockAfterTheRing()
    {
        TraceRing ring(64);
        for (std::uint64_t n = 0; n < 3; ++n)
            ring.record(eventNumber(n));
        const auto now = [&ring] {
            ring.record(eventNumber(ring.next()));
            return core::TimePoint(5'000);
        };
        TraceFeedService service({&ring, now, {}, 1});
        const PullReply reply = pull(service, 0, 0);
        QCOMPARE(reply.event_count(), 3u);
        QCOMPARE(reply.next_sequence(), std::uint64_t(3));
        QCOMPARE(ring.next(), std::uint64_t(4));
    }

    // Only the hosts the events name, and only those in the peer table;
    // a reply naming no client does not ask the server for its table.
    void pullNamesOnlyThePeersItsEventsName()
    {
        TraceRing ring(64);
        trace::Event fromOne = eventNumber(0, 1);
        trace::Event toThree = eventNumber(1, 3);
        trace::Event ofFive = eventNumber(2, 5); // no longer in the peer table
        trace::Event serverOnly;
        serverOnly.kind = trace::EventKind::CacheEvict;
        serverOnly.timeUs = 2'000;
        for (const trace::Event &e : {fromOne, toThree, ofFive, serverOnly})
            ring.record(e);
        int tableReads = 0;
        const auto peers = [&tableReads] {
            ++tableReads;
            return QList<rpc::PeerAddress>{peerAt(1, "192.0.2.1", 5001), peerAt(2, "192.0.2.2", 5002),
                                           peerAt(3, "2001:db8::3", 5003), peerAt(4, "192.0.2.4", 5004)};
        };
        TraceFeedService service({&ring, [] { return core::TimePoint(0); }, peers, 1});

        const PullReply reply = pull(service, 0, 0);
        QCOMPARE(tableReads, 1);
        QCOMPARE(reply.peers_size(), 2);
        QCOMPARE(reply.peers(0).host(), 1u);
        QCOMPARE(reply.peers(0).address(), std::string("192.0.2.1"));
        QCOMPARE(reply.peers(0).port(), 5001u);
        QCOMPARE(reply.peers(1).host(), 3u);
        QCOMPARE(reply.peers(1).address(), std::string("2001:db8::3"));
        QCOMPARE(reply.peers(1).port(), 5003u);

        const PullReply lastOnly = pull(service, 3, 0);
        QCOMPARE(lastOnly.event_count(), 1u);
        QCOMPARE(lastOnly.peers_size(), 0);
        QCOMPARE(tableReads, 1);
    }

    // The whole path: a keyed echo server traces into a ring, a second
    // server with the same key feeds it, and a client with the key reads
    // what the server did for another client.
    void feedOverDtls()
    {
        QElapsedTimer clock;
        clock.start();
        TraceRing ring;
        rpc::ServerOptions so;
        so.bindAddress = QHostAddress(QHostAddress::LocalHost);
        so.key = kKey;
        so.trace = &ring;
        so.clock = &clock;
        rpc::RpcServer server(so);
        server.setService(std::make_shared<services::EchoService>());
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));

        TraceFeedService feed({&ring, [&clock] { return elapsed(clock); }, [&server] { return server.peers(); },
                               server.epoch()});
        rpc::ServerOptions fo;
        fo.bindAddress = QHostAddress(QHostAddress::LocalHost);
        fo.key = kKey;
        rpc::RpcServer feedServer(fo);
        feed.registerOn(feedServer);
        QVERIFY2(feedServer.start(&error), qPrintable(error));

        rpc::ClientOptions co = testsupport::clientFor(server);
        co.key = kKey;
        rpc::RpcClient client(co);
        QVERIFY2(client.start(&error), qPrintable(error));
        constexpr int kCalls = 5;
        for (int i = 0; i < kCalls; ++i) {
            const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), "traced " + QByteArray::number(i));
            QVERIFY2(reply.ok(), qPrintable(reply.message));
        }

        rpc::ClientOptions fco = testsupport::clientFor(feedServer, testsupport::quickRetry(), 43);
        fco.key = kKey;
        rpc::RpcClient feedClient(fco);
        QVERIFY2(feedClient.start(&error), qPrintable(error));
        remote::TraceFeedClient feedStub(feedClient);

        // Read everything there is, a few events at a time, each pull
        // carrying on from where the one before left off.
        std::vector<trace::Event> events;
        std::vector<PullReply> replies;
        PullRequest request;
        request.set_max_events(16);
        for (int pulls = 0; pulls < 100; ++pulls) {
            const codegen::CallResult<PullReply> result = feedStub.PullBlocking(request);
            QVERIFY2(result.ok(), qPrintable(result.message));
            const PullReply &reply = result.response;
            QCOMPARE(reply.first_sequence(), request.from_sequence()); // nothing overwritten
            QCOMPARE(reply.next_sequence(), reply.first_sequence() + reply.event_count());
            QCOMPARE(reply.epoch(), server.epoch());
            const std::vector<trace::Event> got = eventsOf(reply);
            if (!got.empty())
                QVERIFY2(reply.server_now_us() >= got.back().timeUs,
                         qPrintable(QStringLiteral("now %1 before event at %2")
                                        .arg(reply.server_now_us())
                                        .arg(got.back().timeUs)));
            events.insert(events.end(), got.begin(), got.end());
            replies.push_back(reply);
            if (got.empty())
                break;
            request.set_from_sequence(reply.next_sequence());
        }
        QVERIFY(replies.size() > 2);
        QVERIFY(replies.back().event_count() == 0);

        // The feed's own Pull calls are not in the trace it reads: every
        // handler that ran is one of the echoes.
        std::vector<trace::Event> starts;
        std::copy_if(events.begin(), events.end(), std::back_inserter(starts),
                     [](const trace::Event &e) { return e.kind == trace::EventKind::HandlerStart; });
        QCOMPARE(int(starts.size()), kCalls);
        QCOMPARE(server.executions(), std::uint64_t(kCalls));
        QCOMPARE(feedServer.executions(), std::uint64_t(replies.size()));
        QVERIFY(std::is_sorted(events.begin(), events.end(),
                               [](const trace::Event &a, const trace::Event &b) { return a.timeUs < b.timeUs; }));

        // The calling client is named by the address and port it wrote from.
        const core::HostId caller = starts.front().client;
        QVERIFY(caller != core::kServerHost);
        bool named = false;
        for (const PullReply &reply : replies)
            for (const remote::Peer &peer : reply.peers()) {
                QCOMPARE(peer.host(), std::uint32_t(caller)); // the only client there was
                QCOMPARE(QHostAddress(QString::fromStdString(peer.address())), QHostAddress(QHostAddress::LocalHost));
                QCOMPARE(peer.port(), std::uint32_t(client.localPort()));
                named = true;
            }
        QVERIFY(named);

        // The peer table itself, as RpcServer::peers() gives it.
        const QList<rpc::PeerAddress> peers = server.peers();
        QCOMPARE(peers.size(), 1);
        QCOMPARE(peers.constFirst().host, caller);
        QCOMPARE(peers.constFirst().port, client.localPort());
        feedServer.stop();
        server.stop();
        QVERIFY(server.peers().isEmpty());
    }

    // Without the key the feed does not answer at all: the trace it would
    // hand out shows every client's traffic.
    void feedWithoutTheKeyGetsNothing()
    {
        TraceRing ring;
        ring.record(eventNumber(0));
        TraceFeedService feed({&ring, [] { return core::TimePoint(0); }, {}, 1});
        rpc::ServerOptions fo;
        fo.bindAddress = QHostAddress(QHostAddress::LocalHost);
        fo.key = kKey;
        rpc::RpcServer feedServer(fo);
        feed.registerOn(feedServer);
        QString error;
        QVERIFY2(feedServer.start(&error), qPrintable(error));

        rpc::RpcClient feedClient(testsupport::clientFor(feedServer, testsupport::quickRetry(5)));
        QVERIFY2(feedClient.start(&error), qPrintable(error));
        remote::TraceFeedClient feedStub(feedClient);
        const codegen::CallResult<PullReply> result = feedStub.PullBlocking(PullRequest());
        QVERIFY(!result.ok());
        QCOMPARE(result.error, trace::CallError::MaxAttempts);
        QCOMPARE(feedServer.executions(), std::uint64_t(0));
        QVERIFY(feedServer.counters().dtlsRefused >= 1);
    }
};

QTEST_GUILESS_MAIN(TestTraceFeed)
#include "tst_tracefeed.moc"
