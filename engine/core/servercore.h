#pragma once

#include "base/clock.h"
#include "base/event.h"
#include "fragments.h"
#include "pollqueue.h"
#include "protocolconfig.h"
#include "replycache.h"
#include "requestassembler.h"
#include "timers.h"
#include "transmit.h"
#include "wire/bodycodec.h"
#include "wire/checksum.h"

#include <QByteArray>
#include <QString>

#include <deque>
#include <map>
#include <optional>
#include <queue>
#include <vector>

namespace rpcscope::core {

// Bounds on everything the server holds. Past a limit it answers with an
// error status instead of growing.
struct ServerLimits
{
    qsizetype maxDatagramBytes = wire::kMaxDatagramSize;
    int maxInProgressPerClient = 64;
    // Ordered clients: requests held back until the calls before them have
    // run, per client. Past it a request is refused, not held.
    int maxHeldPerClient = 64;
    int maxInProgressTotal = 1024;
    int maxClients = 4096;
    // Fair admission: one sender (address and port) may hold at most this
    // many clients with calls or answers in the cache, and this many partial
    // messages, so a few thousand datagrams from one place cannot fill the
    // tables every other client needs. A sender that has not yet echoed its
    // address token holds one client, and all such senders together a
    // quarter of the partial messages. The driver limits the senders one
    // address may be (TransportOptions::maxPeersPerAddress).
    int maxClientsPerHost = 8;
    int maxPartialsPerHost = 32;
    std::int64_t maxCacheBytes = 16 * 1024 * 1024;
    // How long a finished call's answer is kept for resends. A client may
    // resend for longer (its deadline can be a day): past this, the reply
    // cache's forgotten-below mark refuses the call instead of running it.
    Duration maxEntryAge{120'000'000};
    // Bytes the reply cache may send again per second, to every client
    // together (a burst of one second's worth): duplicates of large replies,
    // even from clients that have shown they receive, cannot turn the
    // server into a firehose. 0: no cap.
    std::int64_t maxResendBytesPerSecond = 64 * 1024 * 1024;
    // Clients remembered by their marks alone once their entries are gone.
    int maxIdleClients = 65536;
    Duration maxIdleAge{86'400'000'000};
    // Fragmented requests: the largest message reassembled, how many partial
    // messages one client and all clients may have open, the bytes they may
    // hold in all, and how long one may stay incomplete.
    qsizetype maxMessageBytes = kDefaultMaxMessageBytes;
    int maxPartialsPerClient = 16;
    int maxPartialsTotal = 1024;
    qsizetype maxPartialBytes = 64 * 1024 * 1024;
    Duration maxPartialAge{60'000'000};

    friend bool operator==(const ServerLimits &, const ServerLimits &) = default;
};

struct ServerConfig
{
    std::uint32_t epoch = 1;      // this incarnation; in every datagram the server sends
    HostId host = kServerHost;
    AckMode ackMode = AckMode::Implicit;
    Duration ackDelay{100'000};   // implicit mode: say "working" if no reply by then
    wire::ChecksumKind checksum = wire::ChecksumKind::Crc32c;
    ServerLimits limits;
    qsizetype maxDatagram = wire::kDefaultMaxDatagram; // larger replies go in fragments
    // Address validation (wire/datagram.h): until a sender echoes the token
    // it was given, it is sent at most three times the bytes it sent.
    bool validateAddresses = true;
    // Keys the tokens; a real server draws it at random, so no sender can
    // work out another's token from its own.
    QByteArray tokenSecret = QByteArrayLiteral("rpcscope");
};

// What the anti-amplification limit has held back.
struct AmplificationStats
{
    std::uint64_t heldBack = 0;      // datagrams not sent to an address that had not shown it receives
    std::int64_t heldBackBytes = 0;
    std::uint64_t challenges = 0;    // short "working, answer me" datagrams sent instead, carrying the token
    std::uint64_t validated = 0;     // senders that echoed their token
    std::uint64_t resendsCapped = 0; // cached replies not sent again: over maxResendBytesPerSecond
};

// A handler the driver must run: the core does not run handlers itself.
struct Execution
{
    std::uint32_t clientId = 0;
    std::uint32_t callId = 0;
    HostId client = 0;
    QString method;
    QByteArray args;
};

// The server half of the protocol, sans-IO. It admits each (client, call)
// once: a new request becomes an Execution for the driver to run; a duplicate
// of a running call gets an ack or "working", never a second execution; a
// duplicate of a finished call gets the cached reply again.
//
// A fragmented request is reassembled before it is admitted, within the
// limits on partial messages; the last fragment of each round the client
// sends asks for a selective ack. A fragmented reply is sent once; the
// client's selective acks and probes say which fragments to send again, so
// the server keeps no timer per reply.
class ServerCore
{
public:
    ServerCore(ServerConfig config, trace::EventSink *sink);

