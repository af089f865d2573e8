// Capture files: bytes per event on disk and write speed of the incremental
// CaptureWriter, then the time to open the capture into a trace and paint
// the first frame of the sequence diagram over it. Baselines in the same
// run: the raw 32-byte events copied into one buffer and written with one
// call, and that raw file read back into a trace.
// Each is measured `runs` times and the best run is printed, so a busy
// machine disturbs the figures less.
//   bench_capture [--events N] [--runs R]
#include "benchfigures.h"
#include "capture/capturereader.h"
#include "capture/capturewriter.h"
#include "run/simnetwork.h"
#include "sequencediagramview.h"
#include "session/scenario.h"
#include "session/summary.h"
#include "trace/tracelog.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>

using namespace rpcscope;
using bench::printFigure;

namespace {

double elapsedMs(const QElapsedTimer &timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// 20 clients with back-off at 10 % loss each way: every kind of event a
// capture holds in bulk (sends, deliveries, losses, timeouts, retransmits,
// acks, cache evictions), interleaved across clients.
session::SessionConfig lossyManyClients(int calls)
{
    session::SessionConfig c;
    session::findScenario(u"many-clients")->apply(c);
    c.calls = calls;
    c.toServer.loss = c.toClient.loss = 0.1;
    return c;
}

} // namespace

int main(int argc, char *argv[])
{
    // Measures painting, not a display: offscreen unless told otherwise.
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    qint64 wanted = 1'000'000;
    const QStringList args = app.arguments();
    if (const auto i = args.indexOf(QStringLiteral("--events")); i >= 0 && i + 1 < args.size())
        wanted = args.at(i + 1).toLongLong();
    int runs = 3;
    if (const auto i = args.indexOf(QStringLiteral("--runs")); i >= 0 && i + 1 < args.size())
        runs = args.at(i + 1).toInt();
    if (wanted <= 0 || wanted > 100'000'000 || runs <= 0) {
        std::fprintf(stderr, "bench_capture: --events needs a number from 1 to 100000000, --runs a positive one\n");
        return 2;
    }
    QTemporaryDir dir;
    if (!dir.isValid()) {
        std::fprintf(stderr, "bench_capture: no temporary directory: %s\n", qPrintable(dir.errorString()));
        return 1;
    }

    // The session, cut at exactly `wanted` events (about 9.5 a call at this
    // loss, so the calls asked for are more than enough).
    const session::SessionConfig config = lossyManyClients(int(wanted / 6 + 100));
    trace::TraceLog log;
    session::SimNetwork sim(config, &log);
    while (log.size() < wanted && sim.step()) {
    }
    const trace::TraceLog::View all = log.view();
    const qsizetype events = std::min<qsizetype>(all.size(), qsizetype(wanted));
    if (events == 0)
        return 1;
    session::SummaryBuilder summaryBuilder;
    for (qsizetype i = 0; i < events; ++i)
        summaryBuilder.record(all.at(i));
    const session::Summary summary = summaryBuilder.finish();

    const QString rawPath = dir.filePath(QStringLiteral("events.raw"));
    const QString capturePath = dir.filePath(QStringLiteral("session.rpcscope"));
    const capture::CaptureInfo info{true, config.clients};
    QString error;

    // Baseline write: the events as they are in memory, one write call.
    const auto writeRaw = [&] {
        QElapsedTimer timer;
        timer.start();
        QByteArray raw(events * qsizetype(sizeof(trace::Event)), Qt::Uninitialized);
        char *to = raw.data();
        for (qsizetype i = 0; i < events; ++i, to += sizeof(trace::Event))
            std::memcpy(to, &all.at(i), sizeof(trace::Event));
        QFile file(rawPath);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(raw) != raw.size()) {
            error = QStringLiteral("cannot write %1: %2").arg(rawPath, file.errorString());
            return -1.0;
        }
        file.close();
        return elapsedMs(timer);
    };
    // The capture, written the way a running session writes it: event by
    // event, a chunk flushed to the file every kChunkEvents.
    const auto writeCapture = [&] {
        QElapsedTimer timer;
        timer.start();
        capture::CaptureWriter writer;
        if (!writer.open(capturePath, config, info, &error))
            return -1.0;
        for (qsizetype i = 0; i < events; ++i)
            writer.record(all.at(i));
        if (!writer.finish(summary, &error))
            return -1.0;
        return elapsedMs(timer);
    };
    // Baseline open: the raw file read back into a trace, no decoding.
    const auto openRaw = [&] {
        QElapsedTimer timer;
        timer.start();
        trace::TraceLog rawLoaded;
        QFile file(rawPath);
        if (!file.open(QIODevice::ReadOnly)) {
            error = QStringLiteral("cannot open %1: %2").arg(rawPath, file.errorString());
            return -1.0;
        }
        // Block by block into one buffer, as the reader takes a record at a
        // time: reading all 32 bytes per event into fresh memory at once would
        // mostly measure page faults.
        QByteArray block(capture::kChunkEvents * qsizetype(sizeof(trace::Event)), Qt::Uninitialized);
        trace::Event e;
        for (qint64 got; (got = file.read(block.data(), block.size())) > 0;) {
            for (qsizetype at = 0; at + qsizetype(sizeof e) <= got; at += sizeof e) {
                std::memcpy(&e, block.constData() + at, sizeof e);
                rawLoaded.record(e);
            }
        }
        return elapsedMs(timer);
    };

