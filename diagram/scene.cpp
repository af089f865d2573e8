#include "scene.h"

#include "displaynames.h"
#include "placer.h"
#include "settingwords.h"
#include "netem/netem.h"
#include "wire/datagram.h"

#include <QFontMetricsF>

#include <algorithm>
#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace rpcscope::diagram {

using core::Duration;
using core::HostId;
using core::TimePoint;
using trace::Event;
using trace::EventKind;
using wire::DatagramKind;

namespace {

constexpr qsizetype kDetailLimit = 5'000;     // more events than this in view: bands
constexpr qsizetype kFocusCallLimit = 200'000; // ...and up to this many, the selected call over them
constexpr qsizetype kBandSamples = 40'000;    // events looked at to draw bands
constexpr int kLabelLimit = 150;              // more arrows than this: no labels of single events
constexpr double kArrowSpacing = 5;           // fewer pixels of height per arrow: bands
constexpr double kBandHeight = 6;             // pixels per band bucket

Tone toneOf(std::uint8_t datagram)
{
    if (datagram >= 1 && datagram <= 7)
        return Tone(datagram - 1);
    return Tone::Faint;
}

DatagramKey keyOf(const Event &e)
{
    return DatagramKey::of(e);
}

bool lostOnTheWay(const Event &e)
{
    return e.kind == EventKind::Lost && e.detail != std::uint32_t(netem::LossCause::ServerBusy);
}

// Builds one frame; a struct so the helpers share the frame's state.
struct Builder
{
    Q_DECLARE_TR_FUNCTIONS(rpcscope::diagram::SceneBuilder)

public:
    const SceneInput &in;
    const Geometry &g;
    Frame f;
    QFont bold;
    QFontMetricsF fm, fb;
    double top, bottom;
    bool labels = true;
    // Drawing the selected call alone in detail, over the bands.
    bool onlyFocusCall = false;
    bool focusOverBands = false; // the selected call is drawn over the bands, which fade back
    // Timeouts that fired while the reply that answered the call was
    // already on its way (found by timers(), named by event()).
    std::unordered_set<qsizetype> spuriousTimeouts;
    bool onlyUrgentLabels = false;
    bool labelEvents = true;

    explicit Builder(const SceneInput &input)
        : in(input)
        , g(input.geometry)
        , bold(boldOf(input.font))
        , fm(input.font)
        , fb(bold)
        , top(input.geometry.header())
        , bottom(input.geometry.height)
    {
    }
    static QFont boldOf(QFont font)
    {
        font.setBold(true);
        return font;
    }

    double y(TimePoint t) const { return g.yForTime(t); }
    // When something begun at event `i` ends: the first later event `ends`
    // accepts, or the clock if none has come by then.
    template <typename Ends>
    TimePoint endOf(qsizetype i, Ends ends) const
    {
        for (qsizetype j = i + 1; j < in.view.size() && j < i + 20000; ++j) {
            const Event &c = in.view.at(j);
            if (c.time() > in.now)
                break;
            if (ends(c))
                return c.time();
        }
        return in.now;
    }
    Duration flight(const Event &e) const { return in.digest->typicalFlight(e.to == core::kServerHost); }

    std::uint8_t flagsOf(const Event &e, qsizetype index) const
    {
        std::uint8_t flags = 0;
        if (in.selectedCall) {
            const bool mine = e.client == in.selectedCall->first && e.callId == in.selectedCall->second;
            flags |= mine ? Selected : Dimmed;
        } else if (in.selectedCalls && !in.selectedCalls->empty()) {
            const bool picked = e.callId != 0
                                && std::ranges::binary_search(*in.selectedCalls, std::pair{e.client, e.callId});
            flags |= picked ? Selected : Dimmed;
        }
        if (in.focus && *in.focus == index)
            flags |= Halo;
        return flags;
    }

    QSizeF measure(const QString &text, bool isBold) const
    {
        const QStringList lines = text.split(u'\n');
        double w = 0;
        for (qsizetype i = 0; i < lines.size(); ++i)
            w = std::max(w, (isBold && i == 0 ? fb : fm).horizontalAdvance(lines.at(i)));
        return {std::ceil(w) + 2, std::ceil(fm.height() * lines.size())};
    }

    bool wants(int priority) const
    {
        return labels && (labelEvents || priority >= priority::Change)
               && (!onlyUrgentLabels || priority >= priority::Timeout);
    }

    Label &label(const QString &text, Tone tone, int prio, qsizetype event, std::uint8_t flags, QPointF anchor,
                 bool isBold = false, bool boxed = false)
    {
        Label l;
        l.text = text;
        l.tone = tone;
        l.priority = prio;
        l.bold = isBold;
        l.boxed = boxed;
        l.dimmed = flags & Dimmed;
        l.anchor = anchor;
        l.event = event;
        f.labels.push_back(std::move(l));
        return f.labels.back();
    }

    // Places along an arrow, never on its stroke: the placer checks that.
    void arrowLabel(const QString &text, Tone tone, int prio, qsizetype event, std::uint8_t flags, QPointF a, QPointF b)
    {
        if (!wants(prio) || hidden(flags, event))
            return;
        const QSizeF s = measure(text, true);
        Label &l = label(text, tone, prio, event, flags, (a + b) / 2, true);
        // Above or below the stroke, lifted by the slope so no corner touches it.
        const double dx = std::abs(b.x() - a.x());
        const double rise = dx > 1 ? std::abs(b.y() - a.y()) / dx * s.width() / 2 : 1e9;
        if (rise < 4 * s.height()) {
            for (const double t : {0.5, 0.35, 0.65, 0.2, 0.8}) {
                const QPointF m = a + t * (b - a);
                l.candidates.push_back(
                    QRectF(m.x() - s.width() / 2, m.y() - rise - s.height() - 3, s.width(), s.height()));
                l.candidates.push_back(QRectF(m.x() - s.width() / 2, m.y() + rise + 3, s.width(), s.height()));
            }
        }
        for (const double t : {0.5, 0.3, 0.7}) {
            const QPointF m = a + t * (b - a);
            l.candidates.push_back(QRectF(m.x() + 8, m.y() - s.height() / 2, s.width(), s.height()));
            l.candidates.push_back(QRectF(m.x() - 8 - s.width(), m.y() - s.height() / 2, s.width(), s.height()));
        }
    }

