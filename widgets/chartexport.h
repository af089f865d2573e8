#pragma once

#include <QList>
#include <QSize>
#include <QString>

#include <optional>

class QChart;

namespace rpcscope::widgets {

enum class ChartFormat { Png, Svg };

// "png", "svg", "chart-png", "chart-svg" (case-insensitive), or a file name's suffix.
std::optional<ChartFormat> chartFormatFromName(QStringView name);

// A chart's size in a picture, in logical pixels: wide enough for its legend
// beside the plot, and the proportions of a slide's half.
inline constexpr QSize kChartExportSize{1000, 560};

// Draws `charts` one under another, each `size` large, the way they look on
// screen (theme, legend, axes), into a PNG at twice the pixel density or an
// SVG, and writes the file through QSaveFile. The charts keep their own
// size afterwards. Needs a QApplication (any platform, offscreen included).
bool exportCharts(const QList<QChart *> &charts, ChartFormat format, const QString &path, QString *error,
                  QSize size = kChartExportSize);

} // namespace rpcscope::widgets
