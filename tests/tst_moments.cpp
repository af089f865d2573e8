// The Moments list and the Go menu: which events are a story's turns, the
// list counts those the clock has reached (a loss only once its ✗ is
// drawn), a click or a key goes to one, and playback pauses at a ticked kind.
#include "mainwindow.h"
#include "momentspanel.h"
#include "sequencediagramview.h"

#include "moments.h"
#include "trace/tracelog.h"
#include "wire/datagram.h"

#include <QAction>
#include <QDialog>
#include <QTableWidget>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTest>
#include <QTreeWidget>

using namespace rpcscope;
using diagram::Moment;
using trace::EventKind;
using widgets::MainWindow;
using widgets::MomentsPanel;

namespace {

trace::Event traceEvent(EventKind kind, std::uint32_t call, std::int64_t at, wire::DatagramKind datagram = {})
{
    trace::Event e;
    e.kind = kind;
    e.client = 1;
    e.from = 1;
    e.callId = call;
    e.timeUs = at;
    e.datagram = std::uint8_t(datagram);
    return e;
}

} // namespace

class TestMoments : public QObject
{
    Q_OBJECT

private slots:
    void eventsAreMomentsOfTheirKind()
    {
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::Lost, 1, 0)), std::optional(Moment::Loss));
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::Retransmit, 1, 0, wire::DatagramKind::Request)),
                 std::optional(Moment::Retransmission));
        // A probe sent again waits on a running call: no retransmission.
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::Retransmit, 1, 0, wire::DatagramKind::Probe)), std::nullopt);
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::CachedReplyResent, 1, 0)), std::optional(Moment::CachedReply));
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::DuplicateSuppressed, 1, 0)), std::optional(Moment::DuplicateAcked));
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::ChecksumFail, 1, 0)), std::optional(Moment::CorruptionCaught));
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::CorruptAccepted, 1, 0)), std::optional(Moment::CorruptionMissed));
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::RequestHeld, 1, 0)), std::optional(Moment::Held));
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::ServerRestart, 0, 0)), std::optional(Moment::Restart));
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::CallFailed, 1, 0)), std::optional(Moment::CallFailed));
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::ParamChange, 0, 0)), std::optional(Moment::Change));
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::Deliver, 1, 0)), std::nullopt);
        QCOMPARE(diagram::momentOf(traceEvent(EventKind::CallOk, 1, 0)), std::nullopt);
        for (int k = 0; k < diagram::kMomentCount; ++k)
            QVERIFY(!diagram::momentTitle(Moment(k)).isEmpty() && !diagram::momentOne(Moment(k)).isEmpty());
    }

    // Counted when the clock reaches them, listed under their kind, and a
    // click on one names its event.
    void listCountsWhatTheClockReached()
    {
        trace::TraceLog log;
        log.record(traceEvent(EventKind::CallStart, 1, 0));
        log.record(traceEvent(EventKind::Lost, 1, 0, wire::DatagramKind::Request));        // 1
        log.record(traceEvent(EventKind::Timeout, 1, 200'000));                            // 2
        log.record(traceEvent(EventKind::Retransmit, 1, 200'000, wire::DatagramKind::Request)); // 3
        log.record(traceEvent(EventKind::Retransmit, 1, 300'000, wire::DatagramKind::Probe));
        MomentsPanel panel;
        qsizetype clock = 0; // events up to this index are reached, save the loss until `lossShown`
        bool lossShown = false;
        const auto revealed = [&](qsizetype i) { return i <= clock && (i != 1 || lossShown); };
        clock = 3;
        std::vector<qsizetype> reached = panel.update(log.view(), revealed);
        QCOMPARE(reached, (std::vector<qsizetype>{2, 3}));
        QCOMPARE(panel.count(Moment::Loss), 0); // sent, its fate not yet shown
        QCOMPARE(panel.count(Moment::Timeout), 1);
        QCOMPARE(panel.count(Moment::Retransmission), 1);
        lossShown = true;
        clock = 4;
        reached = panel.update(log.view(), revealed);
        QCOMPARE(reached, (std::vector<qsizetype>{1}));
        QCOMPARE(panel.count(Moment::Loss), 1);
        QCOMPARE(panel.count(Moment::Retransmission), 1); // the probe is none
        QVERIFY(panel.update(log.view(), revealed).empty());

        QTreeWidgetItem *losses = panel.tree()->topLevelItem(int(Moment::Loss));
        QCOMPARE(losses->text(1), QStringLiteral("1"));
        QCOMPARE(losses->childCount(), 1);
        QSignalSpy activated(&panel, &MomentsPanel::momentActivated);
        emit panel.tree()->itemClicked(losses->child(0), 0);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(activated.first().first().value<qsizetype>(), qsizetype(1));
        // A click on a kind's row goes nowhere.
        emit panel.tree()->itemClicked(losses, 0);
        QCOMPARE(activated.size(), 1);

        panel.reset();
        QCOMPARE(panel.count(Moment::Loss), 0);
        QCOMPARE(panel.tree()->topLevelItem(int(Moment::Loss))->childCount(), 0);
    }

    // L goes to the next loss, Shift+L back; past the last, nothing moves.
    void keysGoFromLossToLoss()
    {
        MainWindow window;
        window.startScenario(QStringLiteral("lossy"));
        window.setSpeed(1000);
        QTRY_VERIFY_WITH_TIMEOUT(window.player().isFinished(), 30'000);
        QTest::qWait(100); // a frame at the end
        const trace::TraceLog::View view = window.player().log().view();
        std::vector<qsizetype> losses;
        for (qsizetype i = 0; i < view.size(); ++i)
            if (view.at(i).kind == EventKind::Lost)
                losses.push_back(i);
        QVERIFY(losses.size() >= 3);
        QAction *next = window.findChild<QAction *>(QStringLiteral("nextMoment%1").arg(int(Moment::Loss)));
        QAction *previous = window.findChild<QAction *>(QStringLiteral("previousMoment%1").arg(int(Moment::Loss)));
        QVERIFY(next && previous);
        QCOMPARE(next->shortcut(), QKeySequence(Qt::Key_L));
        window.diagram()->selectEvent(0);
        next->trigger();
        QCOMPARE(window.diagram()->selectedEvent(), std::optional(losses[0]));
        next->trigger();
        QCOMPARE(window.diagram()->selectedEvent(), std::optional(losses[1]));
        previous->trigger();
        QCOMPARE(window.diagram()->selectedEvent(), std::optional(losses[0]));
        window.diagram()->selectEvent(losses.back());
        next->trigger();
        QCOMPARE(window.diagram()->selectedEvent(), std::optional(losses.back()));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Losses: none after this one so far.")),
                 qPrintable(window.statusBar()->currentMessage()));

        // The list counted every loss by the end.
        auto *panel = window.findChild<MomentsPanel *>();
        QVERIFY(panel);
        QCOMPARE(panel->count(Moment::Loss), int(losses.size()));
    }

    // Pause at Every Loss: playback stops at the first loss the clock
    // reaches, with the loss selected; Space plays on, to the next.
    void pausesAtEveryLoss()
    {
        MainWindow window;
        window.startScenario(QStringLiteral("dropped-request"));
        QAction *everyLoss = window.findChild<QAction *>(QStringLiteral("pauseAtEveryLoss"));
        QVERIFY(everyLoss);
        everyLoss->setChecked(true);
        window.reset();
        window.setSpeed(1);
        QTRY_VERIFY_WITH_TIMEOUT(!window.player().isPlaying(), 20'000);
        QVERIFY(!window.player().isFinished());
        const std::optional<qsizetype> selected = window.diagram()->selectedEvent();
        QVERIFY(selected);
        QCOMPARE(window.player().log().view().at(*selected).kind, EventKind::Lost);
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Paused at a loss")),
                 qPrintable(window.statusBar()->currentMessage()));
        // Nothing else to stop at: it plays to the end.
        window.setSpeed(1000);
        window.findChild<QAction *>(QStringLiteral("playPause"))->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.player().isFinished(), 20'000);
    }

    // Quiz mode on the dropped reply (Fig. 48.5): a question before each
    // turn, with playback paused; Space plays on to the answer, which is
    // what the trace did.
    void quizModeAsksThenReveals()
    {
        MainWindow window;
        window.startScenario(QStringLiteral("dropped-reply"));
        QAction *quiz = window.findChild<QAction *>(QStringLiteral("quizMode"));
        QVERIFY(quiz);
        quiz->setChecked(true);
        window.reset();
        // Slow enough that a frame held up by a busy machine never carries
        // a question and its answer past the diagram at once.
        window.setSpeed(0.25);
        QAction *play = window.findChild<QAction *>(QStringLiteral("playPause"));
        const QStringList expected{
            QStringLiteral("Answer: A. It arrives."),                 // the request
            QStringLiteral("Answer: C. The network loses it"),        // the reply
            QStringLiteral("Answer: B. Its timer runs out"),          // after the loss
            QStringLiteral("Answer: B. It answers from its reply cache"), // the resent request
        };
        for (const QString &answer : expected) {
            QTRY_VERIFY_WITH_TIMEOUT(!window.player().isPlaying(), 20'000);
            QVERIFY2(window.narration().startsWith(QStringLiteral("Question: ")), qPrintable(window.narration()));
            QVERIFY(!window.player().isFinished());
            const QString question = window.narration();
            play->trigger();
            QTRY_VERIFY_WITH_TIMEOUT(!window.player().isPlaying(), 20'000);
            QVERIFY2(window.narration().startsWith(answer), qPrintable(window.narration() + QStringLiteral(" / ") + question));
            play->trigger();
        }
        // Off: it plays to the end with the narration of its own.
        quiz->setChecked(false);
        window.setSpeed(1000);
        if (!window.player().isPlaying())
            play->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(window.player().isFinished(), 20'000);
        QVERIFY(!window.narration().startsWith(QStringLiteral("Answer")));
    }

    void shortcutsAreListed()
    {
        MainWindow window;
        QAction *help = window.findChild<QAction *>(QStringLiteral("keyboardShortcuts"));
        QVERIFY(help);
        QCOMPARE(help->shortcut(), QKeySequence(Qt::Key_F1));
        help->trigger();
        auto *table = window.findChild<QDialog *>(QStringLiteral("shortcutsDialog"))->findChild<QTableWidget *>();
        QVERIFY(table);
        QStringList keys;
        for (int row = 0; row < table->rowCount(); ++row)
            keys << table->item(row, 0)->text();
        for (const QString &key : {QStringLiteral("L"), QStringLiteral("Shift+L"), QStringLiteral("Ctrl+G"),
                                   QStringLiteral("Space"), QStringLiteral("F1"), QStringLiteral("N, →")})
            QVERIFY2(keys.contains(key), qPrintable(keys.join(u' ')));
    }
};

QTEST_MAIN(TestMoments)
#include "tst_moments.moc"
