// The whole protocol in virtual time: the chapter's figures event by event,
// determinism, and invariants over many random seeds.
//
//   tst_simulation [--seeds N] [--first-seed S] [Qt Test options]
// runs the property test over N seeds (default 500) starting at S; a failing
// seed is printed with the config, so `--seeds 1 --first-seed S` replays it.
#include "base/random.h"
#include "codegen/stubs.h"
#include "run/simnetwork.h"
#include "services/counterservice.h"
#include "services/echoservice.h"
#include "services/slowjobservice.h"
#include "session/scenario.h"
#include "session/summary.h"
#include "trace/jsonlines.h"
#include "trace/tracelog.h"
#include "traceevents.h"
#include "wire/bodies.pb.h"

#include "invariants.h"
#include "run/soak.h"

#include <QJsonObject>
#include <QTest>
#include <QThreadPool>

#include <map>
#include <numeric>
#include <set>

using namespace rpcscope;
using testsupport::eventsOf;
using trace::EventKind;
using wire::DatagramKind;

namespace {

// Enough attempts and time that every call gets through.
void retryUntilThrough(session::SessionConfig &config)
{
    config.retry.maxAttempts = 60;
    config.retry.deadline = core::Duration(600'000'000);
}

int g_seeds = 500;
std::uint64_t g_firstSeed = 1;

std::vector<trace::Event> runScenario(session::SessionConfig config)
{
    trace::TraceLog log;
    session::SimNetwork sim(config, &log);
    sim.run();
    return eventsOf(log);
}

using session::scenarioConfig;

// An event of client 1's call `call` at `at` µs, for hand-made traces.
void recordCallEvent(trace::TraceLog &log, trace::EventKind kind, std::uint32_t call, std::int64_t at)
{
    trace::Event e;
    e.kind = kind;
    e.client = 1;
    e.callId = call;
    e.timeUs = at;
    log.record(e);
}

// "t kind datagram from->to call attempt", the story in a comparable form.
QStringList story(const std::vector<trace::Event> &events)
{
    QStringList lines;
    for (const trace::Event &e : events) {
        QString line = QStringLiteral("%1 %2").arg(e.timeUs / 1000).arg(trace::eventKindName(e.kind));
        if (e.datagram)
            line += u' ' + wire::datagramKindName(DatagramKind(e.datagram));
        line += QStringLiteral(" %1>%2 #%3 a%4").arg(e.from).arg(e.to).arg(e.callId).arg(e.attempt);
        if (e.fragment)
            line += QStringLiteral(" f%1").arg(e.fragment);
        if (e.kind == EventKind::FragmentAck || e.kind == EventKind::Reassembled)
            line += QStringLiteral(" %1/%2").arg(e.detail).arg(e.size);
        lines << line;
    }
    return lines;
}

} // namespace

class TestSimulation : public QObject
{
    Q_OBJECT

private slots:
    // Fig. 48.3: request, ack, reply, ack — nothing lost, nothing resent.
    void messageAck()
    {
        const QStringList expected = {
            "0 call-start 1>0 #1 a0",
            "0 send REQ 1>0 #1 a1",
            "40 deliver REQ 1>0 #1 a1",
            "40 handler-start 0>1 #1 a1",
            "40 send ACK 0>1 #1 a1",
            "60 handler-end 0>1 #1 a1",
            "60 send REPLY 0>1 #1 a1",
            "80 deliver ACK 0>1 #1 a1",
            "80 ack ACK 1>0 #1 a1",
            "100 deliver REPLY 0>1 #1 a1",
            "100 call-ok 1>0 #1 a1",
            "100 send ACK 1>0 #1 a1",
            "140 deliver ACK 1>0 #1 a1",
            "140 ack ACK 0>1 #1 a1",
            "140 cache-evict 0>1 #1 a0",
        };
        QCOMPARE(story(runScenario(scenarioConfig("message-ack"))), expected);
    }

    // Fig. 48.4: the request is lost; the timer fires and attempt 2 gets through.
    void droppedRequest()
    {
        const QStringList expected = {
            "0 call-start 1>0 #1 a0",
            "0 send REQ 1>0 #1 a1",
            "0 lost REQ 1>0 #1 a1",
            "200 timeout 1>0 #1 a1",
            "200 retransmit REQ 1>0 #1 a2",
            "200 send REQ 1>0 #1 a2",
            "240 deliver REQ 1>0 #1 a2",
            "240 handler-start 0>1 #1 a2",
            "240 send ACK 0>1 #1 a2",
            "260 handler-end 0>1 #1 a2",
            "260 send REPLY 0>1 #1 a2",
            "280 deliver ACK 0>1 #1 a2",
            "280 ack ACK 1>0 #1 a2",
            "300 deliver REPLY 0>1 #1 a2",
            "300 call-ok 1>0 #1 a2",
            "300 send ACK 1>0 #1 a2",
            "340 deliver ACK 1>0 #1 a2",
            "340 ack ACK 0>1 #1 a2",
            "340 cache-evict 0>1 #1 a0",
        };
        QCOMPARE(story(runScenario(scenarioConfig("dropped-request"))), expected);
    }

