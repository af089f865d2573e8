#pragma once

#include "base/clock.h"
#include "trace/tracelog.h"

#include <QIODevice>
#include <QString>

#include <optional>

namespace rpcscope::exporting {

// Which part of a trace to export.
struct ExportRange
{
    std::optional<core::TimePoint> from; // events at or after; none: from the start
    std::optional<core::TimePoint> to;   // events at or before; none: to the end
    std::optional<std::pair<core::HostId, std::uint32_t>> call; // one call (client host, call id) only
    int maxMessages = 2'000; // sequence diagrams: more arrows than this are cut, with a note

    bool contains(const trace::Event &e) const;
};

// One row per event: t_us,kind,from,to,client,call,attempt,fragment,datagram,size,detail,
// with names for hosts, kinds and datagrams. RFC 4180 quoting.
bool writeCsv(const trace::TraceLog::View &view, const ExportRange &range, QIODevice &out);
inline constexpr int kCsvColumns = 11;

// A Mermaid sequenceDiagram (https://mermaid.js.org): one message per
// delivered or lost datagram (lost ones end in a cross), notes for the
// server's decisions and the calls' ends.
bool writeMermaid(const trace::TraceLog::View &view, int clients, const ExportRange &range, QIODevice &out);
// The same story as PlantUML (@startuml ... @enduml).
// A host as the exports name it: "server", "client" in a one-client
// session, "client 3" otherwise (the diagram's lane titles, untranslated).
QString participantName(core::HostId host, int clients);

bool writePlantUml(const trace::TraceLog::View &view, int clients, const ExportRange &range, QIODevice &out);

} // namespace rpcscope::exporting
