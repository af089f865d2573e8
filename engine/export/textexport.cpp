#include "textexport.h"

#include "trace/eventdetail.h"
#include "trace/jsonlines.h"
#include "wire/datagram.h"

#include <QTextStream>

namespace rpcscope::exporting {

using trace::Event;
using trace::EventKind;
using wire::DatagramKind;

bool ExportRange::contains(const Event &e) const
{
    if (from && e.time() < *from)
        return false;
    if (to && e.time() > *to)
        return false;
    if (call && (e.client != call->first || e.callId != call->second))
        return false;
    return true;
}

namespace {

QString csvField(const QString &value)
{
    if (!value.contains(u',') && !value.contains(u'"') && !value.contains(u'\n'))
        return value;
    QString quoted = value;
    quoted.replace(u'"', QStringLiteral("\"\""));
    return u'"' + quoted + u'"';
}

QString datagramLabel(const Event &e)
{
    const auto kind = DatagramKind(e.datagram);
    QString label = QStringLiteral("%1 call %2").arg(wire::datagramKindName(kind)).arg(e.callId);
    if (kind == DatagramKind::Request && e.attempt > 1)
        label += QStringLiteral(" attempt %1").arg(e.attempt);
    if (e.fragment > 0)
        label += QStringLiteral(" fragment %1").arg(e.fragment);
    return label;
}

bool dotted(const Event &e)
{
    const auto kind = DatagramKind(e.datagram);
    return kind != DatagramKind::Request && kind != DatagramKind::Reply && kind != DatagramKind::Error;
}

QString participant(core::HostId host)
{
    return host == core::kServerHost ? QStringLiteral("S") : QStringLiteral("C%1").arg(host);
}


// What the sequence text says about an event that is not a datagram on
// the wire: the host it is noted over and the words; empty if nothing.
std::pair<core::HostId, QString> noteFor(const Event &e)
{
    switch (e.kind) {
    case EventKind::HandlerStart: return {core::kServerHost, QStringLiteral("runs call %1").arg(e.callId)};
    case EventKind::RequestHeld:
        return {core::kServerHost, QStringLiteral("holds call %1 back until call %2 has run").arg(e.callId).arg(e.detail)};
    case EventKind::DuplicateSuppressed:
        return {core::kServerHost, QStringLiteral("duplicate of running call %1, not run again").arg(e.callId)};
    case EventKind::CachedReplyResent:
        return {core::kServerHost, QStringLiteral("duplicate of call %1: cached reply, not run again").arg(e.callId)};
    case EventKind::Timeout:
        return {e.from, QStringLiteral("timeout after %1 ms").arg(double(e.detail) / 1000.0)};
    case EventKind::CallOk:
        return {e.from, QStringLiteral("call %1 ok after %2 ms").arg(e.callId).arg(double(e.detail) / 1000.0)};
    case EventKind::CallFailed:
        return {e.from, QStringLiteral("call %1 failed: %2").arg(e.callId).arg(trace::callErrorName(trace::CallError(e.detail)))};
    case EventKind::ServerRestart:
        return {core::kServerHost, QStringLiteral("crash and restart: reply cache lost, new epoch")};
    case EventKind::CorruptAccepted:
        return {e.to, QStringLiteral("damaged datagram accepted: the checksum missed it")};
    case EventKind::ChecksumFail:
        return {e.from, QStringLiteral("checksum caught a damaged datagram")};
    case EventKind::Reassembled:
        return {e.from, QStringLiteral("call %1 reassembled from %2 fragments").arg(e.callId).arg(e.size)};
    default: break;
    }
    return {0, {}};
}

enum class Dialect { Mermaid, PlantUml };

bool writeSequence(const trace::TraceLog::View &view, int clients, const ExportRange &range, QIODevice &device,
                   Dialect dialect)
{
    QTextStream out(&device);
    const bool mermaid = dialect == Dialect::Mermaid;
    out << (mermaid ? "sequenceDiagram\n" : "@startuml\n");
    for (int host = 1; host <= std::max(1, clients); ++host) {
        if (mermaid)
            out << "    participant " << participant(core::HostId(host)) << " as "
                << participantName(core::HostId(host), clients) << '\n';
        else
            out << "participant \"" << participantName(core::HostId(host), clients) << "\" as "
                << participant(core::HostId(host)) << '\n';
    }
    if (mermaid)
        out << "    participant S as server\n";
    else
        out << "participant \"server\" as S\n";

    int messages = 0;
    qsizetype left = 0;
    for (qsizetype i = 0; i < view.size(); ++i) {
        const Event &e = view.at(i);
        if (!range.contains(e))
            continue;
        const bool arrow = e.kind == EventKind::Deliver || e.kind == EventKind::Lost;
        const auto [host, note] = noteFor(e);
        if (!arrow && note.isEmpty())
            continue;
        if (messages >= range.maxMessages) {
            ++left;
            continue;
        }
        ++messages;
        const QString from = participant(e.from), to = participant(arrow ? e.to : host);
        if (arrow) {
            const bool lost = e.kind == EventKind::Lost;
            QString label = datagramLabel(e);
            if (lost)
                label += QStringLiteral(" (lost)");
            if (mermaid)
                out << "    " << from << (dotted(e) ? "--" : "-") << (lost ? "x" : ">>") << to << ": " << label << '\n';
            else
                out << from << ' ' << (dotted(e) ? "-->" : "->") << (lost ? "x " : " ") << to << " : " << label << '\n';
        } else if (mermaid) {
            out << "    Note over " << to << ": " << note << '\n';
        } else {
            out << "note over " << to << " : " << note << '\n';
        }
    }
    if (left > 0) {
        const QString more = QStringLiteral("%1 more events not shown: export a shorter time range").arg(left);
        if (mermaid)
            out << "    Note over S: " << more << '\n';
        else
            out << "note over S : " << more << '\n';
    }
    if (!mermaid)
        out << "@enduml\n";
    out.flush();
    return out.status() == QTextStream::Ok;
}

} // namespace

bool writeCsv(const trace::TraceLog::View &view, const ExportRange &range, QIODevice &device)
{
    QTextStream out(&device);
    out << "t_us,kind,from,to,client,call,attempt,fragment,datagram,size,detail\n";
    for (qsizetype i = 0; i < view.size(); ++i) {
        const Event &e = view.at(i);
        if (!range.contains(e))
            continue;
        out << e.timeUs << ',' << csvField(trace::eventKindName(e.kind)) << ',' << trace::hostName(e.from) << ','
            << (e.to || e.kind == EventKind::Send || e.kind == EventKind::Deliver ? trace::hostName(e.to) : QString())
            << ',' << trace::hostName(e.client) << ',' << e.callId << ',' << e.attempt << ',' << e.fragment << ','
            << (e.datagram ? wire::datagramKindName(DatagramKind(e.datagram)) : QString()) << ',' << e.size << ','
            << e.detail << '\n';
    }
    out.flush();
    return out.status() == QTextStream::Ok;
}

bool writeMermaid(const trace::TraceLog::View &view, int clients, const ExportRange &range, QIODevice &out)
{
    return writeSequence(view, clients, range, out, Dialect::Mermaid);
}

bool writePlantUml(const trace::TraceLog::View &view, int clients, const ExportRange &range, QIODevice &out)
{
    return writeSequence(view, clients, range, out, Dialect::PlantUml);
}

// The rule, in the files' language (English).
QString participantName(core::HostId host, int clients)
{
    if (host == core::kServerHost)
        return QStringLiteral("server");
    return clients == 1 ? QStringLiteral("client") : QStringLiteral("client %1").arg(host);
}

} // namespace rpcscope::exporting
