#include "traceexport.h"

#include "base/enumnames.h"
#include "trace/jsonlines.h"

namespace rpcscope::exporting {

namespace {

constexpr EnumNames<TraceFormat, 6> kNames({"csv", "jsonl", "mermaid", "plantuml", "perfetto", "qlog"});

} // namespace

QStringList traceFormatNames()
{
    QStringList names;
    for (int i = 0; i < 6; ++i)
        names << kNames.name(TraceFormat(i));
    return names;
}

std::optional<TraceFormat> traceFormatFromName(QStringView name)
{
    return kNames.value(name);
}

std::optional<TraceFormat> traceFormatForSuffix(QStringView suffix)
{
    const QString s = suffix.toString().toLower();
    if (s == u"csv")
        return TraceFormat::Csv;
    if (s == u"jsonl" || s == u"ndjson")
        return TraceFormat::JsonLines;
    if (s == u"mmd" || s == u"mermaid")
        return TraceFormat::Mermaid;
    if (s == u"puml" || s == u"plantuml")
        return TraceFormat::PlantUml;
    if (s == u"json")
        return TraceFormat::Perfetto;
    if (s == u"sqlog" || s == u"qlog")
        return TraceFormat::Qlog;
    return std::nullopt;
}

bool writeTrace(TraceFormat format, const trace::TraceLog::View &view, const TraceViewerInfo &info,
                const ExportRange &range, QIODevice &out)
{
    switch (format) {
    case TraceFormat::Csv:
        return writeCsv(view, range, out);
    case TraceFormat::JsonLines: {
        trace::TraceLog part;
        for (qsizetype i = 0; i < view.size(); ++i)
            if (range.contains(view.at(i)))
                part.record(view.at(i));
        return trace::writeJsonLines(part.view(), out);
    }
    case TraceFormat::Mermaid:
        return writeMermaid(view, info.clients, range, out);
    case TraceFormat::PlantUml:
        return writePlantUml(view, info.clients, range, out);
    case TraceFormat::Perfetto:
        return writePerfettoJson(view, info, range, out);
    case TraceFormat::Qlog:
        return writeQlog(view, info, range, out);
    }
    return false;
}

} // namespace rpcscope::exporting
