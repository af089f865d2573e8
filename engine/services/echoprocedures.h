#pragma once

#include "services/echo.rpcscope.h"

#include <atomic>
#include <cstdint>

namespace rpcscope::services {

// The procedures of the generated Echo service.
class EchoProcedures final : public EchoServer
{
public:
    codegen::HandlerStatus Echo(const EchoRequest &request, EchoReply &response) override;

    std::uint64_t echoes() const { return m_echoes.load(); } // Echo executions, for at-most-once checks

private:
    std::atomic<std::uint64_t> m_echoes{0};
};

} // namespace rpcscope::services
