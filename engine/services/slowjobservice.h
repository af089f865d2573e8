#pragma once

#include "generatedservice.h"
#include "slowjobprocedures.h"

namespace rpcscope::services {

// The long call of the scenarios: the generated SlowJob service
// (slowjob.proto), each call a JobRequest asking the handler to work for the
// session's handler time. The driver spends that time (in virtual time in a
// simulation), so the procedure answers at once with a JobReply saying how
// long it worked; `rpcscope-cli serve --service slowjob` runs the same
// generated service with procedures that wait themselves.
class SlowJobService final : public GeneratedService
{
public:
    SlowJobService();

    QString name() const override { return QStringLiteral("slowjob"); }
    QString sampleMethod() const override;
    void prepare(const rpc::Workload &workload) override { m_duration = workload.handlerTime; }
    // Job `index` ("job 3") for the session's handler time.
    QByteArray sampleArgs(std::uint64_t index, int argBytes) const override;
    // The JobReply of that very job.
    bool resultMatches(std::uint64_t index, int argBytes, const QByteArray &result) const override;

    std::uint64_t runs() const { return m_procedures.runs(); }

private:
    SlowJobProcedures m_procedures{SlowJobProcedures::Waiting::ByTheDriver};
    core::Duration m_duration{0};
};

} // namespace rpcscope::services
