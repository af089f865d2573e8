// The exports for trace viewers, read back as a viewer would: Perfetto's
// (Chrome's) Trace Event Format checked against the format's rules and
// against a plain scan of the trace, qlog JSON-SEQ record by record.
#include "export/traceexport.h"
#include "session/scenario.h"
#include "simrun.h"
#include "wire/datagram.h"

#include <QBuffer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <map>
#include <set>

using namespace rpcscope;
using testsupport::scenarioConfig;
using testsupport::SimRun;
using trace::EventKind;

namespace {

QByteArray exported(exporting::TraceFormat format, const SimRun &run, const exporting::ExportRange &range = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    exporting::TraceViewerInfo info;
    info.title = QStringLiteral("%1, seed %2").arg(run.config.scenario).arg(run.config.seed);
    info.clients = run.config.clients;
    if (!exporting::writeTrace(format, run.view, info, range, buffer))
        return {};
    return buffer.data();
}

// What the Trace Event Format asks of every event (the format's document,
// "Trace Event Format", as chrome://tracing and Perfetto read it); the first
// broken rule, or an empty string.
QString traceEventProblem(const QJsonObject &e)
{
    static const std::set<QString> phases = {QStringLiteral("M"), QStringLiteral("X"), QStringLiteral("b"),
                                             QStringLiteral("e"), QStringLiteral("i"), QStringLiteral("C")};
    const QString ph = e[u"ph"].toString();
    if (!phases.contains(ph))
        return QStringLiteral("phase '%1'").arg(ph);
    if (!e[u"name"].isString() || e[u"name"].toString().isEmpty())
        return QStringLiteral("no name");
    if (!e[u"pid"].isDouble() || !e[u"tid"].isDouble())
        return QStringLiteral("pid or tid not a number");
    if (ph == u"M")
        return e[u"args"].isObject() ? QString() : QStringLiteral("metadata without args");
    if (!e[u"ts"].isDouble() || e[u"ts"].toDouble() < 0)
        return QStringLiteral("ts");
    if (ph == u"X" && (!e[u"dur"].isDouble() || e[u"dur"].toDouble() < 0))
        return QStringLiteral("a complete event without dur");
    if ((ph == u"b" || ph == u"e") && (!e[u"id"].isString() || !e[u"cat"].isString()))
        return QStringLiteral("an async event without id and category");
    // Arrows are bound by their slices (flow events v2): an id, and one end.
    if (e.contains(u"bind_id") || e.contains(u"flow_in") || e.contains(u"flow_out")) {
        if (ph != u"X")
            return QStringLiteral("an arrow on something other than a slice");
        if (!e[u"bind_id"].isDouble())
            return QStringLiteral("an arrow without a numeric bind_id");
        if (e[u"flow_in"].toBool() == e[u"flow_out"].toBool())
            return QStringLiteral("a slice that is not exactly one end of its arrow");
    }
    if (ph == u"i" && e[u"s"].toString() != u"t")
        return QStringLiteral("an instant without thread scope");
    if (ph == u"C") {
        const QJsonObject args = e[u"args"].toObject();
        if (args.isEmpty())
            return QStringLiteral("a counter without values");
        for (const QJsonValue &v : args)
            if (!v.isDouble())
                return QStringLiteral("a counter value not a number");
    }
    return {};
}

} // namespace

class TestTraceExport : public QObject
{
    Q_OBJECT

private slots:
    void namesAndSuffixes();
    void perfettoFollowsTheFormatAndTheTrace();
    void perfettoOfOverloadShowsTheQueueAndTheFlows();
    void perfettoOfOneCall();
    void perfettoArrowsJoinTheirOwnDatagramsInOneMicrosecond();
    void qlogIsOneRecordPerEvent();
};

