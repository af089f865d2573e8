#include "sequencediagramview.h"

#include "displaynames.h"
#include "eventtablemodel.h"
#include "session/sessionoptions.h"
#include "trace/jsonlines.h"
#include "wire/datagram.h"

#include <QEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace rpcscope::widgets {

using core::Duration;
using core::HostId;
using core::TimePoint;
using trace::Event;
using trace::EventKind;
using wire::DatagramKind;

namespace {

constexpr int kHeader = 56;        // lane titles
constexpr int kRuler = 78;         // time labels on the left
constexpr int kTopPad = 24;        // room above t = 0
constexpr int kRightMargin = 270;  // room for the server's badges
constexpr int kLeftGap = 230;      // room for the first client's labels
constexpr qsizetype kDetailLimit = 5'000;  // more events than this in view: draw density
constexpr qsizetype kDensitySamples = 20'000; // events looked at to draw density
constexpr int kLabelLimit = 90;    // more arrows than this in view: no arrow labels

// Colour and line style per datagram kind: style too, so the kinds stay
// apart for readers who cannot tell the colours apart. The colours are
// Okabe and Ito's palette, chosen to stay distinct under the common
// colour-vision deficiencies; every arrow is labelled with its kind as well.
struct KindStyle
{
    QColor colour;
    Qt::PenStyle style;
};

KindStyle styleFor(DatagramKind kind, bool dark)
{
    switch (kind) {
    case DatagramKind::Request: return {dark ? QColor(0x56, 0xb4, 0xe9) : QColor(0x00, 0x72, 0xb2), Qt::SolidLine}; // blue
    case DatagramKind::Reply: return {dark ? QColor(0x2c, 0xc2, 0x96) : QColor(0x00, 0x9e, 0x73), Qt::SolidLine}; // bluish green
    case DatagramKind::Ack: return {dark ? QColor(0xb0, 0xb0, 0xb0) : QColor(0x70, 0x70, 0x70), Qt::DotLine}; // grey
    case DatagramKind::Working: return {QColor(0xe6, 0x9f, 0x00), Qt::DashDotLine};                          // orange
    case DatagramKind::Probe: return {dark ? QColor(0xe0, 0x9c, 0xc4) : QColor(0xcc, 0x79, 0xa7), Qt::DashDotDotLine}; // reddish purple
    case DatagramKind::Error: return {QColor(0xd5, 0x5e, 0x00), Qt::SolidLine};                              // vermillion
    case DatagramKind::FragmentAck: return {dark ? QColor(0x9a, 0xd4, 0xf4) : QColor(0x3a, 0x8e, 0xbf), Qt::DashLine}; // sky blue
    }
    return {Qt::gray, Qt::SolidLine};
}

const QColor kLossRed(0xd0, 0x34, 0x2c);
const QColor kTimeoutAmber(0xb2, 0x6a, 0x00);
const QColor kHandlerOrange(0xf0, 0xae, 0x3c);
const QColor kCorruptMagenta(0xc0, 0x1c, 0x9c);

QString arrowLabel(const Event &e)
{
    const auto kind = DatagramKind(e.datagram);
    const QString name = wire::datagramKindName(kind);
    if (e.fragment > 0) {
        if (e.attempt > 1)
            return SequenceDiagramView::tr("%1 #%2 frag %3 · round %4").arg(name).arg(e.callId).arg(e.fragment).arg(e.attempt);
        return SequenceDiagramView::tr("%1 #%2 frag %3").arg(name).arg(e.callId).arg(e.fragment);
    }
    if (kind == DatagramKind::Request) {
        if (e.attempt > 1)
            return SequenceDiagramView::tr("%1 #%2 a%3 · retry #%4").arg(name).arg(e.callId).arg(e.attempt).arg(e.attempt - 1);
        return SequenceDiagramView::tr("%1 #%2 a%3").arg(name).arg(e.callId).arg(e.attempt);
    }
    return SequenceDiagramView::tr("%1 #%2").arg(name).arg(e.callId);
}

void drawArrowHead(QPainter &p, QPointF from, QPointF to, const QColor &colour)
{
    const QLineF line(from, to);
    if (line.length() < 1)
        return;
    const double angle = std::atan2(to.y() - from.y(), to.x() - from.x());
    const double size = 10;
    const QPointF a = to - QPointF(std::cos(angle - 0.4) * size, std::sin(angle - 0.4) * size);
    const QPointF b = to - QPointF(std::cos(angle + 0.4) * size, std::sin(angle + 0.4) * size);
    p.save();
    p.setPen(Qt::NoPen);
    p.setBrush(colour);
    p.drawPolygon(QPolygonF{to, a, b});
    p.restore();
}

double distanceToSegment(QPointF p, const QLineF &l)
{
    const QPointF d = l.p2() - l.p1();
    const double len2 = d.x() * d.x() + d.y() * d.y();
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - l.p1(), d) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = l.p1() + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

// Text on a rounded box, the way the mockup marks server decisions.
QRectF drawBadge(QPainter &p, QPointF anchor, bool leftOfAnchor, const QString &text, const QColor &accent,
                 const QPalette &palette, bool withText)
{
    if (!withText) {
        // Zoomed out: a small mark in the badge's colour says where; hover says what.
        const QRectF mark(anchor.x() + (leftOfAnchor ? -14 : 6), anchor.y() - 4, 8, 8);
        p.save();
        p.setPen(Qt::NoPen);
        p.setBrush(accent);
        p.drawRect(mark);
        p.restore();
        return mark;
    }
    const QFontMetricsF fm(p.font());
    const QStringList lines = text.split(u'\n');
    double width = 0;
    for (const QString &line : lines)
        width = std::max(width, fm.horizontalAdvance(line));
    QRectF box(0, 0, width + 16, fm.height() * lines.size() + 8);
    box.moveCenter(anchor);
    if (leftOfAnchor)
        box.moveRight(anchor.x() - 10);
    else
        box.moveLeft(anchor.x() + 10);
    QColor fill = accent;
    fill.setAlpha(palette.color(QPalette::Base).lightness() < 128 ? 70 : 38);
    p.save();
    p.setPen(QPen(accent, 1));
    p.setBrush(fill);
    p.drawRoundedRect(box, 5, 5);
    p.setPen(palette.color(QPalette::Text));
    p.drawText(box.adjusted(8, 4, -8, -4), Qt::AlignLeft | Qt::AlignVCenter, text);
    p.restore();
    return box;
}

void drawClock(QPainter &p, QPointF c, const QColor &colour)
{
    p.save();
    p.setPen(QPen(colour, 2));
    p.setBrush(Qt::NoBrush);
    p.drawEllipse(c, 9, 9);
    p.drawLine(c, c + QPointF(0, -6));
    p.drawLine(c, c + QPointF(4.5, 2));
    p.restore();
}

} // namespace

