#include "hostport.h"

#include <QHostInfo>

#include <algorithm>

namespace rpcscope::rpc {

QString parseHostPort(const QString &text, bool allowPortZero, HostPort &out)
{
    const qsizetype colon = text.lastIndexOf(u':');
    if (colon <= 0)
        return QStringLiteral("expected HOST:PORT");
    QString host = text.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535 || (port == 0 && !allowPortZero))
        return QStringLiteral("the port must be a number from %1 to 65535").arg(allowPortZero ? 0 : 1);
    QHostAddress address(host);
    if (address.isNull()) {
        const QHostInfo info = QHostInfo::fromName(host);
        const QList<QHostAddress> found = info.addresses();
        if (found.isEmpty())
            return QStringLiteral("cannot resolve host '%1'").arg(host);
        // IPv4 first where the name has both: a server bound as the examples
        // bind it (0.0.0.0) answers on IPv4 only.
        const auto v4 = std::find_if(found.begin(), found.end(), [](const QHostAddress &a) {
            return a.protocol() == QAbstractSocket::IPv4Protocol;
        });
        address = v4 != found.end() ? *v4 : found.constFirst();
    }
    out = {address, quint16(port)};
    return {};
}

QHostAddress clientBindAddressFor(const QHostAddress &server)
{
    const bool v6 = server.protocol() == QAbstractSocket::IPv6Protocol;
    if (server.isLoopback())
        return QHostAddress(v6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost);
    return QHostAddress(v6 ? QHostAddress::AnyIPv6 : QHostAddress::AnyIPv4);
}

} // namespace rpcscope::rpc
