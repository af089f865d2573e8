#pragma once

#include "textexport.h"
#include "traceviewerexport.h"
#include "trace/tracelog.h"

#include <QIODevice>
#include <QStringList>
#include <QStringView>

#include <cstdint>
#include <optional>

namespace rpcscope::exporting {

// The exports written from the trace alone, as the window's File > Export
// and rpcscope-cli export both offer them: one table of names, suffixes and
// writers, so the two never differ. (Pictures and animations of the diagram
// are drawn by diagram/.)
enum class TraceFormat : std::uint8_t {
    Csv,       // .csv
    JsonLines, // .jsonl, .ndjson
    Mermaid,   // .mmd, .mermaid
    PlantUml,  // .puml, .plantuml
    Perfetto,  // .json: the Trace Event Format of ui.perfetto.dev and chrome://tracing
    Qlog,      // .sqlog: qlog JSON-SEQ
};

// csv, jsonl, mermaid, plantuml, perfetto, qlog
QStringList traceFormatNames();
std::optional<TraceFormat> traceFormatFromName(QStringView name);
// The format a file's suffix (without the dot, any case) says, if any.
std::optional<TraceFormat> traceFormatForSuffix(QStringView suffix);

// Writes the events of `view` within `range` in `format`. False if the
// device failed.
bool writeTrace(TraceFormat format, const trace::TraceLog::View &view, const TraceViewerInfo &info,
                const ExportRange &range, QIODevice &out);

} // namespace rpcscope::exporting
