#pragma once

#include <QStringList>

namespace rpcscope::cli {

// rpcscope-cli compare: one scenario and seed under settings A and B (or two
// captures, such as a fork and its original), side by side: both summaries,
// the differences, the first event at which the runs part, the calls that
// ended differently; with --runs, the spread over seeds.
int runCompare(const QStringList &args);

} // namespace rpcscope::cli
