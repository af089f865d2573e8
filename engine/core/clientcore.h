#pragma once

#include "base/clock.h"
#include "base/event.h"
#include "fragments.h"
#include "pollqueue.h"
#include "protocolconfig.h"
#include "retrypolicy.h"
#include "timers.h"
#include "transmit.h"
#include "wire/bodycodec.h"
#include "wire/checksum.h"

#include <QByteArray>
#include <QString>

#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <queue>
#include <vector>

namespace rpcscope::core {

struct ClientConfig
{
    std::uint32_t clientId = 1;  // on the wire; unique per client incarnation
    HostId host = 1;             // in the trace
    HostId server = kServerHost;
    RetryConfig retry;
    int window = 8;              // calls in flight at once; more wait in a queue
    AckMode ackMode = AckMode::Implicit;
    wire::ChecksumKind checksum = wire::ChecksumKind::Crc32c;
    Duration pollInterval{0};    // probe period once the server said ack/working; 0: retry.timeout
    std::uint64_t seed = 1;      // for jittered back-off
    // Requests larger than one datagram of this size are sent in fragments.
    qsizetype maxDatagram = wire::kDefaultMaxDatagram;
    // The largest reply this client reassembles; a larger one fails the call.
    qsizetype maxMessageBytes = kDefaultMaxMessageBytes;
    // The server runs this client's calls one at a time in call-id order,
    // holding back any that arrive early (wire::Header::ordered).
    bool ordered = false;
};

// How a call ended.
struct Completion
{
    std::uint32_t callId = 0;
    trace::CallError error = trace::CallError::None; // None: the call succeeded
    wire::Status status = wire::STATUS_OK;           // the server's status, if it answered
    QString message;                                 // the server's or our reason, for people
    QByteArray result;
    int attempts = 0;
    Duration latency{0};
};

// The client half of the protocol, sans-IO: it is handed datagrams and the
// time, and hands back datagrams to send, the next time it needs to be woken,
// and finished calls. It never reads a clock, opens a socket or starts a
// thread, so the same code runs in virtual time and on real sockets.
//
// Each call: send the request, arm a timer from the retry policy; on timeout
// resend (attempt n+1) until max attempts; once the server acks or says it
// is working, probe at the poll interval instead of resending; end on the
// reply, the deadline or max attempts. Replies for calls that already ended
// are dropped and traced.
//
// A request larger than one datagram goes out as fragments; the server's
// selective acks say which it holds, and each resend carries only the
// missing ones. Max attempts counts timeouts without progress, so a long
// transfer that keeps moving under loss is not given up on. A fragmented
// reply is reassembled here; a probe carries what is held of it, so the
// server resends only the rest.
class ClientCore
{
public:
    ClientCore(ClientConfig config, trace::EventSink *sink);

    const ClientConfig &config() const { return m_config; }
    // Live changes. A new retry policy re-arms the timers of calls in flight.
    void setRetryConfig(const RetryConfig &retry, TimePoint now);
    void setAckMode(AckMode mode) { m_config.ackMode = mode; }
    void setChecksum(wire::ChecksumKind kind) { m_config.checksum = kind; }
    void setWindow(int window, TimePoint now);

    // Queues a call and returns its id; it starts at once if the window has
    // room. `retry` replaces the client's retry config for this call alone
    // (timeouts, back-off, max attempts, deadline).
    std::uint32_t startCall(const QString &method, const QByteArray &args, TimePoint now,
                            std::optional<RetryConfig> retry = std::nullopt);
    // Ends a call with CallError::Cancelled. False if it already ended.
    bool cancel(std::uint32_t callId, TimePoint now);

    Received receive(QByteArrayView datagram, HostId from, TimePoint now);
    bool pollTransmit(Transmit &out);
    bool pollCompletion(Completion &out);
    std::optional<TimePoint> nextTimeout() const;
    void handleTimeout(TimePoint now);

