#include "invariants.h"

#include "wire/datagram.h"

#include <map>
#include <set>

namespace rpcscope::session {

std::int64_t InvariantCounts::total() const
{
    return doubleExecutions + corruptAccepted + pastDeadline + endedTwice + unfinished + counterMismatch
           + wrongResults + amplified + outOfOrder;
}

InvariantCounts &InvariantCounts::operator+=(const InvariantCounts &o)
{
    doubleExecutions += o.doubleExecutions;
    corruptAccepted += o.corruptAccepted;
    pastDeadline += o.pastDeadline;
    endedTwice += o.endedTwice;
    unfinished += o.unfinished;
    counterMismatch += o.counterMismatch;
    wrongResults += o.wrongResults;
    amplified += o.amplified;
    outOfOrder += o.outOfOrder;
    return *this;
}

InvariantCheck checkInvariants(const trace::TraceLog::View &view, const SessionConfig &config,
                               std::optional<std::int64_t> counterTotal, core::Duration lateness)
{
    InvariantCheck check;
    InvariantCounts &broken = check.broken;
    const auto problem = [&check](const QString &text) {
        if (check.firstProblem.isEmpty())
            check.firstProblem = text;
    };
    using Key = std::pair<core::HostId, std::uint32_t>;
    std::map<Key, std::int64_t> started;
    std::set<Key> ended;
    // At most once per server incarnation: a restarted server has lost its
    // memory, and the epoch (not the cache) keeps old calls from running again.
    std::set<std::pair<int, Key>> executed;
    int incarnation = 0;
    // Ordered delivery: per client, the last call the server incarnation
    // ran and whether a call of it is running now (a crash ends every run).
    std::map<core::HostId, std::uint32_t> lastRun;
    std::set<Key> running;
    for (qsizetype i = 0; i < view.size(); ++i) {
        const trace::Event &e = view.at(i);
        const Key key{e.client, e.callId};
        switch (e.kind) {
        case trace::EventKind::CallStart:
            if (!started.emplace(key, e.timeUs).second) {
                ++broken.endedTwice;
                problem(QStringLiteral("call %1 of client %2 started twice").arg(e.callId).arg(e.client));
            }
            break;
        case trace::EventKind::CallOk:
        case trace::EventKind::CallFailed: {
            const auto it = started.find(key);
            if (it == started.end()) {
                ++broken.endedTwice;
                problem(QStringLiteral("call %1 of client %2 ended without starting").arg(e.callId).arg(e.client));
                break;
            }
            if (!ended.insert(key).second) {
                ++broken.endedTwice;
                problem(QStringLiteral("call %1 of client %2 ended twice").arg(e.callId).arg(e.client));
                break;
            }
            const std::int64_t over = e.timeUs - it->second - config.retry.deadline.count();
            if (over > lateness.count()) {
                ++broken.pastDeadline;
                problem(QStringLiteral("call %1 of client %2 ended %3 µs after its deadline")
                            .arg(e.callId)
                            .arg(e.client)
                            .arg(over));
            }
            (e.kind == trace::EventKind::CallOk ? check.ok : check.failed)++;
            break;
        }
        case trace::EventKind::ServerRestart:
            // Order, like at-most-once, is a promise of one incarnation: a
            // request sent before the client heard any epoch may run again.
            ++incarnation;
            running.clear();
            lastRun.clear();
            break;
        case trace::EventKind::HandlerEnd:
            running.erase(key);
            break;
        case trace::EventKind::HandlerStart:
            // A flood's made-up hosts (numbered after the clients) are not
            // the session's calls; their executions are no promise's.
            if (e.client > config.clients)
                break;
            ++check.executions;
            if (!executed.insert({incarnation, key}).second) {
                ++broken.doubleExecutions;
                problem(QStringLiteral("call %1 of client %2 executed twice by one server incarnation")
                            .arg(e.callId)
                            .arg(e.client));
            }
            if (config.ordered) {
                const auto last = lastRun.find(e.client);
                const auto busy = running.lower_bound({e.client, 0});
                if (last != lastRun.end() && e.callId <= last->second) {
                    ++broken.outOfOrder;
                    problem(QStringLiteral("call %1 of client %2 ran after its call %3")
                                .arg(e.callId)
                                .arg(e.client)
                                .arg(last->second));
                } else if (busy != running.end() && busy->first == e.client) {
                    ++broken.outOfOrder;
                    problem(QStringLiteral("call %1 of client %2 ran while its call %3 was running")
                                .arg(e.callId)
                                .arg(e.client)
                                .arg(busy->second));
                }
                lastRun[e.client] = e.callId;
                running.insert(key);
            }
            break;
        case trace::EventKind::CorruptAccepted:
            ++broken.corruptAccepted;
            problem(QStringLiteral("a corrupted %1 was accepted despite %2")
                        .arg(wire::datagramKindName(wire::DatagramKind(e.datagram)),
                             wire::checksumName(config.checksum)));
            break;
        default:
            break;
        }
    }
    check.calls = std::int64_t(started.size());
    if (check.calls != config.calls) {
        broken.unfinished += std::abs(config.calls - check.calls);
        problem(QStringLiteral("%1 calls started, expected %2").arg(check.calls).arg(config.calls));
    }
    if (const std::int64_t open = check.calls - std::int64_t(ended.size()); open > 0) {
        broken.unfinished += open;
        problem(QStringLiteral("%1 calls never ended").arg(open));
    }
    if (counterTotal && *counterTotal != check.executions) {
        ++broken.counterMismatch;
        problem(QStringLiteral("counter %1 != executions %2").arg(*counterTotal).arg(check.executions));
    }
    return check;
}

} // namespace rpcscope::session
