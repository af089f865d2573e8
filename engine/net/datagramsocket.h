#pragma once

#include "base/clock.h"

#include <QAbstractSocket>
#include <QByteArrayView>
#include <QHostAddress>
#include <QString>

#include <array>
#include <memory>
#include <optional>

namespace rpcscope::net {

// Where a datagram came from or goes to, as plain bytes: IPv6, or IPv4 as
// an IPv4-mapped IPv6 address (::ffff:a.b.c.d), so one key serves both
// families and an IPv4 sender reached through a dual-stack socket is the
// same peer as through an IPv4 one. A QHostAddress allocates; the
// transport looks up a peer for every datagram, so it keys on this.
struct Endpoint
{
    std::array<quint8, 16> address{};
    quint32 scope = 0; // IPv6 link-local interface index
    quint16 port = 0;

    static Endpoint from(const QHostAddress &address, quint16 port);
    QHostAddress hostAddress() const; // an IPv4-mapped address as plain IPv4
    bool isIPv4() const;
    Endpoint addressOnly() const { return {address, scope, 0}; }
    bool operator==(const Endpoint &) const = default;
};

struct EndpointHash
{
    std::size_t operator()(const Endpoint &e) const noexcept;
};

// Why a socket call failed, in QAbstractSocket's words (the trace records
// SocketError events with QAbstractSocket::SocketError codes).
struct SocketFailure
{
    QAbstractSocket::SocketError error = QAbstractSocket::UnknownSocketError;
    QString text;
};

// A non-blocking UDP socket on the system's own calls. QUdpSocket belongs to
// the thread that created it (its reads re-enable a notifier registered
// with that thread's event loop), but a blocking call is fastest when the
// caller's own thread sends and waits for the reply; and QUdpSocket spends
// an extra system call per datagram asking whether another one waits. This
// one can be used from any thread (one at a time), reads every waiting
// datagram in one call where the system allows (recvmmsg on Linux), and
// leaves waking up to its owner: a QSocketNotifier on descriptor() in an
// event loop, or wait() on a caller's thread.
class DatagramSocket
{
public:
    DatagramSocket();
    ~DatagramSocket();
    DatagramSocket(const DatagramSocket &) = delete;
    DatagramSocket &operator=(const DatagramSocket &) = delete;

    // QHostAddress::Any binds both families where the system can.
    bool bind(const QHostAddress &address, quint16 port, QString *error);
    void close();
    // Asks the system for a receive buffer of `bytes` (it may grant less:
    // Linux caps it at net.core.rmem_max). A burst the buffer cannot hold is
    // dropped by the kernel before the protocol sees it, and then costs a
    // resend; a window of fragmented calls is such a burst.
    void setReceiveBuffer(int bytes);
    int receiveBuffer() const;
    bool isOpen() const { return m_fd >= 0; }
    qintptr descriptor() const { return m_fd; }
    // A second descriptor for the same socket, for QUdpSocket::setSocketDescriptor
    // (QDtls writes through a QUdpSocket); -1 on failure. The caller owns it.
    qintptr duplicate() const;
    QHostAddress localAddress() const { return m_local.hostAddress(); }
    quint16 localPort() const { return m_local.port; }

    // Datagrams read in one go: `count` of them, each at data(i).
    class Batch
    {
    public:
        Batch(int capacity, qsizetype slotBytes);
        ~Batch();
        int count() const { return m_count; }
        QByteArrayView data(int i) const;
        const Endpoint &from(int i) const { return m_from[std::size_t(i)]; }
        // Whether the last read filled every slot (more may be waiting).
        bool full() const { return m_count == m_slots; }

    private:
        friend class DatagramSocket;
        struct Native;
        int m_slots;
        qsizetype m_slotBytes;
        int m_count = 0;
        std::unique_ptr<char[]> m_buffer;
        std::vector<Endpoint> m_from;
        std::vector<qsizetype> m_sizes;
        std::unique_ptr<Native> m_native;
    };
    // Reads what is waiting now, up to the batch's capacity, without
    // blocking. False with `failure` set when the socket reported an error
    // (ICMP "port unreachable" from an earlier send comes back this way);
    // true otherwise, with batch.count() 0 when nothing was waiting.
    bool receive(Batch &batch, SocketFailure *failure);
    // False with `failure` set when the datagram was not sent whole.
    bool send(QByteArrayView bytes, const Endpoint &to, SocketFailure *failure);
    // Sends datagrams in order with as few system calls as the system
    // allows (sendmmsg on Linux): a fragmented message goes out in one call
    // rather than one per fragment. Returns how many went before the first
    // that failed (then `failure` says why), or `count`.
    struct Outgoing
    {
        QByteArrayView bytes;
        const Endpoint *to;
    };
    int sendMany(const Outgoing *datagrams, int count, SocketFailure *failure);

    enum class Ready : std::uint8_t { Readable, Woken, TimedOut };
    // Sleeps until a datagram waits, `wakeFd` (a Waker's) becomes readable,
    // or `timeout` passes (none: no limit). For a caller's own thread; an
    // event loop uses a QSocketNotifier instead.
    Ready wait(std::optional<core::Duration> timeout, qintptr wakeFd);

    // Whether this platform has the calls wait() and Waker need; elsewhere
    // the owner drives the socket from an event loop only.
    static bool canWaitOnCallerThread();

private:
    qintptr m_fd = -1;
    int m_family = 0;
    Endpoint m_local;
    // Linux: wait() sleeps on a timerfd rather than with a poll timeout. A
    // poll timeout arms and cancels a kernel timer on every sleep, which in
    // a virtual machine costs a trip to the hypervisor each time; a server
    // always has a timer pending (the ack timer of its latest request), so
    // that was most of the CPU time of an idle-to-busy wake-up. The timerfd
    // stays armed at the earliest deadline and is set again only when one
    // comes due earlier or it fires: about once a millisecond under load.
    qintptr m_timerFd = -1;
    std::optional<std::int64_t> m_armedNs; // CLOCK_MONOTONIC
};

// Wakes a thread sleeping in DatagramSocket::wait() from another thread.
class Waker
{
public:
    Waker();
    ~Waker();
    Waker(const Waker &) = delete;
    Waker &operator=(const Waker &) = delete;
    bool isValid() const { return m_read >= 0; }
    qintptr descriptor() const { return m_read; }
    void wake();
    void consume(); // after wait() said Woken

private:
    qintptr m_read = -1;
    qintptr m_write = -1;
};

} // namespace rpcscope::net
