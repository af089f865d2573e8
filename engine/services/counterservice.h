#pragma once

#include "service.h"

#include <atomic>
#include <cstdint>
#include <optional>

namespace rpcscope::services {

// add(int64) -> new total; get() -> total. Adding is not idempotent, so a
// call executed twice shows in the total: the at-most-once demonstration.
// Integers are 8 bytes big-endian.
class CounterService final : public Service
{
public:
    QString name() const override { return QStringLiteral("counter"); }
    HandlerResult handle(const QString &method, const QByteArray &args) override;
    QString sampleMethod() const override { return QStringLiteral("add"); }
    QByteArray sampleArgs(std::uint64_t index, int argBytes) const override;
    QJsonObject report() const override
    {
        return {{QStringLiteral("counter_total"), qint64(total())}};
    }

    std::int64_t total() const { return m_total.load(); }
    static QByteArray encode(std::int64_t value);
    static std::optional<std::int64_t> decode(const QByteArray &bytes);

private:
    std::atomic<std::int64_t> m_total{0};
};

} // namespace rpcscope::services
