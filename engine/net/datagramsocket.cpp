#include "datagramsocket.h"

#include <QtEndian>

#include <cerrno>
#include <cstring>

#ifdef Q_OS_WIN
#  include <winsock2.h>
#  include <ws2tcpip.h>
#  include <netioapi.h>
using socklen_t = int;
#else
#  include <fcntl.h>
#  include <net/if.h>
#  include <netinet/in.h>
#  include <poll.h>
#  include <sys/socket.h>
#  include <unistd.h>
#endif
#ifdef Q_OS_LINUX
#  include <sys/eventfd.h>
#  include <sys/timerfd.h>
#  include <time.h>
#endif

namespace rpcscope::net {

namespace {

constexpr std::array<quint8, 12> kMappedPrefix{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff};

Endpoint fromSockaddr(const sockaddr_storage &s)
{
    Endpoint e;
    if (s.ss_family == AF_INET) {
        const auto &in = reinterpret_cast<const sockaddr_in &>(s);
        std::copy(kMappedPrefix.begin(), kMappedPrefix.end(), e.address.begin());
        std::memcpy(e.address.data() + 12, &in.sin_addr, 4);
        e.port = qFromBigEndian<quint16>(in.sin_port);
    } else if (s.ss_family == AF_INET6) {
        const auto &in6 = reinterpret_cast<const sockaddr_in6 &>(s);
        std::memcpy(e.address.data(), &in6.sin6_addr, 16);
        e.scope = in6.sin6_scope_id;
        e.port = qFromBigEndian<quint16>(in6.sin6_port);
    }
    return e;
}

// The address as the socket's family wants it: an IPv4 socket takes only
// IPv4; an IPv6 one takes IPv4 as mapped addresses (dual stack).
socklen_t toSockaddr(const Endpoint &e, int family, sockaddr_storage &s)
{
    std::memset(&s, 0, sizeof s);
    if (family == AF_INET) {
        auto &in = reinterpret_cast<sockaddr_in &>(s);
        in.sin_family = AF_INET;
        in.sin_port = qToBigEndian<quint16>(e.port);
        std::memcpy(&in.sin_addr, e.address.data() + 12, 4);
        return sizeof in;
    }
    auto &in6 = reinterpret_cast<sockaddr_in6 &>(s);
    in6.sin6_family = AF_INET6;
    in6.sin6_port = qToBigEndian<quint16>(e.port);
    in6.sin6_scope_id = e.scope;
    std::memcpy(&in6.sin6_addr, e.address.data(), 16);
    return sizeof in6;
}

int lastError()
{
#ifdef Q_OS_WIN
    return WSAGetLastError();
#else
    return errno;
#endif
}

bool wouldBlock(int error)
{
#ifdef Q_OS_WIN
    return error == WSAEWOULDBLOCK;
#else
    return error == EAGAIN || error == EWOULDBLOCK || error == EINTR;
#endif
}

SocketFailure failureOf(int error)
{
    SocketFailure f;
#ifdef Q_OS_WIN
    switch (error) {
    case WSAECONNREFUSED:
    case WSAECONNRESET: f.error = QAbstractSocket::ConnectionRefusedError; break;
    case WSAEMSGSIZE: f.error = QAbstractSocket::DatagramTooLargeError; break;
    case WSAENETUNREACH:
    case WSAEHOSTUNREACH: f.error = QAbstractSocket::NetworkError; break;
    case WSAEACCES: f.error = QAbstractSocket::SocketAccessError; break;
    case WSAEADDRINUSE: f.error = QAbstractSocket::AddressInUseError; break;
    case WSAENOBUFS: f.error = QAbstractSocket::SocketResourceError; break;
    default: f.error = QAbstractSocket::UnknownSocketError; break;
    }
    f.text = QStringLiteral("socket error %1").arg(error);
#else
    switch (error) {
    case ECONNREFUSED: f.error = QAbstractSocket::ConnectionRefusedError; break;
    case EMSGSIZE: f.error = QAbstractSocket::DatagramTooLargeError; break;
    case ENETUNREACH:
    case EHOSTUNREACH: f.error = QAbstractSocket::NetworkError; break;
    case EACCES:
    case EPERM: f.error = QAbstractSocket::SocketAccessError; break;
    case EADDRINUSE: f.error = QAbstractSocket::AddressInUseError; break;
    case EADDRNOTAVAIL: f.error = QAbstractSocket::SocketAddressNotAvailableError; break;
    case ENOBUFS:
    case ENOMEM: f.error = QAbstractSocket::SocketResourceError; break;
    default: f.error = QAbstractSocket::UnknownSocketError; break;
    }
    f.text = QString::fromLocal8Bit(std::strerror(error));
#endif
    return f;
}

void closeDescriptor(qintptr fd)
{
#ifdef Q_OS_WIN
    ::closesocket(SOCKET(fd));
#else
    ::close(int(fd));
#endif
}

} // namespace

Endpoint Endpoint::from(const QHostAddress &address, quint16 port)
{
    Endpoint e;
    e.port = port;
    bool isV4 = false;
    const quint32 v4 = address.toIPv4Address(&isV4);
    if (isV4) {
        std::copy(kMappedPrefix.begin(), kMappedPrefix.end(), e.address.begin());
        qToBigEndian(v4, e.address.data() + 12);
        return e;
    }
    const Q_IPV6ADDR v6 = address.toIPv6Address();
    std::memcpy(e.address.data(), v6.c, 16);
    if (const QString scope = address.scopeId(); !scope.isEmpty()) {
        bool numeric = false;
        e.scope = scope.toUInt(&numeric);
#ifndef Q_OS_WIN
        if (!numeric)
            e.scope = ::if_nametoindex(scope.toLocal8Bit().constData());
#endif
    }
    return e;
}

bool Endpoint::isIPv4() const
{
    return std::equal(kMappedPrefix.begin(), kMappedPrefix.end(), address.begin());
}

QHostAddress Endpoint::hostAddress() const
{
    if (isIPv4())
        return QHostAddress(qFromBigEndian<quint32>(address.data() + 12));
    QHostAddress a(address.data());
    if (scope != 0)
        a.setScopeId(QString::number(scope));
    return a;
}

std::size_t EndpointHash::operator()(const Endpoint &e) const noexcept
{
    // The address as two words, then port and scope, each folded in with a
    // multiply and a shift (the finaliser of MurmurHash3): a handful of
    // instructions for every datagram a server reads.
    std::uint64_t words[2];
    std::memcpy(words, e.address.data(), sizeof words);
    const auto mix = [](std::uint64_t h) {
        h ^= h >> 33;
        h *= 0xff51afd7ed558ccdull;
        h ^= h >> 33;
        h *= 0xc4ceb9fe1a85ec53ull;
        h ^= h >> 33;
        return h;
    };
    std::uint64_t h = mix(words[0] ^ 0x9E3779B97F4A7C15ull);
    h = mix(h ^ words[1]);
    h = mix(h ^ (std::uint64_t(e.port) | std::uint64_t(e.scope) << 16));
    return std::size_t(h);
}

// ---- the socket

DatagramSocket::DatagramSocket()
{
#ifdef Q_OS_WIN
    static const bool started = [] {
        WSADATA data;
        return WSAStartup(MAKEWORD(2, 2), &data) == 0;
    }();
    Q_UNUSED(started);
#endif
}

DatagramSocket::~DatagramSocket()
{
    close();
}

void DatagramSocket::close()
{
    if (m_fd >= 0)
        closeDescriptor(m_fd);
    m_fd = -1;
#ifdef Q_OS_LINUX
    if (m_timerFd >= 0)
        ::close(int(m_timerFd));
    m_timerFd = -1;
    m_armedNs.reset();
#endif
}

bool DatagramSocket::bind(const QHostAddress &address, quint16 port, QString *error)
{
    close();
    const auto fail = [&](const QString &step) {
        const SocketFailure f = failureOf(lastError());
        if (error)
            *error = QStringLiteral("cannot %1 %2 port %3: %4").arg(step, address.toString()).arg(port).arg(f.text);
        close();
        return false;
    };
    // Any: both families on one IPv6 socket, as QUdpSocket does.
    const bool dualStack = address == QHostAddress(QHostAddress::Any);
    const bool v6 = dualStack || address.protocol() == QAbstractSocket::IPv6Protocol
                    || address == QHostAddress(QHostAddress::AnyIPv6);
    m_family = v6 ? AF_INET6 : AF_INET;
#if defined(Q_OS_LINUX)
    m_fd = ::socket(m_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
#elif defined(Q_OS_WIN)
    m_fd = qintptr(::socket(m_family, SOCK_DGRAM, 0));
    if (SOCKET(m_fd) == INVALID_SOCKET)
        m_fd = -1;
#else
    m_fd = ::socket(m_family, SOCK_DGRAM, 0);
#endif
    if (m_fd < 0 && dualStack) { // no IPv6 here: IPv4 alone
        m_family = AF_INET;
        m_fd = ::socket(m_family, SOCK_DGRAM, 0);
    }
    if (m_fd < 0)
        return fail(QStringLiteral("open a UDP socket for"));
#if defined(Q_OS_WIN)
    u_long nonBlocking = 1;
    ::ioctlsocket(SOCKET(m_fd), FIONBIO, &nonBlocking);
#elif !defined(Q_OS_LINUX)
    ::fcntl(int(m_fd), F_SETFL, ::fcntl(int(m_fd), F_GETFL) | O_NONBLOCK);
    ::fcntl(int(m_fd), F_SETFD, FD_CLOEXEC);
#endif
    if (m_family == AF_INET6) {
        const int only = dualStack ? 0 : 1;
        ::setsockopt(m_fd, IPPROTO_IPV6, IPV6_V6ONLY, reinterpret_cast<const char *>(&only), sizeof only);
    }
    sockaddr_storage s;
    const Endpoint where = Endpoint::from(dualStack ? QHostAddress(QHostAddress::AnyIPv6) : address, port);
    const socklen_t length = toSockaddr(where, m_family, s);
    if (::bind(m_fd, reinterpret_cast<const sockaddr *>(&s), length) != 0)
        return fail(QStringLiteral("bind"));
    sockaddr_storage bound;
    socklen_t boundLength = sizeof bound;
    if (::getsockname(m_fd, reinterpret_cast<sockaddr *>(&bound), &boundLength) != 0)
        return fail(QStringLiteral("read the address bound for"));
    m_local = fromSockaddr(bound);
    if (dualStack) // say what was asked for, as QUdpSocket does
        m_local = Endpoint{Endpoint::from(QHostAddress(QHostAddress::AnyIPv6), 0).address, 0, m_local.port};
    return true;
}

void DatagramSocket::setReceiveBuffer(int bytes)
{
    if (m_fd >= 0)
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, reinterpret_cast<const char *>(&bytes), sizeof bytes);
}

int DatagramSocket::receiveBuffer() const
{
    int bytes = 0;
    socklen_t length = sizeof bytes;
    if (m_fd < 0 || ::getsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, reinterpret_cast<char *>(&bytes), &length) != 0)
        return 0;
    return bytes;
}

