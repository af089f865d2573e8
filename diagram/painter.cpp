#include "painter.h"

#include "chrome.h"
#include "scene.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <array>
#include <cmath>

namespace rpcscope::diagram {

namespace {

const QColor kLossRed(0xd0, 0x34, 0x2c);
const QColor kTimeoutAmber(0xb2, 0x6a, 0x00);
const QColor kHandlerOrange(0xf0, 0xae, 0x3c);
const QColor kCorruptMagenta(0xc0, 0x1c, 0x9c);

// `over` laid on `base` at `amount` (0 to 1), as one opaque colour.
QColor mixed(const QColor &base, const QColor &over, double amount)
{
    return QColor::fromRgbF(base.redF() * (1 - amount) + over.redF() * amount,
                            base.greenF() * (1 - amount) + over.greenF() * amount,
                            base.blueF() * (1 - amount) + over.blueF() * amount);
}

QColor faded(QColor c, bool dim)
{
    if (dim)
        c.setAlpha(55);
    return c;
}

void drawArrowHead(QPainter &p, QPointF from, QPointF to, const QColor &colour, double size)
{
    const QLineF line(from, to);
    if (line.length() < 1)
        return;
    const double angle = std::atan2(to.y() - from.y(), to.x() - from.x());
    const QPointF a = to - QPointF(std::cos(angle - 0.4) * size, std::sin(angle - 0.4) * size);
    const QPointF b = to - QPointF(std::cos(angle + 0.4) * size, std::sin(angle + 0.4) * size);
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawPolygon(QPolygonF{to, a, b});
    p.setBrush(Qt::NoBrush);
}

void drawClock(QPainter &p, QPointF c, const QColor &colour)
{
    p.setPen(QPen(colour, 2));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(c, 9, 9);
    p.drawLine(c, c + QPointF(0, -6));
    p.drawLine(c, c + QPointF(4.5, 2));
}

void paintRuler(QPainter &p, const Geometry &g, const PaintStyle &style, const QColor &faint)
{
    const Ruler ruler = Ruler::layout(g, style.font);
    p.setFont(ruler.font);
    for (const RulerMark &mark : ruler.marks) {
        p.setPen(faint);
        p.drawLine(QPointF(ruler.tickLeft, mark.y), QPointF(ruler.tickRight, mark.y));
        p.setPen(style.text);
        p.drawText(mark.box, Qt::AlignRight | Qt::AlignVCenter, mark.text);
    }
}

void paintHeader(QPainter &p, const Geometry &g, const PaintStyle &style)
{
    p.fillRect(QRectF(0, 0, g.width, g.header()), style.base);
    const LaneTitles lanes = LaneTitles::layout(g, style.font);
    p.setFont(lanes.font);
    for (const LaneTitle &t : lanes.titles) {
        p.setPen(Qt::NoPen);
        p.setBrush(style.dark() ? QColor(0x4a, 0x5a, 0x70) : QColor(0x2c, 0x3e, 0x50));
        p.drawRoundedRect(t.box, 6, 6);
        p.setPen(Qt::white);
        p.drawText(t.box, Qt::AlignCenter, t.text);
    }
    p.setBrush(Qt::NoBrush);
    const std::optional<Caption> caption = Caption::layout(g, style.font, style.title, style.subtitle);
    if (!caption)
        return;
    p.setFont(caption->titleFont);
    p.setPen(style.text);
    p.drawText(caption->titleBox, Qt::AlignLeft | Qt::AlignVCenter, caption->title);
    p.setFont(caption->subtitleFont);
    QColor subtle = style.text;
    subtle.setAlpha(170);
    p.setPen(subtle);
    p.drawText(caption->subtitleBox, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, caption->subtitle);
}

void paintLabel(QPainter &p, const Label &l, const PaintStyle &style, const QFont &regular, const QFont &bold)
{
    const QColor colour = faded(toneColour(l.tone, style), l.dimmed);
    QRectF r = l.rect;
    if (l.boxed) {
        if (l.leader) {
            QColor line = colour;
            line.setAlpha(120);
            p.setPen(QPen(line, 1));
            const QPointF edge(std::clamp(l.anchor.x(), r.left(), r.right()), std::clamp(l.anchor.y(), r.top(), r.bottom()));
            p.drawLine(l.anchor, edge);
        }
        // Tinted, and opaque: what it covers does not show through its words.
        QColor fill = mixed(style.base, colour, style.dark() ? 0.27 : 0.15);
        if (l.dimmed)
            fill = style.base;
        p.setPen(QPen(colour, 1));
        p.setBrush(fill);
        p.drawRoundedRect(r, 5, 5);
        p.setBrush(Qt::NoBrush);
        r = r.adjusted(8, 4, -8, -4);
        p.setPen(faded(style.text, l.dimmed));
    } else {
        p.setPen(colour);
    }
    const QStringList lines = l.text.split(u'\n');
    const QFontMetricsF fm(regular);
    // Right-aligned when the label sits left of what it names.
    const bool right = !l.boxed && r.right() <= l.anchor.x() + 0.5;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        p.setFont(l.bold && i == 0 ? bold : regular);
        const QRectF line(r.left(), r.top() + i * fm.height(), r.width(), fm.height());
        p.drawText(line, (right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter, lines.at(i));
    }
}


// A key to every glyph, drawn with the painter that draws the glyphs.
void paintLegend(QPainter &p, const Geometry &g, const PaintStyle &style)
{
    using enum LegendGlyph;
    const Legend legend = Legend::layout(g, style.font);
    QColor fill = style.base;
    fill.setAlpha(235);
    QColor frame = style.text;
    frame.setAlpha(80);
    p.setPen(QPen(frame, 1));
    p.setBrush(fill);
    p.drawRoundedRect(legend.box, 6, 6);
    p.setBrush(Qt::NoBrush);
    p.setFont(legend.font);
    for (const LegendEntry &e : legend.entries) {
        const QColor c = toneColour(e.tone, style);
        const QPointF a = e.from, b = e.to;
        const QPointF mid = (a + b) / 2;
        const double y = e.y, row = e.row;
        switch (e.glyph) {
        case Line:
        case Dashed:
            p.setPen(QPen(c, 2.2, e.glyph == Dashed ? Qt::DashLine : toneLine(e.tone)));
            p.drawLine(a, b);
            drawArrowHead(p, a, b, c, 8);
            break;
        case Flying:
            p.setPen(QPen(c, 2.2));
            p.drawLine(a, mid);
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(mid, 4.5, 4.5);
            p.setBrush(Qt::NoBrush);
            break;
        case Cross:
            p.setPen(QPen(c, 3));
            p.drawLine(mid + QPointF(-6, -6), mid + QPointF(6, 6));
            p.drawLine(mid + QPointF(-6, 6), mid + QPointF(6, -6));
            break;
        case Clock: drawClock(p, mid, c); break;
        case Timer: p.fillRect(QRectF(mid.x() - 1.5, y - row / 2 + 2, 3, row - 4), c); break;
        case PaleTimer:
            p.fillRect(QRectF(mid.x() - 1.5, y - row / 2 + 2, 3, row - 4), mixed(style.base, c, 0.35));
            break;
        case Estimate:
            p.fillRect(QRectF(mid.x() - 2, y - 2, 4, row / 2 - 2), mixed(style.base, c, 0.35));
            p.setPen(QPen(c, 2));
            p.drawLine(QPointF(mid.x() - 4, y - 2), QPointF(mid.x() + 8, y - 2));
            break;
        case Dot:
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(mid, 6, 6);
            p.setBrush(Qt::NoBrush);
            break;
        case Bar: p.fillRect(QRectF(mid.x() - 5, y - row / 2 + 2, 10, row - 4), c); break;
        case Held:
            p.setPen(QPen(c, 1.5, Qt::DashLine));
            p.drawRect(QRectF(mid.x() - 5, y - row / 2 + 2, 10, row - 4));
            break;
        case Badge: {
            QColor tint = c;
            tint.setAlpha(60);
            p.setPen(QPen(c, 1));
            p.setBrush(tint);
            p.drawRoundedRect(QRectF(a.x(), y - row / 2 + 3, b.x() - a.x(), row - 6), 4, 4);
            p.setBrush(Qt::NoBrush);
            break;
        }
        case Rule: p.setPen(QPen(c, 1.5, Qt::DashLine)); p.drawLine(a, b); break;
        case Cut: p.setPen(QPen(c, 4)); p.drawLine(a, b); break;
        case Band:
            if (e.tone == Tone::Corrupt) {
                p.fillRect(QRectF(a.x(), y - 3, 12, 5), c);
                break;
            }
            p.fillRect(QRectF(a.x(), y - 3, 26, 5), toneColour(Tone::Request, style));
            p.fillRect(QRectF(a.x(), y - 3, 7, 5), toneColour(Tone::Timeout, style));
            p.fillRect(QRectF(a.x() + 26, y - 3, 8, 5), toneColour(Tone::Loss, style));
            break;
        }
        p.setPen(style.text);
        p.drawText(e.textBox, Qt::AlignLeft | Qt::AlignVCenter, e.text);
    }
}

} // namespace

QColor toneColour(Tone tone, const PaintStyle &style)
{
    const bool dark = style.dark();
    switch (tone) {
    case Tone::Request: return dark ? QColor(0x56, 0xb4, 0xe9) : QColor(0x00, 0x72, 0xb2);     // blue
    case Tone::Reply: return dark ? QColor(0x2c, 0xc2, 0x96) : QColor(0x00, 0x9e, 0x73);       // bluish green
    case Tone::Ack: return dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x70, 0x70, 0x70);         // grey
    case Tone::Working: return QColor(0xe6, 0x9f, 0x00);                                       // orange
    case Tone::Probe: return dark ? QColor(0xe0, 0x9c, 0xc4) : QColor(0xcc, 0x79, 0xa7);       // reddish purple
    case Tone::Error: return QColor(0xd5, 0x5e, 0x00);                                         // vermillion
    case Tone::FragmentAck: return dark ? QColor(0x9a, 0xd4, 0xf4) : QColor(0x3a, 0x8e, 0xbf); // sky blue
    case Tone::Loss: return kLossRed;
    case Tone::Timeout: return dark ? kHandlerOrange : kTimeoutAmber;
    case Tone::Handler: return kHandlerOrange;
    case Tone::Corrupt: return kCorruptMagenta;
    case Tone::Faint: {
        QColor c = style.text;
        c.setAlpha(110);
        return c;
    }
    case Tone::Text: return style.text;
    case Tone::Accent: return style.highlight;
    }
    return style.text;
}

