#include "sequencediagramview.h"

#include "eventtablemodel.h"
#include "painter.h"
#include "placer.h"

#include <QEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QRubberBand>
#include <QScrollBar>
#include <QToolTip>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace rpcscope::widgets {

using core::TimePoint;

namespace {

double distanceToSegment(QPointF p, const QLineF &l)
{
    const QPointF d = l.p2() - l.p1();
    const double len2 = d.x() * d.x() + d.y() * d.y();
    const double t = len2 > 0 ? std::clamp(QPointF::dotProduct(p - l.p1(), d) / len2, 0.0, 1.0) : 0.0;
    const QPointF q = l.p1() + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
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
    m_digest.clear();
    m_digest.update(m_view);
    m_now = TimePoint(0);
    m_stepped.reset();
    m_selected.reset();
    m_selectedCall.reset();
    m_selectedCalls.clear();
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
        m_selected.reset();
        m_selectedCall.reset();
        m_selectedCalls.clear();
    }
    m_digest.update(m_view);
    m_now = now;
    updateScrollRange();
    if (m_follow) {
        m_adjustingScroll = true;
        verticalScrollBar()->setValue(verticalScrollBar()->maximum());
        m_adjustingScroll = false;
    }
    viewport()->update();
}

std::optional<qsizetype> SequenceDiagramView::latestShownEvent() const
{
    return diagram::latestShown(m_view, m_digest, m_now);
}

TimePoint SequenceDiagramView::end() const
{
    return std::max(m_now, m_digest.lastEvent());
}

diagram::Geometry SequenceDiagramView::geometry() const
{
    diagram::Geometry g;
    g.width = viewport()->width() / m_scale;
    g.height = viewport()->height() / m_scale;
    g.clients = m_clients;
    g.pixelsPerMs = m_pixelsPerMs;
    g.scroll = verticalScrollBar()->value();
    g.tracks = m_tracks ? 4 : 0;
    return g;
}

void SequenceDiagramView::updateScrollRange()
{
    const diagram::Geometry g = geometry();
    const int visible = std::max(1, int(g.height - g.header()));
    m_adjustingScroll = true;
    verticalScrollBar()->setPageStep(visible);
    verticalScrollBar()->setRange(0, std::max(0, int(g.contentHeight(end())) - visible));
    m_adjustingScroll = false;
}

void SequenceDiagramView::setPixelsPerMs(double scale)
{
    m_fitWhenRoom = false;
    m_pixelsPerMs = std::clamp(scale, 1e-6, 400.0);
    updateScrollRange();
    viewport()->update();
}

void SequenceDiagramView::setPresentationScale(double scale)
{
    m_scale = std::clamp(scale, 0.5, 4.0);
    updateScrollRange();
    viewport()->update();
}

void SequenceDiagramView::setStepped(std::optional<qsizetype> index)
{
    m_stepped = index;
    viewport()->update();
}

void SequenceDiagramView::setOnlySelectedCall(bool only)
{
    m_onlyCall = only;
    viewport()->update();
}

void SequenceDiagramView::setLegendShown(bool shown)
{
    m_legend = shown;
    viewport()->update();
}

void SequenceDiagramView::setCounterTracks(bool shown)
{
    m_tracks = shown;
    viewport()->update();
}

void SequenceDiagramView::zoomBy(double factor, std::optional<int> anchorY)
{
    const double y = anchorY.value_or(viewport()->height() / 2) / m_scale;
    const TimePoint anchor = geometry().timeForY(y);
    setPixelsPerMs(m_pixelsPerMs * factor);
    // Keep the time under the anchor where it was.
    const diagram::Geometry g = geometry();
    const double wanted = g.topPad() + double(anchor.count()) / 1000.0 * m_pixelsPerMs - (y - g.header());
    setFollowLive(false);
    verticalScrollBar()->setValue(int(std::lround(wanted)));
}

void SequenceDiagramView::fitToSession()
{
    // Before the window is laid out (a capture opened from the command
    // line) the view has no room to fit into: the first resize that gives
    // it room fits instead, or the story would be squeezed into a line.
    const diagram::Geometry g = geometry();
    if (!isVisible() || g.height - g.header() - g.topPad() - g.bottomPad() < 40) {
        m_fitWhenRoom = true;
        return;
    }
    setPixelsPerMs(g.fitScale(end()));
    verticalScrollBar()->setValue(0);
}

void SequenceDiagramView::zoomToRange(TimePoint from, TimePoint to)
{
    if (to < from)
        std::swap(from, to);
    setFollowLive(false);
    const diagram::Geometry g = geometry();
    const double ms = std::max(0.01, double((to - from).count()) / 1000.0);
    setPixelsPerMs((g.height - g.header() - g.topPad() - g.bottomPad()) / ms);
    // `from` at the top of the time area.
    verticalScrollBar()->setValue(int(std::lround(double(from.count()) / 1000.0 * m_pixelsPerMs)));
}

