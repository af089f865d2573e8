#pragma once

#include "base/clock.h"
#include "rpc/service.h"

#include <QThread>

#include <memory>

namespace rpcscope::services {

// Another service, slowed down: every call first takes `time` (the handler
// time of a session), so real-socket runs behave like simulated ones.
class TimedService final : public rpc::Service
{
public:
    TimedService(std::shared_ptr<rpc::Service> inner, core::Duration time)
        : m_inner(std::move(inner))
        , m_time(time)
    {
    }

    QString name() const override { return m_inner->name(); }
    rpc::HandlerResult handle(const QString &method, const QByteArray &args) override
    {
        if (m_time.count() > 0)
            QThread::usleep(std::uint64_t(m_time.count()));
        return m_inner->handle(method, args);
    }
    // A handler that sleeps belongs on the pool from its first call.
    rpc::HandlerKind handlerKind(const QString &method) const override
    {
        return m_time.count() > 0 ? rpc::HandlerKind::Long : m_inner->handlerKind(method);
    }
    QString sampleMethod() const override { return m_inner->sampleMethod(); }
    QByteArray sampleArgs(std::uint64_t index, int argBytes) const override
    {
        return m_inner->sampleArgs(index, argBytes);
    }
    void prepare(const rpc::Workload &workload) override { m_inner->prepare(workload); }
    bool resultMatches(std::uint64_t index, int argBytes, const QByteArray &result) const override
    {
        return m_inner->resultMatches(index, argBytes, result);
    }
    QJsonObject report() const override { return m_inner->report(); }

private:
    std::shared_ptr<rpc::Service> m_inner;
    core::Duration m_time;
};

} // namespace rpcscope::services
