// What-if forks, scripted live changes and A/B comparison: a fork is its
// original up to the instant it departs; identical settings never diverge;
// the divergence finder and the call table say where and how runs differ;
// live changes made in the player run again from a capture, event for event.
#include "capture/capturereader.h"
#include "capture/capturewriter.h"
#include "run/callselection.h"
#include "run/compare.h"
#include "run/simnetwork.h"
#include "run/simulationplayer.h"
#include "session/scenario.h"
#include "session/sessionoptions.h"
#include "session/settingchange.h"
#include "simrun.h"
#include "trace/chartdata.h"

#include <QBuffer>

#include <array>
#include <numeric>
#include <set>
#include <QTemporaryDir>
#include <QTest>

using namespace rpcscope;
using session::SessionConfig;
using session::SettingChange;
using session::SettingChanges;
using testsupport::SimRun;
using testsupport::scenarioConfig;

namespace {

// The events of a run with `changes` applied at their times.
struct ScriptedRun
{
    ScriptedRun(const SessionConfig &config, const SettingChanges &changes)
    {
        session::SimNetwork sim(config, &log);
        session::runWithChanges(sim, config, changes, log);
        view = log.view();
    }
    trace::TraceLog log;
    trace::TraceLog::View view;
};


trace::Event makeEvent(std::int64_t timeUs, trace::EventKind kind, std::uint32_t call = 0)
{
    trace::Event e;
    e.timeUs = timeUs;
    e.kind = kind;
    e.callId = call;
    e.client = 1;
    e.from = 1;
    return e;
}

} // namespace

class TestCompare : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesChanges();
    void refusesChangesThatCannotHappen();
    void forkIsItsOriginalUpToTheForkPoint();
    void forkChangesWhatFollows();
    void forkKeepsTheOriginalsEarlierChanges();
    void identicalSettingsNeverDiverge();
    void divergenceOnScriptedPairs();
    void callTablePairsCallsAndFindsDifferences();
    void metricRowsAreBMinusA();
    void runCurvesCountWhatTheTraceSays();
    void chartDataCountsWhatTheTraceSays();
    void chartSelectionsPickTheCallsTheyCount();
    void playerChangesRunAgainFromACapture();
    void playerPlaysAScript();
};

