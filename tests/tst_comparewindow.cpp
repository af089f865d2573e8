// The compare window as a person uses it: two runs on one clock, the table
// and the strip holding each run's own figures, the first divergence
// ringed in both, one scroll for both diagrams, controls that act on the
// side chosen; and Fork from Here, from a capture, beside its original.
#include "comparecharts.h"
#include "comparedialogs.h"
#include "comparestrip.h"
#include "comparewindow.h"
#include "controlspanel.h"
#include "mainwindow.h"
#include "sequencediagramview.h"

#include "scene.h"

#include "capture/capturereader.h"
#include "capture/capturewriter.h"
#include "run/compare.h"
#include "run/simulationplayer.h"
#include "session/scenario.h"
#include "session/sessionoptions.h"
#include "simrun.h"

#include <QBarSet>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLineSeries>
#include <QLabel>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace rpcscope;
using session::SessionConfig;
using widgets::CompareWindow;
using testsupport::scenarioConfig;

namespace {


SessionConfig with(SessionConfig c, const char *option, const char *value)
{
    const QString e = session::findSessionOption(QString::fromLatin1(option))->apply(c, QString::fromLatin1(value));
    Q_ASSERT(e.isEmpty());
    return c;
}

// Plays the window at high speed until both runs are over.
bool playToEnd(CompareWindow &window)
{
    window.setSpeed(2000);
    window.play();
    return QTest::qWaitFor([&] { return window.player(0).isFinished() && window.player(1).isFinished(); }, 20'000);
}

QString cell(QTableWidget &table, const QString &label, int column)
{
    for (int r = 0; r < table.rowCount(); ++r)
        if (table.item(r, 0)->text() == label)
            return table.item(r, column)->text();
    return QStringLiteral("(no row %1)").arg(label);
}

} // namespace

class TestCompareWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixedAgainstFullJitterOnOverload();
    void divergenceIsRingedInBoth();
    void identicalSettingsShowNoDifference();
    void diagramsScrollAsOne();
    void controlsActOnTheSideChosen();
    void stepGoesToTheNextInstantOfEither();
    void forkOfACaptureOpensBesideItsOriginal();
    void forkDialogRefusesWhatCannotChange();
    void compareDialogListsTheDifferences();
};

void TestCompareWindow::fixedAgainstFullJitterOnOverload()
{
    const SessionConfig base = scenarioConfig(QStringLiteral("overload"));
    const SessionConfig a = with(base, "backoff", "fixed"), b = with(base, "backoff", "full-jitter");
    CompareWindow window({a, {}, QStringLiteral("backoff=fixed"), {}}, {b, {}, QStringLiteral("backoff=full-jitter"), {}});
    window.show();
    QVERIFY(playToEnd(window));
    window.updateComparison();

    // Each side is its own run, event for event.
    const testsupport::SimRun runA(a), runB(b);
    QCOMPARE(window.player(0).log().view().size(), runA.view.size());
    QCOMPARE(window.player(1).log().view().size(), runB.view.size());
    const session::Summary sa = session::SummaryBuilder::fromTrace(runA.view),
                           sb = session::SummaryBuilder::fromTrace(runB.view);
    QCOMPARE(cell(window.table(), QStringLiteral("Calls ok"), 1), QLocale().toString(sa.ok));
    QCOMPARE(cell(window.table(), QStringLiteral("Calls ok"), 2), QLocale().toString(sb.ok));
    QCOMPARE(cell(window.table(), QStringLiteral("Retransmissions"), 3),
             u'-' + QLocale().toString(sa.retransmissions - sb.retransmissions));

    // The first divergence, found afresh, is ringed in both diagrams.
    const session::Divergence d = session::firstDivergence(runA.view, runB.view);
    QVERIFY(d.found());
    QCOMPARE(window.comparison().divergence.a, d.a);
    QCOMPARE(window.comparison().divergence.b, d.b);
    auto *label = window.findChild<QLabel *>(QStringLiteral("divergence"));
    QVERIFY2(label->text().startsWith(QStringLiteral("First divergence")), qPrintable(label->text()));

    // The charts hold each run's own figures, A over B.
    const session::RunCurves curvesB = session::runCurves(runB.view);
    for (int i = 0; i < session::RunCurves::kAttemptBuckets; ++i)
        QCOMPARE(window.charts().attempts(1)->at(i), double(curvesB.attempts[std::size_t(i)]));
    QCOMPARE(window.charts().cdf(0)->points().constLast().y(), 1.0);
    QCOMPARE(window.charts().cdf(0)->points().constLast().x(), session::runCurves(runA.view).okLatenciesMs.back());
    QCOMPARE(qsizetype(window.charts().timeouts(1)->count()), qsizetype(curvesB.timeouts.size()));

    // The strip: a column per call, and its text for a call that differs.
    const auto [i, j] = window.comparison().differing.front();
    const session::CallEnd &endA = window.comparison().callsA[std::size_t(i)];
    const QString text = window.strip().describe(endA.client, endA.call);
    QVERIFY2(text.contains(QStringLiteral("call %1").arg(endA.call)), qPrintable(text));
    QVERIFY2(text.contains(u"\nA: ") && text.contains(u"\nB: "), qPrintable(text));
}

