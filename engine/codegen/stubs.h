#pragma once

// What the code protoc-gen-rpcscope writes calls into: marshaling of
// protobuf messages to and from the bytes RpcClient and RpcServer carry.
// Kept here, not in every generated file, so generated code stays short
// and reads as a list of procedures.

#include "callresult.h"
#include "handlerstatus.h"
#include "procedure.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"

#include <google/protobuf/message_lite.h>

#include <QFuture>

#include <climits>
#include <exception>
#include <utility>

namespace rpcscope::codegen {

inline QByteArray encodeMessage(const google::protobuf::MessageLite &message)
{
    const size_t size = message.ByteSizeLong();
    QByteArray bytes(qsizetype(size), Qt::Uninitialized);
    if (size > 0)
        message.SerializeToArray(bytes.data(), int(size));
    return bytes;
}

// False when the bytes are not a `message` (or, proto2, lack a required field).
inline bool decodeMessage(const QByteArray &bytes, google::protobuf::MessageLite &message)
{
    if (bytes.size() > INT_MAX)
        return false;
    return message.ParseFromArray(bytes.constData(), int(bytes.size()));
}

template <typename Response>
CallResult<Response> toCallResult(const rpc::Reply &reply, const QString &method)
{
    CallResult<Response> result;
    result.error = reply.error;
    result.status = reply.status;
    result.message = reply.message;
    result.attempts = reply.attempts;
    result.latency = reply.latency;
    if (reply.ok() && !decodeMessage(reply.result, result.response)) {
        result.payloadError = PayloadError::ResponseUndecodable;
        result.message = QStringLiteral("the reply to %1 does not decode as %2")
                             .arg(method, QString::fromStdString(result.response.GetTypeName()));
    }
    return result;
}

template <typename Response>
CallResult<Response> incompleteRequest(const google::protobuf::MessageLite &request, const QString &method)
{
    CallResult<Response> result;
    result.payloadError = PayloadError::RequestIncomplete;
    result.message = QStringLiteral("not sent: the request to %1 lacks required fields: %2")
                         .arg(method, QString::fromStdString(request.InitializationErrorString()));
    return result;
}

// One unary call, answered through the returned future. Cancelling that
// future does not stop the call; the client's deadline and attempts do.
template <typename Response, typename Request>
QFuture<CallResult<Response>> callUnary(rpc::RpcClient &client, const QString &method, const Request &request,
                                        rpc::CallOptions options)
{
    if (!request.IsInitialized())
        return QtFuture::makeReadyFuture(incompleteRequest<Response>(request, method));
    return client.call(method, encodeMessage(request), std::move(options))
        .then([method](const rpc::Reply &reply) { return toCallResult<Response>(reply, method); });
}

template <typename Response, typename Request>
CallResult<Response> callUnaryBlocking(rpc::RpcClient &client, const QString &method, const Request &request,
                                       rpc::CallOptions options)
{
    if (!request.IsInitialized())
        return incompleteRequest<Response>(request, method);
    return toCallResult<Response>(client.callBlocking(method, encodeMessage(request), std::move(options)), method);
}

// The handler of one unary procedure, for RpcServer or whatever else calls
// procedures by name: decode the request, run the procedure, encode its
// response. A request that does not decode is answered with
// STATUS_INVALID_ARGUMENT naming the method; an exception escaping the
// procedure becomes STATUS_HANDLER_ERROR rather than ending the server's
// handler thread.
template <typename Request, typename Response, typename Implementation>
Procedure::Handler unaryHandler(QString method, Implementation procedure)
{
    return [method = std::move(method), procedure = std::move(procedure)](const QByteArray &args) {
        rpc::HandlerResult result;
        Request request;
        if (!decodeMessage(args, request)) {
            result.status = wire::STATUS_INVALID_ARGUMENT;
            result.message = QStringLiteral("the arguments to %1 do not decode as %2")
                                 .arg(method, QString::fromStdString(request.GetTypeName()));
            return result;
        }
        Response response;
        HandlerStatus status;
        try {
            status = procedure(request, response);
        } catch (const std::exception &e) {
            status = HandlerStatus::failure(
                QStringLiteral("%1 failed: %2").arg(method, QString::fromLocal8Bit(e.what())));
        } catch (...) {
            status = HandlerStatus::failure(QStringLiteral("%1 failed with an exception").arg(method));
        }
        if (!status.ok()) {
            result.status = status.code;
            result.message = status.message;
            return result;
        }
        if (!response.IsInitialized()) {
            result.status = wire::STATUS_HANDLER_ERROR;
            result.message = QStringLiteral("%1 left required fields of its response unset: %2")
                                 .arg(method, QString::fromStdString(response.InitializationErrorString()));
            return result;
        }
        result.result = encodeMessage(response);
        return result;
    };
}

} // namespace rpcscope::codegen