void TestTraceExport::namesAndSuffixes()
{
    QCOMPARE(exporting::traceFormatNames(), (QStringList{QStringLiteral("csv"), QStringLiteral("jsonl"),
                                                         QStringLiteral("mermaid"), QStringLiteral("plantuml"),
                                                         QStringLiteral("perfetto"), QStringLiteral("qlog")}));
    for (const QString &name : exporting::traceFormatNames())
        QCOMPARE(exporting::traceFormatNames().at(int(*exporting::traceFormatFromName(name))), name);
    QCOMPARE(exporting::traceFormatForSuffix(u"JSON"), exporting::TraceFormat::Perfetto);
    QCOMPARE(exporting::traceFormatForSuffix(u"sqlog"), exporting::TraceFormat::Qlog);
    QCOMPARE(exporting::traceFormatForSuffix(u"jsonl"), exporting::TraceFormat::JsonLines);
    QCOMPARE(exporting::traceFormatForSuffix(u"svg"), std::nullopt);
    // Every kind of event has a qlog name of its own, by category.
    std::set<QString> names;
    for (int k = 0; k < trace::kEventKindCount; ++k) {
        const QString name = exporting::qlogEventName(EventKind(k));
        QVERIFY2(name.startsWith(u"rpc:") || name.startsWith(u"transport:"), qPrintable(name));
        QVERIFY2(names.insert(name).second, qPrintable(name));
    }
}

// Every scenario: every event as the format requires, async slices and
// flows paired, and the content the trace says: one call slice per call
// started, ending as the call did; one handler slice per run; one flow
// arrow per datagram delivered; one instant per loss and per timeout.
void TestTraceExport::perfettoFollowsTheFormatAndTheTrace()
{
    for (const session::Scenario &scenario : session::scenarios()) {
        const SimRun run(scenarioConfig(scenario.name, 2));
        const QByteArray json = exported(exporting::TraceFormat::Perfetto, run);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(scenario.name + QStringLiteral(": ") + error.errorString()));
        QCOMPARE(doc.object()[u"displayTimeUnit"].toString(), QStringLiteral("ms"));
        const QJsonArray events = doc.object()[u"traceEvents"].toArray();

        std::map<QString, int> open;        // async slices begun and not ended, by category and id
        std::map<qint64, int> flows;        // flow starts minus ends, by id
        std::map<QString, int> processes;   // process names
        qint64 callSlices = 0, handlerSlices = 0, flowEnds = 0, lostInstants = 0, timeoutInstants = 0;
        qint64 okEnds = 0;
        for (const QJsonValue &v : events) {
            const QJsonObject e = v.toObject();
            const QString problem = traceEventProblem(e);
            QVERIFY2(problem.isEmpty(), qPrintable(scenario.name + QStringLiteral(": ") + problem + QStringLiteral(" in ")
                                                   + QString::fromUtf8(QJsonDocument(e).toJson(QJsonDocument::Compact))));
            const QString ph = e[u"ph"].toString();
            if (ph == u"M" && e[u"name"].toString() == u"process_name")
                ++processes[e[u"args"].toObject()[u"name"].toString()];
            if (ph == u"b" || ph == u"e") {
                const QString key = e[u"cat"].toString() + QStringLiteral("/") + e[u"id"].toString();
                open[key] += ph == u"b" ? 1 : -1;
                QVERIFY2(open[key] >= 0 && open[key] <= 1, qPrintable(scenario.name + QStringLiteral(": ") + key));
                if (ph == u"b") {
                    callSlices += e[u"cat"].toString() == u"call";
                    handlerSlices += e[u"cat"].toString() == u"handler";
                } else if (e[u"cat"].toString() == u"call") {
                    okEnds += e[u"args"].toObject()[u"kind"].toString() == u"call-ok";
                }
            }
            if (e[u"flow_out"].toBool())
                QVERIFY2(++flows[e[u"bind_id"].toInteger()] == 1, qPrintable(scenario.name));
            if (e[u"flow_in"].toBool()) {
                QVERIFY2(--flows[e[u"bind_id"].toInteger()] == 0,
                         qPrintable(scenario.name + QStringLiteral(": a flow ends unstarted")));
                ++flowEnds;
            }
            if (ph == u"i") {
                const QString kind = e[u"args"].toObject()[u"kind"].toString();
                lostInstants += kind == u"lost";
                timeoutInstants += kind == u"timeout";
            }
        }
        qint64 started = 0, ok = 0, handlers = 0, delivered = 0, lost = 0, timeouts = 0;
        for (qsizetype i = 0; i < run.view.size(); ++i) {
            const trace::Event &e = run.view.at(i);
            started += e.kind == EventKind::CallStart;
            ok += e.kind == EventKind::CallOk;
            handlers += e.kind == EventKind::HandlerStart;
            delivered += e.kind == EventKind::Deliver;
            lost += e.kind == EventKind::Lost;
            timeouts += e.kind == EventKind::Timeout;
        }
        const QString name = scenario.name;
        QCOMPARE(processes.size(), std::size_t(run.config.clients + 1));
        QVERIFY2(processes.contains(QStringLiteral("server")), qPrintable(name));
        QCOMPARE(callSlices, started);
        QCOMPARE(okEnds, ok);
        QCOMPARE(handlerSlices, handlers);
        QCOMPARE(lostInstants, lost);
        QCOMPARE(timeoutInstants, timeouts);
        // Every delivery, a duplicate's copy too, ends an arrow.
        QCOMPARE(flowEnds, delivered);
        // Every call and handler run ended within the session.
        for (const auto &[key, depth] : open)
            QVERIFY2(depth == 0, qPrintable(name + QStringLiteral(": ") + key));
    }
}

