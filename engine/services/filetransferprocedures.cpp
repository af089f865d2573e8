#include "filetransferprocedures.h"

#include <QCryptographicHash>

namespace rpcscope::services {

namespace {
QByteArray bytesOf(const std::string &s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}
} // namespace

codegen::HandlerStatus FileTransferProcedures::Put(const FileChunk &request, FileProgress &response)
{
    const std::int64_t offset = request.offset();
    const std::int64_t fileSize = request.file_size();
    const QByteArray sha256 = bytesOf(request.file_sha256());
    const std::string &data = request.data();
    const auto dataBytes = std::int64_t(data.size());
    if (fileSize <= 0 || fileSize > kMaxFileBytes)
        return codegen::HandlerStatus::failure(
            QStringLiteral("file size %1 is outside 1 to %2 bytes").arg(fileSize).arg(kMaxFileBytes),
            wire::STATUS_INVALID_ARGUMENT);
    if (offset < 0 || offset > fileSize - dataBytes)
        return codegen::HandlerStatus::failure(QStringLiteral("chunk of %1 bytes at offset %2 lies outside a file of %3 bytes")
                                                   .arg(dataBytes)
                                                   .arg(offset)
                                                   .arg(fileSize),
                                               wire::STATUS_INVALID_ARGUMENT);

    QMutexLocker lock(&m_mutex);
    if (m_status.fileBytes == 0) {
        m_status.fileBytes = fileSize;
        m_status.sentSha256 = sha256;
    } else if (fileSize != m_status.fileBytes || sha256 != m_status.sentSha256) {
        return codegen::HandlerStatus::failure(QStringLiteral("chunk at offset %1 belongs to a different file").arg(offset),
                                               wire::STATUS_INVALID_ARGUMENT);
    }
    if (dataBytes > 0 && !m_chunks.contains(offset)) {
        // A chunk may not overlap its neighbours: the pieces must tile the file.
        const auto next = m_chunks.lower_bound(offset);
        const bool overlapsNext = next != m_chunks.end() && next->first < offset + dataBytes;
        const bool overlapsPrevious =
            next != m_chunks.begin() && std::prev(next)->first + std::prev(next)->second.size() > offset;
        if (overlapsNext || overlapsPrevious)
            return codegen::HandlerStatus::failure(
                QStringLiteral("chunk of %1 bytes at offset %2 overlaps one already stored").arg(dataBytes).arg(offset),
                wire::STATUS_INVALID_ARGUMENT);
        m_chunks.emplace(offset, bytesOf(data));
        m_status.receivedBytes += dataBytes;
    }
    if (m_status.complete() && m_status.receivedSha256.isEmpty()) {
        // The chunks tile the whole file: hash them in order.
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (const auto &[at, chunk] : m_chunks)
            hash.addData(chunk);
        m_status.receivedSha256 = hash.result();
        if (!m_status.verified())
            return codegen::HandlerStatus::failure(
                QStringLiteral("end-to-end check failed: the file's SHA-256 is %1, the sender's %2")
                    .arg(QString::fromLatin1(m_status.receivedSha256.toHex()),
                         QString::fromLatin1(m_status.sentSha256.toHex())),
                wire::STATUS_HANDLER_ERROR);
    }
    response.set_received_bytes(m_status.receivedBytes);
    response.set_file_size(m_status.fileBytes);
    response.set_verified(m_status.verified());
    response.set_received_sha256(m_status.receivedSha256.constData(), std::size_t(m_status.receivedSha256.size()));
    return {};
}

FileTransferProcedures::Status FileTransferProcedures::status() const
{
    QMutexLocker lock(&m_mutex);
    return m_status;
}

} // namespace rpcscope::services
