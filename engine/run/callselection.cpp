#include "callselection.h"

#include <algorithm>

namespace rpcscope::session {

namespace {

// Every call's end event within `range`, for `wanted` to choose from.
template <typename Wanted>
std::vector<CallKey> endsWhere(const trace::TraceLog::View &view, std::optional<TimeRange> range, Wanted wanted)
{
    std::vector<CallKey> out;
    for (qsizetype i = 0; i < view.size(); ++i) {
        const trace::Event &e = view.at(i);
        if (e.kind != trace::EventKind::CallOk && e.kind != trace::EventKind::CallFailed)
            continue;
        if (range && (e.time() < range->first || e.time() > range->second))
            continue;
        if (wanted(e))
            out.emplace_back(e.client, e.callId);
    }
    std::ranges::sort(out);
    return out;
}

} // namespace

std::vector<CallKey> callsByAttempts(const trace::TraceLog::View &view, int attempts, std::optional<TimeRange> range)
{
    static constexpr int kMost = 10; // the histogram's last bar: ten or more
    return endsWhere(view, range, [attempts](const trace::Event &e) {
        return std::clamp<int>(e.attempt, 1, kMost) == attempts;
    });
}

std::vector<CallKey> callsByLatency(const trace::TraceLog::View &view, double fromMs, double toMs,
                                    std::optional<TimeRange> range)
{
    if (toMs < fromMs)
        std::swap(fromMs, toMs);
    return endsWhere(view, range, [fromMs, toMs](const trace::Event &e) {
        const double ms = double(e.detail) / 1000.0;
        return e.kind == trace::EventKind::CallOk && ms >= fromMs && ms <= toMs;
    });
}

} // namespace rpcscope::session