    // Every call below this id has ended: the lowest still open or queued,
    // else the next id (the ack-below each datagram carries).
    std::uint32_t ackBelow() const;
    // The id the next call will get.
    std::uint32_t nextCallId() const { return m_nextCallId; }
    int inFlight() const { return int(m_calls.size()); }
    int queued() const { return int(m_queue.size()); }
    const RetryPolicy &retryPolicy() const { return m_policy; }
    std::uint32_t knownEpoch() const { return m_epoch; }

private:
    enum class Phase : std::uint8_t {
        Sent,       // waiting for any answer; timeouts resend the request
        Probing,    // the server has it (ack or working); timeouts send probes
    };
    struct Call
    {
        std::uint32_t id = 0;
        QByteArray body;          // encoded RequestBody, kept for resends
        TimePoint started{0};
        TimePoint deadline{0};
        TimePoint lastSent{0};
        TimePoint timerAt{0};
        Duration timeout{0};      // armed after the last send
        std::uint32_t epoch = 0;  // server epoch known when first sent
        std::uint32_t timerGeneration = 0;
        std::uint16_t attempt = 0;  // sends of the request so far (fragment rounds count too)
        std::uint16_t tries = 0;    // timeouts since the last progress, plus one: drives back-off
        Phase phase = Phase::Sent;
        bool probed = false;
        std::shared_ptr<const RetryConfig> retry; // the call's own options; null: the client's
        std::unique_ptr<OutgoingMessage> out;     // a fragmented request (then `body` is empty)
        std::unique_ptr<Reassembly> in;           // a fragmented reply, while it arrives
        std::uint32_t inEpoch = 0;                // the server incarnation `in` comes from
    };

    struct Timer
    {
        TimePoint at;
        std::uint32_t callId;
        std::uint32_t generation;
        bool operator>(const Timer &o) const { return at > o.at; }
    };

    void launch(Call &call, TimePoint now);
    enum class Resend : std::uint8_t { AllMissing, TailProbe };
    void sendRequest(Call &call, TimePoint now, Resend resend = Resend::AllMissing);
    // Sends the request again as attempt n+1 (after a timeout, or what a
    // selective ack shows was lost), traced, with the timer backed off.
    void resend(Call &call, TimePoint now, Resend resend);
    // Which of the call's timers its one timer stands for, when it fires at `now`.
    ClientTimer firing(const Call &call, TimePoint now) const;
    void sendProbe(Call &call, TimePoint now);
    void send(wire::DatagramKind kind, const Call &call, QByteArrayView body, FragmentPos pos = {});
    void startProbing(Call &call, TimePoint now);
    void arm(Call &call, TimePoint at);
    void finish(std::map<std::uint32_t, Call>::iterator it, Completion completion, TimePoint now);
    void fail(std::map<std::uint32_t, Call>::iterator it, trace::CallError error, QString message,
              TimePoint now);
    void fillWindow(TimePoint now);
    std::map<std::uint32_t, Call>::iterator enter(Call &&call);
    void dropStaleTimers();
    Received onReply(const wire::Header &header, QByteArrayView body, TimePoint now);
    Received onReplyFragment(const wire::Header &header, QByteArrayView body, TimePoint now);
    Received onFragmentAck(const wire::Header &header, QByteArrayView body, TimePoint now);
    void onEpoch(std::uint32_t epoch, TimePoint now);
    static Call lateCall(const wire::Header &h);
    const RetryConfig &retryOf(const Call &call) const;
    Duration pollIntervalOf(const Call &call) const;
    void record(trace::EventKind kind, TimePoint now, const Call *call, std::uint32_t detail = 0,
                wire::DatagramKind datagram = wire::DatagramKind(0), std::uint32_t size = 0);

    ClientConfig m_config;
    trace::EventSink *m_sink;
    RetryPolicy m_policy;
    std::uint32_t m_nextCallId = 1;
    std::uint32_t m_epoch = 0;
    std::uint64_t m_token = 0;               // the server's latest address token, echoed in every datagram
    bool m_filling = false; // inside fillWindow()
    std::map<std::uint32_t, Call> m_calls;   // in flight, by id (ordered: the lowest gives ack-below)
    // Nodes of ended calls, kept for the next calls to start in: a call's
    // place in m_calls then costs no allocation. At most a window's worth.
    std::vector<std::map<std::uint32_t, Call>::node_type> m_spareNodes;
    std::deque<Call> m_queue;                // waiting for room in the window
    std::priority_queue<Timer, std::vector<Timer>, std::greater<>> m_timers;
    PollQueue<Transmit> m_transmits;
    PollQueue<Completion> m_completions;
    wire::ReplyBody m_replyScratch;          // what protobuf reads when wire::decodeReplyBody asks it to
    // The method of the latest call and its UTF-8: calls mostly name one
    // method again and again, and converting it cost an allocation per call.
    QString m_method;
    QByteArray m_methodUtf8;
    FragmentBitmap m_bitmapScratch;          // reused to parse selective acks
};

} // namespace rpcscope::core