    // Beside a point on a lane, on the preferred side first, then moving
    // down or up by whole lines, then the other side.
    void sideLabel(const QString &text, Tone tone, int prio, qsizetype event, std::uint8_t flags, QPointF anchor,
                   bool leftFirst, double gap, bool isBold = false, bool boxed = false, double dy0 = 0)
    {
        if (!wants(prio) || hidden(flags, event))
            return;
        QSizeF s = measure(text, isBold);
        if (boxed)
            s += QSizeF(16, 8);
        Label &l = label(text, tone, prio, event, flags, anchor, isBold, boxed);
        const auto at = [&](bool left, int k, double extraGap = 0) {
            const double x = left ? anchor.x() - gap - extraGap - s.width() : anchor.x() + gap + extraGap;
            return QRectF(x, anchor.y() + dy0 - s.height() / 2 + k * (s.height() + 4), s.width(), s.height());
        };
        // Plain words stay level with what they name; a badge may move a
        // line or two away, tied back to its point by a leader.
        if (!boxed) {
            l.candidates.push_back(at(leftFirst, 0));
            l.candidates.push_back(at(!leftFirst, 0));
            l.candidates.push_back(at(leftFirst, 1));
            l.candidates.push_back(at(leftFirst, -1));
            // Centred under or over its point, where lanes leave no room beside it.
            l.candidates.push_back(QRectF(anchor.x() - s.width() / 2, anchor.y() + 10, s.width(), s.height()));
            l.candidates.push_back(QRectF(anchor.x() - s.width() / 2, anchor.y() - 10 - s.height(), s.width(), s.height()));
            // Last, a line above and clear of the call's bar and the
            // arrows leaving the point, on either side (presentation
            // mode's large type leaves little room closer). Never further,
            // nor below: a label far from its point, or under the present
            // moment, would be read as another event's.
            constexpr double kClearOfBar = 16;
            l.candidates.push_back(at(leftFirst, -1, kClearOfBar));
            l.candidates.push_back(at(!leftFirst, -1, kClearOfBar));
            return;
        }
        for (const auto &[left, k] : std::initializer_list<std::pair<bool, int>>{
                 {leftFirst, 0}, {leftFirst, 1}, {leftFirst, -1}, {!leftFirst, 0}, {leftFirst, 2},
                 {leftFirst, -2}, {!leftFirst, 1}, {!leftFirst, -1}})
            l.candidates.push_back(at(left, k));
    }

    // Another call's, when only the selected call is shown. What belongs to
    // no call (a setting changed, a crash) stays: it is the call's context too.
    bool hidden(std::uint8_t flags, qsizetype event) const
    {
        return (in.onlySelectedCall || onlyFocusCall) && (flags & Dimmed)
               && !(event >= 0 && event < in.view.size() && in.view.at(event).callId == 0);
    }

    void add(ItemKind kind, Tone tone, std::uint8_t flags, QLineF line, QRectF rect, qsizetype event)
    {
        if (hidden(flags, event))
            return;
        f.items.push_back({kind, tone, flags, line, rect, event});
        switch (kind) {
        case ItemKind::Arrow:
        case ItemKind::Stroke: ++f.arrowsDrawn; break;
        case ItemKind::Cross:
        case ItemKind::Clock:
        case ItemKind::Dot:
        case ItemKind::BadgeMark:
        case ItemKind::Rule:
        case ItemKind::Cut: ++f.markersDrawn; break;
        default: break;
        }
    }

    std::optional<TimePoint> sendTimeOf(qsizetype deliver) const
    {
        const Event &d = in.view.at(deliver);
        if (d.detail)
            return d.time() - Duration(d.detail);
        // A live trace does not know the flight time: find the send.
        return sendBefore(deliver);
    }

    // The send of the datagram event `index` is about, searched back a
    // bounded way.
    std::optional<TimePoint> sendBefore(qsizetype index) const
    {
        const DatagramKey key = keyOf(in.view.at(index));
        const qsizetype stop = std::max<qsizetype>(0, index - 4096);
        for (qsizetype i = index - 1; i >= stop; --i) {
            const Event &s = in.view.at(i);
            if (s.kind == EventKind::Send && keyOf(s) == key)
                return s.time();
        }
        return std::nullopt;
    }

    // A datagram still travelling: from its send point towards its
    // destination, its tip at the clock, at the pace datagrams go that way.
    void inFlight(const Event &e, qsizetype index)
    {
        const TimePoint sent = e.time();
        const double y0 = y(sent), y1 = y(in.now);
        if (y0 > bottom || y1 < top)
            return;
        const double pace = double(std::max<std::int64_t>(1, flight(e).count()));
        const double along = std::min(0.96, double((in.now - sent).count()) / pace);
        const double x0 = g.laneX(e.from), x1 = g.laneX(e.to);
        std::uint8_t flags = flagsOf(e, index) | InFlight;
        if (DatagramKind(e.datagram) == DatagramKind::Request && e.attempt > 1)
            flags |= Retry;
        add(ItemKind::Arrow, toneOf(e.datagram), flags, QLineF(x0, y0, x0 + (x1 - x0) * along, y1), {}, index);
        ++f.inFlight;
    }

