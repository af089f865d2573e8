// Tools > Measure against an in-process server on loopback: the four
// measurements run in the background, the chart and the table show them,
// and a server that is not there, or a bad address, is said in words.
#include "measuredialog.h"

#include "mainwindow.h"
#include "rpc/measurement.h"
#include "rpc/rpcserver.h"

#include <QAction>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QImage>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

#include <algorithm>
#include <vector>
#include <QUdpSocket>

using namespace rpcscope;
using widgets::MeasureDialog;

class TestMeasureDialog : public QObject
{
    Q_OBJECT

private slots:
    void measuresAServer()
    {
        rpc::RpcServer server({});
        rpc::registerBenchMethods(server);
        QVERIFY(server.start());
        MeasureDialog dialog;
        dialog.setServer(QStringLiteral("127.0.0.1:%1").arg(server.port()));
        dialog.setAmounts(100, 500, 300'000);
        dialog.findChild<QSpinBox *>(QStringLiteral("measureChunk"))->setValue(64); // KiB: five calls
        QSignalSpy measured(&dialog, &MeasureDialog::measured);
        QVERIFY(dialog.start());
        QVERIFY(!dialog.start()); // one at a time
        QVERIFY(measured.wait(30'000));
        QCOMPARE(measured.first().first().toBool(), true);
        QVERIFY(!dialog.isRunning());

        const rpc::Measurement &r = dialog.result();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QVERIFY(r.raw.p50 > 0 && r.call.p50 > 0);
        QVERIFY(r.callsPerSecond > 0);
        QCOMPARE(r.messageBytes, 300'000);
        QVERIFY(r.verified);
        QCOMPARE(r.rawEchoes, 100);
        // The chart: raw and call bars at p50, p90 and p99.
        const auto *bars = qobject_cast<QBarSeries *>(dialog.chart()->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 2);
        for (const QBarSet *set : bars->barSets())
            QCOMPARE(set->count(), 3);
        QCOMPARE(bars->barSets()[0]->at(0), r.raw.p50);
        QCOMPARE(bars->barSets()[1]->at(2), r.call.p99);
        // The table names each figure, and how it compares with the floor.
        const QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), 6);
        QCOMPARE(table->columnCount(), 3);
        QCOMPARE(table->item(0, 1)->text(), QStringLiteral("127.0.0.1:%1, wire version 1, plain UDP").arg(server.port()));
        QVERIFY2(table->item(1, 2)->text().startsWith(QStringLiteral("100 echoes, ")), qPrintable(table->item(1, 2)->text()));
        QCOMPARE(table->item(2, 2)->text(), QStringLiteral("%1× the floor").arg(r.callRatio(), 0, 'f', 2));
        QCOMPARE(table->item(3, 0)->text(), QStringLiteral("Pipelined calls, window 32"));
        QVERIFY2(table->item(4, 1)->text().endsWith(QStringLiteral(" Mbit/s), SHA-256 verified")),
                 qPrintable(table->item(4, 1)->text()));
        QVERIFY(table->item(4, 2)->text().endsWith(QStringLiteral(" KiB per raw round trip")));
        QCOMPARE(table->item(5, 1)->text(), QStringLiteral("293 KiB in calls of 64 KiB, 4 in flight, in datagrams of 1400 bytes"));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("× the raw round trip")), qPrintable(dialog.statusText()));
    }

