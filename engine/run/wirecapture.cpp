#include "wirecapture.h"

#include "base/buildinfo.h"
#include "export/pcapngwriter.h"
#include "run/simnetwork.h"
#include "session/sessionoptions.h"
#include "trace/datagramkey.h"
#include "trace/eventdetail.h"

#include <algorithm>
#include <deque>
#include <unordered_map>

namespace rpcscope::session {

using trace::Event;
using trace::EventKind;

namespace {

QString ms(std::int64_t us)
{
    return QString::number(double(us) / 1000.0, 'f', us % 1000 == 0 ? 0 : 1);
}

// Watches the trace and the wire together: a send is remembered until its
// every copy has arrived or it was lost, with what the emulator did to it
// on the way (recorded between the send and the arrival).
class WireRecorder final : public trace::EventSink
{
public:
    void record(const Event &e) override
    {
        // The receiver's verdict comes right after the delivery it is about.
        if ((e.kind == EventKind::ChecksumFail || e.kind == EventKind::CorruptAccepted
             || e.kind == EventKind::MalformedDropped)
            && m_lastDelivered && m_lastDelivered->time == e.timeUs) {
            WirePacket &p = m_packets[m_lastDelivered->packet].packet;
            p.checksumFailed = e.kind == EventKind::ChecksumFail;
            p.malformed = e.kind == EventKind::MalformedDropped;
            p.comment += e.kind == EventKind::ChecksumFail       ? QStringLiteral("; the receiver's checksum caught it")
                         : e.kind == EventKind::CorruptAccepted ? QStringLiteral("; it passed the checksum undetected")
                                                                 : QStringLiteral("; the receiver could not read it");
            m_lastDelivered.reset();
        }
        if (e.kind != EventKind::Corrupted && e.kind != EventKind::Reordered && e.kind != EventKind::Duplicated)
            return;
        auto it = m_sent.find(trace::DatagramKey::of(e));
        if (it == m_sent.end() || it->second.empty())
            return;
        Sent &s = it->second.back();
        s.corrupted |= e.kind == EventKind::Corrupted;
        s.reordered |= e.kind == EventKind::Reordered;
        if (e.kind == EventKind::Duplicated) {
            ++s.copies;
            ++s.left;
        }
    }

    void tap(const Event &e, QByteArrayView bytes)
    {
        switch (e.kind) {
        case EventKind::Send:
            m_sent[trace::DatagramKey::of(e)].push_back({e.timeUs, m_sends++, QByteArray(bytes.data(), bytes.size())});
            break;
        case EventKind::Lost: {
            Sent s = take(e).value_or(Sent{e.timeUs, m_sends++, {}});
            QString comment = QStringLiteral("lost (%1)").arg(trace::lossCauseName(e.detail));
            if (e.detail == std::uint32_t(netem::LossCause::ServerBusy))
                comment = QStringLiteral("lost: the server's receive queue was full");
            add(s, e, QByteArray(bytes.data(), bytes.size()), comment);
            break;
        }
        case EventKind::Deliver: {
            const std::int64_t sentAt = e.timeUs - std::int64_t(e.detail);
            Sent s = take(e).value_or(Sent{sentAt, m_sends++, {}});
            QStringList what{QStringLiteral("delivered after %1 ms").arg(ms(e.timeUs - s.timeUs))};
            if (s.copies > 1)
                what << QStringLiteral("one of %1 copies (duplicated)").arg(s.copies);
            if (s.reordered)
                what << QStringLiteral("reordered (held back so later datagrams overtake it)");
            if (s.corrupted && QByteArrayView(s.bytes) != bytes)
                what << QStringLiteral("corrupted on the way");
            add(s, e, QByteArray(bytes.data(), bytes.size()), what.join(QStringLiteral(", ")));
            m_lastDelivered = Delivered{m_packets.size() - 1, e.timeUs};
            break;
        }
        default:
            break;
        }
    }

    std::vector<WirePacket> packets()
    {
        std::ranges::stable_sort(m_packets, {}, [](const Packet &p) { return std::pair{p.packet.timeUs, p.send}; });
        std::vector<WirePacket> out;
        out.reserve(m_packets.size());
        for (Packet &p : m_packets)
            out.push_back(std::move(p.packet));
        return out;
    }

private:
    struct Sent
    {
        std::int64_t timeUs;
        std::uint64_t send; // its place among the sends
        QByteArray bytes;
        int copies = 1;     // the network delivers this many
        int left = 1;       // ... of which this many have not arrived yet
        bool corrupted = false;
        bool reordered = false;
    };
    struct Packet
    {
        WirePacket packet;
        std::uint64_t send;
    };