SequenceDiagramView::SequenceDiagramView(QWidget *parent)
    : QAbstractScrollArea(parent)
{
    setObjectName(QStringLiteral("sequenceDiagram"));
    retranslate();
    setFocusPolicy(Qt::StrongFocus);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOn);
    viewport()->setMouseTracking(true);
    verticalScrollBar()->setSingleStep(20);
}

void SequenceDiagramView::retranslate()
{
    setAccessibleName(tr("Sequence diagram"));
    setAccessibleDescription(tr("Datagrams between the client and server lanes, time running down. "
                                "Plus and minus zoom, F fits the session, End follows the live edge, "
                                "N and P select the next and the previous event, Escape clears the selection."));
    viewport()->update(); // the labels are painted in the language now installed
}

void SequenceDiagramView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QAbstractScrollArea::changeEvent(event);
}

void SequenceDiagramView::setLog(const trace::TraceLog *log, int clients)
{
    m_log = log;
    m_clients = std::max(1, clients);
    m_view = log ? log->view() : trace::TraceLog::View();
    m_scanned = 0;
    m_maxFlight = Duration(100'000);
    m_end = TimePoint(0);
    m_selected.reset();
    m_selectedCall.reset();
    m_follow = true;
    updateScrollRange();
    viewport()->update();
}

void SequenceDiagramView::setCaption(const QString &title, const QString &subtitle)
{
    m_title = title;
    m_subtitle = subtitle;
    viewport()->update();
}

void SequenceDiagramView::refresh(TimePoint now)
{
    if (!m_log)
        return;
    const qsizetype before = m_view.size();
    m_view = m_log->view();
    if (m_view.size() < before) { // the log was cleared
        m_scanned = 0;
        m_selected.reset();
        m_selectedCall.reset();
    }
    // Arrows reach back by the longest flight seen so far.
    for (; m_scanned < m_view.size(); ++m_scanned) {
        const Event &e = m_view.at(m_scanned);
        if (e.kind == EventKind::Deliver && e.detail)
            m_maxFlight = std::max(m_maxFlight, Duration(e.detail));
    }
    m_now = now;
    m_end = std::max(now, m_view.isEmpty() ? TimePoint(0) : m_view.at(m_view.size() - 1).time());
    updateScrollRange();
    if (m_follow) {
        m_adjustingScroll = true;
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        m_adjustingScroll = false;
    }
    viewport()->update();
}

double SequenceDiagramView::contentHeight() const
{
    return kTopPad + double(m_end.count()) / 1000.0 * m_pixelsPerMs + 60;
}

void SequenceDiagramView::updateScrollRange()
{
    const int visible = std::max(1, viewport()->height() - kHeader);
    m_adjustingScroll = true;
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, std::max(0, int(contentHeight()) - visible));
    m_adjustingScroll = false;
}

void SequenceDiagramView::setPixelsPerMs(double scale)
{
    m_pixelsPerMs = std::clamp(scale, 1e-6, 400.0);
    updateScrollRange();
    viewport()->update();
}

