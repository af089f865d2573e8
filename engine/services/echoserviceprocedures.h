#pragma once

#include "services/echo.rpcscope.h"
#include "services/service.h"

#include <memory>

namespace rpcscope::services {

// The generated Echo's procedure carried out by the hand-written echo
// service (its plain method `echo`), so both spellings on one server behave
// alike, the handler time of a TimedService included.
class EchoServiceProcedures final : public EchoServer
{
public:
    explicit EchoServiceProcedures(std::shared_ptr<Service> echo);

    codegen::HandlerStatus Echo(const EchoRequest &request, EchoReply &response) override;

private:
    std::shared_ptr<Service> m_echo;
};

} // namespace rpcscope::services
