#include "counterprocedures.h"

namespace rpcscope::services {

codegen::HandlerStatus CounterProcedures::Add(const AddRequest &request, CounterValue &response)
{
    m_adds.fetch_add(1);
    response.set_total(m_total.fetch_add(request.amount()) + request.amount());
    return {};
}

codegen::HandlerStatus CounterProcedures::Get(const google::protobuf::Empty &, CounterValue &response)
{
    response.set_total(m_total.load());
    return {};
}

} // namespace rpcscope::services
