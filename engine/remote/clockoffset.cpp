#include "clockoffset.h"

#include <algorithm>

namespace rpcscope::remote {

void ClockOffset::addSample(core::TimePoint sent, core::TimePoint serverNow, core::TimePoint received)
{
    if (received < sent)
        return; // not a round trip on one clock
    const core::Duration roundTrip = received - sent;
    // Midpoint without overflow: sent + half the round trip.
    m_window.push_back({serverNow - (sent + roundTrip / 2), roundTrip});
    if (m_window.size() > kWindow)
        m_window.pop_front();
    ++m_samples;
}

void ClockOffset::reset()
{
    m_window.clear();
    m_samples = 0;
}

const ClockOffset::Sample *ClockOffset::best() const
{
    if (m_window.empty())
        return nullptr;
    // The latest of equally short round trips: the most recent reading of the drift.
    const auto it = std::min_element(m_window.rbegin(), m_window.rend(),
                                     [](const Sample &a, const Sample &b) { return a.roundTrip < b.roundTrip; });
    return &*it;
}

core::Duration ClockOffset::offset() const
{
    const Sample *s = best();
    return s ? s->offset : core::Duration(0);
}

core::Duration ClockOffset::roundTrip() const
{
    const Sample *s = best();
    return s ? s->roundTrip : core::Duration(0);
}

} // namespace rpcscope::remote
