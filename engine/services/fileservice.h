#pragma once

#include "service.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMutex>

#include <cstdint>
#include <map>

namespace rpcscope::services {

// put(chunk) stores one chunk of a file; when the last byte has arrived the
// receiver hashes the whole file and compares it with the SHA-256 the sender
// computed before sending: the end-to-end check of the chapter's end-to-end
// argument. Whatever the transport did (lost, resent, fragmented, damaged
// datagrams a weak checksum let through), this is what says whether the file
// arrived intact.
//
// Arguments, big-endian: 8-byte offset, 8-byte file size, the sender's
// 32-byte SHA-256 of the whole file, then the chunk's bytes. Each chunk's
// reply says how many bytes have arrived; the one that completes the file
// says whether the digests match, or fails with STATUS_HANDLER_ERROR.
class FileService final : public Service
{
public:
    static constexpr qsizetype kHeaderBytes = 8 + 8 + 32;
    static constexpr std::int64_t kMaxFileBytes = 1024LL * 1024 * 1024; // the receiver's cap

    QString name() const override { return QStringLiteral("file"); }
    HandlerResult handle(const QString &method, const QByteArray &args) override;
    QString sampleMethod() const override { return QStringLiteral("put"); }
    // Builds the file the workload sends: `calls` chunks of `argBytes` bytes of
    // seeded pseudo-random data, and its digest.
    void prepare(const Workload &workload) override;
    QByteArray sampleArgs(std::uint64_t index, int argBytes) const override;
    QJsonObject report() const override;

    // One chunk's arguments.
    static QByteArray encodeChunk(std::int64_t offset, std::int64_t fileSize, QByteArrayView sha256,
                                  QByteArrayView data);

    struct Status
    {
        std::int64_t fileBytes = 0;     // as the sender announced it
        std::int64_t receivedBytes = 0; // distinct bytes stored so far
        QByteArray sentSha256;          // what the sender computed
        QByteArray receivedSha256;      // computed once the file was complete
        bool complete() const { return fileBytes > 0 && receivedBytes == fileBytes; }
        bool verified() const { return complete() && sentSha256 == receivedSha256; }
    };
    Status status() const;

private:
    // Sending side: the file and its digest.
    QByteArray m_file;
    QByteArray m_fileSha256;
    qsizetype m_chunkBytes = 0;

    // Receiving side; handlers run on several threads. Chunks are kept as
    // they come, by offset, so memory follows what arrived rather than what
    // the sender claims the file's size to be.
    mutable QMutex m_mutex;
    std::map<std::int64_t, QByteArray> m_chunks;
    Status m_status;
};

} // namespace rpcscope::services
