#pragma once

#include "base/clock.h"
#include "geometry.h"
#include "items.h"
#include "trace/tracelog.h"

#include <QFont>
#include <QString>

#include <memory>

#include <optional>
#include <utility>

namespace rpcscope::diagram {

enum class DiagramFormat { Svg, Png, Pdf, Tikz };

// "svg", "png", "pdf", "tikz" (case-insensitive), or from a file name's
// suffix ("tex" for TikZ).
std::optional<DiagramFormat> diagramFormatFromName(QStringView name);

struct DiagramExport
{
    const trace::TraceLog *log = nullptr;
    int clients = 1;
    QString title;    // shown at the top left, as on a slide
    QString subtitle; // the settings that shape the story
    std::optional<core::TimePoint> from; // none: the session's start
    std::optional<core::TimePoint> to;   // none: its end
    int width = 1400;                    // pixels (points for PDF and TikZ); the height follows the time range
    // One call (client host, call id) only: its datagrams and what the server
    // did for it, from its first event to its last unless from/to say otherwise.
    std::optional<std::pair<core::HostId, std::uint32_t>> call;
    // Exactly this frame (the window's view as it is), instead of a frame
    // fitted to from/to: an export then shows what the screen shows.
    std::optional<Geometry> geometry;
    std::optional<std::pair<core::HostId, std::uint32_t>> selectedCall; // dims the others, as on screen
    std::optional<core::TimePoint> now; // the playback clock; none: the last event (every fate shown)
    bool legend = false; // a key to every mark
    bool tracks = false; // counter tracks on the same time axis (when no geometry is given)
    bool adaptive = false; // the adaptive timeout: timers show the estimate they were armed from
};

// Draws the sequence diagram of a time range into an SVG, PNG or PDF file
// through the same layout and painter as the window, or writes it as a
// LaTeX document with one tikzpicture from the same layout, without the
// playback clock's line, and writes the file through QSaveFile. Needs a
// QGuiApplication (any platform, offscreen included), not a QApplication.
bool exportDiagram(const DiagramExport &what, DiagramFormat format, const QString &path, QString *error);

// The frame exportDiagram() paints for `what`, and where: for tests and for
// callers that want to know where an event lands.
struct ExportFrame
{
    Frame frame;
    Geometry geometry;
    QFont font;
    QString subtitle;
    std::shared_ptr<trace::TraceLog> callEvents; // the one call's trace, when one call is drawn
};
std::optional<ExportFrame> exportFrame(const DiagramExport &what, QString *error);

// The time range `what` draws from the events of `view`: its from and to,
// clamped to the events (one call's own when `what.call` names one; the
// session's start otherwise).
std::pair<core::TimePoint, core::TimePoint> exportRange(const DiagramExport &what, const trace::TraceLog::View &view);

// The geometry exportDiagram() uses for `what` (for tests and callers that
// want to know where an event will land).
Geometry exportGeometry(const DiagramExport &what, const trace::TraceLog &log);

} // namespace rpcscope::diagram
