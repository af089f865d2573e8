#pragma once

#include <QStringList>

namespace rpcscope::cli {

// rpcscope-cli export FILE --format F -o OUT: a capture as CSV, JSON Lines,
// Mermaid or PlantUML text, or its diagram as SVG, PNG or PDF.
int runExport(const QStringList &args);

} // namespace rpcscope::cli
