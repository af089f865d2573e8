// The sweep window: a small sweep runs in the background and is drawn as one
// line per compared value with a band for the spread, its chart and table
// export, a cancel stops the work, and input a sweep cannot run is refused
// before anything starts.
#include "sweepdialog.h"

#include "mainwindow.h"

#include "run/sweep.h"
#include "session/scenario.h"

#include <QAction>
#include <QAreaSeries>
#include <QChart>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QImage>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QLegendMarker>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>
#include <QXmlStreamReader>

using namespace rpcscope;
using widgets::SweepDialog;

namespace {

// A scenario with loss and few calls: a whole sweep takes a fraction of a second.
session::SessionConfig smallBase()
{
    session::SessionConfig config = session::scenarioConfig(QStringLiteral("lossy"));
    config.calls = 20;
    config.clients = 2;
    config.seed = 7;
    return config;
}

template <typename T>
T *child(const SweepDialog &dialog, const char *name)
{
    T *found = dialog.findChild<T *>(QString::fromLatin1(name));
    if (!found)
        qFatal("no %s in the sweep dialog", name);
    return found;
}

// loss 0, 0.1, 0.2 for fixed and exponential back-off, two runs each.
void setUpSmallSweep(SweepDialog &dialog)
{
    child<QComboBox>(dialog, "sweepParam")->setCurrentIndex(
        child<QComboBox>(dialog, "sweepParam")->findData(QStringLiteral("loss")));
    child<QDoubleSpinBox>(dialog, "sweepFrom")->setValue(0);
    child<QDoubleSpinBox>(dialog, "sweepTo")->setValue(0.2);
    child<QSpinBox>(dialog, "sweepSteps")->setValue(3);
    child<QSpinBox>(dialog, "sweepRuns")->setValue(2);
    auto *compare = child<QComboBox>(dialog, "sweepCompareOption");
    compare->setCurrentIndex(compare->findData(QStringLiteral("backoff")));
    child<QLineEdit>(dialog, "sweepCompareValues")->setText(QStringLiteral("fixed, exponential"));
}

} // namespace

class TestSweepDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QLocale::setDefault(QLocale::c()); // the table's numbers as this test writes them
    }

    void runsASweepAndDrawsALinePerValue()
    {
        SweepDialog dialog(smallBase());
        setUpSmallSweep(dialog);
        QCOMPARE(dialog.problem(), QString());
        QVERIFY(child<QPushButton>(dialog, "runSweep")->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, "exportSweepChart")->isEnabled()); // nothing to export yet

        QSignalSpy ended(&dialog, &SweepDialog::sweepEnded);
        QVERIFY(dialog.start());
        QVERIFY(dialog.isRunning());
        QVERIFY(!dialog.start()); // one at a time
        QVERIFY(ended.wait(60'000));
        QCOMPARE(ended.constFirst().constFirst().toBool(), true);
        QVERIFY(!dialog.isRunning());

        // The same rows the engine (and so the command line) gives for this sweep.
        const session::Sweep sweep = dialog.shownSweep();
        QCOMPARE(sweep.compareValues, (QStringList{QStringLiteral("fixed"), QStringLiteral("exponential")}));
        const std::vector<session::SweepRow> expected = session::runSweep(sweep, smallBase());
        QVERIFY(dialog.rows() == expected);

        const QList<QLineSeries *> means = dialog.meanSeries();
        QCOMPARE(means.size(), 2);
        QCOMPARE(means[0]->name(), QStringLiteral("backoff = fixed"));
        QCOMPARE(means[1]->name(), QStringLiteral("backoff = exponential"));
        for (qsizetype v = 0; v < means.size(); ++v) {
            const QList<QPointF> points = means[v]->points();
            QCOMPARE(points.size(), 3);
            for (qsizetype p = 0; p < points.size(); ++p) {
                const session::SweepRow &row = expected[std::size_t(p * 2 + v)];
                QCOMPARE(points[p].x(), row.paramValue.toDouble());
                QCOMPARE(points[p].y(), row.latencyMean.mean);
            }
        }
        // Two runs: a band per value around its line, from the lowest run to the highest.
        int bands = 0;
        for (QAbstractSeries *s : dialog.chart()->series()) {
            if (auto *band = qobject_cast<QAreaSeries *>(s)) {
                ++bands;
                QCOMPARE(band->upperSeries()->count(), 3);
                QCOMPARE(band->lowerSeries()->count(), 3);
                for (int p = 0; p < 3; ++p)
                    QVERIFY(band->lowerSeries()->at(p).y() <= band->upperSeries()->at(p).y());
            }
        }
        QCOMPARE(bands, 2);

        // Axes say what and in which unit.
        const auto x = qobject_cast<QValueAxis *>(dialog.chart()->axes(Qt::Horizontal).value(0));
        const auto y = qobject_cast<QValueAxis *>(dialog.chart()->axes(Qt::Vertical).value(0));
        QVERIFY(x && y);
        QVERIFY2(x->titleText().startsWith(QStringLiteral("loss (")), qPrintable(x->titleText()));
        QVERIFY2(y->titleText().contains(QStringLiteral("(ms)")), qPrintable(y->titleText()));

        // Hovering a point names where it is and its spread.
        Q_EMIT means[1]->hovered(means[1]->at(1), true);
        QVERIFY2(dialog.hoverText().contains(QStringLiteral("loss = 0.1, backoff = exponential")),
                 qPrintable(dialog.hoverText()));
        QVERIFY2(dialog.hoverText().contains(QStringLiteral("over 2 runs")), qPrintable(dialog.hoverText()));

        // Another figure redraws from the same rows, without running again.
        dialog.setMetric(SweepDialog::Metric::Retransmissions);
        QCOMPARE(dialog.meanSeries().size(), 2);
        QCOMPARE(dialog.meanSeries()[0]->at(2).y(), expected[4].retransmissions.mean);
        QVERIFY(dialog.chart()->axes(Qt::Vertical).value(0)->titleText().startsWith(QStringLiteral("retransmissions")));

        // The table holds the command line's rows, formatted to be read.
        auto *table = child<QTableWidget>(dialog, "sweepTable");
        QCOMPARE(table->rowCount(), 6);
        QCOMPARE(table->horizontalHeaderItem(0)->text(), QStringLiteral("loss"));
        QCOMPARE(table->item(5, 0)->text(), QStringLiteral("20 %"));
        QCOMPARE(table->item(5, 1)->text(), QStringLiteral("exponential"));

        QTemporaryDir dir;
        QString error;
        const QString csv = dir.filePath(QStringLiteral("sweep.csv"));
        QVERIFY2(dialog.exportTable(csv, &error), qPrintable(error));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(csvFile.readAll()), session::sweepCsv(sweep, expected));

        const QString png = dir.filePath(QStringLiteral("sweep.png"));
        QVERIFY2(dialog.exportChart(png, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 1000 && image.height() >= 500);
        const QString svg = dir.filePath(QStringLiteral("sweep.svg"));
        QVERIFY2(dialog.exportChart(svg, &error), qPrintable(error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svgFile);
        int paths = 0;
        while (!xml.atEnd())
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"path")
                ++paths;
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(paths > 0);
        QVERIFY(!dialog.exportChart(dir.filePath(QStringLiteral("sweep.bmp")), &error));
        QVERIFY(error.contains(QStringLiteral(".png")));
    }

    // Every back-off policy compared: the legend names each in full, and
    // the table reads as numbers do (0.1666666667 is 16.7 %, a latency has
    // one decimal), not as the CSV's floating point.
    void legendAndTableAreReadable()
    {
        SweepDialog dialog(smallBase());
        setUpSmallSweep(dialog);
        child<QDoubleSpinBox>(dialog, "sweepTo")->setValue(0.5);
        child<QSpinBox>(dialog, "sweepSteps")->setValue(4);
        child<QSpinBox>(dialog, "sweepRuns")->setValue(1);
        auto *compare = child<QComboBox>(dialog, "sweepCompareOption");
        compare->setCurrentIndex(compare->findData(QString()));
        compare->setCurrentIndex(compare->findData(QStringLiteral("backoff"))); // offers every policy
        QVERIFY2(dialog.problem().isEmpty(), qPrintable(dialog.problem()));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QSignalSpy ended(&dialog, &SweepDialog::sweepEnded);
        QVERIFY(dialog.start());
        QVERIFY(ended.wait(60'000));
        QVERIFY(dialog.meanSeries().size() >= 5);
        QCoreApplication::processEvents();

        // What the legend draws, against the names it was given.
        QGraphicsScene *scene = dialog.chart()->scene();
        QVERIFY(scene);
        QStringList drawn;
        for (QGraphicsItem *item : scene->items()) {
            auto *text = dynamic_cast<QGraphicsTextItem *>(item);
            if (text && text->isVisible() && dialog.chart()->legend()->isAncestorOf(text))
                drawn << text->toPlainText();
        }
        for (const QLineSeries *mean : dialog.meanSeries())
            QVERIFY2(drawn.contains(mean->name()),
                     qPrintable(QStringLiteral("%1 not among %2").arg(mean->name(), drawn.join(u'|'))));

        auto *table = child<QTableWidget>(dialog, "sweepTable");
        QCOMPARE(table->rowCount(), 4 * int(dialog.meanSeries().size()));
        const int values = int(dialog.meanSeries().size());
        QCOMPARE(table->item(0, 0)->text(), QStringLiteral("0 %"));
        QCOMPARE(table->item(values, 0)->text(), QStringLiteral("16.7 %"));
        QCOMPARE(table->item(2 * values, 0)->text(), QStringLiteral("33.3 %"));
        QCOMPARE(table->item(3 * values, 0)->text(), QStringLiteral("50 %"));
        static const QRegularExpression readable(QStringLiteral("^(\\d+(\\.\\d)?( ms| %)?)?$"));
        for (int r = 0; r < table->rowCount(); ++r)
            for (int c = 0; c < table->columnCount(); ++c)
                if (c != 1)
                    QVERIFY2(readable.match(table->item(r, c)->text()).hasMatch(),
                             qPrintable(QStringLiteral("row %1, %2: %3")
                                            .arg(r)
                                            .arg(table->horizontalHeaderItem(c)->text(), table->item(r, c)->text())));
        QVERIFY(table->item(0, 3)->text().endsWith(QStringLiteral(" ms")));
    }

    void withoutComparisonOneLine()
    {
        SweepDialog dialog(smallBase());
        setUpSmallSweep(dialog);
        auto *compare = child<QComboBox>(dialog, "sweepCompareOption");
        compare->setCurrentIndex(compare->findData(QString()));
        child<QSpinBox>(dialog, "sweepRuns")->setValue(1);
        child<QSpinBox>(dialog, "sweepSteps")->setValue(4);
        QSignalSpy ended(&dialog, &SweepDialog::sweepEnded);
        QVERIFY(dialog.start());
        QVERIFY(ended.wait(60'000));
        QCOMPARE(dialog.meanSeries().size(), 1);
        QCOMPARE(dialog.meanSeries()[0]->count(), 4);
        // One run per point: nothing to spread, so no band.
        for (QAbstractSeries *s : dialog.chart()->series())
            QVERIFY(!qobject_cast<QAreaSeries *>(s));
    }

    // Sessions far too long to finish: only a cancel ends the sweep.
    void cancelStopsTheWork()
    {
        session::SessionConfig base = smallBase();
        base.calls = 5'000'000;
        SweepDialog dialog(base);
        setUpSmallSweep(dialog);
        QSignalSpy ended(&dialog, &SweepDialog::sweepEnded);
        QVERIFY(dialog.start());
        QVERIFY(!child<QWidget>(dialog, "sweepParam")->isEnabled()); // inputs wait for the sweep
        QVERIFY(child<QPushButton>(dialog, "cancelSweep")->isEnabled());
        dialog.cancel();
        QVERIFY(ended.wait(60'000));
        QCOMPARE(ended.constFirst().constFirst().toBool(), false);
        QVERIFY(!dialog.isRunning());
        QVERIFY(dialog.rows().empty());
        QVERIFY(dialog.meanSeries().isEmpty());
        QVERIFY2(dialog.statusText().startsWith(QStringLiteral("Cancelled after 0 of 12")), qPrintable(dialog.statusText()));
        QVERIFY(child<QWidget>(dialog, "sweepParam")->isEnabled());
        QVERIFY(!child<QPushButton>(dialog, "cancelSweep")->isEnabled());
    }

    // Closing the window while it works stops the work before it goes.
    void closingStopsTheWork()
    {
        session::SessionConfig base = smallBase();
        base.calls = 5'000'000;
        auto *dialog = new SweepDialog(base);
        setUpSmallSweep(*dialog);
        QVERIFY(dialog->start());
        delete dialog; // would wait for minutes if the runs went on
    }

    void badInputIsRefused()
    {
        SweepDialog dialog(smallBase());
        setUpSmallSweep(dialog);
        auto *run = child<QPushButton>(dialog, "runSweep");
        QVERIFY(run->isEnabled());

        // From above To.
        child<QDoubleSpinBox>(dialog, "sweepFrom")->setValue(0.3);
        child<QDoubleSpinBox>(dialog, "sweepTo")->setValue(0.1);
        QVERIFY(dialog.problem().contains(QStringLiteral("From must be less than To")));
        QVERIFY(!run->isEnabled());
        QCOMPARE(dialog.statusText(), dialog.problem());
        QVERIFY(!dialog.start());
        QVERIFY(!dialog.isRunning());
        child<QDoubleSpinBox>(dialog, "sweepTo")->setValue(0.5);
        QCOMPARE(dialog.problem(), QString());
        QVERIFY(run->isEnabled());

        // A value the compared option does not take, and no values at all.
        auto *values = child<QLineEdit>(dialog, "sweepCompareValues");
        values->setText(QStringLiteral("fixed,slow"));
        QVERIFY2(dialog.problem().contains(QStringLiteral("invalid value 'slow' for backoff")),
                 qPrintable(dialog.problem()));
        QVERIFY(!run->isEnabled());
        values->setText(QStringLiteral("fixed,,exponential"));
        QVERIFY2(dialog.problem().contains(QStringLiteral("empty value")), qPrintable(dialog.problem()));
        values->clear();
        QVERIFY(!dialog.problem().isEmpty());
        QVERIFY(!dialog.start());

        // The swept option compared with itself.
        auto *compare = child<QComboBox>(dialog, "sweepCompareOption");
        compare->setCurrentIndex(compare->findData(QStringLiteral("loss")));
        values->setText(QStringLiteral("0.1,0.2"));
        QVERIFY2(dialog.problem().contains(QStringLiteral("both swept and compared")), qPrintable(dialog.problem()));

        // What cannot be asked for is not offered: fewer than two steps, no
        // runs, a parameter that is not a number, the seed.
        auto *steps = child<QSpinBox>(dialog, "sweepSteps");
        steps->setValue(0);
        QCOMPARE(steps->value(), 2);
        auto *runs = child<QSpinBox>(dialog, "sweepRuns");
        runs->setValue(0);
        QCOMPARE(runs->value(), 1);
        auto *param = child<QComboBox>(dialog, "sweepParam");
        QCOMPARE(param->findData(QStringLiteral("backoff")), -1);
        QCOMPARE(param->findData(QStringLiteral("seed")), -1);
        QVERIFY(param->findData(QStringLiteral("timeout-ms")) >= 0);
        QCOMPARE(compare->findData(QStringLiteral("seed")), -1);
    }

    // Tools > Parameter Sweep starts from the window's session.
    void openedFromTheWindowOnItsSettings()
    {
        QTemporaryDir settings;
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
        QCoreApplication::setOrganizationName(QStringLiteral("RpcScopeTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_sweepdialog"));
        widgets::MainWindow window;
        window.startScenario(QStringLiteral("many-clients"));
        auto *action = window.findChild<QAction *>(QStringLiteral("parameterSweep"));
        QVERIFY(action);
        QVERIFY(!action->shortcut().isEmpty());
        action->trigger();
        auto *dialog = window.findChild<SweepDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const session::SessionConfig expected = session::scenarioConfig(QStringLiteral("many-clients"));
        QCOMPARE(dialog->base().scenario, QStringLiteral("many-clients"));
        QCOMPARE(dialog->base().clients, expected.clients);
        QCOMPARE(dialog->base().calls, expected.calls);
        // Asked again, the same window comes up, now on the session shown.
        window.startScenario(QStringLiteral("lossy"));
        action->trigger();
        QCOMPARE(window.findChildren<SweepDialog *>().size(), 1);
        QCOMPARE(dialog->base().scenario, QStringLiteral("lossy"));
    }

    // A parameter comes with a range to start from, in its own unit.
    void parameterSetsItsRange()
    {
        SweepDialog dialog(smallBase());
        auto *param = child<QComboBox>(dialog, "sweepParam");
        auto *from = child<QDoubleSpinBox>(dialog, "sweepFrom");
        auto *to = child<QDoubleSpinBox>(dialog, "sweepTo");
        param->setCurrentIndex(param->findData(QStringLiteral("clients")));
        QCOMPARE(from->decimals(), 0);
        QCOMPARE(from->value(), 2.0);
        QCOMPARE(to->value(), 8.0);
        param->setCurrentIndex(param->findData(QStringLiteral("timeout-ms")));
        QVERIFY(from->suffix().contains(QStringLiteral("ms")));
        QVERIFY(from->value() < to->value());
        param->setCurrentIndex(param->findData(QStringLiteral("loss")));
        QCOMPARE(from->value(), 0.0);
        QVERIFY(to->maximum() <= 1.0);
        QCOMPARE(dialog.problem(), QString());
    }
};

QTEST_MAIN(TestSweepDialog)
#include "tst_sweepdialog.moc"
