#pragma once

#include "counterprocedures.h"
#include "generatedservice.h"

#include <cstdint>
#include <optional>

namespace rpcscope::services {

// The counter of the scenarios: the generated Counter service
// (counter.proto) with its procedures in CounterProcedures, so calls carry
// an AddRequest and are answered with a CounterValue, encoded by protobuf.
// Add is not idempotent, so a call executed twice shows in the total: the
// at-most-once demonstration.
//
// The plain methods `add` (one 8-byte big-endian integer, the new total
// back the same way) and `get` run the same procedures on the same total,
// for `rpcscope-cli call --encoding int64` and other callers that send raw
// integers.
class CounterService final : public GeneratedService
{
public:
    CounterService();

    QString name() const override { return QStringLiteral("counter"); }
    rpc::HandlerResult handle(const QString &method, const QByteArray &args) override;
    // rpcscope.services.Counter/Add with an amount of 1.
    QString sampleMethod() const override;
    QByteArray sampleArgs(std::uint64_t index, int argBytes) const override;
    // A CounterValue that counts at least this call's own 1.
    bool resultMatches(std::uint64_t index, int argBytes, const QByteArray &result) const override;
    QJsonObject report() const override
    {
        return {{QStringLiteral("counter_total"), qint64(total())}};
    }

    std::int64_t total() const { return m_procedures.total(); }
    std::uint64_t adds() const { return m_procedures.adds(); } // Add executions, whichever spelling

    // The plain methods' integers.
    static QByteArray encode(std::int64_t value);
    static std::optional<std::int64_t> decode(const QByteArray &bytes);

private:
    CounterProcedures m_procedures;
};

} // namespace rpcscope::services
