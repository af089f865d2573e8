#pragma once

#include "rpc/service.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace rpcscope::codegen {

// One procedure of a generated server as the engine calls it: the
// serialized request in, a status and the serialized response out. No
// socket, thread or clock is involved, so whoever holds the handler decides
// how it is reached: RpcServer over UDP, SimNetwork in virtual time, a test.
struct Procedure
{
    using Handler = std::function<rpc::HandlerResult(const QByteArray &args)>;

    QString method; // its name on the wire: "package.Service/Method"
    Handler handler;
};

} // namespace rpcscope::codegen
