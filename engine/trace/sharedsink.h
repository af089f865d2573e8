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

    void record(const Event &event) override
    {
        std::lock_guard lock(m_mutex);
        m_target->record(event);
    }

private:
    std::mutex m_mutex;
    EventSink *m_target;
};

} // namespace rpcscope::trace
