#pragma once

#include "service.h"

namespace rpcscope::services {

// echo(bytes) -> the same bytes. The simplest call there is.
class EchoService final : public Service
{
public:
    QString name() const override { return QStringLiteral("echo"); }
    HandlerResult handle(const QString &method, const QByteArray &args) override;
    QString sampleMethod() const override { return QStringLiteral("echo"); }
    QByteArray sampleArgs(std::uint64_t index, int argBytes) const override;
    bool resultMatches(std::uint64_t index, int argBytes, const QByteArray &result) const override
    {
        return result == sampleArgs(index, argBytes);
    }

private:
    mutable QByteArray m_alphabet; // abc...zabc..., grown to the largest size asked for
};

} // namespace rpcscope::services
