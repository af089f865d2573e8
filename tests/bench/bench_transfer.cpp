// Goodput of a file sent as fragmented calls over real UDP sockets on
// loopback, against the same bytes over a plain TCP socket on loopback
// measured in the same run.
//   bench_transfer [--mib N] [--runs R]
// prints one JSON line per figure: the TCP baseline, then RpcScope's file
// service with 0 % and 5 % emulated loss each way (64 KiB chunks, window 16,
// 1,400-byte datagrams, then 8,192-byte ones), each with its ratio to TCP
// and whether the receiver's SHA-256 matched the sender's. The best of R
// runs is reported, as the machine's noise only ever slows a run down.
#include "benchfigures.h"
#include "run/livesession.h"
#include "services/fileservice.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

#include <cstdio>

using namespace rpcscope;
using bench::printFigure;

namespace {

constexpr int kChunk = 64 * 1024;

QByteArray makeFile(qsizetype bytes)
{
    QByteArray file(bytes, Qt::Uninitialized);
    std::uint64_t x = 0x9E3779B97F4A7C15ull;
    for (qsizetype i = 0; i < bytes; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        file[i] = char(x);
    }
    return file;
}

// Receives `expected` bytes on one connection and hashes them, on its own thread.
class TcpSink : public QThread
{
public:
    explicit TcpSink(qsizetype expected) : m_expected(expected) {}
    quint16 port = 0;
    QSemaphore ready;
    QByteArray digest;

    void run() override
    {
        QTcpServer server;
        server.listen(QHostAddress::LocalHost, 0);
        port = server.serverPort();
        ready.release();
        if (!server.waitForNewConnection(30'000))
            return;
        QTcpSocket *socket = server.nextPendingConnection();
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qsizetype received = 0;
        while (received < m_expected && socket->waitForReadyRead(30'000)) {
            const QByteArray bytes = socket->readAll();
            hash.addData(bytes);
            received += bytes.size();
        }
        digest = hash.result();
        socket->write("k");
        socket->waitForBytesWritten(5'000);
    }

private:
    qsizetype m_expected;
};

double tcpSeconds(const QByteArray &file, bool *verified)
{
    TcpSink sink(file.size());
    sink.start();
    sink.ready.acquire();
    QElapsedTimer timer;
    timer.start();
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, sink.port);
    socket.waitForConnected(5'000);
    // Everything handed over at once; Qt writes it out as the socket takes it.
    socket.write(file);
    while (socket.bytesToWrite() > 0 && socket.waitForBytesWritten(30'000)) {
    }
    socket.waitForReadyRead(30'000); // the receiver's "done"
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    sink.wait();
    *verified = sink.digest == QCryptographicHash::hash(file, QCryptographicHash::Sha256);
    return seconds;
}

struct Transfer
{
    double seconds = 0;
    bool verified = false;
    std::int64_t datagrams = 0, lost = 0, failed = 0;
};

Transfer rpcTransfer(int chunks, double loss, int maxDatagram)
{
    session::SessionConfig c;
    c.service = QStringLiteral("file");
    c.calls = chunks;
    c.clients = 1;
    c.window = 16;
    c.argBytes = kChunk;
    c.handlerTime = core::Duration(0);
    c.maxDatagram = maxDatagram;
    c.toServer = c.toClient = netem::passThrough();
    c.toServer.loss = c.toClient.loss = loss;
    c.retry.backoff = core::Backoff::Adaptive;
    c.retry.timeout = core::Duration(20'000);
    c.retry.minTimeout = core::Duration(5'000);
    c.retry.maxAttempts = 20;
    c.seed = 11;
    session::LiveSession live(c);
    QString error;
    Transfer t;
    if (!live.run(&error)) {
        std::fprintf(stderr, "bench_transfer: %s\n", qPrintable(error));
        return t;
    }
    const session::Summary s = live.summary();
    t.seconds = s.wallMs / 1000.0;
    t.verified = s.service.value(u"verified").toBool();
    t.datagrams = s.datagrams.sent;
    t.lost = s.datagrams.lost;
    t.failed = s.failedTotal();
    return t;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int mib = 16, runs = 3;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); ++i) {
        if (args[i] == u"--mib")
            mib = std::max(1, args[i + 1].toInt());
        else if (args[i] == u"--runs")
            runs = std::max(1, args[i + 1].toInt());
    }
    const qsizetype bytes = qsizetype(mib) * 1024 * 1024;
    const QByteArray file = makeFile(bytes);

    double tcpBest = 0;
    bool tcpOk = true;
    for (int r = 0; r < runs; ++r) {
        bool ok = false;
        const double s = tcpSeconds(file, &ok);
        tcpOk = tcpOk && ok;
        tcpBest = r == 0 ? s : std::min(tcpBest, s);
    }
    const double tcpMiBs = double(mib) / tcpBest;
    printFigure({{"figure", "tcp_loopback_baseline"}, {"mib", mib}, {"mib_per_s", tcpMiBs}, {"verified", tcpOk}});

    const int chunks = int(bytes / kChunk);
    for (int maxDatagram : {1400, 8192}) {
        for (double loss : {0.0, 0.05}) {
            Transfer best;
            for (int r = 0; r < runs; ++r) {
                const Transfer t = rpcTransfer(chunks, loss, maxDatagram);
                if (r == 0 || t.seconds < best.seconds)
                    best = t;
            }
            const double miBs = best.seconds > 0 ? double(mib) / best.seconds : 0;
            printFigure({{"figure", "rpc_file_transfer"},
                         {"mib", mib},
                         {"loss", loss},
                         {"max_datagram", maxDatagram},
                         {"mib_per_s", miBs},
                         {"vs_tcp", miBs / tcpMiBs},
                         {"datagrams", qint64(best.datagrams)},
                         {"lost", qint64(best.lost)},
                         {"failed_calls", qint64(best.failed)},
                         {"verified", best.verified}});
            if (!best.verified) {
                std::fprintf(stderr, "bench_transfer: the file did not arrive intact\n");
                return 1;
            }
        }
    }
    return 0;
}
