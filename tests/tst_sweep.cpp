// Sweeps: one row per (point, compared value), the same rows for the same
// seed however the runs are scheduled, figures that move the way the
// network says they must, and bad input refused in words that name it.
#include "run/sweep.h"
#include "session/sessionoptions.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QTest>
#include <QThreadPool>

#include <algorithm>
#include <stdexcept>

using namespace rpcscope::session;

namespace {

// Few calls, so a whole sweep takes a fraction of a second.
SessionConfig smallBase()
{
    SessionConfig config;
    config.calls = 20;
    config.clients = 2;
    config.window = 4;
    config.seed = 7;
    return config;
}

Sweep lossSweep()
{
    Sweep sweep;
    sweep.param = QStringLiteral("loss");
    sweep.from = 0.0;
    sweep.to = 0.3;
    sweep.steps = 4;
    sweep.runs = 3;
    return sweep;
}

} // namespace

class TestSweep : public QObject
{
    Q_OBJECT

private slots:
    void pointsAreInterpolated()
    {
        Sweep sweep = lossSweep();
        QCOMPARE(sweep.valueAt(0), QStringLiteral("0"));
        QCOMPARE(sweep.valueAt(1), QStringLiteral("0.1"));
        QCOMPARE(sweep.valueAt(2), QStringLiteral("0.2"));
        QCOMPARE(sweep.valueAt(3), QStringLiteral("0.3"));

        // Counts are rounded: 1, 2.5, 4 -> 1, 3, 4.
        sweep.param = QStringLiteral("clients");
        sweep.from = 1;
        sweep.to = 4;
        sweep.steps = 3;
        QCOMPARE(sweep.valueAt(0), QStringLiteral("1"));
        QCOMPARE(sweep.valueAt(1), QStringLiteral("3"));
        QCOMPARE(sweep.valueAt(2), QStringLiteral("4"));
    }

    void rowsArePointsTimesComparedValues()
    {
        Sweep sweep = lossSweep();
        sweep.steps = 3;
        sweep.runs = 2;
        QCOMPARE(sweep.setCompare(QStringLiteral("backoff=fixed,exponential")), QString());
        const std::vector<SweepRow> rows = runSweep(sweep, smallBase());
        QCOMPARE(rows.size(), std::size_t(6));
        const QStringList expected{QStringLiteral("0/fixed"),    QStringLiteral("0/exponential"),
                                   QStringLiteral("0.15/fixed"), QStringLiteral("0.15/exponential"),
                                   QStringLiteral("0.3/fixed"),  QStringLiteral("0.3/exponential")};
        for (std::size_t i = 0; i < rows.size(); ++i) {
            QCOMPARE(rows[i].paramValue + u'/' + rows[i].compareValue, expected[qsizetype(i)]);
            QCOMPARE(rows[i].runs, 2);
            QCOMPARE(rows[i].ok.count, 2);
            // Every call ends, one way or the other, in every run.
            QCOMPARE(rows[i].ok.mean + rows[i].failed.mean, 20.0);
        }

        const QStringList csv = sweepCsv(sweep, rows).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(csv.size(), 7);
        QVERIFY2(csv[0].startsWith(QStringLiteral("loss,backoff,runs,latency_mean_ms,")), qPrintable(csv[0]));
        for (const QString &line : csv)
            QCOMPARE(line.count(u','), 12);
        QVERIFY2(csv[1].startsWith(QStringLiteral("0,fixed,2,")), qPrintable(csv[1]));

        const QJsonObject json = sweepJson(sweep, smallBase(), rows);
        QCOMPARE(json[u"rows"].toArray().size(), 6);
        QCOMPARE(json[u"sweep"][u"param"].toString(), QStringLiteral("loss"));
        QCOMPARE(json[u"sweep"][u"compare"][u"values"].toArray().size(), 2);
        QCOMPARE(json[u"base"][u"calls"].toString(), QStringLiteral("20"));
        const QJsonObject last = json[u"rows"].toArray().last().toObject();
        QCOMPARE(last[u"value"].toDouble(), 0.3);
        QCOMPARE(last[u"compare"].toString(), QStringLiteral("exponential"));
        QVERIFY(last[u"retransmissions"][u"mean"].isDouble());
    }

    void withoutCompareOneRowPerPoint()
    {
        const Sweep sweep = lossSweep();
        const std::vector<SweepRow> rows = runSweep(sweep, smallBase());
        QCOMPARE(rows.size(), std::size_t(4));
        for (const SweepRow &row : rows)
            QVERIFY(row.compareValue.isEmpty());
        QVERIFY(sweepCsv(sweep, rows).startsWith(QStringLiteral("loss,compare,")));
        QVERIFY(!sweepJson(sweep, smallBase(), rows)[u"sweep"].toObject().contains(u"compare"));
    }

