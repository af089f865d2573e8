// The main window constructs, draws something, and remembers its geometry.
#include "capture/capturewriter.h"
#include "chartsview.h"
#include "connectdialog.h"
#include "eventtablemodel.h"
#include "mainwindow.h"
#include "run/callselection.h"
#include "run/simnetwork.h"
#include "sequencediagramview.h"
#include "services/registry.h"
#include "session/scenario.h"
#include "session/sessionargs.h"
#include "session/sessionoptions.h"

#include "remotefixture.h"

#include "session/summary.h"

#include <QCommandLineParser>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHash>
#include <QDialog>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTimer>
#include <QLineEdit>
#include <QSpinBox>
#include <QStatusBar>
#include <QImage>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QSignalSpy>
#include <QScrollBar>
#include <QBarSet>
#include <QChartView>
#include <QTableView>
#include <QTabWidget>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTextBrowser>

using rpcscope::widgets::MainWindow;

namespace {

// Answers the next message box as a person would, by clicking `button`, and
// keeps what it said: for the boxes a window opens itself.
class MessageBoxAnswer
{
public:
    explicit MessageBoxAnswer(QMessageBox::StandardButton button)
    {
        QObject::connect(&m_poll, &QTimer::timeout, [this, button] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            if (!box)
                return;
            m_poll.stop();
            m_text = box->text();
            box->button(button)->click();
        });
        m_poll.start(10);
    }
    QString text() const { return m_text; }

private:
    QTimer m_poll;
    QString m_text;
};

