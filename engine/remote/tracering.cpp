#include "tracering.h"

#include <QtGlobal>

#include <algorithm>

namespace rpcscope::remote {

TraceRing::TraceRing(std::size_t capacity)
    : m_capacity(std::max<std::size_t>(capacity, 1)) // a release build given 0 still keeps the newest event
{
    Q_ASSERT_X(capacity >= 1, "TraceRing", "a ring holds at least one event");
}

void TraceRing::record(const trace::Event &event)
{
    std::lock_guard lock(m_mutex);
    if (m_events.size() < m_capacity)
        m_events.push_back(event);
    else
        m_events[std::size_t(m_next % m_capacity)] = event;
    ++m_next;
}

TraceRing::Slice TraceRing::read(std::uint64_t from, std::size_t max) const
{
    Slice slice;
    std::lock_guard lock(m_mutex);
    const std::uint64_t oldest = m_next - m_events.size();
    slice.first = std::max(from, oldest);
    if (slice.first >= m_next)
        return slice;
    const std::size_t count = std::size_t(std::min<std::uint64_t>(m_next - slice.first, max));
    slice.events.reserve(count);
    for (std::uint64_t n = slice.first; n < slice.first + count; ++n)
        slice.events.push_back(m_events[std::size_t(n % m_capacity)]);
    return slice;
}

std::uint64_t TraceRing::next() const
{
    std::lock_guard lock(m_mutex);
    return m_next;
}

} // namespace rpcscope::remote
