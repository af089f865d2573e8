// The diagram's pipeline, trace → items → placed labels → painter, without
// a widget in sight: what a class sees at each moment of playback, that
// labels never collide, and that exports are drawn from the same frame.
#include "diagramexport.h"
#include "painter.h"
#include "placer.h"
#include "run/simnetwork.h"
#include "scene.h"
#include "session/scenario.h"
#include "session/sessionoptions.h"
#include "settingwords.h"
#include "wire/datagram.h"

#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <set>
#include <QXmlStreamReader>

using namespace rpcscope;
using diagram::ItemKind;
using trace::EventKind;

namespace {

session::SessionConfig scenario(QStringView name)
{
    session::SessionConfig c;
    c.scenario = name.toString();
    session::findScenario(c.scenario)->apply(c);
    return c;
}

// A frame of `log` at clock `now`, the session fitted into 1000×900.
struct Framed
{
    diagram::TraceDigest digest;
    diagram::Frame frame;
    diagram::Geometry geometry;
};

Framed frameOf(const trace::TraceLog &log, int clients, core::TimePoint now, core::TimePoint end,
               double zoom = 1.0, double centreMs = 0)
{
    Framed f;
    diagram::SceneInput in;
    in.view = log.view();
    f.digest.update(in.view);
    in.digest = &f.digest;
    in.geometry.width = 1000;
    in.geometry.height = 900;
    in.geometry.clients = clients;
    in.geometry.pixelsPerMs = in.geometry.fitScale(end) * zoom;
    if (zoom > 1)
        in.geometry.scroll = std::max(0.0, centreMs * in.geometry.pixelsPerMs - 400);
    in.now = now;
    in.font = diagram::diagramFont(QGuiApplication::font());
    f.geometry = in.geometry;
    f.frame = diagram::SceneBuilder::build(in);
    return f;
}

// A whole session simulated and fitted into width×height, at its end.
struct Fitted
{
    trace::TraceLog log;
    diagram::TraceDigest digest;
    diagram::SceneInput in;
};

std::unique_ptr<Fitted> fittedSession(const session::SessionConfig &config, double width, double height)
{
    auto f = std::make_unique<Fitted>();
    session::SimNetwork sim(config, &f->log);
    sim.run();
    const trace::TraceLog::View view = f->log.view();
    const core::TimePoint end = view.at(view.size() - 1).time();
    f->digest.update(view);
    f->in.view = view;
    f->in.digest = &f->digest;
    f->in.geometry.width = width;
    f->in.geometry.height = height;
    f->in.geometry.clients = config.clients;
    f->in.geometry.pixelsPerMs = f->in.geometry.fitScale(end);
    f->in.now = end;
    f->in.font = diagram::diagramFont(QGuiApplication::font());
    return f;
}

bool isDatagram(const diagram::Item &item)
{
    return item.kind == ItemKind::Arrow || item.kind == ItemKind::Stroke;
}

QString describe(const QRectF &r)
{
    return QStringLiteral("(%1,%2 %3×%4)").arg(r.x()).arg(r.y()).arg(r.width()).arg(r.height());
}

} // namespace

class TestDiagram : public QObject
{
    Q_OBJECT

private slots:
    // Show only the selected call: every item and label left belongs to it
    // (or to no call); the others are gone, not dimmed.
    void onlyTheSelectedCall()
    {
        const session::SessionConfig config = scenario(u"lossy");
        trace::TraceLog log;
        session::SimNetwork(config, &log).run();
        const trace::TraceLog::View view = log.view();
        diagram::TraceDigest digest;
        digest.update(view);
        diagram::SceneInput in;
        in.view = view;
        in.digest = &digest;
        in.geometry.width = 1000;
        in.geometry.height = 900;
        in.geometry.pixelsPerMs = 2;
        in.now = view.at(view.size() - 1).time();
        in.font = diagram::diagramFont(QGuiApplication::font());
        in.selectedCall = std::pair{core::HostId(1), std::uint32_t(3)};
        const diagram::Frame dimmed = diagram::SceneBuilder::build(in);
        in.onlySelectedCall = true;
        const diagram::Frame only = diagram::SceneBuilder::build(in);
        int mine = 0;
        for (const diagram::Item &item : only.items) {
            if (item.event < 0)
                continue;
            const trace::Event &e = view.at(item.event);
            QVERIFY2(e.callId == 0 || (e.client == 1 && e.callId == 3),
                     qPrintable(QStringLiteral("call %1 of client %2").arg(e.callId).arg(e.client)));
            mine += e.callId == 3;
        }
        QVERIFY(mine > 0);
        QVERIFY(only.items.size() < dimmed.items.size());
        for (const diagram::Label &label : only.labels)
            QVERIFY(label.event < 0 || view.at(label.event).callId == 0 || view.at(label.event).callId == 3);
    }

