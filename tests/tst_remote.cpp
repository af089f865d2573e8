// Remote classroom mode over loopback: the GUI's player calls a server that
// is not its own (here in this process, but with its own clock, its own
// key, its trace in a TraceRing and a TraceFeed server beside it, as
// `rpcscope-cli serve --trace-port` runs it), reads the server's trace, and
// shows both sides in one trace on its own clock.
#include "remote/remotefeed.h"
#include "rpc/rpcclient.h"
#include "session/liveplayer.h"

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

session::SessionConfig counterSession(int calls, int clients)
{
    session::SessionConfig c;
    c.scenario = QStringLiteral("remote");
    c.service = QStringLiteral("counter");
    c.calls = calls;
    c.clients = clients;
    c.window = 2;
    c.seed = 5;
    c.toServer = netem::passThrough();
    c.toServer.loss = 0.2; // what the clients send; the server's side is its own
    c.toClient = netem::passThrough();
    c.retry = testsupport::quickRetry(30, core::Duration(10'000'000));
    return c;
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
        // The true offset, read on both clocks at (nearly) one instant.
        const core::Duration truth =
            core::TimePoint(remote.clock.nsecsElapsed() / 1000) - player.now();
        QTRY_VERIFY_WITH_TIMEOUT(player.isFinished(), 60'000);

        const remote::RemoteFeed &feed = *player.feed();
        QVERIFY(feed.clock().isKnown());
        QVERIFY(feed.clock().samples() > 0);
        // Cristian's bound holds: the estimate is within half the fastest
        // round trip of the truth (plus the microseconds between the reads).
        const core::Duration error = std::chrono::abs(feed.clock().offset() - truth);
        QVERIFY2(error <= feed.clock().uncertainty() + core::Duration(2'000),
                 qPrintable(QStringLiteral("offset %1 µs, truth %2 µs, bound %3 µs")
                                .arg(feed.clock().offset().count())
                                .arg(truth.count())
                                .arg(feed.clock().uncertainty().count())));
        QVERIFY(truth >= core::Duration(50'000));

        const std::vector<trace::Event> events = eventsOf(player.log());
        const std::int64_t slack = feed.clock().uncertainty().count() + 1;
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
            QVERIFY2(firstSend[call] <= executed[call] + slack, "executed after its request left");
            QVERIFY2(executed[call] <= ended[call] + slack, "executed before its reply arrived");
        }
        QCOMPARE(remote.counter->total(), 30);
        QCOMPARE(feed.stats().missed, 0u);
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
