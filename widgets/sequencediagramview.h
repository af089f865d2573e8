#pragma once

#include "base/clock.h"
#include "base/event.h"
#include "geometry.h"
#include "items.h"
#include "moments.h"
#include "scene.h"
#include "trace/tracelog.h"

#include <QAbstractScrollArea>

class QRubberBand;

#include <functional>
#include <optional>
#include <tuple>

namespace rpcscope::widgets {

// The sequence diagram in the window: one lane per host, time running down.
// What is drawn is decided by diagram::SceneBuilder and painted by
// diagram::paintFrame, the same pipeline the exports and the command line
// use; this view only scrolls, zooms, selects and handles keys.
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
    // Takes in new events and the playback clock; call at most once per frame.
    // Nothing after `now` is drawn; datagrams sent before it and not yet
    // arrived are drawn in flight.
    void refresh(core::TimePoint now);

    // Vertical scale.
    double pixelsPerMs() const { return m_pixelsPerMs; }
    void setPixelsPerMs(double scale);
    void zoomBy(double factor, std::optional<int> anchorY = std::nullopt);
    void fitToSession();
    // Shows [from, to] filling the time area (and stops following the live edge).
    void zoomToRange(core::TimePoint from, core::TimePoint to);
    // Zooms to the selected call's events, from its start to its end; false
    // if no call is selected.
    bool zoomToSelectedCall();
    // Presentation: everything drawn (text, marks, lines, margins) grows by
    // `scale`; 1 is normal.
    void setPresentationScale(double scale);
    // Counter tracks at the right: calls open, sent vs answered, dropped vs
    // resent, the timeout in force.
    void setCounterTracks(bool shown);
    bool counterTracks() const { return m_tracks; }
    // A key to every mark, line and colour, over the top right corner.
    void setLegendShown(bool shown);
    // With a call selected, draw only that call (and what belongs to no
    // call: setting changes, crashes); the others are not dimmed but gone.
    void setOnlySelectedCall(bool only);
    // The session's timeout is adaptive: each timer shows the SRTT and
    // SRTT + 4·RTTVAR it was armed from.
    void setAdaptiveTimeout(bool adaptive);
    bool onlySelectedCall() const { return m_onlyCall; }
    bool legendShown() const { return m_legend; }
    double presentationScale() const { return m_scale; }

    bool followsLive() const { return m_follow; }
    void setFollowLive(bool follow);

    // The selected event (by log index) and the call it belongs to.
    std::optional<qsizetype> selectedEvent() const { return m_selected; }
    void selectEvent(std::optional<qsizetype> index);
    // A set of calls picked out (by the charts), sorted: drawn as selected,
    // the rest dimmed, while no one call is selected; N and P then step
    // from one of them to the next in time, and Escape (with no one call
    // selected) lets the set go. An empty set: none.
    void setSelectedCalls(std::vector<std::pair<core::HostId, std::uint32_t>> calls);
    const std::vector<std::pair<core::HostId, std::uint32_t>> &selectedCalls() const { return m_selectedCalls; }
    // Selects the first event shown of the next (+1) or previous (-1) call
    // of the set, after or before the selection; false if there is none.
    bool selectAdjacentCall(int direction);
    // The event the last Step reached: ringed like a selection, without
    // dimming the other calls. Cleared by setLog() and by passing nullopt.
    void setStepped(std::optional<qsizetype> index);
    // Selects the next (+1) or previous (-1) event drawn as an arrow or a
    // mark, scrolls it into view and reports it as a click would.
    void selectAdjacentEvent(int direction);
    // Selects the next (+1) or previous (-1) moment of a kind that the clock
    // has reached, the same way; false if there is none that way.
    bool selectMoment(diagram::Moment moment, int direction);
    // Selects event `index`, scrolls it into view and reports it as a click would.
    void goToEvent(qsizetype index);
    // Scrolls `time` to the middle of the view (and stops following the live edge).
    void showTime(core::TimePoint time);
    // Whether the clock has reached what event `index` shows (a loss: its ✗).
    bool isRevealed(qsizetype index) const;
    // The event under a viewport point, if any (for hover and tests).
    std::optional<qsizetype> eventAt(QPoint viewportPos) const;
    // Where a host's lane is drawn, in viewport x.
    double laneX(core::HostId host) const { return geometry().laneX(host) * m_scale; }
    // Viewport y of a time.
    double yForTime(core::TimePoint time) const { return geometry().yForTime(time) * m_scale; }
    // The times at the top and the bottom of what is in view.
    std::pair<core::TimePoint, core::TimePoint> visibleRange() const { return geometry().visibleRange(); }
    // The frame as it stands: size, scale and scroll (for exports of the
    // view), in the diagram's own units: viewport pixels divided by the
    // presentation scale, which the painter multiplies back.
    diagram::Geometry geometry() const;
    core::TimePoint now() const { return m_now; }
    // The newest event the diagram shows at its clock: a loss only once its
    // ✗ is drawn. What the narration may speak of.
    std::optional<qsizetype> latestShownEvent() const;
    std::optional<std::pair<core::HostId, std::uint32_t>> selectedCall() const { return m_selectedCall; }

    // Renders the visible part into `painter` (used by paintEvent and tests).
    void render(QPainter &painter, const QRect &target);

    // The last frame drawn: its items, placed labels and what it cost.
    const diagram::Frame &lastFrame() const { return m_frame; }

Q_SIGNALS:
    void eventSelected(qsizetype index);
    // What is in view changed (scrolled, zoomed, resized, or new events at
    // the live edge): times in microseconds, and whether it follows the live edge.
    void visibleRangeChanged(qint64 fromUs, qint64 toUs, bool followingLive);
    void followLiveChanged(bool follow);
    // The set of calls picked out was let go (Escape).
    void selectedCallsCleared();
    // A drag down the counter tracks chose a stretch of time for the
    // charts; a click on them (no drag) gave it back to the scroll.
    void tracksRangeChosen(qint64 fromUs, qint64 toUs);
    void tracksRangeCleared();

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
    void updateScrollRange();
    QRect bandRect(int fromY, int toY) const;
    // Shift+drag: a band across the time area, zoomed to on release.
    QRubberBand *m_band = nullptr;
    std::optional<int> m_bandFrom;
    bool m_bandOnTracks = false; // the band chooses the charts' range, not a zoom
    bool selectNext(int direction, const std::function<bool(qsizetype)> &wanted);
    void retranslate();
    // The end of the story: the clock, or the last event if that is later.
    core::TimePoint end() const;

    const trace::TraceLog *m_log = nullptr;
    QString m_title;
    QString m_subtitle;
    trace::TraceLog::View m_view;
    diagram::TraceDigest m_digest;
    int m_clients = 1;
    core::TimePoint m_now{0};
    double m_pixelsPerMs = 1.6;
    double m_scale = 1.0;
    bool m_tracks = false;
    bool m_legend = false;
    bool m_onlyCall = false;
    bool m_follow = true;
    bool m_adaptive = false;
    bool m_fitWhenRoom = false; // fitToSession() asked before the view had room
    bool m_adjustingScroll = false;
    std::optional<qsizetype> m_selected;
    std::optional<qsizetype> m_stepped;
    std::optional<std::pair<core::HostId, std::uint32_t>> m_selectedCall;
    std::vector<std::pair<core::HostId, std::uint32_t>> m_selectedCalls; // sorted
    std::optional<QPoint> m_dragFrom;
    int m_dragScroll = 0;
    diagram::Frame m_frame;
    std::tuple<qint64, qint64, bool> m_announcedRange{-1, -1, false}; // last visibleRangeChanged
};

} // namespace rpcscope::widgets