    // Fig. 48.5: the reply is lost; the resent request is answered from the
    // reply cache, and the counter is incremented once.
    void droppedReply()
    {
        const session::SessionConfig config = scenarioConfig("dropped-reply");
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        const std::vector<trace::Event> events = eventsOf(log);
        const QStringList expected = {
            "0 call-start 1>0 #1 a0",
            "0 send REQ 1>0 #1 a1",
            "40 deliver REQ 1>0 #1 a1",
            "40 handler-start 0>1 #1 a1",
            "60 handler-end 0>1 #1 a1",
            "60 send REPLY 0>1 #1 a1",
            "60 lost REPLY 0>1 #1 a1",
            "200 timeout 1>0 #1 a1",
            "200 retransmit REQ 1>0 #1 a2",
            "200 send REQ 1>0 #1 a2",
            "240 deliver REQ 1>0 #1 a2",
            "240 cached-reply-resent 0>1 #1 a2",
            "240 send REPLY 0>1 #1 a2",
            "280 deliver REPLY 0>1 #1 a2",
            "280 call-ok 1>0 #1 a2",
        };
        QCOMPARE(story(events), expected);
        auto *counter = dynamic_cast<services::CounterService *>(&sim.service());
        QVERIFY(counter);
        QCOMPARE(counter->total(), 1);
    }

