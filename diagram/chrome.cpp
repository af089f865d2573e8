#include "chrome.h"

#include "scene.h"

#include <QFontMetricsF>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace rpcscope::diagram {

Ruler Ruler::layout(const Geometry &g, const QFont &font)
{
    double stepMs = 1;
    for (const double s : {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0,
                           1000.0, 2000.0, 5000.0, 10000.0, 20000.0, 60000.0, 120000.0, 300000.0, 600000.0,
                           1800000.0, 3600000.0}) {
        stepMs = s;
        if (s * g.pixelsPerMs >= 60 * g.scale)
            break;
    }
    // Days of session squeezed into a view: hours at a time are still too close.
    while (stepMs * g.pixelsPerMs < 60 * g.scale && stepMs < 1e15)
        stepMs *= 10;
    Ruler ruler;
    ruler.font = font;
    ruler.font.setPixelSize(std::max(8, int(font.pixelSize() * 0.9)));
    const auto [tTop, tBottom] = g.visibleRange();
    const double firstMs = std::max(0.0, std::floor(double(tTop.count()) / 1000.0 / stepMs) * stepMs);
    const double x = g.ruler();
    ruler.tickLeft = x - 14;
    ruler.tickRight = x - 4;
    for (double ms = firstMs; ms <= double(tBottom.count()) / 1000.0 + stepMs; ms += stepMs) {
        const double y = g.yForTime(core::TimePoint(std::int64_t(std::llround(ms * 1000))));
        if (y < g.header() || y > g.height)
            continue;
        const QString text = stepMs < 1 ? SceneBuilder::tr("%1 ms").arg(ms, 0, 'f', 2)
                             : ms >= 10000 ? SceneBuilder::tr("%1 s").arg(ms / 1000.0, 0, 'g', 6)
                                           : SceneBuilder::tr("%1 ms").arg(ms, 0, 'f', 0);
        ruler.marks.push_back({y, text, QRectF(0, y - 10 * g.scale, x - 18, 20 * g.scale)});
    }
    return ruler;
}

LaneTitles LaneTitles::layout(const Geometry &g, const QFont &font)
{
    LaneTitles out;
    out.font = font;
    out.font.setPixelSize(int(std::lround(font.pixelSize() * 1.15)));
    const double spacing = g.clients > 1 ? std::abs(g.laneX(2) - g.laneX(1)) : 200.0 * g.scale;
    if (spacing < 80 * g.scale)
        out.font.setPixelSize(int(std::lround(font.pixelSize() * 0.85)));
    const QFontMetricsF fh(out.font);
    const int hosts = g.clients + 1;
    const int every = spacing < 18 * g.scale ? int(std::ceil(18 * g.scale / std::max(1.0, spacing))) : 1;
    for (int h = 0; h < hosts; ++h) {
        if (h != 0 && every > 1 && (h - 1) % every != 0)
            continue;
        const double x = g.laneX(core::HostId(h));
        QString name = hostTitle(core::HostId(h), g.clients);
        if (h != 0 && spacing < 80 * g.scale)
            name = spacing < 34 * g.scale ? QString::number(h) : SceneBuilder::tr("c%1").arg(h);
        double w = std::max(90.0 * g.scale, fh.horizontalAdvance(name) + 24);
        if (h != 0 && spacing < 100 * g.scale)
            w = std::max(12.0, std::min(w, spacing * every - 4));
        out.titles.push_back({QRectF(x - w / 2, 10 * g.scale, w, g.header() - 18 * g.scale), name});
    }
    return out;
}

