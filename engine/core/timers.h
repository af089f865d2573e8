#pragma once

#include "base/clock.h"

#include <array>
#include <cstdint>
#include <optional>
#include <utility>

// The timers of each side, by name, with what each one is for. A core's
// nextTimeout() is the earliest of its table, and handleTimeout() acts on
// each timer that is due under its name. (quinn-proto's timer.rs is the
// model: one small table, one line per timer.)
namespace rpcscope::core {

// A client keeps one timer per call in flight, standing for the earliest of
// that call's three.
enum class ClientTimer : std::uint8_t {
    Retransmit, // when to send the request again: no answer came within the call's timeout
    Probe,      // when to ask about a call the server has said it holds (an ack or "working")
    Deadline,   // when the call's overall deadline passes and it fails
};

enum class ServerTimer : std::uint8_t {
    AckDelay,      // when to tell a client its call is still running: the reply is not ready after the ack delay
    ReplyExpiry,   // when the oldest cached reply (or the marks of an idle client) is old enough to forget
    PartialExpiry, // when to give up on the oldest fragmented request that stopped making progress
};
inline constexpr std::size_t kServerTimerCount = 3;

// The deadline of each named timer, or none while it is not armed.
template <typename Timer, std::size_t Count>
class TimerTable
{
public:
    void set(Timer timer, std::optional<TimePoint> at) { m_at[std::size_t(timer)] = at; }
    std::optional<TimePoint> at(Timer timer) const { return m_at[std::size_t(timer)]; }

    // The timer that fires first, and when; of timers due at once, the one
    // named first.
    std::optional<std::pair<Timer, TimePoint>> next() const
    {
        std::optional<std::pair<Timer, TimePoint>> first;
        for (std::size_t i = 0; i < Count; ++i) {
            if (m_at[i] && (!first || *m_at[i] < first->second))
                first = std::pair{Timer(i), *m_at[i]};
        }
        return first;
    }

private:
    std::array<std::optional<TimePoint>, Count> m_at{};
};

using ServerTimers = TimerTable<ServerTimer, kServerTimerCount>;

} // namespace rpcscope::core
