#include "chartdata.h"

#include <algorithm>

namespace rpcscope::trace {

namespace {

double toMs(std::int64_t us)
{
    return double(us) / 1000.0;
}

} // namespace

void ChartData::take(const Event &e)
{
    lastUs = std::max(lastUs, e.timeUs);
    const double ms = toMs(e.timeUs);
    const auto stepTo = [&](qint64 outstanding) {
        outstandingNow = outstanding;
        // Several calls starting or ending at one instant make one step.
        if (!outstandingSteps.isEmpty() && outstandingSteps.constLast().x() == ms)
            outstandingSteps.last().setY(double(outstanding));
        else
            outstandingSteps.append(QPointF(ms, double(outstanding)));
    };
    const auto finish = [&] {
        stepTo(std::max<qint64>(0, outstandingNow - 1));
        // Attempt 0 (a call that never got to send) counts with the single-attempt calls.
        const std::uint16_t attempts = std::max<std::uint16_t>(1, e.attempt);
        finished.push_back({e.timeUs, attempts});
        ++attemptCounts[std::size_t(std::min<int>(attempts, kAttemptBuckets) - 1)];
    };
    const auto bin = [&](std::vector<qint64> &bins) -> qint64 * {
        const auto i = std::size_t(std::max<std::int64_t>(0, e.timeUs) / kGoodputBinUs);
        if (i >= kMaxGoodputBins)
            return nullptr;
        if (i >= bins.size())
            bins.resize(i + 1, 0);
        return &bins[i];
    };
    switch (e.kind) {
    case EventKind::CallStart:
        stepTo(outstandingNow + 1);
        break;
    case EventKind::CallOk:
        finish();
        latencies.push_back({e.timeUs, toMs(e.detail)});
        // The samples the client's estimator took (Karn's rule, in the core).
        if (const std::optional<RttEstimates::Sample> sample = estimates.take(e)) {
            rttSamples.append(QPointF(ms, toMs(sample->rtt.count())));
            const double srtt = toMs(sample->srtt.count());
            const double rttvar = toMs(sample->rttvar.count());
            // Client 1's line: several clients' estimates would zig-zag into one.
            if (e.client == 1) {
                srttLine.append(QPointF(ms, srtt));
                rttBoundLine.append(QPointF(ms, srtt + 4 * rttvar));
            }
        }
        if (qint64 *b = bin(callsPerBin))
            ++*b;
        break;
    case EventKind::CallFailed:
        finish();
        estimates.take(e);
        break;
    case EventKind::Send:
        estimates.take(e); // a probe: that call gives no sample
        break;
    case EventKind::Timeout:
        timeouts.append(QPointF(ms, toMs(e.detail)));
        break;
    case EventKind::Deliver:
        if (qint64 *b = bin(bytesPerBin))
            *b += e.size;
        break;
    default:
        break;
    }
}

const std::vector<double> &ChartData::sortedLatencies()
{
    if (m_sortedUpTo < latencies.size()) {
        const auto middle = qsizetype(m_sortedMs.size());
        for (std::size_t i = m_sortedUpTo; i < latencies.size(); ++i)
            m_sortedMs.push_back(latencies[i].ms);
        std::sort(m_sortedMs.begin() + middle, m_sortedMs.end());
        std::inplace_merge(m_sortedMs.begin(), m_sortedMs.begin() + middle, m_sortedMs.end());
        m_sortedUpTo = latencies.size();
    }
    return m_sortedMs;
}

} // namespace rpcscope::trace
