// Remote classroom mode over loopback: the GUI's player calls a server that
// is not its own (here in this process, but with its own clock, its own
// key, its trace in a TraceRing and a TraceFeed server beside it, as
// `rpcscope-cli serve --trace-port` runs it), reads the server's trace, and
// shows both sides in one trace on its own clock.
#include "remote/remotefeed.h"
#include "rpc/rpcclient.h"
#include "run/liveplayer.h"
#include "trace/eventcodec.h"

#include "loopback.h"
#include "remotefixture.h"
#include "traceevents.h"

#include <QSignalSpy>
#include <QTest>

#include <map>
#include <set>

using namespace rpcscope;
using testsupport::eventsOf;
using trace::EventKind;

namespace {

using testsupport::kKey;
using Remote = testsupport::RemoteFixture;

// A trace feed that answers as the test says, numbering its events from 10:
// nothing new (Quiet), a batch of 3 that does not decode (Garbage), 2 events
// of 5 waiting (Behind), then the other 3 (CaughtUp).
class ScriptedFeed final : public remote::TraceFeedServer
{
public:
    enum class Batch { Quiet, Garbage, Behind, CaughtUp };
    ScriptedFeed() { m_clock.start(); }
    void setBatch(Batch batch)
    {
        QMutexLocker lock(&m_mutex);
        m_batch = batch;
        if (batch == Batch::Behind) // five events in the half millisecond from now
            m_firstEventUs = now();
    }
    // Event `i` of the five (13 + i), on this server's clock.
    std::int64_t timeOf(int i) const { return m_firstEventUs + i * 100; }

    codegen::HandlerStatus Pull(const remote::PullRequest &request, remote::PullReply &reply) override
    {
        QMutexLocker lock(&m_mutex);
        reply.set_server_now_us(now());
        reply.set_epoch(1);
        std::uint64_t from = request.from_sequence();
        std::uint64_t end = 10;
        std::vector<trace::Event> events;
        switch (m_batch) {
        case Batch::Quiet:
            break;
        case Batch::Garbage:
            end = 13;
            if (from < 13) {
                reply.set_first_sequence(10);
                reply.set_next_sequence(13);
                reply.set_end_sequence(13);
                reply.set_event_count(3);
                reply.set_events("\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff");
                return {};
            }
            break;
        case Batch::Behind:
        case Batch::CaughtUp:
            end = 18;
            for (std::uint64_t n = std::max<std::uint64_t>(from, 13);
                 n < (m_batch == Batch::Behind ? 15u : 18u); ++n) {
                trace::Event e;
                e.kind = trace::EventKind::ServerRestart; // names no client: ours to show
                e.timeUs = timeOf(int(n - 13));
                events.push_back(e);
            }
            from = std::max<std::uint64_t>(from, 13);
            break;
        }
        reply.set_first_sequence(from);
        reply.set_next_sequence(from + events.size());
        reply.set_end_sequence(std::max<std::uint64_t>(end, from + events.size()));
        reply.set_event_count(std::uint32_t(events.size()));
        const std::int64_t first = events.empty() ? 0 : events.front().timeUs;
        reply.set_first_time_us(first);
        const QByteArray packed = trace::packEvents(events, first);
        reply.set_events(packed.constData(), std::size_t(packed.size()));
        return {};
    }

private:
    // A clock a second ahead of any started after it.
    std::int64_t now() const { return 1'000'000 + m_clock.nsecsElapsed() / 1000; }

    QMutex m_mutex;
    QElapsedTimer m_clock;
    Batch m_batch = Batch::Quiet;
    std::int64_t m_firstEventUs = 0;
};

session::SessionConfig counterSession(int calls, int clients)
{
    return testsupport::remoteCounterSession(calls, clients, 2, 0.2);
}

} // namespace

