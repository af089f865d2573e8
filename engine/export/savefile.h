#pragma once

#include <QByteArray>
#include <QString>

namespace rpcscope::exporting {

// Writes `data` to `path` through QSaveFile, so a file already there stays
// whole until the new one is complete. On failure says why in `error`
// ("cannot write PATH: REASON").
bool saveWhole(const QString &path, const QByteArray &data, QString *error);

} // namespace rpcscope::exporting