    // The adaptive timeout: each first send's timer shows the estimate it
    // was armed from — a line at SRTT and a band to SRTT + 4·RTTVAR — read
    // from the samples the client took (Karn's rule), found here by a plain
    // scan and a RetryPolicy of the test's own. Other policies show none.
    void adaptiveTimersShowTheirEstimate()
    {
        session::SessionConfig config = scenario(u"lossy");
        config.retry.backoff = core::Backoff::Adaptive;
        config.window = 1;
        config.calls = 30;
        config.toServer.jitter = core::Duration(8'000);
        trace::TraceLog log;
        session::SimNetwork(config, &log).run();
        const trace::TraceLog::View view = log.view();
        const core::TimePoint end = view.at(view.size() - 1).time();

        // The estimate after each sample, by time.
        std::vector<std::pair<core::TimePoint, core::Duration>> srtt;
        core::RetryPolicy policy;
        for (qsizetype i = 0; i < view.size(); ++i) {
            const trace::Event &e = view.at(i);
            if (e.kind == EventKind::CallOk && e.attempt == 1) {
                policy.addRttSample(core::Duration(e.detail));
                srtt.emplace_back(e.time(), *policy.smoothedRtt());
            }
        }
        QVERIFY(srtt.size() >= 10);

        diagram::SceneInput in;
        diagram::TraceDigest digest;
        in.view = view;
        digest.update(view);
        in.digest = &digest;
        in.geometry.width = 1000;
        in.geometry.height = 900;
        in.geometry.pixelsPerMs = in.geometry.fitScale(end);
        in.now = end;
        in.font = diagram::diagramFont(QGuiApplication::font());
        const auto estimates = [&] {
            std::vector<diagram::Item> found;
            for (const diagram::Item &item : diagram::SceneBuilder::build(in).items)
                if (item.kind == ItemKind::Estimate)
                    found.push_back(item);
            return found;
        };
        QVERIFY(estimates().empty()); // not adaptive: nothing drawn
        in.adaptive = true;
        const std::vector<diagram::Item> marks = estimates();
        QVERIFY(marks.size() >= 10);
        for (const diagram::Item &mark : marks) {
            const trace::Event &armed = view.at(mark.event);
            QCOMPARE(armed.attempt, std::uint16_t(1));
            const core::TimePoint sent = armed.kind == EventKind::Timeout ? armed.time() - core::Duration(armed.detail)
                                                                          : armed.time();
            // The latest sample at or before the send.
            auto it = std::upper_bound(srtt.begin(), srtt.end(), sent,
                                       [](core::TimePoint t, const auto &s) { return t < s.first; });
            QVERIFY(it != srtt.begin());
            const double expected = in.geometry.yForTime(sent + std::prev(it)->second);
            QVERIFY2(std::abs(mark.rect.top() - expected) < 0.5,
                     qPrintable(QStringLiteral("%1 vs %2").arg(mark.rect.top()).arg(expected)));
        }
    }

    // Each attempt's timer beside the client's lane: the back-off's ladder
    // of fired timers, the last one cancelled by the answer, and a timer
    // too short for the round trip drawn as spurious, with its label.
    void timersReadAsALadder()
    {
        // Exponential back-off, every request lost until the fourth: timers
        // of 100, 200 and 400 ms fire, the fourth is cancelled by the reply.
        session::SessionConfig config = scenario(u"dropped-request");
        config.ackMode = core::AckMode::Implicit;
        config.retry.timeout = core::Duration(100'000);
        config.toServerFaults.front().count = 3;
        trace::TraceLog log;
        session::SimNetwork(config, &log).run();
        const core::TimePoint end = log.view().at(log.view().size() - 1).time();
        Framed f = frameOf(log, 1, end, end);
        std::vector<double> fired, cancelled;
        for (const diagram::Item &item : f.frame.items) {
            if (item.kind != ItemKind::Timer)
                continue;
            QVERIFY(!(item.flags & diagram::Spurious));
            QVERIFY(!(item.flags & diagram::InFlight)); // the session is over
            ((item.flags & diagram::Cancelled) ? cancelled : fired).push_back(item.rect.height());
        }
        QCOMPARE(fired.size(), std::size_t(3));
        QCOMPARE(cancelled.size(), std::size_t(1));
        // The ladder: each fired timer twice the one before (within a pixel).
        QVERIFY2(std::abs(fired[1] - 2 * fired[0]) < 2 && std::abs(fired[2] - 2 * fired[1]) < 2,
                 qPrintable(QStringLiteral("%1 %2 %3").arg(fired[0]).arg(fired[1]).arg(fired[2])));

        // A 70 ms timer against a 100 ms round trip: it fires while the
        // reply is on its way.
        config = scenario(u"dropped-reply");
        config.toClientFaults.clear();
        config.retry.timeout = core::Duration(70'000);
        trace::TraceLog spurious;
        session::SimNetwork(config, &spurious).run();
        const core::TimePoint over = spurious.view().at(spurious.view().size() - 1).time();
        f = frameOf(spurious, 1, over, over);
        int spuriousTimers = 0;
        for (const diagram::Item &item : f.frame.items)
            spuriousTimers += item.kind == ItemKind::Timer && (item.flags & diagram::Spurious);
        QVERIFY(spuriousTimers >= 1);
        bool said = false;
        QStringList labels;
        for (const diagram::Label &label : f.frame.labels) {
            said |= label.placed && label.text.startsWith(QStringLiteral("spurious timeout"));
            labels << QStringLiteral("%1:%2").arg(label.placed).arg(label.text);
        }
        QVERIFY2(said, qPrintable(labels.join(u'|')));
        // Before the reply arrives, nothing says so yet.
        const trace::TraceLog::View view = spurious.view();
        qsizetype timeout = 0;
        while (view.at(timeout).kind != trace::EventKind::Timeout)
            ++timeout;
        f = frameOf(spurious, 1, view.at(timeout).time(), over);
        for (const diagram::Item &item : f.frame.items)
            QVERIFY(!(item.kind == ItemKind::Timer && (item.flags & diagram::Spurious)));
    }

    // Played 1 ms at a time: every datagram sent by the clock is drawn
    // (delivered, in flight or lost), none reaches below the clock, and a
    // loss shows its ✗ only once the clock has reached where it vanished.
    void nothingPastTheClockAndNothingMissingBeforeIt()
    {
        for (const char *name : {"dropped-reply", "dropped-request", "corruption", "fragmentation"}) {
            session::SessionConfig config = scenario(QString::fromLatin1(name));
            config.calls = std::min(config.calls, 4);
            trace::TraceLog log;
            session::SimNetwork sim(config, &log);
            trace::TraceLog whole;
            {
                session::SimNetwork all(config, &whole);
                all.run();
            }
            const core::TimePoint end = whole.view().at(whole.size() - 1).time();
            int sawInFlight = 0, sawLossHidden = 0;
            const core::Duration step(std::max<std::int64_t>(1000, end.count() / 1500));
            for (core::TimePoint t(0); t <= end; t += step) {
                sim.runUntil(t);
                const Framed f = frameOf(log, config.clients, t, end);
                const double clockY = f.geometry.yForTime(t);
                qsizetype sends = 0, crosses = 0, revealed = 0;
                const trace::TraceLog::View view = log.view();
                for (qsizetype i = 0; i < view.size(); ++i) {
                    const trace::Event &e = view.at(i);
                    if (e.kind == EventKind::Send)
                        ++sends;
                    if (e.kind == EventKind::Deliver && e.detail == 0)
                        QFAIL("a simulated delivery knows its flight");
                    if (e.kind == EventKind::Lost) {
                        const bool shown = diagram::revealTime(e, f.digest) <= t;
                        revealed += shown;
                        sawLossHidden += !shown;
                    }
                    if (e.kind == EventKind::Duplicated)
                        ++sends; // two arrows for one send
                }
                qsizetype drawn = 0;
                for (const diagram::Item &item : f.frame.items) {
                    if (isDatagram(item)) {
                        ++drawn;
                        QVERIFY2(std::max(item.line.y1(), item.line.y2()) <= clockY + 0.5,
                                 qPrintable(QStringLiteral("%1 at t=%2 µs: an arrow reaches below the clock")
                                                .arg(QLatin1StringView(name)).arg(t.count())));
                    }
                    crosses += item.kind == ItemKind::Cross;
                }
                sawInFlight += f.frame.inFlight;
                QVERIFY2(drawn == sends, qPrintable(QStringLiteral("%1 at t=%2 µs: %3 datagrams sent, %4 drawn")
                                                        .arg(QLatin1StringView(name)).arg(t.count()).arg(sends).arg(drawn)));
                QCOMPARE(crosses, revealed);
            }
            QVERIFY2(sawInFlight > 0, name);
            if (QByteArrayView(name).startsWith("dropped"))
                QVERIFY2(sawLossHidden > 0, "the loss was never hidden while its datagram flew");
        }
    }

    // The lost reply of Fig. 48.5 flies first, then vanishes 45 % of the way.
    void aLossIsRevealedWhereAndWhenItHappens()
    {
        const session::SessionConfig config = scenario(u"dropped-reply");
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        const trace::TraceLog::View view = log.view();
        qsizetype lost = -1;
        for (qsizetype i = 0; i < view.size() && lost < 0; ++i)
            if (view.at(i).kind == EventKind::Lost)
                lost = i;
        QVERIFY(lost >= 0);
        const trace::Event &e = view.at(lost);
        const core::TimePoint end = view.at(view.size() - 1).time();
        diagram::TraceDigest digest;
        digest.update(view);
        const core::TimePoint vanish = diagram::revealTime(e, digest);
        QVERIFY(vanish > e.time());

        const Framed before = frameOf(log, 1, vanish - core::Duration(1000), end);
        const auto inFlight = std::find_if(before.frame.items.begin(), before.frame.items.end(),
                                           [&](const diagram::Item &i) { return i.event == lost; });
        QVERIFY(inFlight != before.frame.items.end());
        QCOMPARE(inFlight->kind, ItemKind::Arrow);
        QVERIFY(inFlight->flags & diagram::InFlight);
        for (const diagram::Label &l : before.frame.labels)
            QVERIFY2(!(l.placed && l.text.contains(QStringLiteral("lost"))), "the loss is told before it happens");

        const Framed after = frameOf(log, 1, vanish, end);
        const auto cross = std::find_if(after.frame.items.begin(), after.frame.items.end(),
                                        [&](const diagram::Item &i) { return i.event == lost && i.kind == ItemKind::Cross; });
        QVERIFY(cross != after.frame.items.end());
        const double x0 = after.geometry.laneX(core::kServerHost), x1 = after.geometry.laneX(1);
        QCOMPARE(cross->rect.center().x(), x0 + (x1 - x0) * diagram::SceneBuilder::kLossPoint);
        QCOMPARE(cross->rect.center().y(), after.geometry.yForTime(vanish));
    }

    // In every scenario, at Fit and zoomed in twice: no two labels overlap,
    // and none lies on an arrow or a mark.
    void labelsNeverCollide()
    {
        int placed = 0;
        for (const session::Scenario &s : session::scenarios()) {
            session::SessionConfig config = scenario(s.name);
            config.calls = std::min(config.calls, 300);
            trace::TraceLog log;
            session::SimNetwork sim(config, &log);
            sim.run();
            const trace::TraceLog::View view = log.view();
            const core::TimePoint end = view.at(view.size() - 1).time();
            const double middleMs = double(end.count()) / 2000.0;
            for (const double zoom : {1.0, 4.0, 16.0}) {
                const Framed f = frameOf(log, config.clients, end, end, zoom, middleMs);
                const QString where = QStringLiteral("%1 at zoom %2").arg(s.name).arg(zoom);
                std::vector<const diagram::Label *> shown;
                for (const diagram::Label &l : f.frame.labels)
                    if (l.placed)
                        shown.push_back(&l);
                placed += int(shown.size());
                for (std::size_t a = 0; a < shown.size(); ++a) {
                    for (std::size_t b = a + 1; b < shown.size(); ++b)
                        QVERIFY2(!shown[a]->rect.intersects(shown[b]->rect),
                                 qPrintable(where + QStringLiteral(": '%1' %2 overlaps '%3' %4")
                                                        .arg(shown[a]->text, describe(shown[a]->rect), shown[b]->text,
                                                             describe(shown[b]->rect))));
                    for (const diagram::Item &item : f.frame.items) {
                        // A badge drawn opaque over arrows is the one exception, and says so.
                        const bool crosses = isDatagram(item) ? !(shown[a]->boxed && shown[a]->overArrows)
                                                                    && diagram::segmentHitsRect(item.line, shown[a]->rect)
                                             : item.kind == ItemKind::Cross || item.kind == ItemKind::Clock
                                                     || item.kind == ItemKind::Dot || item.kind == ItemKind::BadgeMark
                                                 ? item.rect.intersects(shown[a]->rect)
                                                 : false;
                        QVERIFY2(!crosses, qPrintable(where + QStringLiteral(": '%1' lies on an item of event %2")
                                                                  .arg(shown[a]->text).arg(item.event)));
                    }
                }
            }
        }
        QVERIFY(placed > 100);
    }

    // Presentation mode draws the diagram 1.6 times as large, so the scene
    // it lays out is that much smaller (here what 1600×1000 leaves beside
    // the docks). The timeout of dropped-reply must still be labelled
    // there: it is the moment the figure is about.
    void presentationSizeKeepsTheTimeoutLabelled()
    {
        const auto fitted = fittedSession(scenario(u"dropped-reply"), 600, 360);
        const trace::TraceLog::View &view = fitted->in.view;
        const diagram::Frame frame = diagram::SceneBuilder::build(fitted->in);
        int timeouts = 0;
        for (const diagram::Label &l : frame.labels) {
            if (l.event < 0 || view.at(l.event).kind != EventKind::Timeout)
                continue;
            ++timeouts;
            QVERIFY2(l.placed, qPrintable(QStringLiteral("'%1' is hidden").arg(l.text)));
            // Beside its clock, not somewhere else in the figure.
            QVERIFY2(std::abs(l.rect.center().y() - l.anchor.y()) < 2 * l.rect.height(),
                     qPrintable(describe(l.rect)));
            for (const diagram::Label &other : frame.labels)
                QVERIFY(&other == &l || !other.placed || !other.rect.intersects(l.rect));
            for (const diagram::Item &item : frame.items)
                QVERIFY2(!(isDatagram(item) && diagram::segmentHitsRect(item.line, l.rect)),
                         qPrintable(QStringLiteral("the timeout label lies on an arrow")));
        }
        QCOMPARE(timeouts, 1);
    }

    // Setting changes show at every density, in the controls' words.
    void changesSpeakTheControlsWords()
    {
        const auto indexOf = [](const char *name) {
            const auto options = session::sessionOptions();
            for (std::size_t i = 0; i < options.size(); ++i)
                if (QByteArrayView(options[i].name) == name)
                    return std::uint32_t(i);
            return std::uint32_t(0);
        };
        QCOMPARE(diagram::describeChange(indexOf("loss"), 350), QStringLiteral("Loss → 35 %"));
        QCOMPARE(diagram::describeChange(indexOf("timeout-ms"), 400'000), QStringLiteral("Timeout → 400 ms"));
        QCOMPARE(diagram::describeChange(indexOf("backoff"), 2000), QStringLiteral("Back-off → full jitter"));

        // A dense run with a change half-way: bands, and the change's rule and words.
        session::SessionConfig config = scenario(u"many-clients");
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.runUntil(core::TimePoint(2'000'000));
        trace::Event change;
        change.kind = EventKind::ParamChange;
        change.timeUs = sim.now().count();
        change.detail = indexOf("loss");
        change.size = 350;
        log.record(change);
        sim.run();
        const core::TimePoint end = log.view().at(log.size() - 1).time();
        const Framed f = frameOf(log, config.clients, end, end);
        QVERIFY(f.frame.summarised);
        QVERIFY(std::any_of(f.frame.items.begin(), f.frame.items.end(),
                            [](const diagram::Item &i) { return i.kind == ItemKind::Band && i.tone == diagram::Tone::Loss; }));
        QVERIFY(std::any_of(f.frame.items.begin(), f.frame.items.end(),
                            [](const diagram::Item &i) { return i.kind == ItemKind::Rule; }));
        QVERIFY(std::any_of(f.frame.labels.begin(), f.frame.labels.end(), [](const diagram::Label &l) {
            return l.placed && l.text == QStringLiteral("Loss → 35 %");
        }));
    }

    // Zoomed out to bands, a selected call is still drawn whole, in detail,
    // over faded bands; a set of calls picked out (the charts') is marked
    // beside its clients' lanes where each starts and ends.
    void bandsKeepTheSelectedCallsVisible()
    {
        const session::SessionConfig config = scenario(u"many-clients");
        const auto fitted = fittedSession(config, 1000, 900);
        diagram::SceneInput in = fitted->in;
        const trace::TraceLog::View &view = fitted->in.view;
        const std::pair<core::HostId, std::uint32_t> call{3, 7};
        in.selectedCall = call;
        const diagram::Frame focused = diagram::SceneBuilder::build(in);
        QVERIFY(focused.summarised);
        int arrows = 0;
        for (const diagram::Item &item : focused.items) {
            if (item.kind == ItemKind::Band)
                QVERIFY(item.flags & diagram::Dimmed);
            if (isDatagram(item)) {
                const trace::Event &e = view.at(item.event);
                QCOMPARE(std::pair(e.client, e.callId), call);
                ++arrows;
            }
        }
        QVERIFY(arrows >= 2); // its request and its reply at least

        in.selectedCall.reset();
        const std::vector<std::pair<core::HostId, std::uint32_t>> picked{{1, 2}, {3, 7}, {5, 11}};
        in.selectedCalls = &picked;
        const diagram::Frame marked = diagram::SceneBuilder::build(in);
        std::set<std::pair<core::HostId, std::uint32_t>> seen;
        for (const diagram::Item &item : marked.items) {
            if (item.kind == ItemKind::Band && item.tone == diagram::Tone::Accent) {
                QVERIFY(item.flags & diagram::Selected);
                const trace::Event &e = view.at(item.event);
                seen.insert({e.client, e.callId});
            } else {
                QVERIFY(!isDatagram(item)); // no detail: nothing is in focus
            }
        }
        QCOMPARE(seen, std::set(picked.begin(), picked.end()));
    }

    // An SVG export writes each label where the frame placed it, and has no clock line.
    void svgExportKeepsTheFramesPlaces()
    {
        const session::SessionConfig config = scenario(u"dropped-reply");
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        diagram::DiagramExport what;
        what.log = &log;
        what.clients = 1;
        QString error;
        const std::optional<diagram::ExportFrame> made = diagram::exportFrame(what, &error);
        QVERIFY2(made, qPrintable(error));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("d.svg"));
        QVERIFY2(diagram::exportDiagram(what, diagram::DiagramFormat::Svg, path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString svg = QString::fromUtf8(file.readAll());
        // Every placed label's words are in the picture.
        int checked = 0;
        for (const diagram::Label &l : made->frame.labels) {
            if (!l.placed)
                continue;
            for (const QString &line : l.text.split(u'\n')) {
                QVERIFY2(svg.contains(line.toHtmlEscaped()), qPrintable(line));
                ++checked;
            }
        }
        QVERIFY(checked >= 6);

        // Right-aligned text ends at its box's right edge in the file too:
        // the SVG drawn back into an image has the timeout's words end
        // where the frame says, as in an image drawn directly.
        const diagram::Label *timeout = nullptr;
        for (const diagram::Label &l : made->frame.labels)
            if (l.placed && l.text.startsWith(QStringLiteral("timeout")))
                timeout = &l;
        QVERIFY(timeout);
        QVERIFY(timeout->rect.right() <= timeout->anchor.x()); // left of the clock: right-aligned
        const QSize size(int(made->geometry.width), int(made->geometry.height));
        QImage direct(size, QImage::Format_ARGB32);
        direct.fill(Qt::white);
        diagram::PaintStyle style;
        style.font = made->font;
        style.showNow = false;
        {
            QPainter p(&direct);
            diagram::paintFrame(p, made->frame, made->geometry, style);
        }
        QImage fromSvg(size, QImage::Format_ARGB32);
        fromSvg.fill(Qt::white);
        {
            QSvgRenderer renderer(path);
            QVERIFY(renderer.isValid());
            QPainter p(&fromSvg);
            renderer.render(&p, QRectF(QPointF(0, 0), QSizeF(size)));
        }
        // The rightmost ink of the label's rows, up to the clock.
        const auto inkEnd = [&](const QImage &image) {
            const QRect box = timeout->rect.toAlignedRect();
            int right = -1;
            for (int y = box.top(); y <= box.bottom(); ++y)
                for (int x = box.left(); x <= box.right() + 2; ++x)
                    if (image.pixelColor(x, y).lightness() < 200)
                        right = std::max(right, x);
            return right;
        };
        const int drawn = inkEnd(direct);
        QVERIFY2(std::abs(drawn - timeout->rect.right()) <= 3, qPrintable(QString::number(drawn)));
        QVERIFY2(std::abs(inkEnd(fromSvg) - drawn) <= 2, qPrintable(QStringLiteral("svg %1, image %2").arg(inkEnd(fromSvg)).arg(drawn)));
    }
};

QTEST_MAIN(TestDiagram)
#include "tst_diagram.moc"
