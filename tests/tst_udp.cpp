// The engine on real sockets, loopback only: the same promises as in
// simulation, two processes talking, a server that stops or restarts, and
// garbage thrown at both ends. Loss is emulated, never left to the kernel;
// every loop is bounded by call deadlines.
#include "base/random.h"
#include "base/sharedsink.h"
#include "rpc/measurement.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "run/livesession.h"
#include "services/counterservice.h"
#include "services/echoservice.h"
#include "session/scenario.h"
#include "trace/tracelog.h"
#include "wire/datagram.h"
#include "wire/rawecho.h"

#include "invariants.h"
#include "loopback.h"

#include <QElapsedTimer>
#include <QNetworkDatagram>
#include <QProcess>
#include <QRegularExpression>
#include <QJsonDocument>
#include <QTest>
#include <QUdpSocket>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace rpcscope;
using trace::CallError;

namespace {

using testsupport::clientFor;
using testsupport::quickRetry;

qint64 countKind(const trace::TraceLog &log, trace::EventKind kind)
{
    qint64 n = 0;
    const auto view = log.view();
    for (qsizetype i = 0; i < view.size(); ++i)
        n += view.at(i).kind == kind;
    return n;
}

} // namespace

class TestUdp : public QObject
{
    Q_OBJECT

private slots:
    // A server's transport answers a raw echo at once, as large as it came,
    // naming its wire version; one too large for an echo gets nothing.
    void serverAnswersRawEchoes()
    {
        rpc::RpcServer server({});
        QVERIFY(server.start());
        QUdpSocket socket;
        QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
        const QByteArray tooLarge = wire::echoRequest(QByteArray(wire::kMaxEchoPayload, 'x')) + 'y';
        const QByteArray request = wire::echoRequest("ping 42");
        QVERIFY(!wire::isEchoRequest(tooLarge));
        socket.writeDatagram(tooLarge, server.address(), server.port());
        socket.writeDatagram(request, server.address(), server.port());
        QVERIFY(socket.waitForReadyRead(5000));
        QByteArray answer(socket.pendingDatagramSize(), Qt::Uninitialized);
        socket.readDatagram(answer.data(), answer.size());
        // The first answer is to the second datagram: the first got none.
        QCOMPARE(answer.size(), request.size());
        std::uint8_t version = 0;
        QByteArrayView payload;
        QVERIFY(wire::readEchoAnswer(answer, version, payload));
        QCOMPARE(version, wire::kVersion);
        QCOMPARE(payload.toByteArray(), QByteArray("ping 42"));
        // An echo is no RpcScope datagram, and no answer is a request.
        wire::Decoded decoded;
        QVERIFY(wire::decodeDatagram(request, wire::ChecksumKind::Crc32c, decoded) != wire::DecodeError::None);
        QVERIFY(wire::decodeDatagram(wire::echoRequest(QByteArray(40, 'p')), wire::ChecksumKind::Crc32c, decoded)
                != wire::DecodeError::None);
        QVERIFY(!wire::isEchoRequest(answer));
        QCOMPARE(server.executions(), std::uint64_t(0));
    }

