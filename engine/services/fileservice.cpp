#include "fileservice.h"

#include "core/random.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <cstring>

namespace rpcscope::services {

QByteArray FileService::encodeChunk(std::int64_t offset, std::int64_t fileSize, QByteArrayView sha256,
                                    QByteArrayView data)
{
    QByteArray args(kHeaderBytes + data.size(), Qt::Uninitialized);
    qToBigEndian<std::int64_t>(offset, args.data());
    qToBigEndian<std::int64_t>(fileSize, args.data() + 8);
    std::memset(args.data() + 16, 0, 32);
    std::memcpy(args.data() + 16, sha256.data(), std::size_t(std::min<qsizetype>(32, sha256.size())));
    if (!data.isEmpty())
        std::memcpy(args.data() + kHeaderBytes, data.data(), std::size_t(data.size()));
    return args;
}

void FileService::prepare(const Workload &workload)
{
    m_chunkBytes = std::max(1, workload.argBytes);
    const qsizetype size = qsizetype(std::max(1, workload.calls)) * m_chunkBytes;
    m_file = QByteArray(size, Qt::Uninitialized);
    core::Random random(workload.seed ^ 0xF11E);
    for (qsizetype i = 0; i < size; i += 8) {
        const std::uint64_t word = random.next();
        std::memcpy(m_file.data() + i, &word, std::size_t(std::min<qsizetype>(8, size - i)));
    }
    m_fileSha256 = QCryptographicHash::hash(m_file, QCryptographicHash::Sha256);
}

QByteArray FileService::sampleArgs(std::uint64_t index, int) const
{
    if (m_file.isEmpty())
        return encodeChunk(0, 0, {}, {});
    const qsizetype chunks = m_file.size() / m_chunkBytes;
    const qsizetype offset = qsizetype(index % std::uint64_t(chunks)) * m_chunkBytes;
    return encodeChunk(offset, m_file.size(), m_fileSha256, QByteArrayView(m_file).sliced(offset, m_chunkBytes));
}

HandlerResult FileService::handle(const QString &method, const QByteArray &args)
{
    if (method != u"put")
        return {wire::STATUS_UNKNOWN_METHOD,
                QStringLiteral("service 'file' has no method '%1'").arg(method), {}};
    if (args.size() < kHeaderBytes)
        return {wire::STATUS_INVALID_ARGUMENT,
                QStringLiteral("put takes at least %1 bytes, got %2").arg(kHeaderBytes).arg(args.size()), {}};
    const auto offset = qFromBigEndian<std::int64_t>(args.constData());
    const auto fileSize = qFromBigEndian<std::int64_t>(args.constData() + 8);
    const QByteArray sha256 = args.mid(16, 32);
    const QByteArrayView data = QByteArrayView(args).sliced(kHeaderBytes);
    if (fileSize <= 0 || fileSize > kMaxFileBytes)
        return {wire::STATUS_INVALID_ARGUMENT,
                QStringLiteral("file size %1 is outside 1 to %2 bytes").arg(fileSize).arg(kMaxFileBytes), {}};
    if (offset < 0 || offset > fileSize - data.size())
        return {wire::STATUS_INVALID_ARGUMENT,
                QStringLiteral("chunk of %1 bytes at offset %2 lies outside a file of %3 bytes")
                    .arg(data.size())
                    .arg(offset)
                    .arg(fileSize),
                {}};

    QMutexLocker lock(&m_mutex);
    if (m_status.fileBytes == 0) {
        m_status.fileBytes = fileSize;
        m_status.sentSha256 = sha256;
    } else if (fileSize != m_status.fileBytes || sha256 != m_status.sentSha256) {
        return {wire::STATUS_INVALID_ARGUMENT,
                QStringLiteral("chunk at offset %1 belongs to a different file").arg(offset), {}};
    }
    if (!data.isEmpty() && !m_chunks.contains(offset)) {
        // A chunk may not overlap its neighbours: the pieces must tile the file.
        const auto next = m_chunks.lower_bound(offset);
        const bool overlapsNext = next != m_chunks.end() && next->first < offset + data.size();
        const bool overlapsPrevious = next != m_chunks.begin()
                                      && std::prev(next)->first + std::prev(next)->second.size() > offset;
        if (overlapsNext || overlapsPrevious)
            return {wire::STATUS_INVALID_ARGUMENT,
                    QStringLiteral("chunk of %1 bytes at offset %2 overlaps one already stored")
                        .arg(data.size())
                        .arg(offset),
                    {}};
        m_chunks.emplace(offset, data.toByteArray());
        m_status.receivedBytes += data.size();
    }
    if (!m_status.complete() || !m_status.receivedSha256.isEmpty())
        return {wire::STATUS_OK, {},
                QStringLiteral("%1 of %2 bytes").arg(m_status.receivedBytes).arg(m_status.fileBytes).toUtf8()};
    // The chunks tile the whole file: hash them in order.
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const auto &[at, chunk] : m_chunks)
        hash.addData(chunk);
    m_status.receivedSha256 = hash.result();
    if (!m_status.verified())
        return {wire::STATUS_HANDLER_ERROR,
                QStringLiteral("end-to-end check failed: the file's SHA-256 is %1, the sender's %2")
                    .arg(QString::fromLatin1(m_status.receivedSha256.toHex()),
                         QString::fromLatin1(m_status.sentSha256.toHex())),
                {}};
    return {wire::STATUS_OK, {},
            QStringLiteral("file complete: %1 bytes, SHA-256 %2 matches")
                .arg(m_status.fileBytes)
                .arg(QString::fromLatin1(m_status.receivedSha256.toHex()))
                .toUtf8()};
}

FileService::Status FileService::status() const
{
    QMutexLocker lock(&m_mutex);
    return m_status;
}

QJsonObject FileService::report() const
{
    const Status s = status();
    QJsonObject o;
    o.insert(QStringLiteral("file_bytes"), qint64(s.fileBytes));
    o.insert(QStringLiteral("received_bytes"), qint64(s.receivedBytes));
    o.insert(QStringLiteral("sha256_sent"), QString::fromLatin1(s.sentSha256.toHex()));
    o.insert(QStringLiteral("sha256_received"), QString::fromLatin1(s.receivedSha256.toHex()));
    o.insert(QStringLiteral("verified"), s.verified());
    return o;
}

} // namespace rpcscope::services
