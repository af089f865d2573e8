#pragma once

#include "geometry.h"
#include "items.h"
#include "trace/tracelog.h"

#include <QCoreApplication>
#include <QFont>

#include <optional>
#include <utility>
#include <vector>

namespace rpcscope::diagram {

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

    core::Duration maxFlight() const { return m_maxFlight; }
    // Typical flight to the server (towardsServer) or to a client.
    core::Duration typicalFlight(bool towardsServer) const { return m_flight[towardsServer ? 0 : 1]; }
    const std::vector<qsizetype> &landmarks() const { return m_landmarks; }
    core::TimePoint lastEvent() const { return m_last; }

private:
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

// Events the diagram draws as an arrow or a mark of their own: what the
// keyboard steps through.
bool drawnAsItsOwn(trace::EventKind kind);

// A lane's title: "server", "client", "client 3".
QString hostTitle(core::HostId host, int clients);

} // namespace rpcscope::diagram
