#pragma once

#include "sessionconfig.h"
#include "trace/tracelog.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace rpcscope::session {

// How often each of the protocol's promises broke in one session, or
// summed over many. Every count is 0 when the engine is right.
struct InvariantCounts
{
    std::int64_t doubleExecutions = 0; // a call ran twice in one server incarnation (at-most-once)
    std::int64_t corruptAccepted = 0;  // a damaged datagram passed CRC-32C
    std::int64_t pastDeadline = 0;     // a call ended later than its deadline
    std::int64_t endedTwice = 0;       // a call completed more than once, or ended without starting
    std::int64_t unfinished = 0;       // calls that never ended, or never started
    std::int64_t counterMismatch = 0;  // the counter service's total differs from the executions
    std::int64_t wrongResults = 0;     // a call succeeded with a result other than the service gives
    std::int64_t amplified = 0;        // the server sent a flood's hosts more than 3x what they sent it
    std::int64_t outOfOrder = 0;       // ordered delivery: a call ran before an earlier one, or beside one

    std::int64_t total() const;
    InvariantCounts &operator+=(const InvariantCounts &o);
    friend bool operator==(const InvariantCounts &, const InvariantCounts &) = default;
};

struct InvariantCheck
{
    InvariantCounts broken;
    QString firstProblem; // empty when nothing broke
    std::int64_t calls = 0, ok = 0, failed = 0, executions = 0;
};

// Checks a finished session's trace against the promises. `counterTotal` is
// the counter service's total if it ran one; `lateness` is how far past its
// deadline a call may end: zero in virtual time, on real sockets how late an
// operating-system timer may fire.
InvariantCheck checkInvariants(const trace::TraceLog::View &view, const SessionConfig &config,
                               std::optional<std::int64_t> counterTotal,
                               core::Duration lateness = core::Duration(0));

} // namespace rpcscope::session
