#pragma once

#include "base/event.h"

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <vector>

namespace rpcscope::remote {

// A server's recent trace, for TraceFeed: a bounded ring of events, each
// numbered from 0 in the order recorded. Thread-safe.
//
// The server records into it from its engine thread while the feed reads
// from a handler thread. A reader that falls more than `capacity` events
// behind loses the oldest ones: the server's memory stays bounded however
// slow (or absent) its readers are, and the gap shows in Slice::first.
class TraceRing final : public trace::EventSink
{
public:
    static constexpr std::size_t kDefaultCapacity = 262'144; // 8 MiB of events

    // `capacity` must be at least 1. Memory grows with the events recorded,
    // up to `capacity` of them.
    explicit TraceRing(std::size_t capacity = kDefaultCapacity);

    void record(const trace::Event &event) override;

    struct Slice
    {
        std::uint64_t first = 0; // the number of events.front()
        std::vector<trace::Event> events;
    };

    // Events numbered from `from` on, at most `max`; `first` is later than
    // `from` when those were overwritten. Asking from next() or beyond gets
    // no events, with `first` = `from`.
    Slice read(std::uint64_t from, std::size_t max) const;
    std::uint64_t next() const; // the number the next event recorded gets
    std::size_t capacity() const { return m_capacity; }

private:
    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    // Event n is at m_events[n % m_capacity]; grows to m_capacity, then
    // each new event overwrites the oldest.
    std::vector<trace::Event> m_events;
    std::uint64_t m_next = 0;
};

} // namespace rpcscope::remote
