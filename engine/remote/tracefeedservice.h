#pragma once

#include "remote/tracefeed.rpcscope.h"
#include "remote/tracering.h"
#include "rpc/rpcserver.h"

#include <QList>

#include <cstdint>
#include <functional>

namespace rpcscope::remote {

// What TraceFeedService reads from: the traced server's ring, its clock and
// its peer table. Functions rather than the server itself, so the feed can
// be tested without sockets and served by a server other than the one it
// shows (whose own Pull calls would otherwise fill the ring they read).
struct TraceFeedSource
{
    const TraceRing *ring = nullptr;
    std::function<core::TimePoint()> now;           // on the events' time scale
    std::function<QList<rpc::PeerAddress>()> peers; // the traced server's peers; null: none named
    std::uint32_t epoch = 0;                        // the traced server's epoch
};

// The server side of TraceFeed: hands out a TraceRing's events in order,
// packed as a capture packs them, with the addresses of the hosts they
// name and the server's time when it answered.
class TraceFeedService final : public TraceFeedServer
{
public:
    // The most events one reply carries, whatever the request asks: about
    // 20 KiB packed, a reply of a few fragments, so one Pull never holds
    // the traced server's handler or the network for long.
    static constexpr std::uint32_t kMaxEventsPerPull = 2048;

    // `source.ring` and `source.now` must be set; the ring must outlive
    // this object.
    explicit TraceFeedService(TraceFeedSource source);

    codegen::HandlerStatus Pull(const PullRequest &request, PullReply &response) override;

private:
    TraceFeedSource m_source;
};

} // namespace rpcscope::remote