// ---- reading in batches

struct DatagramSocket::Batch::Native
{
    std::vector<sockaddr_storage> names;
#ifdef Q_OS_LINUX
    std::vector<iovec> vectors;
    std::vector<mmsghdr> headers;
    int touched = 0; // slots whose name length the last read may have changed
#endif
};

DatagramSocket::Batch::Batch(int capacity, qsizetype slotBytes)
    : m_slots(std::max(1, capacity))
    , m_slotBytes(slotBytes)
    , m_buffer(new char[std::size_t(m_slots) * std::size_t(slotBytes)])
    , m_from(std::size_t(m_slots))
    , m_sizes(std::size_t(m_slots))
    , m_native(std::make_unique<Native>())
{
    m_native->names.resize(std::size_t(m_slots));
#ifdef Q_OS_LINUX
    m_native->vectors.resize(std::size_t(m_slots));
    m_native->headers.resize(std::size_t(m_slots));
    for (std::size_t i = 0; i < std::size_t(m_slots); ++i) {
        m_native->vectors[i] = {m_buffer.get() + i * std::size_t(m_slotBytes), std::size_t(m_slotBytes)};
        msghdr &h = m_native->headers[i].msg_hdr;
        h = {};
        h.msg_iov = &m_native->vectors[i];
        h.msg_iovlen = 1;
        h.msg_name = &m_native->names[i];
        h.msg_namelen = sizeof(sockaddr_storage);
    }
#endif
}

