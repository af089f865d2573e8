#include "replycache.h"

#include <algorithm>

namespace rpcscope::core {

// What an entry is charged against the byte cap: its reply plus a fixed
// estimate of the bookkeeping around it.
std::int64_t ReplyCache::cost(const Entry &entry)
{
    return 64 + entry.reply.size();
}

ReplyCache::Entry *ReplyCache::find(std::uint32_t clientId, std::uint32_t callId)
{
    auto c = m_clients.find(clientId);
    if (c == m_clients.end())
        return nullptr;
    auto e = c->second.entries.find(callId);
    return e == c->second.entries.end() ? nullptr : &e->second;
}

bool ReplyCache::isActive(std::uint32_t clientId) const
{
    auto c = m_clients.find(clientId);
    return c != m_clients.end() && !c->second.entries.empty();
}

int ReplyCache::activeClientsOn(HostId host) const
{
    auto it = m_activeByHost.find(host);
    return it == m_activeByHost.end() ? 0 : it->second;
}

void ReplyCache::becomeActive(std::uint32_t, Client &client, HostId host)
{
    if (client.idle) {
        if (m_idleSpare.size() < kSpareEntries)
            m_idleSpare.splice(m_idleSpare.end(), m_idle, client.idlePos);
        else
            m_idle.erase(client.idlePos);
        client.idle = false;
    }
    client.host = host;
    ++m_activeClients;
    ++m_activeByHost[host];
}

// The client's last entry left: from now on only its marks remember it.
void ReplyCache::becomeIdle(std::uint32_t clientId, Client &client)
{
    --m_activeClients;
    if (auto it = m_activeByHost.find(client.host); it != m_activeByHost.end())
        --it->second;
    client.idle = true;
    client.idleSince = m_now;
    if (m_idleSpare.empty()) {
        client.idlePos = m_idle.insert(m_idle.end(), clientId);
    } else {
        client.idlePos = m_idleSpare.begin();
        *client.idlePos = clientId;
        m_idle.splice(m_idle.end(), m_idleSpare, client.idlePos);
    }
}

// Idle records past their age go, and the least recently active go when
// there are too many. Run at the end of an operation, never while a caller
// holds a reference into m_clients.
void ReplyCache::expireIdle(TimePoint now)
{
    while (!m_idle.empty()) {
        const auto c = m_clients.find(m_idle.front());
        Q_ASSERT(c != m_clients.end() && c->second.idle);
        const bool old = c->second.idleSince + m_limits.maxIdleAge <= now;
        if (!old && qsizetype(m_idle.size()) <= m_limits.maxIdleClients)
            break;
        m_idle.pop_front();
        m_clients.erase(c);
    }
}

ReplyCache::Entry &ReplyCache::insert(std::uint32_t clientId, std::uint32_t callId, HostId host)
{
    Client &client = m_clients[clientId];
    if (client.entries.empty())
        becomeActive(clientId, client, host);
    std::map<std::uint32_t, Entry>::iterator it;
    if (m_spareEntries.empty()) {
        it = client.entries.try_emplace(callId).first;
    } else {
        auto node = std::move(m_spareEntries.back());
        m_spareEntries.pop_back();
        node.key() = callId;
        auto result = client.entries.insert(std::move(node));
        it = result.position;
        if (!result.inserted) // already there: reset below, as a new one would be
            m_spareEntries.push_back(std::move(result.node));
    }
    Entry &entry = it->second;
    entry = Entry{};
    entry.host = host;
    m_bytes += cost(entry);
    ++m_size;
    return entry;
}

std::optional<std::pair<ReplyCache::Client *, std::map<std::uint32_t, ReplyCache::Entry>::iterator>>
ReplyCache::findInProgress(std::uint32_t clientId, std::uint32_t callId)
{
    auto c = m_clients.find(clientId);
    if (c == m_clients.end())
        return std::nullopt;
    auto e = c->second.entries.find(callId);
    if (e == c->second.entries.end() || e->second.state != State::InProgress)
        return std::nullopt;
    return std::pair{&c->second, e};
}

void ReplyCache::complete(std::uint32_t clientId, std::uint32_t callId, QByteArray reply, TimePoint now,
                          std::vector<Eviction> &evicted)
{
    const auto found = findInProgress(clientId, callId);
    if (!found)
        return;
    Client &client = *found->first;
    const auto e = found->second;
    Entry &entry = e->second;
    m_now = std::max(m_now, now);
    m_bytes -= cost(entry);
    entry.state = State::Done;
    entry.reply = std::move(reply);
    entry.doneAt = now;
    m_bytes += cost(entry);
    m_aging.push_back({now, clientId, callId});
    compactAging();
    // The client already gave up on it: nobody will ask again.
    if (callId < client.ackBelow)
        erase(clientId, client, e, trace::EvictReason::Acked, evicted);
    enforceBytes(evicted);
}

// Entries acknowledged early leave stale records behind in m_aging; drop
// them once they outnumber the live entries, so the queue stays proportional
// to the cache, not to the calls ever made.
void ReplyCache::compactAging()
{
    if (qsizetype(m_aging.size()) <= 2 * m_size + 4096)
        return;
    std::deque<Aging> live;
    for (const Aging &a : m_aging) {
        const Entry *e = find(a.clientId, a.callId);
        if (e && e->state != State::InProgress && e->doneAt == a.doneAt)
            live.push_back(a);
    }
    m_aging.swap(live);
    m_bytesCursor = 0;
}

// Removes an entry; only a cached reply leaving is reported (records without
// one already were, when the reply left).
void ReplyCache::erase(std::uint32_t clientId, Client &client,
                       std::map<std::uint32_t, Entry>::iterator it, trace::EvictReason reason,
                       std::vector<Eviction> &evicted)
{
    if (it->second.state == State::Done)
        evicted.push_back({clientId, it->first, it->second.host, reason});
    m_bytes -= cost(it->second);
    --m_size;
    auto node = client.entries.extract(it);
    if (m_spareEntries.size() < kSpareEntries) {
        node.mapped() = Entry{}; // lets go of the reply now, not when the node is reused
        m_spareEntries.push_back(std::move(node));
    }
    if (client.entries.empty())
        becomeIdle(clientId, client);
}

bool ReplyCache::acknowledge(std::uint32_t clientId, std::uint32_t callId,
                             std::vector<Eviction> &evicted)
{
    auto c = m_clients.find(clientId);
    if (c == m_clients.end())
        return false;
    auto e = c->second.entries.find(callId);
    if (e == c->second.entries.end() || e->second.state != State::Done)
        return false;
    evicted.push_back({clientId, callId, e->second.host, trace::EvictReason::Acked});
    dropReply(e->second, State::Acked);
    return true;
}

void ReplyCache::acknowledgeBelow(std::uint32_t clientId, std::uint32_t below,
                                  std::vector<Eviction> &evicted)
{
    Client &client = m_clients[clientId];
    if (below <= client.ackBelow)
        return;
    client.ackBelow = below;
    for (auto it = client.entries.begin(); it != client.entries.end() && it->first < below;) {
        auto next = std::next(it);
        if (it->second.state != State::InProgress)
            erase(clientId, client, it, trace::EvictReason::Acked, evicted);
        it = next;
    }
    expireIdle(m_now);
}

void ReplyCache::releaseIfEmpty(std::uint32_t clientId)
{
    auto c = m_clients.find(clientId);
    if (c == m_clients.end() || !c->second.entries.empty())
        return;
    if (c->second.idle)
        m_idle.erase(c->second.idlePos);
    m_clients.erase(c);
}

int ReplyCache::running(std::uint32_t clientId) const
{
    auto c = m_clients.find(clientId);
    return c == m_clients.end() ? 0 : c->second.running;
}

void ReplyCache::addRunning(std::uint32_t clientId, int delta)
{
    // Only a client holding the entry of the call can be running it.
    if (auto c = m_clients.find(clientId); c != m_clients.end())
        c->second.running = std::max(0, c->second.running + delta);
}

std::uint32_t ReplyCache::ackBelow(std::uint32_t clientId) const
{
    auto c = m_clients.find(clientId);
    return c == m_clients.end() ? 0 : c->second.ackBelow;
}

std::uint32_t ReplyCache::forgottenBelow(std::uint32_t clientId) const
{
    auto c = m_clients.find(clientId);
    return c == m_clients.end() ? 0 : c->second.forgottenBelow;
}

std::uint32_t ReplyCache::orderedNext(std::uint32_t clientId) const
{
    auto c = m_clients.find(clientId);
    return c == m_clients.end() ? 0 : std::max(c->second.ranBelow, c->second.ackBelow);
}

void ReplyCache::ranInOrder(std::uint32_t clientId, std::uint32_t callId)
{
    if (auto c = m_clients.find(clientId); c != m_clients.end())
        c->second.ranBelow = std::max(c->second.ranBelow, callId + 1);
}

void ReplyCache::withdraw(std::uint32_t clientId, std::uint32_t callId)
{
    if (const auto found = findInProgress(clientId, callId)) {
        std::vector<Eviction> none; // an entry without a reply reports nothing
        erase(clientId, *found->first, found->second, trace::EvictReason::Acked, none);
    }
}

// Drops a finished entry's reply, keeping the record (Acked or Tombstone).
void ReplyCache::dropReply(Entry &entry, State state)
{
    m_bytes -= cost(entry);
    entry.state = state;
    entry.reply = QByteArray();
    m_bytes += cost(entry);
}

void ReplyCache::enforceBytes(std::vector<Eviction> &evicted)
{
    // Everything before m_bytesCursor in m_aging holds no reply any more, so
    // each entry is looked at once, not once per completed call.
    for (; m_bytesCursor < m_aging.size() && m_bytes > m_limits.maxBytes; ++m_bytesCursor) {
        const Aging &a = m_aging[m_bytesCursor];
        Entry *e = find(a.clientId, a.callId);
        if (!e || e->state != State::Done || e->doneAt != a.doneAt)
            continue;
        // Keep a tombstone: the call ran, and a late duplicate must not run it again.
        evicted.push_back({a.clientId, a.callId, e->host, trace::EvictReason::Bytes});
        dropReply(*e, State::Tombstone);
    }
}

void ReplyCache::expire(TimePoint now, std::vector<Eviction> &evicted)
{
    m_now = std::max(m_now, now);
    while (!m_aging.empty() && m_aging.front().doneAt + m_limits.maxAge <= now) {
        const Aging a = m_aging.front();
        m_aging.pop_front();
        if (m_bytesCursor > 0)
            --m_bytesCursor;
        auto c = m_clients.find(a.clientId);
        if (c == m_clients.end())
            continue;
        auto e = c->second.entries.find(a.callId);
        if (e != c->second.entries.end() && e->second.state != State::InProgress
            && e->second.doneAt == a.doneAt) {
            // The sequence counter: from now on this call, and every older
            // one without an entry, is recognised as forgotten, not new.
            c->second.forgottenBelow = std::max(c->second.forgottenBelow, a.callId + 1);
            erase(a.clientId, c->second, e, trace::EvictReason::Age, evicted);
        }
    }
    expireIdle(now);
}

std::optional<TimePoint> ReplyCache::nextExpiry() const
{
    std::optional<TimePoint> next;
    if (!m_aging.empty())
        next = m_aging.front().doneAt + m_limits.maxAge;
    if (!m_idle.empty()) {
        const TimePoint idle = m_clients.at(m_idle.front()).idleSince + m_limits.maxIdleAge;
        if (!next || idle < *next)
            next = idle;
    }
    return next;
}

} // namespace rpcscope::core
