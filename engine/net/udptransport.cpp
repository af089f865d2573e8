#include "udptransport.h"

#include "core/fragments.h"
#include "wire/datagram.h"

#include <QNetworkDatagram>

namespace rpcscope::net {

using core::HostId;
using core::TimePoint;
using trace::EventKind;

namespace {

// IPv4-mapped IPv6 senders are the same peer as their IPv4 address.
QHostAddress plainAddress(const QHostAddress &address)
{
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    return isV4 ? QHostAddress(v4) : address;
}

} // namespace

UdpTransport::UdpTransport(DrivenCore *core, trace::EventSink *sink, const QElapsedTimer *clock,
                           TransportOptions options, QObject *parent)
    : QObject(parent)
    , m_core(core)
    , m_sink(sink)
    , m_clock(clock)
    , m_options(std::move(options))
    , m_socket(this)
    , m_timer(this)
    , m_netem(m_options.netem, m_options.seed)
{
    for (const netem::ScriptedFault &f : m_options.faults)
        m_netem.addFault(f);
    m_readBuffer.resize(wire::kMaxDatagramSize + 1);
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &UdpTransport::onTimer);
    connect(&m_socket, &QUdpSocket::readyRead, this, &UdpTransport::readPending);
    connect(&m_socket, &QUdpSocket::errorOccurred, this, &UdpTransport::onSocketError);
    if (!m_options.key.isEmpty()) {
        // A child, so it moves to the engine's thread with the transport.
        m_dtls = std::make_unique<DtlsChannel>(&m_socket, m_options.key, m_options.acceptNewPeers,
                                               m_options.maxPeers, this);
        connect(m_dtls.get(), &DtlsChannel::refused, this, &UdpTransport::notice);
        connect(m_dtls.get(), &DtlsChannel::established, this, &UdpTransport::notice);
    }
}

UdpTransport::~UdpTransport() = default;

bool UdpTransport::bind(QString *error)
{
    if (m_socket.bind(m_options.bindAddress, m_options.bindPort))
        return true;
    if (error)
        *error = QStringLiteral("cannot bind %1 port %2: %3")
                     .arg(m_options.bindAddress.toString())
                     .arg(m_options.bindPort)
                     .arg(m_socket.errorString());
    return false;
}

HostId UdpTransport::addPeer(const QHostAddress &address, quint16 port, HostId id)
{
    if (m_peers.size() <= id)
        m_peers.resize(std::size_t(id) + 1);
    if (m_peers[id].port != 0) { // the id is named again: its old holder is forgotten
        m_peerIds.remove({m_peers[id].address, m_peers[id].port});
        uncountAddress(m_peers[id].address);
        m_core->forgetHost(id);
    }
    std::erase(m_freeIds, id);
    m_peers[id] = {address, port, now()};
    m_peerIds.insert({address, port}, id);
    ++m_peersPerAddress[address];
    m_nextPeerId = std::max<HostId>(m_nextPeerId, HostId(id + 1));
    return id;
}

void UdpTransport::uncountAddress(const QHostAddress &address)
{
    if (auto n = m_peersPerAddress.find(address); n != m_peersPerAddress.end() && --*n <= 0)
        m_peersPerAddress.erase(n);
}

std::vector<UdpTransport::KnownPeer> UdpTransport::peers() const
{
    std::vector<KnownPeer> known;
    known.reserve(m_peerIds.size());
    for (std::size_t id = 0; id < m_peers.size(); ++id)
        if (m_peers[id].port != 0) // a forgotten or never used id has no port
            known.push_back({HostId(id), m_peers[id].address, m_peers[id].port});
    return known;
}

