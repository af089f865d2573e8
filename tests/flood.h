#pragma once

// A flood of datagrams a server must shrug off, for tst_flood and
// bench_flood: random bytes, real datagrams cut short or with a bit
// flipped, headers whose length lies, datagrams sealed with another
// checksum, and intact datagrams of a kind no client sends. Seeded, so a
// run sends the same bytes every time; sent to loopback only, bounded in
// count, and stoppable.
#include "base/random.h"
#include "wire/bodies.pb.h"
#include "wire/datagram.h"

#include <QHostAddress>
#include <QThread>
#include <QUdpSocket>

#include <atomic>
#include <memory>
#include <vector>

namespace rpcscope::testsupport {

class GarbageMaker
{
public:
    explicit GarbageMaker(std::uint64_t seed) : m_random(seed) {}

    QByteArray next()
    {
        switch (below(6)) {
        case 0: { // random bytes, sometimes starting like an RpcScope datagram
            QByteArray b(qsizetype(below(1'500)), Qt::Uninitialized);
            for (char &c : b)
                c = char(below(256));
            if (b.size() >= 2 && m_random.chance(0.5)) {
                b[0] = char(wire::kMagic >> 8);
                b[1] = char(wire::kMagic & 0xff);
            }
            return b;
        }
        case 1: { // a request cut short
            const QByteArray b = request();
            return b.left(qsizetype(below(std::uint64_t(b.size()))));
        }
        case 2: { // a request with one bit flipped: the checksum or a field check catches it
            QByteArray b = request();
            const auto bit = below(std::uint64_t(b.size()) * 8);
            b[qsizetype(bit / 8)] = char(b[qsizetype(bit / 8)] ^ (1 << (bit % 8)));
            return b;
        }
        case 3: { // a header whose body length is not the datagram's
            QByteArray b = request();
            b[28] = char(below(256));
            b[31] = char(b[31] + 1 + int(below(200)));
            return b;
        }
        case 4: // intact, but sealed with another checksum than the server's
            return encode(wire::DatagramKind::Request, wire::ChecksumKind::Sum);
        default: // intact, of a kind only a server sends
            return encode(wire::DatagramKind::Reply, wire::ChecksumKind::Crc32c);
        }
    }

private:
    std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : m_random.next() % n; }
    QByteArray request() { return encode(wire::DatagramKind::Request, wire::ChecksumKind::Crc32c); }

    QByteArray encode(wire::DatagramKind kind, wire::ChecksumKind checksum)
    {
        wire::Header h;
        h.kind = kind;
        h.clientId = std::uint32_t(m_random.next());
        h.callId = 1 + std::uint32_t(below(1'000));
        QByteArray body(qsizetype(below(200)), 'x');
        return wire::encodeDatagram(h, body, checksum);
    }

    core::Random m_random;
};

// What a sender who knows the protocol throws at a server: garbage, forged
// duplicates of a call whose reply is large (to draw it to a forged
// address), first fragments under made-up client ids (to fill the table of
// partial messages), and probes for calls nobody made (each from a sender
// the server would remember).
class HostileMaker
{
public:
    HostileMaker(std::uint64_t seed, QString bigMethod)
        : m_random(seed), m_garbage(seed + 1), m_bigMethod(std::move(bigMethod))
    {
    }

    QByteArray next()
    {
        wire::Header h;
        h.clientId = 0xD0000000u + std::uint32_t(m_random.next() % 0x1000000);
        h.callId = 1;
        h.ackBelow = 1;
        switch (m_random.next() % 4) {
        case 0:
            return m_garbage.next();
        case 1: { // a duplicate of one of a few calls with a large reply
            h.clientId = 0xDD000000u + std::uint32_t(m_random.next() % 16);
            h.attempt = std::uint16_t(1 + m_random.next() % 1000);
            wire::RequestBody body;
            body.set_method(m_bigMethod.toStdString());
            const std::string b = body.SerializeAsString();
            return wire::encodeDatagram(h, QByteArrayView(b.data(), qsizetype(b.size())), wire::ChecksumKind::Crc32c);
        }
        case 2: // the first of eight fragments of a message that never comes
            h.fragmentIndex = 0;
            h.fragmentCount = 8;
            return wire::encodeDatagram(h, QByteArray(1'000, 'f'), wire::ChecksumKind::Crc32c);
        default:
            h.kind = wire::DatagramKind::Probe;
            return wire::encodeDatagram(h, {}, wire::ChecksumKind::Crc32c);
        }
    }

private:
    core::Random m_random;
    GarbageMaker m_garbage;
    QString m_bigMethod;
};

// Sends `count` datagrams to `server` from `sources` sockets in turn, on
// its own thread, as fast as the sockets take them: garbage, or with a
// method name for HostileMaker, a hostile mix.
class Flooder : public QThread
{
public:
    Flooder(QHostAddress server, quint16 port, std::int64_t count, int sources, std::uint64_t seed,
            QString hostileBigMethod = {})
        : m_server(std::move(server))
        , m_port(port)
        , m_count(count)
        , m_sources(sources)
        , m_seed(seed)
        , m_bigMethod(std::move(hostileBigMethod))
    {
    }
    ~Flooder() override
    {
        stop();
        wait();
    }

    void stop() { m_stop = true; }
    std::int64_t sent() const { return m_sent.load(); }

protected:
    void run() override
    {
        std::vector<std::unique_ptr<QUdpSocket>> sockets;
        for (int i = 0; i < m_sources; ++i) {
            sockets.push_back(std::make_unique<QUdpSocket>());
            sockets.back()->bind(m_server.protocol() == QAbstractSocket::IPv6Protocol
                                     ? QHostAddress(QHostAddress::LocalHostIPv6)
                                     : QHostAddress(QHostAddress::LocalHost),
                                 0);
        }
        GarbageMaker garbage(m_seed);
        HostileMaker hostile(m_seed, m_bigMethod);
        for (std::int64_t i = 0; i < m_count && !m_stop; ++i) {
            const QByteArray d = m_bigMethod.isEmpty() ? garbage.next() : hostile.next();
            QUdpSocket &socket = *sockets[std::size_t(i % m_sources)];
            if (socket.writeDatagram(d, m_server, m_port) < 0)
                QThread::usleep(50); // the send buffer is full: let the server read
            else
                m_sent.fetch_add(1, std::memory_order_relaxed);
        }
    }

private:
    QHostAddress m_server;
    quint16 m_port;
    std::int64_t m_count;
    int m_sources;
    std::uint64_t m_seed;
    QString m_bigMethod;
    std::atomic<bool> m_stop{false};
    std::atomic<std::int64_t> m_sent{0};
};

// A hand-made client on one loopback socket: it sends whatever datagrams
// a test builds (forged, duplicated, with or without the address token) and
// counts what comes back. Its reads wait at most the time given.
class RawPeer
{
public:
    explicit RawPeer(const QHostAddress &bindTo = QHostAddress(QHostAddress::LocalHost))
    {
        m_socket.bind(bindTo, 0);
    }
    bool bound() const { return m_socket.state() == QAbstractSocket::BoundState; }

    void send(const QByteArray &datagram, const QHostAddress &server, quint16 port)
    {
        if (m_socket.writeDatagram(datagram, server, port) == datagram.size())
            m_bytesSent += datagram.size();
    }
    // Reads until nothing more arrives for `quietMs`; returns what came.
    std::vector<QByteArray> receive(int quietMs)
    {
        std::vector<QByteArray> got;
        while (m_socket.hasPendingDatagrams() || m_socket.waitForReadyRead(quietMs)) {
            while (m_socket.hasPendingDatagrams()) {
                QByteArray d(qsizetype(m_socket.pendingDatagramSize()), Qt::Uninitialized);
                m_socket.readDatagram(d.data(), d.size());
                m_bytesReceived += d.size();
                got.push_back(std::move(d));
            }
        }
        return got;
    }
    std::int64_t bytesSent() const { return m_bytesSent; }
    std::int64_t bytesReceived() const { return m_bytesReceived; }

private:
    QUdpSocket m_socket;
    std::int64_t m_bytesSent = 0;
    std::int64_t m_bytesReceived = 0;
};

} // namespace rpcscope::testsupport