// Where the runs part is ringed in both diagrams, zoomed so that each
// datagram is drawn on its own.
void TestCompareWindow::divergenceIsRingedInBoth()
{
    const SessionConfig base = scenarioConfig(QStringLiteral("lossy"));
    const SessionConfig a = with(base, "backoff", "fixed"), b = with(base, "backoff", "full-jitter");
    CompareWindow window({a, {}, {}, {}}, {b, {}, {}, {}});
    window.resize(1200, 800);
    window.show();
    QVERIFY(playToEnd(window));
    window.updateComparison();
    const session::Divergence d = window.comparison().divergence;
    QVERIFY(d.found());
    window.showDivergence();
    const auto ringed = [](const widgets::SequenceDiagramView &view, qsizetype index) {
        for (const diagram::Item &item : view.lastFrame().items)
            if ((item.flags & diagram::Halo) && item.event == index)
                return true;
        return false;
    };
    QVERIFY(diagram::drawnAsItsOwn(window.player(0).log().view().at(d.a).kind));
    QTRY_VERIFY(ringed(window.diagram(0), d.a));
    QVERIFY(diagram::drawnAsItsOwn(window.player(1).log().view().at(d.b).kind));
    QTRY_VERIFY(ringed(window.diagram(1), d.b));
    const auto [top, bottom] = window.diagram(0).visibleRange();
    QVERIFY(top <= window.player(0).log().view().at(d.a).time());
    QVERIFY(bottom >= window.player(0).log().view().at(d.a).time());
}

void TestCompareWindow::identicalSettingsShowNoDifference()
{
    const SessionConfig c = scenarioConfig(QStringLiteral("lossy"));
    CompareWindow window({c, {}, {}, {}}, {c, {}, {}, {}});
    window.show();
    QVERIFY(playToEnd(window));
    window.updateComparison();
    QVERIFY(!window.comparison().divergence.found());
    QVERIFY(window.comparison().differing.empty());
    for (int r = 0; r < window.table().rowCount(); ++r)
        QCOMPARE(window.table().item(r, 3)->text(), QStringLiteral("·"));
    QVERIFY(window.findChild<QLabel *>(QStringLiteral("divergence"))->text().contains(u"the same"));
}

void TestCompareWindow::diagramsScrollAsOne()
{
    const SessionConfig c = scenarioConfig(QStringLiteral("lossy"));
    CompareWindow window({c, {}, {}, {}}, {with(c, "timeout-ms", "500"), {}, {}, {}});
    window.resize(1200, 800);
    window.show();
    QVERIFY(playToEnd(window));
    window.diagram(0).zoomToRange(core::TimePoint(400'000), core::TimePoint(900'000));
    QTRY_COMPARE(window.diagram(1).visibleRange(), window.diagram(0).visibleRange());
    QCOMPARE(window.diagram(1).pixelsPerMs(), window.diagram(0).pixelsPerMs());
    window.diagram(1).showTime(core::TimePoint(2'000'000));
    QTRY_COMPARE(window.diagram(0).visibleRange(), window.diagram(1).visibleRange());
    QVERIFY(!window.diagram(0).followsLive());
    const auto [top, bottom] = window.diagram(0).visibleRange();
    QVERIFY(top < core::TimePoint(2'000'000) && bottom > core::TimePoint(2'000'000));
}