void SequenceDiagramView::zoomBy(double factor, std::optional<int> anchorY)
{
    const int y = anchorY.value_or(viewport()->height() / 2);
    const TimePoint anchor = timeForY(y);
    setPixelsPerMs(m_pixelsPerMs * factor);
    // Keep the time under the anchor where it was.
    const double wanted = kTopPad + double(anchor.count()) / 1000.0 * m_pixelsPerMs - (y - kHeader);
    setFollowLive(false);
    verticalScrollBar()->setValue(int(std::lround(wanted)));
}

void SequenceDiagramView::fitToSession()
{
    const double ms = std::max(1.0, double(m_end.count()) / 1000.0);
    setPixelsPerMs((viewport()->height() - kHeader - kTopPad - 60) / ms);
    verticalScrollBar()->setValue(0);
}

void SequenceDiagramView::setFollowLive(bool follow)
{
    if (m_follow == follow)
        return;
    m_follow = follow;
    if (follow) {
        m_adjustingScroll = true;
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        m_adjustingScroll = false;
    }
    Q_EMIT followLiveChanged(follow);
}

void SequenceDiagramView::scrollContentsBy(int, int)
{
    if (!m_adjustingScroll) {
        // Scrolling back stops following the live edge; reaching it again resumes.
        const bool atEnd = verticalScrollBar()->value() >= verticalScrollBar()->maximum();
        if (m_follow != atEnd) {
            m_follow = atEnd;
            Q_EMIT followLiveChanged(m_follow);
        }
    }
    viewport()->update();
}

double SequenceDiagramView::yForTime(TimePoint time) const
{
    return kHeader + kTopPad + double(time.count()) / 1000.0 * m_pixelsPerMs - verticalScrollBar()->value();
}

std::pair<TimePoint, TimePoint> SequenceDiagramView::visibleRange() const
{
    return {std::max(TimePoint(0), timeForY(kHeader)), timeForY(viewport()->height())};
}

TimePoint SequenceDiagramView::timeForY(double y) const
{
    const double ms = (y - kHeader - kTopPad + verticalScrollBar()->value()) / m_pixelsPerMs;
    return TimePoint(std::int64_t(ms * 1000.0));
}

double SequenceDiagramView::laneX(HostId host) const
{
    const int hosts = m_clients + 1;
    const double width = viewport()->width();
    if (hosts > 3) {
        // Many clients: they share the left, the server stands apart on the right.
        const double left = kRuler + 40;
        const double server = width - 150;
        const double last = server - std::max(110.0, (server - left) / hosts);
        if (host == core::kServerHost)
            return server;
        return left + (last - left) * (std::min<int>(host, m_clients) - 1) / std::max(1, m_clients - 1);
    }
    const int index = host == core::kServerHost ? m_clients : std::min<int>(host, m_clients) - 1;
    const double left = kRuler + kLeftGap;
    const double usable = std::max(120.0, width - left - kRightMargin);
    const double spacing = std::min(usable / std::max(1, hosts - 1), 560.0);
    // Centre the lanes in the room they have.
    const double span = spacing * (hosts - 1);
    const double start = left + std::max(0.0, (usable - span) / 2);
    return start + spacing * index;
}

QString SequenceDiagramView::hostLabel(HostId host) const
{
    if (host == core::kServerHost)
        return tr("server");
    return m_clients == 1 ? tr("client") : tr("client %1").arg(host);
}

std::optional<TimePoint> SequenceDiagramView::sendTimeOf(const trace::TraceLog::View &view, qsizetype deliver) const
{
    const Event &d = view.at(deliver);
    if (d.detail)
        return d.time() - Duration(d.detail);
    // A live trace does not know the flight time: find the send.
    const qsizetype stop = std::max<qsizetype>(0, deliver - 4096);
    for (qsizetype i = deliver - 1; i >= stop; --i) {
        const Event &s = view.at(i);
        if (s.kind == EventKind::Send && s.callId == d.callId && s.datagram == d.datagram && s.from == d.from
            && s.to == d.to && s.attempt == d.attempt && s.fragment == d.fragment)
            return s.time();
    }
    return std::nullopt;
}

bool SequenceDiagramView::dimmed(const Event &e) const
{
    return m_selectedCall && (e.client != m_selectedCall->first || e.callId != m_selectedCall->second);
}

void SequenceDiagramView::selectEvent(std::optional<qsizetype> index)
{
    m_selected = index;
    m_selectedCall.reset();
    if (index && *index < m_view.size()) {
        const Event &e = m_view.at(*index);
        if (e.callId != 0)
            m_selectedCall = std::pair{e.client, e.callId};
    }
    viewport()->update();
}

std::optional<qsizetype> SequenceDiagramView::eventAt(QPoint pos) const
{
    // Markers are drawn after arrows, so later hits are on top.
    for (auto it = m_hits.rbegin(); it != m_hits.rend(); ++it) {
        const bool hit = it->rect.isNull() ? distanceToSegment(pos, it->line) <= 5.0 : it->rect.contains(pos);
        if (hit)
            return it->index;
    }
    return std::nullopt;
}

