// Which thread runs the protocol, over real sockets on loopback. A blocking
// call on an idle client runs on the caller's own thread; anything else
// (futures, a second caller, live changes) is handed to whoever drives the
// core, and every call still ends once, with its own answer. A server runs
// quick handlers on its network thread and blocking ones on its pool.
#include "net/datagramsocket.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "services/counterservice.h"
#include "services/echoservice.h"

#include "loopback.h"

#include <QFuture>
#include <QSemaphore>
#include <QTest>
#include <QThread>

#include <atomic>
#include <numeric>
#include <mutex>

using namespace rpcscope;
using testsupport::clientFor;
using testsupport::quickRetry;
using trace::CallError;
using trace::EventKind;

namespace {

// Every datagram the server sent a client that reached it.
class Deliveries final : public trace::EventSink
{
public:
    void record(const trace::Event &event) override
    {
        if (event.kind == EventKind::Deliver && event.from == core::kServerHost)
            ++m_count;
    }
    int count() const { return m_count.load(); }

private:
    std::atomic<int> m_count{0};
};

QByteArray add(qint64 n)
{
    return services::CounterService::encode(n);
}

} // namespace

class TestThreads : public QObject
{
    Q_OBJECT

private slots:
    void endpointsKeepTheirAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("IPv4") << QStringLiteral("127.0.0.1");
        QTest::newRow("IPv6") << QStringLiteral("::1");
        QTest::newRow("IPv6 link-local") << QStringLiteral("fe80::1%7");
    }

    void endpointsKeepTheirAddress()
    {
        QFETCH(QString, address);
        const QHostAddress a(address);
        const net::Endpoint e = net::Endpoint::from(a, 4242);
        QCOMPARE(e.hostAddress(), a);
        QCOMPARE(e.port, quint16(4242));
        QCOMPARE(e.isIPv4(), a.protocol() == QAbstractSocket::IPv4Protocol);
        QCOMPARE(net::EndpointHash{}(e), net::EndpointHash{}(net::Endpoint::from(a, 4242)));
        QVERIFY(!(e == net::Endpoint::from(a, 4243)));
        QCOMPARE(e.addressOnly(), net::Endpoint::from(a, 0));
    }

    // An IPv4-mapped sender is its IPv4 self: one peer, not two.
    void mappedAddressesAreIPv4()
    {
        QCOMPARE(net::Endpoint::from(QHostAddress(QStringLiteral("::ffff:127.0.0.1")), 9),
                 net::Endpoint::from(QHostAddress::LocalHost, 9));
        QCOMPARE(net::Endpoint::from(QHostAddress(QStringLiteral("::ffff:127.0.0.1")), 9).hostAddress(),
                 QHostAddress(QHostAddress::LocalHost));
    }

    // Everything waiting is read in one go, whoever sent it; a send that
    // cannot go says why.
    void socketReadsInBatchesAndSaysWhyASendFailed()
    {
        net::DatagramSocket socket;
        QString error;
        QVERIFY2(socket.bind(QHostAddress::LocalHost, 0, &error), qPrintable(error));
        QVERIFY(socket.localPort() != 0);
        net::DatagramSocket other;
        QVERIFY(other.bind(QHostAddress::LocalHost, 0, &error));
        const net::Endpoint to = net::Endpoint::from(QHostAddress::LocalHost, socket.localPort());
        for (int i = 0; i < 5; ++i)
            QVERIFY(other.send(QByteArray(1 + i, char('a' + i)), to, nullptr));
        QCOMPARE(socket.wait(core::Duration(2'000'000), -1), net::DatagramSocket::Ready::Readable);
        net::DatagramSocket::Batch batch(8, 2048);
        QVERIFY(socket.receive(batch, nullptr));
        QCOMPARE(batch.count(), 5);
        QVERIFY(!batch.full());
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(batch.data(i), QByteArrayView(QByteArray(1 + i, char('a' + i))));
            QCOMPARE(batch.from(i), net::Endpoint::from(QHostAddress::LocalHost, other.localPort()));
        }
        QVERIFY(socket.receive(batch, nullptr));
        QCOMPARE(batch.count(), 0);

        // Many at once go out in order; one the socket cannot take stops
        // the run there and says why.
        std::vector<QByteArray> many{"one", "two", "three"};
        const net::Endpoint v6 = net::Endpoint::from(QHostAddress::LocalHostIPv6, 9);
        std::vector<net::DatagramSocket::Outgoing> out{{many[0], &to}, {many[1], &to}, {"x", &v6}, {many[2], &to}};
        net::SocketFailure why;
        QCOMPARE(other.sendMany(out.data(), int(out.size()), &why), 2);
        QCOMPARE(why.error, QAbstractSocket::NetworkError);
        QCOMPARE(other.sendMany(out.data() + 3, 1, nullptr), 1);
        QCOMPARE(socket.wait(core::Duration(2'000'000), -1), net::DatagramSocket::Ready::Readable);
        QVERIFY(socket.receive(batch, nullptr));
        QCOMPARE(batch.count(), 3);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(batch.data(i), QByteArrayView(many[std::size_t(i)]));

        // A datagram too large for UDP is refused whole, with the reason.
        net::SocketFailure failure;
        QVERIFY(!socket.send(QByteArray(70'000, 'x'), to, &failure));
        QCOMPARE(failure.error, QAbstractSocket::DatagramTooLargeError);
        QVERIFY(!failure.text.isEmpty());
    }

    void wakerEndsAWait()
    {
        net::DatagramSocket socket;
        QVERIFY(socket.bind(QHostAddress::LocalHost, 0, nullptr));
        net::Waker waker;
        QVERIFY(waker.isValid());
        QCOMPARE(socket.wait(core::Duration(1'000), waker.descriptor()), net::DatagramSocket::Ready::TimedOut);
        std::unique_ptr<QThread> other(QThread::create([&waker] { waker.wake(); }));
        other->start();
        QCOMPARE(socket.wait(std::nullopt, waker.descriptor()), net::DatagramSocket::Ready::Woken);
        waker.consume();
        other->wait();
        QCOMPARE(socket.wait(core::Duration(1'000), waker.descriptor()), net::DatagramSocket::Ready::TimedOut);
    }

    // An idle client's blocking call runs on the caller's thread; with a
    // future in flight the engine thread drives, and the call still works.
    void blockingCallRunsOnTheCallersThread()
    {
        rpc::RpcServer server({});
        auto counter = std::make_shared<services::CounterService>();
        server.setService(counter);
        server.registerHandler(QStringLiteral("slow"), [](const QByteArray &) {
            QThread::msleep(150);
            return rpc::HandlerResult{};
        });
        server.registerHandler(QStringLiteral("echo"), [](const QByteArray &args) {
            return rpc::HandlerResult{wire::STATUS_OK, {}, args};
        });
        QVERIFY(server.start());
        rpc::RpcClient client(clientFor(server));
        QVERIFY(client.start());

        for (int i = 0; i < 3; ++i)
            QVERIFY(client.callBlocking(QStringLiteral("add"), add(1)).ok());
        QCOMPARE(client.callsOnCallersThread(), std::uint64_t(3));

        QFuture<rpc::Reply> slow = client.call(QStringLiteral("slow"), {});
        const rpc::Reply meanwhile = client.callBlocking(QStringLiteral("add"), add(1));
        QVERIFY2(meanwhile.ok(), qPrintable(meanwhile.message));
        QCOMPARE(services::CounterService::decode(meanwhile.result), 4);
        slow.waitForFinished();
        QVERIFY(slow.result().ok());
        QCOMPARE(client.callsOnCallersThread(), std::uint64_t(3)); // the engine thread ran it

        // Idle again, once the engine thread has let go (it fulfils the
        // future a moment before it does): back on the caller's thread.
        bool onCallersThread = false;
        for (int i = 0; i < 200 && !onCallersThread; ++i) {
            QVERIFY(client.callBlocking(QStringLiteral("echo"), "idle yet?").ok());
            onCallersThread = client.callsOnCallersThread() == 4;
            if (!onCallersThread)
                QTest::qWait(10);
        }
        QVERIFY(onCallersThread);
        QCOMPARE(counter->total(), 4);
    }

    // A traced client listens even when idle: a reply's duplicate that
    // arrives after the call ended is in the trace when it arrives, not
    // only once the client calls again.
    void tracedClientTracesWhatArrivesWhileIdle()
    {
        rpc::ServerOptions so;
        so.netem.duplicate = 1.0; // every answer twice, the copy up to 200 ms later
        so.netem.jitter = core::Duration(200'000);
        so.seed = 5;
        rpc::RpcServer server(so);
        server.setService(std::make_shared<services::EchoService>());
        QVERIFY(server.start());
        Deliveries seen;
        rpc::ClientOptions co = clientFor(server, quickRetry(10, core::Duration(5'000'000)));
        co.retry.timeout = core::Duration(1'000'000); // no resends: the copies alone
        co.trace = &seen;
        rpc::RpcClient client(co);
        QVERIFY(client.start());
        constexpr int kCalls = 5;
        for (int i = 0; i < kCalls; ++i)
            QVERIFY(client.callBlocking(QStringLiteral("echo"), "twice").ok());
        QCOMPARE(client.callsOnCallersThread(), std::uint64_t(0));
        QTRY_COMPARE_WITH_TIMEOUT(seen.count(), 2 * kCalls, 5'000);
    }

    // Callers on several threads, futures and their continuations at once:
    // each call ends once with its own answer, and each add runs once.
    void manyCallersAndFuturesEachEndOnce()
    {
        rpc::RpcServer server({});
        auto counter = std::make_shared<services::CounterService>();
        server.setService(counter);
        server.registerHandler(QStringLiteral("echo"), [](const QByteArray &args) {
            return rpc::HandlerResult{wire::STATUS_OK, {}, args};
        });
        QVERIFY(server.start());
        rpc::RpcClient client(clientFor(server, quickRetry(20, core::Duration(20'000'000))));
        QVERIFY(client.start());

        constexpr int kThreads = 4, kCalls = 150;
        std::atomic<int> wrong{0};
        std::mutex whyMutex;
        QStringList why; // what went wrong, for the failure message
        const auto check = [&](bool good, const rpc::Reply &r, const QString &what) {
            if (good)
                return;
            ++wrong;
            std::lock_guard lock(whyMutex);
            why << QStringLiteral("%1: error %2 after %3 attempts: %4")
                       .arg(what)
                       .arg(int(r.error))
                       .arg(r.attempts)
                       .arg(r.message);
        };
        std::vector<std::unique_ptr<QThread>> callers;
        for (int t = 0; t < kThreads; ++t) {
            callers.emplace_back(QThread::create([&client, &check, t] {
                for (int i = 0; i < kCalls; ++i) {
                    const QByteArray mine = QByteArray::number(t * 100000 + i);
                    const rpc::Reply r = client.callBlocking(QStringLiteral("echo"), mine);
                    check(r.ok() && r.result == mine, r,
                          QStringLiteral("echo %1 came back as '%2'").arg(QString::fromLatin1(mine),
                                                                          QString::fromLatin1(r.result)));
                    if (i % 10 == 0) {
                        const rpc::Reply added = client.callBlocking(QStringLiteral("add"), add(1));
                        check(added.ok(), added, QStringLiteral("a blocking add"));
                    }
                }
            }));
            callers.back()->start();
        }
        // Futures whose continuations start more calls, from the engine thread.
        std::atomic<int> chained{0};
        std::function<void(int)> chain = [&](int left) {
            client.call(QStringLiteral("add"), add(1)).then(QtFuture::Launch::Sync, [&, left](const rpc::Reply &r) {
                check(r.ok(), r, QStringLiteral("a chained add"));
                ++chained;
                if (left > 1)
                    chain(left - 1);
            });
        };
        for (int k = 0; k < 8; ++k)
            chain(25);
        for (auto &t : callers)
            QVERIFY(t->wait(60'000));
        QTRY_COMPARE_WITH_TIMEOUT(chained.load(), 8 * 25, 30'000);
        QVERIFY2(wrong.load() == 0, qPrintable(why.join(u'\n')));
        QCOMPARE(counter->total(), kThreads * (kCalls / 10) + 8 * 25);
    }

    // A live change reaches a call its caller is driving: the caller wakes
    // and the new policy ends the call, which the old one would have kept
    // resending for a minute.
    void liveChangeReachesACallersCall()
    {
        rpc::ServerOptions so;
        so.netem.loss = 1.0; // every answer lost
        rpc::RpcServer server(so);
        server.setService(std::make_shared<services::EchoService>());
        QVERIFY(server.start());
        core::RetryConfig patient = quickRetry(1000, core::Duration(60'000'000));
        patient.backoff = core::Backoff::Fixed;
        patient.timeout = core::Duration(50'000);
        rpc::RpcClient client(clientFor(server, patient));
        QVERIFY(client.start());

        std::unique_ptr<QThread> changer(QThread::create([&client] {
            QThread::msleep(200);
            core::RetryConfig impatient = quickRetry(2);
            impatient.backoff = core::Backoff::Fixed;
            client.setRetry(impatient);
        }));
        changer->start();
        const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), "lost");
        changer->wait();
        QCOMPARE(reply.error, CallError::MaxAttempts);
        QVERIFY2(reply.attempts < 1000, qPrintable(QString::number(reply.attempts)));
    }

    // stop() from another thread ends a call its caller is driving.
    void stopEndsACallersCall()
    {
        rpc::ServerOptions so;
        so.netem.loss = 1.0;
        rpc::RpcServer server(so);
        server.setService(std::make_shared<services::EchoService>());
        QVERIFY(server.start());
        rpc::RpcClient client(clientFor(server, quickRetry(1000, core::Duration(60'000'000))));
        QVERIFY(client.start());
        std::unique_ptr<QThread> stopper(QThread::create([&client] {
            QThread::msleep(150);
            client.stop();
        }));
        stopper->start();
        const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), "never answered");
        QVERIFY(stopper->wait(10'000));
        QCOMPARE(reply.error, CallError::Cancelled);
        QVERIFY(!client.isRunning());
    }

    // Quick handlers move to the network thread after their first run and
    // leave it when a run is slow; a method sent to the pool comes back
    // after eight quick runs there; methods declared long never leave it.
    void serverLearnsWhereHandlersRun()
    {
        rpc::ServerOptions so;
        so.inlineBudget = core::Duration(50'000); // far above an echo, even on a loaded machine
        rpc::RpcServer server(so);
        server.registerHandler(QStringLiteral("quick"), [](const QByteArray &args) {
            if (args == "sleep")
                QThread::msleep(150);
            return rpc::HandlerResult{wire::STATUS_OK, {}, args};
        });
        std::atomic<int> slowRuns{0};
        server.registerHandler(QStringLiteral("slow"), [&slowRuns](const QByteArray &) {
            if (slowRuns++ == 0)
                QThread::msleep(150);
            return rpc::HandlerResult{};
        });
        server.registerHandler(
            QStringLiteral("declared"), [](const QByteArray &) { return rpc::HandlerResult{}; },
            rpc::HandlerKind::Long);
        QVERIFY(server.start());
        rpc::RpcClient client(clientFor(server, quickRetry(20)));
        QVERIFY(client.start());
        const auto calls = [&](const char *method, int n, const QByteArray &args = "x") {
            for (int i = 0; i < n; ++i)
                QVERIFY(client.callBlocking(QString::fromLatin1(method), args).ok());
        };
        const auto placed = [&] {
            const rpc::ServerCounters c = server.counters();
            return std::pair{c.handlersInline, c.handlersPooled};
        };
        using Runs = std::pair<std::uint64_t, std::uint64_t>; // inline, pooled

        calls("quick", 5);
        QCOMPARE(placed(), Runs(4, 1)); // the first measured on the pool
        calls("quick", 1, "sleep");     // inline, and too slow for it
        calls("quick", 1);
        QCOMPARE(placed(), Runs(5, 2));

        calls("slow", 15); // slow once on the pool; back after 8 quick runs there
        QCOMPARE(placed(), Runs(5 + 6, 2 + 9));

        calls("declared", 5);
        QCOMPARE(placed(), Runs(11, 11 + 5));
    }

    // Method names come from the wire. Past the server's table of them,
    // made-up names share one record; every call is still answered as its
    // method says, and a handler registered by name still runs.
    void madeUpMethodNamesAreAnsweredPastTheTable()
    {
        rpc::RpcServer server({});
        server.registerHandler(QStringLiteral("named"), [](const QByteArray &args) {
            return rpc::HandlerResult{wire::STATUS_OK, {}, "named:" + args};
        });
        auto counter = std::make_shared<services::CounterService>();
        server.setService(counter);
        QVERIFY(server.start());
        rpc::RpcClient client(clientFor(server, quickRetry(1000)));
        QVERIFY(client.start());
        for (int i = 0; i < 1'100; ++i) {
            const rpc::Reply r = client.callBlocking(QStringLiteral("made-up-%1").arg(i), "x");
            QCOMPARE(r.error, CallError::Rejected);
            QCOMPARE(r.status, wire::STATUS_UNKNOWN_METHOD);
            QVERIFY2(r.message.contains(QStringLiteral("made-up-%1").arg(i)), qPrintable(r.message));
        }
        const rpc::Reply sum = client.callBlocking(QStringLiteral("add"), add(5));
        QVERIFY2(sum.ok(), qPrintable(sum.message));
        QCOMPARE(counter->total(), std::int64_t(5));
        const rpc::Reply named = client.callBlocking(QStringLiteral("named"), "y");
        QVERIFY(named.ok());
        QCOMPARE(named.result, QByteArray("named:y"));
        QCOMPARE(server.executions(), std::uint64_t(1'102));
    }

    // While a slow handler runs, the network thread stays free: duplicates
    // of the call are answered "in progress" and other calls are served.
    void slowHandlerLeavesTheNetworkFree()
    {
        rpc::RpcServer server({});
        server.registerHandler(QStringLiteral("slow"), [](const QByteArray &) {
            QThread::msleep(400);
            return rpc::HandlerResult{};
        });
        auto counter = std::make_shared<services::CounterService>();
        server.setService(counter);
        QVERIFY(server.start());
        rpc::RpcClient client(clientFor(server, quickRetry(10)));
        QVERIFY(client.start());
        QFuture<rpc::Reply> slow = client.call(QStringLiteral("slow"), {});
        for (int i = 0; i < 10; ++i)
            QVERIFY(client.callBlocking(QStringLiteral("add"), add(1)).ok());
        QVERIFY(!slow.isFinished());
        slow.waitForFinished();
        QVERIFY(slow.result().ok());
        QCOMPARE(server.executions(), std::uint64_t(11));
    }

    // flush() ends when the last call made before it ends, after that
    // call's own future, and not before; a call made after it does not
    // hold it up.
    void flushEndsWithTheLastCallBeforeIt()
    {
        QSemaphore gateA, gateB;
        rpc::RpcServer server({});
        server.registerHandler(
            QStringLiteral("wait"),
            [&](const QByteArray &gate) {
                (gate == "A" ? gateA : gateB).acquire();
                return rpc::HandlerResult{};
            },
            rpc::HandlerKind::Long);
        auto counter = std::make_shared<services::CounterService>();
        server.setService(counter);
        QVERIFY(server.start());
        rpc::RpcClient client(clientFor(server, quickRetry(0, core::Duration(20'000'000))));
        QVERIFY(client.start());

        // Nothing open: it ends at once.
        QFuture<void> idle = client.flush();
        idle.waitForFinished();
        QVERIFY(idle.isFinished());

        QFuture<rpc::Reply> a = client.call(QStringLiteral("wait"), "A");
        QList<QFuture<rpc::Reply>> quick;
        for (int i = 0; i < 5; ++i)
            quick << client.call(QStringLiteral("add"), add(1));
        QFuture<void> flushed = client.flush();
        std::atomic<bool> aEndedFirst{false};
        QFuture<void> then = flushed.then([&] { aEndedFirst = a.isFinished(); });
        QFuture<rpc::Reply> b = client.call(QStringLiteral("wait"), "B");
        for (QFuture<rpc::Reply> &f : quick) {
            f.waitForFinished();
            QVERIFY(f.result().ok());
        }
        // The quick calls have ended, call A has not: the flush waits.
        QVERIFY(!a.isFinished());
        QVERIFY(!flushed.isFinished());
        gateA.release();
        then.waitForFinished();
        QVERIFY(flushed.isFinished());
        QVERIFY(aEndedFirst.load());
        QVERIFY(a.result().ok());
        QVERIFY(!b.isFinished()); // made after the flush: not waited for
        gateB.release();
        b.waitForFinished();
        QVERIFY(b.result().ok());
    }

    // An ordered client over a network that reorders and loses its
    // datagrams: the server runs its calls one at a time in the order they
    // were made, and flush() waits for them all.
    void orderedClientsCallsRunInOrder()
    {
        std::mutex mutex;
        std::vector<qint64> ran;
        int running = 0;
        bool overlapped = false;
        rpc::RpcServer server({});
        server.registerHandler(
            QStringLiteral("log"),
            [&](const QByteArray &args) {
                {
                    std::lock_guard lock(mutex);
                    overlapped |= running++ > 0;
                    ran.push_back(args.toLongLong());
                }
                QThread::usleep(200);
                std::lock_guard lock(mutex);
                --running;
                return rpc::HandlerResult{};
            },
            rpc::HandlerKind::Long);
        QVERIFY(server.start());
        rpc::ClientOptions options = clientFor(server, quickRetry(0, core::Duration(20'000'000)));
        options.ordered = true;
        options.window = 16;
        options.netem.reorder = 0.5;
        options.netem.loss = 0.2;
        options.netem.delay = core::Duration(2'000);
        rpc::RpcClient client(options);
        QVERIFY(client.start());
        QList<QFuture<rpc::Reply>> calls;
        for (int i = 1; i <= 40; ++i)
            calls << client.call(QStringLiteral("log"), QByteArray::number(i));
        client.flush().waitForFinished();
        for (QFuture<rpc::Reply> &f : calls) {
            QVERIFY(f.isFinished());
            QVERIFY2(f.result().ok(), qPrintable(f.result().message));
        }
        std::lock_guard lock(mutex);
        std::vector<qint64> inOrder(40);
        std::iota(inOrder.begin(), inOrder.end(), 1);
        QCOMPARE(ran, inOrder);
        QVERIFY(!overlapped);
    }
};

QTEST_GUILESS_MAIN(TestThreads)
#include "tst_threads.moc"