void TestCompareWindow::controlsActOnTheSideChosen()
{
    const SessionConfig c = scenarioConfig(QStringLiteral("lossy"));
    CompareWindow window({c, {}, {}, {}}, {c, {}, {}, {}});
    window.show();
    window.pause();
    window.player(0).runTo(core::TimePoint(300'000));
    window.player(1).runTo(core::TimePoint(300'000));
    auto *target = window.findChild<QComboBox *>(QStringLiteral("controlsTarget"));
    QVERIFY(target);
    target->setCurrentIndex(1); // B only
    auto *controls = window.findChild<widgets::ControlsPanel *>(QStringLiteral("controlsPanel"));
    QVERIFY(controls);
    Q_EMIT controls->optionChanged(QStringLiteral("loss"), QStringLiteral("0.5"));
    QVERIFY(window.player(0).changes().empty());
    QCOMPARE(window.player(1).changes().size(), std::size_t(1));
    QCOMPARE(window.player(1).config().toServer.loss, 0.5);
    QCOMPARE(window.player(0).config().toServer.loss, c.toServer.loss);
    // The controls show the side they act on.
    auto *loss = controls->findChild<QDoubleSpinBox *>(QStringLiteral("lossSpin"));
    QVERIFY(loss);
    target->setCurrentIndex(0);
    const double aLoss = loss->value();
    target->setCurrentIndex(1);
    const double bLoss = loss->value();
    QVERIFY(aLoss != bLoss);
    target->setCurrentIndex(0);
    QCOMPARE(loss->value(), aLoss);
    target->setCurrentIndex(1);
    // A setting that waits for the next start is in italics until the restart.
    const auto italic = [controls] {
        QStringList names;
        for (const QWidget *w : controls->findChildren<QWidget *>())
            if (w->property("pending").toBool() && w->font().italic())
                names << w->objectName();
        return names;
    };
    QVERIFY(italic().isEmpty());
    Q_EMIT controls->optionChanged(QStringLiteral("clients"), QStringLiteral("3"));
    QCOMPARE(italic().size(), 1);
    target->setCurrentIndex(0); // A has nothing waiting
    QVERIFY(italic().isEmpty());
    target->setCurrentIndex(1);
    QCOMPARE(italic().size(), 1);
    window.restart();
    window.pause();
    QVERIFY(italic().isEmpty());
    QCOMPARE(window.player(1).config().clients, 3);
    window.player(0).runTo(core::TimePoint(300'000));
    window.player(1).runTo(core::TimePoint(300'000));
    target->setCurrentIndex(2); // both
    Q_EMIT controls->optionChanged(QStringLiteral("backoff"), QStringLiteral("fixed"));
    QCOMPARE(window.player(0).changes().size(), std::size_t(1));
    QCOMPARE(window.player(1).changes().size(), std::size_t(2));
    // Restarting plays the changes again, each at its time.
    window.restart();
    window.pause();
    window.player(0).runTo(core::TimePoint(400'000));
    QCOMPARE(window.player(0).changes().size(), std::size_t(1));
    QCOMPARE(window.player(0).config().retry.backoff, core::Backoff::Fixed);
}

// Step: both runs to the next instant at which either has an event; the
// runs' events come in the order of time, the same as played through.
void TestCompareWindow::stepGoesToTheNextInstantOfEither()
{
    const SessionConfig c = scenarioConfig(QStringLiteral("lossy"));
    const SessionConfig b = with(c, "backoff", "full-jitter");
    CompareWindow window({c, {}, {}, {}}, {b, {}, {}, {}});
    window.show();
    window.pause();
    const testsupport::SimRun runA(c), runB(b);
    core::TimePoint last{0};
    int steps = 0;
    while (!(window.player(0).isFinished() && window.player(1).isFinished()) && steps < 100'000) {
        window.step();
        ++steps;
        QVERIFY(window.clock() >= last);
        last = window.clock();
        // Nothing after the clock, and everything at or before it.
        for (int side = 0; side < 2; ++side) {
            const trace::TraceLog::View v = window.player(side).log().view();
            const trace::TraceLog::View &whole = side == 0 ? runA.view : runB.view;
            QVERIFY(v.size() <= whole.size());
            if (v.size() < whole.size())
                QVERIFY(whole.at(v.size()).time() > window.clock());
        }
    }
    QVERIFY(window.player(0).isFinished() && window.player(1).isFinished());
    QCOMPARE(window.player(0).log().view().size(), runA.view.size());
    QCOMPARE(window.player(1).log().view().size(), runB.view.size());
    QVERIFY(steps > 100);
}

void TestCompareWindow::forkOfACaptureOpensBesideItsOriginal()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("lossy.rpcscope"));
    const SessionConfig c = scenarioConfig(QStringLiteral("lossy"));
    {
        const testsupport::SimRun run(c);
        QString error;
        QVERIFY2(capture::CaptureWriter::save(path, c, capture::CaptureInfo(true, 1), run.view,
                                              session::SummaryBuilder::fromTrace(run.view), &error),
                 qPrintable(error));
    }
    widgets::MainWindow main;
    QVERIFY(main.openCapture(path));
    const core::TimePoint at(700'000);
    CompareWindow *window = main.forkFrom(at, {{QStringLiteral("timeout-ms"), QStringLiteral("600")}});
    QVERIFY(window);
    QVERIFY(playToEnd(*window));
    const trace::TraceLog::View a = window->player(0).log().view(), b = window->player(1).log().view();
    qsizetype i = 0;
    for (; a.at(i).time() <= at; ++i)
        QCOMPARE(b.at(i), a.at(i));
    QCOMPARE(b.at(i).kind, trace::EventKind::ParamChange);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("headerB"))->text().contains(u"timeout-ms=600"));

    // Saved, the fork names its parent and runs again to its events.
    const QString forkPath = dir.filePath(QStringLiteral("fork.rpcscope"));
    {
        session::Summary summary = session::SummaryBuilder::fromTrace(b);
        capture::CaptureInfo info(true, 1);
        info.changes = window->player(1).changes();
        info.lineage = {{QStringLiteral("lossy.rpcscope"), at, {{QStringLiteral("timeout-ms"), QStringLiteral("600")}}}};
        QString error;
        QVERIFY(capture::CaptureWriter::save(forkPath, window->player(1).startConfig(), info, b, summary, &error));
    }
    trace::TraceLog events;
    capture::LoadedCapture loaded;
    QString error;
    QCOMPARE(capture::loadCapture(forkPath, events, loaded, &error), capture::LoadStatus::Complete);
    QCOMPARE(loaded.changes, window->player(1).changes());
    // And a fork of the fork carries both fork points.
    QVERIFY(main.openCapture(forkPath));
    CompareWindow *again = main.forkFrom(core::TimePoint(1'500'000), {{QStringLiteral("backoff"), QStringLiteral("fixed")}});
    QVERIFY(again);
    QVERIFY(playToEnd(*again));
    const trace::TraceLog::View parent = again->player(0).log().view();
    QCOMPARE(parent.size(), b.size());
    for (qsizetype k = 0; k < b.size(); ++k)
        QCOMPARE(parent.at(k), b.at(k));
}

void TestCompareWindow::forkDialogRefusesWhatCannotChange()
{
    const SessionConfig c = scenarioConfig(QStringLiteral("lossy"));
    widgets::ForkDialog dialog(c, core::TimePoint(400'000));
    QVERIFY(!dialog.setOption(QStringLiteral("clients"), QStringLiteral("4")).isEmpty());
    QVERIFY(dialog.settings().empty());
    QCOMPARE(dialog.setOption(QStringLiteral("timeout-ms"), QStringLiteral("900")), QString());
    QCOMPARE(dialog.setOption(QStringLiteral("loss"), QStringLiteral("0.1")), QString());
    QCOMPARE(dialog.setOption(QStringLiteral("timeout-ms"), QStringLiteral("800")), QString());
    const std::vector<std::pair<QString, QString>> expected{{QStringLiteral("loss"), QStringLiteral("0.1")},
                                                             {QStringLiteral("timeout-ms"), QStringLiteral("800")}};
    QCOMPARE(dialog.settings(), expected);
    // Back to the value in force at the fork: no change at all.
    QCOMPARE(dialog.setOption(QStringLiteral("loss"), QString::number(c.toServer.loss)), QString());
    QCOMPARE(dialog.settings().size(), std::size_t(1));
}

void TestCompareWindow::compareDialogListsTheDifferences()
{
    widgets::CompareDialog dialog(scenarioConfig(QStringLiteral("overload")));
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("compareDifferences"));
    QVERIFY(label->text().contains(u"the same"));
    QCOMPARE(dialog.setOption(1, QStringLiteral("backoff"), QStringLiteral("full-jitter")), QString());
    QCOMPARE(dialog.setOption(0, QStringLiteral("backoff"), QStringLiteral("fixed")), QString());
    QCOMPARE(label->text(), QStringLiteral("B differs from A in: backoff=full-jitter"));
    QCOMPARE(dialog.a().retry.backoff, core::Backoff::Fixed);
    QCOMPARE(dialog.b().retry.backoff, core::Backoff::FullJitter);
}

QTEST_MAIN(TestCompareWindow)
#include "tst_comparewindow.moc"
