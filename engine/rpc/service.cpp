#include "service.h"

namespace rpcscope::rpc {

HandlerResult unknownMethod(const QString &service, const QString &method)
{
    return {wire::STATUS_UNKNOWN_METHOD,
            QStringLiteral("service '%1' has no method '%2'").arg(service, method), {}};
}

} // namespace rpcscope::rpc
