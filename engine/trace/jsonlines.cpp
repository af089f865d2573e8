#include "jsonlines.h"

#include "eventdetail.h"

#include "core/transmit.h"
#include "netem/netem.h"
#include "wire/bodies.pb.h"
#include "wire/datagram.h"

namespace rpcscope::trace {

QString hostName(core::HostId host)
{
    return host == core::kServerHost ? QStringLiteral("server") : QStringLiteral("client%1").arg(host);
}

namespace {

// Written by hand rather than through QJsonObject: a million events per run
// makes the difference, and every value here is a number or a known word.
void field(QByteArray &out, const char *name, qint64 value)
{
    out += ",\"";
    out += name;
    out += "\":";
    out += QByteArray::number(value);
}

void field(QByteArray &out, const char *name, const QString &value)
{
    out += ",\"";
    out += name;
    out += "\":\"";
    out += value.toLatin1();
    out += '"';
}

} // namespace

QByteArray eventToJson(const Event &e)
{
    QByteArray out;
    out.reserve(160);
    out += "{\"t_us\":";
    out += QByteArray::number(e.timeUs);
    field(out, "kind", eventKindName(e.kind));
    field(out, "from", hostName(e.from));
    field(out, "to", hostName(e.to));
    field(out, "client", hostName(e.client));
    field(out, "call", e.callId);
    field(out, "attempt", e.attempt);
    if (e.datagram != 0)
        field(out, "datagram", wire::datagramKindName(wire::DatagramKind(e.datagram)));
    switch (e.kind) {
    case EventKind::Deliver:
        field(out, "size", e.size);
        field(out, "fragment", e.fragment);
        if (e.detail)
            field(out, "flight_us", e.detail);
        break;
    case EventKind::Send:
    case EventKind::Duplicated:
    case EventKind::Corrupted:
    case EventKind::CorruptAccepted:
    case EventKind::Reordered:
        field(out, "size", e.size);
        field(out, "fragment", e.fragment);
        break;
    case EventKind::Lost:
        field(out, "size", e.size);
        field(out, "fragment", e.fragment);
        field(out, "cause", lossCauseName(e.detail));
        break;
    case EventKind::ChecksumFail:
    case EventKind::MalformedDropped:
        field(out, "reason", dropReasonName(e.detail));
        break;
    case EventKind::Timeout: field(out, "timeout_us", e.detail); break;
    case EventKind::Ack: field(out, "acked", e.detail ? QStringLiteral("reply") : QStringLiteral("request")); break;
    case EventKind::HandlerEnd:
    case EventKind::Rejected: field(out, "status", statusName(e.detail)); break;
    case EventKind::CacheEvict: field(out, "reason", evictReasonName(EvictReason(e.detail))); break;
    case EventKind::CallOk: field(out, "latency_us", e.detail); break;
    case EventKind::CallFailed: field(out, "error", callErrorName(CallError(e.detail))); break;
    case EventKind::SocketError: field(out, "error", socketErrorName(e.detail)); break;
    case EventKind::ServerRestart: field(out, "epoch", e.detail); break;
    case EventKind::FragmentAck:
        field(out, "held", e.detail);
        field(out, "fragments", e.size);
        break;
    case EventKind::FragmentDuplicate: field(out, "fragment", e.fragment); break;
    case EventKind::Reassembled:
        field(out, "bytes", e.detail);
        field(out, "fragments", e.size);
        break;
    case EventKind::RequestHeld: field(out, "waits_for", e.detail); break;
    case EventKind::ParamChange:
        field(out, "param", e.detail);
        field(out, "value", e.size);
        break;
    default: break;
    }
    out += '}';
    return out;
}

bool writeJsonLines(const TraceLog::View &view, QIODevice &device)
{
    QByteArray buffer;
    buffer.reserve(1 << 16);
    for (qsizetype i = 0; i < view.size(); ++i) {
        buffer += eventToJson(view.at(i));
        buffer += '\n';
        if (buffer.size() > (1 << 16) - 256) {
            if (device.write(buffer) != buffer.size())
                return false;
            buffer.clear();
        }
    }
    return buffer.isEmpty() || device.write(buffer) == buffer.size();
}

} // namespace rpcscope::trace
