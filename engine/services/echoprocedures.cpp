#include "echoprocedures.h"

namespace rpcscope::services {

codegen::HandlerStatus EchoProcedures::Echo(const EchoRequest &request, EchoReply &response)
{
    m_echoes.fetch_add(1);
    response.set_payload(request.payload());
    return {};
}

} // namespace rpcscope::services
