#include "fileservice.h"

#include "base/random.h"
#include "codegen/stubs.h"

#include <QCryptographicHash>
#include <QtEndian>

#include <cstring>

namespace rpcscope::services {

FileService::FileService()
{
    offer(m_procedures.procedures());
}

QString FileService::sampleMethod() const
{
    return QStringLiteral("rpcscope.services.FileTransfer/Put");
}

void FileService::prepare(const rpc::Workload &workload)
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
    FileChunk chunk;
    if (!m_file.isEmpty()) {
        const qsizetype chunks = m_file.size() / m_chunkBytes;
        const qsizetype offset = qsizetype(index % std::uint64_t(chunks)) * m_chunkBytes;
        chunk.set_offset(offset);
        chunk.set_file_size(m_file.size());
        chunk.set_file_sha256(m_fileSha256.constData(), std::size_t(m_fileSha256.size()));
        chunk.set_data(m_file.constData() + offset, std::size_t(m_chunkBytes));
    }
    return codegen::encodeMessage(chunk);
}

bool FileService::resultMatches(std::uint64_t, int, const QByteArray &result) const
{
    FileProgress progress;
    return codegen::decodeMessage(result, progress) && progress.file_size() == m_file.size()
           && progress.received_bytes() >= m_chunkBytes;
}

rpc::HandlerResult FileService::handle(const QString &method, const QByteArray &args)
{
    if (method != u"put")
        return GeneratedService::handle(method, args);
    if (args.size() < kHeaderBytes)
        return {wire::STATUS_INVALID_ARGUMENT,
                QStringLiteral("put takes at least %1 bytes, got %2").arg(kHeaderBytes).arg(args.size()), {}};
    FileChunk chunk;
    chunk.set_offset(qFromBigEndian<std::int64_t>(args.constData()));
    chunk.set_file_size(qFromBigEndian<std::int64_t>(args.constData() + 8));
    chunk.set_file_sha256(args.constData() + 16, 32);
    chunk.set_data(args.constData() + kHeaderBytes, std::size_t(args.size() - kHeaderBytes));
    FileProgress progress;
    const codegen::HandlerStatus status = m_procedures.Put(chunk, progress);
    if (!status.ok())
        return {status.code, status.message, {}};
    if (!progress.verified())
        return {wire::STATUS_OK, {},
                QStringLiteral("%1 of %2 bytes").arg(progress.received_bytes()).arg(progress.file_size()).toUtf8()};
    const std::string &digest = progress.received_sha256();
    return {wire::STATUS_OK, {},
            QStringLiteral("file complete: %1 bytes, SHA-256 %2 matches")
                .arg(progress.file_size())
                .arg(QString::fromLatin1(QByteArray(digest.data(), qsizetype(digest.size())).toHex()))
                .toUtf8()};
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
