#include "slowjobservice.h"

#include "codegen/stubs.h"

namespace rpcscope::services {

namespace {
std::string jobLabel(std::uint64_t index)
{
    return "job " + std::to_string(index);
}
} // namespace

SlowJobService::SlowJobService()
{
    offer(m_procedures.procedures());
}

QString SlowJobService::sampleMethod() const
{
    return QStringLiteral("rpcscope.services.SlowJob/Run");
}

QByteArray SlowJobService::sampleArgs(std::uint64_t index, int) const
{
    JobRequest request;
    request.set_duration_ms(std::uint32_t(
        std::clamp<std::int64_t>(m_duration.count() / 1000, 0, SlowJobProcedures::kMaxDurationMs)));
    request.set_label(jobLabel(index));
    return codegen::encodeMessage(request);
}

bool SlowJobService::resultMatches(std::uint64_t index, int, const QByteArray &result) const
{
    JobReply reply;
    return codegen::decodeMessage(result, reply) && reply.label() == jobLabel(index)
           && std::int64_t(reply.duration_ms()) == std::min<std::int64_t>(m_duration.count() / 1000,
                                                                          SlowJobProcedures::kMaxDurationMs);
}

} // namespace rpcscope::services