// A sender is remembered only once the core accepts something it sent
// (readPending), so datagrams that are not RpcScope's, from however many
// addresses, never fill the table that real clients need.
std::optional<UdpTransport::Sender> UdpTransport::senderOf(const QHostAddress &address, quint16 port,
                                                           TimePoint now)
{
    if (auto it = m_peerIds.constFind({plainAddress(address), port}); it != m_peerIds.constEnd())
        return Sender{*it, true};
    if (!m_options.acceptNewPeers)
        return std::nullopt;
    const bool idsLeft = m_nextPeerId != std::numeric_limits<HostId>::max() || !m_freeIds.empty();
    if (int(m_peerIds.size()) >= m_options.maxPeers || !idsLeft)
        forgetIdlePeers(now);
    if (int(m_peerIds.size()) >= m_options.maxPeers)
        return std::nullopt;
    // One host cannot take the table from everyone else by sending from
    // thousands of ports.
    if (m_peersPerAddress.value(plainAddress(address)) >= m_options.maxPeersPerAddress) {
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
        Peer &peer = m_peers[*it];
        if (now - peer.lastHeard >= m_options.peerIdle) {
            m_freeIds.push_back(*it);
            m_core->forgetHost(*it);
            uncountAddress(peer.address);
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
    trace::Event e;
    e.timeUs = now.count();
    e.kind = kind;
    e.from = from;
    e.to = to;
    e.size = std::uint32_t(bytes.size());
    e.detail = detail;
    e.client = from == core::kServerHost ? to : from;
    wire::Header h;
    if (wire::peekHeader(bytes, h)) {
        e.datagram = std::uint8_t(h.kind);
        e.callId = h.callId;
        e.attempt = h.attempt;
        e.fragment = core::traceFragment(h.kind, h.fragmentIndex, h.fragmentCount);
    }
    m_sink->record(e);
}

void UdpTransport::readPending()
{
    const TimePoint now = this->now();
    while (m_socket.hasPendingDatagrams()) {
        QHostAddress address;
        quint16 port = 0;
        const qint64 n = m_socket.readDatagram(m_readBuffer.data(), m_readBuffer.size(), &address, &port);
        if (n < 0)
            break;
        ++m_stats.received;
        QByteArray bytes = QByteArray::fromRawData(m_readBuffer.constData(), qsizetype(n));
        if (m_dtls) {
            // Only what a holder of the key sent reaches the protocol.
            std::optional<QByteArray> plain = m_dtls->receive(QByteArray(bytes.constData(), bytes.size()),
                                                              address, port);
            if (!plain)
                continue;
            bytes = std::move(*plain);
        }
        const std::optional<Sender> from = senderOf(address, port, now);
        if (!from) {
            ++m_stats.fromUnknownPeers;
            continue; // not ours to answer, and no room to remember it
        }
        record(EventKind::Deliver, now, from->id, m_options.self, bytes);
        const core::Received received = m_core->receive(bytes, from->id, now);
        if (from->known) {
            m_peers[from->id].lastHeard = now;
        } else if (received == core::Received::Accepted) {
            if (from->id == m_nextPeerId)
                ++m_nextPeerId;
            else
                m_freeIds.pop_front();
            addPeer(plainAddress(address), port, from->id);
        } else {
            m_core->forgetHost(from->id); // not remembered: the id's next holder starts afresh
        }
        // Answer each datagram before reading the next: a burst of
        // duplicates, each drawing a cached reply, must not pile up in the
        // core while the socket still holds thousands more.
        drainCore(now);
    }
    m_core->afterActivity(now);
    flushCore(now);
}

void UdpTransport::onTimer()
{
    const TimePoint now = this->now();
    sendDue(now);
    if (const auto next = m_core->nextTimeout(); next && *next <= now)
        m_core->handleTimeout(now);
    m_core->afterActivity(now);
    flushCore(now);
}

void UdpTransport::wake()
{
    const TimePoint now = this->now();
    m_core->afterActivity(now);
    flushCore(now);
}

void UdpTransport::secure(HostId id)
{
    if (m_dtls && id < m_peers.size() && m_peers[id].port != 0)
        m_dtls->connectTo(m_peers[id].address, m_peers[id].port);
}

void UdpTransport::close()
{
    m_timer.stop();
    m_socket.close();
}

void UdpTransport::flushCore(TimePoint now)
{
    drainCore(now);
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
            continue;
        }
        if (outcome.corrupted)
            record(EventKind::Corrupted, now, m_options.self, to, t.bytes);
        if (outcome.reordered)
            record(EventKind::Reordered, now, m_options.self, to, t.bytes);
        if (outcome.duplicated)
            record(EventKind::Duplicated, now, m_options.self, to, t.bytes);
        for (netem::Delivery &d : m_deliveries) {
            if (m_delayedBytes + d.bytes.size() > m_options.maxDelayedBytes) {
                ++m_stats.delayedDropped;
                record(EventKind::Lost, now, m_options.self, to, d.bytes, std::uint32_t(netem::LossCause::Queue));
                continue;
            }
            m_delayedBytes += d.bytes.size();
            m_stats.peakDelayedBytes = std::max(m_stats.peakDelayedBytes, m_delayedBytes);
            m_delayed.push({d.at, m_seq++, to, std::move(d.bytes)});
        }
    }
    sendDue(now);
}

// The emulated delay is spent here, before the datagram is written; the
// real network (loopback) adds next to nothing.
void UdpTransport::sendDue(TimePoint now)
{
    while (!m_delayed.empty() && m_delayed.top().at <= now) {
        Delayed d = std::move(const_cast<Delayed &>(m_delayed.top()));
        m_delayed.pop();
        m_delayedBytes -= d.bytes.size();
        write(d.to, d.bytes, now);
    }
}

void UdpTransport::write(HostId to, const QByteArray &bytes, TimePoint now)
{
    if (to >= m_peers.size() || m_peers[to].port == 0) {
        ++m_stats.sendErrors;
        record(EventKind::SocketError, now, m_options.self, to, bytes,
               std::uint32_t(QAbstractSocket::HostNotFoundError));
        return;
    }
    const Peer &peer = m_peers[to];
    if (m_dtls) {
        if (!m_dtls->send(peer.address, peer.port, bytes))
            ++m_stats.awaitingHandshake;
        else
            ++m_stats.sent;
        return;
    }
    if (m_socket.writeDatagram(bytes, peer.address, peer.port) != bytes.size()) {
        ++m_stats.sendErrors;
        record(EventKind::SocketError, now, m_options.self, to, bytes, std::uint32_t(m_socket.error()));
        Q_EMIT socketError(QStringLiteral("sending %1 bytes to %2 port %3 failed: %4")
                               .arg(bytes.size())
                               .arg(peer.address.toString())
                               .arg(peer.port)
                               .arg(m_socket.errorString()));
        return;
    }
    ++m_stats.sent;
}

void UdpTransport::rearm(TimePoint now)
{
    std::optional<TimePoint> next = m_core->nextTimeout();
    if (!m_delayed.empty() && (!next || m_delayed.top().at < *next))
        next = m_delayed.top().at;
    if (!next) {
        m_timer.stop();
        return;
    }
    // QTimer counts whole milliseconds: round up so the core is never woken early.
    const auto waitUs = std::max<std::int64_t>(0, (*next - now).count());
    m_timer.start(std::chrono::milliseconds((waitUs + 999) / 1000));
}

void UdpTransport::onSocketError(QAbstractSocket::SocketError error)
{
    // A UDP socket reports an ICMP "port unreachable" from an earlier send as
    // a refused connection on a later read; the protocol's retries cover it,
    // so it is traced and reported, not fatal.
    const TimePoint now = this->now();
    record(EventKind::SocketError, now, m_options.self, m_options.self, {}, std::uint32_t(error));
    Q_EMIT socketError(m_socket.errorString());
}

} // namespace rpcscope::net
