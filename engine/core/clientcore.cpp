#include "clientcore.h"

#include <algorithm>

namespace rpcscope::core {

using trace::CallError;
using trace::EventKind;
using wire::DatagramKind;

ClientCore::ClientCore(ClientConfig config, trace::EventSink *sink)
    : m_config(config)
    , m_sink(sink)
    , m_policy(config.retry, config.seed)
{
    m_config.window = std::max(1, m_config.window);
    m_config.maxDatagram = std::clamp(m_config.maxDatagram, wire::kMinMaxDatagram, wire::kMaxDatagramSize);
}

void ClientCore::record(EventKind kind, TimePoint now, const Call *call, std::uint32_t detail,
                        DatagramKind datagram, std::uint32_t size)
{
    if (!m_sink)
        return;
    m_sink->record({.timeUs = now.count(),
                    .callId = call ? call->id : 0,
                    .detail = detail,
                    .size = size,
                    .from = m_config.host,
                    .client = m_config.host,
                    .attempt = call ? call->attempt : std::uint16_t(0),
                    .kind = kind,
                    .datagram = std::uint8_t(datagram)});
}

void ClientCore::setRetryConfig(const RetryConfig &retry, TimePoint now)
{
    m_config.retry = retry;
    m_policy.setConfig(retry);
    // Calls in flight follow the new policy from now on: re-arm each timer as
    // if its last send had been made under it (never in the past).
    for (auto &[id, call] : m_calls) {
        call.timeout = call.phase == Phase::Probing
                           ? pollIntervalOf(call)
                           : m_policy.timeoutFor(call.tries, call.timeout, retryOf(call));
        call.deadline = call.started + retryOf(call).deadline;
        arm(call, std::max(now, call.lastSent + call.timeout));
    }
    for (Call &call : m_queue)
        call.deadline = call.started + retryOf(call).deadline;
}

void ClientCore::setWindow(int window, TimePoint now)
{
    m_config.window = std::max(1, window);
    fillWindow(now);
}

const RetryConfig &ClientCore::retryOf(const Call &call) const
{
    return call.retry ? *call.retry : m_config.retry;
}

Duration ClientCore::pollIntervalOf(const Call &call) const
{
    return m_config.pollInterval.count() > 0 ? m_config.pollInterval : retryOf(call).timeout;
}

std::uint32_t ClientCore::startCall(const QString &method, const QByteArray &args, TimePoint now,
                                    std::optional<RetryConfig> retry)
{
    Call call;
    call.id = m_nextCallId++;
    if (retry)
        call.retry = std::make_shared<const RetryConfig>(*retry);
    if (method != m_method) {
        m_method = method;
        m_methodUtf8 = method.toUtf8();
    }
    wire::encodeRequestBody(m_methodUtf8, args, call.body);
    const qsizetype payload = m_config.maxDatagram - wire::kMaxOverhead;
    const qsizetype bytes = call.body.size();
    if (bytes > payload)
        call.out = std::make_unique<OutgoingMessage>(std::exchange(call.body, {}), payload);
    call.started = now;
    call.deadline = now + retryOf(call).deadline;
    const std::uint32_t id = call.id;
    record(EventKind::CallStart, now, &call);
    if (call.out && call.out->count() > maxFragments(payload)) {
        auto it = enter(std::move(call));
        fail(it, CallError::TooLarge,
             QStringLiteral("request of %1 bytes needs more than %2 fragments of %3 bytes")
                 .arg(bytes)
                 .arg(maxFragments(payload))
                 .arg(payload),
             now);
        return id;
    }
    m_queue.push_back(std::move(call));
    fillWindow(now);
    return id;
}

void ClientCore::fillWindow(TimePoint now)
{
    // A call that expired in the queue ends through finish(), which refills
    // the window again: loop here instead of recursing once per such call.
    if (m_filling)
        return;
    m_filling = true;
    while (!m_queue.empty() && int(m_calls.size()) < m_config.window) {
        Call call = std::move(m_queue.front());
        m_queue.pop_front();
        if (now >= call.deadline) { // waited in the queue past its deadline
            auto it = enter(std::move(call));
            fail(it, CallError::DeadlineExceeded, QStringLiteral("deadline passed while queued"), now);
            continue;
        }
        auto it = enter(std::move(call));
        launch(it->second, now);
    }
    m_filling = false;
}

// Puts a call in flight, in a spare node if there is one.
std::map<std::uint32_t, ClientCore::Call>::iterator ClientCore::enter(Call &&call)
{
    if (m_spareNodes.empty())
        return m_calls.emplace(call.id, std::move(call)).first;
    auto node = std::move(m_spareNodes.back());
    m_spareNodes.pop_back();
    node.key() = call.id;
    node.mapped() = std::move(call);
    return m_calls.insert(std::move(node)).position;
}

void ClientCore::launch(Call &call, TimePoint now)
{
    call.epoch = m_epoch;
    call.attempt = 1;
    call.tries = 1;
    sendRequest(call, now);
    call.timeout = m_policy.timeoutFor(1, Duration(0), retryOf(call));
    arm(call, now + call.timeout);
}

void ClientCore::send(DatagramKind kind, const Call &call, QByteArrayView body, FragmentPos pos)
{
    wire::Header h;
    h.kind = kind;
    h.fragmentIndex = pos.index;
    h.fragmentCount = pos.count;
    h.ackRequested = pos.ackRequested;
    h.attempt = call.attempt;
    h.epoch = call.epoch;
    h.clientId = m_config.clientId;
    h.callId = call.id;
    h.ackBelow = ackBelow();
    h.ordered = m_config.ordered;
    h.token = m_token; // shows the server this address receives what it sends
    Transmit t;
    t.to = m_config.server;
    t.bytes = wire::encodeDatagram(h, body, m_config.checksum);
    t.kind = kind;
    t.callId = call.id;
    t.attempt = call.attempt;
    t.fragment = traceFragment(kind, pos.index, pos.count);
    t.client = m_config.host;
    m_transmits.push(std::move(t));
}

void ClientCore::sendRequest(Call &call, TimePoint now, Resend resend)
{
    call.lastSent = now;
    if (!call.out) {
        send(DatagramKind::Request, call, call.body);
        return;
    }
    // Only what the server has not acknowledged; the last of the round asks
    // for a selective ack so gaps show without waiting for the timer.
    std::vector<int> missing = call.out->missing();
    if (resend == Resend::TailProbe && missing.size() > 1) {
        // The timer fired with no word on the last round: most of it may
        // well have arrived, and only the ack is missing. Send the last
        // missing fragment alone and let its selective ack say what else to
        // send, rather than send everything again.
        missing.erase(missing.begin(), missing.end() - 1);
    }
    const auto count = std::uint16_t(call.out->count());
    for (std::size_t i = 0; i < missing.size(); ++i) {
        const int index = missing[i];
        send(DatagramKind::Request, call, call.out->fragment(index),
             {std::uint16_t(index), count, i + 1 == missing.size()});
    }
}

void ClientCore::sendProbe(Call &call, TimePoint now)
{
    call.lastSent = now;
    call.probed = true;
    // While a fragmented reply arrives, the probe says which fragments are
    // held, so the server resends only the others.
    if (call.in)
        send(DatagramKind::Probe, call, call.in->held().bytes(),
             {0, std::uint16_t(call.in->count()), false});
    else
        send(DatagramKind::Probe, call, {});
}

void ClientCore::startProbing(Call &call, TimePoint now)
{
    if (call.phase != Phase::Sent)
        return;
    // The server has the request: resending it would only add load.
    call.phase = Phase::Probing;
    if (call.out)
        call.out->markAllAcked();
    call.timeout = pollIntervalOf(call);
    arm(call, now + call.timeout);
}

void ClientCore::arm(Call &call, TimePoint at)
{
    call.timerAt = std::min(at, call.deadline);
    ++call.timerGeneration;
    m_timers.push({call.timerAt, call.id, call.timerGeneration});
    dropStaleTimers(); // the replaced timer may be the earliest; nextTimeout() must not report it
}

std::uint32_t ClientCore::ackBelow() const
{
    if (!m_calls.empty())
        return m_calls.begin()->first;
    if (!m_queue.empty())
        return m_queue.front().id;
    return m_nextCallId;
}

void ClientCore::finish(std::map<std::uint32_t, Call>::iterator it, Completion completion,
                        TimePoint now)
{
    Call &call = it->second;
    completion.callId = call.id;
    completion.attempts = call.attempt;
    completion.latency = now - call.started;
    if (completion.error == CallError::None)
        record(EventKind::CallOk, now, &call, std::uint32_t(completion.latency.count()));
    else
        record(EventKind::CallFailed, now, &call, std::uint32_t(completion.error));
    m_completions.push(std::move(completion));
    auto node = m_calls.extract(it); // its timers go stale and are skipped
    if (m_spareNodes.size() < std::size_t(m_config.window)) {
        node.mapped() = Call{}; // lets go of what the call held now, not when the node is reused
        m_spareNodes.push_back(std::move(node));
    }
    dropStaleTimers();
    fillWindow(now);
}

void ClientCore::fail(std::map<std::uint32_t, Call>::iterator it, CallError error, QString message,
                      TimePoint now)
{
    Completion c;
    c.error = error;
    c.message = std::move(message);
    finish(it, std::move(c), now);
}

bool ClientCore::cancel(std::uint32_t callId, TimePoint now)
{
    if (auto it = m_calls.find(callId); it != m_calls.end()) {
        fail(it, CallError::Cancelled, QStringLiteral("cancelled"), now);
        return true;
    }
    auto q = std::find_if(m_queue.begin(), m_queue.end(), [&](const Call &c) { return c.id == callId; });
    if (q == m_queue.end())
        return false;
    Call call = std::move(*q);
    m_queue.erase(q);
    auto it = enter(std::move(call));
    fail(it, CallError::Cancelled, QStringLiteral("cancelled"), now);
    return true;
}

void ClientCore::dropStaleTimers()
{
    while (!m_timers.empty()) {
        const Timer &t = m_timers.top();
        auto it = m_calls.find(t.callId);
        if (it != m_calls.end() && it->second.timerGeneration == t.generation)
            return;
        m_timers.pop();
    }
}

std::optional<TimePoint> ClientCore::nextTimeout() const
{
    if (m_timers.empty())
        return std::nullopt;
    return m_timers.top().at;
}

void ClientCore::handleTimeout(TimePoint now)
{
    dropStaleTimers();
    while (!m_timers.empty() && m_timers.top().at <= now) {
        const Timer t = m_timers.top();
        m_timers.pop();
        auto it = m_calls.find(t.callId);
        if (it == m_calls.end() || it->second.timerGeneration != t.generation)
            continue;
        Call &call = it->second;
        switch (firing(call, now)) {
        case ClientTimer::Deadline:
            fail(it, CallError::DeadlineExceeded,
                 QStringLiteral("no reply within the deadline of %1 ms")
                     .arg(retryOf(call).deadline.count() / 1000),
                 now);
            break;
        case ClientTimer::Probe:
            record(EventKind::Timeout, now, &call, std::uint32_t(call.timeout.count()));
            sendProbe(call, now);
            record(EventKind::Retransmit, now, &call, 0, DatagramKind::Probe);
            call.timeout = pollIntervalOf(call);
            arm(call, now + call.timeout);
            break;
        case ClientTimer::Retransmit:
            record(EventKind::Timeout, now, &call, std::uint32_t(call.timeout.count()));
            if (retryOf(call).isLastAttempt(call.tries) || call.attempt == UINT16_MAX) {
                fail(it, CallError::MaxAttempts,
                     QStringLiteral("no reply after %1 attempts").arg(call.tries), now);
            } else {
                ++call.tries;
                resend(call, now, Resend::TailProbe);
            }
            break;
        }
        dropStaleTimers();
    }
}

ClientTimer ClientCore::firing(const Call &call, TimePoint now) const
{
    // arm() sets the one timer to the earlier of the phase's and the deadline.
    if (now >= call.deadline)
        return ClientTimer::Deadline;
    return call.phase == Phase::Probing ? ClientTimer::Probe : ClientTimer::Retransmit;
}

void ClientCore::resend(Call &call, TimePoint now, Resend what)
{
    ++call.attempt;
    sendRequest(call, now, what);
    record(EventKind::Retransmit, now, &call, 0, DatagramKind::Request);
    call.timeout = m_policy.timeoutFor(call.tries, call.timeout, retryOf(call));
    arm(call, now + call.timeout);
}

bool ClientCore::pollTransmit(Transmit &out)
{
    return m_transmits.poll(out);
}

bool ClientCore::pollCompletion(Completion &out)
{
    return m_completions.poll(out);
}

void ClientCore::onEpoch(std::uint32_t epoch, TimePoint now)
{
    if (epoch == 0 || epoch == m_epoch)
        return;
    const std::uint32_t old = m_epoch;
    m_epoch = epoch;
    // Calls sent before any epoch was known carry this one from now on, so a
    // later restart is recognised for them too.
    for (auto &[id, call] : m_calls)
        if (call.epoch == 0)
            call.epoch = epoch;
    if (old == 0)
        return; // first contact: nothing was sent under another epoch
    // The server restarted: calls sent to its previous incarnation may or may
    // not have run, and the new one has no record of them.
    std::vector<std::uint32_t> affected;
    for (const auto &[id, call] : m_calls)
        if (call.epoch != 0 && call.epoch != epoch)
            affected.push_back(id);
    for (std::uint32_t id : affected)
        if (auto it = m_calls.find(id); it != m_calls.end())
            fail(it, CallError::ServerRestarted,
                 QStringLiteral("server restarted — the call may or may not have run"), now);
}

// Stands in for a call that already ended, to trace or ack what arrives for it.
ClientCore::Call ClientCore::lateCall(const wire::Header &h)
{
    Call call;
    call.id = h.callId;
    call.attempt = h.attempt;
    call.epoch = h.epoch;
    return call;
}

Received ClientCore::receive(QByteArrayView datagram, HostId from, TimePoint now)
{
    Q_UNUSED(from);
    wire::Decoded d;
    const wire::DecodeError error = wire::decodeDatagram(datagram, m_config.checksum, d);
    if (error != wire::DecodeError::None) {
        const bool checksum = error == wire::DecodeError::ChecksumMismatch;
        record(checksum ? EventKind::ChecksumFail : EventKind::MalformedDropped, now, nullptr,
               std::uint32_t(error));
        return checksum ? Received::ChecksumFailed : Received::Malformed;
    }
    const wire::Header &h = d.header;
    if (h.clientId != m_config.clientId) {
        record(EventKind::MalformedDropped, now, nullptr, std::uint32_t(ProtocolDrop::WrongClient));
        return Received::Malformed;
    }
    if (h.token != 0)
        m_token = h.token; // the latest the server gave: echoed from now on
    switch (h.kind) {
    case DatagramKind::Reply:
    case DatagramKind::Error:
        if (h.fragmentCount > 1)
            return onReplyFragment(h, d.body, now);
        return onReply(h, d.body, now);
    case DatagramKind::FragmentAck:
        return onFragmentAck(h, d.body, now);
    case DatagramKind::Ack:
    case DatagramKind::Working: {
        auto it = m_calls.find(h.callId);
        if (it == m_calls.end()) {
            const Call late = lateCall(h);
            record(EventKind::LateReplyDropped, now, &late, 0, h.kind);
            return Received::Accepted;
        }
        onEpoch(h.epoch, now);
        it = m_calls.find(h.callId); // a restart may have ended it
        if (it == m_calls.end())
            return Received::Accepted;
        Call &call = it->second;
        record(h.kind == DatagramKind::Ack ? EventKind::Ack : EventKind::Working, now, &call, 0, h.kind);
        startProbing(call, now);
        // The server holds an answer back until this address shows it
        // receives: the probe carries the token it just sent.
        if (h.kind == DatagramKind::Working && h.ackRequested)
            sendProbe(call, now);
        return Received::Accepted;
    }
    case DatagramKind::Request:
    case DatagramKind::Probe:
        break;
    }
    record(EventKind::MalformedDropped, now, nullptr, std::uint32_t(ProtocolDrop::UnexpectedKind));
    return Received::Malformed;
}

Received ClientCore::onReply(const wire::Header &h, QByteArrayView body, TimePoint now)
{
    auto it = m_calls.find(h.callId);
    if (it == m_calls.end()) {
        const Call late = lateCall(h);
        record(EventKind::LateReplyDropped, now, &late, 0, h.kind);
        // A duplicate reply means the server may still hold it: ack it again
        // (once per round of a fragmented one).
        if (m_config.ackMode == AckMode::Explicit && h.kind == DatagramKind::Reply
            && h.callId < m_nextCallId && (h.fragmentCount == 1 || h.ackRequested))
            send(DatagramKind::Ack, late, {});
        return Received::Accepted;
    }
    wire::ReplyBodyView reply;
    if (!wire::decodeReplyBody(body, reply, m_replyScratch)) {
        record(EventKind::MalformedDropped, now, &it->second, std::uint32_t(wire::DecodeError::BadBody));
        return Received::Malformed;
    }
    onEpoch(h.epoch, now);
    it = m_calls.find(h.callId);
    if (it == m_calls.end())
        return Received::Accepted; // the restart ended it
    Call &call = it->second;
    if (givesRttSample(call.attempt, call.probed))
        m_policy.addRttSample(now - call.started);
    if (m_config.ackMode == AckMode::Explicit && h.kind == DatagramKind::Reply)
        send(DatagramKind::Ack, call, {});

    Completion c;
    c.status = reply.status;
    c.message = QString::fromUtf8(reply.message);
    if (c.status == wire::STATUS_OK) {
        c.result = reply.result.toByteArray();
    } else {
        c.error = c.status == wire::STATUS_SERVER_RESTARTED ? CallError::ServerRestarted
                                                             : CallError::Rejected;
        if (c.message.isEmpty())
            c.message = QString::fromStdString(wire::Status_Name(c.status));
    }
    finish(it, std::move(c), now);
    return Received::Accepted;
}

Received ClientCore::onReplyFragment(const wire::Header &h, QByteArrayView body, TimePoint now)
{
    auto it = m_calls.find(h.callId);
    if (it == m_calls.end())
        return onReply(h, body, now); // traced and acked as a late reply
    onEpoch(h.epoch, now);
    it = m_calls.find(h.callId);
    if (it == m_calls.end())
        return Received::Accepted; // a restart ended it
    Call &call = it->second;
    // Acks and probes list the fragments held in one datagram: a reply of
    // more fragments could be neither acknowledged nor asked for (and each
    // ack would be many times the size of the fragment that asked for it).
    if (h.fragmentCount > maxFragments(m_config.maxDatagram - wire::kMaxOverhead)) {
        fail(it, CallError::TooLarge,
             QStringLiteral("reply of %1 fragments is more than a selective ack of %2 bytes can list")
                 .arg(h.fragmentCount)
                 .arg(m_config.maxDatagram),
             now);
        return Received::Accepted;
    }
    // Fragments of one reply come from one server incarnation: a reply from
    // another starts over rather than be stitched onto the first.
    if (call.in && h.epoch != call.inEpoch)
        call.in.reset();
    if (!call.in) {
        call.in = std::make_unique<Reassembly>(h.fragmentCount, m_config.maxMessageBytes);
        call.inEpoch = h.epoch;
    }
    switch (call.in->add(h.fragmentIndex, h.fragmentCount, body)) {
    case Reassembly::Result::Inconsistent:
        // Either it or what is held is damaged (a weak checksum lets damage
        // through): start over rather than let one bad fragment block the rest.
        record(EventKind::MalformedDropped, now, &call, std::uint32_t(ProtocolDrop::BadFragment));
        call.in.reset();
        return Received::Malformed;
    case Reassembly::Result::TooLarge:
        fail(it, CallError::TooLarge,
             QStringLiteral("reply of %1 fragments exceeds this client's limit of %2 bytes")
                 .arg(h.fragmentCount)
                 .arg(m_config.maxMessageBytes),
             now);
        return Received::Accepted;
    case Reassembly::Result::Duplicate:
        record(EventKind::FragmentDuplicate, now, &call, 0, h.kind);
        break;
    case Reassembly::Result::Added:
        if (call.phase == Phase::Sent) {
            startProbing(call, now); // a reply is on its way: the request arrived
        } else {
            // Progress: no probe while the reply keeps coming.
            call.timeout = pollIntervalOf(call);
            arm(call, now + call.timeout);
        }
        break;
    case Reassembly::Result::Complete: {
        QByteArray message = call.in->take();
        call.in.reset();
        record(EventKind::Reassembled, now, &call, std::uint32_t(std::min<qsizetype>(message.size(), UINT32_MAX)),
               h.kind, h.fragmentCount);
        return onReply(h, message, now);
    }
    }
    if (h.ackRequested) {
        // The server's round ended here: say which fragments are held.
        Call answer = lateCall(h);
        answer.epoch = call.epoch;
        send(DatagramKind::FragmentAck, answer, call.in->held().bytes(),
             {h.fragmentIndex, h.fragmentCount, false});
    }
    return Received::Accepted;
}

Received ClientCore::onFragmentAck(const wire::Header &h, QByteArrayView body, TimePoint now)
{
    auto it = m_calls.find(h.callId);
    if (it == m_calls.end()) {
        const Call late = lateCall(h);
        record(EventKind::LateReplyDropped, now, &late, 0, h.kind);
        return Received::Accepted;
    }
    if (!it->second.out || h.fragmentCount != it->second.out->count()
        || !FragmentBitmap::parse(body, h.fragmentCount, m_bitmapScratch)) {
        record(EventKind::MalformedDropped, now, &it->second, std::uint32_t(ProtocolDrop::BadFragment));
        return Received::Malformed;
    }
    onEpoch(h.epoch, now);
    it = m_calls.find(h.callId);
    if (it == m_calls.end())
        return Received::Accepted; // the restart ended it
    Call &call = it->second;
    const int learned = call.out->applyAck(m_bitmapScratch);
    record(EventKind::FragmentAck, now, &call, std::uint32_t(m_bitmapScratch.held()), h.kind,
           h.fragmentCount);
    if (call.phase != Phase::Sent)
        return Received::Accepted;
    if (call.out->complete()) {
        startProbing(call, now);
        return Received::Accepted;
    }
    if (learned == 0)
        return Received::Accepted;
    call.tries = 1; // progress: back-off starts over
    // The ack answers the last fragment of the latest round: what it lacks
    // from that round was lost, so resend it now rather than at the timer.
    // Only when it taught something new, so ack and resend cannot loop.
    if (h.attempt == call.attempt && call.attempt < UINT16_MAX)
        resend(call, now, Resend::AllMissing);
    return Received::Accepted;
}

} // namespace rpcscope::core
