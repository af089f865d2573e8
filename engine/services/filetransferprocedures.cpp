#include "filetransferprocedures.h"

#include "fileservice.h"

namespace rpcscope::services {

FileTransferProcedures::FileTransferProcedures(std::shared_ptr<Service> file,
                                               std::shared_ptr<const FileService> status)
    : m_file(std::move(file))
    , m_status(std::move(status))
{
}

codegen::HandlerStatus FileTransferProcedures::Put(const FileChunk &request, FileProgress &response)
{
    const std::string &sha = request.file_sha256();
    const std::string &data = request.data();
    const HandlerResult result = m_file->handle(
        QStringLiteral("put"),
        FileService::encodeChunk(request.offset(), request.file_size(),
                                 QByteArrayView(sha.data(), qsizetype(sha.size())),
                                 QByteArrayView(data.data(), qsizetype(data.size()))));
    if (result.status != wire::STATUS_OK)
        return codegen::HandlerStatus::failure(result.message, result.status);
    const FileService::Status s = m_status->status();
    response.set_received_bytes(s.receivedBytes);
    response.set_file_size(s.fileBytes);
    response.set_verified(s.verified());
    response.set_received_sha256(s.receivedSha256.constData(), std::size_t(s.receivedSha256.size()));
    return {};
}

} // namespace rpcscope::services
