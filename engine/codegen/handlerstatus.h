#pragma once

#include "wire/bodies.pb.h"

#include <QString>

namespace rpcscope::codegen {

// What a generated server's procedure returns: OK, or the status and the
// reason the caller receives instead of a response.
struct HandlerStatus
{
    wire::Status code = wire::STATUS_OK;
    QString message; // for a non-OK status: what went wrong, for people

    bool ok() const { return code == wire::STATUS_OK; }

    static HandlerStatus failure(QString message, wire::Status code = wire::STATUS_HANDLER_ERROR)
    {
        return {code, std::move(message)};
    }

    // What a generated server answers for a procedure it does not override:
    // the caller learns the method is not served, by its name on the wire,
    // as from a server that never registered it.
    static HandlerStatus unimplemented(const QString &method)
    {
        return {wire::STATUS_UNKNOWN_METHOD, QStringLiteral("unimplemented: %1").arg(method)};
    }
};

} // namespace rpcscope::codegen
