#include "traceviewerexport.h"

#include "base/buildinfo.h"
#include "base/enumnames.h"
#include "trace/datagramkey.h"
#include "trace/eventdetail.h"
#include "trace/jsonlines.h"
#include "wire/datagram.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

#include <deque>
#include <map>
#include <set>
#include <unordered_map>

namespace rpcscope::exporting {

using trace::Event;
using trace::EventKind;
using wire::DatagramKind;

namespace {

// A string as a JSON value, quotes included.
QByteArray jsonString(const QString &text)
{
    QByteArray array = QJsonDocument(QJsonArray{text}).toJson(QJsonDocument::Compact);
    return array.mid(1, array.size() - 2); // ["..."] -> "..."
}

// Every record's time, in the viewers' microseconds.
QByteArray micros(std::int64_t us)
{
    return QByteArray::number(us);
}

// The process a host is drawn as: the server first, then client 1, 2, ...
int pid(core::HostId host)
{
    return int(host) + 1;
}

QString datagramName(const Event &e)
{
    const auto kind = DatagramKind(e.datagram);
    QString name = QStringLiteral("%1 #%2").arg(wire::datagramKindName(kind)).arg(e.callId);
    if (e.fragment > 0)
        name += QStringLiteral(" frag %1").arg(e.fragment);
    if (kind == DatagramKind::Request && e.attempt > 1)
        name += QStringLiteral(" a%1").arg(e.attempt);
    return name;
}

class PerfettoWriter
{
public:
    PerfettoWriter(const TraceViewerInfo &info, QIODevice &out)
        : m_info(info)
        , m_out(out)
    {
    }

    void begin()
    {
        m_text += "{\"displayTimeUnit\":\"ms\",\"otherData\":{\"program\":"
                  + jsonString(QStringLiteral("RpcScope ") + BuildInfo::programVersion())
                  + ",\"session\":" + jsonString(m_info.title) + "},\"traceEvents\":[\n";
        for (core::HostId h = 0; h <= core::HostId(std::max(1, m_info.clients)); ++h) {
            const QByteArray p = QByteArray::number(pid(h));
            record("{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":" + p + ",\"tid\":1,\"args\":{\"name\":"
                   + jsonString(participantName(h, m_info.clients)) + "}}");
            record("{\"ph\":\"M\",\"name\":\"process_sort_index\",\"pid\":" + p + ",\"tid\":1,\"args\":{\"sort_index\":"
                   + p + "}}");
            record("{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":" + p
                   + ",\"tid\":1,\"args\":{\"name\":\"datagrams and events\"}}");
        }
    }

    void take(const Event &e)
    {
        const QByteArray ts = micros(e.timeUs);
        const QByteArray args = trace::eventToJson(e);
        switch (e.kind) {
        case EventKind::CallStart:
            async('b', "call", QStringLiteral("call #%1").arg(e.callId), e.client, callId(e), ts, args);
            counter(e.client, "calls in flight", "calls", ++m_open[e.client], ts);
            break;
        case EventKind::CallOk:
        case EventKind::CallFailed:
            async('e', "call", QStringLiteral("call #%1").arg(e.callId), e.client, callId(e), ts, args);
            counter(e.client, "calls in flight", "calls", m_open[e.client] = std::max<qint64>(0, m_open[e.client] - 1),
                    ts);
            break;
        case EventKind::HandlerStart:
            async('b', "handler", handlerName(e.client, e.callId), core::kServerHost, callId(e), ts, args);
            m_running.insert({e.client, e.callId});
            counter(core::kServerHost, "handlers running", "handlers", double(m_running.size()), ts);
            break;
        case EventKind::HandlerEnd:
            if (m_running.erase({e.client, e.callId}) > 0) {
                async('e', "handler", handlerName(e.client, e.callId), core::kServerHost, callId(e), ts, args);
                counter(core::kServerHost, "handlers running", "handlers", double(m_running.size()), ts);
            }
            break;
        case EventKind::ServerRestart:
            // The crash ends every handler that was running; none of them
            // reports an end of its own.
            for (const auto &[client, call] : m_running) {
                Event end = e;
                end.client = client;
                end.callId = call;
                async('e', "handler", handlerName(client, call), core::kServerHost, callId(end), ts, args);
            }
            m_running.clear();
            counter(core::kServerHost, "handlers running", "handlers", 0, ts);
            instant(core::kServerHost, QStringLiteral("server restart"), ts, args);
            break;
        case EventKind::Send: {
            // A slice on the sender for the arrow to leave from, naming the
            // arrow itself (bind_id): two datagrams leaving one host in the
            // same microsecond each keep their own arrow.
            const std::uint64_t flow = ++m_flows;
            slice(e.from, datagramName(e), ts, args, Flow{flow, "flow_out"});
            m_pending[trace::DatagramKey::of(e)].push_back({flow, ts});
            towardsServer(e, +1, ts);
            break;
        }
        case EventKind::Duplicated: {
            // The copy leaves with the original: an arrow of its own.
            auto &queue = m_pending[trace::DatagramKey::of(e)];
            if (!queue.empty()) {
                const std::uint64_t flow = ++m_flows;
                const QByteArray leftAt = queue.back().ts;
                slice(e.from, QStringLiteral("copy of %1").arg(datagramName(e)), leftAt, args,
                      Flow{flow, "flow_out"});
                queue.push_back({flow, leftAt});
                towardsServer(e, +1, ts);
            }
            instant(e.from, QStringLiteral("duplicated %1").arg(datagramName(e)), ts, args);
            break;
        }
        case EventKind::Deliver: {
            auto it = m_pending.find(trace::DatagramKey::of(e));
            if (it != m_pending.end() && !it->second.empty()) {
                slice(e.to, datagramName(e), ts, args, Flow{it->second.front().flow, "flow_in"});
                it->second.pop_front();
                towardsServer(e, -1, ts);
            } else {
                slice(e.to, datagramName(e), ts, args);
            }
            break;
        }
        case EventKind::Lost: {
            auto it = m_pending.find(trace::DatagramKey::of(e));
            if (it != m_pending.end() && !it->second.empty()) {
                it->second.pop_front();
                towardsServer(e, -1, ts);
            }
            instant(e.from, QStringLiteral("lost %1").arg(datagramName(e)), ts, args);
            break;
        }
        case EventKind::Timeout:
            instant(e.client, QStringLiteral("timeout #%1").arg(e.callId), ts, args);
            counter(e.client, "timeout (ms)", "ms", double(e.detail) / 1000.0, ts);
            break;
        default: {
            // Everything else where it happened: the server's decisions on
            // the server, the clients' on their clients.
            const core::HostId where = e.kind == EventKind::ChecksumFail || e.kind == EventKind::MalformedDropped
                                               || e.kind == EventKind::FragmentDuplicate
                                               || e.kind == EventKind::Reassembled
                                           ? e.to
                                           : e.from;
            instant(where, QStringLiteral("%1 #%2").arg(trace::eventKindName(e.kind)).arg(e.callId), ts, args);
            break;
        }
        }
        if (m_text.size() > 1 << 20)
            flush();
    }