std::optional<Caption> Caption::layout(const Geometry &g, const QFont &font, const QString &title,
                                       const QString &subtitle)
{
    const double room = g.laneX(1) - 70 * g.scale - 16;
    if (title.isEmpty() || room <= 160)
        return std::nullopt;
    Caption c;
    c.titleFont = font;
    c.titleFont.setBold(true);
    const QFontMetricsF ft(c.titleFont);
    c.titleBox = QRectF(12, 6, room, ft.height());
    c.title = ft.elidedText(title, Qt::ElideRight, room);
    c.subtitleFont = font;
    c.subtitleFont.setPixelSize(std::max(8, int(std::lround(font.pixelSize() * 0.85))));
    const QFontMetricsF fs(c.subtitleFont);
    // As many of the subtitle's " · " parts as fit in the header, the rest
    // cut to "…", rather than a line drawn over the time ruler.
    c.subtitleBox = QRectF(12, 8 + ft.height(), room, g.header() - 10 - ft.height());
    const auto fits = [&](const QString &candidate) {
        return fs.boundingRect(QRectF(0, 0, c.subtitleBox.width(), 1e6), Qt::AlignLeft | Qt::TextWordWrap, candidate)
                   .height()
               <= c.subtitleBox.height() + 0.5;
    };
    c.subtitle = subtitle;
    if (!fits(c.subtitle)) {
        const QString separator = QStringLiteral(" · ");
        const QStringList parts = subtitle.split(separator);
        c.subtitle.clear();
        for (const QString &part : parts) {
            const QString next = c.subtitle.isEmpty() ? part : c.subtitle + separator + part;
            if (!fits(next + QStringLiteral(" …")))
                break;
            c.subtitle = next;
        }
        c.subtitle += QStringLiteral(" …");
    }
    return c;
}

Legend Legend::layout(const Geometry &g, const QFont &font)
{
    using enum LegendGlyph;
    struct Entry
    {
        LegendGlyph glyph;
        Tone tone;
        QString text;
    };
    const Entry entries[] = {
        {Line, Tone::Request, tr("request")},
        {Dashed, Tone::Request, tr("request sent again (retry)")},
        {Line, Tone::Reply, tr("reply")},
        {Line, Tone::Ack, tr("ack")},
        {Line, Tone::Working, tr("working: still running")},
        {Line, Tone::Probe, tr("probe: how is my call?")},
        {Line, Tone::Error, tr("error reply")},
        {Line, Tone::FragmentAck, tr("fragment ack (SACK)")},
        {Flying, Tone::Request, tr("in flight now")},
        {Cross, Tone::Loss, tr("lost in the network")},
        {Clock, Tone::Timeout, tr("timeout: no answer in time")},
        {Timer, Tone::Timeout, tr("retransmission timer, armed to fired")},
        {PaleTimer, Tone::Timeout, tr("timer the answer cancelled")},
        {Timer, Tone::Loss, tr("spurious timeout: the reply was on its way")},
        {Estimate, Tone::Reply, tr("adaptive timeout: SRTT expected, to SRTT + 4·RTTVAR")},
        {Dot, Tone::Reply, tr("call ended: ok")},
        {Dot, Tone::Loss, tr("call ended: failed")},
        {Bar, Tone::Handler, tr("handler running on the server")},
        {Held, Tone::Handler, tr("request held back until its turn (ordered)")},
        {Badge, Tone::Handler, tr("server decision (duplicate, cache…)")},
        {Rule, Tone::Accent, tr("a setting changed")},
        {Cut, Tone::Loss, tr("server crash")},
        {Band, Tone::Request, tr("many datagrams: sent, lost, resent")},
        {Band, Tone::Corrupt, tr("many datagrams: damaged on arrival")},
    };
    Legend legend;
    legend.font = font;
    legend.font.setPixelSize(std::max(8, int(std::lround(font.pixelSize() * 0.9))));
    const QFontMetricsF fm(legend.font);
    double textWidth = 0;
    for (const Entry &e : entries)
        textWidth = std::max(textWidth, fm.horizontalAdvance(e.text));
    const double row = std::max(18.0, fm.height() + 4);
    const double glyphWidth = 44;
    legend.box = QRectF(g.lanesRight() - textWidth - glyphWidth - 34, g.header() + 8, textWidth + glyphWidth + 24,
                        row * std::size(entries) + 12);
    double y = legend.box.top() + 6 + row / 2;
    for (const Entry &e : entries) {
        const QPointF from(legend.box.left() + 10, y), to(legend.box.left() + 10 + glyphWidth - 8, y);
        const QRectF text(legend.box.left() + 10 + glyphWidth, y - row / 2, textWidth + 4, row);
        legend.entries.push_back({e.glyph, e.tone, e.text, y, row, from, to, text});
        y += row;
    }
    return legend;
}

} // namespace rpcscope::diagram
