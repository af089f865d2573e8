// Real-socket figures on loopback, 32-byte arguments, against a baseline
// measured in the same run: raw UDP ping-pong with plain blocking sockets.
//   bench_udp [--calls N]
// prints one JSON line per figure: baseline latency and rate, blocking
// RpcClient echo latency (median, p99, ratio to the baseline), and pipelined
// calls per second with window 32 (ratio to the ping-pong rate).
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "services/echoservice.h"
#include "benchfigures.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSemaphore>
#include <QThread>
#include <QUdpSocket>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <vector>

using namespace rpcscope;
using bench::printFigure;

namespace {

struct Latencies
{
    double medianUs = 0, p99Us = 0, perSecond = 0;
};

Latencies summarise(std::vector<double> us, double seconds)
{
    std::sort(us.begin(), us.end());
    Latencies l;
    l.medianUs = us[us.size() / 2];
    l.p99Us = us[std::min(us.size() - 1, us.size() * 99 / 100)];
    l.perSecond = double(us.size()) / seconds;
    return l;
}

// An echo peer on its own thread with a blocking socket: read, write back.
class RawEcho : public QThread
{
public:
    quint16 port = 0;
    QSemaphore ready;
    std::atomic<bool> stop{false};

    void run() override
    {
        QUdpSocket socket;
        socket.bind(QHostAddress::LocalHost, 0);
        port = socket.localPort();
        ready.release();
        QByteArray buffer(2048, Qt::Uninitialized);
        while (!stop.load()) {
            if (!socket.waitForReadyRead(50))
                continue;
            while (socket.hasPendingDatagrams()) {
                QHostAddress from;
                quint16 fromPort = 0;
                const qint64 n = socket.readDatagram(buffer.data(), buffer.size(), &from, &fromPort);
                if (n >= 0)
                    socket.writeDatagram(buffer.constData(), n, from, fromPort);
            }
        }
    }
};

Latencies rawPingPong(int rounds)
{
    RawEcho echo;
    echo.start();
    echo.ready.acquire();
    QUdpSocket socket;
    socket.bind(QHostAddress::LocalHost, 0);
    const QByteArray payload(32, 'x');
    QByteArray buffer(2048, Qt::Uninitialized);
    std::vector<double> us;
    us.reserve(std::size_t(rounds));
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < rounds; ++i) {
        QElapsedTimer t;
        t.start();
        socket.writeDatagram(payload, QHostAddress::LocalHost, echo.port);
        while (!socket.hasPendingDatagrams())
            socket.waitForReadyRead(1000);
        socket.readDatagram(buffer.data(), buffer.size());
        us.push_back(double(t.nsecsElapsed()) / 1000.0);
    }
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    echo.stop = true;
    echo.wait();
    return summarise(std::move(us), seconds);
}

int benchRpc(int calls, int handlerThreads, const Latencies &raw);

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int calls = 20000;
    const QStringList args = app.arguments();
    if (const auto i = args.indexOf(QStringLiteral("--calls")); i >= 0 && i + 1 < args.size())
        calls = args.at(i + 1).toInt();
    if (calls <= 0) {
        std::fprintf(stderr, "bench_udp: --calls needs a positive number\n");
        return 2;
    }

    const Latencies raw = rawPingPong(calls);
    printFigure({{"bench", "udp-raw-ping-pong"}, {"rounds", calls}, {"median_us", raw.medianUs},
                 {"p99_us", raw.p99Us}, {"round_trips_per_sec", raw.perSecond}});

    int failed = 0;
    for (const int handlerThreads : {4, 0})
        failed += benchRpc(calls, handlerThreads, raw);
    return failed == 0 ? 0 : 1;
}

namespace {

// Blocking and pipelined echo against one server; handlerThreads 0 runs the
// handler on the server's network thread. Returns the number of failed calls.
int benchRpc(int calls, int handlerThreads, const Latencies &raw)
{
    const QString handlers = handlerThreads ? QStringLiteral("pool") : QStringLiteral("inline");
    rpc::ServerOptions so;
    so.handlerThreads = handlerThreads;
    rpc::RpcServer server(so);
    server.setService(std::make_shared<services::EchoService>());
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "bench_udp: %s\n", qPrintable(error));
        return 1;
    }
    rpc::ClientOptions co;
    co.serverAddress = server.address();
    co.serverPort = server.port();
    co.window = 32;
    co.seed = 1;
    rpc::RpcClient client(co);
    if (!client.start(&error)) {
        std::fprintf(stderr, "bench_udp: %s\n", qPrintable(error));
        return calls;
    }
    const QByteArray args32(32, 'x');

    std::vector<double> us;
    us.reserve(std::size_t(calls));
    int failures = 0;
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < calls; ++i) {
        QElapsedTimer t;
        t.start();
        failures += !client.callBlocking(QStringLiteral("echo"), args32).ok();
        us.push_back(double(t.nsecsElapsed()) / 1000.0);
    }
    const Latencies blocking = summarise(std::move(us), double(total.nsecsElapsed()) / 1e9);
    printFigure({{"bench", "rpc-blocking-echo"}, {"handlers", handlers}, {"calls", calls}, {"failed", failures},
                 {"median_us", blocking.medianUs}, {"p99_us", blocking.p99Us},
                 {"median_ratio_to_raw", blocking.medianUs / raw.medianUs},
                 {"p99_ratio_to_raw", blocking.p99Us / raw.p99Us}});

    // Pipelined: keep 32 calls in flight, each completion starts the next.
    std::atomic<int> remaining{calls};
    std::atomic<int> ended{0};
    std::atomic<int> pipelinedFailures{0};
    QSemaphore done;
    std::function<void()> next = [&] {
        if (remaining.fetch_sub(1) <= 0)
            return;
        client.call(QStringLiteral("echo"), args32).then(QtFuture::Launch::Sync, [&](const rpc::Reply &r) {
            pipelinedFailures += !r.ok();
            if (ended.fetch_add(1) + 1 == calls)
                done.release();
            next();
        });
    };
    total.restart();
    for (int k = 0; k < 32; ++k)
        next();
    done.acquire();
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    printFigure({{"bench", "rpc-pipelined-echo"}, {"handlers", handlers}, {"calls", calls}, {"window", 32},
                 {"failed", pipelinedFailures.load()}, {"calls_per_sec", calls / seconds},
                 {"ratio_to_raw_round_trips", (calls / seconds) / raw.perSecond}});
    client.stop();
    server.stop();
    return failures + pipelinedFailures.load();
}

} // namespace
