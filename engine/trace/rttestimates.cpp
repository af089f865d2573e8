#include "rttestimates.h"

#include "wire/datagram.h"

#include <algorithm>

namespace rpcscope::trace {

std::optional<RttEstimates::Sample> RttEstimates::take(const Event &e)
{
    switch (e.kind) {
    case EventKind::Send:
        if (e.from == e.client && e.datagram == std::uint8_t(wire::DatagramKind::Probe))
            m_probed.insert({e.client, e.callId});
        return std::nullopt;
    case EventKind::CallFailed:
        m_probed.erase({e.client, e.callId});
        return std::nullopt;
    case EventKind::CallOk: {
        if (!core::givesRttSample(e.attempt, m_probed.erase({e.client, e.callId}) > 0))
            return std::nullopt;
        core::RetryPolicy &estimator = m_estimators.try_emplace(e.client).first->second;
        estimator.addRttSample(core::Duration(e.detail));
        Sample s;
        s.time = e.time();
        s.client = e.client;
        s.rtt = core::Duration(e.detail);
        s.srtt = estimator.smoothedRtt().value_or(core::Duration(0));
        s.rttvar = estimator.rttVariance().value_or(core::Duration(0));
        m_history[e.client].push_back(s);
        return s;
    }
    default:
        return std::nullopt;
    }
}

std::optional<RttEstimates::Sample> RttEstimates::at(core::HostId client, core::TimePoint time) const
{
    const auto it = m_history.find(client);
    if (it == m_history.end())
        return std::nullopt;
    const std::vector<Sample> &h = it->second;
    const auto after = std::upper_bound(h.begin(), h.end(), time,
                                        [](core::TimePoint t, const Sample &s) { return t < s.time; });
    if (after == h.begin())
        return std::nullopt;
    return *(after - 1);
}

} // namespace rpcscope::trace
