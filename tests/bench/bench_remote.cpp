// Remote classroom mode on loopback: a player's clients call a server with
// its own clock and DTLS key (tests/remotefixture.h, as `rpcscope-cli serve
// --trace-port` sets it up) while the window reads the server's trace.
// Baseline, measured in the same run: the same calls to the same kind of
// server with no trace feed, so the figures show what reading the trace
// costs the calls.
//   bench_remote [--calls N] [--clients C]
// prints one JSON line per figure: calls per second without and with the
// feed; the feed's pulls and events per second; the clock estimate's bound;
// and how far the merged trace lags behind real time (median and p99 over
// the frames of the run).
#include "remote/remotefeed.h"
#include "run/liveplayer.h"

#include "benchfigures.h"
#include "loopback.h"
#include "remotefixture.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <vector>

using namespace rpcscope;
using bench::printFigure;

namespace {

struct Run
{
    double seconds = 0;
    double callsPerSecond = 0;
    std::vector<double> lagMs; // now minus the newest event shown, per frame
    remote::RemoteFeed::Stats feed;
    double offsetBoundUs = -1;
    std::uint64_t clockSamples = 0;
};

Run run(int calls, int clients, bool withFeed)
{
    testsupport::RemoteFixture remote;
    session::LivePlayer player;
    player.setRemote(remote.address(testsupport::kKey, withFeed));
    QElapsedTimer wall;
    wall.start();
    player.reset(testsupport::remoteCounterSession(calls, clients, 4, 0.0));
    if (!player.errorString().isEmpty())
        qFatal("the session did not start: %s", qPrintable(player.errorString()));
    Run r;
    // Sample the lag once per frame, as the window would draw it. Only while
    // the calls run and the clock is known: warm-up and tail are not lag.
    QTimer frames;
    QObject::connect(&frames, &QTimer::timeout, [&] {
        const trace::TraceLog::View view = player.log().view();
        if (view.isEmpty() || player.isFinished() || (withFeed && !player.feed()->isWarm()))
            return;
        r.lagMs.push_back(double((player.now() - view.at(view.size() - 1).time()).count()) / 1000.0);
    });
    frames.start(16);
    QElapsedTimer calling;
    while (!player.isFinished()) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        if (!calling.isValid() && (!withFeed || player.feed()->isWarm()))
            calling.start();
    }
    r.seconds = double(calling.nsecsElapsed()) / 1e9;
    r.callsPerSecond = calls / r.seconds;
    if (const remote::RemoteFeed *f = player.feed()) {
        r.feed = f->stats();
        r.offsetBoundUs = double(f->clock().uncertainty().count());
        r.clockSamples = f->clock().samples();
    }
    return r;
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int calls = 5000, clients = 4;
    const QStringList args = app.arguments();
    for (qsizetype i = 1; i + 1 < args.size(); i += 2) {
        if (args[i] == u"--calls")
            calls = args[i + 1].toInt();
        else if (args[i] == u"--clients")
            clients = args[i + 1].toInt();
    }
    if (calls <= 0 || clients <= 0) {
        std::fprintf(stderr, "usage: bench_remote [--calls N] [--clients C]\n");
        return 2;
    }

    const Run baseline = run(calls, clients, false);
    printFigure({{QStringLiteral("figure"), QStringLiteral("baseline: calls to a remote server, no trace feed")},
                 {QStringLiteral("calls"), calls},
                 {QStringLiteral("clients"), clients},
                 {QStringLiteral("seconds"), baseline.seconds},
                 {QStringLiteral("calls_per_s"), baseline.callsPerSecond}});

    const Run fed = run(calls, clients, true);
    printFigure({{QStringLiteral("figure"), QStringLiteral("the same calls while the window reads the server's trace")},
                 {QStringLiteral("seconds"), fed.seconds},
                 {QStringLiteral("calls_per_s"), fed.callsPerSecond},
                 {QStringLiteral("ratio_to_baseline"), fed.callsPerSecond / baseline.callsPerSecond}});
    printFigure({{QStringLiteral("figure"), QStringLiteral("trace feed")},
                 {QStringLiteral("pulls"), qint64(fed.feed.pulls)},
                 {QStringLiteral("failed_pulls"), qint64(fed.feed.failedPulls)},
                 {QStringLiteral("server_events"), qint64(fed.feed.events)},
                 {QStringLiteral("server_events_per_s"), double(fed.feed.events) / fed.seconds},
                 {QStringLiteral("missed"), qint64(fed.feed.missed)},
                 {QStringLiteral("clock_bound_us"), fed.offsetBoundUs},
                 {QStringLiteral("clock_samples"), qint64(fed.clockSamples)}});
    printFigure({{QStringLiteral("figure"), QStringLiteral("lag of the merged trace behind real time")},
                 {QStringLiteral("frames"), qint64(fed.lagMs.size())},
                 {QStringLiteral("median_ms"), percentile(fed.lagMs, 0.5)},
                 {QStringLiteral("p99_ms"), percentile(fed.lagMs, 0.99)},
                 {QStringLiteral("baseline_median_ms"), percentile(baseline.lagMs, 0.5)}});
    return fed.feed.missed == 0 && fed.feed.events > 0 ? 0 : 1;
}
