#include "summary.h"

#include "wire/datagram.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace rpcscope::session {

using trace::EventKind;

std::int64_t Summary::failedTotal() const
{
    std::int64_t total = 0;
    for (const auto &[reason, count] : failed)
        total += count;
    return total;
}

QJsonObject Summary::toJson() const
{
    QJsonObject failedObject;
    for (const auto &[reason, count] : failed)
        failedObject.insert(reason, qint64(count));
    QJsonObject json{
        {QStringLiteral("seed"), qint64(seed)},
        {QStringLiteral("calls"), qint64(calls)},
        {QStringLiteral("ok"), qint64(ok)},
        {QStringLiteral("failed"), failedObject},
        {QStringLiteral("executions"), qint64(executions)},
        {QStringLiteral("duplicates_suppressed"), qint64(duplicatesSuppressed)},
        {QStringLiteral("cached_replies_resent"), qint64(cachedRepliesResent)},
        {QStringLiteral("retransmissions"), qint64(retransmissions)},
        {QStringLiteral("probes"), qint64(probes)},
        {QStringLiteral("datagrams"),
         QJsonObject{{QStringLiteral("sent"), qint64(datagrams.sent)},
                     {QStringLiteral("delivered"), qint64(datagrams.delivered)},
                     {QStringLiteral("lost"), qint64(datagrams.lost)},
                     {QStringLiteral("duplicated"), qint64(datagrams.duplicated)},
                     {QStringLiteral("corrupted"), qint64(datagrams.corrupted)},
                     {QStringLiteral("checksum_rejected"), qint64(datagrams.checksumRejected)},
                     {QStringLiteral("corrupt_accepted"), qint64(datagrams.corruptAccepted)},
                     {QStringLiteral("malformed"), qint64(datagrams.malformed)}}},
        {QStringLiteral("latency_ms"),
         QJsonObject{{QStringLiteral("p50"), latency.p50},
                     {QStringLiteral("p90"), latency.p90},
                     {QStringLiteral("p99"), latency.p99},
                     {QStringLiteral("max"), latency.max}}},
        {QStringLiteral("virtual_ms"), virtualMs},
        {QStringLiteral("wall_ms"), wallMs},
    };
    if (counterTotal)
        json.insert(QStringLiteral("counter_total"), qint64(*counterTotal));
    if (!service.isEmpty())
        json.insert(QStringLiteral("service"), service);
    return json;
}

void SummaryBuilder::record(const trace::Event &e)
{
    m_lastTimeUs = std::max(m_lastTimeUs, e.timeUs);
    auto &d = m_summary.datagrams;
    switch (e.kind) {
    case EventKind::CallStart: ++m_summary.calls; break;
    case EventKind::CallOk:
        ++m_summary.ok;
        m_latenciesUs.push_back(e.detail);
        break;
    case EventKind::CallFailed: ++m_summary.failed[trace::callErrorName(trace::CallError(e.detail))]; break;
    case EventKind::HandlerStart: ++m_summary.executions; break;
    case EventKind::DuplicateSuppressed: ++m_summary.duplicatesSuppressed; break;
    case EventKind::CachedReplyResent: ++m_summary.cachedRepliesResent; break;
    case EventKind::Retransmit:
        if (wire::DatagramKind(e.datagram) == wire::DatagramKind::Probe)
            ++m_summary.probes;
        else
            ++m_summary.retransmissions;
        break;
    case EventKind::Send: ++d.sent; break;
    case EventKind::Deliver: ++d.delivered; break;
    case EventKind::Lost: ++d.lost; break;
    case EventKind::Duplicated: ++d.duplicated; break;
    case EventKind::Corrupted: ++d.corrupted; break;
    case EventKind::ChecksumFail: ++d.checksumRejected; break;
    case EventKind::CorruptAccepted: ++d.corruptAccepted; break;
    case EventKind::MalformedDropped: ++d.malformed; break;
    default: break;
    }
}

Summary SummaryBuilder::finish()
{
    Summary s = m_summary;
    s.virtualMs = double(m_lastTimeUs) / 1000.0;
    if (!m_latenciesUs.empty()) {
        std::sort(m_latenciesUs.begin(), m_latenciesUs.end());
        // Nearest-rank percentiles.
        const auto rank = [&](double p) {
            const auto n = m_latenciesUs.size();
            auto i = std::size_t(std::ceil(p * double(n)));
            i = std::clamp<std::size_t>(i, 1, n) - 1;
            return double(m_latenciesUs[i]) / 1000.0;
        };
        s.latency = {rank(0.50), rank(0.90), rank(0.99), double(m_latenciesUs.back()) / 1000.0};
    }
    return s;
}

Summary SummaryBuilder::fromTrace(const trace::TraceLog::View &view)
{
    SummaryBuilder builder;
    for (qsizetype i = 0; i < view.size(); ++i)
        builder.record(view.at(i));
    return builder.finish();
}

} // namespace rpcscope::session
