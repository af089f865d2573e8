#include "servercore.h"

#include <QCryptographicHash>

#include <algorithm>
#include <cstring>

namespace rpcscope::core {

using trace::EventKind;
using wire::DatagramKind;

namespace {
ReplyCache::Limits cacheLimits(const ServerLimits &limits)
{
    ReplyCache::Limits l;
    l.maxBytes = limits.maxCacheBytes;
    l.maxAge = limits.maxEntryAge;
    l.maxIdleClients = limits.maxIdleClients;
    l.maxIdleAge = limits.maxIdleAge;
    return l;
}
} // namespace

ServerCore::ServerCore(ServerConfig config, trace::EventSink *sink)
    : m_config(config)
    , m_sink(sink)
    , m_cache(cacheLimits(config.limits))
{
    setMaxDatagram(config.maxDatagram);
}

void ServerCore::setMaxDatagram(qsizetype bytes)
{
    m_config.maxDatagram = std::clamp(bytes, wire::kMinMaxDatagram, wire::kMaxDatagramSize);
}

namespace {
std::uint64_t callKey(std::uint32_t clientId, std::uint32_t callId)
{
    return std::uint64_t(clientId) << 32 | callId;
}
} // namespace

void ServerCore::setLimits(const ServerLimits &limits)
{
    m_config.limits = limits;
    m_cache.setLimits(cacheLimits(limits));
}

void ServerCore::record(EventKind kind, TimePoint now, HostId client, std::uint32_t callId,
                        std::uint16_t attempt, std::uint32_t detail, DatagramKind datagram,
                        std::uint32_t size)
{
    if (!m_sink)
        return;
    m_sink->record({.timeUs = now.count(),
                    .callId = callId,
                    .detail = detail,
                    .size = size,
                    .from = m_config.host,
                    .to = client,
                    .client = client,
                    .attempt = attempt,
                    .kind = kind,
                    .datagram = std::uint8_t(datagram)});
}

bool ServerCore::isValidated(HostId host) const
{
    const auto it = m_senders.find(host);
    return !m_config.validateAddresses || (it != m_senders.end() && it->second.validated);
}

ServerCore::Sender &ServerCore::senderFor(HostId host)
{
    Sender &sender = m_senders[host];
    if (sender.token == 0) {
        // A keyed hash of a counter: unpredictable without the secret, never
        // repeated, so one sender's token says nothing about another's.
        QCryptographicHash hash(QCryptographicHash::Sha256);
        hash.addData(m_config.tokenSecret);
        const std::uint64_t n = ++m_tokensIssued;
        hash.addData(QByteArrayView(reinterpret_cast<const char *>(&n), sizeof n));
        std::memcpy(&sender.token, hash.result().constData(), sizeof sender.token);
        sender.token |= 1; // tokens are never 0
        sender.validated = !m_config.validateAddresses;
    }
    return sender;
}

// Over the limit: not sent. The first answer held back after a datagram
// from the sender is replaced by a short "working" asking for a probe at
// once; the probe carries the token, and the answer follows.
void ServerCore::holdBack(Sender &sender, const wire::Header &request, qsizetype bytes, HostId to)
{
    ++m_amplification.heldBack;
    m_amplification.heldBackBytes += bytes;
    sender.holding = true;
    if (!sender.mayChallenge)
        return;
    sender.mayChallenge = false;
    sender.holding = false; // the challenge alone may pass, within the limit
    challenge(request, to);
    sender.holding = true;
}

// A short "working" that asks for an answer at once, carrying the sender's
// token (it is unvalidated): its probe in reply shows it receives here.
void ServerCore::challenge(const wire::Header &request, HostId to)
{
    ++m_amplification.challenges;
    sendReply(DatagramKind::Working, request, {}, to, 0, 1, true);
}

void ServerCore::sendReply(DatagramKind kind, const wire::Header &request, QByteArrayView body,
                           HostId to, std::uint16_t fragmentIndex, std::uint16_t fragmentCount,
                           bool ackRequested)
{
    Sender &sender = senderFor(to);
    wire::Header h;
    h.kind = kind;
    h.fragmentIndex = fragmentIndex;
    h.fragmentCount = fragmentCount;
    h.ackRequested = ackRequested;
    h.attempt = request.attempt;
    h.epoch = m_config.epoch;
    h.clientId = request.clientId;
    h.callId = request.callId;
    if (!sender.validated) {
        h.token = sender.token; // so the sender can echo it
        // Decided before encoding: a forged duplicate must not cost the
        // server a checksum over every fragment it will not send.
        const qsizetype size = wire::kOverhead + wire::kTokenSize + body.size();
        if (sender.holding || sender.sent + size > kAmplificationFactor * sender.received) {
            holdBack(sender, request, size, to);
            return;
        }
        sender.sent += size;
    }
    Transmit t;
    t.to = to;
    t.bytes = wire::encodeDatagram(h, body, m_config.checksum);
    t.kind = kind;
    t.callId = request.callId;
    t.attempt = request.attempt;
    t.fragment = traceFragment(kind, fragmentIndex, fragmentCount);
    t.client = to;
    m_transmits.push(std::move(t));
}

// A token bucket: the budget refills at the cap's rate, up to one second's worth.
bool ServerCore::takeResendBudget(std::int64_t bytes, TimePoint now)
{
    const std::int64_t rate = m_config.limits.maxResendBytesPerSecond;
    if (rate <= 0)
        return true;
    if (m_resendBudget < 0) {
        m_resendBudget = rate;
    } else if (now > m_resendRefilled) {
        const std::int64_t us = (now - m_resendRefilled).count();
        m_resendBudget = us >= 1'000'000 ? rate : std::min(rate, m_resendBudget + rate / 1'000 * us / 1'000);
    }
    m_resendRefilled = std::max(m_resendRefilled, now);
    if (bytes > m_resendBudget) {
        ++m_amplification.resendsCapped;
        return false;
    }
    m_resendBudget -= bytes;
    return true;
}

void ServerCore::sendCachedReply(const wire::Header &request, ReplyCache::Entry &entry,
                                 const FragmentBitmap *held, std::optional<TimePoint> resentAt)
{
    if (entry.replyPayload == 0) {
        if (!resentAt || takeResendBudget(entry.reply.size() + wire::kMaxOverhead, *resentAt))
            sendReply(DatagramKind::Reply, request, entry.reply, entry.host);
        return;
    }
    const OutgoingMessage message(entry.reply, entry.replyPayload);
    const auto count = std::uint16_t(message.count());
    std::vector<int> missing;
    missing.reserve(count);
    for (int i = 0; i < count; ++i)
        if (!held || !held->has(i))
            missing.push_back(i);
    if (missing.empty())
        return;
    if (resentAt && !takeResendBudget(std::int64_t(missing.size()) * (entry.replyPayload + wire::kMaxOverhead),
                                      *resentAt))
        return; // the client's next probe or selective ack asks again
    // Each round has its own number, so a selective ack names the round it answers.
    if (entry.replyRound < UINT16_MAX)
        ++entry.replyRound;
    wire::Header round = request;
    round.attempt = entry.replyRound;
    for (std::size_t i = 0; i < missing.size(); ++i)
        sendReply(DatagramKind::Reply, round, message.fragment(missing[i]), entry.host,
                  std::uint16_t(missing[i]), count, i + 1 == missing.size());
}

void ServerCore::sendFragmentAck(const wire::Header &fragment, const FragmentBitmap &held, HostId to)
{
    sendReply(DatagramKind::FragmentAck, fragment, held.bytes(), to, fragment.fragmentIndex,
              fragment.fragmentCount);
}

void ServerCore::sendEmpty(DatagramKind kind, const wire::Header &request, HostId to)
{
    sendReply(kind, request, {}, to);
}

void ServerCore::refuse(const wire::Header &request, HostId to, wire::Status status,
                        const QString &message, TimePoint now)
{
    QByteArray bytes;
    wire::encodeReplyBody(status, message.toUtf8(), {}, bytes);
    record(EventKind::Rejected, now, to, request.callId, request.attempt, std::uint32_t(status));
    sendReply(DatagramKind::Error, request, bytes, to);
}

void ServerCore::recordEvictions(TimePoint now)
{
    for (const ReplyCache::Eviction &e : m_evicted)
        record(EventKind::CacheEvict, now, e.host, e.callId, 0, std::uint32_t(e.reason));
    m_evicted.clear();
}

Received ServerCore::receive(QByteArrayView datagram, HostId from, TimePoint now)
{
    wire::Decoded d;
    const wire::DecodeError error = wire::decodeDatagram(datagram, m_config.checksum, d);
    if (error != wire::DecodeError::None) {
        const bool checksum = error == wire::DecodeError::ChecksumMismatch;
        record(checksum ? EventKind::ChecksumFail : EventKind::MalformedDropped, now, from, 0, 0,
               std::uint32_t(error));
        return checksum ? Received::ChecksumFailed : Received::Malformed;
    }
    const wire::Header &h = d.header;
    Sender &sender = senderFor(from);
    sender.received += datagram.size();
    sender.mayChallenge = true;
    sender.holding = false;
    if (!sender.validated && h.token == sender.token) {
        sender.validated = true;
        ++m_amplification.validated;
    }
    switch (h.kind) {
    case DatagramKind::Request:
    case DatagramKind::Probe:
        break;
    case DatagramKind::Ack:
        if (m_cache.acknowledge(h.clientId, h.callId, m_evicted)) {
            record(EventKind::Ack, now, from, h.callId, h.attempt, 1, h.kind);
            recordEvictions(now);
        }
        return Received::Accepted;
    case DatagramKind::FragmentAck:
        return onFragmentAck(h, d.body, from, now);
    default:
        record(EventKind::MalformedDropped, now, from, h.callId, h.attempt,
               std::uint32_t(ProtocolDrop::UnexpectedKind));
        return Received::Malformed;
    }

    // The call being sent is itself still open, so a client's ack-below can
    // never exceed it. Trusting a larger one would silently turn the client's
    // later calls into "stale" ones (a damaged datagram can carry anything).
    if (h.ackBelow > h.callId) {
        record(EventKind::MalformedDropped, now, from, h.callId, h.attempt,
               std::uint32_t(ProtocolDrop::BadAckBelow));
        return Received::Malformed;
    }

    // A datagram addressed to an earlier incarnation: whatever it refers to
    // was lost with that incarnation's memory.
    if (h.epoch != 0 && h.epoch != m_config.epoch) {
        refuse(h, from, wire::STATUS_SERVER_RESTARTED,
               QStringLiteral("server restarted — the call may or may not have run"), now);
        return Received::Accepted;
    }

    // A client the server has no record of: a probe can only be answered
    // "unknown". (A request must fit under the client limits: roomForClient.)
    m_cache.passTime(now);
    const bool knownClient = m_cache.knowsClient(h.clientId);
    if (!knownClient && h.kind == DatagramKind::Probe) {
        refuse(h, from, wire::STATUS_UNKNOWN_CALL, QStringLiteral("no record of this call"), now);
        return Received::Accepted;
    }

    m_cache.acknowledgeBelow(h.clientId, h.ackBelow, m_evicted);
    recordEvictions(now);
    if (!m_assembler.empty())
        m_assembler.closeBelow(h.clientId, h.ackBelow); // calls the client has given up on
    if (!m_held.empty() && h.ordered) {
        dropHeldBelow(h.clientId, h.ackBelow);
        releaseHeld(h.clientId, now); // the call it waited for may be one of them
    }

    const Received received = h.kind == DatagramKind::Probe
                                  ? onProbe(h, d.body, from, now)
                                  : onRequest(h, d.body, datagram.size(), from, now);
    // A newcomer whose request was refused leaves nothing behind.
    if (!knownClient)
        m_cache.releaseIfEmpty(h.clientId);
    return received;
}

void ServerCore::answerDuplicate(const wire::Header &h, QByteArrayView body, ReplyCache::Entry &entry,
                                 HostId from, TimePoint now)
{
    // The client may have moved (a new port after a restart of its socket).
    // Only a sender that has shown it receives moves where the call's
    // answers go: a copy from elsewhere (a forger who guessed the client id,
    // or the client on its new port) is first asked for its token, and
    // nothing about the call goes anywhere until it answers.
    if (from != entry.host && !isValidated(from)) {
        challenge(h, from);
        return;
    }
    entry.host = from;
    entry.attempt = h.attempt;
    switch (entry.state) {
    case ReplyCache::State::InProgress:
        if (h.kind == DatagramKind::Request)
            record(EventKind::DuplicateSuppressed, now, from, h.callId, h.attempt);
        sendEmpty(m_config.ackMode == AckMode::Explicit && h.kind == DatagramKind::Request
                      ? DatagramKind::Ack
                      : DatagramKind::Working,
                  h, from);
        break;
    case ReplyCache::State::Done: {
        record(EventKind::CachedReplyResent, now, from, h.callId, h.attempt);
        // A probe for a fragmented reply says which fragments the client holds.
        const bool held = h.kind == DatagramKind::Probe && entry.replyPayload != 0 && !body.isEmpty()
                          && FragmentBitmap::parse(body, OutgoingMessage::countFor(entry.reply.size(),
                                                                                   entry.replyPayload),
                                                   m_bitmapScratch);
        sendCachedReply(h, entry, held ? &m_bitmapScratch : nullptr, now);
        break;
    }
    case ReplyCache::State::Acked:
        // The client already has the reply: this is a copy the network delayed.
        record(EventKind::StaleDropped, now, from, h.callId, h.attempt);
        break;
    case ReplyCache::State::Tombstone:
        refuse(h, from, wire::STATUS_REPLY_NOT_CACHED,
               QStringLiteral("the call ran, but its reply is no longer cached"), now);
        break;
    }
}

Received ServerCore::onProbe(const wire::Header &h, QByteArrayView body, HostId from, TimePoint now)
{
    if (ReplyCache::Entry *entry = m_cache.find(h.clientId, h.callId))
        answerDuplicate(h, body, *entry, from, now);
    else if (!answerForgotten(h, from, now))
        refuse(h, from, wire::STATUS_UNKNOWN_CALL, QStringLiteral("no record of this call"), now);
    return Received::Accepted;
}

bool ServerCore::answerForgotten(const wire::Header &h, HostId from, TimePoint now)
{
    // The client has already seen this call end: a late copy, not a new call.
    if (h.callId < m_cache.ackBelow(h.clientId)) {
        record(EventKind::StaleDropped, now, from, h.callId, h.attempt);
        return true;
    }
    // Its answer was forgotten by age while the client could still ask
    // (a long deadline, or a copy replayed later): it may have run, so it
    // must not run now. The sequence counter says so without the entry.
    if (h.callId < m_cache.forgottenBelow(h.clientId)) {
        refuse(h, from, wire::STATUS_RESULT_FORGOTTEN,
               QStringLiteral("call %1 is older than what the server remembers of this client; "
                              "it was not run again, and may have run before")
                   .arg(h.callId),
               now);
        return true;
    }
    return false;
}

Received ServerCore::onRequest(const wire::Header &h, QByteArrayView body, qsizetype size, HostId from,
                               TimePoint now)
{
    if (ReplyCache::Entry *entry = m_cache.find(h.clientId, h.callId)) {
        // Fragments of a request already admitted: a round that asks for an
        // ack learns that every fragment is here (and probes from then on);
        // the rest of the round is dropped.
        if (h.fragmentCount > 1) {
            record(EventKind::FragmentDuplicate, now, from, h.callId, h.attempt, 0, h.kind);
            // Only for a count one selective ack can list: a bitmap sized by
            // whatever count a datagram claims would make 40 bytes draw 8 KB.
            if (h.ackRequested && h.fragmentCount <= maxFragments(m_config.maxDatagram - wire::kMaxOverhead)) {
                FragmentBitmap all(h.fragmentCount);
                for (int i = 0; i < h.fragmentCount; ++i)
                    all.set(i);
                sendFragmentAck(h, all, from);
            }
        } else {
            answerDuplicate(h, {}, *entry, from, now);
        }
        return Received::Accepted;
    }
    if (answerForgotten(h, from, now))
        return Received::Accepted;
    const ServerLimits &limits = m_config.limits;
    if (size > limits.maxDatagramBytes) {
        refuse(h, from, wire::STATUS_TOO_LARGE,
               QStringLiteral("request of %1 bytes exceeds the limit of %2")
                   .arg(size)
                   .arg(limits.maxDatagramBytes),
               now);
        return Received::Accepted;
    }
    if (h.fragmentCount > 1)
        return onRequestFragment(h, body, from, now);
    return admit(h, body, from, now);
}

Received ServerCore::onRequestFragment(const wire::Header &h, QByteArrayView body, HostId from,
                                       TimePoint now)
{
    const ServerLimits &limits = m_config.limits;
    // Nothing is set aside for a fragment that cannot belong to any message.
    if (body.isEmpty()) {
        record(EventKind::MalformedDropped, now, from, h.callId, h.attempt,
               std::uint32_t(ProtocolDrop::BadFragment));
        return Received::Malformed;
    }
    // Its selective acks must fit one of this server's datagrams. A message
    // of more fragments cannot be acked (and, answered anyway, 40 bytes
    // would draw 8 KB): refused once per round, the rest dropped.
    if (h.fragmentCount > maxFragments(m_config.maxDatagram - wire::kMaxOverhead)) {
        if (!h.ackRequested) {
            record(EventKind::MalformedDropped, now, from, h.callId, h.attempt,
                   std::uint32_t(ProtocolDrop::BadFragment));
            return Received::Malformed;
        }
        refuse(h, from, wire::STATUS_TOO_LARGE,
               QStringLiteral("request of %1 fragments is more than a selective ack of %2 bytes can list")
                   .arg(h.fragmentCount)
                   .arg(m_config.maxDatagram),
               now);
        return Received::Accepted;
    }
    RequestAssembler::Message *partial = m_assembler.find(h.clientId, h.callId);
    if (!partial) {
        if (!roomForClient(h, from, now))
            return Received::Accepted;
        // Senders that have not shown they receive hold a quarter of the
        // table between them: fragments from forged addresses cannot take
        // the room of clients the server knows.
        const bool validated = isValidated(from);
        const RequestAssembler::Room room{limits.maxPartialsPerClient, limits.maxPartialsPerHost,
                                          limits.maxPartialsTotal / 4, limits.maxPartialsTotal};
        if (!m_assembler.hasRoom(h.clientId, from, validated, room)) {
            // Not refused: the client resends, and by then others may be done.
            record(EventKind::MalformedDropped, now, from, h.callId, h.attempt,
                   std::uint32_t(ProtocolDrop::ReassemblyFull));
            // A new client whose fragments find the unvalidated quarter full
            // gets its address token in an empty selective ack; its resends
            // carry it, and then it counts among the clients the server knows.
            if (!validated)
                sendFragmentAck(h, FragmentBitmap(h.fragmentCount), from);
            return Received::Accepted;
        }
        partial = &m_assembler.open(h.clientId, h.callId, h.fragmentCount, limits.maxMessageBytes, from, validated,
                                    now);
    }
    if (partial->refused) {
        // Already refused as too large: say so again when asked, in case the
        // refusal was lost; the other fragments already on the way are dropped.
        if (h.ackRequested)
            refuse(h, from, wire::STATUS_TOO_LARGE,
                   QStringLiteral("request exceeds the limit of %1 bytes").arg(limits.maxMessageBytes), now);
        else
            record(EventKind::StaleDropped, now, from, h.callId, h.attempt, 0, h.kind);
        return Received::Accepted;
    }
    const Reassembly &message = partial->reassembly;
    // The first full-size fragment allocates the whole message: it must fit
    // under the byte cap of all partial messages together.
    if (message.expectedBytes() == 0 && h.fragmentIndex + 1 < h.fragmentCount
        && h.fragmentCount == message.count()
        && m_assembler.bytes() + qsizetype(h.fragmentCount - 1) * body.size() > limits.maxPartialBytes) {
        record(EventKind::MalformedDropped, now, from, h.callId, h.attempt,
               std::uint32_t(ProtocolDrop::ReassemblyFull));
        if (message.held().held() == 0)
            m_assembler.close(h.clientId, h.callId);
        return Received::Accepted;
    }
    switch (m_assembler.add(h.clientId, h.callId, *partial, h.fragmentIndex, h.fragmentCount, body, now)) {
    case Reassembly::Result::Inconsistent:
        // It disagrees with what is held. Either may be the damaged one (a
        // weak checksum lets damage through), so start the message over
        // rather than let one bad first fragment block every good one.
        record(EventKind::MalformedDropped, now, from, h.callId, h.attempt,
               std::uint32_t(ProtocolDrop::BadFragment));
        m_assembler.close(h.clientId, h.callId);
        return Received::Malformed;
    case Reassembly::Result::TooLarge:
        m_assembler.refuse(*partial);
        refuse(h, from, wire::STATUS_TOO_LARGE,
               QStringLiteral("request of %1 fragments of %2 bytes exceeds the limit of %3 bytes")
                   .arg(h.fragmentCount)
                   .arg(body.size())
                   .arg(limits.maxMessageBytes),
               now);
        return Received::Accepted;
    case Reassembly::Result::Duplicate:
        record(EventKind::FragmentDuplicate, now, from, h.callId, h.attempt, 0, h.kind);
        if (h.ackRequested)
            sendFragmentAck(h, message.held(), from);
        return Received::Accepted;
    case Reassembly::Result::Added:
        // Progress: the message's age counts from here (the assembler noted it).
        if (h.ackRequested)
            sendFragmentAck(h, message.held(), from);
        return Received::Accepted;
    case Reassembly::Result::Complete:
        break;
    }
    const FragmentBitmap all = message.held();
    const QByteArray whole = m_assembler.take(h.clientId, h.callId);
    record(EventKind::Reassembled, now, from, h.callId, h.attempt,
           std::uint32_t(std::min<qsizetype>(whole.size(), UINT32_MAX)), h.kind, h.fragmentCount);
    const Received received = admit(h, whole, from, now);
    // Admitted, and the mode sends no ack at once: still tell the client it
    // can stop sending fragments. (A refusal or an explicit ack says so already.)
    if (m_config.ackMode == AckMode::Implicit && m_cache.find(h.clientId, h.callId))
        sendFragmentAck(h, all, from);
    return received;
}

Received ServerCore::onFragmentAck(const wire::Header &h, QByteArrayView body, HostId from, TimePoint now)
{
    ReplyCache::Entry *entry = m_cache.find(h.clientId, h.callId);
    if (!entry || entry->state != ReplyCache::State::Done || entry->replyPayload == 0) {
        record(EventKind::StaleDropped, now, from, h.callId, h.attempt, 0, h.kind);
        return Received::Accepted;
    }
    const int count = OutgoingMessage::countFor(entry->reply.size(), entry->replyPayload);
    if (h.fragmentCount != count || !FragmentBitmap::parse(body, count, m_bitmapScratch)) {
        record(EventKind::MalformedDropped, now, from, h.callId, h.attempt,
               std::uint32_t(ProtocolDrop::BadFragment));
        return Received::Malformed;
    }
    record(EventKind::FragmentAck, now, from, h.callId, h.attempt, std::uint32_t(m_bitmapScratch.held()),
           h.kind, std::uint32_t(count));
    // An answer to the latest round: what it lacks was lost, send it again
    // now. An answer to an older round is already being taken care of.
    // (Where replies go is left to requests and probes: a selective ack
    // alone does not move the client.)
    if (!m_bitmapScratch.complete() && h.attempt == entry->replyRound)
        sendCachedReply(h, *entry, &m_bitmapScratch, now);
    return Received::Accepted;
}

bool ServerCore::roomForClient(const wire::Header &h, HostId from, TimePoint now)
{
    if (m_cache.isActive(h.clientId))
        return true;
    const ServerLimits &limits = m_config.limits;
    if (m_cache.activeClientCount() >= limits.maxClients) {
        refuse(h, from, wire::STATUS_BUSY, QStringLiteral("too many clients (%1)").arg(limits.maxClients), now);
        return false;
    }
    // One sender cannot take the table from everyone else, whatever client
    // ids it makes up; one that has not shown it receives gets one client.
    const int perHost = isValidated(from) ? limits.maxClientsPerHost : 1;
    if (m_cache.activeClientsOn(from) >= perHost) {
        refuse(h, from, wire::STATUS_BUSY,
               QStringLiteral("too many clients from this address and port (%1)").arg(perHost), now);
        return false;
    }
    return true;
}

Received ServerCore::admit(const wire::Header &h, QByteArrayView body, HostId from, TimePoint now)
{
    if (!roomForClient(h, from, now))
        return Received::Accepted;
    const ServerLimits &limits = m_config.limits;
    const int clientInProgress = m_cache.running(h.clientId);
    // Ordered clients (the chapter's in-order delivery): a call runs when
    // every call before it has run or ended at the client and none of its
    // calls is running. One that arrives ahead waits in the hold-back queue,
    // acked like a running call, so its client probes instead of resending.
    const std::uint32_t next = h.ordered ? std::max(m_cache.orderedNext(h.clientId), h.ackBelow) : 0;
    if (h.ordered && h.callId < next) {
        // Its place in the order has passed: it ran and its entry is gone,
        // or the client gave up on it. Either way it must not run now.
        refuse(h, from, wire::STATUS_RESULT_FORGOTTEN,
               QStringLiteral("call %1 comes before call %2, the next this client's order allows; "
                              "it was not run again")
                   .arg(h.callId)
                   .arg(next),
               now);
        return Received::Accepted;
    }
    const bool waits = h.ordered && (h.callId != next || clientInProgress > 0);
    if (waits) {
        const auto held = m_heldByClient.find(h.clientId);
        if (held != m_heldByClient.end() && held->second >= limits.maxHeldPerClient) {
            refuse(h, from, wire::STATUS_BUSY,
                   QStringLiteral("hold-back queue full: %1 later calls already wait for call %2 to run")
                       .arg(held->second)
                       .arg(next),
                   now);
            return Received::Accepted;
        }
    } else if (clientInProgress >= limits.maxInProgressPerClient || m_inProgressTotal >= limits.maxInProgressTotal) {
        refuse(h, from, wire::STATUS_BUSY,
               QStringLiteral("too many calls in progress (%1 for this client, %2 in all)")
                   .arg(clientInProgress)
                   .arg(m_inProgressTotal),
               now);
        return Received::Accepted;
    }
    wire::RequestBodyView request;
    if (!wire::decodeRequestBody(body, request, m_requestScratch)) {
        record(EventKind::MalformedDropped, now, from, h.callId, h.attempt,
               std::uint32_t(wire::DecodeError::BadBody));
        return Received::Malformed;
    }
    if (request.method != m_methodUtf8) {
        m_methodUtf8 = request.method.toByteArray();
        m_method = QString::fromUtf8(m_methodUtf8);
    }
    QByteArray args = request.args.toByteArray();

    ReplyCache::Entry &entry = m_cache.insert(h.clientId, h.callId, from);
    entry.attempt = h.attempt;
    entry.ordered = h.ordered;
    if (waits) {
        m_held.emplace(callKey(h.clientId, h.callId), Held{from, m_method, std::move(args)});
        ++m_heldByClient[h.clientId];
        record(EventKind::RequestHeld, now, from, h.callId, h.attempt, next);
    } else {
        execute(h.clientId, h.callId, from, h.attempt, m_method, std::move(args), now);
    }

    if (m_config.ackMode == AckMode::Explicit)
        sendEmpty(DatagramKind::Ack, h, from);
    else
        m_ackTimers.push({now + m_config.ackDelay, h.clientId, h.callId});
    return Received::Accepted;
}

void ServerCore::execute(std::uint32_t clientId, std::uint32_t callId, HostId from, std::uint16_t attempt,
                         QString method, QByteArray args, TimePoint now)
{
    m_cache.addRunning(clientId, +1);
    ++m_inProgressTotal;
    Execution exec;
    exec.clientId = clientId;
    exec.callId = callId;
    exec.client = from;
    exec.method = std::move(method);
    exec.args = std::move(args);
    m_executions.push(std::move(exec));
    record(EventKind::HandlerStart, now, from, callId, attempt);
}

void ServerCore::releaseHeld(std::uint32_t clientId, TimePoint now)
{
    if (m_cache.running(clientId) > 0)
        return; // one of its calls runs; its end releases the next
    const std::uint32_t next = m_cache.orderedNext(clientId);
    const auto it = m_held.find(callKey(clientId, next));
    if (it == m_held.end())
        return;
    Held held = std::move(it->second);
    m_held.erase(it);
    if (auto n = m_heldByClient.find(clientId); n != m_heldByClient.end() && --n->second <= 0)
        m_heldByClient.erase(n);
    const ReplyCache::Entry *entry = m_cache.find(clientId, next);
    Q_ASSERT(entry && entry->state == ReplyCache::State::InProgress);
    execute(clientId, next, entry ? entry->host : held.host, entry ? entry->attempt : 1, std::move(held.method),
            std::move(held.args), now);
}

void ServerCore::dropHeldBelow(std::uint32_t clientId, std::uint32_t callId)
{
    const auto first = m_held.lower_bound(callKey(clientId, 0));
    const auto last = m_held.lower_bound(callKey(clientId, callId));
    int dropped = 0;
    for (auto it = first; it != last; ++it, ++dropped)
        m_cache.withdraw(clientId, std::uint32_t(it->first));
    if (dropped == 0)
        return;
    m_held.erase(first, last);
    if (auto n = m_heldByClient.find(clientId); n != m_heldByClient.end() && (n->second -= dropped) <= 0)
        m_heldByClient.erase(n);
}

void ServerCore::handlerFinished(std::uint32_t clientId, std::uint32_t callId, wire::Status status,
                                 const QString &message, const QByteArray &result, TimePoint now)
{
    ReplyCache::Entry *entry = m_cache.find(clientId, callId);
    if (!entry || entry->state != ReplyCache::State::InProgress
        || (entry->ordered && m_held.contains(callKey(clientId, callId))))
        return;
    const bool ordered = entry->ordered;
    m_cache.addRunning(clientId, -1);
    --m_inProgressTotal;

    QByteArray bytes;
    wire::encodeReplyBody(status, message.toUtf8(), result, bytes);

    const HostId host = entry->host;
    wire::Header request;
    request.clientId = clientId;
    request.callId = callId;
    request.attempt = entry->attempt;
    record(EventKind::HandlerEnd, now, host, callId, entry->attempt, std::uint32_t(status));
    // A reply that cannot go is replaced by the error saying why, in the cache too.
    const auto tooLarge = [&bytes](const QString &why) {
        wire::encodeReplyBody(wire::STATUS_TOO_LARGE, why.toUtf8(), {}, bytes);
    };
    if (bytes.size() > m_config.limits.maxMessageBytes)
        tooLarge(QStringLiteral("reply of %1 bytes exceeds the limit of %2 bytes")
                     .arg(bytes.size())
                     .arg(m_config.limits.maxMessageBytes));
    const qsizetype payload = m_config.maxDatagram - wire::kMaxOverhead;
    if (bytes.size() > payload && OutgoingMessage::countFor(bytes.size(), payload) > maxFragments(payload))
        tooLarge(QStringLiteral("reply of %1 bytes needs more than %2 fragments of %3 bytes")
                     .arg(bytes.size())
                     .arg(maxFragments(payload))
                     .arg(payload));
    entry->replyPayload = bytes.size() > payload ? std::int32_t(payload) : 0;
    entry->replyRound = 0;
    entry->reply = bytes; // shared, not copied: sendCachedReply reads it, complete() keeps it
    sendCachedReply(request, *entry, nullptr);
    entry->reply.clear();
    m_cache.complete(clientId, callId, std::move(bytes), now, m_evicted);
    recordEvictions(now);
    dropAnsweredAckTimers();
    if (ordered) {
        m_cache.ranInOrder(clientId, callId);
        releaseHeld(clientId, now);
    }
}

bool ServerCore::pollTransmit(Transmit &out)
{
    return m_transmits.poll(out);
}

bool ServerCore::pollExecution(Execution &out)
{
    return m_executions.poll(out);
}

void ServerCore::dropAnsweredAckTimers()
{
    // An ack timer whose call has answered would fire and do nothing. Those
    // first in line go now, so that a server answering quickly keeps no
    // timer armed for them: no wake-up and no re-arming per call.
    while (!m_ackTimers.empty()) {
        const AckTimer &t = m_ackTimers.top();
        const ReplyCache::Entry *entry = m_cache.find(t.clientId, t.callId);
        if (entry && entry->state == ReplyCache::State::InProgress)
            return;
        m_ackTimers.pop();
    }
}

ServerTimers ServerCore::timers() const
{
    ServerTimers timers;
    // The earliest ack timer; one whose call has finished since (and was not
    // first in line then) fires and does nothing.
    if (!m_ackTimers.empty())
        timers.set(ServerTimer::AckDelay, m_ackTimers.top().at);
    timers.set(ServerTimer::ReplyExpiry, m_cache.nextExpiry());
    timers.set(ServerTimer::PartialExpiry, m_assembler.nextExpiry(m_config.limits.maxPartialAge));
    return timers;
}

std::optional<TimePoint> ServerCore::nextTimeout() const
{
    if (const auto next = timers().next())
        return next->second;
    return std::nullopt;
}

void ServerCore::handleTimeout(TimePoint now)
{
    // AckDelay: a call still running after the ack delay gets "working", so
    // its client stops resending (implicit mode; explicit mode acked at once).
    while (!m_ackTimers.empty() && m_ackTimers.top().at <= now) {
        const AckTimer t = m_ackTimers.top();
        m_ackTimers.pop();
        const ReplyCache::Entry *entry = m_cache.find(t.clientId, t.callId);
        if (entry && entry->state == ReplyCache::State::InProgress) {
            wire::Header request;
            request.clientId = t.clientId;
            request.callId = t.callId;
            request.attempt = entry->attempt;
            sendEmpty(DatagramKind::Working, request, entry->host);
        }
    }
    // ReplyExpiry: answers and marks past their age leave the cache.
    m_cache.expire(now, m_evicted);
    recordEvictions(now);
    // PartialExpiry: fragmented requests that stopped coming.
    m_assembler.expire(now, m_config.limits.maxPartialAge);
}

} // namespace rpcscope::core
