#pragma once

#include <QStringList>

namespace rpcscope::cli {

// rpcscope-cli soak: the chaos soak, many random simulated sessions with
// their promises checked; exits 1 if any broke.
int runSoak(const QStringList &args);

} // namespace rpcscope::cli