    // Raw echo answers leave through the server's emulator like its
    // replies: all lost under 100 % loss, held back by its delay.
    void rawEchoAnswersPassThroughTheEmulator()
    {
        rpc::ServerOptions options;
        options.netem.loss = 1.0;
        rpc::RpcServer server(options);
        QVERIFY(server.start());
        QUdpSocket socket;
        QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
        for (int i = 0; i < 5; ++i)
            socket.writeDatagram(wire::echoRequest("lost"), server.address(), server.port());
        QVERIFY(!socket.waitForReadyRead(300));
        QTRY_COMPARE_WITH_TIMEOUT(server.counters().datagrams, std::uint64_t(5), 5000);
        QCOMPARE(server.counters().rawEchoes, std::uint64_t(0));

        rpc::ServerOptions slow;
        slow.netem.delay = core::Duration(30'000);
        rpc::RpcServer slowServer(slow);
        QVERIFY(slowServer.start());
        QElapsedTimer clock;
        clock.start();
        socket.writeDatagram(wire::echoRequest("slow"), slowServer.address(), slowServer.port());
        QVERIFY(socket.waitForReadyRead(5000));
        QVERIFY2(clock.elapsed() >= 30, "no answer comes sooner than the emulated delay");
        QByteArray answer(socket.pendingDatagramSize(), Qt::Uninitialized);
        socket.readDatagram(answer.data(), answer.size());
        std::uint8_t version = 0;
        QByteArrayView payload;
        QVERIFY(wire::readEchoAnswer(answer, version, payload));
        QCOMPARE(payload.toByteArray(), QByteArray("slow"));
        QCOMPARE(slowServer.counters().rawEchoes, std::uint64_t(1));
    }

    // At most maxRawEchoesPerSecond answers in a second (a fixed window, so
    // twice that across a boundary); 0 answers none. The rest are counted.
    void rawEchoesAreCappedPerSecond()
    {
        for (const int cap : {5, 0}) {
            rpc::ServerOptions options;
            options.maxRawEchoesPerSecond = cap;
            rpc::RpcServer server(options);
            QVERIFY(server.start());
            QUdpSocket socket;
            QVERIFY(socket.bind(QHostAddress::LocalHost, 0));
            constexpr int kSent = 40;
            for (int i = 0; i < kSent; ++i)
                socket.writeDatagram(wire::echoRequest(QByteArray::number(i)), server.address(), server.port());
            QTRY_COMPARE_WITH_TIMEOUT(server.counters().datagrams, std::uint64_t(kSent), 5000);
            int answers = 0;
            while (socket.waitForReadyRead(200)) {
                while (socket.hasPendingDatagrams()) {
                    socket.receiveDatagram();
                    ++answers;
                }
            }
            const rpc::ServerCounters c = server.counters();
            QVERIFY2(answers <= 2 * cap, qPrintable(QString::number(answers)));
            QCOMPARE(c.rawEchoes, std::uint64_t(answers));
            QCOMPARE(c.rawEchoes + c.rawEchoesOverRate, std::uint64_t(cap > 0 ? kSent : 0));
            QCOMPARE(c.malformed, std::uint64_t(cap > 0 ? 0 : kSent)); // not answered, the protocol drops them
        }
    }

    // p50, p90 and p99 by nearest rank: the smallest sample with at least
    // that share of the samples at or below it.
    void measurementPercentilesAreNearestRank()
    {
        std::vector<double> hundred;
        for (int i = 100; i >= 1; --i)
            hundred.push_back(i);
        rpc::Percentiles p = rpc::Percentiles::of(hundred);
        QCOMPARE(p.p50, 50.0);
        QCOMPARE(p.p90, 90.0);
        QCOMPARE(p.p99, 99.0);
        p = rpc::Percentiles::of({7.0});
        QCOMPARE(p.p50, 7.0);
        QCOMPARE(p.p99, 7.0);
        p = rpc::Percentiles::of({});
        QCOMPARE(p.p50, 0.0);
    }

    // The measurement's calls leave from where `call`'s do: loopback for a
    // server on loopback, any address for one elsewhere (a client bound to
    // 127.0.0.1 cannot reach another machine). Its first timeout stays
    // above the round trip the raw echoes found.
    void measurementClientBindsWhereCallBinds()
    {
        rpc::MeasureOptions o;
        o.port = 7000;
        o.address = QHostAddress(QStringLiteral("192.0.2.10"));
        QCOMPARE(rpc::clientOptionsFor(o, core::Duration(100)).bindAddress.value(), QHostAddress(QHostAddress::AnyIPv4));
        o.address = QHostAddress(QStringLiteral("2001:db8::10"));
        QCOMPARE(rpc::clientOptionsFor(o, core::Duration(100)).bindAddress.value(), QHostAddress(QHostAddress::AnyIPv6));
        o.address = QHostAddress(QHostAddress::LocalHost);
        const rpc::ClientOptions co = rpc::clientOptionsFor(o, core::Duration(100));
        QCOMPARE(co.bindAddress.value(), QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(co.retry.timeout.count(), 200'000);
        QCOMPARE(co.retry.maxAttempts, 0);
        const rpc::ClientOptions far = rpc::clientOptionsFor(o, core::Duration(300'000));
        QCOMPARE(far.retry.timeout.count(), 1'200'000);
        QVERIFY(far.retry.maxTimeout >= far.retry.timeout);
    }

    // Options no measurement can run with are the caller's mistake.
    void measurementRefusesOptionsOutOfRange()
    {
        rpc::MeasureOptions o;
        o.address = QHostAddress(QHostAddress::LocalHost);
        o.port = 9;
        o.calls = 0;
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rpc::measure(o));
        o.calls = 1;
        o.chunkBytes = 1;
        o.messageBytes = rpc::MeasureOptions::kMaxChunks + 1;
        QCOMPARE(o.chunkCount(), rpc::MeasureOptions::kMaxChunks + 1);
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, rpc::measure(o));
    }

    // A measurement against a server of another wire version stops at once
    // and names both versions.
    void measurementNamesAnotherWireVersion()
    {
        std::atomic<bool> done{false};
        std::atomic<quint16> port{0};
        std::thread answerer([&] {
            // Answers echoes as a server of wire version 9 would, until told to stop.
            QUdpSocket other; // its thread's own
            if (!other.bind(QHostAddress::LocalHost, 0))
                return;
            port = other.localPort();
            while (!done.load()) {
                if (!other.waitForReadyRead(50))
                    continue;
                QByteArray d(other.pendingDatagramSize(), Qt::Uninitialized);
                QHostAddress from;
                quint16 fromPort = 0;
                other.readDatagram(d.data(), d.size(), &from, &fromPort);
                if (wire::isEchoRequest(d)) {
                    d[8] = 'A';
                    d[9] = char(9);
                    other.writeDatagram(d, from, fromPort);
                }
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(port.load() != 0, 5000);
        rpc::MeasureOptions o;
        o.address = QHostAddress(QHostAddress::LocalHost);
        o.port = port.load();
        o.timeout = core::Duration(3'000'000);
        const rpc::Measurement m = rpc::measure(o);
        done = true;
        answerer.join();
        QCOMPARE(m.serverVersion, 9);
        QCOMPARE(m.failure, rpc::MeasureFailure::OtherVersion);
        QVERIFY2(m.error.contains(QStringLiteral("speaks wire version 9; this build speaks version 1")),
                 qPrintable(m.error));
    }

    void echoOverLoopback_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("IPv4") << QStringLiteral("127.0.0.1");
        QTest::newRow("IPv6") << QStringLiteral("::1");
    }

    void echoOverLoopback()
    {
        QFETCH(QString, address);
        rpc::ServerOptions so;
        so.bindAddress = QHostAddress(address);
        rpc::RpcServer server(so);
        server.setService(std::make_shared<services::EchoService>());
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        QCOMPARE(server.address(), QHostAddress(address));
        QVERIFY(server.port() != 0);

        rpc::RpcClient client(clientFor(server));
        QVERIFY2(client.start(&error), qPrintable(error));
        const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), "hello over UDP");
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        QCOMPARE(reply.result, QByteArray("hello over UDP"));
        QCOMPARE(reply.attempts, 1);

        const rpc::Reply unknown = client.callBlocking(QStringLiteral("nope"), {});
        QCOMPARE(unknown.error, CallError::Rejected);
        QCOMPARE(unknown.status, wire::STATUS_UNKNOWN_METHOD);
        QVERIFY(unknown.message.contains(QStringLiteral("nope")));
    }

    // Many calls through emulated loss, duplication and reordering: every
    // call ends, none runs twice, the counter agrees.
    void lossyLoopbackKeepsThePromises()
    {
        session::SessionConfig c;
        c.service = QStringLiteral("counter");
        c.calls = 400;
        c.clients = 3;
        c.window = 8;
        c.seed = 7;
        c.handlerTime = core::Duration(0);
        for (netem::NetemConfig *n : {&c.toServer, &c.toClient}) {
            n->delay = core::Duration(1'000);
            n->jitter = core::Duration(1'000);
            n->loss = 0.2;
            n->duplicate = 0.1;
            n->reorder = 0.1;
        }
        c.retry = quickRetry();
        session::LiveSession live(c);
        QString error;
        QVERIFY2(live.run(&error), qPrintable(error));
        const session::Summary s = live.summary();
        // A real timer may fire late on a busy machine: allow a second.
        const QString problem = testsupport::checkInvariants(live.log().view(), c, *s.counterTotal,
                                                             core::Duration(1'000'000));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(s.calls, 400);
        QVERIFY(s.retransmissions > 0);
        QVERIFY(s.datagrams.lost > 0);
        QVERIFY(s.datagrams.duplicated > 0);
        QVERIFY(s.duplicatesSuppressed + s.cachedRepliesResent > 0);
    }

    // A live session's clients all share 127.0.0.1, one port each. Its server
    // names them before they call (so the trace's host ids are its own), and
    // a named peer is not held to the 64 places one address gets otherwise.
    void liveSessionServesMoreClientsThanOneAddressGets()
    {
        session::SessionConfig c;
        c.service = QStringLiteral("counter");
        c.clients = 80;
        c.calls = 160;
        c.window = 1;
        c.seed = 3;
        c.handlerTime = core::Duration(0);
        c.retry = quickRetry();
        session::LiveSession live(c);
        QString error;
        QVERIFY2(live.run(&error), qPrintable(error));
        const session::Summary s = live.summary();
        QCOMPARE(s.ok, 160);
        QCOMPARE(s.executions, 160);
    }

    // A message far larger than a datagram goes as fragments both ways, through
    // loss, duplication and reordering, and comes back byte for byte.
    void largeMessagesCrossInFragments()
    {
        netem::NetemConfig lossy = netem::passThrough();
        lossy.loss = 0.1;
        lossy.duplicate = 0.05;
        lossy.reorder = 0.05;
        rpc::ServerOptions so;
        so.netem = lossy;
        so.seed = 3;
        rpc::RpcServer server(so);
        server.setService(std::make_shared<services::EchoService>());
        QString error;
        QVERIFY2(server.start(&error), qPrintable(error));
        rpc::ClientOptions co = clientFor(server);
        co.netem = lossy;
        co.seed = 4;
        co.retry = quickRetry();
        rpc::RpcClient client(co);
        QVERIFY2(client.start(&error), qPrintable(error));
        QByteArray big(200'000, Qt::Uninitialized);
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char((i * 7919) >> 3);
        for (int round = 0; round < 3; ++round) {
            const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), big);
            QVERIFY2(reply.ok(), qPrintable(reply.message));
            QCOMPARE(reply.result.size(), big.size());
            QVERIFY(reply.result == big);
        }
        QCOMPARE(server.executions(), std::uint64_t(3));
    }

    // The file-transfer scenario on real sockets: the receiver's SHA-256
    // matches the sender's.
    void fileTransferOverLoopbackIsVerified()
    {
        session::SessionConfig c;
        session::findScenario(u"file-transfer")->apply(c);
        c.calls = 16; // 1 MiB
        c.seed = 5;
        c.toServer.delay = c.toClient.delay = core::Duration(500);
        c.retry = quickRetry();
        session::LiveSession live(c);
        QString error;
        QVERIFY2(live.run(&error), qPrintable(error));
        const session::Summary s = live.summary();
        QCOMPARE(s.ok, 16);
        QVERIFY2(s.service.value(u"verified").toBool(),
                 qPrintable(QJsonDocument(s.service).toJson(QJsonDocument::Compact)));
        QCOMPARE(s.service.value(u"received_bytes").toInteger(), 16 * 64 * 1024);
        const QString problem = testsupport::checkInvariants(live.log().view(), c, std::nullopt,
                                                             core::Duration(1'000'000));
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    // Pausing parks the workload; resuming starts exactly the parked calls.
    void pausedLiveSessionResumesToTheEnd()
    {
        session::SessionConfig c;
        c.calls = 200;
        c.window = 4;
        c.clients = 2;
        c.handlerTime = core::Duration(0);
        c.toServer.delay = c.toClient.delay = core::Duration(0);
        session::LiveSession live(c);
        QString error;
        QVERIFY2(live.start(&error), qPrintable(error));
        for (int i = 0; i < 20; ++i) {
            live.setPaused(i % 2 == 0);
            QThread::msleep(2);
        }
        live.setPaused(false);
        QVERIFY(live.wait(20'000));
        live.stop();
        QCOMPARE(live.summary().calls, 200);
        QCOMPARE(live.summary().ok, 200);
    }

    void stoppedServerMakesCallsFailByTheirDeadline()
    {
        rpc::RpcServer server({});
        server.setService(std::make_shared<services::EchoService>());
        QVERIFY(server.start());
        rpc::RpcClient client(clientFor(server));
        QVERIFY(client.start());
        QVERIFY(client.callBlocking(QStringLiteral("echo"), "up").ok());
        server.stop();

        rpc::CallOptions options;
        options.retry = quickRetry();
        options.retry->deadline = core::Duration(300'000);
        options.retry->maxAttempts = 100;
        const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), "down", options);
        QCOMPARE(reply.error, CallError::DeadlineExceeded);
        QVERIFY(reply.latency >= core::Duration(300'000));
        QVERIFY(reply.attempts > 1);
    }

    void restartedServerIsDetected()
    {
        rpc::ServerOptions so;
        so.epoch = 1001;
        auto first = std::make_unique<rpc::RpcServer>(so);
        first->setService(std::make_shared<services::CounterService>());
        QVERIFY(first->start());
        const quint16 port = first->port();
        rpc::RpcClient client(clientFor(*first));
        QVERIFY(client.start());
        QVERIFY(client.callBlocking(QStringLiteral("add"), services::CounterService::encode(1)).ok());
        first.reset();

        so.epoch = 2002;
        so.port = port;
        rpc::RpcServer second(so);
        second.setService(std::make_shared<services::CounterService>());
        QString error;
        QVERIFY2(second.start(&error), qPrintable(error));
        const rpc::Reply restarted = client.callBlocking(QStringLiteral("add"), services::CounterService::encode(1));
        QCOMPARE(restarted.error, CallError::ServerRestarted);
        QVERIFY(restarted.message.contains(QStringLiteral("may or may not have run")));
        // New calls proceed against the new incarnation.
        const rpc::Reply after = client.callBlocking(QStringLiteral("add"), services::CounterService::encode(1));
        QVERIFY2(after.ok(), qPrintable(after.message));
        QCOMPARE(services::CounterService::decode(after.result), 1);
    }

    void cancelledCallEnds()
    {
        rpc::RpcServer server({});
        server.registerHandler(QStringLiteral("slow"), [](const QByteArray &) {
            QThread::msleep(300);
            return rpc::HandlerResult{};
        });
        server.registerHandler(QStringLiteral("echo"), [](const QByteArray &args) {
            return rpc::HandlerResult{wire::STATUS_OK, {}, args};
        });
        QVERIFY(server.start());
        rpc::RpcClient client(clientFor(server));
        QVERIFY(client.start());
        QFuture<rpc::Reply> future = client.call(QStringLiteral("slow"), {});
        future.cancel();
        future.waitForFinished();
        QVERIFY(future.isCanceled());
        QCOMPARE(future.resultCount(), 0);
        // The client keeps working after a cancellation.
        const rpc::Reply after = client.callBlocking(QStringLiteral("echo"), "still here");
        QVERIFY2(after.ok(), qPrintable(after.message));
        QCOMPARE(after.result, QByteArray("still here"));
    }

    // Garbage at both ends changes nothing but counters and trace events.
    void garbageIsCountedNotFatal()
    {
        trace::TraceLog log;
        trace::SharedSink sink(&log);
        rpc::ServerOptions so;
        so.trace = &sink;
        rpc::RpcServer server(so);
        auto counter = std::make_shared<services::CounterService>();
        server.setService(counter);
        QVERIFY(server.start());
        rpc::ClientOptions co = clientFor(server);
        co.trace = &sink;
        rpc::RpcClient client(co);
        QVERIFY(client.start());
        QVERIFY(client.callBlocking(QStringLiteral("add"), services::CounterService::encode(1)).ok());

        QUdpSocket attacker;
        QVERIFY(attacker.bind(QHostAddress::LocalHost, 0));
        core::Random random(99);
        const int garbage = 500;
        const QByteArray valid = wire::encodeDatagram({}, "x", wire::ChecksumKind::Crc32c);
        for (int i = 0; i < garbage; ++i) {
            QByteArray bytes;
            if (i % 2) {
                bytes = valid.first(random.between(0, valid.size() - 1)); // truncated
            } else {
                bytes.resize(random.between(0, 200));
                for (char &b : bytes)
                    b = char(random.next());
            }
            attacker.writeDatagram(bytes, server.address(), server.port());
            attacker.writeDatagram(bytes, QHostAddress::LocalHost, client.localPort());
            if (i % 50 == 0)
                QTest::qWait(1); // keep the socket buffers from overflowing
        }
        // The real work still gets done, exactly once each.
        for (int i = 0; i < 20; ++i)
            QVERIFY(client.callBlocking(QStringLiteral("add"), services::CounterService::encode(1)).ok());
        QCOMPARE(counter->total(), 21);
        // Everything the server's socket read from the attacker was dropped
        // with a reason (the client ignores datagrams from anyone but its server).
        QTRY_VERIFY(countKind(log, trace::EventKind::MalformedDropped)
                        + countKind(log, trace::EventKind::ChecksumFail) >= garbage / 2);
        QCOMPARE(countKind(log, trace::EventKind::HandlerStart), 21);
    }

    // Two processes: rpcscope-cli serve and rpcscope-cli call.
    void serveAndCallProcesses()
    {
        QProcess serve;
        serve.start(QStringLiteral(RPCSCOPE_CLI_PATH),
                    {QStringLiteral("serve"), QStringLiteral("--service"), QStringLiteral("counter"),
                     QStringLiteral("--max-seconds"), QStringLiteral("30")});
        QVERIFY(serve.waitForStarted());
        QVERIFY(serve.waitForReadyRead(10'000));
        const QString banner = QString::fromUtf8(serve.readLine());
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("^serving counter on 127\\.0\\.0\\.1:(\\d+) \\(epoch \\d+\\)"))
                .match(banner);
        QVERIFY2(m.hasMatch(), qPrintable(banner));
        const QString to = QStringLiteral("127.0.0.1:") + m.captured(1);

        for (const auto &[amount, total] : {std::pair{"5", "5"}, std::pair{"7", "12"}}) {
            QProcess call;
            call.start(QStringLiteral(RPCSCOPE_CLI_PATH),
                       {QStringLiteral("call"), QStringLiteral("--to"), to, QStringLiteral("--encoding"),
                        QStringLiteral("int64"), QStringLiteral("add"), QString::fromLatin1(amount)});
            QVERIFY(call.waitForFinished(10'000));
            QCOMPARE(call.exitCode(), 0);
            QCOMPARE(call.readAllStandardOutput(), QByteArray(total) + '\n');
        }
        QProcess bad;
        bad.start(QStringLiteral(RPCSCOPE_CLI_PATH), {QStringLiteral("call"), QStringLiteral("--to"), to,
                                                      QStringLiteral("missing")});
        QVERIFY(bad.waitForFinished(10'000));
        QCOMPARE(bad.exitCode(), 1);
        QVERIFY(bad.readAllStandardError().contains("rejected: service 'counter' has no method 'missing'"));

        serve.terminate(); // SIGTERM: a clean stop
        QVERIFY(serve.waitForFinished(10'000));
        QCOMPARE(serve.exitStatus(), QProcess::NormalExit);
        QCOMPARE(serve.exitCode(), 0);
        QVERIFY(serve.readAllStandardOutput().contains("stopped after 3 handler executions, counter total 12"));
    }

    void portInUseIsAClearError()
    {
        rpc::RpcServer first({});
        QVERIFY(first.start());
        rpc::ServerOptions so;
        so.port = first.port();
        rpc::RpcServer second(so);
        QString error;
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QString::number(first.port())), qPrintable(error));
        QVERIFY(!second.isRunning());
    }
};

QTEST_GUILESS_MAIN(TestUdp)
#include "tst_udp.moc"
