#pragma once

#include "core/clock.h"
#include "trace/event.h"
#include "trace/tracelog.h"

#include <QAbstractScrollArea>
#include <QLineF>
#include <QRectF>

#include <optional>
#include <tuple>
#include <vector>

namespace rpcscope::widgets {

// The sequence diagram: one lane per host, time running down, an arrow per
// datagram from its send to its delivery, a ✗ where one was lost, a clock
// at each timeout, badges where the server suppressed a duplicate or resent
// a cached reply. It paints only the visible time range straight from the
// trace (no copy of the events), so a frame costs the same at any session
// length.
//
// Wheel scrolls, Ctrl+wheel (or + / -) zooms around the cursor, F fits the
// session, End follows the live edge, Home goes to the start; scrolling back
// stops following. Clicking a datagram selects its call and highlights all
// of its datagrams; N / P (or Right / Left) select the next or previous
// arrow or mark from the keyboard, Escape clears the selection.
class SequenceDiagramView : public QAbstractScrollArea
{
    Q_OBJECT

public:
    explicit SequenceDiagramView(QWidget *parent = nullptr);

    void setLog(const trace::TraceLog *log, int clients);
    // A title and a line of settings shown at the top left, as on a slide.
    void setCaption(const QString &title, const QString &subtitle);
    // Takes in new events and the clock; call at most once per frame.
    void refresh(core::TimePoint now);

    // Vertical scale.
    double pixelsPerMs() const { return m_pixelsPerMs; }
    void setPixelsPerMs(double scale);
    void zoomBy(double factor, std::optional<int> anchorY = std::nullopt);
    void fitToSession();

    bool followsLive() const { return m_follow; }
    void setFollowLive(bool follow);

    // The selected event (by log index) and the call it belongs to.
    std::optional<qsizetype> selectedEvent() const { return m_selected; }
    void selectEvent(std::optional<qsizetype> index);
    // Selects the next (+1) or previous (-1) event drawn as an arrow or a
    // mark, scrolls it into view and reports it as a click would.
    void selectAdjacentEvent(int direction);
    // The event under a viewport point, if any (for hover and tests).
    std::optional<qsizetype> eventAt(QPoint viewportPos) const;
    // Where a host's lane is drawn, in viewport x.
    double laneX(core::HostId host) const;
    // Viewport y of a time.
    double yForTime(core::TimePoint time) const;
    // The times at the top and the bottom of what is in view.
    std::pair<core::TimePoint, core::TimePoint> visibleRange() const;

    // Renders the visible part into `painter` (used by paintEvent and exports).
    void render(QPainter &painter, const QRect &target);

    // Painting statistics of the last frame, for benchmarks and tests.
    struct FrameStats
    {
        qsizetype eventsVisited = 0;
        qsizetype arrowsDrawn = 0;
        qsizetype markersDrawn = 0;
        bool summarised = false; // too many events: drawn as density, not one by one
    };
    const FrameStats &lastFrame() const { return m_stats; }

Q_SIGNALS:
    void eventSelected(qsizetype index);
    // What is in view changed (scrolled, zoomed, resized, or new events at
    // the live edge): times in microseconds, and whether it follows the live edge.
    void visibleRangeChanged(qint64 fromUs, qint64 toUs, bool followingLive);
    void followLiveChanged(bool follow);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    bool viewportEvent(QEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;
    void changeEvent(QEvent *event) override;

private:
    // Something drawn that the pointer can hit.
    // Kept small and allocation-free: thousands are recorded per frame.
    struct Hit
    {
        QLineF line;  // an arrow (hit within a few pixels of it) ...
        QRectF rect;  // ... or a marker's rectangle
        qsizetype index;
    };

    void updateScrollRange();
    void retranslate();
    core::TimePoint timeForY(double y) const;
    double contentHeight() const;
    std::optional<core::TimePoint> sendTimeOf(const trace::TraceLog::View &view, qsizetype deliver) const;
    bool dimmed(const trace::Event &e) const;
    QString hostLabel(core::HostId host) const;

    const trace::TraceLog *m_log = nullptr;
    QString m_title;
    QString m_subtitle;
    trace::TraceLog::View m_view;
    int m_clients = 1;
    core::TimePoint m_now{0};
    core::TimePoint m_end{0};            // latest time in the trace or the clock
    core::Duration m_maxFlight{100'000}; // longest send→deliver seen: how far back arrows reach
    qsizetype m_scanned = 0;             // events looked at for m_maxFlight
    double m_pixelsPerMs = 1.6;
    bool m_follow = true;
    bool m_adjustingScroll = false;
    std::optional<qsizetype> m_selected;
    std::optional<std::pair<core::HostId, std::uint32_t>> m_selectedCall;
    std::vector<Hit> m_hits;
    std::optional<QPoint> m_dragFrom;
    int m_dragScroll = 0;
    FrameStats m_stats;
    std::tuple<qint64, qint64, bool> m_announcedRange{-1, -1, false}; // last visibleRangeChanged
};

} // namespace rpcscope::widgets
