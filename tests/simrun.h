#pragma once

// A whole simulated session and its trace, for tests that read what a
// scenario did.
#include "net/simnetwork.h"
#include "session/sessionconfig.h"
#include "trace/tracelog.h"

namespace rpcscope::testsupport {

struct SimRun
{
    explicit SimRun(const session::SessionConfig &c)
        : config(c)
    {
        net::SimNetwork sim(config, &log);
        sim.run();
        view = log.view();
    }

    session::SessionConfig config;
    trace::TraceLog log;
    trace::TraceLog::View view;
};

} // namespace rpcscope::testsupport
