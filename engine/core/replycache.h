#pragma once

#include "base/clock.h"
#include "base/event.h"

#include <QByteArray>

#include <algorithm>
#include <cstdint>
#include <deque>
#include <list>
#include <map>
#include <optional>
#include <unordered_map>
#include <vector>

namespace rpcscope::core {

struct ReplyCacheLimits
{
    std::int64_t maxBytes = 16 * 1024 * 1024;
    Duration maxAge{120'000'000};
    // A client with nothing left in the cache is still remembered by its
    // marks (ack-below, forgotten-below) for this long, or until this many
    // such clients crowd it out, least recently active first. The age is the
    // longest deadline a client may set (a day), so no resend a client can
    // still make finds its client forgotten unless the table overflowed.
    qsizetype maxIdleClients = 65536;
    Duration maxIdleAge{86'400'000'000};
};

// At-most-once memory of the server: one entry per (client id, call id) it
// has accepted. A call is InProgress while its handler runs and Done after,
// holding the encoded reply so a duplicate request is answered from here
// instead of running the handler again.
//
// Entries leave when the client acknowledges the reply (an explicit ack, or
// an ack-below on a later datagram), when older than the age limit, or,
// oldest first, when the cached replies exceed the byte cap. A reply evicted
// for bytes leaves a tombstone so a late duplicate is refused rather than run
// again. An explicit ack likewise keeps a small record until ack-below passes
// the call: a delayed copy of the request must find it. Everything finished
// goes by age; in-progress entries are never evicted.
//
// Forgetting a reply must never let its call run again, whatever deadline
// the client chose. So each client keeps two marks, the chapter's sequence
// counters: ack-below (every call below it has ended at the client) and
// forgotten-below (every call below it that has no entry was forgotten by
// age). A call below either mark is never admitted as new. The marks outlive
// the entries: a client whose entries are all gone stays as an idle record
// until maxIdleAge, or until maxIdleClients newer idle records push it out.
class ReplyCache
{
public:
    enum class State : std::uint8_t {
        InProgress, // the handler is running
        Done,       // finished; the reply is cached
        Acked,      // the client has the reply; kept (without it) so late copies are not run again
        Tombstone,  // finished, but the reply was evicted for bytes before the client acked it
    };

    struct Entry
    {
        State state = State::InProgress;
        HostId host = 0;           // where replies go
        std::uint16_t attempt = 1; // latest attempt seen, echoed in replies
        std::uint16_t replyRound = 0; // sends of a fragmented reply so far
        std::int32_t replyPayload = 0; // fragment size of the reply; 0: it fits one datagram
        TimePoint doneAt{0};
        QByteArray reply;          // encoded ReplyBody, when Done
        // A call of an ordered client (wire::Header::ordered): while
        // InProgress it may be waiting in the server's hold-back queue.
        bool ordered = false;
    };

    struct Eviction
    {
        std::uint32_t clientId;
        std::uint32_t callId;
        HostId host;
        trace::EvictReason reason;
    };

    using Limits = ReplyCacheLimits;

    explicit ReplyCache(Limits limits = {}) : m_limits(limits) {}
    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    Entry *find(std::uint32_t clientId, std::uint32_t callId);
    Entry &insert(std::uint32_t clientId, std::uint32_t callId, HostId host);
    // Stores the reply of an in-progress call; may evict older replies for bytes.
    void complete(std::uint32_t clientId, std::uint32_t callId, QByteArray reply, TimePoint now,
                  std::vector<Eviction> &evicted);
    // The client acknowledged one reply.
    bool acknowledge(std::uint32_t clientId, std::uint32_t callId, std::vector<Eviction> &evicted);
    // The client says every call below `below` has ended: finished entries below it go.
    void acknowledgeBelow(std::uint32_t clientId, std::uint32_t below, std::vector<Eviction> &evicted);
    // The cache learns the time: idle records are dated by it.
    void passTime(TimePoint now) { m_now = std::max(m_now, now); }
    // Drops entries older than the age limit.
    void expire(TimePoint now, std::vector<Eviction> &evicted);
    std::optional<TimePoint> nextExpiry() const;

    // Any record of the client: entries, or marks alone.
    bool knowsClient(std::uint32_t clientId) const { return m_clients.contains(clientId); }
    // The client holds entries (calls in progress or answers kept for resends).
    bool isActive(std::uint32_t clientId) const;
    // Forgets a client that holds no entries and was not known before (one
    // whose only request was refused): it leaves no marks behind.
    void releaseIfEmpty(std::uint32_t clientId);

