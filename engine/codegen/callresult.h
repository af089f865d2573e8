#pragma once

#include "rpc/reply.h"

#include <cstdint>

namespace rpcscope::codegen {

// What went wrong with a call's payload, as opposed to the call itself.
enum class PayloadError : std::uint8_t {
    None = 0,
    RequestIncomplete,   // proto2: the request lacks required fields, so it was never sent
    ResponseUndecodable, // the server answered OK, but its bytes are not the response type
};

// How a call through a generated client ended: rpc::Reply's account of the
// call, with the result decoded into the method's response message.
// `response` is meaningful only when ok(); otherwise `message` says, in
// words a person can read, what went wrong.
template <typename Response>
struct CallResult
{
    trace::CallError error = trace::CallError::None; // how the call ended on the wire
    wire::Status status = wire::STATUS_OK;           // the server's status, when it answered
    PayloadError payloadError = PayloadError::None;
    QString message;
    int attempts = 0;
    core::Duration latency{0};
    Response response;

    bool ok() const { return error == trace::CallError::None && payloadError == PayloadError::None; }
};

} // namespace rpcscope::codegen
