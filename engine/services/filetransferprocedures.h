#pragma once

#include "services/filetransfer.rpcscope.h"

#include <QByteArray>
#include <QMutex>

#include <cstdint>
#include <map>

namespace rpcscope::services {

// The receiving end of the generated FileTransfer (filetransfer.proto): Put
// stores one chunk of a file; when the last byte has arrived it hashes the
// whole file and compares that with the SHA-256 the sender computed before
// sending: the end-to-end check of the chapter's end-to-end argument.
// Whatever the transport did (lost, resent, fragmented, damaged datagrams a
// weak checksum let through), this is what says whether the file arrived
// intact. Handlers run on several threads; the state is guarded.
class FileTransferProcedures final : public FileTransferServer
{
public:
    static constexpr std::int64_t kMaxFileBytes = 1024LL * 1024 * 1024; // the receiver's cap

    codegen::HandlerStatus Put(const FileChunk &request, FileProgress &response) override;

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
    // Chunks are kept as they come, by offset, so memory follows what
    // arrived rather than what the sender claims the file's size to be.
    mutable QMutex m_mutex;
    std::map<std::int64_t, QByteArray> m_chunks;
    Status m_status;
};

} // namespace rpcscope::services
