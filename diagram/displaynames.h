#pragma once

#include "base/clock.h"
#include "base/event.h"

#include <QString>

#include <cstdint>

// The engine names things with fixed words ("call-start", "deadline-exceeded",
// "full-jitter") that the command line, captures and exports use as they
// are. The GUI shows the same words in the language chosen: these look the
// word up in the translations and fall back to the word itself.
namespace rpcscope::diagram::displaynames {

QString eventKind(trace::EventKind kind);
QString callError(trace::CallError error);
QString evictReason(trace::EvictReason reason);
QString lossCause(std::uint32_t cause);
QString status(std::uint32_t status); // HandlerEnd / Rejected detail
QString host(core::HostId host);      // "server", "client3"
// A value of an option that takes a word: back-off policy, ack mode, loss
// model, checksum ("full-jitter", "implicit", "gilbert", "none").
QString choice(const QString &value);

} // namespace rpcscope::diagram::displaynames
