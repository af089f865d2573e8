#include "captureformat.h"

#include "core/retrypolicy.h"
#include "session/sessionoptions.h"
#include "wire/checksum.h"
#include "wire/datagram.h"

#include <QtEndian>

namespace rpcscope::capture {

namespace {

using core::Duration;

Netem toProto(const netem::NetemConfig &n)
{
    Netem p;
    p.set_loss_model(std::uint32_t(n.lossModel));
    p.set_loss(n.loss);
    p.set_gilbert_burst_length(n.gilbertBurstLength);
    p.set_delay_us(n.delay.count());
    p.set_jitter_us(n.jitter.count());
    p.set_duplicate(n.duplicate);
    p.set_reorder(n.reorder);
    p.set_reorder_hold_us(n.reorderHold.count());
    p.set_corrupt(n.corrupt);
    p.set_corruption_mode(std::uint32_t(n.corruptionMode));
    p.set_rate_kbps(n.rateKbps);
    p.set_queue_limit_bytes(n.queueLimitBytes);
    return p;
}

bool duration(std::int64_t us)
{
    return us >= 0 && us <= 24LL * 3600 * 1'000'000;
}

// Only what no session option sets is checked here; the rest is held to the
// options' own ranges by session::checkSessionConfig.
QString fromProto(const Netem &p, const char *which, netem::NetemConfig &n)
{
    const QString where = QString::fromLatin1(which);
    if (p.loss_model() > 1)
        return where + QStringLiteral(": unknown loss model %1").arg(p.loss_model());
    if (p.corruption_mode() > 3)
        return where + QStringLiteral(": unknown corruption mode %1").arg(p.corruption_mode());
    if (!duration(p.reorder_hold_us()))
        return where + QStringLiteral(": reorder hold %1 us is outside 0 to 24 hours").arg(p.reorder_hold_us());
    if (!(p.gilbert_burst_length() >= 1.0 && p.gilbert_burst_length() <= 1e6) || p.queue_limit_bytes() < 0)
        return where + QStringLiteral(": burst length or queue limit out of range");
    n.lossModel = netem::LossModel(p.loss_model());
    n.loss = p.loss();
    n.gilbertBurstLength = p.gilbert_burst_length();
    n.delay = Duration(p.delay_us());
    n.jitter = Duration(p.jitter_us());
    n.duplicate = p.duplicate();
    n.reorder = p.reorder();
    n.reorderHold = Duration(p.reorder_hold_us());
    n.corrupt = p.corrupt();
    n.corruptionMode = netem::CorruptionMode(p.corruption_mode());
    n.rateKbps = p.rate_kbps();
    n.queueLimitBytes = p.queue_limit_bytes();
    return {};
}

} // namespace

QByteArray frameRecord(RecordType type, const google::protobuf::MessageLite &message)
{
    const auto size = qsizetype(message.ByteSizeLong());
    Q_ASSERT_X(size <= kMaxRecordBytes, "frameRecord", "record larger than a reader accepts");
    QByteArray out(4 + 1 + size + 4, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(out.data());
    qToBigEndian<quint32>(quint32(size), p);
    p[4] = uchar(type);
    message.SerializeWithCachedSizesToArray(p + 5);
    const std::uint32_t crc = wire::computeChecksum(wire::ChecksumKind::Crc32c, QByteArrayView(out).sliced(4, 1 + size));
    qToBigEndian<quint32>(crc, p + 5 + size);
    return out;
}

Session toProto(const session::SessionConfig &c)
{
    Session p;
    p.set_scenario(c.scenario.toStdString());
    p.set_seed(c.seed);
    p.set_calls(c.calls);
    p.set_clients(c.clients);
    p.set_window(c.window);
    p.set_call_rate(c.callRate);
    p.set_service(c.service.toStdString());
    p.set_handler_time_us(c.handlerTime.count());
    p.set_arg_bytes(c.argBytes);
    *p.mutable_to_server() = toProto(c.toServer);
    *p.mutable_to_client() = toProto(c.toClient);
    const auto addFaults = [&](const std::vector<netem::ScriptedFault> &faults, bool toClient) {
        for (const netem::ScriptedFault &f : faults) {
            Fault *out = p.add_faults();
            out->set_to_client(toClient);
            out->set_kind(f.kind ? std::uint32_t(*f.kind) : 0);
            if (f.clientId)
                out->set_client_id(*f.clientId);
            if (f.callId)
                out->set_call_id(*f.callId);
            out->set_occurrence(f.occurrence);
            out->set_count(f.count);
        }
    };
    addFaults(c.toServerFaults, false);
    addFaults(c.toClientFaults, true);
    Retry *r = p.mutable_retry();
    r->set_backoff(std::uint32_t(c.retry.backoff));
    r->set_timeout_us(c.retry.timeout.count());
    r->set_factor(c.retry.factor);
    r->set_max_timeout_us(c.retry.maxTimeout.count());
    r->set_min_timeout_us(c.retry.minTimeout.count());
    r->set_max_attempts(c.retry.maxAttempts);
    r->set_deadline_us(c.retry.deadline.count());
    p.set_ack_mode(std::uint32_t(c.ackMode));
    p.set_ack_delay_us(c.ackDelay.count());
    p.set_poll_interval_us(c.pollInterval.count());
    p.set_checksum(std::uint32_t(c.checksum));
    Limits *l = p.mutable_limits();
    l->set_max_datagram_bytes(c.limits.maxDatagramBytes);
    l->set_max_in_progress_per_client(c.limits.maxInProgressPerClient);
    l->set_max_in_progress_total(c.limits.maxInProgressTotal);
    l->set_max_clients(c.limits.maxClients);
    l->set_max_cache_bytes(c.limits.maxCacheBytes);
    l->set_max_entry_age_us(c.limits.maxEntryAge.count());
    l->set_max_message_bytes(c.limits.maxMessageBytes);
    l->set_max_partials_per_client(c.limits.maxPartialsPerClient);
    l->set_max_partials_total(c.limits.maxPartialsTotal);
    l->set_max_partial_bytes(c.limits.maxPartialBytes);
    l->set_max_partial_age_us(c.limits.maxPartialAge.count());
    l->set_max_held_per_client(c.limits.maxHeldPerClient);
    p.set_max_datagram(c.maxDatagram);
    if (c.serverRestartAt)
        p.set_server_restart_at_us(c.serverRestartAt->count());
    p.set_server_rate(c.serverRate);
    p.set_server_queue(c.serverQueue);
    p.set_ordered(c.ordered);
    return p;
}

QString fromProto(const Session &p, session::SessionConfig &c)
{
    session::SessionConfig out;
    out.scenario = QString::fromStdString(p.scenario());
    out.seed = p.seed();
    out.calls = p.calls();
    out.clients = p.clients();
    out.window = p.window();
    out.callRate = p.call_rate();
    out.service = QString::fromStdString(p.service());
    out.handlerTime = Duration(p.handler_time_us());
    out.argBytes = p.arg_bytes();
    if (QString e = fromProto(p.to_server(), "to_server", out.toServer); !e.isEmpty())
        return e;
    if (QString e = fromProto(p.to_client(), "to_client", out.toClient); !e.isEmpty())
        return e;
    if (p.faults_size() > 1024)
        return QStringLiteral("%1 scripted faults; at most 1024 are read").arg(p.faults_size());
    for (const Fault &f : p.faults()) {
        if (f.kind() >= std::uint32_t(wire::kDatagramKindLimit))
            return QStringLiteral("a scripted fault names datagram kind %1").arg(f.kind());
        netem::ScriptedFault s;
        if (f.kind() != 0)
            s.kind = wire::DatagramKind(f.kind());
        if (f.has_client_id())
            s.clientId = f.client_id();
        if (f.has_call_id())
            s.callId = f.call_id();
        s.occurrence = f.occurrence();
        s.count = f.count();
        (f.to_client() ? out.toClientFaults : out.toServerFaults).push_back(s);
    }
    const Retry &r = p.retry();
    if (r.backoff() >= std::uint32_t(core::kBackoffCount))
        return QStringLiteral("unknown back-off %1").arg(r.backoff());
    if (!duration(r.min_timeout_us()))
        return QStringLiteral("minimum timeout %1 us is outside 0 to 24 hours").arg(r.min_timeout_us());
    out.retry.backoff = core::Backoff(r.backoff());
    out.retry.timeout = Duration(r.timeout_us());
    out.retry.factor = r.factor();
    out.retry.maxTimeout = Duration(r.max_timeout_us());
    out.retry.minTimeout = Duration(r.min_timeout_us());
    out.retry.maxAttempts = r.max_attempts();
    out.retry.deadline = Duration(r.deadline_us());
    if (p.ack_mode() > 1)
        return QStringLiteral("unknown ack mode %1").arg(p.ack_mode());
    if (p.checksum() >= std::uint32_t(wire::kChecksumKindCount))
        return QStringLiteral("unknown checksum %1").arg(p.checksum());
    if (!duration(p.poll_interval_us()))
        return QStringLiteral("poll interval %1 us is outside 0 to 24 hours").arg(p.poll_interval_us());
    out.ackMode = core::AckMode(p.ack_mode());
    out.ackDelay = Duration(p.ack_delay_us());
    out.pollInterval = Duration(p.poll_interval_us());
    out.checksum = wire::ChecksumKind(p.checksum());
    const Limits &l = p.limits();
    if (l.max_datagram_bytes() < 1 || l.max_in_progress_per_client() < 1 || l.max_in_progress_total() < 1
        || l.max_clients() < 1 || l.max_cache_bytes() < 0 || !duration(l.max_entry_age_us())
        || l.max_partials_per_client() < 0 || l.max_partials_total() < 0
        || l.max_partial_bytes() < 0 || !duration(l.max_partial_age_us()) || l.max_held_per_client() < 0)
        return QStringLiteral("server limits out of range");
    out.limits.maxDatagramBytes = l.max_datagram_bytes();
    out.limits.maxInProgressPerClient = l.max_in_progress_per_client();
    out.limits.maxInProgressTotal = l.max_in_progress_total();
    out.limits.maxClients = l.max_clients();
    out.limits.maxCacheBytes = l.max_cache_bytes();
    out.limits.maxEntryAge = Duration(l.max_entry_age_us());
    out.limits.maxMessageBytes = l.max_message_bytes();
    out.limits.maxPartialsPerClient = l.max_partials_per_client();
    out.limits.maxPartialsTotal = l.max_partials_total();
    out.limits.maxPartialBytes = l.max_partial_bytes();
    out.limits.maxPartialAge = Duration(l.max_partial_age_us());
    if (l.max_held_per_client() != 0) // 0 in older captures: the default
        out.limits.maxHeldPerClient = l.max_held_per_client();
    out.maxDatagram = p.max_datagram();
    out.serverRate = p.server_rate();
    if (p.server_queue() != 0) // 0 in older captures: the default
        out.serverQueue = p.server_queue();
    out.ordered = p.ordered();
    if (p.has_server_restart_at_us()) {
        if (!duration(p.server_restart_at_us()))
            return QStringLiteral("server restart time out of range");
        out.serverRestartAt = Duration(p.server_restart_at_us());
    }
    // Every setting the command line takes, by the command line's own ranges:
    // a header is as untrusted as an argument, and what runs from it
    // (replay --rerun, the GUI) must be what the options could have set.
    if (QString e = session::checkSessionConfig(out); !e.isEmpty())
        return e;
    c = out;
    return {};
}

} // namespace rpcscope::capture
