#pragma once

#include "services/echo.rpcscope.h"

namespace rpcscope::services {

// The procedures of the generated Echo service.
class EchoProcedures final : public EchoServer
{
public:
    codegen::HandlerStatus Echo(const EchoRequest &request, EchoReply &response) override;
};

} // namespace rpcscope::services