Qt::PenStyle toneLine(Tone tone)
{
    switch (tone) {
    case Tone::Ack: return Qt::DotLine;
    case Tone::Working: return Qt::DashDotLine;
    case Tone::Probe: return Qt::DashDotDotLine;
    case Tone::FragmentAck: return Qt::DashLine;
    default: return Qt::SolidLine;
    }
}

void paintFrame(QPainter &p, const Frame &frame, const Geometry &g, const PaintStyle &style)
{
    p.save();
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(QRectF(0, 0, g.width, g.height), style.base);
    QColor faint = style.text;
    faint.setAlpha(90);
    paintRuler(p, g, style, faint);

    // Lanes.
    for (int h = 0; h <= g.clients; ++h) {
        const double x = g.laneX(core::HostId(h));
        p.setPen(QPen(faint, 1.2, Qt::DashLine));
        p.drawLine(QPointF(x, g.header()), QPointF(x, g.height));
    }
    p.setClipRect(QRectF(0, g.header(), g.width, g.height - g.header()));

    // Each tone's colour once per frame, not once per item.
    std::array<QColor, std::size_t(Tone::Accent) + 1> colours;
    for (std::size_t t = 0; t < colours.size(); ++t)
        colours[t] = toneColour(Tone(t), style);
    const auto colourOf = [&](const Item &item) { return faded(colours[std::size_t(item.tone)], item.flags & Dimmed); };

    // Thousands of smooth lines cost more than a frame, and at that
    // density nobody sees the edges.
    // (Past about a hundred long arrows, antialiasing alone costs a frame.)
    const bool smooth = frame.arrowsDrawn <= 120 && !frame.summarised;
    p.setRenderHint(QPainter::Antialiasing, smooth);

    // Under everything: bands, bars, rules. Axis-aligned, so without
    // antialiasing, which would also send tall shapes through Qt's threaded
    // rasterizer at a cost of a frame for a few dozen timer bars.
    p.setRenderHint(QPainter::Antialiasing, false);
    for (const Item &item : frame.items) {
        const QColor c = colourOf(item);
        switch (item.kind) {
        case ItemKind::Band: p.fillRect(item.rect, c); break;
        case ItemKind::Bar: p.fillRect(item.rect, c); break;
        case ItemKind::Held:
            // Waiting, not running: the handler's colour, outlined.
            p.fillRect(item.rect, mixed(style.base, c, 0.15));
            p.setPen(QPen(c, 1.5, Qt::DashLine));
            p.drawRect(item.rect);
            break;
        case ItemKind::Timer: {
            // Running: pale with a bright tip where it burns now; fired: solid.
            // Opaque, mixed with the background: translucent tall shapes go
            // through Qt's threaded blending at the cost of a frame for a
            // few dozen bars.
            const bool running = item.flags & InFlight;
            const bool cancelled = item.flags & Cancelled;
            // Spurious: the colour of a loss, for a resend that was not needed.
            const Tone tone = (item.flags & Spurious) ? Tone::Loss : Tone::Timeout;
            const QColor timer = mixed(style.base, colours[std::size_t(tone)],
                                       (item.flags & Dimmed) ? 0.15 : running ? 0.35 : cancelled ? 0.25 : 0.65);
            p.fillRect(item.rect.toAlignedRect(), timer);
            if (running)
                p.fillRect(QRectF(item.rect.left() - 1, item.rect.bottom() - 4, item.rect.width() + 2, 4).toAlignedRect(),
                           colours[std::size_t(Tone::Timeout)]);
            break;
        }
        case ItemKind::Estimate: {
            // The expected answer (SRTT) as a line across the lane's timer,
            // the allowance for variance (4·RTTVAR) pale below it.
            const QColor reply = colours[std::size_t(Tone::Reply)];
            p.fillRect(item.rect.toAlignedRect(), mixed(style.base, reply, (item.flags & Dimmed) ? 0.12 : 0.35));
            p.setPen(QPen(mixed(style.base, reply, (item.flags & Dimmed) ? 0.3 : 1.0), 2));
            p.drawLine(QPointF(item.rect.left() - 2, item.rect.top()), QPointF(item.rect.right() + 8, item.rect.top()));
            break;
        }
        case ItemKind::Rule: p.setPen(QPen(c, 1.5, Qt::DashLine)); p.drawLine(item.line); break;
        case ItemKind::Tick: p.setPen(QPen(c, 1)); p.drawLine(item.line); break;
        default: break;
        }
    }
    // The event in focus: a halo under it, wide enough to see from the back of a room.
    for (const Item &item : frame.items) {
        if (!(item.flags & Halo))
            continue;
        QColor halo = style.highlight;
        halo.setAlpha(110);
        p.setPen(QPen(halo, 14, Qt::SolidLine, Qt::RoundCap));
        p.setBrush(Qt::NoBrush);
        if (item.line.isNull())
            p.drawRoundedRect(item.rect.adjusted(-6, -6, 6, 6), 6, 6);
        else
            p.drawLine(item.line);
    }
    // Arrows.
    p.setRenderHint(QPainter::Antialiasing, smooth);
    for (const Item &item : frame.items) {
        if (item.kind != ItemKind::Arrow && item.kind != ItemKind::Stroke)
            continue;
        const QColor c = colourOf(item);
        QPen pen(c, (item.flags & Selected) ? 3.2 : 2.2, (item.flags & Retry) ? Qt::DashLine : toneLine(item.tone));
        p.setPen(pen);
        p.drawLine(item.line);
        if (item.kind == ItemKind::Arrow)
            drawArrowHead(p, item.line.p1(), item.line.p2(), c, smooth ? 10 : 6);
        if (item.flags & InFlight) {
            // Its tip, where the datagram is now.
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(item.line.p2(), 4.5, 4.5);
            p.setBrush(Qt::NoBrush);
        }
    }
    // Marks over the arrows.
    p.setRenderHint(QPainter::Antialiasing, true);
    for (const Item &item : frame.items) {
        const QColor c = colourOf(item);
        const QPointF centre = item.rect.center();
        switch (item.kind) {
        case ItemKind::Cross:
            p.setPen(QPen(c, 3.2));
            p.drawLine(centre + QPointF(-7, -7), centre + QPointF(7, 7));
            p.drawLine(centre + QPointF(-7, 7), centre + QPointF(7, -7));
            break;
        case ItemKind::Clock: drawClock(p, centre, c); break;
        case ItemKind::Dot:
            p.setPen(Qt::NoPen);
            p.setBrush(c);
            p.drawEllipse(centre, 6.5, 6.5);
            p.setBrush(Qt::NoBrush);
            break;
        case ItemKind::BadgeMark: p.fillRect(item.rect, c); break;
        case ItemKind::Cut: p.setPen(QPen(c, 4)); p.drawLine(item.line); break;
        default: break;
        }
    }
    // Labels where the placer put them.
    QFont bold = style.font;
    bold.setBold(true);
    for (const Label &l : frame.labels)
        if (l.placed)
            paintLabel(p, l, style, style.font, bold);

    if (style.legend)
        paintLegend(p, g, style);
    if (style.showNow && frame.nowY >= 0) {
        QColor edge = style.highlight;
        edge.setAlpha(110);
        p.setPen(QPen(edge, 1, Qt::DashLine));
        p.drawLine(QPointF(g.ruler(), frame.nowY), QPointF(g.width, frame.nowY));
    }
    p.setClipping(false);
    // Lane titles last, over anything scrolled beneath them.
    paintHeader(p, g, style);
    // Counter tracks: a rule between them, their titles and peaks in the header.
    QFont small = style.font;
    small.setPixelSize(std::max(8, int(std::lround(style.font.pixelSize() * 0.85))));
    const QFontMetricsF fs(small);
    for (const Track &t : frame.tracks) {
        p.setPen(QPen(faint, 1));
        p.drawLine(QPointF(t.left, g.header()), QPointF(t.left, g.height));
        p.setFont(small);
        p.setPen(style.text);
        const QRectF titleBox(t.left + 4, 6, t.width - 8, g.header() - 10);
        p.drawText(titleBox, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, t.title);
        QColor subtle = style.text;
        subtle.setAlpha(160);
        p.setPen(subtle);
        p.drawText(titleBox, Qt::AlignRight | Qt::AlignBottom, fs.elidedText(t.peak, Qt::ElideRight, t.width - 8));
    }
    p.restore();
}

} // namespace rpcscope::diagram

namespace rpcscope::diagram {
QFont diagramFont(const QFont &base, double scale)
{
    QFont f = base;
    const double px = base.pixelSize() > 0 ? base.pixelSize() : base.pointSizeF() * 96.0 / 72.0;
    f.setPixelSize(std::max(6, int(std::lround(px * scale))));
    return f;
}
} // namespace rpcscope::diagram
