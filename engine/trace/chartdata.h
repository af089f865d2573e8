#pragma once

#include "base/event.h"
#include "rttestimates.h"

#include <QList>
#include <QPointF>

#include <array>
#include <cstdint>
#include <vector>

namespace rpcscope::trace {

// The running aggregates the charts are drawn from: taken in one event at a
// time, in trace order, so each list is sorted by time and a million-event
// trace is read once. Plain data without widgets, so that the charts'
// numbers are tested headless, and the Charts dock and the compare window
// count alike. Times and durations are in milliseconds.
struct ChartData
{
    // Attempts per finished call are counted in buckets 1..9 and "10 or more".
    static constexpr int kAttemptBuckets = 10;
    // Goodput is counted in 10 ms bins, up to about 28 hours; later times are not counted.
    static constexpr std::int64_t kGoodputBinUs = 10'000;
    static constexpr std::size_t kMaxGoodputBins = 10'000'000;

    // A finished call: when it ended and how many attempts it took.
    struct FinishedCall
    {
        std::int64_t timeUs;
        std::uint16_t attempts;
    };
    // A successful call's latency, by the time it completed.
    struct Latency
    {
        std::int64_t timeUs;
        double ms;
    };

    void take(const Event &event);
    void clear() { *this = ChartData(); }
    // Every ok call's latency so far, sorted: those taken in since the last
    // call are merged into the rest.
    const std::vector<double> &sortedLatencies();

    std::int64_t lastUs = 0;
    QList<QPointF> rttSamples;               // (ms, RTT ms): the samples the clients' estimators took
    RttEstimates estimates;                  // each client's samples, SRTT and RTTVAR
    QList<QPointF> srttLine, rttBoundLine;   // client 1's SRTT and SRTT + 4·RTTVAR
    QList<QPointF> timeouts;                 // (ms, the timeout that expired, ms)
    std::vector<FinishedCall> finished;
    std::array<qint64, kAttemptBuckets> attemptCounts{};
    std::vector<Latency> latencies;          // in completion order
    std::vector<qint64> callsPerBin;         // completions per kGoodputBinUs
    std::vector<qint64> bytesPerBin;         // delivered bytes per kGoodputBinUs
    qint64 outstandingNow = 0;
    QList<QPointF> outstandingSteps;         // (ms, calls outstanding from then on)

private:
    std::vector<double> m_sortedMs;          // latencies[0, m_sortedUpTo) sorted
    std::size_t m_sortedUpTo = 0;
};

} // namespace rpcscope::trace