    const ServerConfig &config() const { return m_config; }
    void setAckMode(AckMode mode) { m_config.ackMode = mode; }
    void setAckDelay(Duration delay) { m_config.ackDelay = delay; }
    void setChecksum(wire::ChecksumKind kind) { m_config.checksum = kind; }
    void setMaxDatagram(qsizetype bytes);
    void setLimits(const ServerLimits &limits);

    Received receive(QByteArrayView datagram, HostId from, TimePoint now);
    bool pollTransmit(Transmit &out);
    bool pollExecution(Execution &out);
    // The driver reports that the handler of (clientId, callId) returned.
    void handlerFinished(std::uint32_t clientId, std::uint32_t callId, wire::Status status,
                         const QString &message, const QByteArray &result, TimePoint now);
    // The deadline of each of the server's timers (core/timers.h).
    ServerTimers timers() const;
    // The earliest of timers().
    std::optional<TimePoint> nextTimeout() const;
    // Acts on every timer due by `now`.
    void handleTimeout(TimePoint now);
    // The driver no longer knows who `host` is (it forgot the address, or
    // never remembered it): what this core knew of that sender goes too, so
    // the id's next holder starts unvalidated.
    void forgetHost(HostId host) { m_senders.erase(host); }

    int inProgress() const { return m_inProgressTotal; }
    // Requests of ordered clients waiting for an earlier call to run.
    int held() const { return int(m_held.size()); }
    int partialMessages() const { return m_assembler.messages(); }
    qsizetype partialBytes() const { return m_assembler.bytes(); }
    const ReplyCache &replyCache() const { return m_cache; }
    const AmplificationStats &amplification() const { return m_amplification; }
    // Whether `host` has echoed its address token.
    bool isValidated(HostId host) const;

private:
    struct AckTimer
    {
        TimePoint at;
        std::uint32_t clientId;
        std::uint32_t callId;
        // Ties broken by call, so the order timers fire in never depends
        // on the heap's history (which timers were dropped before firing).
        friend auto operator<=>(const AckTimer &, const AckTimer &) = default;
    };

    // QUIC's anti-amplification limit (RFC 9000 §8.1), per sender.
    static constexpr int kAmplificationFactor = 3;
    struct Sender
    {
        std::uint64_t token = 0;
        std::int64_t received = 0; // bytes of decodable datagrams from it
        std::int64_t sent = 0;     // bytes sent to it while unvalidated
        bool validated = false;
        // One challenge per datagram received: a held-back answer is
        // replaced by a short one the sender can answer with its token.
        bool mayChallenge = false;
        // Something was held back since the sender was last heard: the rest
        // of that answer waits too, rather than go out in scattered pieces.
        bool holding = false;
    };

