#include "tracefeedservice.h"

#include "trace/eventcodec.h"

#include <QSet>

#include <algorithm>

namespace rpcscope::remote {

TraceFeedService::TraceFeedService(TraceFeedSource source)
    : m_source(std::move(source))
{
    Q_ASSERT_X(m_source.ring && m_source.now, "TraceFeedService", "a feed needs a ring and a clock");
}

codegen::HandlerStatus TraceFeedService::Pull(const PullRequest &request, PullReply &response)
{
    const std::uint32_t max =
        request.max_events() == 0 ? kMaxEventsPerPull : std::min(request.max_events(), kMaxEventsPerPull);
    const TraceRing::Slice slice = m_source.ring->read(request.from_sequence(), max);
    // The clock is read after the ring, so no event handed out is later
    // than server_now_us: the client takes that time as the middle of its
    // own send and receive times to estimate the clocks' offset.
    response.set_server_now_us(m_source.now().count());
    response.set_end_sequence(std::max(m_source.ring->next(), slice.first + slice.events.size()));
    response.set_first_sequence(slice.first);
    response.set_next_sequence(slice.first + slice.events.size());
    response.set_event_count(std::uint32_t(slice.events.size()));
    const std::int64_t firstTimeUs = slice.events.empty() ? 0 : slice.events.front().timeUs;
    response.set_first_time_us(firstTimeUs);
    const QByteArray packed = trace::packEvents(slice.events, firstTimeUs);
    response.set_events(packed.constData(), std::size_t(packed.size()));
    response.set_epoch(m_source.epoch);

    // Only the hosts these events name: the peer table may hold thousands
    // of clients, and the client needs an address for what it draws.
    QSet<core::HostId> named;
    for (const trace::Event &e : slice.events)
        for (const core::HostId host : {e.from, e.to, e.client})
            if (host != core::kServerHost)
                named.insert(host);
    // Taking the peer table costs a hop to the traced server's engine
    // thread; a reply naming no client does without it.
    if (named.isEmpty() || !m_source.peers)
        return {};
    for (const rpc::PeerAddress &peer : m_source.peers()) {
        if (peer.host == core::kServerHost || !named.contains(peer.host))
            continue;
        Peer *p = response.add_peers();
        p->set_host(peer.host);
        p->set_address(peer.address.toString().toStdString());
        p->set_port(peer.port);
    }
    return {};
}

} // namespace rpcscope::remote
