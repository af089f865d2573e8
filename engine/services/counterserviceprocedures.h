#pragma once

#include "services/counter.rpcscope.h"
#include "services/service.h"

#include <memory>

namespace rpcscope::services {

// The generated Counter's procedures carried out by the hand-written counter
// service (its plain methods `add` and `get`), so a server offering both
// `add` and `rpcscope.services.Counter/Add` keeps one total, not two. Any
// wrapper of a CounterService will do, a TimedService among them, so the
// handler time applies to both spellings alike.
class CounterServiceProcedures final : public CounterServer
{
public:
    explicit CounterServiceProcedures(std::shared_ptr<Service> counter);

    codegen::HandlerStatus Add(const AddRequest &request, CounterValue &response) override;
    codegen::HandlerStatus Get(const google::protobuf::Empty &request, CounterValue &response) override;

private:
    std::shared_ptr<Service> m_counter;
};

} // namespace rpcscope::services
