#pragma once

#include "services/slowjob.rpcscope.h"

#include <QMutex>
#include <QWaitCondition>

#include <atomic>
#include <cstdint>

namespace rpcscope::services {

// The procedures of the generated SlowJob service: Run takes the time its
// request asks, so a server can be shown busy with a long call. On a real
// server it waits that long itself (Waiting::Here); in a session the driver
// spends the time (Waiting::ByTheDriver: the simulation's virtual handler
// time, a live session's TimedService), and Run answers at once.
// release() ends the jobs that are waiting, so a server stopping need not
// wait them out.
class SlowJobProcedures final : public SlowJobServer
{
public:
    static constexpr std::uint32_t kMaxDurationMs = 10 * 60 * 1000;
    enum class Waiting { Here, ByTheDriver };

    explicit SlowJobProcedures(Waiting waiting = Waiting::Here) : m_waiting(waiting) {}

    codegen::HandlerStatus Run(const JobRequest &request, JobReply &response) override;

    // Jobs waiting now, and any started later, answer at once with
    // STATUS_HANDLER_ERROR ("released").
    void release();
    std::uint64_t runs() const { return m_runs.load(); } // Run executions

private:
    const Waiting m_waiting;
    QMutex m_mutex;
    QWaitCondition m_released;
    bool m_releasing = false; // guarded by m_mutex
    std::atomic<std::uint64_t> m_runs{0};
};

} // namespace rpcscope::services
