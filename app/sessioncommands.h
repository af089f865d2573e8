#pragma once

#include "session/sessionconfig.h"
#include "trace/event.h"

#include <QCommandLineParser>
#include <QStringList>

namespace rpcscope::cli {

// Every session option (--loss, --timeout-ms, ...) on a command's parser,
// with its description and default: what simulate, live and sweep share.
void addSessionOptions(QCommandLineParser &parser);
// Reads them into `config`: the scenario's preset first, then every option
// given, which wins. Returns what is wrong with a value, or an empty string.
QString readSessionOptions(const QCommandLineParser &parser, session::SessionConfig &config);

// One event as a line a person can follow: time, where, what, which call.
QString describeEvent(const trace::Event &e);

// rpcscope-cli simulate: a scenario in virtual time, summarised.
int runSimulate(const QStringList &args);
// rpcscope-cli live: the same scenario on real sockets on loopback.
int runLive(const QStringList &args);
int runReplay(const QStringList &args);

} // namespace rpcscope::cli
