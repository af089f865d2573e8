#pragma once

#include "base/clock.h"
#include "fragments.h"

#include <QByteArray>
#include <QByteArrayView>

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <unordered_map>
#include <utility>

namespace rpcscope::core {

// The server's fragmented requests while they arrive: one Reassembly per
// (client, call), with what the server's limits are checked against —
// messages open per client, per sender and from senders that have not shown
// they receive, and the bytes all of them hold — and when each last made
// progress, so that one whose fragments stopped coming is given up on.
// (quinn-proto's assembler.rs is the model: reassembly in one place, the
// connection only asks it.)
//
// ServerCore decides what to admit, refuse and trace; this class keeps the
// books, so that every way a message ends (complete, inconsistent, refused,
// given up by its client, too old) frees exactly what it held.
class RequestAssembler
{
public:
    struct Message
    {
        Reassembly reassembly;
        TimePoint progressed;     // opened, or its latest new fragment
        HostId host = 0;          // who sent its first fragment
        bool unvalidated = false; // ... before echoing its address token
        // Refused as too large: the rest of its fragments, already on the
        // way, are dropped quietly instead of refused one by one.
        bool refused = false;
    };

    // How many messages may be open at once: from one client, from one
    // sender, from all senders not yet validated together, and in all.
    struct Room
    {
        int perClient = 0;
        int perHost = 0;
        int unvalidated = 0;
        int total = 0;
    };

    Message *find(std::uint32_t clientId, std::uint32_t callId);
    // Whether a new message from `clientId` at `host` fits under `room`.
    bool hasRoom(std::uint32_t clientId, HostId host, bool validated, const Room &room) const;
    Message &open(std::uint32_t clientId, std::uint32_t callId, int count, qsizetype maxBytes, HostId host,
                  bool validated, TimePoint now);
    // Adds a fragment to an open message. A new fragment that leaves others
    // missing (Added) counts as progress: the message's age starts over.
    Reassembly::Result add(std::uint32_t clientId, std::uint32_t callId, Message &message, int index, int count,
                           QByteArrayView data, TimePoint now);
    // The message was refused as too large: it lets go of its bytes and
    // stays open only to recognise its later fragments.
    void refuse(Message &message);
    // The whole message once add() said Complete; it is closed.
    QByteArray take(std::uint32_t clientId, std::uint32_t callId);
    void close(std::uint32_t clientId, std::uint32_t callId);
    // Closes the client's messages for calls below `callId` (it gave up on them).
    void closeBelow(std::uint32_t clientId, std::uint32_t callId);
    // Closes every message that made no progress for `maxAge`.
    void expire(TimePoint now, Duration maxAge);
    // When the oldest message will be `maxAge` without progress, if any is open.
    std::optional<TimePoint> nextExpiry(Duration maxAge) const;

    bool empty() const { return m_messages.empty(); }
    int messages() const { return int(m_messages.size()); }
    qsizetype bytes() const { return m_bytes; }

private:
    // By (client id << 32 | call id): ordered, so a client's ack-below
    // closes those it gave up on in one range.
    using Table = std::map<std::uint64_t, Message>;
    static std::uint64_t key(std::uint32_t clientId, std::uint32_t callId)
    {
        return std::uint64_t(clientId) << 32 | callId;
    }
    void close(Table::iterator it);
    void noteProgress(TimePoint now, std::uint64_t key);

    Table m_messages;
    std::unordered_map<std::uint32_t, int> m_byClient;
    std::unordered_map<HostId, int> m_byHost;
    int m_unvalidated = 0;
    qsizetype m_bytes = 0;
    // (progress time, key) in time order; entries of messages that closed
    // or progressed since stay behind and are skipped (pruned now and then).
    std::deque<std::pair<TimePoint, std::uint64_t>> m_ages;
};

} // namespace rpcscope::core