    bool end()
    {
        m_text += "\n]}\n";
        return flush();
    }

private:
    struct Pending
    {
        std::uint64_t flow;
        QByteArray ts;
    };

    QString handlerName(core::HostId client, std::uint32_t call) const
    {
        return QStringLiteral("%1 #%2").arg(participantName(client, m_info.clients)).arg(call);
    }

    static QByteArray callId(const Event &e)
    {
        return "\"" + QByteArray::number(e.client) + "." + QByteArray::number(e.callId) + "\"";
    }

    void record(const QByteArray &json)
    {
        if (m_records++ > 0)
            m_text += ",\n";
        m_text += json;
    }

    void async(char phase, const char *category, const QString &name, core::HostId host, const QByteArray &id,
               const QByteArray &ts, const QByteArray &args)
    {
        record(QByteArray("{\"ph\":\"") + phase + "\",\"cat\":\"" + category + "\",\"name\":" + jsonString(name)
               + ",\"id\":" + id + ",\"pid\":" + QByteArray::number(pid(host)) + ",\"tid\":1,\"ts\":" + ts
               + ",\"args\":" + args + "}");
    }

    // The end of a flow arrow a slice carries: the arrow's id and which end.
    struct Flow
    {
        std::uint64_t id;
        const char *end; // "flow_out" (the arrow leaves), "flow_in" (it arrives), or null: no arrow
    };

    // A datagram leaving or arriving: one microsecond, for an arrow to
    // leave from or arrive at. The slice names the arrow (the format's
    // bind_id), rather than a separate flow event that the viewer would
    // bind to whichever slice is open at that microsecond.
    void slice(core::HostId host, const QString &name, const QByteArray &ts, const QByteArray &args)
    {
        slice(host, name, ts, args, Flow{0, nullptr});
    }
    void slice(core::HostId host, const QString &name, const QByteArray &ts, const QByteArray &args, Flow flow)
    {
        QByteArray arrow;
        if (flow.end)
            arrow = ",\"bind_id\":" + QByteArray::number(flow.id) + ",\"" + flow.end + "\":true";
        record("{\"ph\":\"X\",\"cat\":\"datagram\",\"name\":" + jsonString(name) + ",\"pid\":"
               + QByteArray::number(pid(host)) + ",\"tid\":1,\"ts\":" + ts + ",\"dur\":1" + arrow
               + ",\"args\":" + args + "}");
    }

    void instant(core::HostId host, const QString &name, const QByteArray &ts, const QByteArray &args)
    {
        record("{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"event\",\"name\":" + jsonString(name) + ",\"pid\":"
               + QByteArray::number(pid(host)) + ",\"tid\":1,\"ts\":" + ts + ",\"args\":" + args + "}");
    }