    // What is drawn: the floor's bars and the calls' bars, each in its
    // colour, in the chart beside the inputs.
    void drawsTheBarsAgainstTheFloor()
    {
        rpc::RpcServer server({});
        rpc::registerBenchMethods(server);
        QVERIFY(server.start());
        MeasureDialog dialog;
        dialog.setServer(QStringLiteral("127.0.0.1:%1").arg(server.port()));
        dialog.setAmounts(50, 100, 10'000);
        QSignalSpy measured(&dialog, &MeasureDialog::measured);
        QVERIFY(dialog.start());
        QVERIFY(measured.wait(30'000));
        QVERIFY2(dialog.result().ok(), qPrintable(dialog.result().error));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *view = dialog.findChild<QWidget *>(QStringLiteral("measureChart"));
        QVERIFY(view);
        const QImage image = view->grab().toImage();
        const auto *bars = qobject_cast<QBarSeries *>(dialog.chart()->series().value(0));
        QVERIFY(bars);
        // Every set drawn in its colour, and the larger values over more
        // pixels: how large the bars are depends on the machine's timings,
        // their order on what was measured.
        std::vector<std::pair<double, int>> drawn; // (the set's total, its pixels)
        for (QBarSet *set : bars->barSets()) {
            int pixels = 0;
            for (int y = 0; y < image.height(); ++y)
                for (int x = 0; x < image.width(); ++x)
                    pixels += image.pixelColor(x, y) == set->color();
            QVERIFY2(pixels > 0, qPrintable(QStringLiteral("%1: %2 pixels").arg(set->label()).arg(pixels)));
            drawn.emplace_back(set->sum(), pixels);
        }
        std::ranges::sort(drawn);
        for (std::size_t i = 1; i < drawn.size(); ++i)
            if (drawn[i].first > 1.5 * drawn[i - 1].first)
                QVERIFY2(drawn[i].second > drawn[i - 1].second,
                         qPrintable(QStringLiteral("%1 px for %2, %3 px for %4")
                                        .arg(drawn[i].second).arg(drawn[i].first)
                                        .arg(drawn[i - 1].second).arg(drawn[i - 1].first)));
    }

    void saysWhatWentWrong()
    {
        MeasureDialog dialog;
        dialog.setServer(QStringLiteral("no port here"));
        QVERIFY(!dialog.start());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("not HOST:PORT")), qPrintable(dialog.statusText()));

        QUdpSocket closed;
        QVERIFY(closed.bind(QHostAddress::LocalHost, 0));
        const quint16 port = closed.localPort();
        closed.close();
        dialog.setServer(QStringLiteral("127.0.0.1:%1").arg(port));
        dialog.findChild<QSpinBox *>(QStringLiteral("measureTimeout"))->setValue(300);
        QSignalSpy measured(&dialog, &MeasureDialog::measured);
        QVERIFY(dialog.start());
        QVERIFY(measured.wait(30'000));
        QCOMPARE(measured.first().first().toBool(), false);
        QVERIFY2(dialog.statusText() == QStringLiteral("Nothing listens at 127.0.0.1:%1: the port is closed.").arg(port)
                     || dialog.statusText()
                            == QStringLiteral("No RpcScope server answered at 127.0.0.1:%1 within 300 ms.").arg(port),
                 qPrintable(dialog.statusText()));

        // A message cut into more calls than a measurement keeps answers for.
        dialog.setAmounts(10, 10, qint64(4096) << 20);
        dialog.findChild<QSpinBox *>(QStringLiteral("measureChunk"))->setValue(1);
        QVERIFY(!dialog.start());
        QVERIFY2(dialog.statusText().contains(QStringLiteral("4194304 calls")), qPrintable(dialog.statusText()));
    }

    // Stop ends a measurement under way, and says so.
    void stopsWhenAsked()
    {
        rpc::RpcServer server({});
        rpc::registerBenchMethods(server);
        QVERIFY(server.start());
        MeasureDialog dialog;
        dialog.setServer(QStringLiteral("127.0.0.1:%1").arg(server.port()));
        dialog.setAmounts(1'000'000, 1'000'000, qint64(1) << 30);
        QSignalSpy measured(&dialog, &MeasureDialog::measured);
        QVERIFY(dialog.start());
        dialog.cancel();
        QVERIFY(measured.wait(30'000));
        QCOMPARE(measured.first().first().toBool(), false);
        QCOMPARE(dialog.statusText(), QStringLiteral("Stopped."));
    }

    void openedFromTheToolsMenu()
    {
        widgets::MainWindow window;
        auto *action = window.findChild<QAction *>(QStringLiteral("measureServer"));
        QVERIFY(action);
        action->trigger();
        action->trigger();
        QCOMPARE(window.findChildren<MeasureDialog *>().size(), 1);
        QVERIFY(window.findChild<MeasureDialog *>()->isVisible());
    }
};

QTEST_MAIN(TestMeasureDialog)
#include "tst_measuredialog.moc"
