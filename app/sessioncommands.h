#pragma once

#include <QStringList>

namespace rpcscope::cli {

// rpcscope-cli simulate: a scenario in virtual time, summarised.
int runSimulate(const QStringList &args);
// rpcscope-cli live: the same scenario on real sockets on loopback.
int runLive(const QStringList &args);
int runReplay(const QStringList &args);

} // namespace rpcscope::cli
