#include "sessionexport.h"

#include "run/wirecapture.h"

#include <QSaveFile>

namespace rpcscope::diagram {

namespace {

// `word` names pcapng or a picture the same way as a name or a suffix; the
// text formats differ ("mermaid" and .mmd), so the caller looks them up.
std::optional<SessionFormat> choose(QStringView word, std::optional<exporting::TraceFormat> text)
{
    SessionFormat format;
    if (word.compare(u"pcapng", Qt::CaseInsensitive) == 0)
        format.pcapng = true;
    else if (const std::optional<DiagramFormat> picture = diagramFormatFromName(word))
        format.picture = picture;
    else if (text)
        format.text = text;
    else
        return std::nullopt;
    return format;
}

} // namespace

std::optional<SessionFormat> sessionFormatFromName(QStringView name)
{
    return choose(name, exporting::traceFormatFromName(name.toString().toLower()));
}

std::optional<SessionFormat> sessionFormatForSuffix(QStringView suffix)
{
    return choose(suffix, exporting::traceFormatForSuffix(suffix.toString().toLower()));
}

bool exportSession(const SessionExport &session, const SessionFormat &format, const QString &path, QString *error)
{
    const DiagramExport &drawing = session.drawing;
    if (format.picture)
        return exportDiagram(drawing, *format.picture, path, error);
    if (format.pcapng) {
        if (drawing.call) {
            *error = QStringLiteral("a packet capture holds every datagram of the session; in Wireshark the filter "
                                    "rpcscope.call == %1 picks out one call")
                         .arg(drawing.call->second);
            return false;
        }
        if (!session.canRunAgain) {
            *error = QStringLiteral("a packet capture needs every datagram's bytes, which the trace does not keep "
                                    "and only a simulated session run again can give");
            return false;
        }
    }
    QSaveFile file(path);
    bool written = false;
    if (file.open(QIODevice::WriteOnly)) {
        if (format.pcapng) {
            written = session::writeWirePcapng(session.start, session.changes, file, drawing.from, drawing.to);
        } else if (format.text) {
            exporting::TraceViewerInfo info;
            info.title = QStringLiteral("%1, seed %2").arg(session.start.scenario).arg(session.start.seed);
            info.clients = drawing.clients;
            exporting::ExportRange range;
            range.from = drawing.from;
            range.to = drawing.to;
            range.call = drawing.call;
            written = exporting::writeTrace(*format.text, drawing.log->view(), info, range, file);
        }
        written = written && file.commit();
    }
    if (!written)
        *error = QStringLiteral("cannot write %1: %2").arg(path, file.errorString());
    return written;
}

} // namespace rpcscope::diagram
