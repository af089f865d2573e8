#pragma once

#include <QStringList>

namespace rpcscope::cli {

// rpcscope-cli serve: answer calls on a UDP port until told to stop.
int runServe(const QStringList &args);
// rpcscope-cli call: one call to a server, its reply or error printed.
int runCall(const QStringList &args);
// rpcscope-cli bench: latency, throughput and goodput against a server,
// each beside the raw round trip to it.
int runBench(const QStringList &args);

} // namespace rpcscope::cli
