// Two ends with a pre-shared key talk DTLS on loopback: calls work as on
// plain UDP; a peer with another key or none gets nothing and is named in
// the server's notices; garbage and replayed records reach no handler.
#include "rpc/rpcclient.h"
#include "net/dtlschannel.h"
#include "rpc/rpcserver.h"
#include "services/echoservice.h"

#include "flood.h"
#include "loopback.h"

#include <QSignalSpy>
#include <QTest>
#include <QUdpSocket>

using namespace rpcscope;
using testsupport::clientFor;

namespace {

const QByteArray kKey = QByteArrayLiteral("a classroom secret");

// Long enough for a handshake that is given up (5 s) to be noticed.
core::RetryConfig patientRetry()
{
    return testsupport::quickRetry(100, core::Duration(8'000'000));
}

// An echo server that speaks DTLS with kKey, not yet started.
std::unique_ptr<rpc::RpcServer> keyedEchoServer(const QString &address = QStringLiteral("127.0.0.1"))
{
    rpc::ServerOptions so;
    so.bindAddress = QHostAddress(address);
    so.key = kKey;
    auto server = std::make_unique<rpc::RpcServer>(so);
    server->setService(std::make_shared<services::EchoService>());
    return server;
}

bool anyContains(const QSignalSpy &spy, QStringView text)
{
    for (const QList<QVariant> &args : spy)
        if (args.constFirst().toString().contains(text))
            return true;
    return false;
}

QString joined(const QSignalSpy &spy)
{
    QStringList lines;
    for (const QList<QVariant> &args : spy)
        lines << args.constFirst().toString();
    return lines.join(u'\n');
}

// Sits between a client and its server and sends every datagram from the
// client twice: a replay of each record, as an attacker on the path could.
// Or, with replayEverything false, passes them on once and keeps the
// ClientHellos, to send them again when asked.
class ReplayingProxy : public QThread
{
public:
    ReplayingProxy(QHostAddress server, quint16 port, bool replayEverything = true)
        : m_server(std::move(server)), m_serverPort(port), m_replayEverything(replayEverything)
    {
        m_socket.bind(QHostAddress::LocalHost, 0);
        m_port = m_socket.localPort();
        m_socket.moveToThread(this);
    }
    ~ReplayingProxy() override
    {
        m_stop = true;
        wait();
    }
    quint16 port() const { return m_port; }
    std::int64_t replayed() const { return m_replayed.load(); }
    // Sends the ClientHellos seen so far to the server again, from the
    // client's place (this proxy's port), on the proxy's thread.
    void replayHellos() { m_replayHellos = true; }
    int hellosKept() const { return m_hellosKept.load(); }

protected:
    void run() override
    {
        QHostAddress client;
        quint16 clientPort = 0;
        QByteArray buffer(70'000, Qt::Uninitialized);
        std::vector<QByteArray> hellos;
        while (!m_stop) {
            if (m_replayHellos.exchange(false)) {
                for (const QByteArray &hello : hellos)
                    m_socket.writeDatagram(hello, m_server, m_serverPort);
                m_replayed += std::int64_t(hellos.size());
            }
            if (!m_socket.waitForReadyRead(20))
                continue;
            while (m_socket.hasPendingDatagrams()) {
                QHostAddress from;
                quint16 fromPort = 0;
                const qint64 n = m_socket.readDatagram(buffer.data(), buffer.size(), &from, &fromPort);
                if (n < 0)
                    break;
                const QByteArray d = buffer.left(n);
                if (fromPort == m_serverPort) {
                    m_socket.writeDatagram(d, client, clientPort);
                    continue;
                }
                client = from;
                clientPort = fromPort;
                m_socket.writeDatagram(d, m_server, m_serverPort);
                if (!m_replayEverything) {
                    // A handshake record (22) of epoch 0 holding a client_hello (1).
                    if (d.size() > 13 && quint8(d[0]) == 22 && d[3] == 0 && d[4] == 0 && quint8(d[13]) == 1) {
                        hellos.push_back(d);
                        m_hellosKept = int(hellos.size());
                    }
                    continue;
                }
                m_socket.writeDatagram(d, m_server, m_serverPort);
                ++m_replayed;
            }
        }
        m_socket.close();
    }

private:
    QUdpSocket m_socket;
    QHostAddress m_server;
    quint16 m_serverPort;
    quint16 m_port = 0;
    bool m_replayEverything = true;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_replayHellos{false};
    std::atomic<int> m_hellosKept{0};
    std::atomic<std::int64_t> m_replayed{0};
};

// A client with the key that reaches `server` through `proxy`.
rpc::ClientOptions keyedThrough(const ReplayingProxy &proxy, const rpc::RpcServer &server)
{
    rpc::ClientOptions co = clientFor(server, patientRetry());
    co.serverPort = proxy.port();
    co.key = kKey;
    return co;
}

} // namespace

class TestDtls : public QObject
{
    Q_OBJECT

private slots:
    void callsWithTheSameKey_data()
    {
        QTest::addColumn<QString>("address");
        QTest::newRow("IPv4") << QStringLiteral("127.0.0.1");
        QTest::newRow("IPv6") << QStringLiteral("::1");
    }

