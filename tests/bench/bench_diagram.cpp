// Diagram painting cost: one frame with ~1,000,000 events in the trace at
// several zoom levels, with and without the counter tracks, and the frame
// time while a live simulation feeds 100,000 events per second into the
// trace, table and diagram. Baseline in the same run: filling the same
// frame with the background alone.
//   bench_diagram [--events N]
#include "benchfigures.h"
#include "eventtablemodel.h"
#include "run/simnetwork.h"
#include "sequencediagramview.h"
#include "session/scenario.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QScrollBar>

#include <algorithm>
#include <cstdio>

using namespace rpcscope;
using bench::printFigure;

namespace {

session::SessionConfig lossyConfig(int calls)
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
    QApplication app(argc, argv);
    qint64 wanted = 1'000'000;
    const QStringList args = app.arguments();
    if (const auto i = args.indexOf(QStringLiteral("--events")); i >= 0 && i + 1 < args.size())
        wanted = args.at(i + 1).toLongLong();
    if (wanted <= 0) {
        std::fprintf(stderr, "bench_diagram: --events needs a positive number\n");
        return 2;
    }

    // About 9.5 events a call at this loss.
    trace::TraceLog log;
    const session::SessionConfig config = lossyConfig(int(wanted / 9));
    session::SimNetwork sim(config, &log);
    sim.run();

    widgets::SequenceDiagramView view;
    view.resize(1200, 900);
    view.show();
    view.setLog(&log, config.clients);
    view.refresh(sim.now());
    QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);

    // Baseline: the cheapest possible frame of this size.
    QElapsedTimer t;
    t.start();
    const int baselineFrames = 200;
    for (int i = 0; i < baselineFrames; ++i) {
        QPainter p(&image);
        p.fillRect(image.rect(), Qt::white);
    }
    const double baselineMs = double(t.nsecsElapsed()) / 1e6 / baselineFrames;

    const double sessionMs = double(sim.now().count()) / 1000.0;
    // Each zoom without and with the counter tracks, which read every event
    // in view (sampled beyond 40,000) and the digest's checkpoints.
    for (const bool tracks : {false, true})
    for (const double visibleMs : {sessionMs, sessionMs / 10, 2000.0, 200.0, 20.0}) {
        view.setCounterTracks(tracks);
        view.setPixelsPerMs((900.0 - 100) / visibleMs);
        view.setFollowLive(false);
        view.verticalScrollBar()->setValue(view.verticalScrollBar()->maximum() / 2);
        double worst = 0, total = 0;
        const int frames = 20;
        for (int i = 0; i < frames; ++i) {
            t.restart();
            QPainter p(&image);
            view.render(p, image.rect());
            const double ms = double(t.nsecsElapsed()) / 1e6;
            total += ms;
            worst = std::max(worst, ms);
        }
        printFigure({{"bench", "diagram-frame"}, {"events", qint64(log.size())}, {"visible_ms", visibleMs},
                     {"counter_tracks", tracks},
                     {"events_in_view", qint64(view.lastFrame().eventsVisited)},
                     {"summarised", view.lastFrame().summarised}, {"mean_ms", total / frames},
                     {"max_ms", worst}, {"baseline_fill_ms", baselineMs}});
    }

    // Live ingest: 100,000 events a second arrive in 60 frames; each frame
    // takes them into the table and the diagram and paints.
    trace::TraceLog liveLog;
    session::SimNetwork live(lossyConfig(int(wanted / 9)), &liveLog);
    widgets::EventTableModel table;
    table.setLog(&liveLog);
    view.setLog(&liveLog, config.clients);
    view.setPixelsPerMs(1.0);
    const qsizetype perFrame = 100'000 / 60;
    double worst = 0, total = 0;
    int frames = 0;
    qsizetype ingested = 0;
    while (!live.finished() && frames < 600) {
        const qsizetype target = liveLog.size() + perFrame;
        while (liveLog.size() < target && live.step()) {
        }
        t.restart();
        table.refresh();
        view.refresh(live.now());
        QPainter p(&image);
        view.render(p, image.rect());
        const double ms = double(t.nsecsElapsed()) / 1e6;
        total += ms;
        worst = std::max(worst, ms);
        ++frames;
        ingested = liveLog.size();
    }
    printFigure({{"bench", "live-ingest"}, {"events_per_frame", qint64(perFrame)}, {"frames", frames},
                 {"events", qint64(ingested)}, {"mean_frame_ms", total / frames}, {"max_frame_ms", worst},
                 {"events_per_sec_at_60fps", double(perFrame) * 60},
                 {"gui_bytes_per_event_beyond_trace", 0}});
    return 0;
}