DatagramSocket::Batch::~Batch() = default;

QByteArrayView DatagramSocket::Batch::data(int i) const
{
    return {m_buffer.get() + std::size_t(i) * std::size_t(m_slotBytes), m_sizes[std::size_t(i)]};
}

bool DatagramSocket::receive(Batch &batch, SocketFailure *failure)
{
    Batch::Native &n = *batch.m_native;
#ifdef Q_OS_LINUX
    // A read changes the name length of the slots it fills, and no other
    // field: only those are set back.
    for (int i = 0; i < n.touched; ++i)
        n.headers[std::size_t(i)].msg_hdr.msg_namelen = sizeof(sockaddr_storage);
    n.touched = 0;
    batch.m_count = 0;
    if (m_fd < 0)
        return true;
    const int got = ::recvmmsg(int(m_fd), n.headers.data(), unsigned(batch.m_slots), MSG_DONTWAIT, nullptr);
    n.touched = got < 0 ? 1 : got; // a failed read may still have touched the first
    if (got < 0) {
        const int error = lastError();
        if (wouldBlock(error))
            return true;
        if (failure)
            *failure = failureOf(error);
        return false;
    }
    for (int i = 0; i < got; ++i) {
        batch.m_sizes[std::size_t(i)] = qsizetype(n.headers[std::size_t(i)].msg_len);
        batch.m_from[std::size_t(i)] = fromSockaddr(n.names[std::size_t(i)]);
    }
    batch.m_count = got;
    return true;
#else
    batch.m_count = 0;
    if (m_fd < 0)
        return true;
    while (batch.m_count < batch.m_slots) {
        const std::size_t i = std::size_t(batch.m_count);
        socklen_t length = sizeof(sockaddr_storage);
        const auto got = ::recvfrom(m_fd, batch.m_buffer.get() + i * std::size_t(batch.m_slotBytes),
                                    int(batch.m_slotBytes), 0, reinterpret_cast<sockaddr *>(&n.names[i]), &length);
        if (got < 0) {
            const int error = lastError();
            if (wouldBlock(error) || batch.m_count > 0)
                return true; // an error after datagrams is reported by the next read
            if (failure)
                *failure = failureOf(error);
            return false;
        }
        batch.m_sizes[i] = qsizetype(got);
        batch.m_from[i] = fromSockaddr(n.names[i]);
        ++batch.m_count;
    }
    return true;
#endif
}