void SequenceDiagramView::paintEvent(QPaintEvent *)
{
    QPainter painter(viewport());
    render(painter, viewport()->rect());
    if (hasFocus()) {
        // Where the keys go: a frame in the highlight colour.
        QColor frame = palette().color(QPalette::Highlight);
        frame.setAlpha(160);
        painter.setRenderHint(QPainter::Antialiasing, false);
        painter.setPen(QPen(frame, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(viewport()->rect()).adjusted(1, 1, -1, -1));
    }
    painter.end();
    const auto [from, to] = visibleRange();
    const std::tuple<qint64, qint64, bool> range{from.count(), to.count(), m_follow};
    if (range != m_announcedRange) {
        m_announcedRange = range;
        Q_EMIT visibleRangeChanged(from.count(), to.count(), m_follow);
    }
}

void SequenceDiagramView::render(QPainter &p, const QRect &target)
{
    m_hits.clear();
    m_stats = {};
    const QPalette pal = palette();
    const bool dark = pal.color(QPalette::Base).lightness() < 128;
    const QColor text = pal.color(QPalette::Text);
    QColor faint = text;
    faint.setAlpha(90);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(target, pal.color(QPalette::Base));

    const double top = kHeader;
    const double bottom = target.height();
    const TimePoint tTop = timeForY(top);
    const TimePoint tBottom = timeForY(bottom);

    // Time ruler: a step that keeps labels at least 60 px apart.
    {
        double stepMs = 1;
        for (const double s : {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0,
                               500.0, 1000.0, 2000.0, 5000.0, 10000.0, 20000.0, 60000.0, 120000.0, 300000.0,
                               600000.0, 1800000.0, 3600000.0}) {
            stepMs = s;
            if (s * m_pixelsPerMs >= 60)
                break;
        }
        QFont small = p.font();
        small.setPointSizeF(small.pointSizeF() * 0.9);
        p.setFont(small);
        const double firstMs = std::max(0.0, std::floor(double(tTop.count()) / 1000.0 / stepMs) * stepMs);
        for (double ms = firstMs; ms <= double(tBottom.count()) / 1000.0 + stepMs; ms += stepMs) {
            const double y = yForTime(TimePoint(std::int64_t(ms * 1000)));
            if (y < top || y > bottom)
                continue;
            p.setPen(faint);
            p.drawLine(QPointF(kRuler - 14, y), QPointF(kRuler - 4, y));
            p.setPen(text);
            const QString label = stepMs < 1 ? tr("%1 ms").arg(ms, 0, 'f', 2)
                                  : ms >= 10000 ? tr("%1 s").arg(ms / 1000.0, 0, 'g', 6)
                                                : tr("%1 ms").arg(ms, 0, 'f', 0);
            p.drawText(QRectF(0, y - 10, kRuler - 18, 20), Qt::AlignRight | Qt::AlignVCenter, label);
        }
        p.setFont(QFont());
    }

    // Lanes.
    const int hosts = m_clients + 1;
    for (int h = 0; h < hosts; ++h) {
        const double x = laneX(HostId(h));
        p.setPen(QPen(faint, 1.2, Qt::DashLine));
        p.drawLine(QPointF(x, top), QPointF(x, bottom));
    }
    // The live edge.
    if (m_now.count() > 0) {
        const double y = yForTime(m_now);
        if (y > top && y < bottom) {
            QColor edge = pal.color(QPalette::Highlight);
            edge.setAlpha(110);
            p.setPen(QPen(edge, 1, Qt::DashLine));
            p.drawLine(QPointF(kRuler, y), QPointF(target.width(), y));
        }
    }

    const trace::TraceLog::View &view = m_view;
    const qsizetype first = view.lowerBound(tTop - m_maxFlight - Duration(1000));
    const qsizetype last = view.lowerBound(tBottom + m_maxFlight + Duration(1000));
    const qsizetype count = last - first;
    m_stats.eventsVisited = count;

    QFont labelFont = font();
    QFont boldFont = labelFont;
    boldFont.setBold(true);

    if (count > kDetailLimit) {
        // Too many to draw one by one: a tick per send and loss, sampled
        // evenly, shows where the traffic and the losses are.
        m_stats.summarised = true;
        const qsizetype stride = count / kDensitySamples + 1;
        p.setRenderHint(QPainter::Antialiasing, false);
        for (qsizetype i = first; i < last; i += stride) {
            const Event &e = view.at(i);
            if (e.kind != EventKind::Send && e.kind != EventKind::Lost)
                continue;
            const double y = yForTime(e.time());
            if (y < top || y > bottom)
                continue;
            const double x = laneX(e.from);
            p.setPen(QPen(e.kind == EventKind::Lost ? kLossRed : styleFor(DatagramKind(e.datagram), dark).colour, 1));
            p.drawLine(QPointF(x - 6, y), QPointF(x + 6, y));
        }
    } else {
        // How many arrows: labels only when they can be read.
        int arrows = 0;
        for (qsizetype i = first; i < last; ++i) {
            const EventKind k = view.at(i).kind;
            arrows += k == EventKind::Deliver || k == EventKind::Lost;
        }
        const bool labels = arrows <= kLabelLimit;
        // Busy views drop antialiasing: thousands of smooth lines cost more
        // than a frame, and at that density nobody sees the edges.
        p.setRenderHint(QPainter::Antialiasing, labels);
        double typicalFlightMs = double(std::min(m_maxFlight, Duration(200'000)).count()) / 1000.0;

        // Pass 1: handler bars and arrows; pass 2: markers on top.
        for (int pass = 0; pass < 2; ++pass) {
            for (qsizetype i = first; i < last; ++i) {
                const Event &e = view.at(i);
                const bool dim = dimmed(e);
                const bool selected = m_selectedCall && !dim;
                const double y = yForTime(e.time());
                const bool inView = y >= top - 2 && y <= bottom + 2;
                const auto alpha = [&](QColor c) {
                    if (dim)
                        c.setAlpha(55);
                    return c;
                };

                if (pass == 0 && e.kind == EventKind::Deliver) {
                    const std::optional<TimePoint> sent = sendTimeOf(view, i);
                    if (!sent)
                        continue;
                    typicalFlightMs = double((e.time() - *sent).count()) / 1000.0;
                    const double y0 = yForTime(*sent);
                    if (y0 > bottom || y < top)
                        continue;
                    const KindStyle st = styleFor(DatagramKind(e.datagram), dark);
                    const QPointF a(laneX(e.from), y0), b(laneX(e.to), y);
                    QPen pen(alpha(st.colour), selected ? 3.2 : 2.2, st.style);
                    if (DatagramKind(e.datagram) == DatagramKind::Request && e.attempt > 1)
                        pen.setStyle(Qt::DashLine);
                    p.setPen(pen);
                    p.drawLine(a, b);
                    drawArrowHead(p, a, b, alpha(st.colour));
                    m_hits.push_back({QLineF(a, b), {}, i});
                    ++m_stats.arrowsDrawn;
                    if (labels) {
                        p.setFont(boldFont);
                        p.setPen(alpha(st.colour));
                        const QPointF mid = (a + b) / 2;
                        const QString label = arrowLabel(e);
                        const double w = QFontMetricsF(boldFont).horizontalAdvance(label);
                        p.drawText(QPointF(mid.x() - w / 2, mid.y() - 8), label);
                        p.setFont(labelFont);
                    }
                } else if (pass == 0 && e.kind == EventKind::Lost) {
                    if (!inView)
                        continue;
                    const KindStyle st = styleFor(DatagramKind(e.datagram), dark);
                    const QPointF a(laneX(e.from), y);
                    const double towards = laneX(e.to);
                    const QPointF b(a.x() + (towards - a.x()) * 0.45, y + typicalFlightMs * 0.45 * m_pixelsPerMs);
                    p.setPen(QPen(alpha(st.colour), selected ? 3.2 : 2.2, st.style));
                    p.drawLine(a, b);
                    p.setPen(QPen(alpha(kLossRed), 3.2));
                    p.drawLine(b + QPointF(-7, -7), b + QPointF(7, 7));
                    p.drawLine(b + QPointF(-7, 7), b + QPointF(7, -7));
                    m_hits.push_back({QLineF(a, b), {}, i});
                    ++m_stats.arrowsDrawn;
                    if (labels) {
                        p.setFont(boldFont);
                        p.setPen(alpha(st.colour));
                        const QString label = arrowLabel(e);
                        const double w = QFontMetricsF(boldFont).horizontalAdvance(label);
                        const QPointF mid = (a + b) / 2;
                        p.drawText(QPointF(mid.x() - w / 2, mid.y() - 8), label);
                        p.setFont(labelFont);
                        p.setPen(alpha(kLossRed));
                        const bool leftward = towards < a.x();
                        const QString lost = tr("lost in the network");
                        const double lw = QFontMetricsF(labelFont).horizontalAdvance(lost);
                        p.drawText(QPointF(leftward ? b.x() - lw - 14 : b.x() + 14, b.y() + 5), lost);
                    }
                } else if (pass == 0 && e.kind == EventKind::HandlerStart) {
                    // The handler's run: a bar on the server lane until it ends.
                    TimePoint end = m_now;
                    for (qsizetype j = i + 1; j < view.size() && j < i + 20000; ++j) {
                        const Event &f = view.at(j);
                        const bool ended = f.kind == EventKind::HandlerEnd && f.callId == e.callId && f.client == e.client;
                        // A crash ends every handler that was running.
                        if (ended || f.kind == EventKind::ServerRestart) {
                            end = f.time();
                            break;
                        }
                    }
                    const double y1 = yForTime(std::max(end, e.time()));
                    if (y1 < top || y > bottom)
                        continue;
                    const QRectF bar(laneX(e.from) - 6, y, 12, std::max(3.0, y1 - y));
                    p.setPen(Qt::NoPen);
                    p.setBrush(alpha(kHandlerOrange));
                    p.drawRect(bar);
                    p.setBrush(Qt::NoBrush);
                    m_hits.push_back({{}, bar, i});
                    if (labels) {
                        p.setPen(alpha(dark ? kHandlerOrange : kTimeoutAmber));
                        p.drawText(QPointF(bar.right() + 8, (bar.top() + bar.bottom()) / 2 + 5),
                                   tr("run handler for #%1").arg(e.callId));
                    }
                } else if (pass == 1 && inView) {
                    const QPointF lane(laneX(e.from), y);
                    const bool onServer = e.from == core::kServerHost;
                    QRectF hit;
                    switch (e.kind) {
                    case EventKind::Timeout: {
                        drawClock(p, lane, alpha(kTimeoutAmber));
                        hit = QRectF(lane.x() - 10, y - 10, 20, 20);
                        if (labels) {
                            p.setFont(boldFont);
                            p.setPen(alpha(kTimeoutAmber));
                            const QString t1 = tr("timeout");
                            const QString t2 = tr("no answer after %1 ms").arg(double(e.detail) / 1000.0);
                            const QFontMetricsF fb(boldFont), fl(labelFont);
                            p.drawText(QPointF(lane.x() - 16 - fb.horizontalAdvance(t1), y - 2), t1);
                            p.setFont(labelFont);
                            p.drawText(QPointF(lane.x() - 16 - fl.horizontalAdvance(t2), y + fl.height() - 2), t2);
                        }
                        break;
                    }
                    case EventKind::CallOk:
                    case EventKind::CallFailed: {
                        const bool ok = e.kind == EventKind::CallOk;
                        const QColor c = alpha(ok ? styleFor(DatagramKind::Reply, dark).colour : kLossRed);
                        p.setPen(Qt::NoPen);
                        p.setBrush(c);
                        p.drawEllipse(lane, 6.5, 6.5);
                        p.setBrush(Qt::NoBrush);
                        hit = QRectF(lane.x() - 7, y - 7, 14, 14);
                        if (labels) {
                            const double ms = double(e.detail) / 1000.0;
                            QString t;
                            if (!ok)
                                t = tr("call #%1 failed: %2").arg(e.callId).arg(displaynames::callError(trace::CallError(e.detail)));
                            else if (e.attempt == 1)
                                t = tr("call #%1 ok · %2 ms · 1 attempt").arg(e.callId).arg(ms, 0, 'f', 1);
                            else
                                t = tr("call #%1 ok · %2 ms · %3 attempts").arg(e.callId).arg(ms, 0, 'f', 1).arg(e.attempt);
                            p.setFont(boldFont);
                            p.setPen(c);
                            const double w = QFontMetricsF(boldFont).horizontalAdvance(t);
                            p.drawText(QPointF(lane.x() - 14 - w, y + 18), t);
                            p.setFont(labelFont);
                        }
                        break;
                    }
                    case EventKind::DuplicateSuppressed:
                        hit = drawBadge(p, lane, !onServer,
                                        tr("duplicate of running call #%1\n→ not run again").arg(e.callId),
                                        alpha(kHandlerOrange), pal, labels);
                        break;
                    case EventKind::CachedReplyResent:
                        hit = drawBadge(p, lane, !onServer,
                                        tr("duplicate of done call #%1\n→ cached reply, not re-run").arg(e.callId),
                                        alpha(kHandlerOrange), pal, labels);
                        break;
                    case EventKind::StaleDropped:
                        hit = drawBadge(p, lane, !onServer, tr("late copy of call #%1\n→ dropped").arg(e.callId),
                                        alpha(faint), pal, labels);
                        break;
                    case EventKind::Rejected:
                        hit = drawBadge(p, lane, !onServer, tr("call #%1 refused").arg(e.callId), alpha(kLossRed), pal, labels);
                        break;
                    case EventKind::ChecksumFail:
                        hit = drawBadge(p, QPointF(laneX(e.from), y), e.from != core::kServerHost,
                                        tr("checksum caught a damaged datagram"), alpha(kLossRed), pal, labels);
                        break;
                    case EventKind::CorruptAccepted:
                        hit = drawBadge(p, QPointF(laneX(e.to), y), e.to != core::kServerHost,
                                        tr("damaged datagram ACCEPTED:\nthe checksum missed it"),
                                        alpha(kCorruptMagenta), pal, labels);
                        break;
                    case EventKind::MalformedDropped:
                        hit = drawBadge(p, lane, !onServer, tr("malformed datagram dropped"), alpha(faint), pal, labels);
                        break;
                    case EventKind::FragmentAck:
                        hit = drawBadge(p, lane, !onServer,
                                        e.detail == e.size
                                            ? tr("all %1 fragments held").arg(e.size)
                                            : tr("peer holds %1 of %2 fragments\n→ resend the rest").arg(e.detail).arg(e.size),
                                        alpha(styleFor(DatagramKind::FragmentAck, dark).colour), pal, labels);
                        break;
                    case EventKind::FragmentDuplicate:
                        if (labels) {
                            p.setPen(alpha(faint));
                            p.drawText(QPointF(lane.x() + (onServer ? -150 : 12), y + 4),
                                       tr("duplicate fragment → dropped"));
                        }
                        break;
                    case EventKind::Reassembled:
                        // Above the point: the call's end is often marked at the same time.
                        hit = drawBadge(p, lane - QPointF(0, 22), !onServer,
                                        tr("call #%1 reassembled\n%2 fragments, %3 bytes").arg(e.callId).arg(e.size).arg(e.detail),
                                        alpha(styleFor(DatagramKind::FragmentAck, dark).colour), pal, labels);
                        break;
                    case EventKind::CacheEvict:
                        if (labels) {
                            p.setPen(alpha(faint));
                            p.drawText(QPointF(lane.x() + 12, y + 4),
                                       tr("evict #%1 from reply cache (%2)")
                                           .arg(e.callId)
                                           .arg(displaynames::evictReason(trace::EvictReason(e.detail))));
                        }
                        break;
                    case EventKind::Corrupted:
                        if (labels) {
                            p.setPen(alpha(kCorruptMagenta));
                            p.drawText(QPointF(lane.x() + (onServer ? -70 : 12), y - 4), tr("damaged"));
                        }
                        break;
                    case EventKind::Duplicated:
                        if (labels) {
                            p.setPen(alpha(text));
                            p.drawText(QPointF(lane.x() + (onServer ? -30 : 12), y + 14), tr("×2"));
                        }
                        break;
                    case EventKind::Reordered:
                        if (labels) {
                            p.setPen(alpha(text));
                            p.drawText(QPointF(lane.x() + (onServer ? -80 : 12), y + 14), tr("held back"));
                        }
                        break;
                    case EventKind::ServerRestart: {
                        // The crash: the server's lane is cut, its memory gone.
                        const double x = laneX(core::kServerHost);
                        p.setPen(QPen(alpha(kLossRed), 4));
                        p.drawLine(QPointF(x - 28, y), QPointF(x + 28, y));
                        hit = drawBadge(p, QPointF(x, y), false,
                                        tr("server crashes and restarts\nreply cache lost, new epoch"),
                                        alpha(kLossRed), pal, true);
                        break;
                    }
                    case EventKind::ParamChange: {
                        QColor accent = pal.color(QPalette::Highlight);
                        p.setPen(QPen(accent, 1.5, Qt::DashLine));
                        p.drawLine(QPointF(kRuler, y), QPointF(target.width() - 8, y));
                        p.setFont(boldFont);
                        p.setPen(accent);
                        p.drawText(QPointF(target.width() - kRightMargin + 20, y - 5),
                                   session::describeParamChange(e.detail, e.size));
                        p.setFont(labelFont);
                        hit = QRectF(kRuler, y - 6, target.width() - kRuler, 12);
                        break;
                    }
                    default:
                        break;
                    }
                    if (!hit.isEmpty()) {
                        m_hits.push_back({{}, hit, i});
                        ++m_stats.markersDrawn;
                    }
                }
            }
        }
    }

    // Lane headers last, over anything scrolled beneath them.
    p.fillRect(QRectF(0, 0, target.width(), kHeader), pal.color(QPalette::Base));
    QFont header = font();
    header.setPointSizeF(header.pointSizeF() * 1.15);
    p.setFont(header);
    const double spacing = m_clients > 1 ? std::abs(laneX(2) - laneX(1)) : 200.0;
    if (spacing < 80) {
        header.setPointSizeF(font().pointSizeF() * 0.85);
        p.setFont(header);
    }
    for (int h = 0; h < hosts; ++h) {
        const double x = laneX(HostId(h));
        // Narrow lanes get short names: c7 instead of client 7.
        QString name = hostLabel(HostId(h));
        if (h != 0 && spacing < 80)
            name = spacing < 34 ? QString::number(h) : tr("c%1").arg(h);
        double w = std::max(90.0, QFontMetricsF(header).horizontalAdvance(name) + 24);
        if (h != 0 && spacing < 100)
            w = std::max(12.0, std::min(w, spacing - 4));
        const QRectF box(x - w / 2, 10, w, kHeader - 18);
        p.setPen(Qt::NoPen);
        p.setBrush(dark ? QColor(0x4a, 0x5a, 0x70) : QColor(0x2c, 0x3e, 0x50));
        p.drawRoundedRect(box, 6, 6);
        p.setPen(Qt::white);
        p.drawText(box, Qt::AlignCenter, name);
    }
    p.setBrush(Qt::NoBrush);
    // The caption, where the lanes leave room for it.
    const double room = laneX(1) - 70 - 16;
    if (!m_title.isEmpty() && room > 160) {
        QFont title = font();
        title.setBold(true);
        p.setFont(title);
        p.setPen(text);
        const QFontMetricsF ft(title);
        p.drawText(QRectF(12, 6, room, ft.height()), Qt::AlignLeft | Qt::AlignVCenter,
                   ft.elidedText(m_title, Qt::ElideRight, room));
        QFont sub = font();
        sub.setPointSizeF(sub.pointSizeF() * 0.85);
        p.setFont(sub);
        QColor subtle = text;
        subtle.setAlpha(170);
        p.setPen(subtle);
        const QFontMetricsF fs(sub);
        // As many of the subtitle's " · " parts as fit in the header, the
        // rest cut to "…", rather than a line drawn over the time ruler.
        const QRectF area(12, 8 + ft.height(), room, kHeader - 10 - ft.height());
        const auto fits = [&](const QString &candidate) {
            return fs.boundingRect(QRectF(0, 0, area.width(), 1e6), Qt::AlignLeft | Qt::TextWordWrap, candidate)
                       .height() <= area.height() + 0.5;
        };
        QString shown = m_subtitle;
        if (!fits(shown)) {
            const QString separator = QStringLiteral(" · ");
            const QStringList parts = m_subtitle.split(separator);
            shown.clear();
            for (const QString &part : parts) {
                const QString next = shown.isEmpty() ? part : shown + separator + part;
                if (!fits(next + QStringLiteral(" …")))
                    break;
                shown = next;
            }
            shown += QStringLiteral(" …");
        }
        p.drawText(area, Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, shown);
    }
    p.setFont(font());
}

void SequenceDiagramView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
}

void SequenceDiagramView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const double steps = event->angleDelta().y() / 120.0;
        zoomBy(std::pow(1.25, steps), int(event->position().y()));
        event->accept();
        return;
    }
    QAbstractScrollArea::wheelEvent(event);
}

void SequenceDiagramView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal: zoomBy(1.25); return;
    case Qt::Key_Minus: zoomBy(0.8); return;
    case Qt::Key_F: fitToSession(); return;
    case Qt::Key_End: setFollowLive(true); return;
    case Qt::Key_Escape: selectEvent(std::nullopt); return;
    case Qt::Key_N:
    case Qt::Key_Right: selectAdjacentEvent(+1); return;
    case Qt::Key_P:
    case Qt::Key_Left: selectAdjacentEvent(-1); return;
    case Qt::Key_Home: setFollowLive(false); verticalScrollBar()->setValue(0); return;
    default: QAbstractScrollArea::keyPressEvent(event);
    }
}

