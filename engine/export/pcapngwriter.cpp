#include "pcapngwriter.h"

#include <QtEndian>

namespace rpcscope::exporting {

namespace {

constexpr std::uint32_t kSectionHeader = 0x0A0D0D0A;
constexpr std::uint32_t kInterfaceDescription = 1;
constexpr std::uint32_t kEnhancedPacket = 6;
constexpr std::uint16_t kLinkTypeIpv4 = 228; // LINKTYPE_IPV4: raw IPv4, no link layer
constexpr std::uint16_t kOptEnd = 0;
constexpr std::uint16_t kOptComment = 1;
constexpr std::uint16_t kShbUserApplication = 4;
constexpr std::uint16_t kIfName = 2;
constexpr std::uint16_t kIfTsResolution = 9;

// Numbers in this writer's byte order: the section header's byte-order magic
// tells a reader which, and little-endian is what the machines this runs on use.
template <typename T>
void put(QByteArray &out, T value)
{
    const T le = qToLittleEndian(value);
    out.append(reinterpret_cast<const char *>(&le), sizeof(T));
}

template <typename T>
void putBig(QByteArray &out, T value)
{
    const T be = qToBigEndian(value);
    out.append(reinterpret_cast<const char *>(&be), sizeof(T));
}

void pad(QByteArray &out)
{
    while (out.size() % 4 != 0)
        out.append('\0');
}

void option(QByteArray &out, std::uint16_t code, const QByteArray &value)
{
    put<std::uint16_t>(out, code);
    put<std::uint16_t>(out, std::uint16_t(value.size()));
    out.append(value);
    pad(out);
}

void endOfOptions(QByteArray &out)
{
    put<std::uint16_t>(out, kOptEnd);
    put<std::uint16_t>(out, 0);
}

// An option's value is at most 65535 bytes.
QByteArray text(const QString &s)
{
    return s.toUtf8().left(65535);
}

// The IPv4 header checksum (RFC 791): the ones' complement of the ones'
// complement sum of the header's 16-bit words.
std::uint16_t ipChecksum(const QByteArray &header)
{
    std::uint32_t sum = 0;
    for (qsizetype i = 0; i + 1 < header.size(); i += 2)
        sum += std::uint32_t(std::uint8_t(header[i])) << 8 | std::uint8_t(header[i + 1]);
    while (sum >> 16)
        sum = (sum & 0xFFFF) + (sum >> 16);
    return std::uint16_t(~sum);
}

} // namespace

PcapngWriter::PcapngWriter(QIODevice &out)
    : m_out(out)
{
}

std::uint32_t PcapngWriter::address(core::HostId host)
{
    if (host == core::kServerHost)
        return 0x0A000001; // 10.0.0.1
    return 0x0A010000 | std::uint32_t(host); // 10.1.x.y
}

std::uint16_t PcapngWriter::port(core::HostId host)
{
    return host == core::kServerHost ? kServerPort : kClientPort;
}

bool PcapngWriter::block(std::uint32_t type, const QByteArray &body)
{
    // type, total length, body, total length again (so a reader can walk back).
    const auto total = std::uint32_t(12 + body.size());
    QByteArray b;
    b.reserve(qsizetype(total));
    put<std::uint32_t>(b, type);
    put<std::uint32_t>(b, total);
    b.append(body);
    put<std::uint32_t>(b, total);
    return m_out.write(b) == b.size();
}

bool PcapngWriter::begin(const QString &application, const QString &comment)
{
    QByteArray shb;
    put<std::uint32_t>(shb, 0x1A2B3C4D); // byte-order magic
    put<std::uint16_t>(shb, 1);          // version 1.0
    put<std::uint16_t>(shb, 0);
    put<std::int64_t>(shb, -1);          // section length: not given
    option(shb, kOptComment, text(comment));
    option(shb, kShbUserApplication, text(application));
    endOfOptions(shb);
    if (!block(kSectionHeader, shb))
        return false;

    QByteArray idb;
    put<std::uint16_t>(idb, kLinkTypeIpv4);
    put<std::uint16_t>(idb, 0);      // reserved
    put<std::uint32_t>(idb, 0);      // snap length: no limit
    option(idb, kIfName, QByteArrayLiteral("rpcscope-simulated-wire"));
    option(idb, kIfTsResolution, QByteArray(1, char(6))); // microseconds
    endOfOptions(idb);
    return block(kInterfaceDescription, idb);
}

bool PcapngWriter::packet(std::int64_t timeUs, core::HostId from, core::HostId to, const QByteArray &payload,
                          const QString &comment)
{
    return packet(timeUs, address(from), port(from), address(to), port(to), payload, comment);
}

bool PcapngWriter::packet(std::int64_t timeUs, std::uint32_t fromAddress, std::uint16_t fromPort,
                          std::uint32_t toAddress, std::uint16_t toPort, const QByteArray &payload,
                          const QString &comment)
{
    // IPv4 (20 bytes, no options) and UDP (8 bytes; checksum 0: none, as
    // IPv4 allows) around the datagram.
    const qsizetype udpLength = 8 + payload.size();
    const qsizetype ipLength = 20 + udpLength;
    QByteArray ip;
    ip.reserve(ipLength);
    ip.append(char(0x45)); // version 4, 5 words
    ip.append(char(0));
    putBig<std::uint16_t>(ip, std::uint16_t(std::min<qsizetype>(ipLength, 0xFFFF)));
    putBig<std::uint16_t>(ip, ++m_ipId);
    putBig<std::uint16_t>(ip, 0x4000); // don't fragment
    ip.append(char(64));               // TTL
    ip.append(char(17));               // UDP
    putBig<std::uint16_t>(ip, 0);      // checksum, below
    putBig<std::uint32_t>(ip, fromAddress);
    putBig<std::uint32_t>(ip, toAddress);
    const std::uint16_t sum = ipChecksum(ip);
    ip[10] = char(sum >> 8);
    ip[11] = char(sum & 0xFF);
    putBig<std::uint16_t>(ip, fromPort);
    putBig<std::uint16_t>(ip, toPort);
    putBig<std::uint16_t>(ip, std::uint16_t(std::min<qsizetype>(udpLength, 0xFFFF)));
    putBig<std::uint16_t>(ip, 0);
    ip.append(payload);

    QByteArray epb;
    const auto t = std::uint64_t(std::max<std::int64_t>(0, timeUs));
    put<std::uint32_t>(epb, 0); // interface 0
    put<std::uint32_t>(epb, std::uint32_t(t >> 32));
    put<std::uint32_t>(epb, std::uint32_t(t & 0xFFFFFFFF));
    put<std::uint32_t>(epb, std::uint32_t(ip.size())); // captured
    put<std::uint32_t>(epb, std::uint32_t(ip.size())); // on the wire
    epb.append(ip);
    pad(epb);
    if (!comment.isEmpty()) {
        option(epb, kOptComment, text(comment));
        endOfOptions(epb);
    }
    return block(kEnhancedPacket, epb);
}

} // namespace rpcscope::exporting
