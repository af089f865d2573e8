#pragma once

#include <QByteArray>
#include <QString>

namespace rpcscope::rpc {

// Reads a DTLS pre-shared key as `serve --key-file` and the GUI's Connect
// dialog do: the file's first line, without surrounding white space, at most
// kMaxKeyBytes. Empty on success, else why not (the file, an empty key).
inline constexpr qint64 kMaxKeyBytes = 4096;
QString readKeyFile(const QString &path, QByteArray &key);

} // namespace rpcscope::rpc
