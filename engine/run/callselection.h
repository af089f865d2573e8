#pragma once

#include "base/clock.h"
#include "base/event.h"
#include "trace/tracelog.h"

#include <optional>
#include <utility>
#include <vector>

namespace rpcscope::session {

// A call by the client that made it and its id there.
using CallKey = std::pair<core::HostId, std::uint32_t>;
// A time range of a session, as the charts restrict themselves to one.
using TimeRange = std::pair<core::TimePoint, core::TimePoint>;

// The calls a bar of the Charts dock's retransmissions histogram counts:
// finished (ok or failed) with `attempts` attempts, 1 to 10 where 10 means
// ten or more (a call that never got to send counts as one), ended within
// `range` if one is given. Sorted.
std::vector<CallKey> callsByAttempts(const trace::TraceLog::View &view, int attempts,
                                     std::optional<TimeRange> range = std::nullopt);
// The ok calls whose latency lies in [fromMs, toMs], completed within
// `range` if one is given: a stretch of the latency CDF. Sorted.
std::vector<CallKey> callsByLatency(const trace::TraceLog::View &view, double fromMs, double toMs,
                                    std::optional<TimeRange> range = std::nullopt);

} // namespace rpcscope::session