    Received onRequest(const wire::Header &h, QByteArrayView body, qsizetype size, HostId from,
                       TimePoint now);
    Received onRequestFragment(const wire::Header &h, QByteArrayView body, HostId from, TimePoint now);
    Received admit(const wire::Header &h, QByteArrayView body, HostId from, TimePoint now);
    // Hands the call to the driver to run.
    void execute(std::uint32_t clientId, std::uint32_t callId, HostId from, std::uint16_t attempt,
                 QString method, QByteArray args, TimePoint now);
    // Runs the client's next call if it is held and none of its calls runs.
    void releaseHeld(std::uint32_t clientId, TimePoint now);
    // The client gave up on its calls below `callId`: held ones never run.
    void dropHeldBelow(std::uint32_t clientId, std::uint32_t callId);
    // A client without entries may start a call only under the client limits.
    bool roomForClient(const wire::Header &h, HostId from, TimePoint now);
    Received onProbe(const wire::Header &h, QByteArrayView body, HostId from, TimePoint now);
    Received onFragmentAck(const wire::Header &h, QByteArrayView body, HostId from, TimePoint now);
    // A request or probe for a call with no entry that the client's marks
    // show is not new: dropped as stale or refused as forgotten. True if so.
    bool answerForgotten(const wire::Header &h, HostId from, TimePoint now);
    void answerDuplicate(const wire::Header &h, QByteArrayView body, ReplyCache::Entry &entry,
                         HostId from, TimePoint now);
    Sender &senderFor(HostId host);
    void holdBack(Sender &sender, const wire::Header &request, qsizetype bytes, HostId to);
    void challenge(const wire::Header &request, HostId to);
    void sendEmpty(wire::DatagramKind kind, const wire::Header &request, HostId to);
    void sendReply(wire::DatagramKind kind, const wire::Header &request, QByteArrayView body, HostId to,
                   std::uint16_t fragmentIndex = 0, std::uint16_t fragmentCount = 1,
                   bool ackRequested = false);
    // Sends the cached reply of `entry`: whole, or the fragments `held` lacks
    // (all of them if `held` is null), as a new round.
    // A resend (`resentAt` set) comes out of the resend budget, or is not sent.
    void sendCachedReply(const wire::Header &request, ReplyCache::Entry &entry,
                         const FragmentBitmap *held, std::optional<TimePoint> resentAt = std::nullopt);
    bool takeResendBudget(std::int64_t bytes, TimePoint now);
    void sendFragmentAck(const wire::Header &fragment, const FragmentBitmap &held, HostId to);
    void refuse(const wire::Header &request, HostId to, wire::Status status, const QString &message,
                TimePoint now);
    void recordEvictions(TimePoint now);
    void dropAnsweredAckTimers();
    void record(trace::EventKind kind, TimePoint now, HostId client, std::uint32_t callId,
                std::uint16_t attempt, std::uint32_t detail = 0,
                wire::DatagramKind datagram = wire::DatagramKind(0), std::uint32_t size = 0);

    ServerConfig m_config;
    trace::EventSink *m_sink;
    ReplyCache m_cache;
    int m_inProgressTotal = 0;
    std::priority_queue<AckTimer, std::vector<AckTimer>, std::greater<>> m_ackTimers;
    PollQueue<Transmit> m_transmits;
    PollQueue<Execution> m_executions;
    std::vector<ReplyCache::Eviction> m_evicted; // scratch
    wire::RequestBody m_requestScratch;       // what protobuf reads when wire::decodeRequestBody asks it to
    // The method of the latest admitted call, as sent and decoded: calls
    // mostly name one method again and again, and each Execution shares
    // this string rather than decode and allocate its own.
    QByteArray m_methodUtf8;
    QString m_method;
    FragmentBitmap m_bitmapScratch;

    // Requests of ordered clients held back, by (client id << 32 | call id).
    struct Held
    {
        HostId host = 0;
        QString method;
        QByteArray args;
    };
    std::map<std::uint64_t, Held> m_held;
    std::unordered_map<std::uint32_t, int> m_heldByClient;

    RequestAssembler m_assembler; // fragmented requests being reassembled

    std::unordered_map<HostId, Sender> m_senders;
    std::uint64_t m_tokensIssued = 0;
    std::int64_t m_resendBudget = -1; // bytes; -1: full, not yet used
    TimePoint m_resendRefilled{0};
    AmplificationStats m_amplification;
};

} // namespace rpcscope::core
