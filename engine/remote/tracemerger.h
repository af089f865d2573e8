#pragma once

#include "base/clock.h"
#include "base/event.h"

#include <cstdint>
#include <deque>

namespace rpcscope::remote {

// Merges our clients' events and a remote server's (already on our clock
// and with our host ids) into one trace in time order, which is what every
// view of a trace expects. The server's events arrive in batches, later
// than ours, so events are held until both sides have reported everything
// up to their time (the watermark the caller passes to release()), then
// handed on oldest first.
//
// Each side's own order is kept. Where the two sides meet on one
// microsecond (the clocks are known only to within a round trip), a
// delivery goes after what the other side did then: a datagram is sent
// before it arrives.
//
// An event that arrives for a time already released (the clock estimate
// moved, or a source fell silent and the caller released without it) is
// handed on at the watermark instead, keeping the order, and counted.
class TraceMerger
{
public:
    explicit TraceMerger(trace::EventSink *out);

    void addLocal(const trace::Event &event) { add(m_local, event); }
    void addRemote(const trace::Event &event) { add(m_remote, event); }

    // Everything up to and including `time` is in: hand it on.
    void release(core::TimePoint time);
    // Hands on everything held, whatever its time (the session ended).
    void flush();

    core::TimePoint released() const { return m_released; }
    qsizetype held() const { return qsizetype(m_local.size() + m_remote.size()); }
    std::uint64_t late() const { return m_late; }

private:
    using Stream = std::deque<trace::Event>;
    void add(Stream &stream, trace::Event event);

    trace::EventSink *m_out;
    Stream m_local;
    Stream m_remote;
    core::TimePoint m_released{-1};
    std::uint64_t m_late = 0;
};

} // namespace rpcscope::remote
