// The diagram draws what the trace says, where it says it: lanes, arrows
// from send to delivery, a ✗ for a loss, a clock at a timeout, the retry;
// and the window wires controls, table and diagram to the engine.
#include "diagramexport.h"
#include "eventtablemodel.h"
#include "mainwindow.h"
#include "run/simulationplayer.h"
#include "sequencediagramview.h"
#include "session/scenario.h"
#include "session/sessionoptions.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QImage>
#include <QPainter>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace rpcscope;
using trace::EventKind;
using widgets::SequenceDiagramView;

namespace {

session::SessionConfig scenario(const char *name)
{
    session::SessionConfig c;
    c.scenario = QString::fromLatin1(name);
    session::findScenario(c.scenario)->apply(c);
    return c;
}

void runToEnd(session::Player &player)
{
    for (int i = 0; i < 100000 && !player.isFinished(); ++i)
        player.step();
    QVERIFY(player.isFinished());
}

qsizetype findEvent(const trace::TraceLog &log, EventKind kind, int attempt = -1, std::uint8_t datagram = 0)
{
    const auto view = log.view();
    for (qsizetype i = 0; i < view.size(); ++i) {
        const trace::Event &e = view.at(i);
        if (e.kind == kind && (attempt < 0 || e.attempt == attempt) && (datagram == 0 || e.datagram == datagram))
            return i;
    }
    return -1;
}

// True if some pixel in a small square around `at` is close to `colour`.
bool colourNear(const QImage &image, QPointF at, QColor colour, int radius = 6)
{
    for (int dy = -radius; dy <= radius; ++dy)
        for (int dx = -radius; dx <= radius; ++dx) {
            const QPoint p = at.toPoint() + QPoint(dx, dy);
            if (!image.rect().contains(p))
                continue;
            const QColor c = image.pixelColor(p);
            if (std::abs(c.red() - colour.red()) < 40 && std::abs(c.green() - colour.green()) < 40
                && std::abs(c.blue() - colour.blue()) < 40)
                return true;
        }
    return false;
}

// Paints the view once into an image of its size, as a paint event would.
QImage paintOnce(SequenceDiagramView &view)
{
    QImage image(view.viewport()->size(), QImage::Format_ARGB32);
    QPainter painter(&image);
    view.render(painter, image.rect());
    return image;
}

struct Rendered
{
    std::unique_ptr<session::SimulationPlayer> player;
    std::unique_ptr<SequenceDiagramView> view;
    QImage image;
};

Rendered render(const char *name)
{
    Rendered r;
    r.player = std::make_unique<session::SimulationPlayer>();
    r.player->reset(scenario(name));
    runToEnd(*r.player);
    r.view = std::make_unique<SequenceDiagramView>();
    r.view->resize(1000, 700);
    r.view->show();
    if (!QTest::qWaitForWindowExposed(r.view.get()))
        qFatal("the diagram was never shown");
    r.view->setLog(&r.player->log(), r.player->config().clients);
    r.view->setPixelsPerMs(1.6);
    r.view->refresh(r.player->now());
    r.view->setFollowLive(false);
    r.view->verticalScrollBar()->setValue(0);
    r.image = QImage(r.view->viewport()->size(), QImage::Format_ARGB32);
    QPainter painter(&r.image);
    r.view->render(painter, r.image.rect());
    return r;
}

} // namespace

class TestSequenceDiagram : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settings;

