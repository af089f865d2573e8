#include "service.h"

#include "counterservice.h"
#include "echoservice.h"
#include "fileservice.h"
#include "slowjobservice.h"

namespace rpcscope::services {

QStringList serviceNames()
{
    return {QStringLiteral("echo"), QStringLiteral("counter"), QStringLiteral("file"), QStringLiteral("slowjob")};
}

std::unique_ptr<Service> makeService(QStringView name)
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

HandlerResult unknownMethod(const QString &service, const QString &method)
{
    return {wire::STATUS_UNKNOWN_METHOD,
            QStringLiteral("service '%1' has no method '%2'").arg(service, method), {}};
}

} // namespace rpcscope::services
