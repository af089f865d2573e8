#pragma once

#include "base/event.h"
#include "trace/tracelog.h"

#include <QJsonObject>

#include <cstdint>
#include <map>
#include <optional>
#include <vector>

namespace rpcscope::session {

// What a session amounts to, computed from its trace alone, so a live run, a
// simulated run and a replayed capture are summarised the same way.
struct Summary
{
    std::uint64_t seed = 0;
    std::int64_t calls = 0;
    std::int64_t ok = 0;
    std::map<QString, std::int64_t> failed; // reason -> count
    std::int64_t executions = 0;
    std::int64_t duplicatesSuppressed = 0;
    std::int64_t cachedRepliesResent = 0;
    // A request sent again after its timer fired. A long call's probes
    // ("how is call N doing?") are counted apart: they are the protocol
    // waiting as it should, not an attempt lost.
    std::int64_t retransmissions = 0;
    std::int64_t probes = 0;
    struct Datagrams
    {
        std::int64_t sent = 0, delivered = 0, lost = 0, duplicated = 0, corrupted = 0,
                     checksumRejected = 0, corruptAccepted = 0, malformed = 0;
    } datagrams;
    struct Latency
    {
        double p50 = 0, p90 = 0, p99 = 0, max = 0; // milliseconds
    } latency;
    double virtualMs = 0;
    double wallMs = 0;
    std::optional<std::int64_t> counterTotal;
    QJsonObject service; // what the service reports (Service::report), e.g. the file's end-to-end check

    std::int64_t failedTotal() const;
    QJsonObject toJson() const;
};

// Builds a Summary event by event (an EventSink), or from a whole trace.
class SummaryBuilder final : public trace::EventSink
{
public:
    void record(const trace::Event &event) override;
    Summary finish();
    static Summary fromTrace(const trace::TraceLog::View &view);

private:
    Summary m_summary;
    std::vector<std::uint32_t> m_latenciesUs;
    std::int64_t m_lastTimeUs = 0;
};

} // namespace rpcscope::session
