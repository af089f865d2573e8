#pragma once

// For tests over real sockets on loopback: retry settings quick enough for
// a test, and client options that reach a given server.
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"

namespace rpcscope::testsupport {

inline core::RetryConfig quickRetry(int maxAttempts = 10, core::Duration deadline = core::Duration(3'000'000))
{
    core::RetryConfig r;
    r.timeout = core::Duration(20'000);
    r.maxTimeout = core::Duration(200'000);
    r.maxAttempts = maxAttempts;
    r.deadline = deadline;
    return r;
}

inline rpc::ClientOptions clientFor(const rpc::RpcServer &server, core::RetryConfig retry = quickRetry(),
                                    std::uint64_t seed = 42)
{
    rpc::ClientOptions o;
    o.serverAddress = server.address();
    o.serverPort = server.port();
    o.retry = retry;
    o.seed = seed;
    return o;
}

} // namespace rpcscope::testsupport
