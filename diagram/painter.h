#pragma once

#include "geometry.h"
#include "items.h"

#include <QColor>
#include <QFont>
#include <QString>

class QPainter;

namespace rpcscope::diagram {

// How a frame looks: the colours of the window's palette (or of paper),
// its font, and what surrounds the items.
struct PaintStyle
{
    QFont font;
    QColor base = Qt::white;
    QColor text = Qt::black;
    QColor highlight = QColor(0x30, 0x8c, 0xc6);
    bool showNow = true; // the playback clock's line; never in exports
    bool legend = false; // a key to every mark, in the top right corner
    QString title;       // shown at the top left, as on a slide
    QString subtitle;    // the settings that shape the story
    bool dark() const { return base.lightness() < 128; }
};

// The colour of a tone on this background. Datagram kinds use Okabe and
// Ito's palette, which stays distinct under the common colour-vision
// deficiencies; their line styles differ too, and every arrow is labelled.
QColor toneColour(Tone tone, const PaintStyle &style);
Qt::PenStyle toneLine(Tone tone);

// Draws a frame: ruler, lanes, items, placed labels, lane titles and the
// caption. QtGui only, so the command line draws without a widget.
void paintFrame(QPainter &painter, const Frame &frame, const Geometry &geometry, const PaintStyle &style);

} // namespace rpcscope::diagram

namespace rpcscope::diagram {
// The diagram's font: `base` in pixels (points read at 96 per inch) times
// `scale`, so a label measures the same on screen, in SVG and in PDF.
QFont diagramFont(const QFont &base, double scale = 1.0);
} // namespace rpcscope::diagram
