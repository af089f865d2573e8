// The charts dock: every series is computed from trace events alone, agrees
// with a count made independently from the same events, takes the trace in
// incrementally without changing the result, and stays small on a million events.
#include "chartsview.h"

#include "run/simnetwork.h"
#include "session/scenario.h"
#include "trace/tracelog.h"

#include <QAction>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTabWidget>
#include <QValueAxis>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <array>

using namespace rpcscope;
using trace::Event;
using trace::EventKind;
using widgets::ChartsView;

namespace {

using session::scenarioConfig;

Event makeEvent(std::int64_t timeUs, EventKind kind, std::uint32_t callId, std::uint16_t attempt = 1,
            std::uint32_t detail = 0, std::uint32_t size = 0)
{
    Event e;
    e.timeUs = timeUs;
    e.kind = kind;
    e.callId = callId;
    e.attempt = attempt;
    e.detail = detail;
    e.size = size;
    e.from = 1;
    e.client = 1;
    return e;
}

std::array<qint64, ChartsView::kAttemptBuckets> attemptBuckets(const QBarSet *set)
{
    std::array<qint64, ChartsView::kAttemptBuckets> counts{};
    for (int i = 0; i < ChartsView::kAttemptBuckets; ++i)
        counts[std::size_t(i)] = qint64(set->at(i));
    return counts;
}

// Everything a ChartsView draws, to compare two of them.
struct Drawn
{
    QList<QPointF> rtt, timeout, cdf, callRate, byteRate, outstanding;
    std::array<qint64, ChartsView::kAttemptBuckets> attempts{};
    bool operator==(const Drawn &) const = default;
};

Drawn drawn(ChartsView &charts)
{
    charts.flush();
    return {charts.rttSeries()->points(),         charts.timeoutSeries()->points(),
            charts.cdfSeries()->points(),         charts.callRateSeries()->points(),
            charts.byteRateSeries()->points(),    charts.outstandingSeries()->points(),
            attemptBuckets(charts.attemptsSet())};
}

void checkCdf(const QList<QPointF> &cdf)
{
    QVERIFY(!cdf.isEmpty());
    QCOMPARE(cdf.constFirst().y(), 0.0);
    QCOMPARE(cdf.constLast().y(), 1.0);
    for (qsizetype i = 1; i < cdf.size(); ++i) {
        QVERIFY2(cdf[i].x() >= cdf[i - 1].x(), qPrintable(QString::number(i)));
        QVERIFY2(cdf[i].y() >= cdf[i - 1].y(), qPrintable(QString::number(i)));
    }
}

// Calls per second times each bin's width, summed: the calls counted.
double callsUnder(const QList<QPointF> &rate)
{
    double calls = 0;
    for (qsizetype i = 0; i + 1 < rate.size(); i += 2)
        calls += rate[i].y() * (rate[i + 1].x() - rate[i].x()) / 1000.0;
    return calls;
}

} // namespace

