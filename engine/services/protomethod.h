#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace google::protobuf {
class Message;
class MethodDescriptor;
} // namespace google::protobuf

namespace rpcscope::services {

// A unary method of a .proto service linked into this program, known by its
// name on the wire ("rpcscope.services.Counter/Add"), with what calling it
// without its generated stub takes: the request read from protobuf text
// format, the response decoded and written back as text or JSON. The
// descriptors come from protobuf's generated pool, so the method of any
// generated file linked in is found.
class ProtoMethod
{
public:
    ProtoMethod() = default;

    // The method called `wireName` on the wire ("package.Service/Method"), or
    // an invalid one when no linked service has it or it streams.
    static ProtoMethod find(const QString &wireName);
    // Every method of the example services Echo, Counter and SlowJob, in
    // the order their .proto files declare them.
    static QList<ProtoMethod> examples();

    bool isValid() const { return m_method != nullptr; }
    QString wireName() const;
    QString requestType() const;  // the full name, "rpcscope.services.AddRequest"
    QString responseType() const; // the full name, "rpcscope.services.CounterValue"

    // The request written as `text` in protobuf text format ("amount: 5"),
    // serialised for the wire. On a syntax error, an unknown field or a
    // missing required one: false, and `error` says what and where.
    bool encodeRequest(const QString &text, QByteArray &bytes, QString &error) const;
    // The response in `bytes` as text format on one line, or as a JSON object
    // (the proto3 JSON mapping, field names as the .proto spells them).
    // Empty when the bytes are not this method's response type.
    std::optional<QString> responseText(const QByteArray &bytes) const;
    std::optional<QByteArray> responseJson(const QByteArray &bytes) const;

private:
    explicit ProtoMethod(const google::protobuf::MethodDescriptor *method)
        : m_method(method)
    {
    }
    std::unique_ptr<google::protobuf::Message> decodeResponse(const QByteArray &bytes) const;

    const google::protobuf::MethodDescriptor *m_method = nullptr;
};

} // namespace rpcscope::services
