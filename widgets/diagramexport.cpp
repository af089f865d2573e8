#include "diagramexport.h"

#include "sequencediagramview.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QScrollBar>
#include <QSvgGenerator>

#include <algorithm>

namespace rpcscope::widgets {

std::optional<DiagramFormat> diagramFormatFromName(QStringView name)
{
    if (name.compare(u"svg", Qt::CaseInsensitive) == 0)
        return DiagramFormat::Svg;
    if (name.compare(u"png", Qt::CaseInsensitive) == 0)
        return DiagramFormat::Png;
    if (name.compare(u"pdf", Qt::CaseInsensitive) == 0)
        return DiagramFormat::Pdf;
    return std::nullopt;
}

bool exportDiagram(const DiagramExport &what, DiagramFormat format, const QString &path, QString *error)
{
    if (!what.log) {
        *error = QStringLiteral("nothing to draw");
        return false;
    }
    // A call alone is drawn from a trace of its own events, so nothing else
    // crosses its lanes; its time range is its own.
    const trace::TraceLog *log = what.log;
    trace::TraceLog callEvents;
    std::optional<core::TimePoint> callStart;
    QString subtitle = what.subtitle;
    if (what.call) {
        const trace::TraceLog::View all = what.log->view();
        for (qsizetype i = 0; i < all.size(); ++i) {
            const trace::Event &e = all.at(i);
            if (e.client == what.call->first && e.callId == what.call->second)
                callEvents.record(e);
        }
        if (callEvents.size() == 0) {
            *error = QStringLiteral("no events of call %1:%2").arg(what.call->first).arg(what.call->second);
            return false;
        }
        log = &callEvents;
        callStart = callEvents.view().at(0).time();
        const QString which = QCoreApplication::translate("rpcscope::widgets::DiagramExport", "client %1 · call %2")
                                  .arg(what.call->first)
                                  .arg(what.call->second);
        subtitle = subtitle.isEmpty() ? which : subtitle + QStringLiteral(" · ") + which;
    }
    const trace::TraceLog::View view = log->view();
    const core::TimePoint end = view.isEmpty() ? core::TimePoint(0) : view.at(view.size() - 1).time();
    const core::TimePoint from =
        std::clamp(what.from.value_or(callStart.value_or(core::TimePoint(0))), core::TimePoint(0), end);
    const core::TimePoint to = std::clamp(what.to.value_or(end), from, end);
    const double ms = std::max(1.0, double((to - from).count()) / 1000.0);

    // A figure-sized range at the window's own scale; a long one squeezed
    // into a tall page, where it is drawn as density like a zoomed-out view.
    constexpr int kChrome = 56 + 24 + 80; // lane titles, top padding, room below
    const int height = int(std::clamp(ms * 1.6 + kChrome, 600.0, 16'000.0));
    const int width = std::clamp(what.width, 600, 8'000);

    SequenceDiagramView diagram;
    diagram.setAttribute(Qt::WA_DontShowOnScreen);
    diagram.setFrameShape(QFrame::NoFrame);
    diagram.setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    diagram.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    diagram.resize(width, height);
    diagram.show(); // lays out the viewport at the size asked for
    diagram.setLog(log, what.clients);
    diagram.setCaption(what.title, subtitle);
    diagram.setFollowLive(false);
    diagram.refresh(end);
    diagram.setPixelsPerMs(double(height - kChrome) / ms);
    diagram.verticalScrollBar()->setValue(int(double(from.count()) / 1000.0 * diagram.pixelsPerMs()));
    const QRect target(0, 0, diagram.viewport()->width(), diagram.viewport()->height());

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    switch (format) {
    case DiagramFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(target.size());
        svg.setViewBox(target);
        svg.setTitle(what.title.isEmpty() ? QStringLiteral("RpcScope sequence diagram") : what.title);
        svg.setDescription(subtitle);
        QPainter painter(&svg);
        diagram.render(painter, target);
        break;
    }
    case DiagramFormat::Png: {
        QImage image(target.size() * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2); // sharp on slides and high-density screens
        QPainter painter(&image);
        diagram.render(painter, target);
        painter.end();
        image.save(&buffer, "PNG");
        break;
    }
    case DiagramFormat::Pdf: {
        QPdfWriter pdf(&buffer);
        pdf.setResolution(72);
        pdf.setPageSize(QPageSize(QSizeF(target.size()), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setTitle(what.title);
        pdf.setCreator(QStringLiteral("RpcScope"));
        QPainter painter(&pdf);
        diagram.render(painter, target);
        break;
    }
    }
    buffer.close();

    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(buffer.data()) != buffer.data().size() || !file.commit()) {
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

} // namespace rpcscope::widgets
