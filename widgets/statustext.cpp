#include "statustext.h"

#include "displaynames.h"
#include "remote/remotefeed.h"
#include "remote/remoteserver.h"
#include "run/liveplayer.h"

#include <algorithm>

namespace rpcscope::widgets {

namespace {

QString milliseconds(core::Duration d)
{
    return QString::number(double(d.count()) / 1000.0, 'f', 3);
}

} // namespace

QString StatusText::statistics(const session::Summary &s)
{
    QStringList parts{tr("calls %1").arg(s.calls), tr("ok %1").arg(s.ok)};
    if (s.failed.empty()) {
        parts << tr("failed %1").arg(0);
    } else {
        QStringList reasons;
        for (int e = 1; e < trace::kCallErrorCount; ++e) {
            const auto error = trace::CallError(e);
            if (const auto it = s.failed.find(trace::callErrorName(error)); it != s.failed.end())
                reasons << tr("%1 %2", "failure reason and count").arg(displaynames::callError(error)).arg(it->second);
        }
        parts << tr("failed %1 (%2)").arg(s.failedTotal()).arg(reasons.join(tr(", ")));
    }
    parts << tr("retransmissions %1").arg(s.retransmissions);
    if (s.probes > 0)
        parts << tr("probes %1").arg(s.probes);
    parts << tr("duplicates answered from memory %1").arg(s.duplicatesSuppressed + s.cachedRepliesResent);
    if (s.datagrams.corrupted > 0 || s.datagrams.corruptAccepted > 0)
        parts << tr("damaged datagrams %1: checksum caught %2, corrupt accepted %3")
                     .arg(s.datagrams.corrupted)
                     .arg(s.datagrams.checksumRejected)
                     .arg(s.datagrams.corruptAccepted);
    parts << tr("latency p50 %1 ms · p99 %2 ms").arg(s.latency.p50, 0, 'f', 1).arg(s.latency.p99, 0, 'f', 1);
    return parts.join(QStringLiteral(" · "));
}

QString StatusText::service(const QJsonObject &report)
{
    if (report.contains(u"sha256_sent")) {
        const double mib = 1024.0 * 1024.0;
        const double received = double(report.value(u"received_bytes").toInteger()) / mib;
        const double total = double(report.value(u"file_bytes").toInteger()) / mib;
        if (report.value(u"sha256_received").toString().isEmpty())
            return tr(" · file %1 of %2 MiB received").arg(received, 0, 'f', 2).arg(total, 0, 'f', 2);
        return report.value(u"verified").toBool()
                   ? tr(" · file complete: SHA-256 matches the sender's ✓")
                   : tr(" · file complete but SHA-256 DIFFERS from the sender's: damaged end to end ✗");
    }
    if (report.contains(u"counter_total"))
        return tr(" · counter %1").arg(report.value(u"counter_total").toInteger());
    return {};
}

StatusText::Remote StatusText::Remote::of(const remote::RemoteServer &server, const session::LivePlayer *live)
{
    Remote r;
    r.server = QStringLiteral("%1:%2").arg(server.address.toString()).arg(server.port);
    r.sharesTrace = server.tracePort != 0;
    if (!live)
        return r;
    r.clientBind = live->clientBindAddress();
    r.feedError = live->feedError();
    r.lateEvents = live->lateEvents();
    if (const remote::RemoteFeed *f = live->feed()) {
        r.lastPullError = f->lastError();
        if (f->clock().isKnown())
            r.clock = Clock{f->clock().offset(), f->clock().uncertainty(), f->clock().samples()};
        r.otherClients = f->stats().otherClients;
        r.missed = f->stats().missed;
    }
    return r;
}

QString StatusText::connection(const Remote &r)
{
    // Anything but loopback can be reached from other machines: say so.
    const QString binding = r.clientBind.isLoopback()
                                ? tr("clients on %1").arg(r.clientBind.toString())
                                : tr("clients bound to %1, not loopback").arg(r.clientBind.toString());
    QString feed;
    if (!r.sharesTrace) {
        feed = tr("the server does not share its trace");
    } else if (!r.feedError.isEmpty()) {
        feed = r.feedError;
    } else if (!r.lastPullError.isEmpty()) {
        feed = tr("server trace: %1").arg(r.lastPullError);
    } else if (r.clock) {
        // Cristian's algorithm: the offset, within half the fastest round trip;
        // the server's events are drawn at their time minus this offset.
        feed = tr("server clock %1 ms ± %2 ms (Cristian, best of the last %3 round trips)")
                   .arg(milliseconds(r.clock->offset), milliseconds(r.clock->uncertainty))
                   .arg(std::min<std::uint64_t>(r.clock->samples, remote::ClockOffset::kWindow));
        if (r.otherClients > 0)
            feed = tr("%1 · other clients' events hidden: %2").arg(feed).arg(r.otherClients);
        // Drawn at the time already shown rather than their own: say how many.
        if (r.lateEvents > 0)
            feed = tr("%1 · events placed late: %2").arg(feed).arg(r.lateEvents);
        if (r.missed > 0)
            feed = tr("%1 · server events missed: %2").arg(feed).arg(r.missed);
    } else {
        feed = tr("reading the server's trace…");
    }
    return tr("Remote server %1 (%2) · %3").arg(r.server, binding, feed);
}

QStringList StatusText::remoteCaption(const Remote &r)
{
    QStringList parts{tr("remote server %1").arg(r.server)};
    if (r.clock)
        parts << tr("server clock %1 ± %2 ms").arg(milliseconds(r.clock->offset), milliseconds(r.clock->uncertainty));
    return parts;
}

} // namespace rpcscope::widgets
