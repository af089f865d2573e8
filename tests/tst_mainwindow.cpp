// The main window constructs, draws something, and remembers its geometry.
#include "mainwindow.h"
#include "capture/capturewriter.h"
#include "net/simnetwork.h"
#include "session/scenario.h"
#include "chartsview.h"
#include "sequencediagramview.h"

#include <QFileInfo>
#include <QImage>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using rpcscope::widgets::MainWindow;

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

    void hasTheDesignsMenus()
    {
        MainWindow window;
        QStringList titles;
        for (QAction *action : window.menuBar()->actions())
            titles << action->text();
        QCOMPARE(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&View"),
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

    void aboutNamesVersions()
    {
        const QString text = MainWindow::aboutText();
        QVERIFY(text.contains(QCoreApplication::translate("", "RpcScope")));
        QVERIFY(text.contains(QStringLiteral(QT_VERSION_STR)));
        QVERIFY(text.contains(QStringLiteral("protobuf 3.")));
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
        rpcscope::net::SimNetwork sim(config, &log);
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

        window.startScenario(QStringLiteral("message-ack"));
        QVERIFY(!window.replaying());
        QVERIFY(window.player().setOption(QStringLiteral("loss"), QStringLiteral("0.5")).isEmpty());
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