bool DatagramSocket::send(QByteArrayView bytes, const Endpoint &to, SocketFailure *failure)
{
    if (m_fd < 0) {
        if (failure)
            *failure = {QAbstractSocket::SocketAccessError, QStringLiteral("the socket is closed")};
        return false;
    }
    if (m_family == AF_INET && !to.isIPv4()) {
        if (failure)
            *failure = {QAbstractSocket::NetworkError, QStringLiteral("an IPv6 address on an IPv4 socket")};
        return false;
    }
    sockaddr_storage s;
    const socklen_t length = toSockaddr(to, m_family, s);
    for (;;) {
        const auto sent = ::sendto(m_fd, bytes.data(), std::size_t(bytes.size()), 0,
                                   reinterpret_cast<const sockaddr *>(&s), length);
        if (sent == bytes.size())
            return true;
        const int error = sent < 0 ? lastError() : EMSGSIZE;
#ifndef Q_OS_WIN
        if (error == EINTR)
            continue;
#endif
        if (failure)
            *failure = failureOf(error);
        return false;
    }
}

qintptr DatagramSocket::duplicate() const
{
    if (m_fd < 0)
        return -1;
#ifdef Q_OS_WIN
    WSAPROTOCOL_INFOW info;
    if (::WSADuplicateSocketW(SOCKET(m_fd), ::GetCurrentProcessId(), &info) != 0)
        return -1;
    const SOCKET copy = ::WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &info, 0, 0);
    return copy == INVALID_SOCKET ? -1 : qintptr(copy);
#else
    return ::fcntl(int(m_fd), F_DUPFD_CLOEXEC, 0);
#endif
}

int DatagramSocket::sendMany(const Outgoing *datagrams, int count, SocketFailure *failure)
{
    if (count == 1) // an answer to one request: sendto costs the kernel less than sendmmsg
        return send(datagrams[0].bytes, *datagrams[0].to, failure) ? 1 : 0;
#ifdef Q_OS_LINUX
    constexpr int kMost = 64; // per system call
    int sent = 0;
    while (sent < count) {
        std::array<sockaddr_storage, kMost> names;
        std::array<iovec, kMost> vectors;
        std::array<mmsghdr, kMost> headers;
        int n = 0;
        for (; n < std::min(kMost, count - sent); ++n) {
            const Outgoing &d = datagrams[sent + n];
            if (m_fd < 0 || (m_family == AF_INET && !d.to->isIPv4()))
                break; // one send() can never take: it says why below
            const std::size_t i = std::size_t(n);
            const socklen_t length = toSockaddr(*d.to, m_family, names[i]);
            vectors[i] = {const_cast<char *>(d.bytes.data()), std::size_t(d.bytes.size())};
            msghdr &h = headers[i].msg_hdr;
            h = {};
            h.msg_name = &names[i];
            h.msg_namelen = length;
            h.msg_iov = &vectors[i];
            h.msg_iovlen = 1;
        }
        if (n == 0) {
            send(datagrams[sent].bytes, *datagrams[sent].to, failure);
            return sent;
        }
        const int went = ::sendmmsg(int(m_fd), headers.data(), unsigned(n), 0);
        if (went < 0) {
            if (errno == EINTR)
                continue;
            if (failure)
                *failure = failureOf(errno);
            return sent;
        }
        sent += went;
        if (went < n) {
            // The next one failed: send it alone to learn why.
            if (!send(datagrams[sent].bytes, *datagrams[sent].to, failure))
                return sent;
            ++sent;
        }
    }
    return sent;
#else
    for (int i = 0; i < count; ++i)
        if (!send(datagrams[i].bytes, *datagrams[i].to, failure))
            return i;
    return count;
#endif
}