// The dropped-reply figure, simulated and saved as a capture at `path`.
bool writeFigureCapture(const QString &path, QString *error)
{
    rpcscope::session::SessionConfig config;
    config.scenario = QStringLiteral("dropped-reply");
    rpcscope::session::findScenario(config.scenario)->apply(config);
    rpcscope::trace::TraceLog log;
    rpcscope::session::SimNetwork sim(config, &log);
    sim.run();
    return rpcscope::capture::CaptureWriter::save(path, config, {true, 1}, log.view(), {}, error);
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

    QTemporaryDir m_settingsDir;

private slots:
    void initTestCase()
    {
        QVERIFY(m_settingsDir.isValid());
        // Keep the person's own settings out of the test, and the test's out of theirs.
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("RpcScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_mainwindow"));
    }

    // The command line's session options start the window's session: every
    // option of the table, read as rpcscope and rpcscope-cli read them,
    // reaches the session as given, and the controls show it, beyond the
    // range their sliders cover too (--clients 200 is 200 clients, not 50).
    void startSessionTakesEveryOption()
    {
        namespace session = rpcscope::session;
        // A value for each option, unlike the scenario's own, and beyond its
        // control's slider where it has one.
        const QHash<QString, QString> values{
            {QStringLiteral("scenario"), QStringLiteral("overload")},
            {QStringLiteral("seed"), QStringLiteral("9")},
            {QStringLiteral("calls"), QStringLiteral("150000")},
            {QStringLiteral("clients"), QStringLiteral("200")},
            {QStringLiteral("window"), QStringLiteral("100")},
            {QStringLiteral("call-rate"), QStringLiteral("2000")},
            {QStringLiteral("service"), QStringLiteral("echo")},
            {QStringLiteral("handler-ms"), QStringLiteral("2500")},
            {QStringLiteral("arg-bytes"), QStringLiteral("3000")},
            {QStringLiteral("loss"), QStringLiteral("0.3")},
            {QStringLiteral("loss-model"), QStringLiteral("gilbert")},
            {QStringLiteral("delay-ms"), QStringLiteral("1500")},
            {QStringLiteral("jitter-ms"), QStringLiteral("600")},
            {QStringLiteral("dup"), QStringLiteral("0.05")},
            {QStringLiteral("reorder"), QStringLiteral("0.1")},
            {QStringLiteral("corrupt"), QStringLiteral("0.02")},
            {QStringLiteral("rate-kbps"), QStringLiteral("5000")},
            {QStringLiteral("timeout-ms"), QStringLiteral("6000")},
            {QStringLiteral("backoff"), QStringLiteral("full-jitter")},
            {QStringLiteral("backoff-factor"), QStringLiteral("12")},
            {QStringLiteral("max-timeout-ms"), QStringLiteral("90000")},
            {QStringLiteral("max-attempts"), QStringLiteral("80")},
            {QStringLiteral("deadline-ms"), QStringLiteral("120000")},
            {QStringLiteral("ack-mode"), QStringLiteral("explicit")},
            {QStringLiteral("ack-delay-ms"), QStringLiteral("40")},
            {QStringLiteral("checksum"), QStringLiteral("fletcher16")},
            {QStringLiteral("max-datagram"), QStringLiteral("900")},
            {QStringLiteral("max-message"), QStringLiteral("2097152")},
            {QStringLiteral("server-rate"), QStringLiteral("30000")},
            {QStringLiteral("server-queue"), QStringLiteral("2000")},
            {QStringLiteral("delivery"), QStringLiteral("ordered")},
        };
        QStringList arguments{QStringLiteral("rpcscope")};
        for (const session::SessionOption &o : session::sessionOptions()) {
            const QString name = QString::fromLatin1(o.name);
            QVERIFY2(values.contains(name), qPrintable(QStringLiteral("no value to test --%1 with").arg(name)));
            arguments << QStringLiteral("--") + name << values.value(name);
        }
        QCommandLineParser parser;
        session::addSessionOptions(parser);
        QVERIFY2(parser.parse(arguments), qPrintable(parser.errorText()));
        session::SessionConfig config;
        QCOMPARE(session::readSessionOptions(parser, config), QString());
        session::SessionConfig preset;
        preset.scenario = config.scenario;
        session::findScenario(preset.scenario)->apply(preset);
        for (const session::SessionOption &o : session::sessionOptions())
            if (qstrcmp(o.name, "scenario") != 0)
                QVERIFY2(o.current(config) != o.current(preset), o.name);

        MainWindow window;
        window.startSession(config);
        QVERIFY(window.player().errorString().isEmpty());
        // Percentages on the controls, probabilities on the command line.
        const QStringList percent{QStringLiteral("loss"), QStringLiteral("dup"), QStringLiteral("reorder"),
                                  QStringLiteral("corrupt")};
        for (const session::SessionOption &o : session::sessionOptions()) {
            const QString name = QString::fromLatin1(o.name);
            QCOMPARE(o.current(window.player().config()), values.value(name));
            if (auto *spin = window.findChild<QDoubleSpinBox *>(name + QStringLiteral("Spin"))) {
                const double shown = spin->value() / (percent.contains(name) ? 100.0 : 1.0);
                QVERIFY2(qFuzzyCompare(shown, values.value(name).toDouble()),
                         qPrintable(QStringLiteral("--%1 %2 shown as %3").arg(name, values.value(name)).arg(shown)));
            } else if (auto *combo = window.findChild<QComboBox *>(name + QStringLiteral("Combo"))) {
                QCOMPARE(combo->currentData().toString(), values.value(name));
            }
        }
        // A scenario within the sliders' ranges gives the boxes theirs back.
        auto *clients = window.findChild<QDoubleSpinBox *>(QStringLiteral("clientsSpin"));
        QVERIFY(clients && clients->maximum() >= 200);
        window.startScenario(QStringLiteral("dropped-reply"));
        QCOMPARE(clients->maximum(), 50.0);
        QCOMPARE(clients->value(), 1.0);
    }

    // The linked charts: a bar of the retransmissions histogram and a drag
    // across the latency CDF pick out calls in the diagram and the Events
    // table, N steps through them, Escape lets them go; a drag down the
    // counter tracks sets the charts' time range, which scrolling then
    // leaves alone until the tracks are clicked.
    void chartsSelectCallsAndTracksChooseTheirRange()
    {
        MainWindow window;
        window.resize(1400, 900);
        window.show();
        window.setSpeed(1000);
        window.startScenario(QStringLiteral("lossy"));
        QTRY_VERIFY_WITH_TIMEOUT(window.player().isFinished(), 30'000);
        auto *charts = window.findChild<rpcscope::widgets::ChartsView *>();
        auto *diagram = window.findChild<rpcscope::widgets::SequenceDiagramView *>();
        auto *table = window.findChild<QTableView *>(QStringLiteral("eventTable"));
        QVERIFY(charts && diagram && table);
        const rpcscope::trace::TraceLog::View view = window.player().log().view();

        Q_EMIT charts->attemptsSet()->clicked(1); // the bar of calls that took 2 attempts
        const std::vector<rpcscope::session::CallKey> two = rpcscope::session::callsByAttempts(view, 2);
        QVERIFY(two.size() > 1);
        QCOMPARE(diagram->selectedCalls(), two);
        auto *model = qobject_cast<rpcscope::widgets::EventTableModel *>(table->model());
        QVERIFY(model && model->rowCount() > 0);
        for (int row = 0; row < model->rowCount(); ++row) {
            const rpcscope::trace::Event &e = model->eventAt(row);
            QVERIFY(std::ranges::binary_search(two, std::pair{e.client, e.callId}));
        }
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("Calls that took 2 attempts: %1,").arg(two.size())),
                 qPrintable(window.statusBar()->currentMessage()));
        // N: the first of them in time, then the next one.
        diagram->setFocus();
        diagram->verticalScrollBar()->setValue(0);
        QTest::keyClick(diagram, Qt::Key_N);
        QVERIFY(diagram->selectedCall());
        const auto first = *diagram->selectedCall();
        QVERIFY(std::ranges::binary_search(two, first));
        QTest::keyClick(diagram, Qt::Key_N);
        QVERIFY(diagram->selectedCall() && *diagram->selectedCall() != first);
        QVERIFY(std::ranges::binary_search(two, *diagram->selectedCall()));
        // Escape: back to the set, then the set goes.
        QTest::keyClick(diagram, Qt::Key_Escape);
        QVERIFY(!diagram->selectedCall());
        QCOMPARE(diagram->selectedCalls(), two);
        QTest::keyClick(diagram, Qt::Key_Escape);
        QVERIFY(diagram->selectedCalls().empty());
        QVERIFY(model->callSetFilter().empty());

        // A drag across the CDF: the calls between the latencies it spans.
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("chartsDock"));
        if (dock)
            dock->raise();
        charts->tabs()->setCurrentIndex(2);
        QTRY_VERIFY(charts->cdfView()->isVisible());
        QSignalSpy chosen(charts, &rpcscope::widgets::ChartsView::latencyRangeChosen);
        QWidget *port = charts->cdfView()->viewport();
        const int y = port->height() / 2;
        QTest::mousePress(port, Qt::LeftButton, {}, QPoint(port->width() / 5, y));
        QTest::mouseMove(port, QPoint(port->width() * 4 / 5, y));
        QTest::mouseRelease(port, Qt::LeftButton, {}, QPoint(port->width() * 4 / 5, y));
        QCOMPARE(chosen.count(), 1);
        const double from = chosen.at(0).at(0).toDouble(), to = chosen.at(0).at(1).toDouble();
        QVERIFY(from < to);
        QCOMPARE(diagram->selectedCalls(), rpcscope::session::callsByLatency(view, from, to));

        // A drag down the counter tracks: the charts' range, kept while the diagram scrolls.
        diagram->setCounterTracks(true);
        diagram->fitToSession();
        QTest::qWait(50);
        const int x = diagram->viewport()->width() - 20;
        const int top = int(diagram->yForTime(rpcscope::core::TimePoint(500'000)));
        const int bottom = int(diagram->yForTime(rpcscope::core::TimePoint(1'000'000)));
        QTest::mousePress(diagram->viewport(), Qt::LeftButton, {}, QPoint(x, top));
        QTest::mouseMove(diagram->viewport(), QPoint(x, bottom));
        QTest::mouseRelease(diagram->viewport(), Qt::LeftButton, {}, QPoint(x, bottom));
        QVERIFY(charts->timeRange());
        const auto [rangeFrom, rangeTo] = *charts->timeRange();
        QVERIFY(std::abs(rangeFrom.count() - 500'000) < 20'000);
        QVERIFY(std::abs(rangeTo.count() - 1'000'000) < 20'000);
        diagram->showTime(rpcscope::core::TimePoint(2'000'000));
        QTest::qWait(50);
        QCOMPARE(charts->timeRange()->first, rangeFrom);
        // A click on the tracks: they follow the diagram again.
        QTest::mouseClick(diagram->viewport(), Qt::LeftButton, {}, QPoint(x, top));
        QTRY_VERIFY(charts->timeRange() && charts->timeRange()->first != rangeFrom);
    }

    // Presentation mode scales the diagram, the narration and the fonts
    // together, gives the controls the width their rows need, and leaving
    // it restores the layout as it was.
    void presentationScalesAndRestores()
    {
        MainWindow window;
        window.resize(1280, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startScenario(QStringLiteral("dropped-reply"));
        auto *narration = window.findChild<QLabel *>(QStringLiteral("narration"));
        auto *controls = window.findChild<QWidget *>(QStringLiteral("controlsPanel"));
        auto *controlsDock = window.findChild<QDockWidget *>(QStringLiteral("controlsDock"));
        QVERIFY(narration && controls && controlsDock);
        const double narrationPoints = narration->font().pointSizeF();
        const QByteArray layout = window.saveState();
        window.present(true);
        QVERIFY(window.presenting());
        QVERIFY(window.diagram()->presentationScale() > 1.1);
        QVERIFY(narration->font().pointSizeF() > narrationPoints * 1.1);
        QTRY_VERIFY2(controlsDock->width() >= controls->sizeHint().width(),
                     qPrintable(QStringLiteral("controls dock %1 px for rows of %2 px")
                                    .arg(controlsDock->width()).arg(controls->sizeHint().width())));
        // The narration dock only as tall as a few lines: the diagram gets the rest.
        auto *narrationDock = window.findChild<QDockWidget *>(QStringLiteral("narrationDock"));
        QVERIFY(narrationDock);
        QTRY_VERIFY2(narrationDock->height() <= window.height() / 4 + 40,
                     qPrintable(QStringLiteral("narration dock %1 px of %2").arg(narrationDock->height()).arg(window.height())));
        QVERIFY(window.diagram()->height() > narrationDock->height());
        window.present(false);
        QCOMPARE(window.diagram()->presentationScale(), 1.0);
        QCOMPARE(narration->font().pointSizeF(), narrationPoints);
        QCOMPARE(window.saveState(), layout);
    }

    void hasTheDesignsMenus()
    {
        MainWindow window;
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text();
        QCOMPARE(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"), QStringLiteral("&Go"),
                                      QStringLiteral("&Scenario"), QStringLiteral("&Tools"), QStringLiteral("&Help")}));
    }

    void rendersNonBlank()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage image = window.grab().toImage();
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), window.size() * image.devicePixelRatio());
        // A blank render is one colour; menus, status bar and text give several.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 3)
            for (int x = 0; x < image.width(); x += 3)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 4, qPrintable(QString::number(colours.size())));
    }

    // Help > Homework shows the chapter's questions with what answers each,
    // from the page in docs/, in one window however often it is asked for.
    void homeworkPageAnswersEveryQuestion()
    {
        MainWindow window;
        QAction *homework = window.findChild<QAction *>(QStringLiteral("homework"));
        QVERIFY(homework);
        homework->trigger();
        homework->trigger();
        const QList<QDialog *> dialogs = window.findChildren<QDialog *>(QStringLiteral("homeworkDialog"));
        QCOMPARE(dialogs.size(), 1);
        QVERIFY(dialogs[0]->isVisible());
        const QTextBrowser *text = dialogs[0]->findChild<QTextBrowser *>();
        QVERIFY(text);
        const QString page = text->toPlainText();
        for (int question = 1; question <= 7; ++question)
            QVERIFY2(page.contains(QStringLiteral("%1. ").arg(question)), qPrintable(QString::number(question)));
        for (const char *answer : {"--max-attempts 0", "--ordered", "flush()", "bench --to", "Ordered delivery"})
            QVERIFY2(page.contains(QLatin1StringView(answer)), answer);
        dialogs[0]->close();
    }

    void aboutNamesVersions()
    {
        const QString text = MainWindow::aboutText();
        QVERIFY(text.contains(QCoreApplication::translate("", "RpcScope")));
        QVERIFY(text.contains(QStringLiteral(QT_VERSION_STR)));
        QVERIFY(text.contains(QStringLiteral("protobuf 3.")));
        // The licences: RpcScope's own, and those of the libraries it uses.
        QVERIFY(text.contains(QStringLiteral("MIT")));
        QVERIFY(text.contains(QStringLiteral("LGPL")));
        QVERIFY(text.contains(QStringLiteral("BSD 3-Clause")));
    }

    // A capture opens whole, replays from the start, and saves back to the
    // same events; a file that is not a capture is refused, and a scenario
    // afterwards runs as before.
    void opensReplaysAndSavesCaptures()
    {
        rpcscope::session::SessionConfig config;
        config.scenario = QStringLiteral("dropped-reply");
        rpcscope::session::findScenario(config.scenario)->apply(config);
        rpcscope::trace::TraceLog log;
        rpcscope::session::SimNetwork sim(config, &log);
        sim.run();
        const QString path = m_settingsDir.filePath(QStringLiteral("figure.rpcscope"));
        QString error;
        QVERIFY2(rpcscope::capture::CaptureWriter::save(path, config, {true, 1}, log.view(), {}, &error),
                 qPrintable(error));

        MainWindow window;
        QVERIFY2(window.openCapture(path, &error), qPrintable(error));
        QVERIFY(error.isEmpty()); // read whole, nothing to warn about
        QVERIFY(window.replaying());
        QCOMPARE(window.player().log().size(), log.size());
        QVERIFY(window.player().isFinished());
        QCOMPARE(window.player().config().scenario, QStringLiteral("dropped-reply"));

        // Play starts over; step shows one event more.
        window.player().play();
        QVERIFY(window.player().log().size() < log.size());
        window.player().pause();
        window.player().reset(window.player().config());
        QCOMPARE(window.player().log().size(), 0);
        window.player().step();
        QCOMPARE(window.player().log().size(), 1);
        window.player().setSpeed(1000);
        window.player().play();
        QTRY_VERIFY(window.player().isFinished());
        QCOMPARE(window.player().log().size(), log.size());
        QVERIFY(!window.player().setOption(QStringLiteral("loss"), QStringLiteral("0.5")).isEmpty());

        const QString again = m_settingsDir.filePath(QStringLiteral("again.rpcscope"));
        QVERIFY2(window.saveCapture(again, &error), qPrintable(error));
        MainWindow second;
        QVERIFY(second.openCapture(again, &error));
        QCOMPARE(second.player().log().size(), log.size());
        for (qsizetype i = 0; i < log.size(); ++i)
            QVERIFY(second.player().log().view().at(i) == log.view().at(i));

        // Opened before the window is shown (rpcscope FILE.rpcscope): once
        // shown, the whole story is in view at a readable scale, and the
        // story beside the narration is the capture's scenario's.
        MainWindow fresh;
        fresh.startScenario(QStringLiteral("lossy"));
        QVERIFY(fresh.openCapture(again, &error));
        fresh.resize(1280, 720);
        fresh.show();
        QVERIFY(QTest::qWaitForWindowExposed(&fresh));
        const auto [top, bottom] = fresh.diagram()->visibleRange();
        QCOMPARE(top, rpcscope::core::TimePoint(0));
        QVERIFY2(bottom >= log.view().at(log.size() - 1).time(), qPrintable(QString::number(bottom.count())));
        QVERIFY2(bottom.count() < 4 * log.view().at(log.size() - 1).timeUs,
                 qPrintable(QString::number(fresh.diagram()->pixelsPerMs())));
        auto *story = fresh.findChild<QLabel *>(QStringLiteral("scenarioStory"));
        QVERIFY(story);
        QVERIFY2(story->text().contains(QStringLiteral("Dropped reply")), qPrintable(story->text()));

        QFile junk(m_settingsDir.filePath(QStringLiteral("junk.rpcscope")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a capture at all");
        junk.close();
        QVERIFY(!window.openCapture(junk.fileName(), &error));
        QVERIFY(error.contains(QStringLiteral("not an RpcScope capture")));
        QVERIFY(window.replaying()); // the open capture stays

        // What is shown exports in the format its name asks for.
        const QString mermaid = m_settingsDir.filePath(QStringLiteral("figure.mmd"));
        QVERIFY2(second.exportTo(mermaid, &error), qPrintable(error));
        QFile mmd(mermaid);
        QVERIFY(mmd.open(QIODevice::ReadOnly));
        QVERIFY(mmd.readAll().startsWith("sequenceDiagram\n"));
        const QString svg = m_settingsDir.filePath(QStringLiteral("figure.svg"));
        QVERIFY2(second.exportTo(svg, &error), qPrintable(error));
        QVERIFY(QFileInfo(svg).size() > 1000);
        QVERIFY(!second.exportTo(m_settingsDir.filePath(QStringLiteral("figure.doc")), &error));
        QVERIFY(error.contains(QStringLiteral(".svg")));
        // A capture of a simulated session runs again for its datagrams' bytes:
        // a pcapng of the dropped reply's four datagrams, the lost one too.
        const QString pcapng = m_settingsDir.filePath(QStringLiteral("figure.pcapng"));
        QVERIFY2(second.exportTo(pcapng, &error), qPrintable(error));
        QFile packets(pcapng);
        QVERIFY(packets.open(QIODevice::ReadOnly));
        const QByteArray capture = packets.readAll();
        QVERIFY(capture.startsWith(QByteArray("\x0a\x0d\x0d\x0a", 4)));
        QCOMPARE(capture.count("delivered after"), 3);
        QCOMPARE(capture.count("lost ("), 1);
        const QString perfetto = m_settingsDir.filePath(QStringLiteral("figure.json"));
        QVERIFY2(second.exportTo(perfetto, &error), qPrintable(error));
        QFile json(perfetto);
        QVERIFY(json.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(json.readAll()).object().contains(u"traceEvents"));

        window.startScenario(QStringLiteral("message-ack"));
        QVERIFY(!window.replaying());
        QVERIFY(window.player().setOption(QStringLiteral("loss"), QStringLiteral("0.5")).isEmpty());
    }

    // A file that is no capture is reported in the dialog File > Open
    // shows, and the window goes on with the scenario it opened with.
    void aFileThatIsNoCaptureLeavesTheScenarioRunning()
    {
        QFile junk(m_settingsDir.filePath(QStringLiteral("not-a-capture.rpcscope")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write("not a capture at all");
        junk.close();
        MainWindow window;
        window.setSpeed(1000);
        const MessageBoxAnswer answer(QMessageBox::Ok);
        QVERIFY(!window.openCapture(junk.fileName()));
        QVERIFY2(answer.text().contains(QStringLiteral("not an RpcScope capture")), qPrintable(answer.text()));
        QVERIFY(!window.replaying());
        QCOMPARE(window.player().config().scenario, QStringLiteral("dropped-reply"));
        QTRY_VERIFY(window.player().isFinished());
        QVERIFY(window.player().log().size() > 0);
    }

    // Reset starts the scenario over; with a capture shown it asks first,
    // and Cancel keeps the capture.
    void resetAsksBeforeDiscardingACapture()
    {
        const QString path = m_settingsDir.filePath(QStringLiteral("keep.rpcscope"));
        QString error;
        QVERIFY2(writeFigureCapture(path, &error), qPrintable(error));
        MainWindow window;
        auto *reset = window.findChild<QAction *>(QStringLiteral("resetAction"));
        QVERIFY(reset);
        QCOMPARE(reset->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_R));
        QVERIFY2(window.openCapture(path, &error), qPrintable(error));
        const qsizetype events = window.player().log().size();

        {
            const MessageBoxAnswer answer(QMessageBox::Cancel); // the box a person sees
            reset->trigger();
            QVERIFY2(answer.text().contains(QStringLiteral("discards the capture")), qPrintable(answer.text()));
        }
        QVERIFY(window.replaying());
        QCOMPARE(window.player().log().size(), events);

        int asked = 0;
        window.setDiscardCaptureQuestion([&asked] { return ++asked, false; });
        reset->trigger();
        QCOMPARE(asked, 1);
        QVERIFY(window.replaying());
        window.setDiscardCaptureQuestion([&asked] { return ++asked, true; });
        reset->trigger();
        QCOMPARE(asked, 2);
        QVERIFY(!window.replaying());
        QCOMPARE(window.player().config().scenario, QStringLiteral("dropped-reply"));
        // A running scenario has nothing to lose: no question.
        QVERIFY(window.reset());
        QCOMPARE(asked, 2);
    }

    // The statistics line says what the command line's summary says: why
    // calls failed, the damaged datagrams caught and let through, and a
    // long call's probes apart from retransmissions.
    void statisticsSayWhyCallsFailed()
    {
        MainWindow window;
        auto *stats = window.findChild<QLabel *>(QStringLiteral("statistics"));
        QVERIFY(stats);
        window.startScenario(QStringLiteral("corruption"));
        // A byte sum lets damage through: the counter's calls then fail.
        auto *checksum = window.findChild<QComboBox *>(QStringLiteral("checksumCombo"));
        QVERIFY(checksum);
        checksum->setCurrentIndex(checksum->findData(QStringLiteral("sum")));
        window.reset();
        QCOMPARE(window.player().config().checksum, rpcscope::wire::ChecksumKind::Sum);
        window.setSpeed(1000);
        QTRY_VERIFY_WITH_TIMEOUT(window.player().isFinished(), 30'000);
        rpcscope::session::Summary s = rpcscope::session::SummaryBuilder::fromTrace(window.player().log().view());
        QVERIFY(s.datagrams.corruptAccepted > 0);
        QTRY_VERIFY2(stats->text().contains(QStringLiteral("checksum caught %1, corrupt accepted %2")
                                            .arg(s.datagrams.checksumRejected)
                                            .arg(s.datagrams.corruptAccepted)),
                 qPrintable(stats->text()));
        QVERIFY(s.failedTotal() > 0);
        for (const auto &[reason, count] : s.failed)
            QVERIFY2(stats->text().contains(QStringLiteral("%1 %2").arg(reason).arg(count)), qPrintable(stats->text()));

        window.startScenario(QStringLiteral("long-call"));
        QTRY_VERIFY_WITH_TIMEOUT(window.player().isFinished(), 30'000);
        s = rpcscope::session::SummaryBuilder::fromTrace(window.player().log().view());
        QVERIFY(s.probes > 0);
        QTRY_VERIFY2(stats->text().contains(QStringLiteral("retransmissions 0 · probes %1").arg(s.probes)),
                 qPrintable(stats->text()));
    }

    // Scrolled or zoomed to a part of the session, the charts show that
    // part; following the live edge, the whole session.
    void chartsFollowTheDiagram()
    {
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startScenario(QStringLiteral("lossy"));
        window.setSpeed(1000);
        QTRY_VERIFY_WITH_TIMEOUT(window.player().isFinished(), 20'000);
        window.diagram()->setFollowLive(true);
        window.diagram()->viewport()->repaint();
        QVERIFY(!window.charts()->timeRange().has_value());
        window.diagram()->setFollowLive(false);
        window.diagram()->setPixelsPerMs(2.0);
        window.diagram()->viewport()->repaint();
        const auto range = window.charts()->timeRange();
        QVERIFY(range.has_value());
        const auto [from, to] = window.diagram()->visibleRange();
        QCOMPARE(range->first, from);
        QCOMPARE(range->second, to);
        QVERIFY(to > from);
    }

    // Remote classroom mode as a user sees it: connected to a server with a
    // clock of its own, the diagram's trace holds the server's side of the
    // call, the mode box says so, and the status bar says where the clients
    // are bound and how far the server's clock is from ours. Back on
    // loopback, the status bar no longer speaks of a server.
    void connectsToARemoteServer()
    {
        using namespace rpcscope;
        testsupport::RemoteFixture remote(testsupport::kKey, services::makeService(u"echo"));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.startScenario(QStringLiteral("message-ack"));
        window.connectToServer(remote.address());
        QVERIFY(window.remoteServer().has_value());
        QCOMPARE(window.findChild<QComboBox *>(QStringLiteral("modeCombo"))->currentIndex(), 2);
        QTRY_VERIFY_WITH_TIMEOUT(window.player().isFinished(), 30'000);

        std::int64_t executions = 0, ok = 0;
        const auto view = window.player().log().view();
        for (qsizetype i = 0; i < view.size(); ++i) {
            executions += view.at(i).kind == trace::EventKind::HandlerStart && view.at(i).from == 0;
            ok += view.at(i).kind == trace::EventKind::CallOk;
        }
        QCOMPARE(ok, 1);
        QCOMPARE(executions, 1);
        auto *status = window.findChild<QLabel *>(QStringLiteral("connectionStatus"));
        QTRY_VERIFY(status->isVisible());
        QVERIFY2(status->text().contains(QStringLiteral("Remote server 127.0.0.1:%1").arg(remote.server->port())),
                 qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("clients on 127.0.0.1")), qPrintable(status->text()));
        QVERIFY2(status->text().contains(QStringLiteral("server clock")), qPrintable(status->text()));

        window.setRealSockets(true);
        QVERIFY(!window.remoteServer());
        QVERIFY(window.connectionText().isEmpty());
        QVERIFY(!status->isVisible());
        QCOMPARE(window.findChild<QComboBox *>(QStringLiteral("modeCombo"))->currentIndex(), 1);
    }

    // The Connect dialog refuses what cannot work, saying which field and
    // why, follows the server's port with the feed's, and keeps the key
    // only when asked to.
    void connectDialogChecksWhatItIsGiven()
    {
        using rpcscope::widgets::ConnectDialog;
        QSettings().remove(QStringLiteral("remote"));
        ConnectDialog dialog(QStringLiteral("echo"));
        const QList<QLabel *> labels = dialog.findChildren<QLabel *>();
        QVERIFY(std::any_of(labels.begin(), labels.end(), [](const QLabel *l) {
            return l->text().contains(QStringLiteral("--service echo --key-file"));
        }));
        auto *address = dialog.findChild<QLineEdit *>(QStringLiteral("serverAddress"));
        auto *tracePort = dialog.findChild<QSpinBox *>(QStringLiteral("tracePort"));
        auto *key = dialog.findChild<QLineEdit *>(QStringLiteral("key"));
        QVERIFY(address && tracePort && key);
        rpcscope::remote::RemoteServer server;

        QVERIFY(dialog.validate(&server).startsWith(QStringLiteral("Server: expected HOST:PORT")));
        address->setText(QStringLiteral("127.0.0.1:0"));
        QVERIFY(dialog.validate(&server).contains(QStringLiteral("from 1 to 65535")));
        address->clear();
        QTest::keyClicks(address, QStringLiteral("127.0.0.1:7100"));
        QCOMPARE(tracePort->value(), 7101); // follows the server's port
        QVERIFY(dialog.validate(&server).contains(QStringLiteral("only over DTLS")));
        tracePort->setValue(7100);
        QVERIFY(dialog.validate(&server).contains(QStringLiteral("a port of its own")));
        tracePort->setValue(7101);
        key->setText(QStringLiteral("classroom key"));
        QVERIFY(dialog.validate(&server).isEmpty());
        QCOMPARE(server.address, QHostAddress(QHostAddress::LocalHost));
        QCOMPARE(server.port, quint16(7100));
        QCOMPARE(server.tracePort, quint16(7101));
        QCOMPARE(server.key, QByteArray("classroom key"));

        // A key file is used byte for byte, as serve --key-file reads it,
        // even bytes that are not UTF-8; one that cannot be read is named.
        QTemporaryDir keys;
        QFile binary(keys.filePath(QStringLiteral("class.key")));
        QVERIFY(binary.open(QIODevice::WriteOnly));
        const QByteArray raw("\x9f\x01k\xff" "ey", 6);
        binary.write(raw + "\n");
        binary.close();
        QVERIFY(dialog.readKeyFile(binary.fileName()));
        QVERIFY(dialog.validate(&server).isEmpty());
        QCOMPARE(server.key, raw);
        QVERIFY(!dialog.readKeyFile(keys.filePath(QStringLiteral("missing.key"))));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("connectError"))->text().contains(u"missing.key"));
        key->setText(QStringLiteral("classroom key")); // typed over: the typed key counts
        QVERIFY(dialog.validate(&server).isEmpty());
        QCOMPARE(server.key, QByteArray("classroom key"));

        dialog.accept();
        QVERIFY(dialog.server().has_value());
        QCOMPARE(QSettings().value(QStringLiteral("remote/server")).toString(), QStringLiteral("127.0.0.1:7100"));
        QVERIFY(!QSettings().contains(QStringLiteral("remote/key"))); // not asked to remember it
        ConnectDialog again(QStringLiteral("counter"));
        QCOMPARE(again.findChild<QLineEdit *>(QStringLiteral("serverAddress"))->text(), QStringLiteral("127.0.0.1:7100"));
        QCOMPARE(again.findChild<QSpinBox *>(QStringLiteral("tracePort"))->value(), 7101);
        QVERIFY(again.findChild<QLineEdit *>(QStringLiteral("key"))->text().isEmpty());
    }

    void restoresGeometryFromSettings()
    {
        const QRect wanted(120, 90, 900, 640);
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.setGeometry(wanted);
            QTRY_COMPARE(window.geometry(), wanted);
            QVERIFY(window.close());
        }
        QVERIFY(QFile::exists(QSettings().fileName()));
        MainWindow restored;
        restored.show();
        QVERIFY(QTest::qWaitForWindowExposed(&restored));
        QCOMPARE(restored.geometry(), wanted);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
