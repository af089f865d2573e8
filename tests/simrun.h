#pragma once

// A whole simulated session and its trace, for tests that read what a
// scenario did.
#include "run/simnetwork.h"
#include "session/scenario.h"
#include "session/sessionconfig.h"
#include "trace/tracelog.h"

namespace rpcscope::testsupport {

// A scenario's preset, with a seed.
inline session::SessionConfig scenarioConfig(QStringView name, std::uint64_t seed = 1)
{
    session::SessionConfig c;
    c.scenario = name.toString();
    session::findScenario(name)->apply(c);
    c.seed = seed;
    return c;
}

struct SimRun
{
    explicit SimRun(const session::SessionConfig &c)
        : config(c)
    {
        session::SimNetwork sim(config, &log);
        sim.run();
        view = log.view();
    }

    session::SessionConfig config;
    trace::TraceLog log;
    trace::TraceLog::View view;
};

} // namespace rpcscope::testsupport
