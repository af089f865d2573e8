#include "generatedservice.h"

namespace rpcscope::services {

void GeneratedService::offer(const QList<codegen::Procedure> &procedures)
{
    for (const codegen::Procedure &procedure : procedures) {
        Q_ASSERT_X(!m_procedures.contains(procedure.method), "GeneratedService::offer",
                   "a method is offered twice");
        m_procedures.insert(procedure.method, procedure.handler);
        m_order.append(procedure.method);
    }
}

rpc::HandlerResult GeneratedService::handle(const QString &method, const QByteArray &args)
{
    const auto procedure = m_procedures.constFind(method);
    if (procedure == m_procedures.cend())
        return rpc::unknownMethod(name(), method);
    return (*procedure)(args);
}

} // namespace rpcscope::services
