#pragma once

#include "base/event.h"
#include "core/retrypolicy.h"

#include <map>
#include <optional>
#include <set>
#include <vector>

namespace rpcscope::trace {

// The round-trip samples each client's estimator took, read back from its
// trace: a call answered on its first send and never probed (Karn's rule,
// core::givesRttSample) gives its latency as a sample, and a RetryPolicy fed
// the same samples gives SRTT and RTTVAR after each, as the client's own
// did. The charts plot them; the diagram marks them on the timers.
class RttEstimates
{
public:
    struct Sample
    {
        core::TimePoint time; // when the call completed
        core::HostId client = 0;
        core::Duration rtt{0};
        core::Duration srtt{0};
        core::Duration rttvar{0};
    };

    // Takes in the next event of the trace; the sample it gave, if any.
    std::optional<Sample> take(const Event &e);
    void clear() { *this = RttEstimates(); }

    // Client `client`'s estimate as it stood at `time` (its latest sample
    // at or before it), if it had taken one.
    std::optional<Sample> at(core::HostId client, core::TimePoint time) const;

private:
    std::set<std::pair<core::HostId, std::uint32_t>> m_probed; // open calls that sent a probe
    std::map<core::HostId, core::RetryPolicy> m_estimators;     // each client's, fed its samples
    std::map<core::HostId, std::vector<Sample>> m_history;      // each client's samples, in time order
};

} // namespace rpcscope::trace
