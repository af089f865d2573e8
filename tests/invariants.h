#pragma once

// The protocol's promises, checked on a finished session's trace: shared by
// the simulation and the real-socket tests.
#include "session/sessionconfig.h"
#include "trace/event.h"
#include "trace/tracelog.h"
#include "wire/datagram.h"

#include <QString>

#include <map>
#include <optional>
#include <set>

namespace rpcscope::testsupport {

// Empty when every promise held; otherwise what broke. `lateness` is how
// far past its deadline a call may end: zero in virtual time; on real
// sockets, how late an operating-system timer may fire.
inline QString checkInvariants(const trace::TraceLog::View &view, const session::SessionConfig &c,
                               std::optional<std::int64_t> counterTotal,
                               core::Duration lateness = core::Duration(0))
{
    using Key = std::pair<core::HostId, std::uint32_t>;
    std::map<Key, std::int64_t> started;
    std::set<Key> ended;
    // At most once per server incarnation: a restarted server has lost its
    // memory, and the epoch (not the cache) keeps old calls from running again.
    std::set<std::pair<int, Key>> executed;
    int incarnation = 0;
    std::int64_t executions = 0, ok = 0, failed = 0;
    for (qsizetype i = 0; i < view.size(); ++i) {
        const trace::Event &e = view.at(i);
        const Key key{e.client, e.callId};
        switch (e.kind) {
        case trace::EventKind::CallStart:
            if (!started.emplace(key, e.timeUs).second)
                return QStringLiteral("call %1 of client %2 started twice").arg(e.callId).arg(e.client);
            break;
        case trace::EventKind::CallOk:
        case trace::EventKind::CallFailed: {
            auto it = started.find(key);
            if (it == started.end())
                return QStringLiteral("call %1 ended without starting").arg(e.callId);
            if (!ended.insert(key).second)
                return QStringLiteral("call %1 of client %2 ended twice").arg(e.callId).arg(e.client);
            if (e.timeUs - it->second > c.retry.deadline.count() + lateness.count())
                return QStringLiteral("call %1 of client %2 ended %3 µs after its deadline")
                    .arg(e.callId)
                    .arg(e.client)
                    .arg(e.timeUs - it->second - c.retry.deadline.count());
            (e.kind == trace::EventKind::CallOk ? ok : failed)++;
            break;
        }
        case trace::EventKind::ServerRestart:
            ++incarnation;
            break;
        case trace::EventKind::HandlerStart:
            ++executions;
            if (!executed.insert({incarnation, key}).second)
                return QStringLiteral("call %1 of client %2 executed twice by one server incarnation")
                    .arg(e.callId)
                    .arg(e.client);
            break;
        case trace::EventKind::CorruptAccepted:
            return QStringLiteral("a corrupted %1 was accepted despite CRC-32C")
                .arg(wire::datagramKindName(wire::DatagramKind(e.datagram)));
        default:
            break;
        }
    }
    if (std::int64_t(started.size()) != c.calls)
        return QStringLiteral("%1 calls started, expected %2").arg(started.size()).arg(c.calls);
    if (ok + failed != c.calls)
        return QStringLiteral("ok %1 + failed %2 != calls %3").arg(ok).arg(failed).arg(c.calls);
    if (counterTotal && *counterTotal != executions)
        return QStringLiteral("counter %1 != executions %2").arg(*counterTotal).arg(executions);
    return {};
}

} // namespace rpcscope::testsupport
