#include "echoprocedures.h"

namespace rpcscope::services {

codegen::HandlerStatus EchoProcedures::Echo(const EchoRequest &request, EchoReply &response)
{
    response.set_payload(request.payload());
    return {};
}

} // namespace rpcscope::services