bool SequenceDiagramView::zoomToSelectedCall()
{
    if (!m_selectedCall)
        return false;
    std::optional<TimePoint> first, last;
    for (qsizetype i = 0; i < m_view.size(); ++i) {
        const trace::Event &e = m_view.at(i);
        if (e.client != m_selectedCall->first || e.callId != m_selectedCall->second || e.time() > m_now)
            continue;
        if (!first)
            first = e.time();
        last = std::max(last.value_or(e.time()), e.time());
    }
    if (!first)
        return false;
    // A little room on both sides, so its first and last marks are not on the edges.
    const core::Duration pad = std::max(core::Duration(2'000), (*last - *first) / 10);
    zoomToRange(std::max(TimePoint(0), *first - pad), *last + pad);
    return true;
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

void SequenceDiagramView::selectEvent(std::optional<qsizetype> index)
{
    m_selected = index;
    m_selectedCall.reset();
    if (index && *index < m_view.size()) {
        const trace::Event &e = m_view.at(*index);
        if (e.callId != 0)
            m_selectedCall = std::pair{e.client, e.callId};
    }
    viewport()->update();
}

std::optional<qsizetype> SequenceDiagramView::eventAt(QPoint viewportPos) const
{
    const QPointF pos = QPointF(viewportPos) / m_scale;
    // What is painted on top is found first: labels, then marks, then arrows.
    for (auto it = m_frame.labels.rbegin(); it != m_frame.labels.rend(); ++it)
        if (it->placed && it->event >= 0 && it->rect.contains(pos))
            return it->event;
    for (auto it = m_frame.items.rbegin(); it != m_frame.items.rend(); ++it) {
        if (it->event < 0 || !it->line.isNull())
            continue;
        if (it->rect.adjusted(-2, -2, 2, 2).contains(pos))
            return it->event;
    }
    for (auto it = m_frame.items.rbegin(); it != m_frame.items.rend(); ++it) {
        if (it->event < 0 || it->line.isNull())
            continue;
        const bool arrow = it->kind == diagram::ItemKind::Arrow || it->kind == diagram::ItemKind::Stroke;
        if (distanceToSegment(pos, it->line) <= (arrow ? 5.0 : 4.0))
            return it->event;
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

void SequenceDiagramView::render(QPainter &painter, const QRect &target)
{
    diagram::SceneInput in;
    in.view = m_view;
    in.digest = &m_digest;
    in.geometry = geometry();
    in.geometry.width = target.width() / m_scale;
    in.geometry.height = target.height() / m_scale;
    in.now = m_now;
    in.focus = m_selected ? m_selected : m_stepped;
    in.selectedCall = m_selectedCall;
    in.selectedCalls = &m_selectedCalls;
    in.onlySelectedCall = m_onlyCall;
    in.adaptive = m_adaptive;
    in.font = diagram::diagramFont(font());
    m_frame = diagram::SceneBuilder::build(in);

    diagram::PaintStyle style;
    const QPalette pal = palette();
    style.font = in.font;
    style.base = pal.color(QPalette::Base);
    style.text = pal.color(QPalette::Text);
    style.highlight = pal.color(QPalette::Highlight);
    style.title = m_title;
    style.subtitle = m_subtitle;
    style.legend = m_legend;
    painter.save();
    painter.scale(m_scale, m_scale);
    diagram::paintFrame(painter, m_frame, in.geometry, style);
    painter.restore();
}

void SequenceDiagramView::resizeEvent(QResizeEvent *event)
{
    QAbstractScrollArea::resizeEvent(event);
    updateScrollRange();
    if (m_fitWhenRoom)
        fitToSession();
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
    case Qt::Key_Escape:
        // One call selected: back to the set, if there is one; else the set goes.
        if (!m_selectedCall && !m_selectedCalls.empty()) {
            setSelectedCalls({});
            Q_EMIT selectedCallsCleared();
        }
        selectEvent(std::nullopt);
        return;
    case Qt::Key_N:
    case Qt::Key_Right: m_selectedCalls.empty() ? selectAdjacentEvent(+1) : void(selectAdjacentCall(+1)); return;
    case Qt::Key_P:
    case Qt::Key_Left: m_selectedCalls.empty() ? selectAdjacentEvent(-1) : void(selectAdjacentCall(-1)); return;
    case Qt::Key_Home: setFollowLive(false); verticalScrollBar()->setValue(0); return;
    default: QAbstractScrollArea::keyPressEvent(event);
    }
}

void SequenceDiagramView::selectAdjacentEvent(int direction)
{
    selectNext(direction, [this](qsizetype i) { return diagram::drawnAsItsOwn(m_view.at(i).kind); });
}

void SequenceDiagramView::setSelectedCalls(std::vector<std::pair<core::HostId, std::uint32_t>> calls)
{
    std::ranges::sort(calls);
    m_selectedCalls = std::move(calls);
    viewport()->update();
}

bool SequenceDiagramView::selectAdjacentCall(int direction)
{
    const auto current = m_selectedCall;
    const bool found = selectNext(direction, [this, current](qsizetype i) {
        const trace::Event &e = m_view.at(i);
        const std::pair key{e.client, e.callId};
        return e.callId != 0 && diagram::drawnAsItsOwn(e.kind) && key != current
               && std::ranges::binary_search(m_selectedCalls, key);
    });
    // Close enough to see the call's every datagram, however far out the
    // diagram was (a set is picked out of a whole session's charts).
    if (found)
        zoomToSelectedCall();
    return found;
}

bool SequenceDiagramView::selectMoment(diagram::Moment moment, int direction)
{
    return selectNext(direction, [this, moment](qsizetype i) { return diagram::momentOf(m_view.at(i)) == moment; });
}

bool SequenceDiagramView::selectNext(int direction, const std::function<bool(qsizetype)> &wanted)
{
    if (m_view.isEmpty())
        return false;
    // From the selection, or else from the edge of what is in view.
    qsizetype i = 0;
    if (m_selected && *m_selected < m_view.size())
        i = *m_selected + direction;
    else if (direction > 0)
        i = m_view.lowerBound(visibleRange().first);
    else
        i = std::min(m_view.size(), m_view.lowerBound(visibleRange().second)) - 1;
    for (; i >= 0 && i < m_view.size(); i += direction) {
        if (!wanted(i) || !isRevealed(i))
            continue;
        goToEvent(i);
        return true;
    }
    return false;
}

void SequenceDiagramView::showTime(core::TimePoint time)
{
    setFollowLive(false);
    const double header = geometry().header() * m_scale;
    const double y = yForTime(time);
    verticalScrollBar()->setValue(verticalScrollBar()->value()
                                  + int(std::lround((y - (header + viewport()->height()) / 2) / m_scale)));
}

bool SequenceDiagramView::isRevealed(qsizetype index) const
{
    return index >= 0 && index < m_view.size() && diagram::revealTime(m_view.at(index), m_digest) <= m_now;
}

void SequenceDiagramView::goToEvent(qsizetype index)
{
    if (index < 0 || index >= m_view.size())
        return;
    selectEvent(index);
    // Keep it in view, a little away from the edges.
    const double y = yForTime(m_view.at(index).time());
    if (y < geometry().header() * m_scale + 40 || y > viewport()->height() - 40)
        showTime(m_view.at(index).time());
    Q_EMIT eventSelected(index);
}

void SequenceDiagramView::mousePressEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    const diagram::Geometry g = geometry();
    const bool onTracks = m_tracks && pos.x() / m_scale >= g.lanesRight() && pos.y() / m_scale > g.header();
    if (event->button() == Qt::LeftButton && ((event->modifiers() & Qt::ShiftModifier) || onTracks)) {
        m_bandFrom = pos.y();
        m_bandOnTracks = onTracks && !(event->modifiers() & Qt::ShiftModifier);
        if (!m_band)
            m_band = new QRubberBand(QRubberBand::Rectangle, viewport());
        m_band->setGeometry(bandRect(*m_bandFrom, *m_bandFrom));
        m_band->show();
        return;
    }
    if (event->button() == Qt::LeftButton) {
        m_dragFrom = event->position().toPoint();
        m_dragScroll = verticalScrollBar()->value();
    }
}

QRect SequenceDiagramView::bandRect(int fromY, int toY) const
{
    // Across the whole view for a zoom; across the counter tracks alone for
    // the charts' range.
    const int left = m_bandOnTracks ? int(geometry().lanesRight() * m_scale) : 0;
    return QRect(left, std::min(fromY, toY), viewport()->width() - left, std::abs(toY - fromY) + 1);
}

void SequenceDiagramView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_bandFrom) {
        m_band->setGeometry(bandRect(*m_bandFrom, event->position().toPoint().y()));
        return;
    }
    if (m_dragFrom && (event->buttons() & Qt::LeftButton)) {
        const int dy = event->position().toPoint().y() - m_dragFrom->y();
        if (std::abs(dy) > 3)
            verticalScrollBar()->setValue(m_dragScroll - dy);
    }
}

void SequenceDiagramView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_bandFrom) {
        const int y = event->position().toPoint().y();
        const int top = std::min(y, *m_bandFrom), bottom = std::max(y, *m_bandFrom);
        m_bandFrom.reset();
        m_band->hide();
        const diagram::Geometry g = geometry();
        const TimePoint from = std::max(TimePoint(0), g.timeForY(top / m_scale)), to = g.timeForY(bottom / m_scale);
        if (m_bandOnTracks) {
            if (bottom - top > 4)
                Q_EMIT tracksRangeChosen(from.count(), to.count());
            else
                Q_EMIT tracksRangeCleared();
        } else if (bottom - top > 4) {
            zoomToRange(from, to);
        }
        return;
    }
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

void SequenceDiagramView::setAdaptiveTimeout(bool adaptive)
{
    if (adaptive == m_adaptive)
        return;
    m_adaptive = adaptive;
    viewport()->update();
}

} // namespace rpcscope::widgets
