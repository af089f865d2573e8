#pragma once

// For tests that drive a core by hand: an event sink that keeps everything,
// and a way to take everything a core has ready.
#include "base/event.h"

#include <algorithm>
#include <iterator>
#include <vector>

namespace rpcscope::testsupport {

class RecordingSink : public trace::EventSink
{
public:
    void record(const trace::Event &event) override { events.push_back(event); }

    std::vector<trace::Event> ofKind(trace::EventKind kind) const
    {
        std::vector<trace::Event> out;
        std::copy_if(events.begin(), events.end(), std::back_inserter(out),
                     [&](const trace::Event &e) { return e.kind == kind; });
        return out;
    }
    int count(trace::EventKind kind) const { return int(ofKind(kind).size()); }

    std::vector<trace::Event> events;
};

// Everything a core has ready through one of its poll functions
// (pollTransmit, pollCompletion, pollExecution), in order.
template <typename T, typename Core>
std::vector<T> drain(Core &core, bool (Core::*poll)(T &))
{
    std::vector<T> out;
    T item;
    while ((core.*poll)(item))
        out.push_back(std::move(item));
    return out;
}

} // namespace rpcscope::testsupport
