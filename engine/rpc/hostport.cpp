#include "hostport.h"

#include <QHostInfo>

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
        if (info.addresses().isEmpty())
            return QStringLiteral("cannot resolve host '%1'").arg(host);
        address = info.addresses().constFirst();
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