bool DatagramSocket::canWaitOnCallerThread()
{
#ifdef Q_OS_WIN
    return false;
#else
    return true;
#endif
}

DatagramSocket::Ready DatagramSocket::wait(std::optional<core::Duration> timeout, qintptr wakeFd)
{
#ifdef Q_OS_WIN
    Q_UNUSED(timeout);
    Q_UNUSED(wakeFd);
    return Ready::TimedOut;
#else
    pollfd fds[3] = {{int(m_fd), POLLIN, 0}, {int(wakeFd), POLLIN, 0}, {-1, POLLIN, 0}};
    // poll's own timeout, in whole milliseconds rounded up: never early.
    const int pollMs = timeout ? int((std::max<std::int64_t>(0, timeout->count()) + 999) / 1000) : -1;
#  ifdef Q_OS_LINUX
    if (m_timerFd < 0)
        m_timerFd = ::timerfd_create(CLOCK_MONOTONIC, TFD_NONBLOCK | TFD_CLOEXEC);
    if (m_timerFd >= 0) {
        if (timeout) {
            timespec now{};
            ::clock_gettime(CLOCK_MONOTONIC, &now);
            const std::int64_t at = std::int64_t(now.tv_sec) * 1'000'000'000 + now.tv_nsec
                                    + std::max<std::int64_t>(0, timeout->count()) * 1000;
            // An earlier deadline already armed only wakes us early, and
            // the caller then asks again: keep it.
            if (!m_armedNs || at < *m_armedNs) {
                itimerspec spec{};
                spec.it_value.tv_sec = time_t(at / 1'000'000'000);
                spec.it_value.tv_nsec = long(at % 1'000'000'000);
                if (::timerfd_settime(int(m_timerFd), TFD_TIMER_ABSTIME, &spec, nullptr) == 0)
                    m_armedNs = at;
            }
        }
        fds[2].fd = int(m_timerFd);
        const bool unarmed = timeout && !m_armedNs; // the timerfd refused: count on poll's own timeout
        const int n = ::poll(fds, 3, unarmed ? pollMs : -1);
        if (n > 0 && (fds[2].revents & POLLIN)) {
            std::uint64_t expirations = 0;
            [[maybe_unused]] const auto r = ::read(int(m_timerFd), &expirations, sizeof expirations);
            m_armedNs.reset();
        }
        if (n > 0 && (fds[1].revents & POLLIN))
            return Ready::Woken;
        if (n > 0 && (fds[0].revents & POLLIN))
            return Ready::Readable;
        return Ready::TimedOut; // the timer, or EINTR: the caller looks at the clock and waits again
    }
#  endif
    const int n = ::poll(fds, wakeFd >= 0 ? 2 : 1, pollMs);
    if (n <= 0)
        return Ready::TimedOut; // EINTR too: the caller looks at the clock and waits again
    if (wakeFd >= 0 && (fds[1].revents & POLLIN))
        return Ready::Woken;
    return Ready::Readable;
#endif
}

// ---- waking a waiting thread

Waker::Waker()
{
#if defined(Q_OS_LINUX)
    m_read = m_write = ::eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
#elif !defined(Q_OS_WIN)
    int fds[2];
    if (::pipe(fds) == 0) {
        for (int fd : fds) {
            ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
        }
        m_read = fds[0];
        m_write = fds[1];
    }
#endif
}

Waker::~Waker()
{
#ifndef Q_OS_WIN
    if (m_read >= 0)
        ::close(int(m_read));
    if (m_write >= 0 && m_write != m_read)
        ::close(int(m_write));
#endif
}

void Waker::wake()
{
#ifndef Q_OS_WIN
    const quint64 one = 1;
    // A full pipe or counter already wakes the reader: nothing to retry.
    [[maybe_unused]] const auto n = ::write(int(m_write), &one, m_write == m_read ? sizeof one : 1);
#endif
}

void Waker::consume()
{
#ifndef Q_OS_WIN
    char drain[64];
    while (::read(int(m_read), drain, sizeof drain) > 0 && m_read != m_write) {
    }
#endif
}

} // namespace rpcscope::net
