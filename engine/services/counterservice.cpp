#include "counterservice.h"

#include "codegen/stubs.h"

#include <QtEndian>

namespace rpcscope::services {

namespace {

rpc::HandlerResult plainTotal(const codegen::HandlerStatus &status, const CounterValue &value)
{
    if (!status.ok())
        return {status.code, status.message, {}};
    return {wire::STATUS_OK, {}, CounterService::encode(value.total())};
}

} // namespace

CounterService::CounterService()
{
    offer(m_procedures.procedures());
}

rpc::HandlerResult CounterService::handle(const QString &method, const QByteArray &args)
{
    CounterValue value;
    if (method == u"add") {
        const std::optional<std::int64_t> amount = decode(args);
        if (!amount)
            return {wire::STATUS_INVALID_ARGUMENT,
                    QStringLiteral("add takes one 8-byte integer, got %1 bytes").arg(args.size()), {}};
        AddRequest request;
        request.set_amount(*amount);
        return plainTotal(m_procedures.Add(request, value), value);
    }
    if (method == u"get")
        return plainTotal(m_procedures.Get({}, value), value);
    return GeneratedService::handle(method, args);
}

QString CounterService::sampleMethod() const
{
    return QStringLiteral("rpcscope.services.Counter/Add");
}

QByteArray CounterService::sampleArgs(std::uint64_t, int) const
{
    AddRequest request;
    request.set_amount(1);
    return codegen::encodeMessage(request);
}

bool CounterService::resultMatches(std::uint64_t, int, const QByteArray &result) const
{
    CounterValue value;
    return codegen::decodeMessage(result, value) && value.total() >= 1;
}

QByteArray CounterService::encode(std::int64_t value)
{
    QByteArray bytes(8, Qt::Uninitialized);
    qToBigEndian(value, bytes.data());
    return bytes;
}

std::optional<std::int64_t> CounterService::decode(const QByteArray &bytes)
{
    if (bytes.size() != 8)
        return std::nullopt;
    return qFromBigEndian<std::int64_t>(bytes.constData());
}

} // namespace rpcscope::services