    void counter(core::HostId host, const char *name, const char *series, double value, const QByteArray &ts)
    {
        record(QByteArray("{\"ph\":\"C\",\"name\":\"") + name + "\",\"pid\":" + QByteArray::number(pid(host))
               + ",\"tid\":1,\"ts\":" + ts + ",\"args\":{\"" + series + "\":" + QByteArray::number(value) + "}}");
    }

    // Datagrams sent to the server and not yet delivered or lost: on the
    // wire, or waiting in the server's receive queue.
    void towardsServer(const Event &e, int change, const QByteArray &ts)
    {
        if (e.to != core::kServerHost)
            return;
        m_towardsServer = std::max<qint64>(0, m_towardsServer + change);
        counter(core::kServerHost, "datagrams on the way to the server", "datagrams", double(m_towardsServer), ts);
    }

    bool flush()
    {
        const bool ok = m_out.write(m_text) == m_text.size();
        m_text.clear();
        return ok;
    }

    const TraceViewerInfo &m_info;
    QIODevice &m_out;
    QByteArray m_text;
    qint64 m_records = 0;
    std::uint64_t m_flows = 0;
    std::unordered_map<trace::DatagramKey, std::deque<Pending>, trace::DatagramKeyHash> m_pending;
    std::map<core::HostId, qint64> m_open;
    std::set<std::pair<core::HostId, std::uint32_t>> m_running; // handlers running: (client, call)
    qint64 m_towardsServer = 0;
};

constexpr EnumNames<EventKind, trace::kEventKindCount> kQlogNames({
    "rpc:call_started",
    "transport:datagram_sent",
    "transport:datagram_received",
    "transport:datagram_lost",
    "transport:datagram_duplicated",
    "transport:datagram_corrupted",
    "transport:checksum_failed",
    "transport:corruption_undetected",
    "transport:datagram_reordered",
    "rpc:timer_expired",
    "rpc:attempt_sent",
    "rpc:ack_received",
    "rpc:working_received",
    "rpc:duplicate_suppressed",
    "rpc:cached_reply_resent",
    "rpc:handler_started",
    "rpc:handler_finished",
    "rpc:reply_evicted",
    "rpc:late_reply_dropped",
    "rpc:request_rejected",
    "rpc:call_completed",
    "rpc:call_failed",
    "transport:datagram_dropped",
    "rpc:parameter_changed",
    "rpc:stale_request_dropped",
    "transport:socket_error",
    "rpc:server_restarted",
    "rpc:fragment_ack_received",
    "transport:fragment_duplicate",
    "rpc:message_reassembled",
    "rpc:request_held",
});

} // namespace

QString qlogEventName(EventKind kind)
{
    return kQlogNames.name(kind);
}

bool writePerfettoJson(const trace::TraceLog::View &view, const TraceViewerInfo &info, const ExportRange &range,
                       QIODevice &out)
{
    PerfettoWriter writer(info, out);
    writer.begin();
    for (qsizetype i = 0; i < view.size(); ++i) {
        if (range.contains(view.at(i)))
            writer.take(view.at(i));
    }
    return writer.end();
}

bool writeQlog(const trace::TraceLog::View &view, const TraceViewerInfo &info, const ExportRange &range,
               QIODevice &out)
{
    // RFC 7464: each record starts with a record separator and ends with a newline.
    constexpr char kRecordSeparator = '\x1e';
    QByteArray text;
    text += kRecordSeparator;
    text += "{\"qlog_version\":\"0.4\",\"qlog_format\":\"JSON-SEQ\",\"title\":" + jsonString(info.title)
            + ",\"description\":" + jsonString(QStringLiteral("RpcScope %1 session").arg(BuildInfo::programVersion()))
            + ",\"trace\":{\"title\":" + jsonString(info.title)
            + ",\"vantage_point\":{\"name\":\"RpcScope\",\"type\":\"network\"},"
              "\"common_fields\":{\"time_format\":\"relative\",\"reference_time\":0},\"event_schemas\":[\"urn:rpcscope:qlog:rpc:1\",\"urn:rpcscope:qlog:transport:1\"]}}\n";
    for (qsizetype i = 0; i < view.size(); ++i) {
        const Event &e = view.at(i);
        if (!range.contains(e))
            continue;
        text += kRecordSeparator;
        text += "{\"time\":" + QByteArray::number(double(e.timeUs) / 1000.0, 'f', 3) + ",\"name\":\""
                + qlogEventName(e.kind).toLatin1() + "\",\"data\":" + trace::eventToJson(e) + "}\n";
        if (text.size() > 1 << 20) {
            if (out.write(text) != text.size())
                return false;
            text.clear();
        }
    }
    return out.write(text) == text.size();
}

} // namespace rpcscope::exporting