    // The counter of the at-most-once scenarios is the generated Counter:
    // every request names rpcscope.services.Counter/Add and carries an
    // AddRequest, every reply is checked to decode as a CounterValue
    // (SimNetwork's wrongResults), and under loss and duplication the total
    // is exactly the calls that succeeded, each run once.
    void counterScenarioRunsTheGeneratedCounter_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::newRow("dropped-reply") << QStringLiteral("dropped-reply");
        QTest::newRow("lossy") << QStringLiteral("lossy");
        QTest::newRow("many-clients") << QStringLiteral("many-clients");
    }

    void counterScenarioRunsTheGeneratedCounter()
    {
        QFETCH(QString, scenario);
        std::int64_t duplicated = 0; // over all seeds: one call may see none
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            session::SessionConfig config = scenarioConfig(scenario);
            config.seed = seed;
            config.toServer.duplicate = config.toClient.duplicate = 0.2;
            retryUntilThrough(config);
            trace::TraceLog log;
            session::SimNetwork sim(config, &log);
            sim.run();
            auto *counter = dynamic_cast<services::CounterService *>(&sim.service());
            QVERIFY(counter);
            QCOMPARE(counter->sampleMethod(), QStringLiteral("rpcscope.services.Counter/Add"));
            QVERIFY(counter->methods().contains(counter->sampleMethod()));

            std::int64_t ok = 0, failed = 0, executions = 0, answeredAgain = 0;
            for (const trace::Event &e : eventsOf(log)) {
                ok += e.kind == EventKind::CallOk;
                failed += e.kind == EventKind::CallFailed;
                executions += e.kind == EventKind::HandlerStart;
                duplicated += e.kind == EventKind::Duplicated;
                answeredAgain += e.kind == EventKind::CachedReplyResent || e.kind == EventKind::DuplicateSuppressed;
            }
            const QByteArray where = QStringLiteral("%1, seed %2").arg(scenario).arg(seed).toUtf8();
            QVERIFY2(failed == 0 && ok == config.calls, where);
            QVERIFY2(answeredAgain > 0, where);
            QVERIFY2(counter->total() == ok, where);
            QVERIFY2(executions == ok && std::int64_t(counter->adds()) == ok, where);
            QVERIFY2(sim.wrongResults() == 0, where);
            const QString problem = testsupport::checkInvariants(log.view(), config, counter->total());
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1, %2").arg(problem, QString::fromUtf8(where))));
        }
        QVERIFY(duplicated > 0);
    }

    // The echo scenarios call the generated Echo: every request names
    // rpcscope.services.Echo/Echo and carries an EchoRequest, the generated
    // procedure runs once per call, and every reply decodes as an EchoReply
    // carrying exactly the payload sent (SimNetwork's wrongResults), whole or
    // reassembled from fragments, under loss and duplication.
    void echoScenarioRunsTheGeneratedEcho_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("argBytes"); // 0: the scenario's own
        QTest::addColumn<qsizetype>("maxDatagram"); // 0: the scenario's own
        QTest::addColumn<bool>("fragmented");
        QTest::newRow("message-ack") << QStringLiteral("message-ack") << 0 << qsizetype(0) << false;
        QTest::newRow("dropped-request") << QStringLiteral("dropped-request") << 0 << qsizetype(0) << false;
        QTest::newRow("fragmentation") << QStringLiteral("fragmentation") << 0 << qsizetype(0) << true;
        QTest::newRow("fragmentation 20 KB") << QStringLiteral("fragmentation") << 20'000 << qsizetype(600) << true;
    }

    void echoScenarioRunsTheGeneratedEcho()
    {
        QFETCH(QString, scenario);
        QFETCH(int, argBytes);
        QFETCH(qsizetype, maxDatagram);
        QFETCH(bool, fragmented);
        std::int64_t duplicated = 0, lost = 0, reassembled = 0; // over all seeds: one call may see none
        for (std::uint64_t seed = 1; seed <= 5; ++seed) {
            session::SessionConfig config = scenarioConfig(scenario);
            QCOMPARE(config.service, QStringLiteral("echo"));
            config.seed = seed;
            config.calls = 6;
            config.window = 3;
            if (argBytes > 0)
                config.argBytes = argBytes;
            if (maxDatagram > 0)
                config.maxDatagram = maxDatagram;
            config.toServer.loss = config.toClient.loss = 0.1;
            config.toServer.duplicate = config.toClient.duplicate = 0.2;
            retryUntilThrough(config);
            trace::TraceLog log;
            session::SimNetwork sim(config, &log);
            sim.run();
            auto *echo = dynamic_cast<services::EchoService *>(&sim.service());
            QVERIFY(echo);
            QCOMPARE(echo->sampleMethod(), QStringLiteral("rpcscope.services.Echo/Echo"));
            QVERIFY(echo->methods().contains(echo->sampleMethod()));

            std::int64_t ok = 0, failed = 0, executions = 0;
            for (const trace::Event &e : eventsOf(log)) {
                ok += e.kind == EventKind::CallOk;
                failed += e.kind == EventKind::CallFailed;
                executions += e.kind == EventKind::HandlerStart;
                duplicated += e.kind == EventKind::Duplicated;
                lost += e.kind == EventKind::Lost;
                reassembled += e.kind == EventKind::Reassembled;
            }
            const QByteArray where = QStringLiteral("%1, %2 bytes, seed %3")
                                         .arg(scenario).arg(config.argBytes).arg(seed).toUtf8();
            QVERIFY2(failed == 0 && ok == config.calls, where);
            QVERIFY2(executions == ok && std::int64_t(echo->echoes()) == ok, where);
            QVERIFY2(sim.wrongResults() == 0, where);
            const QString problem = testsupport::checkInvariants(log.view(), config, std::nullopt);
            QVERIFY2(problem.isEmpty(), qPrintable(QStringLiteral("%1, %2").arg(problem, QString::fromUtf8(where))));
        }
        QVERIFY(duplicated > 0);
        QVERIFY(lost > 0);
        QCOMPARE(reassembled > 0, fragmented);
    }

    // A reply cache that forgets too soon: the resend after the lost reply
    // finds no entry. Before the forgotten-below mark, the server ran the
    // call again and the counter counted it twice; now the client's sequence
    // counter shows the call is not new, and it is refused instead.
    void forgottenReplyIsRefusedNotRunTwice()
    {
        session::SessionConfig config = scenarioConfig("dropped-reply");
        config.limits.maxEntryAge = core::Duration(1'000);
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        auto *counter = dynamic_cast<services::CounterService *>(&sim.service());
        QVERIFY(counter);
        QCOMPARE(counter->total(), 1);
        int forgotten = 0, failed = 0;
        for (const trace::Event &e : eventsOf(log)) {
            forgotten += e.kind == EventKind::Rejected && e.detail == wire::STATUS_RESULT_FORGOTTEN;
            failed += e.kind == EventKind::CallFailed;
        }
        QVERIFY(forgotten >= 1);
        QCOMPARE(failed, 1); // the call ends, with the server's reason
        const session::InvariantCheck check = session::checkInvariants(log.view(), config, counter->total());
        QCOMPARE(check.broken.total(), 0);
    }

    // The checker the soak relies on sees a second execution of one call.
    void invariantCheckerCatchesADoubleExecution()
    {
        const session::SessionConfig config = scenarioConfig("dropped-reply");
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        trace::TraceLog twice;
        bool doubled = false;
        for (const trace::Event &e : eventsOf(log)) {
            twice.record(e);
            if (e.kind == EventKind::HandlerStart && !doubled) {
                twice.record(e);
                doubled = true;
            }
        }
        QVERIFY(doubled);
        const session::InvariantCheck check = session::checkInvariants(twice.view(), config, 2);
        QCOMPARE(check.broken.doubleExecutions, 1);
        QCOMPARE(check.broken.counterMismatch, 0); // the total counts both executions
        QVERIFY2(check.firstProblem.contains(u"executed twice"), qPrintable(check.firstProblem));
    }

    // A handler slower than the timeout: "working" stops the resends; the
    // client probes instead, and the call runs once.
    void longCallProbesInsteadOfResending()
    {
        const auto events = runScenario(scenarioConfig("long-call"));
        qsizetype firstWorking = -1;
        int handlers = 0, probes = 0, ok = 0;
        for (std::size_t i = 0; i < events.size(); ++i) {
            const trace::Event &e = events[i];
            if (e.kind == EventKind::Working && firstWorking < 0)
                firstWorking = qsizetype(i);
            if (e.kind == EventKind::Retransmit) {
                QVERIFY2(firstWorking >= 0, "a resend before the server said it was working");
                QCOMPARE(DatagramKind(e.datagram), DatagramKind::Probe);
                ++probes;
            }
            handlers += e.kind == EventKind::HandlerStart;
            ok += e.kind == EventKind::CallOk;
        }
        QVERIFY(firstWorking >= 0);
        QVERIFY(probes >= 2);
        QCOMPARE(handlers, 1);
        QCOMPARE(ok, 1);

        // The call is the generated SlowJob's Run, asked for the handler's
        // 650 ms, and its JobReply says it worked that long.
        const session::SessionConfig config = scenarioConfig("long-call");
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        auto *jobs = dynamic_cast<services::SlowJobService *>(&sim.service());
        QVERIFY(jobs);
        QCOMPARE(jobs->sampleMethod(), QStringLiteral("rpcscope.services.SlowJob/Run"));
        services::JobRequest request;
        QVERIFY(codegen::decodeMessage(jobs->sampleArgs(0, config.argBytes), request));
        QCOMPARE(request.duration_ms(), 650u);
        QCOMPARE(jobs->runs(), 1u);
        QCOMPARE(sim.wrongResults(), 0);
        services::JobReply other;
        other.set_label("job 1");
        other.set_duration_ms(650);
        QVERIFY(!jobs->resultMatches(0, 0, codegen::encodeMessage(other))); // another job's reply
    }

    // A long call's probes are the protocol waiting, not attempts lost: the
    // summary counts them apart from retransmissions, as the call's end
    // says "1 attempt".
    void longCallCountsProbesApartFromRetransmissions()
    {
        const auto events = runScenario(scenarioConfig("long-call"));
        std::int64_t probesSent = 0;
        session::SummaryBuilder builder;
        for (const trace::Event &e : events) {
            builder.record(e);
            probesSent += e.kind == EventKind::Retransmit && DatagramKind(e.datagram) == DatagramKind::Probe;
        }
        const session::Summary s = builder.finish();
        QVERIFY(probesSent >= 2);
        QCOMPARE(s.probes, probesSent);
        QCOMPARE(s.retransmissions, 0);
        QCOMPARE(s.ok, 1);
        const QJsonObject json = s.toJson();
        QCOMPARE(json.value(u"probes").toInteger(), probesSent);
        QCOMPARE(json.value(u"retransmissions").toInteger(), 0);

        // A lost request is still a retransmission, and no probe.
        trace::TraceLog droppedRequest;
        session::SimNetwork(scenarioConfig("dropped-request"), &droppedRequest).run();
        const session::Summary dropped = session::SummaryBuilder::fromTrace(droppedRequest.view());
        QCOMPARE(dropped.retransmissions, 1);
        QCOMPARE(dropped.probes, 0);
    }

    // The crash loses the reply cache; the epoch keeps the resend from
    // running call 2 again.
    void serverRestartFailsTheInterruptedCallOnly()
    {
        const auto events = runScenario(scenarioConfig("server-restart"));
        std::map<std::uint32_t, int> started;
        std::map<std::uint32_t, EventKind> ended;
        std::map<std::uint32_t, std::uint32_t> errors;
        int restarts = 0;
        for (const trace::Event &e : events) {
            if (e.kind == EventKind::HandlerStart)
                ++started[e.callId];
            if (e.kind == EventKind::CallOk || e.kind == EventKind::CallFailed) {
                ended[e.callId] = e.kind;
                errors[e.callId] = e.detail;
            }
            restarts += e.kind == EventKind::ServerRestart;
        }
        QCOMPARE(restarts, 1);
        QCOMPARE(ended.size(), std::size_t(3));
        QCOMPARE(ended[1], EventKind::CallOk);
        QCOMPARE(ended[2], EventKind::CallFailed);
        QCOMPARE(trace::CallError(errors[2]), trace::CallError::ServerRestarted);
        QCOMPARE(ended[3], EventKind::CallOk);
        QCOMPARE(started[2], 1); // ran before the crash, never again
    }

    // CRC-32C catches every damaged datagram; a byte sum lets some through.
    void corruptionComparesChecksums()
    {
        session::SessionConfig config = scenarioConfig("corruption");
        trace::TraceLog crc;
        session::SimNetwork(config, &crc).run();
        const session::Summary strong = session::SummaryBuilder::fromTrace(crc.view());
        QVERIFY(strong.datagrams.corrupted > 10);
        QVERIFY(strong.datagrams.checksumRejected > 0);
        QCOMPARE(strong.datagrams.corruptAccepted, 0);

        config.checksum = wire::ChecksumKind::Sum;
        trace::TraceLog sum;
        session::SimNetwork(config, &sum).run();
        QVERIFY(session::SummaryBuilder::fromTrace(sum.view()).datagrams.corruptAccepted > 0);
    }

    // Clients without a share of the calls must not confuse the end of the run.
    void fewerCallsThanClients()
    {
        session::SessionConfig config = scenarioConfig("lossy");
        config.calls = 3;
        config.clients = 10;
        config.toServer.loss = config.toClient.loss = 0.3;
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        QVERIFY(sim.finished());
        QCOMPARE(sim.callsEnded(), 3);
        const session::Summary s = session::SummaryBuilder::fromTrace(log.view());
        QCOMPARE(s.ok + s.failedTotal(), 3);
    }

    void sameSeedSameRun()
    {
        session::SessionConfig config = scenarioConfig("many-clients");
        config.calls = 300;
        config.toServer.duplicate = config.toClient.duplicate = 0.05;
        config.toServer.reorder = config.toClient.reorder = 0.05;
        config.toServer.corrupt = config.toClient.corrupt = 0.02;
        const auto a = runScenario(config);
        const auto b = runScenario(config);
        QVERIFY(a.size() > 1000);
        QVERIFY(a == b);
        config.seed = 2;
        QVERIFY(runScenario(config) != a);
    }

    void summaryCountsTheStory()
    {
        const auto events = runScenario(scenarioConfig("dropped-reply"));
        session::SummaryBuilder builder;
        for (const trace::Event &e : events)
            builder.record(e);
        const session::Summary s = builder.finish();
        QCOMPARE(s.calls, 1);
        QCOMPARE(s.ok, 1);
        QCOMPARE(s.executions, 1);
        QCOMPARE(s.retransmissions, 1);
        QCOMPARE(s.cachedRepliesResent, 1);
        QCOMPARE(s.datagrams.sent, 4);
        QCOMPARE(s.datagrams.lost, 1);
        QCOMPARE(s.latency.p50, 280.0);
        QCOMPARE(s.latency.max, 280.0);
    }

    // A 6,000-byte request and reply, five fragments each way. One fragment
    // of each is lost; the selective ack that answers the last fragment of
    // the round shows the gap, and only that fragment is sent again.
    void fragmentation()
    {
        const QStringList expected = {
            "0 call-start 1>0 #1 a0",
            "0 send REQ 1>0 #1 a1 f1",
            "0 send REQ 1>0 #1 a1 f2",
            "0 send REQ 1>0 #1 a1 f3",
            "0 lost REQ 1>0 #1 a1 f3",
            "0 send REQ 1>0 #1 a1 f4",
            "0 send REQ 1>0 #1 a1 f5",
            "67 deliver REQ 1>0 #1 a1 f1",
            "95 deliver REQ 1>0 #1 a1 f2",
            "123 deliver REQ 1>0 #1 a1 f4",
            "136 deliver REQ 1>0 #1 a1 f5",
            "136 send SACK 0>1 #1 a1",
            "177 deliver SACK 0>1 #1 a1",
            "177 fragment-ack SACK 1>0 #1 a1 4/5",
            "177 retransmit REQ 1>0 #1 a2",
            "177 send REQ 1>0 #1 a2 f3",
            "245 deliver REQ 1>0 #1 a2 f3",
            "245 reassembled REQ 0>1 #1 a2 6035/5",
            "245 handler-start 0>1 #1 a2",
            "245 send SACK 0>1 #1 a2",
            "265 handler-end 0>1 #1 a2",
            "265 send REPLY 0>1 #1 a1 f1",
            "265 send REPLY 0>1 #1 a1 f2",
            "265 lost REPLY 0>1 #1 a1 f2",
            "265 send REPLY 0>1 #1 a1 f3",
            "265 send REPLY 0>1 #1 a1 f4",
            "265 send REPLY 0>1 #1 a1 f5",
            "286 deliver SACK 0>1 #1 a2",
            "286 fragment-ack SACK 1>0 #1 a2 5/5",
            "333 deliver REPLY 0>1 #1 a1 f1",
            "361 deliver REPLY 0>1 #1 a1 f3",
            "388 deliver REPLY 0>1 #1 a1 f4",
            "401 deliver REPLY 0>1 #1 a1 f5",
            "401 send SACK 1>0 #1 a1",
            "442 deliver SACK 1>0 #1 a1",
            "442 fragment-ack SACK 0>1 #1 a1 4/5",
            "442 send REPLY 0>1 #1 a2 f2",
            "509 deliver REPLY 0>1 #1 a2 f2",
            "509 reassembled REPLY 1>0 #1 a2 6006/5",
            "509 call-ok 1>0 #1 a2",
        };
        const session::SessionConfig config = scenarioConfig("fragmentation");
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        const std::vector<trace::Event> events = eventsOf(log);
        QCOMPARE(story(events), expected);
        QCOMPARE(sim.wrongResults(), 0); // the echo came back byte for byte
    }

    // The end-to-end check is live: with no checksum, damaged fragments are
    // reassembled into wrong messages, and the echo's results show it.
    void damagedFragmentsWithoutChecksumAreCaughtEndToEnd()
    {
        session::SessionConfig config = scenarioConfig("fragmentation");
        config.calls = 20;
        config.window = 4;
        config.checksum = wire::ChecksumKind::None;
        config.toServer.corrupt = config.toClient.corrupt = 0.05;
        config.toServerFaults.clear();
        config.toClientFaults.clear();
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        QVERIFY(sim.wrongResults() > 0);

        config.checksum = wire::ChecksumKind::Crc32c;
        trace::TraceLog checked;
        session::SimNetwork crc(config, &checked);
        crc.run();
        QCOMPARE(crc.wrongResults(), 0);
    }

    // 4 MiB in 64 fragmented chunks under 5 % loss: everything arrives, the
    // receiver's SHA-256 matches the sender's, and the resends stay close to
    // what was lost (only missing fragments go again).
    void fileTransferVerifiesEndToEnd()
    {
        const session::SessionConfig config = scenarioConfig("file-transfer");
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        const session::Summary s = session::SummaryBuilder::fromTrace(log.view());
        QCOMPARE(s.ok, config.calls);
        QCOMPARE(s.executions, config.calls);
        const QJsonObject report = sim.service().report();
        QCOMPARE(report.value(u"file_bytes").toInteger(), 4 * 1024 * 1024);
        QCOMPARE(report.value(u"received_bytes").toInteger(), 4 * 1024 * 1024);
        QCOMPARE(report.value(u"sha256_received").toString(), report.value(u"sha256_sent").toString());
        QVERIFY(report.value(u"verified").toBool());
        // Through the generated FileTransfer: every chunk a FileChunk under
        // its wire name, every answer a FileProgress about this file.
        QCOMPARE(sim.service().sampleMethod(), QStringLiteral("rpcscope.services.FileTransfer/Put"));
        QCOMPARE(sim.wrongResults(), 0);

        std::int64_t requestSends = 0, requestLost = 0;
        for (qsizetype i = 0; i < log.view().size(); ++i) {
            const trace::Event &e = log.view().at(i);
            if (e.datagram == std::uint8_t(DatagramKind::Request) && e.fragment > 0) {
                requestSends += e.kind == EventKind::Send;
                requestLost += e.kind == EventKind::Lost;
            }
        }
        const std::int64_t needed = config.calls * 49; // a FileChunk of 64 KiB and its fields, in 1,356-byte pieces
        QVERIFY2(requestLost > 0, "the link must lose fragments for this test to mean anything");
        // Every resend replaces a loss, give or take a few whose selective ack was lost.
        QVERIFY2(requestSends - needed <= requestLost + needed / 50,
                 qPrintable(QStringLiteral("%1 fragment sends for %2 needed and %3 lost")
                                .arg(requestSends).arg(needed).arg(requestLost)));
    }

    // The same transfer with no checksum and damage on the wire: the
    // transport delivers something, and the receiver's hash says it is wrong.
    void fileTransferCatchesDamageTheTransportMissed()
    {
        session::SessionConfig config = scenarioConfig("file-transfer");
        config.checksum = wire::ChecksumKind::None;
        config.toServer.corrupt = 0.02;
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        const QJsonObject report = sim.service().report();
        QVERIFY(!report.value(u"verified").toBool());
        QVERIFY(report.value(u"sha256_received").toString() != report.value(u"sha256_sent").toString());
    }

    // A storm against a server that takes in 1,000 datagrams a second. With
    // fixed timeouts the resends keep its queue full and many calls fail;
    // with exponential back-off and jitter every call completes. Either
    // way the server's memory stays within its caps and every promise holds.
    void overloadCollapsesWithFixedTimeouts() { QVERIFY(overloadRun(core::Backoff::Fixed).failed > 1200 / 5); }
    void overloadRecoversWithBackoffAndJitter()
    {
        const OverloadRun fixed = overloadRun(core::Backoff::Fixed);
        const OverloadRun jitter = overloadRun(core::Backoff::FullJitter);
        QCOMPARE(jitter.failed, 0);
        QCOMPARE(jitter.ok, 1200);
        QVERIFY2(jitter.droppedAtServer * 2 < fixed.droppedAtServer,
                 qPrintable(QStringLiteral("%1 vs %2").arg(jitter.droppedAtServer).arg(fixed.droppedAtServer)));
    }
    // The classroom move: start with fixed timeouts, switch to full jitter
    // mid-storm. Calls started after the switch complete.
    void overloadRecoversWhenBackoffChangesLive()
    {
        const auto switchAt = core::TimePoint(core::Duration(400'000));
        const OverloadRun run = overloadRun(core::Backoff::Fixed, switchAt);
        QVERIFY(run.failedBeforeSwitch > 0);
        QCOMPARE(run.failedAfterSwitch, 0);
        QVERIFY(run.startedAfterSwitch > 600);
    }

    // Random networks and settings (the chaos soak's, run/soak.h);
    // after every run the protocol's promises must hold. Many seeds, each
    // reproducible on its own; `./rpcscope.sh soak` runs thousands more.
    void invariantsHoldOverManySeeds()
    {
        session::SoakResult total;
        for (std::uint64_t seed = g_firstSeed; seed < g_firstSeed + std::uint64_t(g_seeds); ++seed) {
            const session::SoakSeedResult r = session::soakSeed(seed);
            if (!r.check.firstProblem.isEmpty())
                QFAIL(qPrintable(describe(seed, session::soakConfig(seed), r.check.firstProblem)));
            total.add(r);
        }
        qInfo("%d seeds from %llu: %lld calls, %lld failed, %lld retransmissions, %lld duplicates answered "
              "without running; %d fragmented, %d restarted, %d overloaded, %d outliving the cache, %d flooded",
              total.seeds, qulonglong(g_firstSeed), qlonglong(total.calls), qlonglong(total.failed),
              qlonglong(total.retransmissions), qlonglong(total.duplicatesAnswered), total.fragmentedSeeds,
              total.restartedSeeds, total.overloadedSeeds, total.outlivedSeeds, total.floodedSeeds);
        QCOMPARE(total.broken.total(), 0);
        // The random configs must actually exercise retries, duplicates,
        // fragments, restarts and overload.
        QVERIFY(total.retransmissions > 0);
        QVERIFY(total.duplicatesAnswered > 0);
        if (g_seeds >= 100) {
            QVERIFY(total.fragmentedSeeds > g_seeds / 10);
            QVERIFY(total.restartedSeeds > g_seeds / 10);
            QVERIFY(total.overloadedSeeds > g_seeds / 40);
            // Calls resent after their answer aged out, and refused.
            QVERIFY(total.outlivedSeeds > g_seeds / 100);
            // Forged datagrams from made-up hosts beside the session.
            QVERIFY(total.floodedSeeds > g_seeds / 10);
        }
    }

    // The soak adds up per-seed results in seed order: the same on one
    // thread as on several.
    void soakIsTheSameOnAnyNumberOfThreads()
    {
        QThreadPool one;
        one.setMaxThreadCount(1);
        QThreadPool two;
        two.setMaxThreadCount(2);
        const session::SoakResult a = session::runSoak(100, 24, &one);
        const session::SoakResult b = session::runSoak(100, 24, &two);
        QCOMPARE(a.seeds, 24);
        QCOMPARE(a.toJson(), b.toJson());
    }

    // The homework's in-order delivery: the first request is lost, the calls
    // behind it wait in the server's hold-back queue, and every call runs
    // once, in call-id order.
    void orderedScenarioHoldsBackAndRunsInOrder()
    {
        const session::SessionConfig config = scenarioConfig("ordered");
        QVERIFY(config.ordered);
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        std::vector<std::uint32_t> started;
        int held = 0;
        int ok = 0;
        const auto view = log.view();
        for (qsizetype i = 0; i < view.size(); ++i) {
            const trace::Event &e = view.at(i);
            if (e.kind == EventKind::HandlerStart)
                started.push_back(e.callId);
            held += e.kind == EventKind::RequestHeld;
            ok += e.kind == EventKind::CallOk;
        }
        std::vector<std::uint32_t> inOrder(std::size_t(config.calls));
        std::iota(inOrder.begin(), inOrder.end(), 1u);
        QCOMPARE(started, inOrder);
        // Calls 2 to 5 overtook the lost call 1, and more were held later.
        QVERIFY2(held >= 4, qPrintable(QString::number(held)));
        QCOMPARE(ok, config.calls);
        const auto *counter = dynamic_cast<const services::CounterService *>(&sim.service());
        QVERIFY(counter);
        const session::InvariantCheck check = session::checkInvariants(view, config, counter->total());
        QVERIFY2(check.firstProblem.isEmpty(), qPrintable(check.firstProblem));
    }

    // Ordered sessions with reordering, duplication and heavy loss over a
    // thousand seeds: no call runs out of order or beside an earlier one of
    // its client, and, with no limit on attempts, none is lost.
    void orderedDeliveryNeverRunsOutOfOrderOrLosesACall()
    {
        std::int64_t held = 0;
        for (std::uint64_t seed = 1; seed <= 1000; ++seed) {
            core::Random r(seed);
            session::SessionConfig config;
            config.seed = seed;
            config.ordered = true;
            config.service = QStringLiteral("counter");
            config.calls = int(r.between(5, 30));
            config.clients = int(r.between(1, 3));
            config.window = int(r.between(2, 8));
            config.handlerTime = core::Duration(r.between(0, 10'000));
            for (netem::NetemConfig *n : {&config.toServer, &config.toClient}) {
                n->loss = r.uniform() * 0.4;
                n->reorder = 0.1 + r.uniform() * 0.4;
                n->duplicate = r.uniform() * 0.2;
                n->delay = core::Duration(r.between(1'000, 20'000));
                n->jitter = core::Duration(r.between(0, 20'000));
            }
            config.ackMode = r.chance(0.5) ? core::AckMode::Explicit : core::AckMode::Implicit;
            config.retry.backoff = core::Backoff::Exponential;
            config.retry.timeout = core::Duration(50'000);
            config.retry.maxTimeout = core::Duration(400'000);
            config.retry.maxAttempts = 0; // only the deadline ends a call
            config.retry.deadline = core::Duration(600'000'000);
            trace::TraceLog log;
            session::SimNetwork sim(config, &log);
            sim.run();
            const auto *counter = dynamic_cast<const services::CounterService *>(&sim.service());
            const session::InvariantCheck check = session::checkInvariants(log.view(), config, counter->total());
            if (!check.firstProblem.isEmpty())
                QFAIL(qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(check.firstProblem)));
            QCOMPARE(check.ok, std::int64_t(config.calls));
            QCOMPARE(check.executions, std::int64_t(config.calls));
            const auto view = log.view();
            for (qsizetype i = 0; i < view.size(); ++i)
                held += view.at(i).kind == EventKind::RequestHeld;
        }
        // The networks did overtake calls: the hold-back queue was used.
        QVERIFY2(held > 1000, qPrintable(QString::number(held)));
    }

    // The checker catches a call that runs ahead of an earlier one, or
    // beside one, in an ordered session.
    void invariantCheckerCatchesOutOfOrderRuns()
    {
        session::SessionConfig config;
        config.calls = 0;
        config.ordered = true;
        trace::TraceLog log;
        const auto event = [&log](trace::EventKind kind, std::uint32_t call, std::int64_t at) {
            recordCallEvent(log, kind, call, at);
        };
        event(EventKind::HandlerStart, 2, 10);
        event(EventKind::HandlerEnd, 2, 20);
        event(EventKind::HandlerStart, 1, 30); // after a later one
        event(EventKind::HandlerStart, 3, 40); // while call 1 runs
        event(EventKind::HandlerEnd, 1, 50);
        event(EventKind::HandlerEnd, 3, 50);
        QCOMPARE(session::checkInvariants(log.view(), config, std::nullopt).broken.outOfOrder, 2);
        config.ordered = false;
        QCOMPARE(session::checkInvariants(log.view(), config, std::nullopt).broken.outOfOrder, 0);
    }

    // --max-attempts 0: a call that never gets through is resent until its
    // deadline, exactly, in virtual time.
    void noAttemptLimitResendsUntilTheDeadline()
    {
        session::SessionConfig config;
        config.calls = 1;
        config.window = 1;
        config.toServer.loss = 1.0;
        config.retry.backoff = core::Backoff::Fixed;
        config.retry.timeout = core::Duration(100'000);
        config.retry.maxAttempts = 0;
        config.retry.deadline = core::Duration(5'000'000);
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        sim.run();
        const std::vector<trace::Event> events = eventsOf(log);
        int sends = 0;
        for (const trace::Event &e : events)
            sends += e.kind == EventKind::Send && e.datagram == std::uint8_t(DatagramKind::Request);
        QCOMPARE(sends, 50); // 0, 100, ..., 4900 ms
        QCOMPARE(events.back().kind, EventKind::CallFailed);
        QCOMPARE(events.back().detail, std::uint32_t(trace::CallError::DeadlineExceeded));
        QCOMPARE(events.back().timeUs, std::int64_t(5'000'000));
    }

    // The checker counts each kind of broken promise: a trace with a call
    // run twice, one ended twice, one past its deadline and a corrupt
    // datagram accepted is caught on every count.
    void invariantCheckerCountsEachBrokenPromise()
    {
        session::SessionConfig config;
        config.calls = 3;
        config.retry.deadline = core::Duration(1'000);
        trace::TraceLog log;
        const auto event = [&log](trace::EventKind kind, std::uint32_t call, std::int64_t at) {
            recordCallEvent(log, kind, call, at);
        };
        event(trace::EventKind::CallStart, 1, 0);
        event(trace::EventKind::HandlerStart, 1, 10);
        event(trace::EventKind::HandlerStart, 1, 20); // at-most-once broken
        event(trace::EventKind::CallOk, 1, 30);
        event(trace::EventKind::CallOk, 1, 40);       // ended twice
        event(trace::EventKind::CallStart, 2, 0);
        event(trace::EventKind::CallFailed, 2, 5'000); // past its deadline
        event(trace::EventKind::CorruptAccepted, 0, 50);
        const session::InvariantCheck check = session::checkInvariants(log.view(), config, 1);
        QCOMPARE(check.broken.doubleExecutions, 1);
        QCOMPARE(check.broken.endedTwice, 1);
        QCOMPARE(check.broken.pastDeadline, 1);
        QCOMPARE(check.broken.corruptAccepted, 1);
        QCOMPARE(check.broken.unfinished, 1);     // call 3 never started
        QCOMPARE(check.broken.counterMismatch, 1); // counter 1, executions 2
        QVERIFY(check.firstProblem.contains(u"executed twice"));
    }

private:
    struct OverloadRun
    {
        int ok = 0, failed = 0, droppedAtServer = 0;
        int startedAfterSwitch = 0, failedBeforeSwitch = 0, failedAfterSwitch = 0;
    };
    // Runs the overload scenario with `backoff`, switching to full jitter at
    // `switchAt` if given; fails the test if memory outgrows a cap or a
    // promise breaks.
    static OverloadRun overloadRun(core::Backoff backoff, std::optional<core::TimePoint> switchAt = {})
    {
        session::SessionConfig config = session::scenarioConfig(u"overload");
        config.retry.backoff = backoff;
        trace::TraceLog log;
        session::SimNetwork sim(config, &log);
        const core::ServerLimits &caps = config.limits;
        int backlogPeak = 0, inProgressPeak = 0;
        std::int64_t cachePeak = 0;
        bool switched = false;
        while (sim.step()) {
            backlogPeak = std::max(backlogPeak, sim.serverBacklog());
            inProgressPeak = std::max(inProgressPeak, sim.server().inProgress());
            cachePeak = std::max(cachePeak, sim.server().replyCache().bytes());
            if (switchAt && !switched && sim.now() >= *switchAt) {
                core::RetryConfig retry = config.retry;
                retry.backoff = core::Backoff::FullJitter;
                sim.setRetry(retry);
                switched = true;
            }
        }
        [&] {
            QVERIFY(backlogPeak <= config.serverQueue);
            QVERIFY(inProgressPeak <= caps.maxInProgressTotal);
            QVERIFY(cachePeak <= caps.maxCacheBytes);
            auto *counter = dynamic_cast<services::CounterService *>(&sim.service());
            QVERIFY(counter);
            const QString problem = testsupport::checkInvariants(log.view(), config, counter->total());
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }();
        OverloadRun run;
        std::map<std::pair<core::HostId, std::uint32_t>, std::int64_t> startedAt;
        const trace::TraceLog::View view = log.view();
        for (qsizetype i = 0; i < view.size(); ++i) {
            const trace::Event &e = view.at(i);
            const auto key = std::pair(e.client, e.callId);
            if (e.kind == trace::EventKind::CallStart) {
                startedAt[key] = e.timeUs;
                run.startedAfterSwitch += switchAt && e.timeUs >= switchAt->count();
            } else if (e.kind == trace::EventKind::CallOk) {
                ++run.ok;
            } else if (e.kind == trace::EventKind::CallFailed) {
                ++run.failed;
                const bool after = switchAt && startedAt[key] >= switchAt->count();
                (after ? run.failedAfterSwitch : run.failedBeforeSwitch)++;
            } else if (e.kind == trace::EventKind::Lost
                       && netem::LossCause(e.detail) == netem::LossCause::ServerBusy) {
                ++run.droppedAtServer;
            }
        }
        qInfo("%s%s: %d ok, %d failed, %d dropped at the server, backlog peak %d of %d",
              qPrintable(core::backoffName(backoff)), switchAt ? " then full-jitter" : "", run.ok, run.failed,
              run.droppedAtServer, backlogPeak, config.serverQueue);
        return run;
    }

    static QString describe(std::uint64_t seed, const session::SessionConfig &c, const QString &problem)
    {
        return QStringLiteral("seed %1: %2 (replay: tst_simulation invariantsHoldOverManySeeds --seeds 1 "
                              "--first-seed %1; calls %3 clients %4 window %5 loss %6 dup %7 reorder %8 "
                              "corrupt %9 backoff %10 ack %11 service %12 arg-bytes %13 max-datagram %14)")
            .arg(seed)
            .arg(problem)
            .arg(c.calls)
            .arg(c.clients)
            .arg(c.window)
            .arg(c.toServer.loss)
            .arg(c.toServer.duplicate)
            .arg(c.toServer.reorder)
            .arg(c.toServer.corrupt)
            .arg(core::backoffName(c.retry.backoff), core::ackModeName(c.ackMode), c.service)
            .arg(c.argBytes)
            .arg(c.maxDatagram);
    }

};

int main(int argc, char *argv[])
{
    // Strip our own options before Qt Test sees the rest.
    std::vector<char *> args;
    for (int i = 0; i < argc; ++i) {
        const QByteArray a(argv[i]);
        if ((a == "--seeds" || a == "--first-seed") && i + 1 < argc) {
            bool ok = false;
            const qulonglong v = QByteArray(argv[++i]).toULongLong(&ok);
            if (!ok) {
                fprintf(stderr, "tst_simulation: %s needs a whole number\n", a.constData());
                return 2;
            }
            if (a == "--seeds")
                g_seeds = int(v);
            else
                g_firstSeed = v;
            continue;
        }
        args.push_back(argv[i]);
    }
    QCoreApplication app(argc, argv);
    TestSimulation test;
    return QTest::qExec(&test, int(args.size()), args.data());
}

#include "tst_simulation.moc"