    void sameSeedSameRows()
    {
        Sweep sweep = lossSweep();
        QCOMPARE(sweep.setCompare(QStringLiteral("backoff=fixed,full-jitter")), QString());
        const std::vector<SweepRow> first = runSweep(sweep, smallBase());
        const std::vector<SweepRow> second = runSweep(sweep, smallBase());
        QVERIFY(first == second);
        QCOMPARE(sweepCsv(sweep, first), sweepCsv(sweep, second));

        // Another seed is another sweep.
        SessionConfig other = smallBase();
        other.seed = 1000;
        QVERIFY(runSweep(sweep, other) != first);
    }

    void schedulingDoesNotShow()
    {
        Sweep sweep = lossSweep();
        QCOMPARE(sweep.setCompare(QStringLiteral("backoff=fixed,exponential,full-jitter")), QString());
        QThreadPool one;
        one.setMaxThreadCount(1);
        QThreadPool two;
        two.setMaxThreadCount(2);
        const std::vector<SweepRow> serial = runSweep(sweep, smallBase(), &one);
        const std::vector<SweepRow> parallel = runSweep(sweep, smallBase(), &two);
        QCOMPARE(serial.size(), std::size_t(12));
        QCOMPARE(sweepCsv(sweep, parallel), sweepCsv(sweep, serial));
        QVERIFY(serial == parallel);
    }

    void lossMakesRetransmissions()
    {
        const std::vector<SweepRow> rows = runSweep(lossSweep(), smallBase());
        const SweepRow &clean = rows.front();
        const SweepRow &lossy = rows.back();
        QCOMPARE(clean.paramValue, QStringLiteral("0"));
        QCOMPARE(clean.retransmissions.max, 0.0);
        QCOMPARE(clean.failed.max, 0.0);
        QCOMPARE(clean.ok.mean, 20.0);
        QCOMPARE(lossy.paramValue, QStringLiteral("0.3"));
        QVERIFY2(lossy.retransmissions.min > 0.0, qPrintable(QString::number(lossy.retransmissions.min)));
        QVERIFY(lossy.datagramsSent.mean > clean.datagramsSent.mean);
        QVERIFY(lossy.latencyMean.mean > clean.latencyMean.mean);
        // Seeds base, base+1, base+2: the runs at 30 % loss are not copies of one another.
        QVERIFY(lossy.retransmissions.stddev > 0.0);
        QVERIFY(lossy.retransmissions.min < lossy.retransmissions.max);
        // Spread is consistent with itself.
        for (const SweepRow &row : rows) {
            QVERIFY(row.latencyMean.min <= row.latencyMean.mean);
            QVERIFY(row.latencyMean.mean <= row.latencyMean.max);
        }
    }

    // Every finished run is reported once, from whichever thread ran it,
    // and watching does not change the rows.
    void progressCountsEveryRun()
    {
        Sweep sweep = lossSweep();
        QCOMPARE(sweep.setCompare(QStringLiteral("backoff=fixed,exponential")), QString());
        SweepControl control;
        QMutex mutex;
        std::vector<int> reported;
        int totals = 0;
        control.onRunDone = [&](int done, int total) {
            const QMutexLocker lock(&mutex);
            reported.push_back(done);
            totals = std::max(totals, total);
        };
        const std::vector<SweepRow> rows = runSweep(sweep, smallBase(), nullptr, &control);
        QCOMPARE(control.runsTotal(), 4 * 2 * 3);
        QCOMPARE(control.runsDone(), 24);
        QCOMPARE(totals, 24);
        std::sort(reported.begin(), reported.end());
        QCOMPARE(reported.size(), std::size_t(24));
        for (std::size_t i = 0; i < reported.size(); ++i)
            QCOMPARE(reported[i], int(i) + 1);
        QVERIFY(!control.isCancelled());
        QVERIFY(rows == runSweep(sweep, smallBase()));
    }

    void cancelledBeforeStartRunsNothing()
    {
        SweepControl control;
        control.cancel();
        const std::vector<SweepRow> rows = runSweep(lossSweep(), smallBase(), nullptr, &control);
        QVERIFY(rows.empty());
        QCOMPARE(control.runsDone(), 0);
        QCOMPARE(control.runsTotal(), 4 * 3);
    }

    // Cancelled after the first run: runs not started are skipped, and the
    // long run beside it stops part-way instead of running to its end.
    void cancelStopsTheRest()
    {
        Sweep sweep;
        sweep.param = QStringLiteral("calls");
        sweep.from = 5;
        sweep.to = 200'000; // the second point runs for a long time unless stopped
        sweep.steps = 2;
        sweep.runs = 3;
        SweepControl control;
        control.onRunDone = [&](int, int) { control.cancel(); };
        QThreadPool one;
        one.setMaxThreadCount(1);
        const std::vector<SweepRow> rows = runSweep(sweep, smallBase(), &one, &control);
        QVERIFY(rows.empty());
        QVERIFY(control.isCancelled());
        QCOMPARE(control.runsTotal(), 6);
        // The three 5-call runs come first; a 200,000-call run never finishes.
        QVERIFY2(control.runsDone() >= 1 && control.runsDone() <= 3, qPrintable(QString::number(control.runsDone())));
    }

