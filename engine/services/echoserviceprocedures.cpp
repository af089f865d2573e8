#include "echoserviceprocedures.h"

namespace rpcscope::services {

EchoServiceProcedures::EchoServiceProcedures(std::shared_ptr<Service> echo)
    : m_echo(std::move(echo))
{
}

codegen::HandlerStatus EchoServiceProcedures::Echo(const EchoRequest &request, EchoReply &response)
{
    const std::string &payload = request.payload();
    const HandlerResult result =
        m_echo->handle(QStringLiteral("echo"), QByteArray(payload.data(), qsizetype(payload.size())));
    if (result.status != wire::STATUS_OK)
        return codegen::HandlerStatus::failure(result.message, result.status);
    response.set_payload(result.result.constData(), std::size_t(result.result.size()));
    return {};
}

} // namespace rpcscope::services
