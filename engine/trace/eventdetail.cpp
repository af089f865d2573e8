#include "eventdetail.h"

#include "core/transmit.h"
#include "netem/netem.h"
#include "wire/bodies.pb.h"
#include "wire/datagram.h"

#include <QAbstractSocket>
#include <QMetaEnum>

#include <climits>

namespace rpcscope::trace {

QString lossCauseName(std::uint32_t cause)
{
    switch (netem::LossCause(cause)) {
    case netem::LossCause::Random: return QStringLiteral("random");
    case netem::LossCause::Queue: return QStringLiteral("queue");
    case netem::LossCause::Scripted: return QStringLiteral("scripted");
    case netem::LossCause::ServerBusy: return QStringLiteral("server-busy");
    case netem::LossCause::None: break;
    }
    return QStringLiteral("none");
}

QString dropReasonName(std::uint32_t detail)
{
    switch (core::ProtocolDrop(detail)) {
    case core::ProtocolDrop::WrongClient: return QStringLiteral("wrong-client");
    case core::ProtocolDrop::UnexpectedKind: return QStringLiteral("unexpected-kind");
    case core::ProtocolDrop::BadAckBelow: return QStringLiteral("bad-ack-below");
    case core::ProtocolDrop::ReassemblyFull: return QStringLiteral("reassembly-full");
    case core::ProtocolDrop::BadFragment: return QStringLiteral("bad-fragment-set");
    }
    return wire::decodeErrorName(wire::DecodeError(detail));
}

// STATUS_UNKNOWN_METHOD -> unknown-method.
QString statusName(std::uint32_t status)
{
    if (status > std::uint32_t(INT_MAX) || !wire::Status_IsValid(int(status)))
        return QString::number(status);
    QString name = QString::fromStdString(wire::Status_Name(wire::Status(status)));
    if (name.startsWith(QLatin1StringView("STATUS_")))
        name.remove(0, 7);
    return name.toLower().replace(u'_', u'-');
}

QString socketErrorName(std::uint32_t error)
{
    const char *key = QMetaEnum::fromType<QAbstractSocket::SocketError>().valueToKey(int(error));
    return key ? QString::fromLatin1(key) : QString::number(std::int32_t(error));
}

} // namespace rpcscope::trace
