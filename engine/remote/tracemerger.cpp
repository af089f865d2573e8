#include "tracemerger.h"

#include <algorithm>

namespace rpcscope::remote {

TraceMerger::TraceMerger(trace::EventSink *out)
    : m_out(out)
{
}

void TraceMerger::add(Stream &stream, trace::Event event)
{
    if (event.time() <= m_released) {
        event.timeUs = m_released.count();
        ++m_late;
    }
    // Events are stamped on several threads before they are recorded, so
    // one may come a little after a later one: put it in its place, after
    // any of the same time.
    const auto at = std::upper_bound(stream.begin(), stream.end(), event.timeUs,
                                     [](std::int64_t t, const trace::Event &e) { return t < e.timeUs; });
    stream.insert(at, event);
}

void TraceMerger::release(core::TimePoint time)
{
    if (time <= m_released)
        return;
    const auto ready = [time](const Stream &s) { return !s.empty() && s.front().time() <= time; };
    while (ready(m_local) || ready(m_remote)) {
        bool local = ready(m_local);
        if (local && ready(m_remote)) {
            const trace::Event &l = m_local.front();
            const trace::Event &r = m_remote.front();
            if (l.timeUs != r.timeUs)
                local = l.timeUs < r.timeUs;
            else
                local = l.kind != trace::EventKind::Deliver || r.kind == trace::EventKind::Deliver;
        }
        Stream &from = local ? m_local : m_remote;
        m_out->record(from.front());
        from.pop_front();
    }
    m_released = time;
}

void TraceMerger::flush()
{
    std::int64_t last = m_released.count();
    for (const Stream *s : {&m_local, &m_remote})
        if (!s->empty())
            last = std::max(last, s->back().timeUs);
    // One past the last: an event held exactly at the watermark goes too.
    release(core::TimePoint(last + 1));
}

} // namespace rpcscope::remote
