#include "diagramexport.h"

#include "export/savefile.h"
#include "painter.h"
#include "scene.h"
#include "tikzexport.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>

#include <algorithm>

namespace rpcscope::diagram {

std::optional<DiagramFormat> diagramFormatFromName(QStringView name)
{
    if (name.compare(u"svg", Qt::CaseInsensitive) == 0)
        return DiagramFormat::Svg;
    if (name.compare(u"png", Qt::CaseInsensitive) == 0)
        return DiagramFormat::Png;
    if (name.compare(u"pdf", Qt::CaseInsensitive) == 0)
        return DiagramFormat::Pdf;
    if (name.compare(u"tikz", Qt::CaseInsensitive) == 0 || name.compare(u"tex", Qt::CaseInsensitive) == 0)
        return DiagramFormat::Tikz;
    return std::nullopt;
}

namespace {

// A figure-sized range at the window's own scale; a long one squeezed into
// a tall page, where it is drawn as bands like a zoomed-out view.
Geometry fitted(const DiagramExport &what, core::TimePoint from, core::TimePoint to)
{
    Geometry g;
    g.clients = std::max(1, what.clients);
    g.tracks = what.tracks ? 4 : 0;
    g.width = std::clamp(what.width, 600, 8'000) + g.tracks * g.trackWidth();
    const double ms = std::max(1.0, double((to - from).count()) / 1000.0);
    const double chrome = g.header() + g.topPad() + g.bottomPad();
    g.height = std::clamp(ms * 1.6 + chrome, 600.0, 16'000.0);
    g.pixelsPerMs = (g.height - chrome) / ms;
    g.scroll = double(from.count()) / 1000.0 * g.pixelsPerMs;
    return g;
}

} // namespace

std::pair<core::TimePoint, core::TimePoint> exportRange(const DiagramExport &what, const trace::TraceLog::View &view)
{
    std::optional<core::TimePoint> first, last;
    for (qsizetype i = 0; i < view.size(); ++i) {
        const trace::Event &e = view.at(i);
        if (what.call && (e.client != what.call->first || e.callId != what.call->second))
            continue;
        if (!first)
            first = e.time();
        last = e.time();
    }
    const core::TimePoint start = what.call ? first.value_or(core::TimePoint(0)) : core::TimePoint(0);
    const core::TimePoint end = last.value_or(core::TimePoint(0));
    const core::TimePoint from = std::clamp(what.from.value_or(start), core::TimePoint(0), end);
    return {from, std::clamp(what.to.value_or(end), from, end)};
}

Geometry exportGeometry(const DiagramExport &what, const trace::TraceLog &log)
{
    if (what.geometry)
        return *what.geometry;
    const auto [from, to] = exportRange(what, log.view());
    return fitted(what, from, to);
}

std::optional<ExportFrame> exportFrame(const DiagramExport &what, QString *error)
{
    if (!what.log) {
        *error = QStringLiteral("nothing to draw");
        return std::nullopt;
    }
    ExportFrame out;
    // A call alone is drawn from a trace of its own events, so nothing else
    // crosses its lanes; its time range is its own.
    const trace::TraceLog *log = what.log;
    out.subtitle = what.subtitle;
    if (what.call) {
        const trace::TraceLog::View all = what.log->view();
        out.callEvents = std::make_shared<trace::TraceLog>();
        for (qsizetype i = 0; i < all.size(); ++i) {
            const trace::Event &e = all.at(i);
            if (e.client == what.call->first && e.callId == what.call->second)
                out.callEvents->record(e);
        }
        if (out.callEvents->size() == 0) {
            *error = QStringLiteral("no events of call %1:%2").arg(what.call->first).arg(what.call->second);
            return std::nullopt;
        }
        log = out.callEvents.get();
        const QString which = QCoreApplication::translate("rpcscope::diagram::DiagramExport", "client %1 · call %2")
                                  .arg(what.call->first)
                                  .arg(what.call->second);
        out.subtitle = out.subtitle.isEmpty() ? which : out.subtitle + QStringLiteral(" · ") + which;
    }
    out.geometry = exportGeometry(what, *log);
    TraceDigest digest;
    SceneInput in;
    in.view = log->view();
    digest.update(in.view);
    in.digest = &digest;
    in.geometry = out.geometry;
    in.now = what.now.value_or(digest.lastEvent()); // by default everything has happened: every fate shows
    in.selectedCall = what.call ? std::nullopt : what.selectedCall;
    in.adaptive = what.adaptive;
    in.font = diagramFont(QGuiApplication::font(), out.geometry.scale);
    out.font = in.font;
    out.frame = SceneBuilder::build(in);
    return out;
}

bool exportDiagram(const DiagramExport &what, DiagramFormat format, const QString &path, QString *error)
{
    const std::optional<ExportFrame> made = exportFrame(what, error);
    if (!made)
        return false;
    const Frame &frame = made->frame;
    const Geometry &g = made->geometry;
    const QString &subtitle = made->subtitle;
    PaintStyle style;
    style.font = made->font;
    style.showNow = false;
    style.legend = what.legend;
    style.title = what.title;
    style.subtitle = subtitle;
    const QSize size(int(std::ceil(g.width)), int(std::ceil(g.height)));

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    switch (format) {
    case DiagramFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(what.title.isEmpty() ? QStringLiteral("RpcScope sequence diagram") : what.title);
        svg.setDescription(subtitle);
        QPainter painter(&svg);
        paintFrame(painter, frame, g, style);
        break;
    }
    case DiagramFormat::Png: {
        QImage image(size * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2); // sharp on slides and high-density screens
        QPainter painter(&image);
        paintFrame(painter, frame, g, style);
        painter.end();
        image.save(&buffer, "PNG");
        break;
    }
    case DiagramFormat::Pdf: {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(what.title);
        pdf.setCreator(QStringLiteral("RpcScope"));
        QPainter painter(&pdf);
        paintFrame(painter, frame, g, style);
        break;
    }
    case DiagramFormat::Tikz: {
        TikzOptions tikz;
        tikz.title = what.title;
        tikz.subtitle = subtitle;
        tikz.legend = what.legend;
        buffer.write(tikzDiagram(*made, tikz));
        break;
    }
    }
    buffer.close();

    return exporting::saveWhole(path, buffer.data(), error);
}

} // namespace rpcscope::diagram
