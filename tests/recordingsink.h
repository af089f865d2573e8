#pragma once

// An event sink that keeps everything, for tests that drive a core by hand.
#include "trace/event.h"

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

} // namespace rpcscope::testsupport
