#include "keyfile.h"

#include <QFile>

namespace rpcscope::rpc {

QString readKeyFile(const QString &path, QByteArray &key)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read '%1': %2").arg(path, file.errorString());
    key = file.readLine(kMaxKeyBytes).trimmed();
    if (key.isEmpty())
        return QStringLiteral("'%1' holds no key: its first line is empty").arg(path);
    return {};
}

} // namespace rpcscope::rpc
