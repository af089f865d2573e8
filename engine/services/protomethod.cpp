#include "protomethod.h"

#include "services/counter.pb.h"
#include "services/echo.pb.h"
#include "services/filetransfer.pb.h"
#include "services/slowjob.pb.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/tokenizer.h>
#include <google/protobuf/message.h>
#include <google/protobuf/text_format.h>
#include <google/protobuf/util/json_util.h>

#include <climits>

namespace rpcscope::services {

namespace {

namespace pb = google::protobuf;

// Keeps the text-format parser's first complaint, with its place (the parser
// counts lines and columns from zero; people count from one).
class FirstError final : public pb::io::ErrorCollector
{
public:
#if GOOGLE_PROTOBUF_VERSION >= 4022000
    void RecordError(int line, pb::io::ColumnNumber column, absl::string_view message) override
    {
        record(line, column, QString::fromUtf8(message.data(), qsizetype(message.size())));
    }
#else
    void AddError(int line, pb::io::ColumnNumber column, const std::string &message) override
    {
        record(line, column, QString::fromStdString(message));
    }
#endif

    QString text;

private:
    void record(int line, int column, const QString &message)
    {
        if (text.isEmpty())
            text = QStringLiteral("line %1, column %2: %3").arg(line + 1).arg(column + 1).arg(message);
    }
};

std::unique_ptr<pb::Message> newMessage(const pb::Descriptor *type)
{
    const pb::Message *prototype = pb::MessageFactory::generated_factory()->GetPrototype(type);
    return std::unique_ptr<pb::Message>(prototype ? prototype->New() : nullptr);
}

} // namespace

ProtoMethod ProtoMethod::find(const QString &wireName)
{
    const qsizetype slash = wireName.lastIndexOf(u'/');
    if (slash <= 0 || slash == wireName.size() - 1)
        return {};
    const pb::ServiceDescriptor *service =
        pb::DescriptorPool::generated_pool()->FindServiceByName(wireName.left(slash).toStdString());
    if (!service)
        return {};
    const pb::MethodDescriptor *method = service->FindMethodByName(wireName.mid(slash + 1).toStdString());
    if (!method || method->client_streaming() || method->server_streaming())
        return {};
    return ProtoMethod(method);
}

QList<ProtoMethod> ProtoMethod::examples()
{
    // Naming a message of each file links its generated code in and
    // registers it with the generated pool.
    const pb::FileDescriptor *files[] = {EchoRequest::descriptor()->file(), AddRequest::descriptor()->file(),
                                         JobRequest::descriptor()->file(), FileChunk::descriptor()->file()};
    QList<ProtoMethod> methods;
    for (const pb::FileDescriptor *file : files)
        for (int s = 0; s < file->service_count(); ++s)
            for (int m = 0; m < file->service(s)->method_count(); ++m)
                methods.append(ProtoMethod(file->service(s)->method(m)));
    return methods;
}

QString ProtoMethod::wireName() const
{
    return QStringLiteral("%1/%2").arg(QString::fromStdString(m_method->service()->full_name()),
                                      QString::fromStdString(m_method->name()));
}

QString ProtoMethod::requestType() const
{
    return QString::fromStdString(m_method->input_type()->full_name());
}

QString ProtoMethod::responseType() const
{
    return QString::fromStdString(m_method->output_type()->full_name());
}

bool ProtoMethod::encodeRequest(const QString &text, QByteArray &bytes, QString &error) const
{
    std::unique_ptr<pb::Message> request = newMessage(m_method->input_type());
    if (!request) {
        error = QStringLiteral("no generated code for %1 is linked in").arg(requestType());
        return false;
    }
    FirstError errors;
    pb::TextFormat::Parser parser;
    parser.RecordErrorsTo(&errors);
    if (!parser.ParseFromString(text.toStdString(), request.get())) {
        error = errors.text.isEmpty() ? QStringLiteral("not a %1 in text format").arg(requestType()) : errors.text;
        return false;
    }
    const std::string wire = request->SerializeAsString();
    bytes = QByteArray(wire.data(), qsizetype(wire.size()));
    return true;
}

std::unique_ptr<pb::Message> ProtoMethod::decodeResponse(const QByteArray &bytes) const
{
    std::unique_ptr<pb::Message> response = newMessage(m_method->output_type());
    if (!response || bytes.size() > INT_MAX || !response->ParseFromArray(bytes.constData(), int(bytes.size())))
        return nullptr;
    return response;
}

std::optional<QString> ProtoMethod::responseText(const QByteArray &bytes) const
{
    const std::unique_ptr<pb::Message> response = decodeResponse(bytes);
    if (!response)
        return std::nullopt;
    pb::TextFormat::Printer printer;
    printer.SetSingleLineMode(true);
    std::string text;
    if (!printer.PrintToString(*response, &text))
        return std::nullopt;
    return QString::fromStdString(text).trimmed(); // single-line mode ends with a space
}

std::optional<QByteArray> ProtoMethod::responseJson(const QByteArray &bytes) const
{
    const std::unique_ptr<pb::Message> response = decodeResponse(bytes);
    if (!response)
        return std::nullopt;
    pb::util::JsonPrintOptions options;
    options.preserve_proto_field_names = true;
    std::string json;
    if (!pb::util::MessageToJsonString(*response, &json, options).ok())
        return std::nullopt;
    return QByteArray(json.data(), qsizetype(json.size()));
}

} // namespace rpcscope::services
