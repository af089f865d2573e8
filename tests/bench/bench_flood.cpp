// A server under a flood of garbage datagrams on loopback (tests/flood.h:
// random bytes, truncated and damaged datagrams, lying headers) while one
// client keeps calling. Baseline, measured in the same run: the same
// client's echo calls with no flood.
//   bench_flood [--datagrams N] [--sources S]
// prints one JSON line per figure: the baseline latency; the flood's rate
// and what the server read of it; the calls answered during the flood and
// their latency (ratio to the baseline); and the process's resident memory
// before, after and at its peak, with the server's own peaks beside its
// limits.
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "services/echoservice.h"

#include "benchfigures.h"
#include "flood.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cstdio>
#include <vector>

using namespace rpcscope;
using bench::printFigure;

namespace {

struct Calls
{
    int count = 0;
    double medianUs = 0, p99Us = 0;
};

// Blocking echo calls until `more` says stop (at least `minimum`).
template<typename More>
Calls callWhile(rpc::RpcClient &client, int minimum, More more)
{
    std::vector<double> us;
    QElapsedTimer clock;
    for (int i = 0; i < minimum || more(); ++i) {
        clock.start();
        const rpc::Reply reply = client.callBlocking(QStringLiteral("echo"), QByteArray(32, 'e'));
        if (!reply.ok()) {
            std::fprintf(stderr, "bench_flood: call %d failed: %s\n", i, qPrintable(reply.message));
            std::exit(1);
        }
        us.push_back(double(clock.nsecsElapsed()) / 1000.0);
    }
    std::sort(us.begin(), us.end());
    return {int(us.size()), us[us.size() / 2], us[std::min(us.size() - 1, us.size() * 99 / 100)]};
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::int64_t datagrams = 1'000'000;
    int sources = 64;
    bool mixed = false;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        bool ok = i + 1 < args.size();
        if (ok && args[i] == u"--datagrams")
            datagrams = args[++i].toLongLong(&ok);
        else if (ok && args[i] == u"--sources")
            sources = args[++i].toInt(&ok);
        else if (args[i] == u"--mixed")
            ok = mixed = true;
        else
            ok = false;
        if (!ok || datagrams < 1 || sources < 1) {
            std::fprintf(stderr, "usage: bench_flood [--datagrams N] [--sources S] [--mixed]\n");
            return 2;
        }
    }

    rpc::ServerOptions so;
    rpc::RpcServer server(so);
    server.setService(std::make_shared<services::EchoService>());
    // The call whose 60 KB reply a mixed flood tries to draw to forged addresses.
    server.registerHandler(QStringLiteral("big"), [](const QByteArray &) {
        return rpc::HandlerResult{wire::STATUS_OK, {}, QByteArray(60'000, 'R')};
    });
    QString error;
    if (!server.start(&error)) {
        std::fprintf(stderr, "bench_flood: %s\n", qPrintable(error));
        return 1;
    }
    rpc::ClientOptions co;
    co.serverAddress = server.address();
    co.serverPort = server.port();
    co.retry.timeout = core::Duration(20'000);
    co.retry.maxTimeout = core::Duration(200'000);
    co.retry.maxAttempts = 100;
    co.retry.deadline = core::Duration(30'000'000);
    co.seed = 1;
    rpc::RpcClient client(co);
    if (!client.start(&error)) {
        std::fprintf(stderr, "bench_flood: %s\n", qPrintable(error));
        return 1;
    }

    const Calls quiet = callWhile(client, 2'000, [] { return false; });
    printFigure({{"figure", "baseline: echo calls, no flood"}, {"calls", quiet.count},
                 {"median_us", quiet.medianUs}, {"p99_us", quiet.p99Us}});

    const bench::Memory before = bench::memory();
    testsupport::Flooder flood(server.address(), server.port(), datagrams, sources, 1,
                               mixed ? QStringLiteral("big") : QString());
    QElapsedTimer clock;
    clock.start();
    flood.start();
    const Calls during = callWhile(client, 1, [&] { return flood.isRunning(); });
    flood.wait();
    const double seconds = double(clock.nsecsElapsed()) / 1e9;
    const Calls after = callWhile(client, 200, [] { return false; });
    // Let the server's timers forget the flood's partial messages and idle
    // peers are not waited for: "after" is right after the flood.
    const bench::Memory end = bench::memory();
    const rpc::ServerCounters c = server.counters();

    printFigure({{"figure", mixed ? "mixed flood" : "flood"}, {"sent", qint64(flood.sent())}, {"sources", sources},
                 {"seconds", seconds}, {"sent_per_s", double(flood.sent()) / seconds},
                 {"read_by_server", qint64(c.datagrams)}, {"damaged", qint64(c.damaged)},
                 {"malformed", qint64(c.malformed)}, {"accepted", qint64(c.accepted)},
                 {"from_unknown_peers", qint64(c.fromUnknownPeers)}, {"peers", c.peers}});
    printFigure({{"figure", "echo calls during the flood"}, {"calls", during.count},
                 {"median_us", during.medianUs}, {"p99_us", during.p99Us},
                 {"median_vs_baseline", during.medianUs / quiet.medianUs},
                 {"calls_after", after.count}, {"median_after_us", after.medianUs}});
    printFigure({{"figure", "memory"}, {"rss_before_kib", before.rssKiB}, {"rss_after_kib", end.rssKiB},
                 {"rss_peak_kib", end.peakKiB}, {"peak_peers", c.peakPeers},
                 {"max_clients", so.limits.maxClients}, {"peak_cache_bytes", qint64(c.peakCacheBytes)},
                 {"max_cache_bytes", qint64(so.limits.maxCacheBytes)},
                 {"peak_partial_bytes", qint64(c.peakPartialBytes)},
                 {"max_partial_bytes", qint64(so.limits.maxPartialBytes)},
                 {"peak_partial_messages", c.peakPartialMessages},
                 {"peak_cache_clients", qint64(c.peakCacheClients)}, {"peak_idle_clients", qint64(c.peakIdleClients)},
                 {"peak_delayed_bytes", qint64(c.peakDelayedBytes)}, {"sends_dropped", qint64(c.sendsDropped)}});
    printFigure({{"figure", "anti-amplification"}, {"held_back", qint64(c.amplification.heldBack)},
                 {"held_back_bytes", qint64(c.amplification.heldBackBytes)},
                 {"challenges", qint64(c.amplification.challenges)},
                 {"validated", qint64(c.amplification.validated)},
                 {"over_address_limit", qint64(c.overAddressLimit)}});
    client.stop();
    server.stop();
    return 0;
}