class TestRemote : public QObject
{
    Q_OBJECT

private slots:
    // The whole story of every call in one trace: the clients' sends,
    // timeouts and results, and the server's deliveries and executions in
    // its lane, on the player's clock, in time order, each execution between
    // the request's first send and the call's end (within the clock
    // estimate's stated bound), every call executed exactly once.
    void clientsAndServerInOneTrace()
    {
        Remote remote;
        QTest::qWait(50); // the server's clock is ahead of the session's by at least this
        session::LivePlayer player;
        player.setRemote(remote.address());
        player.reset(counterSession(30, 2));
        QVERIFY2(player.errorString().isEmpty(), qPrintable(player.errorString()));
        QVERIFY(player.feed());
        // The true offset, bracketed: the server's clock read before and
        // after ours. However long this thread is held up between the reads,
        // the truth lies between the two.
        QVERIFY(player.sessionClock());
        const std::int64_t before = remote.clock.nsecsElapsed();
        const std::int64_t ours = player.sessionClock()->nsecsElapsed();
        const std::int64_t after = remote.clock.nsecsElapsed();
        const core::Duration truth((before + after) / 2000 - ours / 1000);
        const core::Duration bracket((after - before) / 2000 + 1);
        QTRY_VERIFY_WITH_TIMEOUT(player.isFinished(), 60'000);

        const remote::RemoteFeed &feed = *player.feed();
        QVERIFY(feed.clock().isKnown());
        QVERIFY(feed.clock().samples() > 0);
        // Cristian's bound holds: the estimate is within half the fastest
        // round trip of the truth (and of the bracket around it).
        const core::Duration error = std::chrono::abs(feed.clock().offset() - truth);
        QVERIFY2(error <= feed.clock().uncertainty() + bracket,
                 qPrintable(QStringLiteral("offset %1 µs, truth %2 µs, bound %3 µs")
                                .arg(feed.clock().offset().count())
                                .arg(truth.count())
                                .arg(feed.clock().uncertainty().count())));
        QVERIFY(truth >= core::Duration(50'000));

        const std::vector<trace::Event> events = eventsOf(player.log());
        // Each server event lies within the bound of the estimate it was
        // placed by; the widest of those bounds the whole trace.
        const std::int64_t slack = feed.stats().widestBound.count() + 1;
        std::map<std::pair<int, std::uint32_t>, std::int64_t> firstSend, ended, executed;
        std::map<std::pair<int, std::uint32_t>, int> executions;
        std::int64_t ok = 0, delivered = 0;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const trace::Event &e = events[i];
            if (i > 0)
                QVERIFY2(events[i - 1].timeUs <= e.timeUs, "the merged trace is in time order");
            QVERIFY2(e.client <= 2 && e.from <= 2 && e.to <= 2, "only our two clients and the server");
            const auto call = std::make_pair(int(e.client), e.callId);
            if (e.kind == EventKind::Send && e.from != 0 && !firstSend.contains(call))
                firstSend[call] = e.timeUs;
            if (e.kind == EventKind::Deliver && e.to == 0)
                ++delivered;
            if (e.kind == EventKind::HandlerStart) {
                QCOMPARE(e.from, core::HostId(0));
                ++executions[call];
                executed[call] = e.timeUs;
            }
            if (e.kind == EventKind::CallOk) {
                ++ok;
                ended[call] = e.timeUs;
            }
        }
        QCOMPARE(ok, 30);
        QVERIFY(delivered > 0);
        QCOMPARE(qint64(executions.size()), qint64(30));
        for (const auto &[call, count] : executions) {
            QCOMPARE(count, 1); // at most once, and the reply came from that one run
            QVERIFY(firstSend.contains(call) && ended.contains(call));
        }
        // Where every event arrived in time, each is where the clocks say:
        // every execution between its request's first send and its reply's
        // arrival. An event that arrived after its time was shown is placed
        // at the time shown instead (the trace's order comes first), which
        // a loaded machine may cause; then only the order is promised.
        if (player.lateEvents() == 0) {
            for (const auto &[call, count] : executions) {
                QVERIFY2(firstSend[call] <= executed[call] + slack,
                         qPrintable(QStringLiteral("call %1 of client %2 executed at %3 µs, before its request "
                                                   "left at %4 µs (bound %5 µs)")
                                        .arg(call.second)
                                        .arg(call.first)
                                        .arg(executed[call])
                                        .arg(firstSend[call])
                                        .arg(slack)));
                QVERIFY2(executed[call] <= ended[call] + slack, "executed before its reply arrived");
            }
        } else {
            qInfo("%llu events arrived after their time was shown; the order alone is checked",
                  static_cast<unsigned long long>(player.lateEvents()));
        }
        QCOMPARE(remote.counter->total(), 30);
        QCOMPARE(feed.stats().missed, 0u);
    }

    // A feed that sends what cannot be read, or more than one answer holds:
    // the bad batch is skipped and counted and its reason shown, the trace
    // goes on; while the server is behind, the time up to which everything
    // has arrived stops at the last event handed out, not at the server's
    // clock.
    void feedSkipsBadBatchesAndWaitsWhenBehind()
    {
        ScriptedFeed script;
        rpc::RpcServer server({});
        script.registerOn(server);
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QElapsedTimer ourClock;
        ourClock.start();
        remote::RemoteFeed feed({server.address(), 1, server.port(), {}}, &ourClock);
        QVERIFY2(feed.start(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(feed.isWarm(), 30'000);
        QVERIFY(feed.lastError().isEmpty());

        QSignalSpy notices(&feed, &remote::RemoteFeed::notice);
        script.setBatch(ScriptedFeed::Batch::Garbage);
        QTRY_VERIFY_WITH_TIMEOUT(feed.stats().missed == 3, 30'000);
        QTRY_VERIFY(!notices.isEmpty());
        QVERIFY2(notices.constFirst().constFirst().toString().contains(u"do not decode"),
                 qPrintable(notices.constFirst().constFirst().toString()));

        script.setBatch(ScriptedFeed::Batch::Behind);
        QTRY_VERIFY_WITH_TIMEOUT(feed.stats().events >= 2, 30'000);
        QTRY_VERIFY(feed.lastError().isEmpty());
        // Everything up to the second event is in, and no further: not up
        // to the server's clock, which has long passed the others.
        QTest::qWait(60);
        QVERIFY(*feed.complete() < feed.clock().toLocal(core::TimePoint(script.timeOf(2))));
        const core::TimePoint lastHanded = *feed.complete();

        script.setBatch(ScriptedFeed::Batch::CaughtUp);
        QTRY_VERIFY_WITH_TIMEOUT(feed.complete() > lastHanded, 30'000);
        std::vector<trace::Event> arrived = feed.take();
        QCOMPARE(arrived.size(), std::size_t(5));
        for (std::size_t i = 1; i < arrived.size(); ++i)
            QVERIFY(arrived[i - 1].timeUs <= arrived[i].timeUs);
        QCOMPARE(feed.stats().missed, 3u);
        feed.stop();
        server.stop();
    }

    // Another client of the same server (another student's window) is left
    // out of this trace, and counted.
    void otherClientsAreHidden()
    {
        Remote remote;
        rpc::ClientOptions o = testsupport::clientFor(*remote.server);
        o.key = kKey;
        rpc::RpcClient other(o);
        QVERIFY(other.start());
        for (int i = 0; i < 5; ++i)
            QVERIFY(other.callBlocking(QStringLiteral("add"), services::CounterService::encode(1)).ok());

        session::LivePlayer player;
        player.setRemote(remote.address());
        player.reset(counterSession(6, 1));
        // The calls before are the server's history, which the feed skips;
        // these, once it reads the present, it sees and leaves out.
        QTRY_VERIFY_WITH_TIMEOUT(player.feed()->isWarm(), 30'000);
        for (int i = 0; i < 5; ++i)
            QVERIFY(other.callBlocking(QStringLiteral("add"), services::CounterService::encode(1)).ok());
        QTRY_VERIFY_WITH_TIMEOUT(player.isFinished(), 60'000);
        QVERIFY(player.feed()->stats().otherClients > 0);
        std::int64_t executions = 0;
        for (const trace::Event &e : eventsOf(player.log())) {
            QVERIFY(e.client <= 1 && e.from <= 1 && e.to <= 1);
            executions += e.kind == EventKind::HandlerStart;
        }
        QCOMPARE(executions, 6);
        other.stop();
    }

    // Without a trace port only the clients' side is seen: the calls still
    // go through, and the trace is the session's own.
    void withoutAFeedTheClientsSideOnly()
    {
        Remote remote;
        session::LivePlayer player;
        player.setRemote(remote.address(kKey, false));
        player.reset(counterSession(5, 1));
        QVERIFY(!player.feed());
        QTRY_VERIFY_WITH_TIMEOUT(player.isFinished(), 60'000);
        std::int64_t ok = 0;
        for (const trace::Event &e : eventsOf(player.log())) {
            QVERIFY(e.kind != EventKind::HandlerStart);
            ok += e.kind == EventKind::CallOk;
        }
        QCOMPARE(ok, 5);
        QCOMPARE(player.clientBindAddress(), QHostAddress(QHostAddress::LocalHost));
    }

    // The wrong key: the server answers nothing, the calls fail by their
    // deadline, the feed says why it cannot read, and the session ends.
    void wrongKeyIsRefused()
    {
        Remote remote;
        session::LivePlayer player;
        QSignalSpy notices(&player, &session::LivePlayer::notice);
        player.setRemote(remote.address("not the key"));
        session::SessionConfig config = counterSession(2, 1);
        config.retry = testsupport::quickRetry(3, core::Duration(600'000));
        player.reset(config);
        QTRY_VERIFY_WITH_TIMEOUT(player.isFinished(), 60'000);
        QVERIFY(!notices.isEmpty());
        QVERIFY(!player.feed()->clock().isKnown());
        QVERIFY(!player.feed()->lastError().isEmpty());
        std::int64_t failed = 0;
        for (const trace::Event &e : eventsOf(player.log())) {
            QVERIFY(e.kind != EventKind::HandlerStart);
            failed += e.kind == EventKind::CallFailed;
        }
        QCOMPARE(failed, 2);
        QCOMPARE(remote.counter->total(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRemote)
#include "tst_remote.moc"
