#pragma once

#include "event.h"

#include <mutex>

namespace rpcscope::trace {

// Lets several engine threads (a live session's client and server) report
// into one single-writer sink such as TraceLog, one event at a time.
class SharedSink final : public EventSink
{
public:
    explicit SharedSink(EventSink *target) : m_target(target) {}

    // A second sink that sees every event too, in the same order (a capture
    // being written); null for none.
    void setAlso(EventSink *also)
    {
        std::lock_guard lock(m_mutex);
        m_also = also;
    }

    void record(const Event &event) override
    {
        std::lock_guard lock(m_mutex);
        m_target->record(event);
        if (m_also)
            m_also->record(event);
    }

private:
    std::mutex m_mutex;
    EventSink *m_target;
    EventSink *m_also = nullptr;
};

// Hands every event to two sinks, on the caller's thread.
class TeeSink final : public EventSink
{
public:
    TeeSink(EventSink *first, EventSink *second) : m_first(first), m_second(second) {}
    void record(const Event &event) override
    {
        m_first->record(event);
        m_second->record(event);
    }

private:
    EventSink *m_first;
    EventSink *m_second;
};

} // namespace rpcscope::trace