    // Opening the capture, then the first frame of the diagram over it: the
    // whole session, as the window shows a capture it opens (the window is
    // already up, as when a file is opened from the menu).
    widgets::SequenceDiagramView view;
    view.resize(1200, 900);
    view.show();
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
    std::unique_ptr<trace::TraceLog> loaded;
    capture::LoadedCapture capture;
    capture::LoadStatus status = capture::LoadStatus::NotACapture;
    struct OpenTimes
    {
        double loadMs = 0, firstFrameMs = 0;
    };
    const auto openCapture = [&] {
        view.setLog(nullptr, 1);
        loaded.reset();
        QElapsedTimer timer;
        timer.start();
        loaded = std::make_unique<trace::TraceLog>();
        status = capture::loadCapture(capturePath, *loaded, capture, &error);
        OpenTimes t;
        t.loadMs = elapsedMs(timer);
        timer.restart();
        view.setLog(loaded.get(), capture.config.clients);
        view.refresh(loaded->size() > 0 ? loaded->view().at(loaded->size() - 1).time() : core::TimePoint(0));
        view.fitToSession(); // what the window does with a capture it opens
        QPainter p(&image);
        view.render(p, image.rect());
        t.firstFrameMs = elapsedMs(timer);
        return t;
    };

    double rawWriteMs = 0, writeMs = 0, rawOpenMs = 0, firstWriteMs = 0;
    // The first run is also what a person sees opening a file in a fresh
    // process, before the allocator has memory to hand back.
    OpenTimes open, firstOpen;
    for (int run = 0; run < runs; ++run) {
        const double rawWrite = writeRaw(), write = writeCapture(), rawOpen = openRaw();
        if (rawWrite < 0 || write < 0 || rawOpen < 0) {
            std::fprintf(stderr, "bench_capture: %s\n", qPrintable(error));
            return 1;
        }
        const OpenTimes o = openCapture();
        const bool first = run == 0;
        if (first) {
            firstWriteMs = write;
            firstOpen = o;
        }
        rawWriteMs = first ? rawWrite : std::min(rawWriteMs, rawWrite);
        writeMs = first ? write : std::min(writeMs, write);
        rawOpenMs = first ? rawOpen : std::min(rawOpenMs, rawOpen);
        open.loadMs = first ? o.loadMs : std::min(open.loadMs, o.loadMs);
        open.firstFrameMs = first ? o.firstFrameMs : std::min(open.firstFrameMs, o.firstFrameMs);
    }