private slots:
    void initTestCase()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        QCoreApplication::setOrganizationName(QStringLiteral("RpcScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sequencediagram"));
    }

    void lanesAreWhereTheySay()
    {
        Rendered r = render("message-ack");
        const double client = r.view->laneX(1);
        const double server = r.view->laneX(0);
        QVERIFY(client < server - 200);
        // The lane header boxes are drawn in the header band.
        QVERIFY(colourNear(r.image, QPointF(client, 30), QColor(0x2c, 0x3e, 0x50), 3));
        QVERIFY(colourNear(r.image, QPointF(server, 30), QColor(0x2c, 0x3e, 0x50), 3));
        // Four datagrams, four arrows; nothing lost.
        QCOMPARE(r.view->lastFrame().arrowsDrawn, 4);
        QVERIFY(!r.view->lastFrame().summarised);
    }

    // Fig. 48.5: the reply ends in a red ✗ part-way; a clock at the
    // timeout; the retry's arrow reaches the server.
    void droppedReplyShowsLossTimeoutAndRetry()
    {
        Rendered r = render("dropped-reply");
        const trace::TraceLog &log = r.player->log();
        const qsizetype lost = findEvent(log, EventKind::Lost);
        QVERIFY(lost >= 0);
        const trace::Event &e = log.view().at(lost);
        QCOMPARE(e.datagram, std::uint8_t(wire::DatagramKind::Reply));

        // The ✗ sits 45 % of the way from the server towards the client.
        const double x0 = r.view->laneX(0), x1 = r.view->laneX(1);
        const double y0 = r.view->yForTime(e.time());
        const QPointF cross(x0 + (x1 - x0) * 0.45, y0 + 40 * 0.45 * 1.6);
        QVERIFY2(colourNear(r.image, cross, QColor(0xd0, 0x34, 0x2c)), "no red cross where the reply was lost");
        // ...and not all the way across: the client's lane there is not red.
        QVERIFY(!colourNear(r.image, QPointF(x1, y0 + 40 * 1.6), QColor(0xd0, 0x34, 0x2c), 3));
        // Hovering the lost arrow names the Lost event.
        QCOMPARE(r.view->eventAt(((QPointF(x0, y0) + cross) / 2).toPoint()), std::optional<qsizetype>(lost));

        const qsizetype timeout = findEvent(log, EventKind::Timeout);
        QVERIFY(timeout >= 0);
        const QPointF clock(x1, r.view->yForTime(log.view().at(timeout).time()));
        QVERIFY2(colourNear(r.image, clock + QPointF(9, 0), QColor(0xb2, 0x6a, 0x00), 3), "no clock at the timeout");
        QCOMPARE(r.view->eventAt(clock.toPoint()), std::optional<qsizetype>(timeout));

        // The retry (attempt 2) is an arrow from client to server.
        const qsizetype retry = findEvent(log, EventKind::Deliver, 2, std::uint8_t(wire::DatagramKind::Request));
        QVERIFY(retry >= 0);
        const trace::Event &d = log.view().at(retry);
        const QPointF a(x1, r.view->yForTime(d.time() - core::Duration(d.detail)));
        const QPointF b(x0, r.view->yForTime(d.time()));
        QCOMPARE(r.view->eventAt(((a + b) / 2).toPoint()), std::optional<qsizetype>(retry));
        QVERIFY(colourNear(r.image, (a + b) / 2, QColor(0x00, 0x72, 0xb2), 3));
    }

    void droppedRequestLosesTheRequest()
    {
        Rendered r = render("dropped-request");
        const qsizetype lost = findEvent(r.player->log(), EventKind::Lost);
        QVERIFY(lost >= 0);
        QCOMPARE(r.player->log().view().at(lost).datagram, std::uint8_t(wire::DatagramKind::Request));
        // 5 datagrams delivered or lost: 1 lost request, 4 arrows after it.
        QCOMPARE(r.view->lastFrame().arrowsDrawn, 5);
    }

    // At 1000× a whole scenario passes in one frame; the clock still stops
    // at its last event, not 16 virtual seconds later.
    void clockStopsAtTheLastEvent()
    {
        session::SimulationPlayer player;
        player.reset(scenario("dropped-reply"));
        player.setSpeed(1000);
        player.play();
        QTRY_VERIFY_WITH_TIMEOUT(player.isFinished(), 20'000);
        const auto view = player.log().view();
        QCOMPARE(player.now(), view.at(view.size() - 1).time());
    }

    // An export of the view is the view's own frame: the same items at
    // the same places, the same labels where the screen placed them.
    void exportIsTheScreensFrame()
    {
        Rendered r = render("dropped-reply");
        r.view->zoomBy(1.5);
        paintOnce(*r.view);
        const diagram::Frame &screen = r.view->lastFrame();
        diagram::DiagramExport what;
        what.log = &r.player->log();
        what.geometry = r.view->geometry();
        what.now = r.view->now();
        QString error;
        const std::optional<diagram::ExportFrame> exported = diagram::exportFrame(what, &error);
        QVERIFY2(exported, qPrintable(error));
        QCOMPARE(exported->frame.items.size(), screen.items.size());
        for (std::size_t i = 0; i < screen.items.size(); ++i) {
            QCOMPARE(exported->frame.items[i].kind, screen.items[i].kind);
            QCOMPARE(exported->frame.items[i].line, screen.items[i].line);
            QCOMPARE(exported->frame.items[i].rect, screen.items[i].rect);
        }
        QCOMPARE(exported->frame.labels.size(), screen.labels.size());
        int placed = 0;
        for (std::size_t i = 0; i < screen.labels.size(); ++i) {
            QCOMPARE(exported->frame.labels[i].placed, screen.labels[i].placed);
            QCOMPARE(exported->frame.labels[i].rect, screen.labels[i].rect);
            placed += screen.labels[i].placed;
        }
        QVERIFY(placed >= 5);
    }

    // Step rings what it did, so the back of the room sees which event it was.
    void stepRingsTheEventItReached()
    {
        widgets::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startScenario(QStringLiteral("dropped-reply"));
        window.player().pause();
        auto *step = window.findChild<QAction *>(QStringLiteral("stepAction"));
        QVERIFY(step);
        const auto ringed = [&] {
            paintOnce(*window.diagram());
            for (const diagram::Item &item : window.diagram()->lastFrame().items)
                if (item.flags & diagram::Halo)
                    return item.event;
            return qsizetype(-1);
        };
        // Each step's newest event, where it has a mark or an arrow, is ringed.
        int checked = 0;
        for (int i = 0; i < 40 && !window.player().isFinished(); ++i) {
            step->trigger();
            const auto latest = window.diagram()->latestShownEvent();
            QVERIFY(latest);
            const qsizetype halo = ringed();
            const auto &items = window.diagram()->lastFrame().items;
            const bool drawn = std::any_of(items.begin(), items.end(),
                                           [&](const diagram::Item &item) { return item.event == *latest; });
            if (drawn) {
                QCOMPARE(halo, *latest);
                ++checked;
            }
        }
        QVERIFY2(checked >= 4, qPrintable(QString::number(checked)));
        // Playing again lets go of the ring.
        window.player().play();
        window.player().pause();
        QCOMPARE(ringed(), qsizetype(-1));
    }

    void zoomAndFollow()
    {
        Rendered r = render("lossy");
        r.view->setFollowLive(true);
        r.view->refresh(r.player->now());
        QCOMPARE(r.view->verticalScrollBar()->value(), r.view->verticalScrollBar()->maximum());
        r.view->verticalScrollBar()->setValue(0); // the user scrolls back
        QVERIFY(!r.view->followsLive());
        r.view->zoomBy(2.0);
        QCOMPARE(r.view->pixelsPerMs(), 3.2);
        r.view->fitToSession();
        QCOMPARE(r.view->verticalScrollBar()->maximum(), 0);
    }

    // Zoom to the selected call: its events fill the view; Shift+drag zooms
    // to the stretch of time dragged over.
    void zoomToACallOrADraggedStretch()
    {
        Rendered r = render("lossy");
        QVERIFY(!r.view->zoomToSelectedCall()); // nothing selected
        const trace::TraceLog::View view = r.player->log().view();
        // A call with a retransmission: several events spread over time.
        const qsizetype retry = findEvent(r.player->log(), EventKind::Retransmit, 2);
        QVERIFY(retry >= 0);
        const trace::Event &picked = view.at(retry);
        r.view->selectEvent(retry);
        QVERIFY(r.view->zoomToSelectedCall());
        core::TimePoint first = core::TimePoint::max(), last = core::TimePoint::min();
        for (qsizetype i = 0; i < view.size(); ++i)
            if (view.at(i).client == picked.client && view.at(i).callId == picked.callId) {
                first = std::min(first, view.at(i).time());
                last = std::max(last, view.at(i).time());
            }
        auto [top, bottom] = r.view->visibleRange();
        QVERIFY2(top <= first && last <= bottom,
                 qPrintable(QStringLiteral("%1..%2 in view, call %3..%4")
                                .arg(top.count()).arg(bottom.count()).arg(first.count()).arg(last.count())));
        // Not the whole session: at most twice the call's span, plus the padding.
        QVERIFY((bottom - top) <= 2 * (last - first) + core::Duration(20'000));
        QVERIFY(!r.view->followsLive());

        r.view->fitToSession();
        const double fitted = r.view->pixelsPerMs();
        const int y0 = int(r.view->yForTime(core::TimePoint(1'000'000)));
        const int y1 = int(r.view->yForTime(core::TimePoint(1'500'000)));
        QTest::mousePress(r.view->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(400, y0));
        QTest::mouseMove(r.view->viewport(), QPoint(400, (y0 + y1) / 2));
        QTest::mouseMove(r.view->viewport(), QPoint(400, y1));
        QTest::mouseRelease(r.view->viewport(), Qt::LeftButton, Qt::ShiftModifier, QPoint(400, y1));
        std::tie(top, bottom) = r.view->visibleRange();
        // The stretch dragged over fills the time area (give or take a pixel
        // of the fitted scale, where the drag began), with the margins the
        // view keeps above and below.
        const core::Duration pixel(std::int64_t(1000.0 / fitted) + 1);
        QVERIFY2(top <= core::TimePoint(1'000'000) + pixel && core::TimePoint(1'500'000) - pixel <= bottom
                     && bottom - top < core::Duration(750'000),
                 qPrintable(QStringLiteral("%1..%2").arg(top.count()).arg(bottom.count())));
        QVERIFY(r.view->pixelsPerMs() > 5 * fitted);
    }

    void clickSelectsTheCall()
    {
        Rendered r = render("dropped-reply");
        const trace::TraceLog &log = r.player->log();
        const qsizetype retry = findEvent(log, EventKind::Deliver, 2, std::uint8_t(wire::DatagramKind::Request));
        const trace::Event &d = log.view().at(retry);
        const QPointF a(r.view->laneX(1), r.view->yForTime(d.time() - core::Duration(d.detail)));
        const QPointF b(r.view->laneX(0), r.view->yForTime(d.time()));
        QSignalSpy selected(r.view.get(), &SequenceDiagramView::eventSelected);
        QTest::mouseClick(r.view->viewport(), Qt::LeftButton, {}, ((a + b) / 2).toPoint());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(selected.at(0).at(0).value<qsizetype>(), retry);
        QCOMPARE(r.view->selectedEvent(), std::optional<qsizetype>(retry));
    }

    void controlsReachTheEngine()
    {
        widgets::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startScenario(QStringLiteral("lossy"));
        window.player().pause();
        auto *loss = window.findChild<QDoubleSpinBox *>(QStringLiteral("lossSpin"));
        QVERIFY(loss);
        loss->setValue(35);
        QCOMPARE(window.player().config().toServer.loss, 0.35);
        QCOMPARE(window.player().config().toClient.loss, 0.35);
        const auto view = window.player().log().view();
        QCOMPARE(view.at(view.size() - 1).kind, EventKind::ParamChange);
        QCOMPARE(session::describeParamChange(view.at(view.size() - 1).detail, view.at(view.size() - 1).size),
                 QStringLiteral("loss → 0.35"));

        auto *timeout = window.findChild<QDoubleSpinBox *>(QStringLiteral("timeout-msSpin"));
        QVERIFY(timeout);
        timeout->setValue(450);
        QCOMPARE(window.player().config().retry.timeout, core::Duration(450'000));

        // Protocol settings switch both ends of the running simulation too.
        auto *checksum = window.findChild<QComboBox *>(QStringLiteral("checksumCombo"));
        QVERIFY(checksum);
        checksum->setCurrentText(QStringLiteral("fletcher16"));
        QCOMPARE(window.player().config().checksum, wire::ChecksumKind::Fletcher16);
        const auto after = window.player().log().view();
        QCOMPARE(session::describeParamChange(after.at(after.size() - 1).detail, after.at(after.size() - 1).size),
                 QStringLiteral("checksum → fletcher16"));
        // Structural ones wait for the next reset.
        auto *clients = window.findChild<QDoubleSpinBox *>(QStringLiteral("clientsSpin"));
        clients->setValue(3);
        QCOMPARE(window.player().config().clients, 1);
    }

    void tableAndDiagramSelectTogether()
    {
        widgets::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startScenario(QStringLiteral("dropped-reply"));
        runToEnd(window.player());
        auto *table = window.findChild<QTableView *>(QStringLiteral("eventTable"));
        QVERIFY(table);
        QAbstractItemModelTester tester(table->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(table->model()->rowCount(), int(window.player().log().size()));

        // Table → diagram.
        const qsizetype lost = findEvent(window.player().log(), EventKind::Lost);
        table->selectRow(window.eventTable()->rowForLogIndex(lost));
        QCOMPARE(window.diagram()->selectedEvent(), std::optional<qsizetype>(lost));
        QVERIFY(window.narration().contains(QStringLiteral("lost")));

        // Diagram → table.
        const qsizetype timeout = findEvent(window.player().log(), EventKind::Timeout);
        Q_EMIT window.diagram()->eventSelected(timeout);
        QCOMPARE(window.eventTable()->logIndex(table->currentIndex().row()), timeout);
    }

    // The same scenario over real UDP sockets on loopback, in real time.
    void realSocketModeTellsTheSameStory()
    {
        widgets::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setRealSockets(true);
        QVERIFY(window.realSockets());
        window.startScenario(QStringLiteral("dropped-reply"));
        QVERIFY2(window.player().errorString().isEmpty(), qPrintable(window.player().errorString()));
        QTRY_VERIFY_WITH_TIMEOUT(window.player().isFinished(), 10'000);
        const trace::TraceLog &log = window.player().log();
        QVERIFY(findEvent(log, EventKind::Lost, 1, std::uint8_t(wire::DatagramKind::Reply)) >= 0);
        QVERIFY(findEvent(log, EventKind::CachedReplyResent) >= 0);
        QVERIFY(findEvent(log, EventKind::CallOk, 2) >= 0);
        // The last datagrams may still be crossing when the last call ends;
        // the session then closes and the views take in the final trace.
        QTRY_COMPARE_WITH_TIMEOUT(window.eventTable()->rowCount(), int(log.size()), 10'000);
        window.diagram()->fitToSession();
        QTRY_VERIFY(window.diagram()->lastFrame().arrowsDrawn >= 4);

        // Back to simulation: a new trace, in virtual time again.
        window.setRealSockets(false);
        QVERIFY(window.player().hasVirtualTime());
    }
};

QTEST_MAIN(TestSequenceDiagram)
#include "tst_sequencediagram.moc"
