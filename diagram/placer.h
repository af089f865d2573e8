#pragma once

#include "items.h"

namespace rpcscope::diagram {

// Places the frame's labels by priority, each at the first of its
// candidate places that stays inside `area` and overlaps no label placed
// before it, no mark, and no arrow (its own included, so a label is never
// struck through by its datagram, nor read as another's). A badge with no
// such place may lie over arrows (it is drawn opaque, on top); any other
// label with no free place is left hidden, and hovering its item still
// tells its story.
void placeLabels(Frame &frame, const QRectF &area);

// Whether a segment crosses a rectangle (for placement and for tests).
bool segmentHitsRect(const QLineF &line, const QRectF &rect);

} // namespace rpcscope::diagram