// The overload, as the reader opens it: the counter of datagrams
// waiting for the server climbs while the server is saturated, and the
// datagrams' arrows leave clients and reach the server.
void TestTraceExport::perfettoOfOverloadShowsTheQueueAndTheFlows()
{
    const SimRun run(scenarioConfig(QStringLiteral("overload"), 1));
    const QJsonArray events =
        QJsonDocument::fromJson(exported(exporting::TraceFormat::Perfetto, run)).object()[u"traceEvents"].toArray();
    double peakQueue = 0, peakRunning = 0, peakTimeout = 0;
    qint64 flowsToServer = 0;
    std::map<qint64, int> flowStartPid;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        if (e[u"ph"].toString() == u"C" && e[u"name"].toString() == u"datagrams on the way to the server")
            peakQueue = std::max(peakQueue, e[u"args"].toObject()[u"datagrams"].toDouble());
        if (e[u"ph"].toString() == u"C" && e[u"name"].toString() == u"handlers running")
            peakRunning = std::max(peakRunning, e[u"args"].toObject()[u"handlers"].toDouble());
        if (e[u"ph"].toString() == u"C" && e[u"name"].toString() == u"timeout (ms)")
            peakTimeout = std::max(peakTimeout, e[u"args"].toObject()[u"ms"].toDouble());
        if (e[u"flow_out"].toBool())
            flowStartPid[e[u"bind_id"].toInteger()] = e[u"pid"].toInt();
        if (e[u"flow_in"].toBool() && e[u"pid"].toInt() == 1) {
            ++flowsToServer;
            QVERIFY(flowStartPid[e[u"bind_id"].toInteger()] > 1); // from a client
        }
    }
    QVERIFY2(peakQueue >= 40, qPrintable(QString::number(peakQueue))); // 40 clients' requests at once
    QVERIFY(peakRunning >= 1);
    QVERIFY(peakTimeout > 0);
    QVERIFY(flowsToServer > 1000);
}

// --call: the events of one call only, still a whole trace.
void TestTraceExport::perfettoOfOneCall()
{
    const SimRun run(scenarioConfig(QStringLiteral("dropped-reply"), 1));
    exporting::ExportRange range;
    range.call = std::pair{core::HostId(1), std::uint32_t(1)};
    const QJsonDocument doc = QJsonDocument::fromJson(exported(exporting::TraceFormat::Perfetto, run, range));
    QVERIFY(doc.isObject());
    int callSlices = 0;
    for (const QJsonValue &v : doc.object()[u"traceEvents"].toArray()) {
        const QJsonObject e = v.toObject();
        QVERIFY(traceEventProblem(e).isEmpty());
        // Every event drawn carries the call's own event in its args.
        const QString ph = e[u"ph"].toString();
        if (ph == u"X" || ph == u"b" || ph == u"e" || ph == u"i")
            QCOMPARE(e[u"args"].toObject()[u"call"].toInt(), 1);
        callSlices += e[u"ph"].toString() == u"b" && e[u"cat"].toString() == u"call";
    }
    QCOMPARE(callSlices, 1);
}

