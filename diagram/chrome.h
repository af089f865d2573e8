#pragma once

#include "geometry.h"
#include "items.h"

#include <QCoreApplication>
#include <QFont>
#include <QPointF>
#include <QRectF>
#include <QString>

#include <optional>
#include <vector>

namespace rpcscope::diagram {

// What surrounds a frame's items — the time ruler, the lane titles, the
// caption and the legend — laid out once and measured with the diagram's
// font, so the painter and the TikZ export put each word in the same place.

// One step of the time ruler: a tick at y, its time right-aligned in `box`.
struct RulerMark
{
    double y = 0;
    QString text;
    QRectF box;
};

struct Ruler
{
    QFont font;
    double tickLeft = 0, tickRight = 0; // where each tick starts and ends
    std::vector<RulerMark> marks;       // the steps in view, top to bottom

    // A step that keeps the times at least 60 px apart.
    static Ruler layout(const Geometry &g, const QFont &font);
};

// A lane's name, centred in white on a dark rounded box.
struct LaneTitle
{
    QRectF box;
    QString text;
};

struct LaneTitles
{
    QFont font;
    std::vector<LaneTitle> titles;

    // Narrow lanes get short names (c7, then 7) and, narrower still, only
    // every n-th client is named.
    static LaneTitles layout(const Geometry &g, const QFont &font);
};

// The title and subtitle at the top left, where the lanes leave room.
struct Caption
{
    QFont titleFont, subtitleFont;
    QRectF titleBox, subtitleBox;
    QString title;    // elided to its box
    QString subtitle; // as many of its " · " parts as fit, word-wrapped in its box

    // None without a title, or without room for one.
    static std::optional<Caption> layout(const Geometry &g, const QFont &font, const QString &title,
                                         const QString &subtitle);
};

enum class LegendGlyph : std::uint8_t {
    Line, Dashed, Flying, Cross, Clock, Timer, PaleTimer, Estimate, Dot, Bar, Held, Badge, Rule, Cut, Band,
};

// One row of the legend: a glyph drawn between `from` and `to` (both at
// the row's middle), its meaning in `textBox`.
struct LegendEntry
{
    LegendGlyph glyph = LegendGlyph::Line;
    Tone tone = Tone::Text;
    QString text;
    double y = 0;   // the row's middle
    double row = 0; // the row's height
    QPointF from, to;
    QRectF textBox;
};

// A key to every mark, in the top right corner of the lanes.
struct Legend
{
    Q_DECLARE_TR_FUNCTIONS(rpcscope::diagram::Legend)

public:
    QFont font;
    QRectF box;
    std::vector<LegendEntry> entries;

    static Legend layout(const Geometry &g, const QFont &font);
};

} // namespace rpcscope::diagram
