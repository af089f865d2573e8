#pragma once

#include "clock.h"
#include "pollqueue.h"
#include "protocolconfig.h"
#include "replycache.h"
#include "trace/event.h"
#include "transmit.h"
#include "wire/bodies.pb.h"
#include "wire/checksum.h"

#include <QByteArray>
#include <QString>

#include <deque>
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
    int maxInProgressTotal = 1024;
    int maxClients = 4096;
    std::int64_t maxCacheBytes = 16 * 1024 * 1024;
    // Longer than any client deadline, so no legitimate resend outlives its entry.
    Duration maxEntryAge{120'000'000};

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
class ServerCore
{
public:
    ServerCore(ServerConfig config, trace::EventSink *sink);

    const ServerConfig &config() const { return m_config; }
    void setAckMode(AckMode mode) { m_config.ackMode = mode; }
    void setAckDelay(Duration delay) { m_config.ackDelay = delay; }
    void setChecksum(wire::ChecksumKind kind) { m_config.checksum = kind; }
    void setLimits(const ServerLimits &limits);

    Received receive(QByteArrayView datagram, HostId from, TimePoint now);
    bool pollTransmit(Transmit &out);
    bool pollExecution(Execution &out);
    // The driver reports that the handler of (clientId, callId) returned.
    void handlerFinished(std::uint32_t clientId, std::uint32_t callId, wire::Status status,
                         const QString &message, const QByteArray &result, TimePoint now);
    std::optional<TimePoint> nextTimeout() const;
    void handleTimeout(TimePoint now);

    int inProgress() const { return m_inProgressTotal; }
    const ReplyCache &replyCache() const { return m_cache; }

private:
    struct AckTimer
    {
        TimePoint at;
        std::uint32_t clientId;
        std::uint32_t callId;
        bool operator>(const AckTimer &o) const { return at > o.at; }
    };

    Received onRequest(const wire::Header &h, QByteArrayView body, qsizetype size, HostId from,
                       TimePoint now);
    Received onProbe(const wire::Header &h, HostId from, TimePoint now);
    void answerDuplicate(const wire::Header &h, ReplyCache::Entry &entry, HostId from, TimePoint now);
    void sendEmpty(wire::DatagramKind kind, const wire::Header &request, HostId to);
    void sendReply(wire::DatagramKind kind, const wire::Header &request, QByteArrayView body, HostId to);
    void refuse(const wire::Header &request, HostId to, wire::Status status, const QString &message,
                TimePoint now);
    void recordEvictions(TimePoint now);
    void record(trace::EventKind kind, TimePoint now, HostId client, std::uint32_t callId,
                std::uint16_t attempt, std::uint32_t detail = 0,
                wire::DatagramKind datagram = wire::DatagramKind(0));

    ServerConfig m_config;
    trace::EventSink *m_sink;
    ReplyCache m_cache;
    std::unordered_map<std::uint32_t, int> m_inProgressByClient;
    int m_inProgressTotal = 0;
    std::priority_queue<AckTimer, std::vector<AckTimer>, std::greater<>> m_ackTimers;
    PollQueue<Transmit> m_transmits;
    PollQueue<Execution> m_executions;
    std::vector<ReplyCache::Eviction> m_evicted; // scratch
    wire::RequestBody m_requestScratch;
};

} // namespace rpcscope::core