    void build();
    void detail(qsizetype first, qsizetype last);
    void bands(qsizetype first, qsizetype last);
    void landmarks();
    void timers(qsizetype first, qsizetype last);
    void counterTracks(qsizetype first, qsizetype last);
    void event(const Event &e, qsizetype i);
};

QString arrowText(const Event &e)
{
    const auto kind = DatagramKind(e.datagram);
    const QString name = wire::datagramKindName(kind);
    if (e.fragment > 0) {
        if (e.attempt > 1)
            return SceneBuilder::tr("%1 #%2 frag %3 · round %4").arg(name).arg(e.callId).arg(e.fragment).arg(e.attempt);
        return SceneBuilder::tr("%1 #%2 frag %3").arg(name).arg(e.callId).arg(e.fragment);
    }
    if (kind == DatagramKind::Request) {
        if (e.attempt > 1)
            return SceneBuilder::tr("%1 #%2 a%3 · retry #%4").arg(name).arg(e.callId).arg(e.attempt).arg(e.attempt - 1);
        return SceneBuilder::tr("%1 #%2 a%3").arg(name).arg(e.callId).arg(e.attempt);
    }
    return SceneBuilder::tr("%1 #%2").arg(name).arg(e.callId);
}

void Builder::build()
{
    const auto [tTop, tBottom] = g.visibleRange();
    f.nowY = in.now.count() > 0 && y(in.now) > top && y(in.now) < bottom ? y(in.now) : -1;
    const Duration reach = in.digest->maxFlight() + Duration(1000);
    const trace::TraceLog::View &view = in.view;
    // Nothing after the clock: a replay's trace may hold the future.
    const TimePoint until = std::min(tBottom + reach, in.now);
    const qsizetype first = view.lowerBound(tTop - reach);
    const qsizetype last = std::max(first, view.lowerBound(until + Duration(1)));
    f.eventsVisited = last - first;
    // Arrows closer than a few pixels apart merge into a smear that tells
    // nothing: bands say the same traffic legibly.
    qsizetype arrows = 0;
    for (qsizetype i = first; i < last && last - first <= kDetailLimit; ++i) {
        const Event &e = view.at(i);
        arrows += (e.kind == EventKind::Deliver || e.kind == EventKind::Lost) && e.time() >= tTop && e.time() <= tBottom;
    }
    if (last - first > kDetailLimit || double(arrows) * kArrowSpacing > bottom - top) {
        // The call in focus stays readable over the bands: its own
        // datagrams, marks and labels in detail (up to a bound on the work),
        // over bands faded back. Beyond the bound the bands keep their tone.
        focusOverBands = in.selectedCall && last - first <= kFocusCallLimit;
        bands(first, last);
        if (focusOverBands) {
            onlyFocusCall = true;
            detail(first, last);
            onlyFocusCall = false;
        }
    } else {
        detail(first, last);
    }
    landmarks();
    if (g.tracks > 0)
        counterTracks(first, last);
    if (labels)
        placeLabels(f, QRectF(g.ruler(), top, g.lanesRight() - g.ruler(), bottom - top));
}

void Builder::detail(qsizetype first, qsizetype last)
{
    const trace::TraceLog::View &view = in.view;
    int arrows = 0;
    for (qsizetype i = first; i < last; ++i) {
        const EventKind k = view.at(i).kind;
        arrows += k == EventKind::Deliver || k == EventKind::Lost;
    }
    // So many arrows that words would be placed among hundreds of strokes
    // (and cost a frame to place): their marks speak, hover tells the rest;
    // setting changes and crashes keep their words.
    labelEvents = arrows <= kLabelLimit;
    onlyUrgentLabels = arrows > kLabelLimit / 2;

    // Datagrams sent and not yet delivered or lost at the clock. When the
    // clock is at or past the trace's end (live, or a replay fed as it
    // plays), the digest knows them exactly; a clock inside a finished trace
    // (an export of a moment) pairs sends and arrivals in the flight window.
    const Duration reach = in.digest->maxFlight() + Duration(1000);
    const qsizetype from = view.lowerBound(in.now - reach);
    const qsizetype to = view.lowerBound(in.now + Duration(1));
    const bool nearClock = y(in.now - reach * 4) < bottom && y(in.now) > top;
    if (nearClock && in.now >= in.digest->lastEvent()) {
        for (const auto &[key, sent] : in.digest->pending())
            if (sent.index < view.size() && in.now - sent.sent <= reach * 4)
                inFlight(view.at(sent.index), sent.index);
    } else if (nearClock && to > from && to - from <= 4 * kDetailLimit) {
        std::unordered_map<DatagramKey, std::vector<qsizetype>, DatagramKeyHash> pending;
        for (qsizetype i = from; i < to; ++i) {
            const Event &e = view.at(i);
            if (e.kind == EventKind::Send) {
                pending[keyOf(e)].push_back(i);
            } else if (e.kind == EventKind::Deliver || e.kind == EventKind::Lost) {
                auto it = pending.find(keyOf(e));
                if (it != pending.end() && !it->second.empty())
                    it->second.erase(it->second.begin());
            }
        }
        for (const auto &[key, sends] : pending)
            for (const qsizetype i : sends)
                inFlight(view.at(i), i);
    }
    // A loss the clock has not reached yet still flies.
    for (qsizetype i = from; nearClock && i < to; ++i) {
        const Event &e = view.at(i);
        if (lostOnTheWay(e) && revealTime(e, *in.digest) > in.now)
            inFlight(e, i);
    }

    timers(first, last);

    // Arrows and bars under the marks: two passes over the same range.
    for (qsizetype i = first; i < last; ++i) {
        const Event &e = view.at(i);
        if (e.kind == EventKind::Deliver || e.kind == EventKind::Lost || e.kind == EventKind::HandlerStart
            || e.kind == EventKind::RequestHeld)
            event(e, i);
    }
    for (qsizetype i = first; i < last; ++i) {
        const Event &e = view.at(i);
        if (e.kind != EventKind::Deliver && e.kind != EventKind::Lost && e.kind != EventKind::HandlerStart
            && e.kind != EventKind::RequestHeld && e.kind != EventKind::ParamChange && e.kind != EventKind::ServerRestart)
            event(e, i);
    }
}

void Builder::event(const Event &e, qsizetype i)
{
    const std::uint8_t flags = flagsOf(e, i);
    const double ey = y(e.time());
    const bool inView = ey >= top - 2 && ey <= bottom + 2;
    const QPointF lane(g.laneX(e.from), ey);
    const bool onServer = e.from == core::kServerHost;
    const Tone tone = toneOf(e.datagram);

    switch (e.kind) {
    case EventKind::Deliver: {
        const std::optional<TimePoint> sent = sendTimeOf(i);
        if (!sent)
            return;
        const double y0 = y(*sent);
        if (y0 > bottom || ey < top)
            return;
        const QPointF a(g.laneX(e.from), y0), b(g.laneX(e.to), ey);
        std::uint8_t fl = flags;
        const bool retry = DatagramKind(e.datagram) == DatagramKind::Request && e.attempt > 1;
        if (retry)
            fl |= Retry;
        add(ItemKind::Arrow, tone, fl, QLineF(a, b), {}, i);
        arrowLabel(arrowText(e), tone, retry || e.attempt > 1 ? priority::Retry : priority::Kind, i, flags, a, b);
        return;
    }
    case EventKind::Lost: {
        if (!lostOnTheWay(e)) {
            // Turned away at the server's full receive queue: it arrived.
            const std::optional<TimePoint> sent = sendBefore(i);
            const QPointF b(g.laneX(e.to), ey);
            const QPointF a(g.laneX(e.from), sent ? y(*sent) : ey);
            if (a.y() > bottom || ey < top)
                return;
            add(ItemKind::Stroke, tone, flags, QLineF(a, b), {}, i);
            add(ItemKind::Cross, Tone::Loss, flags, {}, QRectF(b.x() - 7, b.y() - 7, 14, 14), i);
            sideLabel(tr("server queue full → dropped"), Tone::Loss, priority::Loss, i, flags, b,
                      e.to != core::kServerHost, 14);
            return;
        }
        const TimePoint vanished = revealTime(e, *in.digest);
        if (vanished > in.now)
            return; // still in flight: drawn growing, its fate unknown
        const QPointF a(lane.x(), ey);
        const double towards = g.laneX(e.to);
        const QPointF b(a.x() + (towards - a.x()) * SceneBuilder::kLossPoint, y(vanished));
        if (a.y() > bottom || b.y() < top)
            return;
        add(ItemKind::Stroke, tone, flags, QLineF(a, b), {}, i);
        add(ItemKind::Cross, Tone::Loss, flags, {}, QRectF(b.x() - 7, b.y() - 7, 14, 14), i);
        arrowLabel(arrowText(e), tone, priority::Kind, i, flags, a, b);
        sideLabel(tr("lost in the network"), Tone::Loss, priority::Loss, i, flags, b, towards < a.x(), 14);
        return;
    }
    case EventKind::HandlerStart: {
        // The handler's run: a bar on the server lane until it ends, or on
        // to the clock while it runs.
        // A crash ends every handler that was running.
        const TimePoint end = endOf(i, [&e](const Event &c) {
            return (c.kind == EventKind::HandlerEnd && c.callId == e.callId && c.client == e.client)
                   || c.kind == EventKind::ServerRestart;
        });
        const double y1 = y(std::max(end, e.time()));
        if (y1 < top || ey > bottom)
            return;
        const QRectF bar(lane.x() - 6, ey, 12, std::max(3.0, y1 - ey));
        add(ItemKind::Bar, Tone::Handler, flags, {}, bar, i);
        sideLabel(tr("run handler for #%1").arg(e.callId), Tone::Handler, priority::Handler, i, flags,
                  QPointF(bar.right(), std::clamp((bar.top() + bar.bottom()) / 2, top + 10, bottom - 10)),
                  false, 8);
        return;
    }
    case EventKind::RequestHeld: {
        // An ordered client's request that came early: an outlined box
        // beside the handler's place, from its arrival until it runs (or its
        // client gives up, or the server crashes), or on to the clock.
        const TimePoint end = endOf(i, [&e](const Event &c) {
            const bool sameCall = c.callId == e.callId && c.client == e.client;
            return (sameCall && (c.kind == EventKind::HandlerStart || c.kind == EventKind::CallOk
                                 || c.kind == EventKind::CallFailed))
                   || c.kind == EventKind::ServerRestart;
        });
        const double y1 = y(std::max(end, e.time()));
        if (y1 < top || ey > bottom)
            return;
        // The queue's depth shows as boxes side by side: the further a call
        // is from its turn, the further out its box.
        const int place = int(std::min<std::uint32_t>(e.callId - std::min(e.callId, e.detail + 1), 3));
        const QRectF box(lane.x() + 9 + 8 * place, ey, 6, std::max(3.0, y1 - ey));
        add(ItemKind::Held, Tone::Handler, flags, {}, box, i);
        sideLabel(tr("#%1 held back:\nwaits for #%2").arg(e.callId).arg(e.detail), Tone::Handler, priority::Badge,
                  i, flags, QPointF(box.right(), std::clamp(ey + 8, top + 10, bottom - 10)), false, 6);
        return;
    }
    default:
        break;
    }
    if (!inView)
        return;

    // Badges: what a host decided, on a tinted box beside its lane.
    const auto badge = [&](const QString &text, Tone t, int prio, QPointF at, bool left) {
        add(ItemKind::BadgeMark, t, flags, {}, QRectF(at.x() + (left ? -14 : 6), at.y() - 4, 8, 8), i);
        sideLabel(text, t, prio, i, flags, at, left, 18, false, true);
    };
    // Something the network did to a datagram in flight shows when the
    // clock reaches the middle of that flight, beside it.
    const auto midFlight = [&](const QString &text, Tone t) {
        const TimePoint half = revealTime(e, *in.digest);
        if (half > in.now)
            return;
        const double x0 = g.laneX(e.from), x1 = g.laneX(e.to);
        const QPointF at(x0 + (x1 - x0) / 2, y(half));
        sideLabel(text, t, priority::Note, i, flags, at, x1 < x0, 6);
    };

    switch (e.kind) {
    case EventKind::Timeout:
        add(ItemKind::Clock, Tone::Timeout, flags, {}, QRectF(lane.x() - 10, ey - 10, 20, 20), i);
        sideLabel(spuriousTimeouts.contains(i)
                      ? tr("spurious timeout\nthe reply was on its way")
                      : tr("timeout\nno answer after %1 ms").arg(double(e.detail) / 1000.0),
                  Tone::Timeout, priority::Timeout, i, flags, lane, !onServer, 14, true);
        break;
    case EventKind::CallOk:
    case EventKind::CallFailed: {
        const bool ok = e.kind == EventKind::CallOk;
        add(ItemKind::Dot, ok ? Tone::Reply : Tone::Loss, flags, {}, QRectF(lane.x() - 7, ey - 7, 14, 14), i);
        const double ms = double(e.detail) / 1000.0;
        QString t;
        if (!ok)
            t = tr("call #%1 failed: %2").arg(e.callId).arg(displaynames::callError(trace::CallError(e.detail)));
        else if (e.attempt == 1)
            t = tr("call #%1 ok · %2 ms · 1 attempt").arg(e.callId).arg(ms, 0, 'f', 1);
        else
            t = tr("call #%1 ok · %2 ms · %3 attempts").arg(e.callId).arg(ms, 0, 'f', 1).arg(e.attempt);
        sideLabel(t, ok ? Tone::Reply : Tone::Loss, ok ? priority::CallEnd : priority::Loss, i, flags, lane,
                  !onServer, 12, true, false, fm.height() * 0.9);
        break;
    }
    case EventKind::DuplicateSuppressed:
        badge(tr("duplicate of running call #%1\n→ not run again").arg(e.callId), Tone::Handler, priority::Badge, lane,
              !onServer);
        break;
    case EventKind::CachedReplyResent:
        badge(tr("duplicate of done call #%1\n→ cached reply, not re-run").arg(e.callId), Tone::Handler,
              priority::Badge, lane, !onServer);
        break;
    case EventKind::StaleDropped:
        badge(tr("late copy of call #%1\n→ dropped").arg(e.callId), Tone::Faint, priority::Badge, lane, !onServer);
        break;
    case EventKind::Rejected:
        badge(tr("call #%1 refused").arg(e.callId), Tone::Loss, priority::Badge, lane, !onServer);
        break;
    case EventKind::ChecksumFail:
        badge(tr("checksum caught a damaged datagram"), Tone::Loss, priority::Corruption, QPointF(g.laneX(e.from), ey),
              e.from != core::kServerHost);
        break;
    case EventKind::CorruptAccepted:
        badge(tr("damaged datagram ACCEPTED:\nthe checksum missed it"), Tone::Corrupt, priority::Corruption,
              QPointF(g.laneX(e.to), ey), e.to != core::kServerHost);
        break;
    case EventKind::MalformedDropped:
        badge(tr("malformed datagram dropped"), Tone::Faint, priority::Badge, lane, !onServer);
        break;
    case EventKind::FragmentAck:
        badge(e.detail == e.size ? tr("all %1 fragments held").arg(e.size)
                                 : tr("peer holds %1 of %2 fragments\n→ resend the rest").arg(e.detail).arg(e.size),
              Tone::FragmentAck, priority::Badge, lane, !onServer);
        break;
    case EventKind::FragmentDuplicate:
        sideLabel(tr("duplicate fragment → dropped"), Tone::Faint, priority::Note, i, flags, lane, onServer, 12);
        break;
    case EventKind::Reassembled:
        badge(tr("call #%1 reassembled\n%2 fragments, %3 bytes").arg(e.callId).arg(e.size).arg(e.detail),
              Tone::FragmentAck, priority::Badge, lane, !onServer);
        break;
    case EventKind::CacheEvict:
        sideLabel(tr("evict #%1 from reply cache (%2)")
                      .arg(e.callId)
                      .arg(displaynames::evictReason(trace::EvictReason(e.detail))),
                  Tone::Faint, priority::Note, i, flags, lane, !onServer, 12);
        break;
    case EventKind::Corrupted: midFlight(tr("damaged"), Tone::Corrupt); break;
    case EventKind::Duplicated: midFlight(tr("×2"), Tone::Text); break;
    case EventKind::Reordered: midFlight(tr("held back"), Tone::Text); break;
    default: break;
    }
}

// Setting changes and crashes: at every density, so a dense run keeps
// its turning points.
void Builder::landmarks()
{
    const std::vector<qsizetype> &marks = in.digest->landmarks();
    const auto [tTop, tBottom] = g.visibleRange();
    auto it = std::lower_bound(marks.begin(), marks.end(), tTop, [&](qsizetype i, TimePoint t) {
        return i < in.view.size() && in.view.at(i).time() < t;
    });
    for (; it != marks.end() && *it < in.view.size(); ++it) {
        const Event &e = in.view.at(*it);
        if (e.time() > tBottom || e.time() > in.now)
            break;
        const double ey = y(e.time());
        const std::uint8_t flags = flagsOf(e, *it) & ~Dimmed;
        if (e.kind == EventKind::ParamChange) {
            add(ItemKind::Rule, Tone::Accent, flags, QLineF(g.ruler(), ey, g.width - 8, ey), {}, *it);
            if (labels) {
                const QString text = describeChange(e.detail, e.size);
                const QSizeF s = measure(text, true);
                Label &l = label(text, Tone::Accent, priority::Change, *it, flags, QPointF(g.lanesRight() - 8, ey), true);
                // Above the line at the right, else below it, else further in.
                for (const double x : {g.lanesRight() - 12 - s.width(), g.lanesRight() * 0.62 - s.width() / 2, g.ruler() + 8.0}) {
                    l.candidates.push_back(QRectF(x, ey - s.height() - 2, s.width(), s.height()));
                    l.candidates.push_back(QRectF(x, ey + 2, s.width(), s.height()));
                }
            }
        } else if (e.kind == EventKind::ServerRestart) {
            // The crash: the server's lane is cut, its memory gone.
            const double x = g.laneX(core::kServerHost);
            add(ItemKind::Cut, Tone::Loss, flags, QLineF(x - 28, ey, x + 28, ey), {}, *it);
            if (labels)
                sideLabel(tr("server crashes and restarts\nreply cache lost, new epoch"), Tone::Loss, priority::Crash,
                          *it, flags, QPointF(x, ey), false, 32, false, true);
        }
    }
}

// Between arrows and ticks: per lane and time bucket, how many datagrams
// left it and what went wrong, as bars growing towards where they went.
void Builder::bands(qsizetype first, qsizetype last)
{
    f.summarised = true;
    labels = true; // landmarks and the legend-like counts still speak
    onlyUrgentLabels = true;
    const int hosts = g.clients + 1;
    const double areaTop = std::max(top, y(TimePoint(0)));
    const int buckets = std::max(1, int(std::ceil((bottom - areaTop) / kBandHeight)));
    std::vector<BandCounts> counts(std::size_t(hosts) * std::size_t(buckets));
    const qsizetype stride = (last - first) / kBandSamples + 1;
    for (qsizetype i = first; i < last; i += stride) {
        const Event &e = in.view.at(i);
        const double ey = y(e.time());
        // A datagram turned away at the server's full queue is the server's drop.
        const HostId lane = e.kind == EventKind::Lost && !lostOnTheWay(e) ? e.to : e.from;
        if (ey < areaTop || ey >= bottom || lane >= hosts)
            continue;
        BandCounts &c = counts[std::size_t(lane) * buckets + std::size_t((ey - areaTop) / kBandHeight)];
        switch (e.kind) {
        case EventKind::Send: c.sent += int(stride); break;
        case EventKind::Lost: c.lost += int(stride); break;
        case EventKind::Retransmit: c.retried += int(stride); break;
        case EventKind::Timeout: c.timeouts += int(stride); break;
        case EventKind::CachedReplyResent:
        case EventKind::DuplicateSuppressed: c.cached += int(stride); break;
        case EventKind::ChecksumFail:
        case EventKind::CorruptAccepted: c.damaged += int(stride); break;
        default: break;
        }
    }
    int peak = 1;
    for (const BandCounts &c : counts)
        peak = std::max(peak, c.sent);
    const double room = std::max(8.0, std::min(g.laneSpacing() * 0.8, 180.0));
    for (int h = 0; h < hosts; ++h) {
        const double x = g.laneX(HostId(h));
        const double dir = h == core::kServerHost ? -1 : 1; // towards the server, or back to the clients
        for (int b = 0; b < buckets; ++b) {
            const BandCounts &c = counts[std::size_t(h) * buckets + b];
            if (c.sent == 0 && c.lost == 0 && c.timeouts == 0 && c.damaged == 0)
                continue;
            const double by = areaTop + b * kBandHeight;
            const double len = room * std::sqrt(double(c.sent) / peak);
            const auto bar = [&](double from, double length, Tone tone) {
                const double x0 = x + dir * from, x1 = x + dir * (from + length);
                // Faded under a call drawn in detail over them.
                add(ItemKind::Band, tone, focusOverBands ? Dimmed : 0, {},
                    QRectF(QPointF(std::min(x0, x1), by), QPointF(std::max(x0, x1), by + kBandHeight - 1)), -1);
            };
            // Sent, of which the share lost in red and retried in amber, from the lane out.
            const double lostLen = c.sent ? len * std::min(1.0, double(c.lost) / c.sent) : 0;
            const double retryLen = c.sent ? len * std::min(1.0, double(c.retried) / c.sent) : 0;
            bar(0, len, h == core::kServerHost ? Tone::Reply : Tone::Request);
            if (retryLen > 0.5)
                bar(0, retryLen, Tone::Timeout);
            if (lostLen > 0.5)
                bar(len - lostLen, lostLen, Tone::Loss);
            else if (c.lost > 0)
                bar(len, 3, Tone::Loss);
            if (c.cached > 0)
                bar(-4, 3, Tone::Handler);
            // Damaged datagrams where they arrived: behind the lane, in magenta.
            if (c.damaged > 0)
                bar(-8 - std::min(30.0, 3.0 * c.damaged), std::min(30.0, 3.0 * c.damaged), Tone::Corrupt);
        }
    }
    // Calls picked out (the charts' selection) stay findable from far away:
    // a mark beside their client's lane where each starts and where it ends.
    if (in.selectedCalls && !in.selectedCalls->empty() && !in.selectedCall) {
        for (qsizetype i = first; i < last; ++i) {
            const Event &e = in.view.at(i);
            if (e.kind != EventKind::CallStart && e.kind != EventKind::CallOk && e.kind != EventKind::CallFailed)
                continue;
            const double ey = y(e.time());
            if (ey < areaTop || ey >= bottom || e.client >= hosts
                || !std::ranges::binary_search(*in.selectedCalls, std::pair{e.client, e.callId}))
                continue;
            const double x = g.laneX(e.client);
            add(ItemKind::Band, Tone::Accent, Selected, {}, QRectF(x - 16, ey - 2.5, 13, 5), i);
        }
    }
}


// Retransmission timers beside the client's lane: each one that fired, from
// arming to the clock mark, and each still running, from its request to
// the playback clock. (One cancelled by the answer ends in the call's dot.)
// Each attempt's retransmission timer, beside the client's lane: from the
// send that armed it to its firing (solid; in another colour when it was
// spurious, the reply that answered the call already on its way), to the
// answer that cancelled it (pale), or on to the clock while it runs. A
// back-off reads as a ladder of longer bars, jitter as ragged ones.
void Builder::timers(qsizetype first, qsizetype last)
{
    const auto bar = [&](HostId client, TimePoint from, TimePoint to, std::uint8_t flags, qsizetype event) {
        const double y0 = std::max(top, y(from)), y1 = std::min(bottom, y(to));
        if (y1 <= y0)
            return;
        const double x = g.laneX(client);
        add(ItemKind::Timer, Tone::Timeout, flags, {}, QRectF(x - 11, y0, 3, y1 - y0), event);
        // What the adaptive timeout expected when it armed: the answer at
        // SRTT, and no later than SRTT + 4·RTTVAR. A call's retries double
        // the timeout, so only its first send is drawn against the estimate.
        const Event &armedBy = in.view.at(event);
        if (!in.adaptive || (armedBy.kind != EventKind::Send && armedBy.kind != EventKind::Timeout)
            || armedBy.attempt != 1)
            return;
        const std::optional<trace::RttEstimates::Sample> estimate = in.digest->rttEstimates().at(client, from);
        if (!estimate)
            return;
        const double e0 = y(from + estimate->srtt), e1 = y(from + estimate->srtt + 4 * estimate->rttvar);
        if (e1 < top || e0 > bottom)
            return;
        add(ItemKind::Estimate, Tone::Reply, flags & (Dimmed | Selected), {}, QRectF(x - 17, e0, 4, std::max(2.0, e1 - e0)),
            event);
    };
    if (first >= last)
        return;
    // One pass from a little before the view to a little after it, never
    // past the clock (an answer not yet arrived must not show yet).
    const Duration reach = std::max(Duration(2'000'000), in.digest->maxFlight() * 8);
    const qsizetype clock = in.view.lowerBound(in.now + Duration(1));
    const qsizetype from = std::max(first - 4 * kDetailLimit, in.view.lowerBound(in.view.at(first).time() - reach));
    const qsizetype to = std::min({clock, last + 4 * kDetailLimit,
                                   in.view.lowerBound(in.view.at(last - 1).time() + reach)});
    std::unordered_map<std::uint64_t, std::pair<TimePoint, qsizetype>> armed; // call → the send that armed it
    std::unordered_map<std::uint64_t, std::vector<qsizetype>> fired;         // call → its timeouts so far
    for (qsizetype i = from; i < to; ++i) {
        const Event &e = in.view.at(i);
        const std::uint64_t call = std::uint64_t(e.client) << 32 | e.callId;
        const auto kind = DatagramKind(e.datagram);
        switch (e.kind) {
        case EventKind::Send:
            if (e.from != core::kServerHost && (kind == DatagramKind::Request || kind == DatagramKind::Probe))
                armed[call] = {e.time(), i};
            break;
        case EventKind::Timeout:
            if (e.from != core::kServerHost) {
                armed.erase(call);
                fired[call].push_back(i);
            }
            break;
        case EventKind::Deliver:
            // A reply reaching its client: any timeout of the call after it
            // was sent fired while it was on its way.
            if (e.to != core::kServerHost && kind == DatagramKind::Reply && e.detail > 0) {
                if (auto it = fired.find(call); it != fired.end()) {
                    const TimePoint sent = e.time() - Duration(e.detail);
                    for (const qsizetype t : it->second)
                        if (in.view.at(t).time() > sent)
                            spuriousTimeouts.insert(t);
                }
            }
            break;
        case EventKind::CallOk:
            if (auto it = armed.find(call); it != armed.end()) {
                bar(e.from, it->second.first, e.time(), flagsOf(in.view.at(it->second.second), it->second.second) | Cancelled,
                    it->second.second);
                armed.erase(it);
            }
            fired.erase(call);
            break;
        case EventKind::CallFailed:
            armed.erase(call);
            fired.erase(call);
            break;
        default:
            break;
        }
    }
    for (qsizetype i = first; i < last; ++i) {
        const Event &e = in.view.at(i);
        if (e.kind == EventKind::Timeout && e.detail > 0 && e.from != core::kServerHost)
            bar(e.from, e.time() - Duration(e.detail), e.time(),
                flagsOf(e, i) | (spuriousTimeouts.contains(i) ? Spurious : 0), i);
    }
    // Running at the clock: armed, and neither fired nor cancelled yet.
    if (to == clock)
        for (const auto &[call, sent] : armed)
            bar(in.view.at(sent.second).from, sent.first, in.now, flagsOf(in.view.at(sent.second), sent.second) | InFlight,
                sent.second);
}

// Counter tracks, Perfetto-style, on the diagram's own time axis: how many
// calls are open, datagrams sent against calls answered, what the network
// and the server dropped against what the clients resent, and the timeout
// that last expired. Each is scaled to its own peak in view.
void Builder::counterTracks(qsizetype first, qsizetype last)
{
    const double areaTop = std::max(top, y(TimePoint(0)));
    const double areaBottom = std::min(bottom, y(in.now));
    if (areaBottom <= areaTop)
        return;
    // Buckets of at least 10 ms: rates over shorter spans are noise.
    const double kBucket = std::max(4.0, g.pixelsPerMs * 10);
    const int buckets = std::max(1, int(std::ceil((areaBottom - areaTop) / kBucket)));
    struct Bucket
    {
        double sent = 0, ok = 0, dropped = 0, resent = 0;
        double open = -1;  // calls in flight at the bucket's start
        double timeout = 0; // ms: the last timeout that expired so far
    };
    std::vector<Bucket> b(std::size_t(buckets) + 1);
    const qsizetype stride = (last - first) / kBandSamples + 1;
    for (qsizetype i = first; i < last; i += stride) {
        const Event &e = in.view.at(i);
        const double ey = y(e.time());
        if (ey < areaTop || ey >= areaBottom)
            continue;
        Bucket &k = b[std::size_t((ey - areaTop) / kBucket)];
        switch (e.kind) {
        case EventKind::Send: k.sent += e.from != core::kServerHost ? double(stride) : 0; break;
        case EventKind::CallOk: k.ok += double(stride); break;
        case EventKind::Lost: k.dropped += double(stride); break;
        case EventKind::Retransmit: k.resent += double(stride); break;
        case EventKind::Timeout: k.timeout = double(e.detail) / 1000.0; break;
        default: break;
        }
    }
    // Calls in flight at each bucket's start, from the digest's running count.
    for (int k = 0; k <= buckets; ++k)
        b[std::size_t(k)].open = double(in.digest->callsOpenAt(in.view, g.timeForY(areaTop + k * kBucket)));
    double lastTimeout = in.digest->lastTimeoutBefore(in.view, g.timeForY(areaTop));
    for (Bucket &k : b) {
        if (k.timeout > 0)
            lastTimeout = k.timeout;
        k.timeout = lastTimeout;
    }
    // Per second, so a zoom does not change what a bar means.
    const double bucketSeconds = kBucket / g.pixelsPerMs / 1000.0;
    double peakOpen = 1, peakRate = 1, peakLoss = 1, peakTimeout = 1;
    for (const Bucket &k : b) {
        peakOpen = std::max(peakOpen, k.open);
        peakRate = std::max({peakRate, k.sent / bucketSeconds, k.ok / bucketSeconds});
        peakLoss = std::max({peakLoss, k.dropped / bucketSeconds, k.resent / bucketSeconds});
        peakTimeout = std::max(peakTimeout, k.timeout);
    }
    const auto column = [&](int track, const QString &title, const QString &peak) {
        f.tracks.push_back({title, peak, g.trackLeft(track), g.trackWidth()});
        return g.trackLeft(track) + 6;
    };
    const double w = g.trackWidth() - 12;
    const auto bar = [&](double left, int k, double value, double peak, Tone tone, double inset = 0) {
        if (value <= 0)
            return;
        const double by = areaTop + k * kBucket;
        add(ItemKind::Band, tone, 0, {}, QRectF(left, by + inset, std::max(1.0, w * std::min(1.0, value / peak)), kBucket - 2 * inset), -1);
    };
    const double x0 = column(0, tr("calls open"), QString::number(peakOpen, 'f', 0));
    const double x1 = column(1, tr("sent · answered /s"), QString::number(peakRate, 'f', 0));
    const double x2 = column(2, tr("dropped · resent /s"), QString::number(peakLoss, 'f', 0));
    const double x3 = column(3, tr("timeout"), tr("%1 ms").arg(peakTimeout, 0, 'f', 0));
    for (int k = 0; k < buckets; ++k) {
        const Bucket &c = b[std::size_t(k)];
        bar(x0, k, c.open, peakOpen, Tone::Request);
        bar(x1, k, c.sent / bucketSeconds, peakRate, Tone::Request);
        bar(x1, k, c.ok / bucketSeconds, peakRate, Tone::Reply, 1);
        bar(x2, k, c.resent / bucketSeconds, peakLoss, Tone::Timeout);
        bar(x2, k, c.dropped / bucketSeconds, peakLoss, Tone::Loss, 1);
        bar(x3, k, c.timeout, peakTimeout, Tone::Timeout);
    }
}

} // namespace

