#include "chartexport.h"

#include "export/savefile.h"

#include <QBuffer>
#include <QChart>
#include <QCoreApplication>
#include <QGraphicsLayout>
#include <QGraphicsScene>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

#include <memory>

namespace rpcscope::widgets {

namespace {

// Draws `chart` into `target` at that size. A chart lays itself out on a
// resize (axes, legend, plot area); the layout is run at once so the picture
// shows the new size, and once more after the old size is back.
void renderChart(QChart *chart, QPainter &painter, const QRectF &target)
{
    std::unique_ptr<QGraphicsScene> ownScene;
    QGraphicsScene *scene = chart->scene();
    if (!scene) {
        ownScene = std::make_unique<QGraphicsScene>();
        ownScene->addItem(chart);
        scene = ownScene.get();
    }
    const QSizeF oldSize = chart->size();
    const auto layOut = [chart] {
        if (QGraphicsLayout *layout = chart->layout())
            layout->activate();
        QCoreApplication::sendPostedEvents(chart, QEvent::LayoutRequest);
    };
    chart->resize(target.size());
    layOut();
    scene->render(&painter, target, chart->sceneBoundingRect());
    chart->resize(oldSize);
    layOut();
    if (ownScene)
        ownScene->removeItem(chart); // the chart stays its owner's
}

} // namespace

std::optional<ChartFormat> chartFormatFromName(QStringView name)
{
    if (name.startsWith(u"chart-", Qt::CaseInsensitive))
        name = name.mid(6);
    if (name.compare(u"png", Qt::CaseInsensitive) == 0)
        return ChartFormat::Png;
    if (name.compare(u"svg", Qt::CaseInsensitive) == 0)
        return ChartFormat::Svg;
    return std::nullopt;
}

bool exportCharts(const QList<QChart *> &charts, ChartFormat format, const QString &path, QString *error, QSize size)
{
    if (charts.isEmpty()) {
        *error = QStringLiteral("no chart to draw");
        return false;
    }
    const QSize whole(size.width(), size.height() * int(charts.size()));
    const auto drawAll = [&](QPainter &painter) {
        painter.setRenderHint(QPainter::Antialiasing);
        for (qsizetype i = 0; i < charts.size(); ++i)
            renderChart(charts[i], painter, QRectF(QPointF(0, double(size.height()) * double(i)), QSizeF(size)));
    };

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    switch (format) {
    case ChartFormat::Svg: {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(whole);
        svg.setViewBox(QRect(QPoint(0, 0), whole));
        svg.setTitle(charts.size() == 1 ? charts.constFirst()->title() : QStringLiteral("RpcScope charts"));
        QPainter painter(&svg);
        drawAll(painter);
        break;
    }
    case ChartFormat::Png: {
        QImage image(whole * 2, QImage::Format_ARGB32_Premultiplied);
        image.setDevicePixelRatio(2); // sharp on slides and high-density screens
        // What a chart leaves unpainted (its margins, rounded corners) shows
        // its own background; a theme's background is a gradient.
        const QBrush background = charts.constFirst()->backgroundBrush();
        const QGradient *gradient = background.gradient();
        image.fill(gradient && !gradient->stops().isEmpty() ? gradient->stops().constFirst().second
                                                             : background.color());
        QPainter painter(&image);
        drawAll(painter);
        painter.end();
        image.save(&buffer, "PNG");
        break;
    }
    }
    buffer.close();

    return exporting::saveWhole(path, buffer.data(), error);
}

} // namespace rpcscope::widgets