namespace {
// Events the diagram draws as an arrow or a mark: what the keyboard steps through.
bool drawnAsItsOwn(EventKind kind)
{
    switch (kind) {
    case EventKind::Deliver:
    case EventKind::Lost:
    case EventKind::Timeout:
    case EventKind::HandlerStart:
    case EventKind::CallOk:
    case EventKind::CallFailed:
    case EventKind::DuplicateSuppressed:
    case EventKind::CachedReplyResent:
    case EventKind::StaleDropped:
    case EventKind::Rejected:
    case EventKind::ChecksumFail:
    case EventKind::CorruptAccepted:
    case EventKind::MalformedDropped:
    case EventKind::FragmentAck:
    case EventKind::Reassembled:
    case EventKind::ServerRestart:
    case EventKind::ParamChange:
        return true;
    default:
        return false;
    }
}
} // namespace

void SequenceDiagramView::selectAdjacentEvent(int direction)
{
    if (m_view.isEmpty())
        return;
    // From the selection, or else from the edge of what is in view.
    qsizetype i = 0;
    if (m_selected && *m_selected < m_view.size())
        i = *m_selected + direction;
    else if (direction > 0)
        i = m_view.lowerBound(visibleRange().first);
    else
        i = std::min(m_view.size(), m_view.lowerBound(visibleRange().second)) - 1;
    for (; i >= 0 && i < m_view.size(); i += direction) {
        if (!drawnAsItsOwn(m_view.at(i).kind))
            continue;
        selectEvent(i);
        // Keep it in view, a little away from the edges.
        const double y = yForTime(m_view.at(i).time());
        if (y < kHeader + 40 || y > viewport()->height() - 40) {
            setFollowLive(false);
            verticalScrollBar()->setValue(verticalScrollBar()->value() + int(y) - (kHeader + viewport()->height()) / 2);
        }
        Q_EMIT eventSelected(i);
        return;
    }
}

void SequenceDiagramView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragFrom = event->position().toPoint();
        m_dragScroll = verticalScrollBar()->value();
    }
}

void SequenceDiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragFrom && (event->buttons() & Qt::LeftButton)) {
        const int dy = event->position().toPoint().y() - m_dragFrom->y();
        if (std::abs(dy) > 3)
            verticalScrollBar()->setValue(m_dragScroll - dy);
    }
}

void SequenceDiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_dragFrom && event->button() == Qt::LeftButton) {
        const QPoint pos = event->position().toPoint();
        if ((pos - *m_dragFrom).manhattanLength() <= 3) {
            const std::optional<qsizetype> hit = eventAt(pos);
            selectEvent(hit);
            if (hit)
                Q_EMIT eventSelected(*hit);
        }
    }
    m_dragFrom.reset();
}

bool SequenceDiagramView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const std::optional<qsizetype> hit = eventAt(help->pos()); hit && *hit < m_view.size())
            QToolTip::showText(help->globalPos(), EventTableModel::toolTipText(m_view.at(*hit)), viewport());
        else
            QToolTip::hideText();
        return true;
    }
    return QAbstractScrollArea::viewportEvent(event);
}

} // namespace rpcscope::widgets