Frame SceneBuilder::build(const SceneInput &in)
{
    Builder b(in);
    b.build();
    return std::move(b.f);
}

void TraceDigest::update(const trace::TraceLog::View &view)
{
    if (view.size() < m_scanned)
        clear();
    for (; m_scanned < view.size(); ++m_scanned) {
        const Event &e = view.at(m_scanned);
        m_last = std::max(m_last, e.time());
        m_estimates.take(e);
        if (e.kind == EventKind::Send) {
            // Bounded: a trace with datagrams that never arrive anywhere
            // (a flood, a crash) forgets the oldest guesses wholesale.
            if (m_sent.size() > 65'536)
                m_sent.clear();
            m_sent.emplace(keyOf(e), Pending{e.time(), m_scanned});
        } else if (e.kind == EventKind::Deliver || e.kind == EventKind::Lost) {
            // The earliest copy sent arrives first.
            auto [it, end] = m_sent.equal_range(keyOf(e));
            auto earliest = it;
            for (; it != end; ++it)
                if (it->second.sent < earliest->second.sent)
                    earliest = it;
            if (earliest != end) {
                m_maxFlight = std::max(m_maxFlight, e.time() - earliest->second.sent);
                m_sent.erase(earliest);
            }
        }
        if (e.kind == EventKind::Deliver && e.detail) {
            const Duration d(e.detail);
            m_maxFlight = std::max(m_maxFlight, d);
            // A running average keeps a datagram in flight moving at the
            // pace the others went, without one slow outlier ruling it.
            Duration &typical = m_flight[e.to == core::kServerHost ? 0 : 1];
            typical = Duration((typical.count() * 7 + d.count()) / 8);
        } else if (e.kind == EventKind::ParamChange || e.kind == EventKind::ServerRestart) {
            m_landmarks.push_back(m_scanned);
        }
        m_open += e.kind == EventKind::CallStart ? 1 : e.kind == EventKind::CallOk || e.kind == EventKind::CallFailed ? -1 : 0;
        if (e.kind == EventKind::Timeout)
            m_timeout = double(e.detail) / 1000.0;
        if ((m_scanned + 1) % kCheckpoint == 0)
            m_checkpoints.push_back({m_open, m_timeout});
    }
}

TimePoint revealTime(const Event &e, const TraceDigest &digest)
{
    const Duration flight = digest.typicalFlight(e.to == core::kServerHost);
    if (lostOnTheWay(e))
        return e.time() + Duration(std::int64_t(double(flight.count()) * SceneBuilder::kLossPoint));
    if (e.kind == EventKind::Corrupted || e.kind == EventKind::Duplicated || e.kind == EventKind::Reordered)
        return e.time() + flight / 2;
    return e.time();
}

std::optional<qsizetype> latestShown(const trace::TraceLog::View &view, const TraceDigest &digest, TimePoint now)
{
    // Anything held back is at most a flight old: look back that far.
    const TimePoint horizon = now - digest.maxFlight() - Duration(1000);
    for (qsizetype i = std::min(view.size(), view.lowerBound(now + Duration(1))) - 1; i >= 0; --i) {
        const Event &e = view.at(i);
        if (revealTime(e, digest) <= now)
            return i;
        if (e.time() < horizon)
            break;
    }
    return std::nullopt;
}

namespace {
// Replays the count from the checkpoint before `index` up to `index`.
template<typename F>
void fromCheckpoint(const trace::TraceLog::View &view, qsizetype index, qsizetype every, F &&f)
{
    for (qsizetype i = index / every * every; i < index; ++i)
        f(view.at(i));
}
} // namespace

std::int64_t TraceDigest::callsOpenAt(const trace::TraceLog::View &view, TimePoint time) const
{
    const qsizetype index = std::min(view.lowerBound(time), m_scanned);
    const qsizetype block = index / kCheckpoint;
    std::int64_t open = block > 0 ? m_checkpoints[std::size_t(block - 1)].open : 0;
    fromCheckpoint(view, index, kCheckpoint, [&](const Event &e) {
        open += e.kind == EventKind::CallStart ? 1 : e.kind == EventKind::CallOk || e.kind == EventKind::CallFailed ? -1 : 0;
    });
    return std::max<std::int64_t>(0, open);
}

double TraceDigest::lastTimeoutBefore(const trace::TraceLog::View &view, TimePoint time) const
{
    const qsizetype index = std::min(view.lowerBound(time), m_scanned);
    const qsizetype block = index / kCheckpoint;
    double timeout = block > 0 ? m_checkpoints[std::size_t(block - 1)].timeout : 0;
    fromCheckpoint(view, index, kCheckpoint, [&](const Event &e) {
        if (e.kind == EventKind::Timeout)
            timeout = double(e.detail) / 1000.0;
    });
    return timeout;
}

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
    case EventKind::RequestHeld:
    case EventKind::ServerRestart:
    case EventKind::ParamChange:
        return true;
    default:
        return false;
    }
}

QString hostTitle(HostId host, int clients)
{
    if (host == core::kServerHost)
        return SceneBuilder::tr("server");
    return clients == 1 ? SceneBuilder::tr("client") : SceneBuilder::tr("client %1").arg(host);
}

} // namespace rpcscope::diagram
