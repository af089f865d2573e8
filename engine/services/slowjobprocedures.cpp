#include "slowjobprocedures.h"

#include <QDeadlineTimer>

namespace rpcscope::services {

codegen::HandlerStatus SlowJobProcedures::Run(const JobRequest &request, JobReply &response)
{
    if (request.duration_ms() > kMaxDurationMs)
        return codegen::HandlerStatus::failure(
            QStringLiteral("duration_ms %1 is over the limit of %2").arg(request.duration_ms()).arg(kMaxDurationMs),
            wire::STATUS_INVALID_ARGUMENT);
    m_runs.fetch_add(1);
    const QDeadlineTimer deadline(std::chrono::milliseconds(m_waiting == Waiting::Here ? request.duration_ms() : 0));
    {
        QMutexLocker lock(&m_mutex);
        // A wait can end early (spurious wake-up, someone else's release); the deadline decides.
        while (!m_releasing && !deadline.hasExpired())
            m_released.wait(&m_mutex, deadline);
        if (m_releasing)
            return codegen::HandlerStatus::failure(
                QStringLiteral("job '%1' was released before it finished").arg(QString::fromStdString(request.label())));
    }
    response.set_label(request.label());
    response.set_duration_ms(request.duration_ms());
    return {};
}

void SlowJobProcedures::release()
{
    QMutexLocker lock(&m_mutex);
    m_releasing = true;
    m_released.wakeAll();
}

} // namespace rpcscope::services
