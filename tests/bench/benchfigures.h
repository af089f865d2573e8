#pragma once

// What every benchmark shares: one JSON line per figure on stdout, and the
// process's resident memory as Linux reports it.
#include <QByteArray>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>

namespace rpcscope::bench {

inline void printFigure(const QJsonObject &figure)
{
    std::printf("%s\n", QJsonDocument(figure).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
}

// Resident and peak resident memory in KiB from /proc/self/status; -1
// where there is no /proc (Windows, macOS).
struct Memory
{
    qint64 rssKiB = -1;
    qint64 peakKiB = -1;
};

inline Memory memory()
{
    Memory m;
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return m;
    for (const QByteArray &line : status.readAll().split('\n')) {
        const QList<QByteArray> parts = line.simplified().split(' ');
        if (parts.size() < 2)
            continue;
        if (parts[0] == "VmRSS:")
            m.rssKiB = parts[1].toLongLong();
        else if (parts[0] == "VmHWM:")
            m.peakKiB = parts[1].toLongLong();
    }
    return m;
}

} // namespace rpcscope::bench
