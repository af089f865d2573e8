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
    const auto overCap = [&] {
        return codegen::HandlerStatus::failure(
            QStringLiteral("the receiver holds %1 bytes of unfinished files; a chunk of %2 more would pass its cap "
                           "of %3")
                .arg(m_heldBytes)
                .arg(dataBytes)
                .arg(m_maxHeldBytes),
            wire::STATUS_BUSY);
    };
    auto found = m_files.find(sha256);
    if (found == m_files.end()) {
        // Refused before a file is made for it, so that no other file gives way for nothing.
        if (dataBytes > m_maxHeldBytes - m_heldBytes)
            return overCap();
        if (m_files.size() >= kMaxFiles) {
            // The file no chunk has come for longest gives way.
            const auto stalest = std::min_element(m_files.begin(), m_files.end(), [](const auto &a, const auto &b) {
                return a.second.touched < b.second.touched;
            });
            m_heldBytes -= heldBy(stalest->second);
            m_files.erase(stalest);
        }
        found = m_files.emplace(sha256, File{}).first;
        found->second.status.fileBytes = fileSize;
        found->second.status.sentSha256 = sha256;
    } else if (fileSize != found->second.status.fileBytes) {
        return codegen::HandlerStatus::failure(
            QStringLiteral("chunk at offset %1 says the file has %2 bytes; its earlier chunks said %3")
                .arg(offset)
                .arg(fileSize)
                .arg(found->second.status.fileBytes),
            wire::STATUS_INVALID_ARGUMENT);
    }
    File &file = found->second;
    file.touched = ++m_arrivals;
    m_latest = sha256;
    std::map<std::int64_t, QByteArray> &chunks = file.chunks;
    Status &got = file.status;
    // A hashed file takes nothing more: its chunks are gone, and what it
    // holds is known. (A chunk sent again after that gets the status.)
    if (dataBytes > 0 && got.receivedSha256.isEmpty() && !chunks.contains(offset)) {
        // A chunk may not overlap its neighbours: the pieces must tile the file.
        const auto next = chunks.lower_bound(offset);
        const bool overlapsNext = next != chunks.end() && next->first < offset + dataBytes;
        const bool overlapsPrevious =
            next != chunks.begin() && std::prev(next)->first + std::prev(next)->second.size() > offset;
        if (overlapsNext || overlapsPrevious)
            return codegen::HandlerStatus::failure(
                QStringLiteral("chunk of %1 bytes at offset %2 overlaps one already stored").arg(dataBytes).arg(offset),
                wire::STATUS_INVALID_ARGUMENT);
        if (dataBytes > m_maxHeldBytes - m_heldBytes)
            return overCap();
        chunks.emplace(offset, bytesOf(data));
        got.receivedBytes += dataBytes;
        m_heldBytes += dataBytes;
        for (auto at = chunks.find(file.hashedUpTo); at != chunks.end() && at->first == file.hashedUpTo; ++at) {
            file.hash->addData(at->second);
            file.hashedUpTo += at->second.size();
        }
    }
    if (got.complete() && got.receivedSha256.isEmpty()) {
        // The chunks tile the whole file, all hashed in order: let them go;
        // the digest is all the check needs from here on.
        got.receivedSha256 = file.hash->result();
        m_heldBytes -= heldBy(file);
        chunks.clear();
        if (!got.verified())
            return codegen::HandlerStatus::failure(
                QStringLiteral("end-to-end check failed: the file's SHA-256 is %1, the sender's %2")
                    .arg(QString::fromLatin1(got.receivedSha256.toHex()),
                         QString::fromLatin1(got.sentSha256.toHex())),
                wire::STATUS_HANDLER_ERROR);
    }
    response.set_received_bytes(got.receivedBytes);
    response.set_file_size(got.fileBytes);
    response.set_verified(got.verified());
    response.set_received_sha256(got.receivedSha256.constData(), std::size_t(got.receivedSha256.size()));
    return {};
}

std::int64_t FileTransferProcedures::heldBytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_heldBytes;
}

FileTransferProcedures::Status FileTransferProcedures::status() const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_files.find(m_latest);
    return it == m_files.end() ? Status{} : it->second.status;
}

} // namespace rpcscope::services