    const qint64 rawBytes = QFileInfo(rawPath).size();
    const qint64 captureBytes = QFileInfo(capturePath).size();
    // What the file holds besides the chunks: signature, header and footer.
    const qint64 fixedBytes =
        qint64(sizeof capture::kMagic)
        + qint64(capture::frameRecord(capture::RecordType::Header, capture::makeHeader(config, info)).size())
        + qint64(capture::frameRecord(capture::RecordType::Footer,
                                      capture::makeFooter(std::uint64_t(events), all.at(events - 1).timeUs, summary))
                     .size());

    printFigure({{"bench", "capture-size"},
                 {"events", qint64(events)},
                 {"file_bytes", captureBytes},
                 {"bytes_per_event", double(captureBytes) / double(events)},
                 {"chunk_bytes_per_event", double(captureBytes - fixedBytes) / double(events)},
                 {"header_and_footer_bytes", fixedBytes},
                 {"aim_bytes_per_event", 12},
                 {"baseline", "raw 32-byte events"},
                 {"baseline_bytes_per_event", double(rawBytes) / double(events)},
                 {"ratio_to_baseline", double(captureBytes) / double(rawBytes)}});
    const double writeSeconds = writeMs / 1000, rawWriteSeconds = rawWriteMs / 1000;
    printFigure({{"bench", "capture-write"},
                 {"events", qint64(events)},
                 {"runs", runs},
                 {"ms", writeMs},
                 {"first_run_ms", firstWriteMs},
                 {"events_per_sec", double(events) / writeSeconds},
                 {"file_mb_per_sec", double(captureBytes) / 1e6 / writeSeconds},
                 {"event_mb_per_sec", double(events) * sizeof(trace::Event) / 1e6 / writeSeconds},
                 {"baseline", "memcpy raw events into one buffer, one QFile write"},
                 {"baseline_ms", rawWriteMs},
                 {"baseline_events_per_sec", double(events) / rawWriteSeconds},
                 {"baseline_mb_per_sec", double(rawBytes) / 1e6 / rawWriteSeconds},
                 {"speed_ratio_to_baseline", rawWriteMs / writeMs}});
    printFigure({{"bench", "capture-open"},
                 {"events", qint64(capture.events)},
                 {"runs", runs},
                 {"load_ms", open.loadMs},
                 {"first_frame_ms", open.firstFrameMs},
                 {"events_in_first_frame", qint64(view.lastFrame().eventsVisited)},
                 {"first_frame_summarised", view.lastFrame().summarised},
                 {"open_and_show_ms", open.loadMs + open.firstFrameMs},
                 {"first_run_load_ms", firstOpen.loadMs},
                 {"first_run_open_and_show_ms", firstOpen.loadMs + firstOpen.firstFrameMs},
                 {"aim_ms", 1000},
                 {"baseline", "raw 32-byte events read into a trace in 128 KiB blocks"},
                 {"baseline_ms", rawOpenMs},
                 {"speed_ratio_to_baseline", rawOpenMs / open.loadMs}});

    // The figures are only worth printing if the capture holds what was written.
    if (status != capture::LoadStatus::Complete || loaded->size() != events) {
        std::fprintf(stderr, "bench_capture: the capture loaded %lld of %lld events: %s\n",
                     static_cast<long long>(loaded->size()), static_cast<long long>(events),
                     qPrintable(capture.stopped.isEmpty() ? error : capture.stopped));
        return 1;
    }
    const trace::TraceLog::View back = loaded->view();
    for (qsizetype i = 0; i < events; ++i)
        if (!(back.at(i) == all.at(i))) {
            std::fprintf(stderr, "bench_capture: event %lld differs after the round trip\n",
                         static_cast<long long>(i));
            return 1;
        }
    view.setLog(nullptr, 1);
    return 0;
}
