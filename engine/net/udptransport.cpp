#include "udptransport.h"

#include "core/fragments.h"
#include "wire/datagram.h"
#include "wire/rawecho.h"

#include <QSocketNotifier>
#include <QUdpSocket>

namespace rpcscope::net {

using core::HostId;
using core::TimePoint;
using trace::EventKind;

UdpTransport::UdpTransport(DrivenCore *core, trace::EventSink *sink, const QElapsedTimer *clock,
                           TransportOptions options, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_sink(sink)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_batch(m_options.readBatch, wire::kMaxDatagramSize + 1)
    , m_timer(this)
    , m_netem(m_options.netem, m_options.seed)
{
    for (const netem::ScriptedFault &f : m_options.faults)
        m_netem.addFault(f);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &UdpTransport::onTimer);
}

UdpTransport::~UdpTransport() = default;

bool UdpTransport::bind(QString *error)
{
    if (!m_socket.bind(m_options.bindAddress, m_options.bindPort, error))
        return false;
    m_socket.setReceiveBuffer(m_options.receiveBuffer);
    if (!m_options.key.isEmpty()) {
        // QDtls writes through a QUdpSocket; it gets its own descriptor of
        // the same socket and never reads (its read notifier goes quiet
        // after the first datagram it is not asked to read).
        m_dtlsSocket = new QUdpSocket(this);
        const qintptr copy = m_socket.duplicate();
        if (copy < 0 || !m_dtlsSocket->setSocketDescriptor(copy, QAbstractSocket::BoundState)) {
            if (error)
                *error = QStringLiteral("cannot set up DTLS on %1 port %2: %3")
                             .arg(m_options.bindAddress.toString())
                             .arg(localPort())
                             .arg(m_dtlsSocket->errorString());
            m_socket.close();
            return false;
        }
        m_dtls = std::make_unique<DtlsChannel>(m_dtlsSocket, m_options.key, m_options.acceptNewPeers,
                                               m_options.maxPeers, this);
        connect(m_dtls.get(), &DtlsChannel::refused, this, &UdpTransport::notice);
        connect(m_dtls.get(), &DtlsChannel::established, this, &UdpTransport::notice);
    }
    return true;
}

void UdpTransport::setListening(bool on)
{
    m_listening = on && m_socket.isOpen();
    // Made on first use, in the thread that listens: a transport driven by
    // its owner's own loop never registers with any event loop.
    if (m_listening && !m_notifier) {
        m_notifier = new QSocketNotifier(m_socket.descriptor(), QSocketNotifier::Read, this);
        connect(m_notifier, &QSocketNotifier::activated, this, &UdpTransport::onReadable);
    }
    if (m_notifier)
        m_notifier->setEnabled(m_listening);
    if (m_listening)
        rearm(now());
    else
        m_timer.stop();
}

bool UdpTransport::canBeDrivenFromAnyThread() const
{
    return !m_dtls && DatagramSocket::canWaitOnCallerThread();
}

HostId UdpTransport::addPeer(const QHostAddress &address, quint16 port, HostId id)
{
    if (m_peers.size() <= id)
        m_peers.resize(std::size_t(id) + 1);
    if (m_peers[id].endpoint.port != 0) { // the id is named again: its old holder is forgotten
        m_peerIds.erase(m_peers[id].endpoint);
        uncountAddress(m_peers[id].endpoint);
        m_core->forgetHost(id);
    }
    remember(Endpoint::from(address, port), id);
    return id;
}

void UdpTransport::remember(const Endpoint &endpoint, HostId id)
{
    if (m_peers.size() <= id)
        m_peers.resize(std::size_t(id) + 1);
    std::erase(m_freeIds, id);
    m_peers[id] = {endpoint, now()};
    m_peerIds[endpoint] = id;
    ++m_peersPerAddress[endpoint.addressOnly()];
    m_nextPeerId = std::max<HostId>(m_nextPeerId, HostId(id + 1));
}

void UdpTransport::uncountAddress(const Endpoint &endpoint)
{
    if (auto n = m_peersPerAddress.find(endpoint.addressOnly()); n != m_peersPerAddress.end() && --n->second <= 0)
        m_peersPerAddress.erase(n);
}

std::vector<UdpTransport::KnownPeer> UdpTransport::peers() const
{
    std::vector<KnownPeer> known;
    known.reserve(m_peerIds.size());
    for (std::size_t id = 0; id < m_peers.size(); ++id)
        if (m_peers[id].endpoint.port != 0) // a forgotten or never used id has no port
            known.push_back({HostId(id), m_peers[id].endpoint.hostAddress(), m_peers[id].endpoint.port});
    return known;
}

// A sender is remembered only once the core accepts something it sent
// (receiveOne), so datagrams that are not RpcScope's, from however many
// addresses, never fill the table that real clients need.
std::optional<UdpTransport::Sender> UdpTransport::senderOf(const Endpoint &from, TimePoint now)
{
    if (auto it = m_peerIds.find(from); it != m_peerIds.end())
        return Sender{it->second, true};
    if (!m_options.acceptNewPeers)
        return std::nullopt;
    const bool idsLeft = m_nextPeerId != std::numeric_limits<HostId>::max() || !m_freeIds.empty();
    if (int(m_peerIds.size()) >= m_options.maxPeers || !idsLeft)
        forgetIdlePeers(now);
    if (int(m_peerIds.size()) >= m_options.maxPeers)
        return std::nullopt;
    // One host cannot take the table from everyone else by sending from
    // thousands of ports.
    if (const auto n = m_peersPerAddress.find(from.addressOnly());
        n != m_peersPerAddress.end() && n->second >= m_options.maxPeersPerAddress) {
        ++m_stats.overAddressLimit;
        return std::nullopt;
    }
    // Fresh ids first: an id reused soon after could still receive a late
    // reply meant for its previous holder.
    if (m_nextPeerId != std::numeric_limits<HostId>::max())
        return Sender{m_nextPeerId, false};
    if (!m_freeIds.empty())
        return Sender{m_freeIds.front(), false};
    return std::nullopt;
}

void UdpTransport::forgetIdlePeers(TimePoint now)
{
    if (now < m_nextForget)
        return; // nobody is idle long enough yet: a full table costs one comparison
    TimePoint oldest = now;
    for (auto it = m_peerIds.begin(); it != m_peerIds.end();) {
        Peer &peer = m_peers[it->second];
        if (now - peer.lastHeard >= m_options.peerIdle) {
            m_freeIds.push_back(it->second);
            m_core->forgetHost(it->second);
            uncountAddress(peer.endpoint);
            peer = {};
            it = m_peerIds.erase(it);
            ++m_stats.peersForgotten;
        } else {
            oldest = std::min(oldest, peer.lastHeard);
            ++it;
        }
    }
    m_nextForget = oldest + m_options.peerIdle;
}

void UdpTransport::record(EventKind kind, TimePoint now, HostId from, HostId to, const QByteArray &bytes,
                          std::uint32_t detail)
{
    if (!m_sink)
        return;
    trace::Event e{.timeUs = now.count(),
                   .detail = detail,
                   .size = std::uint32_t(bytes.size()),
                   .from = from,
                   .to = to,
                   .client = from == core::kServerHost ? to : from,
                   .kind = kind};
    wire::Header h;
    if (wire::peekHeader(bytes, h)) {
        e.datagram = std::uint8_t(h.kind);
        e.callId = h.callId;
        e.attempt = h.attempt;
        e.fragment = core::traceFragment(h.kind, h.fragmentIndex, h.fragmentCount);
    }
    m_sink->record(e);
}

void UdpTransport::onReadable()
{
    const TimePoint now = this->now();
    readPending(now);
    flushCore(now);
    m_core->afterEventLoopRound();
}

// Every datagram waiting, read a batch at a time; a batch that came back
// short emptied the socket, so no further call is spent to learn that.
void UdpTransport::readPending(TimePoint now)
{
    for (int failures = 0;;) {
        SocketFailure failure;
        if (!m_socket.receive(m_batch, &failure)) {
            socketFailed(failure, now, m_options.self, {});
            if (++failures > 1)
                return; // not a one-off report: the next wake-up tries again
            continue;   // usually a one-off report of an earlier send's fate; read on
        }
        for (int i = 0; i < m_batch.count(); ++i)
            receiveOne(m_batch.data(i), m_batch.from(i), now);
        if (!m_batch.full())
            return;
    }
}

// A raw echo's answer: the request turned round, no larger than it came,
// and sent no faster than maxEchoesPerSecond, so a forged source address
// gains nothing by it. Through the emulator, like a reply: with serve
// --delay-ms or --loss the floor bench measures is the emulated network's.
void UdpTransport::answerEcho(QByteArrayView request, const Endpoint &from, TimePoint now)
{
    if (from.port == 0)
        return; // nowhere to send it back
    if (now - m_echoSecond >= core::Duration(1'000'000)) {
        m_echoSecond = now;
        m_echoesThisSecond = 0;
    }
    if (++m_echoesThisSecond > m_options.maxEchoesPerSecond) {
        ++m_stats.echoesOverRate;
        return;
    }
    QByteArray answer = request.toByteArray();
    wire::turnIntoEchoAnswer(answer);
    m_deliveries.clear();
    if (m_netem.process(answer, now, m_deliveries).lost != netem::LossCause::None)
        return;
    for (netem::Delivery &d : m_deliveries)
        delay(d, m_options.self, from);
    sendDue(now);
}

void UdpTransport::sendEchoAnswer(const QByteArray &answer, const Endpoint &to)
{
    SocketFailure failure;
    if (m_socket.send(answer, to, &failure))
        ++m_stats.echoesAnswered;
    else
        ++m_stats.sendErrors; // the asker is gone; nothing to tell anyone
}

void UdpTransport::receiveOne(QByteArrayView datagram, const Endpoint &from, TimePoint now)
{
    ++m_stats.received;
    // Beside the protocol: answered before any peer or DTLS state is made.
    if (m_options.answerEcho && wire::isEchoRequest(datagram)) {
        answerEcho(datagram, from, now);
        return;
    }
    QByteArray bytes = QByteArray::fromRawData(datagram.data(), datagram.size());
    if (m_dtls) {
        // Only what a holder of the key sent reaches the protocol.
        std::optional<QByteArray> plain =
            m_dtls->receive(QByteArray(bytes.constData(), bytes.size()), from.hostAddress(), from.port);
        if (!plain)
            return;
        bytes = std::move(*plain);
    }
    const std::optional<Sender> sender = senderOf(from, now);
    if (!sender) {
        ++m_stats.fromUnknownPeers;
        return; // not ours to answer, and no room to remember it
    }
    record(EventKind::Deliver, now, sender->id, m_options.self, bytes);
    const core::Received received = m_core->receive(bytes, sender->id, now);
    if (sender->known) {
        m_peers[sender->id].lastHeard = now;
    } else if (received == core::Received::Accepted) {
        if (sender->id == m_nextPeerId)
            ++m_nextPeerId;
        else
            m_freeIds.pop_front();
        remember(from, sender->id);
    } else {
        m_core->forgetHost(sender->id); // not remembered: the id's next holder starts afresh
    }
    // Answer each datagram before reading the next: a burst of
    // duplicates, each drawing a cached reply, must not pile up in the
    // core while the socket still holds thousands more.
    drainCore(now);
}

void UdpTransport::runDueTimers(TimePoint now)
{
    sendDue(now);
    if (const auto next = m_core->nextTimeout(); next && *next <= now)
        m_core->handleTimeout(now);
}

void UdpTransport::onTimer()
{
    const TimePoint now = this->now();
    runDueTimers(now);
    flushCore(now);
    m_core->afterEventLoopRound();
}

void UdpTransport::process(bool readable)
{
    const TimePoint now = this->now();
    if (readable)
        readPending(now);
    runDueTimers(now);
    flushCore(now);
}

std::optional<TimePoint> UdpTransport::nextDue() const
{
    std::optional<TimePoint> next = m_core->nextTimeout();
    if (!m_delayed.empty() && (!next || m_delayed.top().at < *next))
        next = m_delayed.top().at;
    return next;
}

DatagramSocket::Ready UdpTransport::waitForWork(qintptr wakeFd)
{
    // Timers wake on whole milliseconds of the clock, as the event loop's
    // QTimer counts: a server taking a request every 30 µs has one timer
    // (its ack timer) coming due every 30 µs, and they take one wake-up a
    // millisecond rather than one each.
    std::optional<core::Duration> timeout;
    if (const std::optional<TimePoint> next = nextDue()) {
        const TimePoint wake((next->count() + 999) / 1000 * 1000);
        timeout = std::max(core::Duration(0), wake - now());
    }
    return m_socket.wait(timeout, wakeFd);
}

void UdpTransport::wake()
{
    const TimePoint now = this->now();
    flushCore(now);
}

void UdpTransport::secure(HostId id)
{
    if (m_dtls && id < m_peers.size() && m_peers[id].endpoint.port != 0)
        m_dtls->connectTo(m_peers[id].endpoint.hostAddress(), m_peers[id].endpoint.port);
}

void UdpTransport::close()
{
    setListening(false);
    m_socket.close();
    if (m_dtlsSocket)
        m_dtlsSocket->close();
}

// The end of every round: the owner collects what the core finished (its
// afterActivity may feed the core more), then everything queued goes out
// and the timer is set for what comes next.
void UdpTransport::flushCore(TimePoint now)
{
    m_core->afterActivity(now);
    drainCore(now);
    flushOutbox(now);
    rearm(now);
}

// Everything the core has queued goes through the emulator and out (or into
// the delayed queue, within its byte cap).
void UdpTransport::drainCore(TimePoint now)
{
    core::Transmit t;
    while (m_core->pollTransmit(t)) {
        const HostId to = t.to;
        record(EventKind::Send, now, m_options.self, to, t.bytes);
        m_deliveries.clear();
        const netem::Outcome outcome = m_netem.process(t.bytes, now, m_deliveries);
        if (outcome.lost != netem::LossCause::None) {
            record(EventKind::Lost, now, m_options.self, to, t.bytes, std::uint32_t(outcome.lost));
            if (m_options.wireTap && to < m_peers.size())
                tap(now, m_peers[to].endpoint, t.bytes, true);
            continue;
        }
        if (outcome.corrupted)
            record(EventKind::Corrupted, now, m_options.self, to, t.bytes);
        if (outcome.reordered)
            record(EventKind::Reordered, now, m_options.self, to, t.bytes);
        if (outcome.duplicated)
            record(EventKind::Duplicated, now, m_options.self, to, t.bytes);
        for (netem::Delivery &d : m_deliveries)
            if (!delay(d, to, {}))
                record(EventKind::Lost, now, m_options.self, to, d.bytes, std::uint32_t(netem::LossCause::Queue));
    }
    sendDue(now);
}

// Into the delayed-send queue, within its byte cap; false (and counted) past it.
bool UdpTransport::delay(netem::Delivery &d, HostId to, const Endpoint &echoTo)
{
    if (m_delayedBytes + d.bytes.size() > m_options.maxDelayedBytes) {
        ++m_stats.delayedDropped;
        return false;
    }
    m_delayedBytes += d.bytes.size();
    m_stats.peakDelayedBytes = std::max(m_stats.peakDelayedBytes, m_delayedBytes);
    m_delayed.push({d.at, m_seq++, to, std::move(d.bytes), echoTo});
    return true;
}

// The emulated delay is spent here, before the datagram is written; the
// real network (loopback) adds next to nothing.
void UdpTransport::sendDue(TimePoint now)
{
    while (!m_delayed.empty() && m_delayed.top().at <= now) {
        Delayed d = std::move(const_cast<Delayed &>(m_delayed.top()));
        m_delayed.pop();
        m_delayedBytes -= d.bytes.size();
        if (d.echoTo.port != 0)
            sendEchoAnswer(d.bytes, d.echoTo);
        else
            write(d.to, d.bytes, now);
    }
}

void UdpTransport::write(HostId to, const QByteArray &bytes, TimePoint now)
{
    if (to >= m_peers.size() || m_peers[to].endpoint.port == 0) {
        ++m_stats.sendErrors;
        record(EventKind::SocketError, now, m_options.self, to, bytes,
               std::uint32_t(QAbstractSocket::HostNotFoundError));
        return;
    }
    const Endpoint &peer = m_peers[to].endpoint;
    if (m_dtls) {
        if (!m_dtls->send(peer.hostAddress(), peer.port, bytes))
            ++m_stats.awaitingHandshake;
        else
            ++m_stats.sent;
        return;
    }
    m_outbox.push_back({to, peer, bytes});
    if (m_outbox.size() >= 64) // a long burst goes out as it builds up
        flushOutbox(now);
}

void UdpTransport::flushOutbox(TimePoint now)
{
    for (std::size_t first = 0; first < m_outbox.size();) {
        m_outboxViews.clear();
        for (std::size_t i = first; i < m_outbox.size(); ++i)
            m_outboxViews.push_back({m_outbox[i].bytes, &m_outbox[i].endpoint});
        SocketFailure failure;
        const int went = m_socket.sendMany(m_outboxViews.data(), int(m_outboxViews.size()), &failure);
        m_stats.sent += std::uint64_t(went);
        if (m_options.wireTap)
            for (std::size_t i = first; i < first + std::size_t(went); ++i)
                tap(now, m_outbox[i].endpoint, m_outbox[i].bytes, false);
        first += std::size_t(went);
        if (first < m_outbox.size()) { // that one failed: say so, and go on with the rest
            ++m_stats.sendErrors;
            socketFailed(failure, now, m_outbox[first].to, m_outbox[first].bytes);
            ++first;
        }
    }
    m_outbox.clear();
}

void UdpTransport::tap(TimePoint now, const Endpoint &to, QByteArrayView bytes, bool lost)
{
    WireDatagram d;
    d.time = now;
    d.from = m_socket.localAddress();
    d.fromPort = m_socket.localPort();
    d.to = to.hostAddress();
    d.toPort = to.port;
    d.bytes = bytes;
    d.lostByEmulator = lost;
    m_options.wireTap(d);
}

void UdpTransport::rearm(TimePoint now)
{
    if (!m_listening)
        return; // a caller's thread drives it and sleeps until nextDue() itself
    const std::optional<TimePoint> next = nextDue();
    if (!next) {
        m_timer.stop();
        return;
    }
    // QTimer counts whole milliseconds: round up so the core is never woken early.
    const auto waitUs = std::max<std::int64_t>(0, (*next - now).count());
    m_timer.start(std::chrono::milliseconds((waitUs + 999) / 1000));
}

// A failed send, or an error a read reports (on Windows, an ICMP "port
// unreachable" from an earlier send comes back as a reset on a later read):
// the protocol's retries cover it, so it is traced and reported, not fatal.
void UdpTransport::socketFailed(const SocketFailure &failure, TimePoint now, HostId to, const QByteArray &bytes)
{
    record(EventKind::SocketError, now, m_options.self, to, bytes, std::uint32_t(failure.error));
    if (to != m_options.self && to < m_peers.size()) {
        const Endpoint &peer = m_peers[to].endpoint;
        Q_EMIT socketError(QStringLiteral("sending %1 bytes to %2 port %3 failed: %4")
                               .arg(bytes.size())
                               .arg(peer.hostAddress().toString())
                               .arg(peer.port)
                               .arg(failure.text));
    } else {
        Q_EMIT socketError(failure.text);
    }
}

} // namespace rpcscope::net
