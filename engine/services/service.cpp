#include "service.h"

#include "counterservice.h"
#include "echoservice.h"
#include "fileservice.h"

namespace rpcscope::services {

QStringList serviceNames()
{
    return {QStringLiteral("echo"), QStringLiteral("counter"), QStringLiteral("file")};
}

std::unique_ptr<Service> makeService(QStringView name)
{
    if (name == u"echo")
        return std::make_unique<EchoService>();
    if (name == u"counter")
        return std::make_unique<CounterService>();
    if (name == u"file")
        return std::make_unique<FileService>();
    return nullptr;
}

HandlerResult unknownMethod(const QString &service, const QString &method)
{
    return {wire::STATUS_UNKNOWN_METHOD,
            QStringLiteral("service '%1' has no method '%2'").arg(service, method), {}};
}

HandlerResult EchoService::handle(const QString &method, const QByteArray &args)
{
    if (method != u"echo")
        return unknownMethod(name(), method);
    return {wire::STATUS_OK, {}, args};
}

// Letters starting at a different one for each call, so a mixed-up reply
// shows; cut from one long run of the alphabet rather than built per call.
QByteArray EchoService::sampleArgs(std::uint64_t index, int argBytes) const
{
    const qsizetype size = std::max(0, argBytes);
    if (m_alphabet.size() < size + 26) {
        m_alphabet.resize(size + 26);
        for (qsizetype i = 0; i < m_alphabet.size(); ++i)
            m_alphabet[i] = char('a' + i % 26);
    }
    return QByteArray(m_alphabet.constData() + index % 26, size);
}

} // namespace rpcscope::services
