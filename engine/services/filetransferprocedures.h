#pragma once

#include "services/filetransfer.rpcscope.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QMutex>

#include <cstdint>
#include <map>
#include <memory>

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
// What the chunks of unfinished files hold together is capped (kMaxHeldBytes
// unless told otherwise):
// past it a chunk is refused with STATUS_BUSY, so no sender can make the
// server hold kMaxFiles largest files at once. A file's chunks are let go as
// soon as it has been hashed; its status stays.
class FileTransferProcedures final : public FileTransferServer
{
public:
    static constexpr std::int64_t kMaxFileBytes = 1024LL * 1024 * 1024; // the receiver's cap
    static constexpr std::size_t kMaxFiles = 16;
    // One largest file's worth across every file in progress.
    static constexpr std::int64_t kMaxHeldBytes = kMaxFileBytes;

    explicit FileTransferProcedures(std::int64_t maxHeldBytes = kMaxHeldBytes)
        : m_maxHeldBytes(maxHeldBytes)
    {
    }

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
    // Bytes of chunks held now, across every file.
    std::int64_t heldBytes() const;

private:
    struct File
    {
        // Chunks are kept as they come, by offset, so memory follows what
        // arrived rather than what the sender claims the file's size to be.
        std::map<std::int64_t, QByteArray> chunks; // emptied once the file is hashed
        Status status;
        // The digest grows with the part of the file that has arrived
        // without a gap, so the last chunk's handler hashes one chunk, not
        // the whole file, and hashing keeps pace with the network.
        std::unique_ptr<QCryptographicHash> hash = std::make_unique<QCryptographicHash>(QCryptographicHash::Sha256);
        std::int64_t hashedUpTo = 0;
        std::uint64_t touched = 0; // when a chunk last arrived, in arrivals
    };

    // What a file's chunks hold: all it received until it is hashed, then nothing.
    static std::int64_t heldBy(const File &file) { return file.chunks.empty() ? 0 : file.status.receivedBytes; }

    mutable QMutex m_mutex;
    std::map<QByteArray, File> m_files; // by the sender's SHA-256
    std::uint64_t m_arrivals = 0;
    const std::int64_t m_maxHeldBytes;
    std::int64_t m_heldBytes = 0; // in every file's chunks
    QByteArray m_latest; // the file touched last
};

} // namespace rpcscope::services