    void callsWithTheSameKey()
    {
        QFETCH(QString, address);
        const auto server = keyedEchoServer(address);
        QSignalSpy serverNotices(server.get(), &rpc::RpcServer::notice);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));

        rpc::ClientOptions co = clientFor(*server, patientRetry());
        co.key = kKey;
        rpc::RpcClient client(co);
        QVERIFY2(client.start(&error), qPrintable(error));
        for (int i = 0; i < 20; ++i) {
            const QByteArray args = "secret call " + QByteArray::number(i);
            const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), args);
            QVERIFY2(reply.ok(), qPrintable(reply.message));
            QCOMPARE(reply.result, args);
        }
        // A reply larger than a datagram crosses in encrypted fragments.
        const QByteArray large(20'000, 'L');
        const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), large);
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        QCOMPARE(reply.result, large);

        QCOMPARE(server->executions(), std::uint64_t(21));
        const rpc::ServerCounters c = server->counters();
        QCOMPARE(c.dtlsSessions, std::uint64_t(1));
        QCOMPARE(c.dtlsRefused, std::uint64_t(0));
        QTRY_VERIFY(anyContains(serverNotices, u"DTLS session with"));
    }

    // The first call, made while the handshake is still under way, waits
    // for the session and goes in one attempt: it does not pay a timeout
    // (ten seconds here) for the handshake.
    void firstCallWaitsForTheHandshake()
    {
        const auto server = keyedEchoServer(QStringLiteral("127.0.0.1"));
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        core::RetryConfig slow = patientRetry();
        slow.timeout = core::Duration(10'000'000);
        slow.maxTimeout = slow.timeout;
        slow.deadline = core::Duration(60'000'000);
        rpc::ClientOptions co = clientFor(*server, slow);
        co.key = kKey;
        rpc::RpcClient client(co);
        QVERIFY2(client.start(&error), qPrintable(error));
        const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), "first");
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        QCOMPARE(reply.attempts, 1);
        QCOMPARE(reply.result, QByteArray("first"));
    }

    // A server restarted on the same port knows nothing of the client's
    // session and drops what is sent under it. The client, sending and
    // hearing nothing back for kSilenceLimitMs, handshakes again, and its
    // calls go through to the new server (the first may be refused for
    // naming the old server's epoch: at most once, across restarts too).
    void clientHandshakesAgainWhenTheServerRestarts()
    {
        auto first = keyedEchoServer();
        QString error;
        QVERIFY2(first->start(&error), qPrintable(error));
        const quint16 port = first->port();
        core::RetryConfig retry = testsupport::quickRetry(100, core::Duration(20'000'000));
        rpc::ClientOptions co = clientFor(*first, retry);
        co.key = kKey;
        rpc::RpcClient client(co);
        QVERIFY2(client.start(&error), qPrintable(error));
        QVERIFY(client.callBlocking(QStringLiteral("echo"), "before").ok());
        first->stop();
        first.reset();

        rpc::ServerOptions so;
        so.bindAddress = QHostAddress(QHostAddress::LocalHost);
        so.port = port;
        so.key = kKey;
        rpc::RpcServer second(so);
        second.setService(std::make_shared<services::EchoService>());
        QVERIFY2(second.start(&error), qPrintable(error));
        rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), "after");
        if (!reply.ok()) {
            QCOMPARE(reply.error, trace::CallError::ServerRestarted);
            reply = client.callBlocking(QStringLiteral("echo"), "after");
        }
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        QCOMPARE(reply.result, QByteArray("after"));
        QCOMPARE(second.counters().dtlsSessions, std::uint64_t(1));
    }

    // Another key: the handshake never completes, the call fails, and both
    // ends say why.
    void anotherKeyGetsNothing()
    {
        const auto server = keyedEchoServer();
        QSignalSpy serverNotices(server.get(), &rpc::RpcServer::notice);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));

        rpc::ClientOptions co = clientFor(*server, patientRetry());
        co.key = QByteArrayLiteral("a guess");
        rpc::RpcClient client(co);
        QSignalSpy clientNotices(&client, &rpc::RpcClient::notice);
        QVERIFY2(client.start(&error), qPrintable(error));
        const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), "let me in");
        QVERIFY(!reply.ok());
        QCOMPARE(server->executions(), std::uint64_t(0));
        QTRY_VERIFY2(anyContains(serverNotices, u"key differs"), qPrintable(joined(serverNotices)));
        QTRY_VERIFY2(anyContains(clientNotices, u"key differs"), qPrintable(joined(clientNotices)));
        QCOMPARE(server->counters().dtlsSessions, std::uint64_t(0));
    }

    // No key at all: plain datagrams are refused, once, by name.
    void plainClientIsRefused()
    {
        const auto server = keyedEchoServer();
        QSignalSpy serverNotices(server.get(), &rpc::RpcServer::notice);
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));

        rpc::RpcClient client(clientFor(*server, testsupport::quickRetry(5)));
        QVERIFY2(client.start(&error), qPrintable(error));
        const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), "plain");
        QVERIFY(!reply.ok());
        QCOMPARE(server->executions(), std::uint64_t(0));
        QTRY_VERIFY2(anyContains(serverNotices, u"this server needs the key"), qPrintable(joined(serverNotices)));
        QCOMPARE(serverNotices.size(), 1); // five attempts, one line
        QVERIFY(server->counters().dtlsRefused >= 5);
    }

    // Every record from the client arrives twice and garbage pours in from
    // elsewhere: each call still runs exactly once, and the replays are
    // dropped by DTLS before the protocol sees them.
    // Issue: after a second of quiet, a replayed ClientHello of the
    // handshake that opened a session (its cookie still verifies) tore the
    // session down, and the client heard nothing until it handshook again.
    void replayedClientHelloLeavesTheSessionInUse()
    {
        const auto server = keyedEchoServer();
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        ReplayingProxy proxy(server->address(), server->port(), false);
        proxy.start();
        rpc::RpcClient client(keyedThrough(proxy, *server));
        QVERIFY2(client.start(&error), qPrintable(error));
        rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), "before");
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        QCOMPARE(proxy.hellosKept(), 2); // without, then with the cookie

        QTest::qWait(net::DtlsChannel::kQuietBeforeRestartMs + 200);
        proxy.replayHellos();
        QTRY_COMPARE(proxy.replayed(), std::int64_t(2));
        QTest::qWait(100);
        reply = client.callBlocking(QStringLiteral("echo"), "after");
        QVERIFY2(reply.ok(), qPrintable(reply.message));
        // Answered in the session it had, not after a new handshake.
        QCOMPARE(server->counters().dtlsSessions, std::uint64_t(1));
        QCOMPARE(reply.attempts, 1);
    }

    void replaysAndGarbageReachNoHandler()
    {
        const auto server = keyedEchoServer();
        QString error;
        QVERIFY2(server->start(&error), qPrintable(error));
        ReplayingProxy proxy(server->address(), server->port());
        proxy.start();

        rpc::RpcClient client(keyedThrough(proxy, *server));
        QVERIFY2(client.start(&error), qPrintable(error));
        testsupport::Flooder flood(server->address(), server->port(), 5'000, 16, 5);
        flood.start();
        constexpr int calls = 40;
        for (int i = 0; i < calls; ++i) {
            const QByteArray args = QByteArray::number(i);
            const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), args);
            QVERIFY2(reply.ok(), qPrintable(reply.message));
            QCOMPARE(reply.result, args);
        }
        QVERIFY(flood.wait(30'000));
        QCOMPARE(server->executions(), std::uint64_t(calls));
        const rpc::ServerCounters c = server->counters();
        QVERIFY(proxy.replayed() >= calls);
        QVERIFY2(c.dtlsDropped >= std::uint64_t(calls), qPrintable(QString::number(c.dtlsDropped)));
        QCOMPARE(c.dtlsSessions, std::uint64_t(1));
        // Nothing unauthenticated reached the protocol: the garbage was
        // refused as not DTLS, and what the protocol saw it accepted.
        QCOMPARE(c.damaged + c.malformed, std::uint64_t(0));
        QVERIFY2(c.dtlsRefused > 1'000, qPrintable(QString::number(c.dtlsRefused)));
    }
};

QTEST_GUILESS_MAIN(TestDtls)
#include "tst_dtls.moc"
