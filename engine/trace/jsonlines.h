#pragma once

#include "base/event.h"
#include "tracelog.h"

#include <QByteArray>
#include <QIODevice>

namespace rpcscope::trace {

// Host names as people read them: "server", "client1", ...
QString hostName(core::HostId host);

// One event as one line of JSON (no newline): t_us, kind, from, to, client,
// call, attempt, then the fields that kind has (datagram, size, cause,
// timeout_us, latency_us, error, status, reason, ...).
QByteArray eventToJson(const Event &event);

// Writes every event of `view` as JSON Lines. False if the device failed.
bool writeJsonLines(const TraceLog::View &view, QIODevice &device);

} // namespace rpcscope::trace
