#include "registry.h"

#include "counterservice.h"
#include "echoservice.h"
#include "fileservice.h"
#include "slowjobservice.h"

namespace rpcscope::services {

QStringList serviceNames()
{
    return {QStringLiteral("echo"), QStringLiteral("counter"), QStringLiteral("file"), QStringLiteral("slowjob")};
}

std::unique_ptr<rpc::Service> makeService(QStringView name)
{
    if (name == u"echo")
        return std::make_unique<EchoService>();
    if (name == u"counter")
        return std::make_unique<CounterService>();
    if (name == u"file")
        return std::make_unique<FileService>();
    if (name == u"slowjob")
        return std::make_unique<SlowJobService>();
    return nullptr;
}

} // namespace rpcscope::services
