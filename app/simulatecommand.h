#pragma once

#include <QStringList>

namespace rpcscope::cli {

// rpcscope-cli simulate: a scenario in virtual time, summarised.
int runSimulate(const QStringList &args);

} // namespace rpcscope::cli