// A window of calls sends several requests from one client in the same
// microsecond, and the server answers several in one. Each arrow must still
// leave the slice of its own datagram and reach the slice of the same
// datagram: same call, attempt and kind at both ends.
void TestTraceExport::perfettoArrowsJoinTheirOwnDatagramsInOneMicrosecond()
{
    session::SessionConfig config = scenarioConfig(QStringLiteral("lossy"), 4);
    config.window = 8;
    config.toServer.jitter = config.toClient.jitter = core::Duration(0);
    const SimRun run(config);
    const QJsonArray events =
        QJsonDocument::fromJson(exported(exporting::TraceFormat::Perfetto, run)).object()[u"traceEvents"].toArray();
    std::map<qint64, QJsonObject> leaving; // by arrow
    std::map<std::pair<int, double>, int> leavingAt; // arrows leaving one host in one microsecond
    qint64 joined = 0;
    for (const QJsonValue &v : events) {
        const QJsonObject e = v.toObject();
        if (e[u"flow_out"].toBool()) {
            leaving[e[u"bind_id"].toInteger()] = e;
            ++leavingAt[{e[u"pid"].toInt(), e[u"ts"].toDouble()}];
        }
        if (!e[u"flow_in"].toBool())
            continue;
        const auto from = leaving.find(e[u"bind_id"].toInteger());
        QVERIFY(from != leaving.end());
        const QJsonObject sent = from->second[u"args"].toObject();
        const QJsonObject got = e[u"args"].toObject();
        for (const char *field : {"call", "attempt", "datagram", "client", "fragment"})
            QVERIFY2(sent[QLatin1String(field)] == got[QLatin1String(field)],
                     qPrintable(QStringLiteral("%1: sent %2, delivered %3")
                                    .arg(QLatin1String(field),
                                         QString::fromUtf8(QJsonDocument(sent).toJson(QJsonDocument::Compact)),
                                         QString::fromUtf8(QJsonDocument(got).toJson(QJsonDocument::Compact)))));
        QVERIFY(sent[u"kind"].toString() == u"send" || sent[u"kind"].toString() == u"duplicated");
        QCOMPARE(got[u"kind"].toString(), QStringLiteral("deliver"));
        ++joined;
    }
    int sharedMicroseconds = 0;
    for (const auto &[where, n] : leavingAt)
        sharedMicroseconds += n > 1;
    QVERIFY2(sharedMicroseconds > 0, "no two datagrams left one host in one microsecond: the test tests nothing");
    QVERIFY(joined > 100);
}

// JSON-SEQ (RFC 7464): a record separator before each record, a newline
// after; a header, then the events one for one, in time order, each named
// as qlogEventName() says with the event's fields as its data.
void TestTraceExport::qlogIsOneRecordPerEvent()
{
    for (const session::Scenario &scenario : session::scenarios()) {
        const SimRun run(scenarioConfig(scenario.name, 3));
        const QByteArray text = exported(exporting::TraceFormat::Qlog, run);
        QVERIFY(text.startsWith('\x1e'));
        QVERIFY(text.endsWith('\n'));
        const QList<QByteArray> records = text.mid(1).split('\x1e');
        QCOMPARE(records.size(), run.view.size() + 1);
        const QJsonObject header = QJsonDocument::fromJson(records[0]).object();
        QCOMPARE(header[u"qlog_format"].toString(), QStringLiteral("JSON-SEQ"));
        QVERIFY(!header[u"qlog_version"].toString().isEmpty());
        QCOMPARE(header[u"trace"].toObject()[u"common_fields"].toObject()[u"time_format"].toString(),
                 QStringLiteral("relative"));
        QVERIFY(header[u"trace"].toObject()[u"vantage_point"].toObject().contains(u"type"));
        double last = 0;
        for (qsizetype i = 0; i < run.view.size(); ++i) {
            const QByteArray &record = records[i + 1];
            QVERIFY(record.endsWith('\n'));
            QJsonParseError error;
            const QJsonObject o = QJsonDocument::fromJson(record, &error).object();
            QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
            const trace::Event &e = run.view.at(i);
            QCOMPARE(o[u"name"].toString(), exporting::qlogEventName(e.kind));
            QCOMPARE(o[u"time"].toDouble(), double(e.timeUs) / 1000.0);
            QVERIFY(o[u"time"].toDouble() >= last);
            last = o[u"time"].toDouble();
            QCOMPARE(o[u"data"].toObject()[u"call"].toInteger(), qint64(e.callId));
        }
    }
}

QTEST_GUILESS_MAIN(TestTraceExport)
#include "tst_traceexport.moc"
