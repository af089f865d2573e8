#pragma once

#include "base/clock.h"

#include <QRectF>

#include <utility>

namespace rpcscope::diagram {

// Where things go in one frame of the sequence diagram: time runs down at
// `pixelsPerMs`, scrolled by `scroll` pixels; one lane per host across the
// width. Pure arithmetic, shared by the window, its exports and the command
// line, so the same range of a trace lands on the same pixels everywhere.
struct Geometry
{
    double width = 1000;
    double height = 700;
    int clients = 1;
    double pixelsPerMs = 1.6;
    double scroll = 0;  // content pixels above the top of the time area
    double scale = 1.0; // presentation: margins and lane headers grow with the text
    int tracks = 0;     // counter tracks at the right, on the same time axis

    // The bands around the time area.
    double header() const { return 56 * scale; }  // lane titles
    double ruler() const { return 78 * scale; }   // time labels on the left
    double topPad() const { return 24 * scale; }  // room above t = 0
    double bottomPad() const { return 60 * scale; } // room below the last event

    double yForTime(core::TimePoint time) const
    {
        return header() + topPad() + double(time.count()) / 1000.0 * pixelsPerMs - scroll;
    }
    core::TimePoint timeForY(double y) const
    {
        return core::TimePoint(std::int64_t((y - header() - topPad() + scroll) / pixelsPerMs * 1000.0));
    }
    // The times at the top and the bottom of the time area.
    std::pair<core::TimePoint, core::TimePoint> visibleRange() const
    {
        return {std::max(core::TimePoint(0), timeForY(header())), timeForY(height)};
    }
    // Content height for a session that ends at `end`, for the scroll range.
    double contentHeight(core::TimePoint end) const
    {
        return topPad() + double(end.count()) / 1000.0 * pixelsPerMs + bottomPad();
    }
    // The scale that shows [0, end] in the time area.
    double fitScale(core::TimePoint end) const;
    double trackWidth() const { return 78 * scale; }
    // Where the lanes end and the counter tracks begin.
    double lanesRight() const { return width - tracks * trackWidth(); }
    double trackLeft(int track) const { return lanesRight() + track * trackWidth(); }
    QRectF timeArea() const { return QRectF(ruler(), header(), width - ruler(), height - header()); }

    // Viewport x of a host's lane: clients from the left, the server on the right.
    double laneX(core::HostId host) const;
    // Distance between neighbouring client lanes (or the client and the server).
    double laneSpacing() const;
};

} // namespace rpcscope::diagram