    // Handlers of the client running now (started and not finished), as
    // the server counts them against its per-client limit. Kept here, with
    // the entries they belong to, rather than in a table of their own that
    // would gain and lose a node on every call.
    int running(std::uint32_t clientId) const;
    void addRunning(std::uint32_t clientId, int delta);

    // Highest ack-below the client has sent; calls below it are over.
    std::uint32_t ackBelow(std::uint32_t clientId) const;
    // Every call of the client below this that has no entry was forgotten by
    // age: it may have run, and must not run again.
    std::uint32_t forgottenBelow(std::uint32_t clientId) const;
    // An ordered client: the call that may run next, the first not yet run
    // that the client has not given up on.
    std::uint32_t orderedNext(std::uint32_t clientId) const;
    // An ordered client's call `callId` has run; the next one may.
    void ranInOrder(std::uint32_t clientId, std::uint32_t callId);
    // Removes the entry of a call that never ran (it waited in a hold-back
    // queue and the client gave up on it): nothing about it is reported.
    void withdraw(std::uint32_t clientId, std::uint32_t callId);

    std::int64_t bytes() const { return m_bytes; }
    qsizetype size() const { return m_size; }
    qsizetype clientCount() const { return qsizetype(m_clients.size()); }
    // Clients holding entries, in all and from one host (where each was when
    // it last became active): what the admission limits count.
    qsizetype activeClientCount() const { return m_activeClients; }
    int activeClientsOn(HostId host) const;
    // Clients remembered only by their marks.
    qsizetype idleClientCount() const { return qsizetype(m_idle.size()); }

private:
    struct Client
    {
        std::uint32_t ackBelow = 0;
        std::uint32_t forgottenBelow = 0;
        std::uint32_t ranBelow = 0; // ordered clients: every call below it has run or ended
        int running = 0;            // handlers running (each has an InProgress entry)
        std::map<std::uint32_t, Entry> entries; // by call id, ordered for ack-below
        HostId host = 0;                        // where it was when it last became active
        // Idle (no entries): its place in m_idle and when it got there.
        std::list<std::uint32_t>::iterator idlePos;
        TimePoint idleSince{0};
        bool idle = false;
    };
    struct Aging
    {
        TimePoint doneAt;
        std::uint32_t clientId;
        std::uint32_t callId;
    };

    static std::int64_t cost(const Entry &entry);
    // The client and the entry of a call in progress (running or held), if it is one.
    std::optional<std::pair<Client *, std::map<std::uint32_t, Entry>::iterator>> findInProgress(std::uint32_t clientId,
                                                                                                std::uint32_t callId);
    void erase(std::uint32_t clientId, Client &client, std::map<std::uint32_t, Entry>::iterator it,
               trace::EvictReason reason, std::vector<Eviction> &evicted);
    void enforceBytes(std::vector<Eviction> &evicted);
    void becomeActive(std::uint32_t clientId, Client &client, HostId host);
    void becomeIdle(std::uint32_t clientId, Client &client);
    void expireIdle(TimePoint now);
    void dropReply(Entry &entry, State state);
    void compactAging();

    Limits m_limits;
    std::unordered_map<std::uint32_t, Client> m_clients;
    // Nodes of erased entries, kept for the next calls admitted: an entry
    // then costs no allocation. Bounded by kSpareEntries.
    static constexpr std::size_t kSpareEntries = 256;
    std::vector<std::map<std::uint32_t, Entry>::node_type> m_spareEntries;
    std::deque<Aging> m_aging; // finished entries in the order they finished (lazy: may hold gone ones)
    std::size_t m_bytesCursor = 0; // m_aging before this holds no cached reply
    std::int64_t m_bytes = 0;
    qsizetype m_size = 0;
    qsizetype m_activeClients = 0;
    // Kept at zero rather than erased: a client that calls, is answered and
    // calls again would otherwise cost an allocation and a free each call.
    // Host ids are 16 bits, so the map stays small.
    std::unordered_map<HostId, int> m_activeByHost;
    std::list<std::uint32_t> m_idle; // idle clients, least recently active first
    // Nodes of m_idle given back when a client became active again, spliced
    // back in when one goes idle: the same allocation-free round trip.
    // Bounded by kSpareEntries.
    std::list<std::uint32_t> m_idleSpare;
    TimePoint m_now{0};              // the latest time the cache was told of
};

} // namespace rpcscope::core
