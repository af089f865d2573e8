#pragma once

#include <QString>

#include <cstdint>
#include <optional>

namespace rpcscope::core {

// Who acknowledges what.
enum class AckMode : std::uint8_t {
    // The server acks each request at once and the client acks each reply:
    // message plus acknowledgment in both directions (OSTEP Fig. 48.3).
    Explicit,
    // The reply is the ack; the server says "working" only when the reply is
    // not ready after the ack delay, and the client's next request acks its
    // earlier replies (Birrell & Nelson).
    Implicit,
};

QString ackModeName(AckMode mode); // explicit, implicit
std::optional<AckMode> ackModeFromName(QStringView name);

} // namespace rpcscope::core
