#pragma once

#include "textexport.h"
#include "trace/tracelog.h"

#include <QIODevice>
#include <QString>

namespace rpcscope::exporting {

// What a trace viewer is told about the session besides its events.
struct TraceViewerInfo
{
    QString title; // e.g. "overload, seed 1"
    int clients = 1;
};

// The Trace Event Format of chrome://tracing, which ui.perfetto.dev opens
// (docs/perfetto.md): a process per host, each call an async slice on its
// client from start to end, each handler run an async slice on the server,
// every datagram a flow arrow from its send to its delivery, losses,
// timeouts and the server's decisions as instant events, and counters for
// calls in flight, datagrams on their way to the server, handlers running
// and the timeout that last expired.
bool writePerfettoJson(const trace::TraceLog::View &view, const TraceViewerInfo &info, const ExportRange &range,
                       QIODevice &out);

// qlog-style JSON-SEQ (RFC 7464; docs/qlog.md): a header record, then one
// record per event named by category (rpc:call_started,
// transport:datagram_lost, ...), with the event's fields as its data.
bool writeQlog(const trace::TraceLog::View &view, const TraceViewerInfo &info, const ExportRange &range,
               QIODevice &out);

// The qlog name of each kind of event, as docs/qlog.md lists them.
QString qlogEventName(trace::EventKind kind);

} // namespace rpcscope::exporting
