#include "rawecho.h"

#include "datagram.h"

#include <cstring>

namespace rpcscope::wire {

namespace {
constexpr char kEchoMagic[8] = {'R', 'S', 'c', 'o', 'p', 'e', '?', '!'};

bool hasShape(QByteArrayView d, char kind)
{
    return d.size() >= kEchoHeader && d.size() <= kEchoHeader + kMaxEchoPayload
           && std::memcmp(d.data(), kEchoMagic, sizeof kEchoMagic) == 0 && d[8] == kind;
}
} // namespace

QByteArray echoRequest(QByteArrayView payload)
{
    QByteArray d(kEchoMagic, sizeof kEchoMagic);
    d.append('Q');
    d.append('\0');
    d.append(payload.first(std::min(payload.size(), kMaxEchoPayload)));
    return d;
}

bool isEchoRequest(QByteArrayView datagram)
{
    return hasShape(datagram, 'Q') && datagram[9] == 0;
}

void turnIntoEchoAnswer(QByteArray &request)
{
    request[8] = 'A';
    request[9] = char(kVersion);
}

bool readEchoAnswer(QByteArrayView datagram, std::uint8_t &version, QByteArrayView &payload)
{
    if (!hasShape(datagram, 'A'))
        return false;
    version = std::uint8_t(datagram[9]);
    payload = datagram.sliced(kEchoHeader);
    return true;
}

} // namespace rpcscope::wire
