#pragma once

#include <QString>

#include <cstdint>

namespace rpcscope::trace {

// Names for the codes events carry in `detail`, shared by every view and
// export so they all say the same thing: kebab-case, as the CLI prints them.
QString lossCauseName(std::uint32_t cause);     // Lost: random, queue, scripted
QString dropReasonName(std::uint32_t detail);   // MalformedDropped/ChecksumFail: a decode error or protocol drop
QString statusName(std::uint32_t status);       // HandlerEnd/Rejected: ok, unknown-method, busy, ...
QString socketErrorName(std::uint32_t error);   // SocketError: QAbstractSocket's error key

} // namespace rpcscope::trace
