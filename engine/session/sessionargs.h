#pragma once

#include "sessionconfig.h"

#include <QCommandLineParser>
#include <QString>

namespace rpcscope::session {

// Every session option (--loss, --timeout-ms, ...) on a command line's
// parser, with its description and default, from the one option table
// (sessionoptions.h): what rpcscope-cli's simulate, live, sweep and compare
// and the window's own command line share, so they take the same names and
// defaults and refuse the same values in the same words. `translated`: the
// descriptions in the language loaded (the window's --help); else English.
void addSessionOptions(QCommandLineParser &parser, bool translated = false);
// Reads them into `config`: the scenario's preset first, then every option
// given, which wins. Returns what is wrong ("invalid value '1.5' for --loss:
// expected a probability from 0 to 1"), or an empty string.
QString readSessionOptions(const QCommandLineParser &parser, SessionConfig &config);
// Whether any of them was given.
bool anySessionOptionSet(const QCommandLineParser &parser);

} // namespace rpcscope::session
