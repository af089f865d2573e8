#include "counterprocedures.h"

#include <limits>

namespace rpcscope::services {

codegen::HandlerStatus CounterProcedures::Add(const AddRequest &request, CounterValue &response)
{
    m_adds.fetch_add(1);
    const std::int64_t amount = request.amount();
    // A total that wrapped would be a lie, and signed overflow is undefined:
    // an add that would pass either end is refused and changes nothing.
    std::int64_t total = m_total.load();
    std::int64_t sum = 0;
    do {
        constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
        constexpr std::int64_t kMin = std::numeric_limits<std::int64_t>::min();
        if ((amount > 0 && total > kMax - amount) || (amount < 0 && total < kMin - amount))
            return codegen::HandlerStatus::failure(
                QStringLiteral("adding %1 to the total %2 would pass the counter's range (%3 to %4); the total "
                               "is unchanged")
                    .arg(amount)
                    .arg(total)
                    .arg(kMin)
                    .arg(kMax));
        sum = total + amount;
    } while (!m_total.compare_exchange_weak(total, sum));
    response.set_total(sum);
    return {};
}

codegen::HandlerStatus CounterProcedures::Get(const google::protobuf::Empty &, CounterValue &response)
{
    response.set_total(m_total.load());
    return {};
}

} // namespace rpcscope::services
