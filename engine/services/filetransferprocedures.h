#pragma once

#include "services/filetransfer.rpcscope.h"
#include "services/service.h"

#include <memory>

namespace rpcscope::services {

class FileService;

// The generated FileTransfer's procedure carried out by the file service
// (its plain method `put`), so both spellings on one server store into the
// same file and check it the same way.
class FileTransferProcedures final : public FileTransferServer
{
public:
    // `file` is the FileService, possibly wrapped (a TimedService); `status`
    // the FileService itself, for the progress it reports.
    FileTransferProcedures(std::shared_ptr<Service> file, std::shared_ptr<const FileService> status);

    codegen::HandlerStatus Put(const FileChunk &request, FileProgress &response) override;

private:
    std::shared_ptr<Service> m_file;
    std::shared_ptr<const FileService> m_status;
};

} // namespace rpcscope::services
