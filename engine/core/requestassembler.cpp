#include "requestassembler.h"

#include <QtGlobal>

#include <algorithm>

namespace rpcscope::core {

RequestAssembler::Message *RequestAssembler::find(std::uint32_t clientId, std::uint32_t callId)
{
    const auto it = m_messages.find(key(clientId, callId));
    return it == m_messages.end() ? nullptr : &it->second;
}

bool RequestAssembler::hasRoom(std::uint32_t clientId, HostId host, bool validated, const Room &room) const
{
    const auto byClient = m_byClient.find(clientId);
    const auto byHost = m_byHost.find(host);
    return !((byClient != m_byClient.end() && byClient->second >= room.perClient)
             || (byHost != m_byHost.end() && byHost->second >= room.perHost)
             || (!validated && m_unvalidated >= room.unvalidated) || int(m_messages.size()) >= room.total);
}

RequestAssembler::Message &RequestAssembler::open(std::uint32_t clientId, std::uint32_t callId, int count,
                                                  qsizetype maxBytes, HostId host, bool validated, TimePoint now)
{
    ++m_byClient[clientId];
    ++m_byHost[host];
    m_unvalidated += !validated;
    const std::uint64_t k = key(clientId, callId);
    Message &message = m_messages.emplace(k, Message{Reassembly(count, maxBytes), now, host, !validated}).first->second;
    noteProgress(now, k);
    return message;
}

Reassembly::Result RequestAssembler::add(std::uint32_t clientId, std::uint32_t callId, Message &message, int index,
                                         int count, QByteArrayView data, TimePoint now)
{
    const qsizetype before = message.reassembly.memory();
    const Reassembly::Result result = message.reassembly.add(index, count, data);
    m_bytes += message.reassembly.memory() - before;
    if (result == Reassembly::Result::Added) {
        message.progressed = now;
        noteProgress(now, key(clientId, callId));
    }
    return result;
}

void RequestAssembler::refuse(Message &message)
{
    m_bytes -= message.reassembly.memory();
    message.reassembly = Reassembly(1, 0);
    message.refused = true;
}

QByteArray RequestAssembler::take(std::uint32_t clientId, std::uint32_t callId)
{
    const auto it = m_messages.find(key(clientId, callId));
    Q_ASSERT(it != m_messages.end());
    m_bytes -= it->second.reassembly.memory(); // take() empties it: account for it first
    QByteArray whole = it->second.reassembly.take();
    close(it);
    Q_ASSERT(m_bytes >= 0);
    return whole;
}

void RequestAssembler::close(std::uint32_t clientId, std::uint32_t callId)
{
    if (const auto it = m_messages.find(key(clientId, callId)); it != m_messages.end())
        close(it);
}

void RequestAssembler::closeBelow(std::uint32_t clientId, std::uint32_t callId)
{
    auto it = m_messages.lower_bound(key(clientId, 0));
    const auto end = m_messages.lower_bound(key(clientId, callId));
    while (it != end)
        close(it++);
}

void RequestAssembler::close(Table::iterator it)
{
    m_bytes -= it->second.reassembly.memory();
    const auto clientId = std::uint32_t(it->first >> 32);
    if (auto c = m_byClient.find(clientId); c != m_byClient.end() && --c->second <= 0)
        m_byClient.erase(c);
    if (auto h = m_byHost.find(it->second.host); h != m_byHost.end() && --h->second <= 0)
        m_byHost.erase(h);
    m_unvalidated -= it->second.unvalidated;
    m_messages.erase(it);
}

void RequestAssembler::noteProgress(TimePoint now, std::uint64_t k)
{
    m_ages.emplace_back(now, k);
    // Records of messages that completed, were dropped or moved on stay
    // behind; keep the queue proportional to what is open.
    if (m_ages.size() > 2 * m_messages.size() + 64) {
        std::erase_if(m_ages, [&](const auto &age) {
            const auto m = m_messages.find(age.second);
            return m == m_messages.end() || m->second.progressed != age.first;
        });
    }
}

void RequestAssembler::expire(TimePoint now, Duration maxAge)
{
    while (!m_ages.empty() && m_ages.front().first + maxAge <= now) {
        const auto [progressed, k] = m_ages.front();
        m_ages.pop_front();
        // The client gave up on it (or vanished): free what it held.
        if (auto it = m_messages.find(k); it != m_messages.end() && it->second.progressed == progressed)
            close(it);
    }
}

std::optional<TimePoint> RequestAssembler::nextExpiry(Duration maxAge) const
{
    // The front record may belong to a message that has since closed or
    // made progress: waking for it then finds nothing to do, and the next
    // record gives the next time.
    if (m_ages.empty())
        return std::nullopt;
    return m_ages.front().first + maxAge;
}

} // namespace rpcscope::core
