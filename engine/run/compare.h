#pragma once

#include "base/event.h"
#include "session/summary.h"
#include "trace/chartdata.h"
#include "trace/tracelog.h"

#include <QJsonObject>
#include <QString>

#include <array>
#include <optional>
#include <vector>

namespace rpcscope::session {

// How one call ended, as its client saw it.
struct CallEnd
{
    core::HostId client = 0;
    std::uint32_t call = 0;
    std::int64_t startUs = -1;
    std::int64_t endUs = -1;          // -1: still running when the trace ends
    bool ok = false;
    trace::CallError error{};         // when it ended and not ok
    std::uint16_t attempts = 0;       // the highest attempt sent
    std::int64_t latencyUs = 0;       // when ok

    bool ended() const { return endUs >= 0; }
    // "ok", "max-attempts", …, "running"
    QString outcome() const;
    friend bool operator==(const CallEnd &, const CallEnd &) = default;
};

// Every call in the trace, ordered by client and call id.
std::vector<CallEnd> callEnds(const trace::TraceLog::View &view);

// The first event at which two runs differ, as an index into each. Changed
// settings (ParamChange events) are skipped: a fork differs from its
// original by the change it makes, and what matters is the first thing
// that happens differently because of it. An index equal to its run's size
// means that run ended there and the other went on.
struct Divergence
{
    qsizetype a = -1;
    qsizetype b = -1;
    bool found() const { return a >= 0; }
};
Divergence firstDivergence(const trace::TraceLog::View &a, const trace::TraceLog::View &b);

// One line of the A | B | Δ table.
struct MetricRow
{
    QString key;   // for JSON: "ok", "failed.max-attempts", "latency_ms.p90"
    QString label; // English, for the command line: "calls failed: max-attempts"
    double a = 0;
    double b = 0;
    double delta() const { return b - a; }
};
// The figures people compare two runs by, in the order a table shows them:
// calls ok, failed by reason, executions, duplicates answered from the
// cache, retransmissions, datagrams, latency percentiles, goodput.
std::vector<MetricRow> metricRows(const Summary &a, const Summary &b);
// Calls completed per second of virtual time.
double goodput(const Summary &s);

// What the compare window's charts draw of one run: the latency CDF, the
// attempts each finished call took, and the RTT samples against the
// timeouts that expired.
struct RunCurves
{
    static constexpr int kAttemptBuckets = trace::ChartData::kAttemptBuckets; // 1..9 and "10 or more"
    std::vector<double> okLatenciesMs;         // sorted
    std::array<std::int64_t, kAttemptBuckets> attempts{};
    std::vector<std::pair<double, double>> rttSamples; // (session ms, RTT ms): the estimator's samples
    std::vector<std::pair<double, double>> timeouts;   // (session ms, timeout that expired ms)
};
RunCurves runCurves(const trace::TraceLog::View &view);

// Two runs side by side.
struct Comparison
{
    Summary a;
    Summary b;
    Divergence divergence;
    std::vector<CallEnd> callsA; // as callEnds()
    std::vector<CallEnd> callsB;
    // The (client, call) pairs whose outcome, attempts or latency differ,
    // as indices into callsA and callsB (-1: the call is not in that run).
    std::vector<std::pair<qsizetype, qsizetype>> differing;

    // Both summaries, the table, the first divergence (index, time and the
    // two events) and every differing call.
    QJsonObject toJson(const trace::TraceLog::View &viewA, const trace::TraceLog::View &viewB) const;
};
Comparison compareRuns(const trace::TraceLog::View &a, const trace::TraceLog::View &b);

} // namespace rpcscope::session
