#include "eventcodec.h"

namespace rpcscope::trace {

namespace {

constexpr std::uint32_t HasDetail = 1u << 0;
constexpr std::uint32_t HasSize = 1u << 1;
constexpr std::uint32_t HasTo = 1u << 2;
constexpr std::uint32_t HasAttempt = 1u << 3;
constexpr std::uint32_t HasFragment = 1u << 4;
constexpr std::uint32_t HasDatagram = 1u << 5;
constexpr std::uint32_t HasClient = 1u << 6;
constexpr std::uint32_t kKnownFields = 0x7f;

void putVarint(QByteArray &out, std::uint64_t v)
{
    while (v >= 0x80) {
        out += char(std::uint8_t(v) | 0x80);
        v >>= 7;
    }
    out += char(v);
}

std::uint64_t zigzag(std::int64_t v)
{
    return (std::uint64_t(v) << 1) ^ std::uint64_t(v >> 63);
}

std::int64_t unzigzag(std::uint64_t v)
{
    return std::int64_t(v >> 1) ^ -std::int64_t(v & 1);
}

// Reads varints from a bounded range; any overrun or overlong value sets `bad`.
struct VarintReader
{
    const std::uint8_t *p;
    const std::uint8_t *end;
    bool bad = false;

    std::uint64_t next()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (p == end) {
                bad = true;
                return 0;
            }
            const std::uint8_t byte = *p++;
            v |= std::uint64_t(byte & 0x7f) << shift;
            if (!(byte & 0x80))
                return v;
        }
        bad = true; // more than ten bytes: not a varint this writer makes
        return 0;
    }
};

core::HostId implicitClient(const Event &e)
{
    return e.from != core::kServerHost ? e.from : e.to;
}

} // namespace

QByteArray packEvents(std::span<const Event> events, std::int64_t firstTimeUs)
{
    QByteArray out;
    out.reserve(qsizetype(events.size()) * 12);
    std::int64_t time = firstTimeUs;
    std::uint32_t call = 0;
    for (const Event &e : events) {
        std::uint32_t mask = 0;
        mask |= e.detail ? HasDetail : 0u;
        mask |= e.size ? HasSize : 0u;
        mask |= e.to ? HasTo : 0u;
        mask |= e.attempt ? HasAttempt : 0u;
        mask |= e.fragment ? HasFragment : 0u;
        mask |= e.datagram ? HasDatagram : 0u;
        mask |= e.client != implicitClient(e) ? HasClient : 0u;
        putVarint(out, std::uint8_t(e.kind));
        putVarint(out, mask);
        putVarint(out, zigzag(std::int64_t(std::uint64_t(e.timeUs) - std::uint64_t(time)))); // modulo 2^64
        putVarint(out, zigzag(std::int64_t(e.callId) - std::int64_t(call)));
        putVarint(out, e.from);
        if (mask & HasDetail)
            putVarint(out, e.detail);
        if (mask & HasSize)
            putVarint(out, e.size);
        if (mask & HasTo)
            putVarint(out, e.to);
        if (mask & HasAttempt)
            putVarint(out, e.attempt);
        if (mask & HasFragment)
            putVarint(out, e.fragment);
        if (mask & HasDatagram)
            putVarint(out, e.datagram);
        if (mask & HasClient)
            putVarint(out, e.client);
        time = e.timeUs;
        call = e.callId;
    }
    return out;
}

QString unpackEvents(QByteArrayView packed, std::uint32_t count, std::int64_t firstTimeUs,
                     std::vector<Event> &out)
{
    // Every event takes at least five bytes: a count beyond that is a lie,
    // and must not decide how much is reserved.
    if (qsizetype(count) > packed.size() / 5)
        return QStringLiteral("the chunk claims %1 events in %2 bytes").arg(count).arg(packed.size());
    out.reserve(out.size() + count);
    VarintReader in{reinterpret_cast<const std::uint8_t *>(packed.data()),
                    reinterpret_cast<const std::uint8_t *>(packed.data()) + packed.size()};
    std::int64_t time = firstTimeUs;
    std::int64_t call = 0;
    const auto fits = [&](std::uint64_t v, std::uint64_t max) {
        if (v > max)
            in.bad = true;
        return v;
    };
    for (std::uint32_t i = 0; i < count; ++i) {
        const std::uint64_t kind = in.next();
        const std::uint64_t mask = in.next();
        if (in.bad)
            return QStringLiteral("event %1 is cut short").arg(i);
        if (kind >= std::uint64_t(kEventKindCount))
            return QStringLiteral("event %1 has kind %2, which this version does not know").arg(i).arg(kind);
        if (mask & ~std::uint64_t(kKnownFields))
            return QStringLiteral("event %1 has fields this version does not know").arg(i);
        Event e;
        e.kind = EventKind(kind);
        // Deltas add modulo 2^64, as packEvents takes them: a damaged file
        // may hold any delta, and a sum out of range must not be undefined.
        time = std::int64_t(std::uint64_t(time) + std::uint64_t(unzigzag(in.next())));
        call = std::int64_t(std::uint64_t(call) + std::uint64_t(unzigzag(in.next())));
        e.timeUs = time;
        e.from = core::HostId(fits(in.next(), 0xffff));
        e.detail = mask & HasDetail ? std::uint32_t(fits(in.next(), 0xffffffff)) : 0;
        e.size = mask & HasSize ? std::uint32_t(fits(in.next(), 0xffffffff)) : 0;
        e.to = mask & HasTo ? core::HostId(fits(in.next(), 0xffff)) : 0;
        e.attempt = mask & HasAttempt ? std::uint16_t(fits(in.next(), 0xffff)) : 0;
        e.fragment = mask & HasFragment ? std::uint16_t(fits(in.next(), 0xffff)) : 0;
        e.datagram = mask & HasDatagram ? std::uint8_t(fits(in.next(), 0xff)) : 0;
        e.client = mask & HasClient ? core::HostId(fits(in.next(), 0xffff)) : implicitClient(e);
        if (call < 0 || call > 0xffffffffLL)
            in.bad = true;
        if (in.bad)
            return QStringLiteral("event %1 is damaged").arg(i);
        e.callId = std::uint32_t(call);
        out.push_back(e);
    }
    if (in.p != in.end)
        return QStringLiteral("%1 bytes follow the chunk's last event").arg(in.end - in.p);
    return {};
}

} // namespace rpcscope::trace
