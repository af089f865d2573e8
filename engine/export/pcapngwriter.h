#pragma once

#include "base/clock.h"

#include <QByteArray>
#include <QIODevice>
#include <QString>

#include <cstdint>

namespace rpcscope::exporting {

// Writes packet captures in pcapng (the format Wireshark and tshark save;
// draft-ietf-opsawg-pcapng): a section header naming the program, one
// interface of raw IPv4 packets with microsecond timestamps, and a packet per
// datagram, each with a comment. Written by hand, as libpcap (the one
// library that writes the format) writes only the older pcap, which has no
// per-packet comments.
//
// Hosts get addresses of their own in 10.0.0.0/8: the server 10.0.0.1 port
// 7000, client N 10.1.(N/256).(N%256) port 50000 (flood senders, beyond
// the clients, likewise).
class PcapngWriter
{
public:
    static constexpr std::uint16_t kServerPort = 7000;
    static constexpr std::uint16_t kClientPort = 50000;

    explicit PcapngWriter(QIODevice &out);

    // The section header (`application` names the program; `comment`, the
    // session) and the one interface. First, once.
    bool begin(const QString &application, const QString &comment);
    // A UDP datagram from `from` to `to` carrying `payload`, at `timeUs`
    // microseconds after the epoch.
    bool packet(std::int64_t timeUs, core::HostId from, core::HostId to, const QByteArray &payload,
                const QString &comment);
    // The same between given IPv4 addresses (host byte order) and ports.
    bool packet(std::int64_t timeUs, std::uint32_t fromAddress, std::uint16_t fromPort, std::uint32_t toAddress,
                std::uint16_t toPort, const QByteArray &payload, const QString &comment);

    static std::uint32_t address(core::HostId host); // IPv4, host byte order
    static std::uint16_t port(core::HostId host);

private:
    bool block(std::uint32_t type, const QByteArray &body);

    QIODevice &m_out;
    std::uint16_t m_ipId = 0;
};

} // namespace rpcscope::exporting
