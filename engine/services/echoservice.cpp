#include "echoservice.h"

#include "codegen/stubs.h"

#include <algorithm>

namespace rpcscope::services {

EchoService::EchoService()
{
    offer(m_procedures.procedures());
}

rpc::HandlerResult EchoService::handle(const QString &method, const QByteArray &args)
{
    if (method != u"echo")
        return GeneratedService::handle(method, args);
    EchoRequest request;
    request.set_payload(args.constData(), std::size_t(args.size()));
    EchoReply reply;
    const codegen::HandlerStatus status = m_procedures.Echo(request, reply);
    if (!status.ok())
        return {status.code, status.message, {}};
    const std::string &payload = reply.payload();
    return {wire::STATUS_OK, {}, QByteArray(payload.data(), qsizetype(payload.size()))};
}

QString EchoService::sampleMethod() const
{
    return QStringLiteral("rpcscope.services.Echo/Echo");
}

QByteArray EchoService::sampleArgs(std::uint64_t index, int argBytes) const
{
    const QByteArrayView payload = samplePayload(index, argBytes);
    m_sampleRequest.mutable_payload()->assign(payload.data(), std::size_t(payload.size()));
    return codegen::encodeMessage(m_sampleRequest);
}

bool EchoService::resultMatches(std::uint64_t index, int argBytes, const QByteArray &result) const
{
    if (!codegen::decodeMessage(result, m_sampleReply))
        return false;
    const std::string &payload = m_sampleReply.payload();
    return QByteArrayView(payload.data(), qsizetype(payload.size())) == samplePayload(index, argBytes);
}

// Cut from one long run of the alphabet rather than built per call.
QByteArrayView EchoService::samplePayload(std::uint64_t index, int argBytes) const
{
    const qsizetype size = std::max(0, argBytes);
    if (m_alphabet.size() < size + 26) {
        m_alphabet.resize(size + 26);
        for (qsizetype i = 0; i < m_alphabet.size(); ++i)
            m_alphabet[i] = char('a' + i % 26);
    }
    return QByteArrayView(m_alphabet.constData() + index % 26, size);
}

} // namespace rpcscope::services
