#pragma once

#include "geometry.h"
#include "items.h"
#include "trace/datagramkey.h"
#include "trace/rttestimates.h"
#include "trace/tracelog.h"

#include <QCoreApplication>
#include <QFont>

#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

namespace rpcscope::diagram {

using trace::DatagramKey;
using trace::DatagramKeyHash;

// What the diagram learns from a trace as it grows, read once per event:
// how far back an arrow can reach, how long a datagram usually flies each
// way (so one in flight can be drawn growing at that pace), and the few
// events that must show at every density (setting changes, crashes).
class TraceDigest
{
public:
    void clear() { *this = TraceDigest(); }
    // Takes in the events added since the last call (all of them after a clear).
    void update(const trace::TraceLog::View &view);

    // The longest a datagram has taken from its send to its delivery (a
    // wait in the sender's link queue included): how far back from the
    // clock a datagram may still be on its way, and how far an arrow reaches.
    core::Duration maxFlight() const { return m_maxFlight; }
    // Typical flight to the server (towardsServer) or to a client.
    core::Duration typicalFlight(bool towardsServer) const { return m_flight[towardsServer ? 0 : 1]; }
    const std::vector<qsizetype> &landmarks() const { return m_landmarks; }
    core::TimePoint lastEvent() const { return m_last; }
    // The RTT samples each client's estimator took, and its SRTT and RTTVAR.
    const trace::RttEstimates &rttEstimates() const { return m_estimates; }
    // Calls started and not yet ended before `time`, and the timeout that
    // last expired before it (ms, 0 if none): for the counter tracks, read
    // from checkpoints every few thousand events.
    std::int64_t callsOpenAt(const trace::TraceLog::View &view, core::TimePoint time) const;
    double lastTimeoutBefore(const trace::TraceLog::View &view, core::TimePoint time) const;

private:
public:
    // A datagram sent and, as of the last event taken in, neither delivered
    // nor lost: in flight if the clock is at or after that event.
    struct Pending
    {
        core::TimePoint sent;
        qsizetype index;
    };
    const std::unordered_multimap<DatagramKey, Pending, DatagramKeyHash> &pending() const { return m_sent; }

private:
    // Sends not yet delivered or lost, to learn send → deliver times that
    // include queueing (a delivery's own figure does not).
    std::unordered_multimap<DatagramKey, Pending, DatagramKeyHash> m_sent;
    static constexpr qsizetype kCheckpoint = 256;
    struct Checkpoint
    {
        std::int64_t open;
        double timeout;
    };
    std::vector<Checkpoint> m_checkpoints; // after every kCheckpoint events
    trace::RttEstimates m_estimates;
    std::int64_t m_open = 0;
    double m_timeout = 0;
    qsizetype m_scanned = 0;
    core::Duration m_maxFlight{100'000};
    core::Duration m_flight[2]{core::Duration(40'000), core::Duration(40'000)};
    std::vector<qsizetype> m_landmarks;
    core::TimePoint m_last{0};
};

// Everything one frame depends on.
struct SceneInput
{
    trace::TraceLog::View view;
    const TraceDigest *digest = nullptr;
    Geometry geometry;
    // The playback clock: nothing after it is drawn, a datagram sent before
    // it and not yet arrived is drawn in flight, and a loss shows its ✗ only
    // once the clock reaches the point where the datagram vanished.
    core::TimePoint now{0};
    std::optional<qsizetype> focus;                                 // the stepped or clicked event
    std::optional<std::pair<core::HostId, std::uint32_t>> selectedCall; // others are dimmed
    bool onlySelectedCall = false; // ... or, with a call selected, not drawn at all
    // With no one call selected, a set of calls picked out (the charts'
    // selection), sorted: those drawn as selected, the others dimmed.
    const std::vector<std::pair<core::HostId, std::uint32_t>> *selectedCalls = nullptr;
    // The adaptive timeout (RFC 6298) is in force: each timer shows the
    // estimate it was armed from (ItemKind::Estimate).
    bool adaptive = false;
    QFont font;                                                     // labels; measured for placement
};

// Turns a time range of the trace into items and placed labels: the one
// place that decides what the diagram shows, for the window, its exports
// and the command line. Cost follows what is in view, not the session's
// length: detail up to a few thousand events, aggregated bands beyond.
class SceneBuilder
{
    Q_DECLARE_TR_FUNCTIONS(rpcscope::diagram::SceneBuilder)

public:
    static Frame build(const SceneInput &in);
    // Where a lost datagram vanishes: this far along its flight.
    static constexpr double kLossPoint = 0.45;
};

// When the diagram shows `e`: a loss on the way when the clock reaches the
// point where the datagram vanished, what the network did to a datagram
// (damaged, duplicated, held back) half-way through its flight, anything
// else at its own time. The narration and the keyboard follow the same
// times, so no words spoil what the picture has not shown yet.
core::TimePoint revealTime(const trace::Event &e, const TraceDigest &digest);
// The latest event shown at `now` (the newest the narration may speak of).
std::optional<qsizetype> latestShown(const trace::TraceLog::View &view, const TraceDigest &digest, core::TimePoint now);

// Events the diagram draws as an arrow or a mark of their own: what the
// keyboard steps through.
bool drawnAsItsOwn(trace::EventKind kind);

// A lane's title: "server", "client", "client 3".
QString hostTitle(core::HostId host, int clients);

} // namespace rpcscope::diagram
