#pragma once

#include "services/counter.rpcscope.h"

#include <atomic>
#include <cstdint>

namespace rpcscope::services {

// The procedures of the generated Counter service: Add is not idempotent,
// so the total counts every execution. An Add that would take the total past
// a signed 64-bit integer fails (STATUS_HANDLER_ERROR) and leaves it as it was.
class CounterProcedures final : public CounterServer
{
public:
    codegen::HandlerStatus Add(const AddRequest &request, CounterValue &response) override;
    codegen::HandlerStatus Get(const google::protobuf::Empty &request, CounterValue &response) override;

    std::int64_t total() const { return m_total.load(); }
    std::uint64_t adds() const { return m_adds.load(); } // Add executions, for at-most-once checks

private:
    std::atomic<std::int64_t> m_total{0};
    std::atomic<std::uint64_t> m_adds{0};
};

} // namespace rpcscope::services