void TestCompare::parsesChanges()
{
    SettingChange c;
    QCOMPARE(session::parseChangeAt(QStringLiteral("400:backoff=full-jitter"), c), QString());
    QCOMPARE(c.at, core::TimePoint(400'000));
    QCOMPARE(c.option, QStringLiteral("backoff"));
    QCOMPARE(c.value, QStringLiteral("full-jitter"));
    QCOMPARE(session::parseChangeAt(QStringLiteral("12.5:--timeout-ms=400"), c), QString());
    QCOMPARE(c.at, core::TimePoint(12'500));
    QCOMPARE(c.option, QStringLiteral("timeout-ms"));
    QCOMPARE(session::formatChange(c), QStringLiteral("12.5:timeout-ms=400"));

    const QString noTime = session::parseChangeAt(QStringLiteral("backoff=fixed"), c);
    QVERIFY2(noTime.contains(u"MS:OPTION=VALUE"), qPrintable(noTime));
    const QString badTime = session::parseChangeAt(QStringLiteral("soon:backoff=fixed"), c);
    QVERIFY2(badTime.contains(u"milliseconds"), qPrintable(badTime));
    const QString noOption = session::parseChangeAt(QStringLiteral("5:speed=3"), c);
    QVERIFY2(noOption.contains(u"no option is called 'speed'"), qPrintable(noOption));
    QString option, value;
    QVERIFY(!session::parseSetting(QStringLiteral("timeout-ms"), option, value).isEmpty());
}

void TestCompare::refusesChangesThatCannotHappen()
{
    const SessionConfig start = scenarioConfig(QStringLiteral("lossy"), 1);
    QCOMPARE(session::checkChanges(start, {{core::TimePoint(1000), QStringLiteral("loss"), QStringLiteral("0.5")},
                                           {core::TimePoint(1000), QStringLiteral("backoff"),
                                            QStringLiteral("full-jitter")}}),
             QString());
    const QString value = session::checkChanges(start, {{core::TimePoint(0), QStringLiteral("loss"),
                                                          QStringLiteral("2")}});
    QVERIFY2(value.contains(u"invalid value for loss"), qPrintable(value));
    const QString shape = session::checkChanges(start, {{core::TimePoint(0), QStringLiteral("clients"),
                                                          QStringLiteral("3")}});
    QVERIFY2(shape.contains(u"cannot change while it runs"), qPrintable(shape));
    const QString order = session::checkChanges(
        start, {{core::TimePoint(5000), QStringLiteral("loss"), QStringLiteral("0.1")},
                {core::TimePoint(4000), QStringLiteral("loss"), QStringLiteral("0.2")}});
    QVERIFY2(order.contains(u"in order of time"), qPrintable(order));
    // A closed loop has no arrivals to re-time.
    const QString rate = session::checkChanges(start, {{core::TimePoint(0), QStringLiteral("call-rate"),
                                                         QStringLiteral("50")}});
    QVERIFY2(rate.contains(u"call rate"), qPrintable(rate));
}

// For every scenario and 200 seeds: a fork departing halfway through its
// original has the original's every event up to that instant, then the
// change, and nothing of its own before it.
void TestCompare::forkIsItsOriginalUpToTheForkPoint()
{
    int forks = 0;
    for (const session::Scenario &scenario : session::scenarios()) {
        for (std::uint64_t seed = 1; seed <= 200; ++seed) {
            const SessionConfig config = scenarioConfig(scenario.name, seed);
            const SimRun original(config);
            QVERIFY(original.view.size() > 2);
            const core::TimePoint at = original.view.at(original.view.size() / 2).time();
            const QString timeout = QString::number(double(config.retry.timeout.count()) / 1000.0 * 2 + 100);
            const SettingChanges changes = session::forkChanges({}, at, {{QStringLiteral("timeout-ms"), timeout}});
            const ScriptedRun fork(config, changes);

            qsizetype before = 0;
            while (before < original.view.size() && original.view.at(before).time() <= at)
                ++before;
            QVERIFY(fork.view.size() > before);
            for (qsizetype i = 0; i < before; ++i) {
                if (!(fork.view.at(i) == original.view.at(i)))
                    QFAIL(qPrintable(QStringLiteral("%1 seed %2: event %3 of %4 before the fork at %5 µs differs")
                                         .arg(scenario.name)
                                         .arg(seed)
                                         .arg(i)
                                         .arg(before)
                                         .arg(at.count())));
            }
            const trace::Event &change = fork.view.at(before);
            QCOMPARE(change.kind, trace::EventKind::ParamChange);
            QCOMPARE(change.time(), at);
            ++forks;
        }
    }
    QCOMPARE(forks, int(session::scenarios().size()) * 200);
}

void TestCompare::forkChangesWhatFollows()
{
    // A timeout five times as long, from the first loss on, must change the
    // story of a lossy run after the fork, and only after it.
    int changed = 0;
    for (std::uint64_t seed = 1; seed <= 20; ++seed) {
        const SessionConfig config = scenarioConfig(QStringLiteral("lossy"), seed);
        const SimRun original(config);
        const core::TimePoint at(150'000);
        const ScriptedRun fork(config, session::forkChanges({}, at, {{QStringLiteral("timeout-ms"),
                                                                      QStringLiteral("1000")}}));
        const session::Divergence d = session::firstDivergence(original.view, fork.view);
        QVERIFY(d.found());
        QVERIFY(original.view.at(d.a).time() > at);
        changed += original.view.size() != fork.view.size() || !(original.view.at(d.a) == fork.view.at(d.b));
    }
    QCOMPARE(changed, 20);
}

void TestCompare::forkKeepsTheOriginalsEarlierChanges()
{
    const SettingChanges original = {{core::TimePoint(100), QStringLiteral("loss"), QStringLiteral("0.5")},
                                     {core::TimePoint(400), QStringLiteral("loss"), QStringLiteral("0")},
                                     {core::TimePoint(900), QStringLiteral("backoff"), QStringLiteral("fixed")}};
    const SettingChanges fork = session::forkChanges(original, core::TimePoint(400),
                                                     {{QStringLiteral("timeout-ms"), QStringLiteral("50")}});
    const SettingChanges expected = {original[0], original[1],
                                     {core::TimePoint(400), QStringLiteral("timeout-ms"), QStringLiteral("50")}};
    QCOMPARE(fork, expected);

    // The lineage keeps the fork points up to the new one: a fork that
    // departs before its parent did shares nothing of the parent's own change.
    const session::Lineage parentLineage = {{QStringLiteral("a.rpcscope"), core::TimePoint(300), {}},
                                            {QStringLiteral("b.rpcscope"), core::TimePoint(700), {}}};
    const std::vector<std::pair<QString, QString>> set = {{QStringLiteral("loss"), QStringLiteral("0.2")}};
    const session::Lineage earlier = session::forkLineage(parentLineage, QStringLiteral("c.rpcscope"),
                                                          core::TimePoint(500), set);
    QCOMPARE(earlier, (session::Lineage{parentLineage[0], {QStringLiteral("c.rpcscope"), core::TimePoint(500), set}}));
    const session::Lineage same = session::forkLineage(parentLineage, QStringLiteral("c.rpcscope"),
                                                       core::TimePoint(700), set);
    QCOMPARE(same, (session::Lineage{parentLineage[0], parentLineage[1],
                                     {QStringLiteral("c.rpcscope"), core::TimePoint(700), set}}));

    // Run: the fork of a run with changes is that run up to the fork point.
    const SessionConfig config = scenarioConfig(QStringLiteral("lossy"), 7);
    const SettingChanges withChanges = {{core::TimePoint(50'000), QStringLiteral("loss"), QStringLiteral("0.6")},
                                        {core::TimePoint(300'000), QStringLiteral("loss"), QStringLiteral("0.05")}};
    const ScriptedRun parent(config, withChanges);
    const ScriptedRun child(config, session::forkChanges(withChanges, core::TimePoint(200'000),
                                                         {{QStringLiteral("backoff"), QStringLiteral("fixed")}}));
    const session::Divergence d = session::firstDivergence(parent.view, child.view);
    QVERIFY(d.found());
    QVERIFY(parent.view.at(d.a).time() > core::TimePoint(200'000));
    qsizetype i = 0;
    for (; parent.view.at(i).time() <= core::TimePoint(200'000); ++i)
        QCOMPARE(child.view.at(i), parent.view.at(i));
    QVERIFY(i > 0);
    QCOMPARE(child.view.at(i).kind, trace::EventKind::ParamChange);
}

void TestCompare::identicalSettingsNeverDiverge()
{
    for (const session::Scenario &scenario : session::scenarios()) {
        const SimRun a(scenarioConfig(scenario.name, 3)), b(scenarioConfig(scenario.name, 3));
        const session::Comparison c = session::compareRuns(a.view, b.view);
        QVERIFY2(!c.divergence.found(), qPrintable(scenario.name));
        QVERIFY2(c.differing.empty(), qPrintable(scenario.name));
        for (const session::MetricRow &row : session::metricRows(c.a, c.b))
            QVERIFY2(row.delta() == 0, qPrintable(scenario.name + u' ' + row.key));
    }
}

void TestCompare::divergenceOnScriptedPairs()
{
    using trace::EventKind;
    const auto run = [](std::initializer_list<trace::Event> events, trace::TraceLog &log) {
        for (const trace::Event &e : events)
            log.record(e);
        return log.view();
    };
    const trace::Event start = makeEvent(0, EventKind::CallStart, 1), send = makeEvent(0, EventKind::Send, 1),
                       ok = makeEvent(20, EventKind::CallOk, 1), timeout = makeEvent(200, EventKind::Timeout, 1),
                       change = makeEvent(10, EventKind::ParamChange);
    {
        trace::TraceLog la, lb;
        const session::Divergence d = session::firstDivergence(run({start, send, ok}, la), run({start, send, ok}, lb));
        QVERIFY(!d.found());
    }
    {
        trace::TraceLog la, lb;
        const session::Divergence d =
            session::firstDivergence(run({start, send, ok}, la), run({start, send, timeout}, lb));
        QVERIFY(d.found());
        QCOMPARE(d.a, 2);
        QCOMPARE(d.b, 2);
    }
    {
        // A change of settings is the cause, not a difference: B's first
        // difference is what happens after it.
        trace::TraceLog la, lb;
        const session::Divergence d =
            session::firstDivergence(run({start, send, ok}, la), run({start, change, send, timeout}, lb));
        QCOMPARE(d.a, 2);
        QCOMPARE(d.b, 3);
    }
    {
        trace::TraceLog la, lb;
        const session::Divergence same =
            session::firstDivergence(run({start, send, ok}, la), run({start, send, change, ok, change}, lb));
        QVERIFY(!same.found());
    }
    {
        // One run goes on after the other ended.
        trace::TraceLog la, lb;
        const session::Divergence d = session::firstDivergence(run({start, send}, la), run({start, send, ok}, lb));
        QCOMPARE(d.a, 2);
        QCOMPARE(d.b, 2);
    }
}

void TestCompare::callTablePairsCallsAndFindsDifferences()
{
    const SessionConfig config = scenarioConfig(QStringLiteral("lossy"), 1);
    SessionConfig fixed = config, jitter = config;
    QCOMPARE(session::findSessionOption(u"backoff")->apply(fixed, QStringLiteral("fixed")), QString());
    QCOMPARE(session::findSessionOption(u"backoff")->apply(jitter, QStringLiteral("full-jitter")), QString());
    const SimRun a(fixed), b(jitter);
    const session::Comparison c = session::compareRuns(a.view, b.view);
    QCOMPARE(qsizetype(c.callsA.size()), qsizetype(config.calls));
    QCOMPARE(qsizetype(c.callsB.size()), qsizetype(config.calls));
    QVERIFY(c.divergence.found());

    // Every call, checked against a plain scan of each trace: a call differs
    // exactly when its end event, or its highest attempt, differs.
    const auto scan = [](const trace::TraceLog::View &v) {
        std::map<std::uint32_t, std::pair<trace::Event, std::uint16_t>> calls;
        for (qsizetype i = 0; i < v.size(); ++i) {
            const trace::Event &e = v.at(i);
            if (!e.callId)
                continue;
            auto &entry = calls[e.callId];
            entry.second = std::max(entry.second, e.attempt);
            if (e.kind == trace::EventKind::CallOk || e.kind == trace::EventKind::CallFailed)
                entry.first = e;
        }
        return calls;
    };
    const auto sa = scan(a.view), sb = scan(b.view);
    std::set<std::uint32_t> expected;
    for (const auto &[call, end] : sa) {
        const auto &other = sb.at(call);
        if (end.first.kind != other.first.kind || end.first.detail != other.first.detail
            || end.second != other.second)
            expected.insert(call);
    }
    std::set<std::uint32_t> found;
    for (const auto &[i, j] : c.differing) {
        QVERIFY(i >= 0 && j >= 0);
        QCOMPARE(c.callsA[std::size_t(i)].call, c.callsB[std::size_t(j)].call);
        found.insert(c.callsA[std::size_t(i)].call);
    }
    QVERIFY(!expected.empty());
    QCOMPARE(found, expected);
    for (const session::CallEnd &call : c.callsA)
        QCOMPARE(call.outcome(), QStringLiteral("ok"));
}

void TestCompare::metricRowsAreBMinusA()
{
    session::Summary a, b;
    a.calls = b.calls = 10;
    a.ok = 7;
    a.failed[QStringLiteral("max-attempts")] = 3;
    b.ok = 9;
    b.failed[QStringLiteral("deadline-exceeded")] = 1;
    a.virtualMs = 1000;
    b.virtualMs = 500;
    const std::vector<session::MetricRow> rows = session::metricRows(a, b);
    const auto row = [&](const QString &key) {
        const auto it = std::ranges::find(rows, key, &session::MetricRow::key);
        return it == rows.end() ? session::MetricRow{} : *it;
    };
    QCOMPARE(row(QStringLiteral("ok")).delta(), 2.0);
    QCOMPARE(row(QStringLiteral("failed.max-attempts")).a, 3.0);
    QCOMPARE(row(QStringLiteral("failed.max-attempts")).b, 0.0);
    QCOMPARE(row(QStringLiteral("failed.deadline-exceeded")).b, 1.0);
    QCOMPARE(row(QStringLiteral("goodput")).a, 7.0);
    QCOMPARE(row(QStringLiteral("goodput")).b, 18.0);
}

void TestCompare::runCurvesCountWhatTheTraceSays()
{
    const SimRun run(scenarioConfig(QStringLiteral("lossy"), 11));
    const session::RunCurves c = session::runCurves(run.view);
    std::array<std::int64_t, session::RunCurves::kAttemptBuckets> attempts{};
    std::vector<double> latencies;
    qsizetype timeouts = 0;
    for (qsizetype i = 0; i < run.view.size(); ++i) {
        const trace::Event &e = run.view.at(i);
        if (e.kind == trace::EventKind::CallOk || e.kind == trace::EventKind::CallFailed)
            ++attempts[std::size_t(std::clamp<int>(e.attempt, 1, 10) - 1)];
        if (e.kind == trace::EventKind::CallOk)
            latencies.push_back(double(e.detail) / 1000.0);
        timeouts += e.kind == trace::EventKind::Timeout;
    }
    std::ranges::sort(latencies);
    QCOMPARE(c.attempts, attempts);
    QCOMPARE(c.okLatenciesMs, latencies);
    QCOMPARE(qsizetype(c.timeouts.size()), timeouts);
    QVERIFY(attempts[1] > 0); // the run retried, so the histogram has more than one bar
    // Karn's rule: only calls answered on their first send give a sample.
    QVERIFY(!c.rttSamples.empty());
    QVERIFY(qint64(c.rttSamples.size()) <= attempts[0]);
}

// The Charts dock's running aggregates, headless: every scenario, taken in
// in two halves (as a live session is), against a plain scan of the trace.
void TestCompare::chartDataCountsWhatTheTraceSays()
{
    for (const session::Scenario &scenario : session::scenarios()) {
        const SimRun run(scenarioConfig(scenario.name, 5));
        trace::ChartData data;
        const qsizetype half = run.view.size() / 2;
        for (qsizetype i = 0; i < half; ++i)
            data.take(run.view.at(i));
        const std::size_t sortedAtHalf = data.sortedLatencies().size();
        for (qsizetype i = half; i < run.view.size(); ++i)
            data.take(run.view.at(i));

        qint64 started = 0, ended = 0, ok = 0, bytes = 0, maxOpen = 0;
        std::vector<double> latencies;
        std::array<qint64, trace::ChartData::kAttemptBuckets> attempts{};
        for (qsizetype i = 0; i < run.view.size(); ++i) {
            const trace::Event &e = run.view.at(i);
            started += e.kind == trace::EventKind::CallStart;
            if (e.kind == trace::EventKind::CallOk || e.kind == trace::EventKind::CallFailed) {
                ++ended;
                ++attempts[std::size_t(std::clamp<int>(e.attempt, 1, 10) - 1)];
            }
            if (e.kind == trace::EventKind::CallOk) {
                ++ok;
                latencies.push_back(double(e.detail) / 1000.0);
            }
            if (e.kind == trace::EventKind::Deliver)
                bytes += e.size;
            maxOpen = std::max(maxOpen, started - ended);
        }
        std::ranges::sort(latencies);
        const QString name = scenario.name;
        QVERIFY2(sortedAtHalf <= latencies.size(), qPrintable(name));
        QCOMPARE(data.sortedLatencies(), latencies);
        QCOMPARE(data.attemptCounts, attempts);
        QCOMPARE(qint64(data.finished.size()), ended);
        QCOMPARE(std::accumulate(data.callsPerBin.begin(), data.callsPerBin.end(), qint64(0)), ok);
        QCOMPARE(std::accumulate(data.bytesPerBin.begin(), data.bytesPerBin.end(), qint64(0)), bytes);
        QCOMPARE(data.outstandingNow, started - ended);
        double top = 0;
        for (const QPointF &p : std::as_const(data.outstandingSteps))
            top = std::max(top, p.y());
        QCOMPARE(qint64(top), maxOpen);
        QVERIFY2(std::ranges::is_sorted(data.finished, {}, &trace::ChartData::FinishedCall::timeUs), qPrintable(name));
        QCOMPARE(data.lastUs, run.view.at(run.view.size() - 1).timeUs);
    }
}

// A bar of the retransmissions histogram and a stretch of the latency CDF
// pick out exactly the calls they count, checked against each call's ending
// as callEnds() reads it.
void TestCompare::chartSelectionsPickTheCallsTheyCount()
{
    const SimRun run(scenarioConfig(QStringLiteral("lossy"), 4));
    const std::vector<session::CallEnd> ends = session::callEnds(run.view);
    std::set<session::CallKey> seen;
    for (int attempts = 1; attempts <= 10; ++attempts) {
        const std::vector<session::CallKey> picked = session::callsByAttempts(run.view, attempts);
        std::vector<session::CallKey> expected;
        for (const session::CallEnd &e : ends)
            if (e.ended() && std::clamp<int>(e.attempts, 1, 10) == attempts)
                expected.emplace_back(e.client, e.call);
        QCOMPARE(picked, expected);
        for (const session::CallKey &k : picked)
            QVERIFY(seen.insert(k).second); // each call under one bar only
    }
    QCOMPARE(qsizetype(seen.size()), qsizetype(ends.size()));
    QVERIFY(!session::callsByAttempts(run.view, 3).empty());

    const std::vector<session::CallKey> slow = session::callsByLatency(run.view, 100, 500);
    std::vector<session::CallKey> expected;
    for (const session::CallEnd &e : ends)
        if (e.ok && e.latencyUs >= 100'000 && e.latencyUs <= 500'000)
            expected.emplace_back(e.client, e.call);
    QVERIFY(!expected.empty());
    QCOMPARE(slow, expected);
    QCOMPARE(session::callsByLatency(run.view, 500, 100), expected); // either way round

    // Within a time range: only the calls that ended in it.
    const session::TimeRange range{core::TimePoint(500'000), core::TimePoint(1'500'000)};
    const std::vector<session::CallKey> ranged = session::callsByAttempts(run.view, 1, range);
    expected.clear();
    for (const session::CallEnd &e : ends)
        if (e.attempts == 1 && e.endUs >= 500'000 && e.endUs <= 1'500'000)
            expected.emplace_back(e.client, e.call);
    QVERIFY(!expected.empty());
    QCOMPARE(ranged, expected);
}

// Live changes made while the player steps (between two events of one
// instant, even) are saved in the capture, and run again to the very same
// events.
void TestCompare::playerChangesRunAgainFromACapture()
{
    session::SimulationPlayer player;
    const SessionConfig config = scenarioConfig(QStringLiteral("lossy"), 5);
    player.reset(config);
    for (int i = 0; i < 37; ++i)
        player.step();
    bool live = false;
    QCOMPARE(player.setOption(QStringLiteral("timeout-ms"), QStringLiteral("450"), &live), QString());
    QVERIFY(live);
    for (int i = 0; i < 200; ++i)
        player.step();
    QCOMPARE(player.setOption(QStringLiteral("loss"), QStringLiteral("0.05"), &live), QString());
    QCOMPARE(player.setOption(QStringLiteral("clients"), QStringLiteral("4"), &live), QString());
    QVERIFY(!live); // waits for the next start, and is no change of this session
    while (!player.isFinished())
        player.step();
    QCOMPARE(player.changes().size(), std::size_t(2));
    QCOMPARE(player.startConfig().retry.timeout, config.retry.timeout);
    QCOMPARE(player.config().retry.timeout, core::Duration(450'000));

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("live.rpcscope"));
    capture::CaptureInfo info(true, config.clients);
    info.changes = player.changes();
    QString error;
    QVERIFY2(capture::CaptureWriter::save(path, player.startConfig(), info, player.log().view(), {}, &error),
             qPrintable(error));
    trace::TraceLog loadedEvents;
    capture::LoadedCapture loaded;
    QCOMPARE(capture::loadCapture(path, loadedEvents, loaded, &error), capture::LoadStatus::Complete);
    QCOMPARE(loaded.changes, player.changes());
    QCOMPARE(loaded.whyNotRerun(), QString());
    const ScriptedRun again(loaded.config, loaded.changes);
    QCOMPARE(again.view.size(), player.log().view().size());
    for (qsizetype i = 0; i < again.view.size(); ++i)
        QCOMPARE(again.view.at(i), player.log().view().at(i));
}

void TestCompare::playerPlaysAScript()
{
    const SessionConfig config = scenarioConfig(QStringLiteral("dropped-reply"), 2);
    const SettingChanges script = {{core::TimePoint(30'000), QStringLiteral("timeout-ms"), QStringLiteral("80")},
                                   {core::TimePoint(30'000), QStringLiteral("loss"), QStringLiteral("0.3")}};
    const ScriptedRun expected(config, script);
    session::SimulationPlayer player;
    player.reset(config, script);
    while (!player.isFinished())
        player.step();
    QCOMPARE(player.changes(), script);
    QCOMPARE(player.log().view().size(), expected.view.size());
    for (qsizetype i = 0; i < expected.view.size(); ++i)
        QCOMPARE(player.log().view().at(i), expected.view.at(i));
}

QTEST_GUILESS_MAIN(TestCompare)
#include "tst_compare.moc"
