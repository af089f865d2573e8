#pragma once

#include "core/clock.h"
#include "trace/tracelog.h"

#include <QString>

#include <optional>

namespace rpcscope::widgets {

enum class DiagramFormat { Svg, Png, Pdf };

// "svg", "png", "pdf" (case-insensitive), or from a file name's suffix.
std::optional<DiagramFormat> diagramFormatFromName(QStringView name);

struct DiagramExport
{
    const trace::TraceLog *log = nullptr;
    int clients = 1;
    QString title;    // shown at the top left, as on a slide
    QString subtitle; // the settings that shape the story
    std::optional<core::TimePoint> from; // none: the session's start
    std::optional<core::TimePoint> to;   // none: its end
    int width = 1400;                    // pixels (points for PDF); the height follows the time range
    // One call (client host, call id) only: its datagrams and what the server
    // did for it, from its first event to its last unless from/to say otherwise.
    std::optional<std::pair<core::HostId, std::uint32_t>> call;
};

// Draws the sequence diagram of a time range into an SVG, PNG or PDF file,
// the way the window draws it, and writes the file through QSaveFile.
// Needs a QApplication (any platform, offscreen included).
bool exportDiagram(const DiagramExport &what, DiagramFormat format, const QString &path, QString *error);

} // namespace rpcscope::widgets
