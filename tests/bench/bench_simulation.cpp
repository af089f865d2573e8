// Simulated calls per second with tracing on (window 64, no loss), the
// trace's bytes per event, and peak memory; against a baseline measured in
// the same run: the bare cost of marshaling one call's request and reply
// (encode + checksum + decode, both ways) with no protocol around it.
#include "benchfigures.h"
#include "run/simnetwork.h"
#include "session/sessionconfig.h"
#include "trace/tracelog.h"
#include "wire/bodies.pb.h"
#include "wire/datagram.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

using namespace rpcscope;
using bench::printFigure;

namespace {

// Peak resident memory in MiB; -1 where the system does not say.
double peakRssMiB()
{
    const qint64 kib = bench::memory().peakKiB;
    return kib < 0 ? -1 : double(kib) / 1024.0;
}

// One call's marshaling with nothing else: what any RPC over UDP must pay.
double baselineCallsPerSecond(int calls)
{
    const QByteArray args(32, 'x');
    wire::RequestBody request;
    wire::ReplyBody reply;
    std::uint64_t sink = 0;
    QElapsedTimer timer;
    timer.start();
    for (int i = 1; i <= calls; ++i) {
        request.set_method("echo");
        request.set_args(args.constData(), std::size_t(args.size()));
        const std::string body = request.SerializeAsString();
        wire::Header h;
        h.callId = std::uint32_t(i);
        const QByteArray req = wire::encodeDatagram(h, QByteArrayView(body.data(), qsizetype(body.size())),
                                                    wire::ChecksumKind::Crc32c);
        wire::Decoded d;
        wire::decodeDatagram(req, wire::ChecksumKind::Crc32c, d);
        request.ParseFromArray(d.body.data(), int(d.body.size()));
        reply.set_result(request.args());
        const std::string out = reply.SerializeAsString();
        h.kind = wire::DatagramKind::Reply;
        const QByteArray rep = wire::encodeDatagram(h, QByteArrayView(out.data(), qsizetype(out.size())),
                                                    wire::ChecksumKind::Crc32c);
        wire::decodeDatagram(rep, wire::ChecksumKind::Crc32c, d);
        reply.ParseFromArray(d.body.data(), int(d.body.size()));
        sink += std::uint64_t(reply.result().size());
    }
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    if (sink == 0)
        std::printf("unexpected\n");
    return calls / seconds;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int calls = 1'000'000;
    const QStringList args = app.arguments();
    if (const auto i = args.indexOf(QStringLiteral("--calls")); i >= 0 && i + 1 < args.size())
        calls = args.at(i + 1).toInt();
    if (calls <= 0) {
        std::fprintf(stderr, "bench_simulation: --calls needs a positive number\n");
        return 2;
    }

    const double baseline = baselineCallsPerSecond(calls);

    session::SessionConfig config;
    config.calls = calls;
    config.clients = 1;
    config.window = 64;
    config.service = QStringLiteral("echo");
    config.handlerTime = core::Duration(0);
    config.toServer.delay = config.toClient.delay = core::Duration(100);
    trace::TraceLog log;
    QElapsedTimer timer;
    timer.start();
    session::SimNetwork sim(config, &log);
    sim.run();
    const double seconds = double(timer.nsecsElapsed()) / 1e9;
    const double rate = calls / seconds;

    printFigure({{"bench", "simulate"},
          {"calls", calls},
          {"window", config.window},
          {"tracing", true},
          {"seconds", seconds},
          {"calls_per_sec", rate},
          {"baseline", "marshal-only (encode+crc32c+decode request and reply)"},
          {"baseline_calls_per_sec", baseline},
          {"ratio_to_baseline", rate / baseline},
          {"ended", qint64(sim.callsEnded())}});
    printFigure({{"bench", "trace"},
          {"events", qint64(log.size())},
          {"events_per_call", double(log.size()) / calls},
          {"event_struct_bytes", qint64(sizeof(trace::Event))},
          {"trace_bytes_per_event", double(log.memoryBytes()) / double(log.size())},
          {"peak_rss_mib", peakRssMiB()}});
    return sim.callsEnded() == calls ? 0 : 1;
}
