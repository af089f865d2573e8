#include "exportcommand.h"

#include "animation.h"
#include "capture/capturereader.h"
#include "chartexport.h"
#include "chartsview.h"
#include "clicommand.h"
#include "diagramexport.h"
#include "export/traceexport.h"
#include "session/scenario.h"
#include "session/sessionoptions.h"
#include "sessionexport.h"
#include "trace/tracelog.h"

#include <QCommandLineParser>
#include <QFileInfo>

#include <cmath>

namespace rpcscope::cli {

namespace {

// The format a file name's suffix implies, by the name --format takes, if any.
QString formatForSuffix(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (const std::optional<diagram::SessionFormat> f = diagram::sessionFormatForSuffix(suffix)) {
        if (f->text)
            return exporting::traceFormatNames().at(int(*f->text));
        if (f->picture == diagram::DiagramFormat::Tikz)
            return QStringLiteral("tikz");
        return suffix;
    }
    if (diagram::animationFormatFromName(suffix))
        return suffix;
    return {};
}

std::optional<core::TimePoint> milliseconds(const QCommandLineParser &parser, const QString &name, QString *error)
{
    if (!parser.isSet(name))
        return std::nullopt;
    // Far beyond any session, and well inside the microseconds a time point counts.
    constexpr double kMaxMs = 1e12;
    double ms = 0;
    if (QString e = session::parseNumber(parser.value(name), 0, kMaxMs, ms); !e.isEmpty()) {
        *error = QStringLiteral("invalid value '%1' for --%2: %3").arg(parser.value(name), name, e);
        return std::nullopt;
    }
    return core::TimePoint(std::llround(ms * 1000.0));
}

} // namespace

int runExport(const QStringList &args)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Exports a capture: its events as CSV or JSON Lines, as a trace for ui.perfetto.dev and chrome://tracing "
        "(.json) or as qlog (.sqlog), its datagrams as a packet capture for Wireshark (.pcapng), its story as a Mermaid or PlantUML sequence diagram, the diagram as drawn by RpcScope as SVG, PNG or PDF or as a TikZ picture in a LaTeX "
        "document, its playback as an animated GIF, MP4 or WebM (those two through ffmpeg) or one PNG per "
        "step, or its charts as PNG or SVG."));
    parser.addHelpOption();
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("csv, jsonl, mermaid, plantuml, perfetto, qlog, pcapng, svg, png, "
                                                   "pdf, tikz, gif, mp4, webm, png-steps, chart-png or chart-svg "
                                                   "[default: from the output's suffix; a chart's with --chart]"),
                                    QStringLiteral("F"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    QStringLiteral("the file to write"), QStringLiteral("OUT"));
    const QCommandLineOption fromMs(QStringLiteral("from-ms"), QStringLiteral("start of the time range"),
                                    QStringLiteral("MS"));
    const QCommandLineOption toMs(QStringLiteral("to-ms"), QStringLiteral("end of the time range"), QStringLiteral("MS"));
    const QCommandLineOption call(QStringLiteral("call"),
                                  QStringLiteral("events and diagram: only this call, as CLIENT:ID (e.g. 1:7)"),
                                  QStringLiteral("CLIENT:ID"));
    const QCommandLineOption width(QStringLiteral("width"),
                                   QStringLiteral("pictures: width in pixels (points for PDF and TikZ) [default: 1400; "
                                                  "charts 1000]"),
                                   QStringLiteral("PX"));
    const QCommandLineOption chart(QStringLiteral("chart"),
                                   QStringLiteral("charts: %1, or all (one under another) [default: all]")
                                       .arg(widgets::ChartsView::chartNames().join(QStringLiteral(", "))),
                                   QStringLiteral("NAME"));
    const QCommandLineOption legend(QStringLiteral("legend"), QStringLiteral("diagram: add a key to every mark"));
    const QCommandLineOption tracks(QStringLiteral("tracks"),
                                    QStringLiteral("diagram: add counter tracks (calls open, sent vs answered, "
                                                   "dropped vs resent, timeout) on the same time axis"));
    const QCommandLineOption fps(QStringLiteral("fps"),
                                 QStringLiteral("animations: frames per second of playback [default: 10]"),
                                 QStringLiteral("N"));
    const QCommandLineOption size(QStringLiteral("size"),
                                  QStringLiteral("animations: frame size in pixels [default: 1920x1080, a 16:9 slide]"),
                                  QStringLiteral("WxH"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   QStringLiteral("animations: virtual time per real time [default: 0.1, slow "
                                                  "motion as in class]"),
                                   QStringLiteral("X"));
    parser.addOptions({format, output, fromMs, toMs, call, width, chart, legend, tracks, fps, size, speed});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("a capture (.rpcscope)"));
    if (!parser.parse(args))
        return usageError(QStringLiteral("export: %1").arg(parser.errorText()));
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        out().flush();
        return ExitOk;
    }
    if (parser.positionalArguments().size() != 1)
        return usageError(QStringLiteral("export: expected one capture file"));
    if (!parser.isSet(output))
        return usageError(QStringLiteral("export: say where to write with -o OUT"));
    const QString in = parser.positionalArguments().constFirst();
    const QString path = parser.value(output);
    QString kind = parser.isSet(format) ? parser.value(format).toLower() : formatForSuffix(path);
    // --chart asks for a chart: the suffix then says which picture format.
    if (parser.isSet(chart) && !parser.isSet(format) && (kind == u"png" || kind == u"svg"))
        kind = QStringLiteral("chart-") + kind;
    const bool isChart = kind.startsWith(u"chart-");
    const std::optional<widgets::ChartFormat> chartPicture =
        isChart ? widgets::chartFormatFromName(kind) : std::nullopt;
    const std::optional<diagram::SessionFormat> sessionFormat =
        isChart ? std::nullopt : diagram::sessionFormatFromName(kind);
    const std::optional<diagram::AnimationFormat> animation = diagram::animationFormatFromName(kind);
    const bool pcapng = sessionFormat && sessionFormat->pcapng;
    if (!sessionFormat && !chartPicture && !animation)
        return usageError(parser.isSet(format)
                              ? QStringLiteral("export: unknown format '%1': expected csv, jsonl, mermaid, plantuml, "
                                               "perfetto, qlog, pcapng, svg, png, pdf, tikz, gif, mp4, webm, "
                                               "png-steps, chart-png or chart-svg")
                                    .arg(parser.value(format))
                              : QStringLiteral("export: cannot tell the format from '%1': give --format").arg(path));
    QStringList charts;
    if (parser.isSet(chart)) {
        if (!chartPicture)
            return usageError(QStringLiteral("export: --chart needs a chart format (chart-png or chart-svg), not '%1'")
                                  .arg(kind));
        const QString name = parser.value(chart);
        if (name != u"all" && !widgets::ChartsView::chartNames().contains(name))
            return usageError(QStringLiteral("export: unknown chart '%1': expected %2 or all")
                                  .arg(name, widgets::ChartsView::chartNames().join(QStringLiteral(", "))));
        if (name != u"all")
            charts << name;
    }
    if (chartPicture && parser.isSet(call))
        return usageError(QStringLiteral("export: --call does not apply to charts, which count every call"));
    if (pcapng && parser.isSet(call))
        return usageError(QStringLiteral("export: --call does not apply to a packet capture, which holds every "
                                         "datagram (Wireshark's filter rpcscope.call == ID picks one call)"));

    exporting::ExportRange range;
    QString error;
    range.from = milliseconds(parser, QStringLiteral("from-ms"), &error);
    range.to = milliseconds(parser, QStringLiteral("to-ms"), &error);
    if (!error.isEmpty())
        return usageError(QStringLiteral("export: %1").arg(error));
    if (range.from && range.to && *range.to < *range.from)
        return usageError(QStringLiteral("export: --to-ms is before --from-ms"));
    if (parser.isSet(call)) {
        const QStringList parts = parser.value(call).split(u':');
        bool okHost = false, okCall = false;
        const uint host = parts.size() == 2 ? parts[0].toUInt(&okHost) : 0;
        const uint id = parts.size() == 2 ? parts[1].toUInt(&okCall) : 0;
        if (!okHost || !okCall || host == 0 || host > 0xffff)
            return usageError(QStringLiteral("export: invalid value '%1' for --call: expected CLIENT:ID, as in 1:7")
                                  .arg(parser.value(call)));
        range.call = std::pair{core::HostId(host), std::uint32_t(id)};
    }
    if (!animation) {
        for (const QCommandLineOption *o : {&fps, &size, &speed})
            if (parser.isSet(*o))
                return usageError(QStringLiteral("export: --%1 is for animations (gif, mp4, webm, png-steps)")
                                      .arg(o->names().constFirst()));
    } else if (parser.isSet(width)) {
        return usageError(QStringLiteral("export: --width is for pictures; an animation's frames take --size WxH"));
    } else if (parser.isSet(tracks)) {
        return usageError(QStringLiteral("export: --tracks is for pictures; an animation's slide has no room for them"));
    }
    diagram::AnimationExport movie;
    if (parser.isSet(fps)) {
        bool ok = false;
        movie.fps = parser.value(fps).toInt(&ok);
        if (!ok || movie.fps < 1 || movie.fps > 50)
            return usageError(
                QStringLiteral("export: invalid value '%1' for --fps: expected 1 to 50").arg(parser.value(fps)));
    }
    if (parser.isSet(size)) {
        const QStringList wh = parser.value(size).toLower().split(u'x');
        bool okW = false, okH = false;
        const int w = wh.size() == 2 ? wh[0].toInt(&okW) : 0;
        const int h = wh.size() == 2 ? wh[1].toInt(&okH) : 0;
        if (!okW || !okH || w < 320 || h < 180 || w > 7680 || h > 4320)
            return usageError(QStringLiteral("export: invalid value '%1' for --size: expected WIDTHxHEIGHT from "
                                             "320x180 to 7680x4320, as in 1920x1080")
                                  .arg(parser.value(size)));
        movie.size = QSize(w, h);
    }
    if (parser.isSet(speed)) {
        if (QString e = session::parseNumber(parser.value(speed), 0.001, 1000, movie.speed); !e.isEmpty())
            return usageError(QStringLiteral("export: invalid value '%1' for --speed: %2").arg(parser.value(speed), e));
    }
    int pixels = chartPicture ? widgets::kChartExportSize.width() : 1400;
    if (parser.isSet(width)) {
        bool ok = false;
        pixels = parser.value(width).toInt(&ok);
        if (!ok || pixels < 600 || pixels > 8000)
            return usageError(QStringLiteral("export: invalid value '%1' for --width: expected 600 to 8000")
                                  .arg(parser.value(width)));
    }

    trace::TraceLog log;
    capture::LoadedCapture loaded;
    const capture::LoadStatus status = capture::loadCapture(in, log, loaded, &error);
    if (status == capture::LoadStatus::NotACapture) {
        err() << "rpcscope-cli export: " << in << ": " << error << '\n';
        err().flush();
        return ExitFailure;
    }
    if (status == capture::LoadStatus::Partial) {
        err() << "rpcscope-cli export: " << in << ": " << loaded.stopped << "; exporting the " << loaded.events
              << " events before that\n";
        err().flush();
    }

    bool written = false;
    const session::Scenario *scenario = session::findScenario(loaded.config.scenario);
    const QString whyNotRerun = loaded.whyNotRerun();
    if (pcapng) {
        // The trace keeps no datagram bytes: a simulated session is run
        // again, event for event, to capture them.
        if (!whyNotRerun.isEmpty()) {
            err() << "rpcscope-cli export: " << in << ": a packet capture needs the datagrams' bytes, which the "
                  << "trace does not keep, and this session cannot be run again to get them: " << whyNotRerun << '\n';
            err().flush();
            return ExitFailure;
        }
    }
    // The diagram as pictures and animations draw it (an animation was
    // refused --width and --tracks above, so they keep their defaults there).
    diagram::DiagramExport drawing;
    drawing.log = &log;
    drawing.clients = loaded.config.clients;
    drawing.title = scenario ? scenario->displayTitle() : loaded.config.scenario;
    drawing.subtitle = QStringLiteral("seed %1 · %2").arg(loaded.config.seed).arg(QFileInfo(in).fileName());
    drawing.from = range.from;
    drawing.to = range.to;
    drawing.call = range.call;
    drawing.width = pixels;
    drawing.legend = parser.isSet(legend);
    drawing.tracks = parser.isSet(tracks);
    drawing.adaptive = loaded.config.retry.backoff == core::Backoff::Adaptive;
    if (sessionFormat) {
        diagram::SessionExport session;
        session.drawing = drawing;
        session.start = loaded.config;
        session.changes = loaded.changes;
        session.canRunAgain = whyNotRerun.isEmpty();
        written = diagram::exportSession(session, *sessionFormat, path, &error);
    } else if (animation) {
        movie.diagram = drawing;
        const bool progress = stderrIsTerminal();
        written = diagram::exportAnimation(movie, *animation, path, &error, [progress](int done, int total) {
            if (progress) {
                err() << "\rframe " << done << " of " << total << (done == total ? "\n" : "");
                err().flush();
            }
            return true;
        });
    } else if (chartPicture) {
        // The charts the window's dock draws, over the whole capture or the range given.
        widgets::ChartsView view;
        view.setLog(&log);
        view.refresh(log.view());
        if (range.from || range.to) {
            const trace::TraceLog::View events = log.view();
            const core::TimePoint end = events.isEmpty() ? core::TimePoint(0) : events.at(events.size() - 1).time();
            view.setTimeRange(range.from.value_or(core::TimePoint(0)), range.to.value_or(end));
        }
        view.flush();
        QSize size = widgets::kChartExportSize;
        size.setHeight(size.height() * pixels / size.width());
        size.setWidth(pixels);
        written = view.exportCharts(path, charts, &error, chartPicture, size);
    }
    if (!written) {
        err() << "rpcscope-cli export: " << error << '\n';
        err().flush();
        return ExitFailure;
    }
    return ExitOk;
}

} // namespace rpcscope::cli
