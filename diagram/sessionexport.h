#pragma once

#include "diagramexport.h"
#include "export/traceexport.h"
#include "session/sessionconfig.h"
#include "session/settingchange.h"

#include <QString>
#include <QStringView>

#include <optional>

namespace rpcscope::diagram {

// The files a session can be exported to, chosen in one place for the
// window (File > Export, by the file's suffix) and `rpcscope-cli export`
// (by --format or the suffix): a picture of the diagram, the trace as text
// for other programs, or its datagrams for Wireshark. Charts and
// animations, which take options of their own, are chosen by their callers.
struct SessionFormat
{
    std::optional<DiagramFormat> picture;       // svg, png, pdf, tikz (.tex)
    std::optional<exporting::TraceFormat> text; // csv, jsonl, mermaid, plantuml, perfetto, qlog
    bool pcapng = false;
};
// By the names --format takes: "svg", "tikz" (or "tex"), "mermaid", "pcapng", ….
std::optional<SessionFormat> sessionFormatFromName(QStringView name);
// By a file's suffix, without the dot, any case: "svg", "tex", "mmd", "pcapng", ….
std::optional<SessionFormat> sessionFormatForSuffix(QStringView suffix);

// A session as every export needs it.
struct SessionExport
{
    // The trace, the clients, titles and the time range or call, and how a
    // picture is drawn. Text and pcapng exports take the range from it too.
    DiagramExport drawing;
    // The settings it started with and what changed as it ran: the title of
    // text exports, and, when it can be run again (a simulated session),
    // what a packet capture runs to get the datagrams' bytes, which the
    // trace does not keep.
    session::SessionConfig start;
    session::SettingChanges changes;
    bool canRunAgain = false;
};

// Writes `session` as `format` to `path` through QSaveFile (nothing is
// left at `path` on failure). False with what is wrong in `error`: a
// packet capture of one call, or of a session that cannot run again, or the
// file could not be written.
bool exportSession(const SessionExport &session, const SessionFormat &format, const QString &path, QString *error);

} // namespace rpcscope::diagram