    // The send an arrival or loss belongs to; a duplicate's copies share it.
    std::optional<Sent> take(const Event &e)
    {
        auto it = m_sent.find(trace::DatagramKey::of(e));
        if (it == m_sent.end() || it->second.empty())
            return std::nullopt;
        Sent s = it->second.front();
        if (--it->second.front().left <= 0)
            it->second.pop_front();
        return s;
    }

    void add(const Sent &s, const Event &e, QByteArray bytes, QString comment)
    {
        WirePacket p;
        p.timeUs = s.timeUs;
        p.from = e.from;
        p.to = e.to;
        p.bytes = std::move(bytes);
        p.comment = std::move(comment);
        p.event = e;
        m_packets.push_back({std::move(p), s.send});
    }

    struct Delivered
    {
        std::size_t packet;
        std::int64_t time;
    };
    std::optional<Delivered> m_lastDelivered; // the latest delivery, until its receiver has looked at it
    std::unordered_map<trace::DatagramKey, std::deque<Sent>, trace::DatagramKeyHash> m_sent;
    std::uint64_t m_sends = 0;
    std::vector<Packet> m_packets;
};

// Every setting of a session, as the command line writes them.
QString settingsText(const SessionConfig &config)
{
    QStringList settings;
    for (const SessionOption &o : sessionOptions())
        settings << QStringLiteral("%1=%2").arg(QLatin1StringView(o.name), o.current(config));
    return settings.join(u' ');
}

QString programName()
{
    return QStringLiteral("RpcScope %1").arg(BuildInfo::programVersion());
}

} // namespace

std::vector<WirePacket> captureWire(const SessionConfig &start, const SettingChanges &changes)
{
    WireRecorder recorder;
    session::SimNetwork sim(start, &recorder,
                        [&recorder](const Event &e, QByteArrayView bytes) { recorder.tap(e, bytes); });
    runWithChanges(sim, start, changes, recorder);
    return recorder.packets();
}

bool writeWirePcapng(const SessionConfig &start, const SettingChanges &changes, QIODevice &out,
                     std::optional<core::TimePoint> from, std::optional<core::TimePoint> to)
{
    QString comment = QStringLiteral("RpcScope simulated session: %1").arg(settingsText(start));
    QStringList changed;
    for (const SettingChange &c : changes)
        changed << formatChange(c);
    if (!changed.isEmpty())
        comment += QStringLiteral("; changed while it ran: %1").arg(changed.join(QStringLiteral(", ")));
    exporting::PcapngWriter writer(out);
    if (!writer.begin(programName(), comment))
        return false;
    for (const WirePacket &p : captureWire(start, changes)) {
        if ((from && core::TimePoint(p.timeUs) < *from) || (to && core::TimePoint(p.timeUs) > *to))
            continue;
        if (!writer.packet(p.timeUs, p.from, p.to, p.bytes, p.comment))
            return false;
    }
    return true;
}

net::WireTap LiveWireCapture::tap()
{
    return [this](const net::WireDatagram &d) {
        bool isV4 = false, toV4 = false;
        const quint32 from = d.from.toIPv4Address(&isV4);
        const quint32 to = d.to.toIPv4Address(&toV4);
        const QMutexLocker lock(&m_mutex);
        if (!isV4 || !toV4) {
            ++m_leftOut;
            return;
        }
        m_datagrams.push_back({d.time.count(), from, to, d.fromPort, d.toPort,
                               QByteArray(d.bytes.data(), d.bytes.size()), d.lostByEmulator});
    };
}

int LiveWireCapture::datagrams() const
{
    const QMutexLocker lock(&m_mutex);
    return int(m_datagrams.size());
}

int LiveWireCapture::leftOut() const
{
    const QMutexLocker lock(&m_mutex);
    return m_leftOut;
}

bool LiveWireCapture::write(const SessionConfig &config, QIODevice &out) const
{
    const QMutexLocker lock(&m_mutex);
    std::vector<const Datagram *> inOrder;
    inOrder.reserve(m_datagrams.size());
    for (const Datagram &d : m_datagrams)
        inOrder.push_back(&d);
    // Several threads wrote them: in the order of their times.
    std::ranges::stable_sort(inOrder, {}, &Datagram::timeUs);
    exporting::PcapngWriter writer(out);
    if (!writer.begin(programName(),
                      QStringLiteral("RpcScope session on real sockets: %1").arg(settingsText(config))))
        return false;
    for (const Datagram *d : inOrder) {
        if (!writer.packet(d->timeUs, d->from, d->fromPort, d->to, d->toPort, d->bytes,
                           d->lost ? QStringLiteral("lost: dropped by the sender's emulator, never written")
                                   : QString()))
            return false;
    }
    return true;
}

} // namespace rpcscope::session
