#pragma once

#include "base/clock.h"
#include "base/event.h"
#include "core/retrypolicy.h"
#include "wire/bodies.pb.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <optional>

namespace rpcscope::rpc {

// How a call through RpcClient ended. `error` is None on success; otherwise
// `message` says what happened in words a person can read.
struct Reply
{
    trace::CallError error = trace::CallError::None;
    wire::Status status = wire::STATUS_OK; // the server's status, when it answered
    QString message;
    QByteArray result;
    int attempts = 0;
    core::Duration latency{0};

    bool ok() const { return error == trace::CallError::None; }
};

// Per-call settings; anything unset follows the client's own.
struct CallOptions
{
    std::optional<core::RetryConfig> retry; // timeouts, back-off, max attempts, deadline
};

} // namespace rpcscope::rpc

Q_DECLARE_METATYPE(rpcscope::rpc::Reply)
