#pragma once

#include "base/event.h"
#include "session/sessionconfig.h"

#include <QCommandLineParser>
#include <QStringList>

namespace rpcscope::cli {

// One event as a line a person can follow: time, where, what, which call.
QString describeEvent(const trace::Event &e);

// rpcscope-cli simulate: a scenario in virtual time, summarised.
int runSimulate(const QStringList &args);
// rpcscope-cli live: the same scenario on real sockets on loopback.
int runLive(const QStringList &args);
int runReplay(const QStringList &args);

} // namespace rpcscope::cli
