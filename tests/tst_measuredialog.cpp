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
#include <QSignalSpy>
#include <QTableWidget>
#include <QTest>
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
        // The chart: raw and call bars at p50, p90 and p99.
        const auto *bars = qobject_cast<QBarSeries *>(dialog.chart()->series().value(0));
        QVERIFY(bars);
        QCOMPARE(bars->barSets().size(), 2);
        for (const QBarSet *set : bars->barSets())
            QCOMPARE(set->count(), 3);
        QCOMPARE(bars->barSets()[0]->at(0), r.raw.p50);
        QCOMPARE(bars->barSets()[1]->at(2), r.call.p99);
        // The table names each figure.
        QCOMPARE(dialog.table()->rowCount(), 5);
        QVERIFY(dialog.table()->item(4, 1)->text().contains(QStringLiteral("SHA-256 verified")));
        QVERIFY2(dialog.statusText().contains(QStringLiteral("× the raw round trip")), qPrintable(dialog.statusText()));
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
        QSignalSpy measured(&dialog, &MeasureDialog::measured);
        QVERIFY(dialog.start());
        QVERIFY(measured.wait(30'000));
        QCOMPARE(measured.first().first().toBool(), false);
        QVERIFY2(dialog.statusText().contains(QStringLiteral("127.0.0.1:%1").arg(port)), qPrintable(dialog.statusText()));
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
