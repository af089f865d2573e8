#pragma once

#include <QStringList>

namespace rpcscope::cli {

// rpcscope-cli sweep: simulations over a parameter range, as CSV or JSON.
int runSweep(const QStringList &args);

} // namespace rpcscope::cli