    void optionsToSweepAndCompare()
    {
        const QStringList sweepable = sweepableOptions();
        QVERIFY(sweepable.contains(QStringLiteral("loss")));
        QVERIFY(sweepable.contains(QStringLiteral("clients")));
        QVERIFY(!sweepable.contains(QStringLiteral("seed")));
        QVERIFY(!sweepable.contains(QStringLiteral("backoff")));
        const QStringList comparable = comparableOptions();
        QVERIFY(comparable.contains(QStringLiteral("backoff")));
        QVERIFY(comparable.contains(QStringLiteral("loss")));
        QVERIFY(!comparable.contains(QStringLiteral("seed")));
        QVERIFY(!comparable.contains(QStringLiteral("scenario")));
        for (const QString &name : sweepable) {
            Sweep sweep;
            sweep.param = name;
            sweep.from = sweep.to = QString(findSessionOption(name)->current(smallBase())).toDouble();
            QVERIFY2(sweep.check(smallBase()).isEmpty(), qPrintable(name + QStringLiteral(": ") + sweep.check(smallBase())));
        }
    }

    void spreadOfValues()
    {
        const Spread s = Spread::of({2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0});
        QCOMPARE(s.mean, 5.0);
        QCOMPARE(s.min, 2.0);
        QCOMPARE(s.max, 9.0);
        QCOMPARE(s.count, 8);
        QVERIFY(qAbs(s.stddev - 2.138089935) < 1e-6); // sample standard deviation
        QCOMPARE(Spread::of({3.0}).stddev, 0.0);
        QCOMPARE(Spread::of({}).count, 0);
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("param");
        QTest::addColumn<double>("from");
        QTest::addColumn<double>("to");
        QTest::addColumn<int>("steps");
        QTest::addColumn<int>("runs");
        QTest::addColumn<QString>("compare");
        QTest::addColumn<QString>("message");

        QTest::newRow("unknown parameter") << "lost" << 0.0 << 0.3 << 3 << 1 << "" << "unknown parameter 'lost'";
        QTest::newRow("word parameter") << "backoff" << 0.0 << 1.0 << 3 << 1 << ""
                                        << "parameter 'backoff' is not a number";
        QTest::newRow("seed") << "seed" << 1.0 << 5.0 << 3 << 1 << "" << "parameter 'seed' cannot be swept";
        QTest::newRow("one step") << "loss" << 0.0 << 0.3 << 1 << 1 << "" << "at least 2 steps";
        QTest::newRow("no runs") << "loss" << 0.0 << 0.3 << 3 << 0 << "" << "at least 1 run";
        QTest::newRow("value refused") << "loss" << 0.0 << 2.0 << 3 << 1 << ""
                                       << "invalid value '2' for loss: expected a probability from 0 to 1";
        QTest::newRow("count refused") << "clients" << 0.0 << 4.0 << 3 << 1 << ""
                                       << "invalid value '0' for clients: expected a whole number from 1";
        QTest::newRow("unknown compared option") << "loss" << 0.0 << 0.3 << 3 << 1 << "backof=fixed"
                                                 << "unknown option 'backof'";
        QTest::newRow("compared value refused") << "loss" << 0.0 << 0.3 << 3 << 1 << "backoff=fixed,slow"
                                                << "invalid value 'slow' for backoff: expected one of fixed";
        QTest::newRow("compare the swept option") << "loss" << 0.0 << 0.3 << 3 << 1 << "loss=0.1,0.2"
                                                  << "both swept and compared";
        QTest::newRow("compare scenarios") << "loss" << 0.0 << 0.3 << 3 << 1 << "scenario=lossy,many-clients"
                                           << "'scenario' cannot be compared";
    }

    void badInput()
    {
        QFETCH(QString, param);
        QFETCH(double, from);
        QFETCH(double, to);
        QFETCH(int, steps);
        QFETCH(int, runs);
        QFETCH(QString, compare);
        QFETCH(QString, message);
        Sweep sweep;
        sweep.param = param;
        sweep.from = from;
        sweep.to = to;
        sweep.steps = steps;
        sweep.runs = runs;
        if (!compare.isEmpty())
            QCOMPARE(sweep.setCompare(compare), QString());
        const QString error = sweep.check(smallBase());
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, runSweep(sweep, smallBase()));
    }

    void badCompareList_data()
    {
        QTest::addColumn<QString>("spec");
        QTest::addColumn<QString>("message");
        QTest::newRow("no values") << "backoff" << "expected OPTION=VALUE,VALUE,...";
        QTest::newRow("no option") << "=fixed" << "expected OPTION=VALUE,VALUE,...";
        QTest::newRow("empty list") << "backoff=" << "expected OPTION=VALUE,VALUE,...";
        QTest::newRow("empty value") << "backoff=fixed,,exponential" << "empty value";
        QTest::newRow("twice") << "backoff=fixed,fixed" << "'fixed' is listed twice";
    }

    void badCompareList()
    {
        QFETCH(QString, spec);
        QFETCH(QString, message);
        Sweep sweep;
        const QString error = sweep.setCompare(spec);
        QVERIFY2(error.contains(message), qPrintable(error));
        QVERIFY(sweep.compareOption.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "tst_sweep.moc"
