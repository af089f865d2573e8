#pragma once

#include "base/clock.h"

#include <cstdint>
#include <deque>

namespace rpcscope::remote {

// How far a server's clock is from ours, by Cristian's algorithm: a request
// leaves at `sent` on our clock, the server reads its clock (`serverNow`)
// somewhere in between, the reply arrives at `received`. Had the server read
// its clock exactly halfway, its clock minus ours is serverNow minus the
// midpoint; wherever in between it really read it, the truth lies within
// half the round trip of that. The shortest round trip gives the tightest
// bound, so of the recent samples the one with the shortest round trip is
// used. Only recent ones: two crystals drift apart by tens of microseconds
// a second, and a sample minutes old would be off by more than a fast
// round trip's bound.
class ClockOffset
{
public:
    static constexpr std::size_t kWindow = 64; // samples the estimate is taken from

    void addSample(core::TimePoint sent, core::TimePoint serverNow, core::TimePoint received);
    // Forgets every sample: the server restarted with a new clock.
    void reset();

    bool isKnown() const { return !m_window.empty(); }
    // The server's clock minus ours: a server time t is t - offset() here.
    core::Duration offset() const;
    // The offset is right to within this (half the best round trip).
    core::Duration uncertainty() const { return roundTrip() / 2; }
    // The shortest round trip in the window.
    core::Duration roundTrip() const;
    // Samples taken since the last reset.
    std::uint64_t samples() const { return m_samples; }

    core::TimePoint toLocal(core::TimePoint server) const { return server - offset(); }
    core::TimePoint toServer(core::TimePoint local) const { return local + offset(); }

private:
    struct Sample
    {
        core::Duration offset;
        core::Duration roundTrip;
    };
    const Sample *best() const;

    std::deque<Sample> m_window;
    std::uint64_t m_samples = 0;
};

} // namespace rpcscope::remote
