#pragma once

// The protocol's promises, checked on a finished session's trace: shared by
// the simulation and the real-socket tests (the checker itself is the
// engine's, which the chaos soak uses too).
#include "session/invariants.h"

namespace rpcscope::testsupport {

// Empty when every promise held; otherwise the first that broke.
inline QString checkInvariants(const trace::TraceLog::View &view, const session::SessionConfig &c,
                               std::optional<std::int64_t> counterTotal,
                               core::Duration lateness = core::Duration(0))
{
    return session::checkInvariants(view, c, counterTotal, lateness).firstProblem;
}

} // namespace rpcscope::testsupport
