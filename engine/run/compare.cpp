#include "compare.h"

#include "trace/chartdata.h"
#include "trace/jsonlines.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <map>

namespace rpcscope::session {

using trace::EventKind;

QString CallEnd::outcome() const
{
    if (!ended())
        return QStringLiteral("running");
    return ok ? QStringLiteral("ok") : trace::callErrorName(error);
}

std::vector<CallEnd> callEnds(const trace::TraceLog::View &view)
{
    std::map<std::pair<core::HostId, std::uint32_t>, CallEnd> calls;
    for (qsizetype i = 0; i < view.size(); ++i) {
        const trace::Event &e = view.at(i);
        if (!e.callId || !e.client)
            continue;
        const auto key = std::make_pair(e.client, e.callId);
        if (e.kind == EventKind::CallStart) {
            CallEnd &c = calls[key];
            c.client = e.client;
            c.call = e.callId;
            c.startUs = e.timeUs;
            continue;
        }
        const auto it = calls.find(key);
        if (it == calls.end())
            continue; // a datagram of a call this trace did not see begin
        CallEnd &c = it->second;
        c.attempts = std::max(c.attempts, e.attempt);
        if (e.kind == EventKind::CallOk) {
            c.endUs = e.timeUs;
            c.ok = true;
            c.latencyUs = e.detail;
        } else if (e.kind == EventKind::CallFailed) {
            c.endUs = e.timeUs;
            c.error = trace::CallError(e.detail);
        }
    }
    std::vector<CallEnd> out;
    out.reserve(calls.size());
    for (auto &[key, call] : calls)
        out.push_back(call);
    return out;
}

Divergence firstDivergence(const trace::TraceLog::View &a, const trace::TraceLog::View &b)
{
    const auto skip = [](const trace::TraceLog::View &v, qsizetype i) {
        while (i < v.size() && v.at(i).kind == EventKind::ParamChange)
            ++i;
        return i;
    };
    qsizetype i = skip(a, 0), j = skip(b, 0);
    while (i < a.size() && j < b.size()) {
        if (!(a.at(i) == b.at(j)))
            return {i, j};
        i = skip(a, i + 1);
        j = skip(b, j + 1);
    }
    if (i < a.size() || j < b.size())
        return {i, j};
    return {};
}

RunCurves runCurves(const trace::TraceLog::View &view)
{
    // Counted as the Charts dock counts them.
    trace::ChartData data;
    for (qsizetype i = 0; i < view.size(); ++i)
        data.take(view.at(i));
    RunCurves c;
    c.okLatenciesMs = data.sortedLatencies();
    std::ranges::copy(data.attemptCounts, c.attempts.begin());
    for (const QPointF &p : std::as_const(data.rttSamples))
        c.rttSamples.emplace_back(p.x(), p.y());
    for (const QPointF &p : std::as_const(data.timeouts))
        c.timeouts.emplace_back(p.x(), p.y());
    return c;
}

double goodput(const Summary &s)
{
    return s.virtualMs > 0 ? double(s.ok) * 1000.0 / s.virtualMs : 0.0;
}

std::vector<MetricRow> metricRows(const Summary &a, const Summary &b)
{
    std::vector<MetricRow> rows;
    const auto add = [&](const char *key, const char *label, double va, double vb) {
        rows.push_back({QString::fromLatin1(key), QString::fromLatin1(label), va, vb});
    };
    add("calls", "calls", double(a.calls), double(b.calls));
    add("ok", "calls ok", double(a.ok), double(b.ok));
    add("failed", "calls failed", double(a.failedTotal()), double(b.failedTotal()));
    // By reason, every reason either run has.
    std::map<QString, std::pair<std::int64_t, std::int64_t>> reasons;
    for (const auto &[reason, count] : a.failed)
        reasons[reason].first = count;
    for (const auto &[reason, count] : b.failed)
        reasons[reason].second = count;
    for (const auto &[reason, counts] : reasons)
        rows.push_back({QStringLiteral("failed.") + reason, QStringLiteral("  failed: ") + reason,
                        double(counts.first), double(counts.second)});
    add("executions", "handler executions", double(a.executions), double(b.executions));
    add("duplicates_suppressed", "duplicates suppressed", double(a.duplicatesSuppressed),
        double(b.duplicatesSuppressed));
    add("cached_replies_resent", "answered from the reply cache", double(a.cachedRepliesResent),
        double(b.cachedRepliesResent));
    add("retransmissions", "retransmissions", double(a.retransmissions), double(b.retransmissions));
    add("datagrams.sent", "datagrams sent", double(a.datagrams.sent), double(b.datagrams.sent));
    add("datagrams.lost", "datagrams lost", double(a.datagrams.lost), double(b.datagrams.lost));
    add("latency_ms.p50", "latency p50 ms", a.latency.p50, b.latency.p50);
    add("latency_ms.p90", "latency p90 ms", a.latency.p90, b.latency.p90);
    add("latency_ms.p99", "latency p99 ms", a.latency.p99, b.latency.p99);
    add("goodput", "goodput calls/s", goodput(a), goodput(b));
    add("virtual_ms", "virtual time ms", a.virtualMs, b.virtualMs);
    return rows;
}

Comparison compareRuns(const trace::TraceLog::View &a, const trace::TraceLog::View &b)
{
    Comparison c;
    c.a = SummaryBuilder::fromTrace(a);
    c.b = SummaryBuilder::fromTrace(b);
    c.divergence = firstDivergence(a, b);
    c.callsA = callEnds(a);
    c.callsB = callEnds(b);
    // Both lists are sorted by (client, call): walk them together.
    const auto key = [](const CallEnd &e) { return std::make_pair(e.client, e.call); };
    std::size_t i = 0, j = 0;
    while (i < c.callsA.size() || j < c.callsB.size()) {
        if (j == c.callsB.size() || (i < c.callsA.size() && key(c.callsA[i]) < key(c.callsB[j]))) {
            c.differing.emplace_back(qsizetype(i++), -1);
        } else if (i == c.callsA.size() || key(c.callsB[j]) < key(c.callsA[i])) {
            c.differing.emplace_back(-1, qsizetype(j++));
        } else {
            const CallEnd &x = c.callsA[i], &y = c.callsB[j];
            if (x.ended() != y.ended() || x.ok != y.ok || x.error != y.error || x.attempts != y.attempts
                || x.latencyUs != y.latencyUs)
                c.differing.emplace_back(qsizetype(i), qsizetype(j));
            ++i;
            ++j;
        }
    }
    return c;
}

namespace {

QJsonObject callJson(const CallEnd &c)
{
    QJsonObject o{{QStringLiteral("outcome"), c.outcome()}, {QStringLiteral("attempts"), int(c.attempts)}};
    if (c.ok)
        o.insert(QStringLiteral("latency_ms"), double(c.latencyUs) / 1000.0);
    return o;
}

QJsonValue eventJson(const trace::TraceLog::View &view, qsizetype index)
{
    if (index >= view.size())
        return QJsonValue(); // that run had ended
    return QJsonDocument::fromJson(trace::eventToJson(view.at(index))).object();
}

} // namespace

QJsonObject Comparison::toJson(const trace::TraceLog::View &viewA, const trace::TraceLog::View &viewB) const
{
    QJsonArray table;
    for (const MetricRow &row : metricRows(a, b))
        table.append(QJsonObject{{QStringLiteral("metric"), row.key},
                                 {QStringLiteral("a"), row.a},
                                 {QStringLiteral("b"), row.b},
                                 {QStringLiteral("delta"), row.delta()}});
    QJsonValue divergenceJson;
    if (divergence.found())
        divergenceJson = QJsonObject{{QStringLiteral("index_a"), qint64(divergence.a)},
                                     {QStringLiteral("index_b"), qint64(divergence.b)},
                                     {QStringLiteral("event_a"), eventJson(viewA, divergence.a)},
                                     {QStringLiteral("event_b"), eventJson(viewB, divergence.b)}};
    QJsonArray calls;
    for (const auto &[i, j] : differing) {
        const CallEnd &any = i >= 0 ? callsA[std::size_t(i)] : callsB[std::size_t(j)];
        QJsonObject o{{QStringLiteral("client"), trace::hostName(any.client)},
                      {QStringLiteral("call"), qint64(any.call)}};
        o.insert(QStringLiteral("a"), i >= 0 ? QJsonValue(callJson(callsA[std::size_t(i)])) : QJsonValue());
        o.insert(QStringLiteral("b"), j >= 0 ? QJsonValue(callJson(callsB[std::size_t(j)])) : QJsonValue());
        calls.append(o);
    }
    return QJsonObject{{QStringLiteral("a"), a.toJson()},
                       {QStringLiteral("b"), b.toJson()},
                       {QStringLiteral("table"), table},
                       {QStringLiteral("first_divergence"), divergenceJson},
                       {QStringLiteral("differing_calls"), calls}};
}

} // namespace rpcscope::session
