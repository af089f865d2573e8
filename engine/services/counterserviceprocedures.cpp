#include "counterserviceprocedures.h"

#include "counterservice.h"

namespace rpcscope::services {

namespace {

codegen::HandlerStatus totalInto(const HandlerResult &result, CounterValue &response)
{
    if (result.status != wire::STATUS_OK)
        return codegen::HandlerStatus::failure(result.message, result.status);
    const std::optional<std::int64_t> total = CounterService::decode(result.result);
    if (!total)
        return codegen::HandlerStatus::failure(
            QStringLiteral("the counter answered %1 bytes instead of an 8-byte total").arg(result.result.size()));
    response.set_total(*total);
    return {};
}

} // namespace

CounterServiceProcedures::CounterServiceProcedures(std::shared_ptr<Service> counter)
    : m_counter(std::move(counter))
{
}

codegen::HandlerStatus CounterServiceProcedures::Add(const AddRequest &request, CounterValue &response)
{
    return totalInto(m_counter->handle(QStringLiteral("add"), CounterService::encode(request.amount())), response);
}

codegen::HandlerStatus CounterServiceProcedures::Get(const google::protobuf::Empty &, CounterValue &response)
{
    return totalInto(m_counter->handle(QStringLiteral("get"), {}), response);
}

} // namespace rpcscope::services
