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
//
// Files are told apart by the sender's SHA-256, so one server receives from
// a class of senders at once; it keeps the kMaxFiles touched most recently.
class FileTransferProcedures final : public FileTransferServer
{
public:
    static constexpr std::int64_t kMaxFileBytes = 1024LL * 1024 * 1024; // the receiver's cap
    static constexpr std::size_t kMaxFiles = 16;

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
    // The file a chunk arrived for most recently.
    Status status() const;

private:
    struct File
    {
        // Chunks are kept as they come, by offset, so memory follows what
        // arrived rather than what the sender claims the file's size to be.
        std::map<std::int64_t, QByteArray> chunks;
        Status status;
        std::uint64_t touched = 0; // when a chunk last arrived, in arrivals
    };

    mutable QMutex m_mutex;
    std::map<QByteArray, File> m_files; // by the sender's SHA-256
    std::uint64_t m_arrivals = 0;
    QByteArray m_latest; // the file touched last
};

} // namespace rpcscope::services