class TestChartsView : public QObject
{
    Q_OBJECT

private slots:
    void handBuiltTrace()
    {
        trace::TraceLog log;
        log.record(makeEvent(0, EventKind::CallStart, 1));
        log.record(makeEvent(5'000, EventKind::CallStart, 2));
        log.record(makeEvent(6'000, EventKind::CallStart, 3));
        log.record(makeEvent(9'000, EventKind::Deliver, 1, 1, 0, 2048));
        log.record(makeEvent(10'000, EventKind::CallOk, 1, 1, 10'000));
        log.record(makeEvent(205'000, EventKind::Timeout, 2, 1, 200'000));
        log.record(makeEvent(205'000, EventKind::Retransmit, 2, 2));
        log.record(makeEvent(230'000, EventKind::CallOk, 2, 2, 225'000));
        log.record(makeEvent(1'000'000, EventKind::CallFailed, 3, 12));

        ChartsView charts;
        charts.setLog(&log);
        charts.refresh(log.view());
        charts.flush();
        QCOMPARE(charts.eventsSeen(), log.size());

        // Karn's rule: the retransmitted call gives no RTT sample.
        QCOMPARE(charts.rttSeries()->points(), (QList<QPointF>{{10.0, 10.0}}));
        QCOMPARE(charts.timeoutSeries()->points(), (QList<QPointF>{{205.0, 200.0}}));
        QCOMPARE(attemptBuckets(charts.attemptsSet()),
                 (std::array<qint64, ChartsView::kAttemptBuckets>{1, 1, 0, 0, 0, 0, 0, 0, 0, 1}));

        const QList<QPointF> cdf = charts.cdfSeries()->points();
        checkCdf(cdf);
        QCOMPARE(cdf, (QList<QPointF>{{10.0, 0.0}, {10.0, 0.5}, {225.0, 1.0}}));

        // Step line: 1, 2, 3 outstanding, back down to 0.
        const QList<QPointF> outstanding = charts.outstandingSeries()->points();
        QCOMPARE(outstanding.constFirst(), QPointF(0.0, 1.0));
        QCOMPARE(outstanding.constLast(), QPointF(1000.0, 0.0));
        double top = 0;
        for (const QPointF &p : outstanding)
            top = std::max(top, p.y());
        QCOMPARE(top, 3.0);
        // Steps: no diagonal segments.
        for (qsizetype i = 1; i < outstanding.size(); ++i)
            QVERIFY(outstanding[i].x() == outstanding[i - 1].x() || outstanding[i].y() == outstanding[i - 1].y());

        QCOMPARE(qRound(callsUnder(charts.callRateSeries()->points())), 2);
        double kib = 0;
        const QList<QPointF> bytes = charts.byteRateSeries()->points();
        for (qsizetype i = 0; i + 1 < bytes.size(); i += 2)
            kib += bytes[i].y() * (bytes[i + 1].x() - bytes[i].x()) / 1000.0;
        QCOMPARE(qRound(kib), 2);
    }

    // Karn's rule, the core's: the long call is answered on its first send,
    // but after probes, so its round trip is no sample; the dropped reply's
    // call was resent, so it is none either; the message-ack call is one.
    void rttSamplesAreTheEstimatorsOwn()
    {
        const auto samples = [](const char *scenario) {
            trace::TraceLog log;
            session::SimNetwork(scenarioConfig(scenario), &log).run();
            ChartsView charts;
            charts.setLog(&log);
            charts.refresh(log.view());
            charts.flush();
            return charts.rttSeries()->count();
        };
        QCOMPARE(samples("long-call"), 0);
        QCOMPARE(samples("dropped-reply"), 0);
        QCOMPARE(samples("message-ack"), 1);
        QVERIFY(core::givesRttSample(1, false));
        QVERIFY(!core::givesRttSample(1, true));
        QVERIFY(!core::givesRttSample(2, false));
    }

    // The estimator's state after each sample, by RFC 6298: the first sample
    // R gives SRTT R and RTTVAR R/2; the next moves them by 1/8 and 1/4.
    void estimatorLinesFollowRfc6298()
    {
        trace::TraceLog log;
        log.record(makeEvent(0, EventKind::CallStart, 1));
        log.record(makeEvent(10'000, EventKind::CallOk, 1, 1, 10'000));
        log.record(makeEvent(20'000, EventKind::CallStart, 2));
        log.record(makeEvent(40'000, EventKind::CallOk, 2, 1, 20'000));
        // A resent call gives no sample, so it moves neither line.
        log.record(makeEvent(50'000, EventKind::CallStart, 3));
        log.record(makeEvent(150'000, EventKind::CallOk, 3, 2, 100'000));
        ChartsView charts;
        charts.setLog(&log);
        charts.refresh(log.view());
        charts.flush();
        QCOMPARE(charts.srttSeries()->points(), (QList<QPointF>{{10.0, 10.0}, {40.0, 11.25}}));
        QCOMPARE(charts.rttBoundSeries()->points(), (QList<QPointF>{{10.0, 30.0}, {40.0, 36.25}}));
    }

    void simulatedSessionAgreesWithTheEvents()
    {
        const session::SessionConfig config = scenarioConfig("lossy");
        trace::TraceLog log;
        session::SimNetwork(config, &log).run();
        const trace::TraceLog::View view = log.view();

        std::array<qint64, ChartsView::kAttemptBuckets> buckets{};
        qint64 firstAttemptOk = 0, timeouts = 0, ok = 0, retransmitted = 0;
        for (qsizetype i = 0; i < view.size(); ++i) {
            const Event &e = view[i];
            if (e.kind == EventKind::CallOk || e.kind == EventKind::CallFailed) {
                ++buckets[std::size_t(std::clamp<int>(e.attempt, 1, ChartsView::kAttemptBuckets) - 1)];
                retransmitted += e.attempt > 1;
            }
            ok += e.kind == EventKind::CallOk;
            firstAttemptOk += e.kind == EventKind::CallOk && e.attempt == 1;
            timeouts += e.kind == EventKind::Timeout;
        }
        QVERIFY2(retransmitted > 0, "the lossy scenario should retransmit");
        QVERIFY(timeouts > 0);

        ChartsView charts;
        charts.setLog(&log);
        charts.refresh(view);
        charts.flush();
        QCOMPARE(attemptBuckets(charts.attemptsSet()), buckets);
        // Every sample is a call answered on its first send without a probe.
        QVERIFY(charts.rttSeries()->count() > 0 && charts.rttSeries()->count() <= firstAttemptOk);
        QCOMPARE(qint64(charts.timeoutSeries()->count()), timeouts);
        checkCdf(charts.cdfSeries()->points());
        QCOMPARE(charts.outstandingSeries()->points().constLast().y(), 0.0);
        QCOMPARE(qRound64(callsUnder(charts.callRateSeries()->points())), ok);
    }

    void incrementalEqualsWhole()
    {
        const session::SessionConfig config = scenarioConfig("lossy");
        trace::TraceLog whole;
        session::SimNetwork(config, &whole).run();
        const trace::TraceLog::View all = whole.view();

        ChartsView once;
        once.setLog(&whole);
        once.refresh(all);

        trace::TraceLog growing;
        ChartsView twice;
        twice.setLog(&growing);
        const qsizetype half = all.size() / 2;
        for (qsizetype i = 0; i < half; ++i)
            growing.record(all[i]);
        twice.refresh(growing.view());
        twice.flush();
        for (qsizetype i = half; i < all.size(); ++i)
            growing.record(all[i]);
        twice.refresh(growing.view());
        QCOMPARE(twice.eventsSeen(), all.size());
        QVERIFY(drawn(twice) == drawn(once));
    }

    void aSmallerViewStartsOver()
    {
        trace::TraceLog big, small;
        for (int i = 0; i < 10; ++i) {
            big.record(makeEvent(i * 1000, EventKind::CallStart, std::uint32_t(i + 1)));
            big.record(makeEvent(i * 1000 + 500, EventKind::CallOk, std::uint32_t(i + 1), 1, 500));
        }
        small.record(makeEvent(0, EventKind::CallStart, 1));
        small.record(makeEvent(700, EventKind::CallOk, 1, 1, 700));
        ChartsView charts;
        charts.refresh(big.view());
        charts.flush();
        QCOMPARE(charts.rttSeries()->count(), 10);
        charts.refresh(small.view());
        charts.flush();
        QCOMPARE(charts.eventsSeen(), 2);
        QCOMPARE(charts.rttSeries()->points(), (QList<QPointF>{{0.7, 0.7}}));

        charts.setLog(&big);
        charts.flush();
        QCOMPARE(charts.eventsSeen(), 0);
        QCOMPARE(charts.rttSeries()->count(), 0);
        QCOMPARE(charts.outstandingSeries()->count(), 0);
    }

    void timeRangeRestrictsAxesAndCounts()
    {
        trace::TraceLog log;
        // Calls 1..4 finish at 10, 20, 30, 40 ms after 1, 2, 3, 4 attempts.
        for (std::uint16_t i = 1; i <= 4; ++i) {
            log.record(makeEvent(i * 10'000 - 5'000, EventKind::CallStart, i));
            log.record(makeEvent(i * 10'000, EventKind::CallOk, i, i, 5'000 * i));
        }
        ChartsView charts;
        charts.refresh(log.view());
        charts.setTimeRange(core::TimePoint(15'000), core::TimePoint(35'000));
        QCOMPARE(attemptBuckets(charts.attemptsSet()),
                 (std::array<qint64, ChartsView::kAttemptBuckets>{0, 1, 1, 0, 0, 0, 0, 0, 0, 0}));
        const QList<QPointF> cdf = charts.cdfSeries()->points();
        checkCdf(cdf);
        QCOMPARE(cdf.constLast().x(), 15.0);
        for (auto *series : {static_cast<QXYSeries *>(charts.rttSeries()), static_cast<QXYSeries *>(charts.outstandingSeries())}) {
            const auto *axis = qobject_cast<QValueAxis *>(series->attachedAxes().constFirst());
            QVERIFY(axis);
            QCOMPARE(axis->min(), 15.0);
            QCOMPARE(axis->max(), 35.0);
        }
        charts.clearTimeRange();
        QCOMPARE(attemptBuckets(charts.attemptsSet()),
                 (std::array<qint64, ChartsView::kAttemptBuckets>{1, 1, 1, 1, 0, 0, 0, 0, 0, 0}));
    }

    void aMillionEventsAreDecimated()
    {
        trace::TraceLog log;
        constexpr int kCalls = 250'000;
        for (int i = 0; i < kCalls; ++i) {
            const std::int64_t t = std::int64_t(i) * 400;
            const auto id = std::uint32_t(i + 1);
            const auto latency = std::uint32_t(1000 + (i * 7919) % 5000);
            log.record(makeEvent(t, EventKind::CallStart, id));
            log.record(makeEvent(t + 100, EventKind::Timeout, id, 1, 2000 + std::uint32_t(i % 3)));
            log.record(makeEvent(t + 200, EventKind::Deliver, id, 1, 0, 100));
            log.record(makeEvent(t + 300, EventKind::CallOk, id, std::uint16_t(1 + i % 3), latency));
        }
        QCOMPARE(log.size(), 1'000'000);
        ChartsView charts;
        charts.refresh(log.view());
        charts.flush();
        const qsizetype bound = 2 * ChartsView::kDecimationBins + 4;
        QVERIFY(charts.rttSeries()->count() <= bound);
        QVERIFY(charts.timeoutSeries()->count() <= bound);
        QVERIFY(charts.outstandingSeries()->count() <= 2 * bound);
        QVERIFY(charts.cdfSeries()->count() <= 4000);
        QVERIFY(charts.callRateSeries()->count() <= 400);
        checkCdf(charts.cdfSeries()->points());
        QCOMPARE(charts.outstandingSeries()->points().constLast().y(), 0.0);
        QCOMPARE(qint64(charts.attemptsSet()->at(0)), qint64((kCalls + 2) / 3));
        // Decimation keeps the extremes.
        double top = 0;
        for (const QPointF &p : charts.timeoutSeries()->points())
            top = std::max(top, p.y());
        QCOMPARE(top, 2.002);
    }

    void hoverShowsValues()
    {
        ChartsView charts;
        emit charts.rttSeries()->hovered(QPointF(12.5, 3.25), true);
        QVERIFY2(charts.hoverText().contains(QStringLiteral("12.5")), qPrintable(charts.hoverText()));
        QVERIFY2(charts.hoverText().contains(QStringLiteral("3.25")), qPrintable(charts.hoverText()));
        emit charts.attemptsSet()->hovered(true, 9);
        QVERIFY2(charts.hoverText().contains(QStringLiteral("10+")), qPrintable(charts.hoverText()));
    }

    void followsADarkPalette()
    {
        ChartsView charts;
        const auto *view = qobject_cast<QChartView *>(charts.tabs()->widget(0));
        QVERIFY(view);
        QPalette dark = charts.palette();
        dark.setColor(QPalette::Base, QColor(0x1e, 0x20, 0x24));
        charts.setPalette(dark);
        QCOMPARE(view->chart()->theme(), QChart::ChartThemeDark);
        QPalette light = charts.palette();
        light.setColor(QPalette::Base, Qt::white);
        charts.setPalette(light);
        QCOMPARE(view->chart()->theme(), QChart::ChartThemeLight);
    }

    void drawsSomething()
    {
        const session::SessionConfig config = scenarioConfig("lossy");
        trace::TraceLog log;
        session::SimNetwork(config, &log).run();
        ChartsView charts;
        charts.resize(700, 400);
        charts.refresh(log.view());
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        charts.flush();
        QCOMPARE(charts.tabs()->count(), 5);
        // Zooming in and out again while shown redraws the time axes.
        charts.setTimeRange(core::TimePoint(100'000), core::TimePoint(101'000));
        charts.clearTimeRange();
        const QImage image = charts.grab().toImage();
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 4)
            for (int x = 0; x < image.width(); x += 4)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 10, "the chart should draw axes and data");
    }

    // Export Chart: one chart or all of them, PNG at twice the density,
    // SVG with the chart's paths and its title; the dock keeps its own size.
    void exportsChartsAsPngAndSvg()
    {
        const session::SessionConfig config = scenarioConfig("lossy");
        trace::TraceLog log;
        session::SimNetwork(config, &log).run();
        ChartsView charts;
        charts.resize(700, 300);
        charts.setLog(&log);
        charts.refresh(log.view());
        charts.show();
        QVERIFY(QTest::qWaitForWindowExposed(&charts));
        QCOMPARE(ChartsView::chartNames().size(), charts.tabs()->count());
        QVERIFY(charts.findChild<QAction *>(QStringLiteral("exportChart")));
        QVERIFY(charts.findChild<QAction *>(QStringLiteral("exportAllCharts")));
        for (int i = 0; i < charts.tabs()->count(); ++i)
            QCOMPARE(charts.tabs()->widget(i)->actions().size(), 2); // the context menu's
        QChart *rtt = charts.chart(QStringLiteral("rtt"));
        QVERIFY(rtt);
        QCOMPARE(rtt, charts.charts().constFirst());
        const QSizeF before = rtt->size();

        QTemporaryDir dir;
        QString error;
        const QString png = dir.filePath(QStringLiteral("rtt.png"));
        QVERIFY2(charts.exportCharts(png, {QStringLiteral("rtt")}, &error), qPrintable(error));
        const QImage image(png);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), widgets::kChartExportSize * 2);
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 5)
            for (int x = 0; x < image.width(); x += 5)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 10, "axes, labels and samples, not a blank picture");
        QCOMPARE(rtt->size(), before);
        QVERIFY(rtt->title().isEmpty()); // the title is for the picture only

        const QString all = dir.filePath(QStringLiteral("all.png"));
        QVERIFY2(charts.exportCharts(all, {}, &error), qPrintable(error));
        QCOMPARE(QImage(all).height(), 5 * widgets::kChartExportSize.height() * 2);

        const QString svg = dir.filePath(QStringLiteral("cdf.svg"));
        QVERIFY2(charts.exportCharts(svg, {QStringLiteral("latency-cdf")}, &error), qPrintable(error));
        QFile file(svg);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int paths = 0;
        QStringList texts;
        while (!xml.atEnd()) {
            if (xml.readNext() != QXmlStreamReader::StartElement)
                continue;
            // Lines are written as polylines, areas and markers as paths.
            if (xml.name() == u"path" || xml.name() == u"polyline")
                ++paths;
            else if (xml.name() == u"text")
                texts << xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY(paths > 0);
        QVERIFY2(texts.contains(QStringLiteral("Latency CDF")), qPrintable(texts.join(u'|')));
        QVERIFY(texts.contains(QStringLiteral("latency (ms)")));

        QVERIFY(!charts.exportCharts(svg, {QStringLiteral("jitter")}, &error));
        QVERIFY2(error.contains(QStringLiteral("no chart is called 'jitter'")), qPrintable(error));
        QVERIFY(!charts.exportCharts(dir.filePath(QStringLiteral("rtt.gif")), {}, &error));
        QVERIFY(error.contains(QStringLiteral(".png")));
        QVERIFY(!charts.exportCharts(dir.filePath(QStringLiteral("no/such/dir/rtt.png")), {}, &error));
        QVERIFY(error.contains(QStringLiteral("cannot write")));
    }
};

QTEST_MAIN(TestChartsView)
#include "tst_chartsview.moc"
