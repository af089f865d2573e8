#pragma once

// A trace's events as a vector, for tests that compare, count or walk them.
#include "trace/tracelog.h"

#include <vector>

namespace rpcscope::testsupport {

inline std::vector<trace::Event> eventsOf(const trace::TraceLog &log)
{
    const trace::TraceLog::View view = log.view();
    std::vector<trace::Event> events;
    events.reserve(std::size_t(view.size()));
    for (qsizetype i = 0; i < view.size(); ++i)
        events.push_back(view.at(i));
    return events;
}

} // namespace rpcscope::testsupport
