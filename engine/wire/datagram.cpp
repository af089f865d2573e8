#include "datagram.h"

#include "base/enumnames.h"

#include <QtEndian>

#include <array>
#include <cstring>

namespace rpcscope::wire {

namespace {

// Byte offsets of the header fields; the table in datagram.h is the reference.
enum Offset : qsizetype {
    MagicAt = 0,
    VersionAt = 2,
    KindAt = 3,
    FlagsAt = 4,
    ReservedAt = 5,
    AttemptAt = 6,
    EpochAt = 8,
    ClientIdAt = 12,
    CallIdAt = 16,
    FragmentIndexAt = 20,
    FragmentCountAt = 22,
    AckBelowAt = 24,
    BodyLengthAt = 28,
};
static_assert(BodyLengthAt + 4 == kHeaderSize);

constexpr std::uint8_t kChecksumBits = 0x07;
constexpr std::uint8_t kAckRequestedBit = 0x08;
constexpr std::uint8_t kTokenBit = 0x10;
constexpr std::uint8_t kOrderedBit = 0x20;
constexpr std::uint8_t kKnownFlags = kChecksumBits | kAckRequestedBit | kTokenBit | kOrderedBit;

qsizetype tokenBytes(uchar flags)
{
    return (flags & kTokenBit) ? kTokenSize : 0;
}

template<typename T>
T load(const uchar *p, qsizetype offset)
{
    return qFromBigEndian<T>(p + offset);
}

// The fields every reader agrees on; validity is the caller's business.
Header readHeader(const uchar *p)
{
    Header h;
    h.kind = DatagramKind(p[KindAt]);
    h.ackRequested = (p[FlagsAt] & kAckRequestedBit) != 0;
    h.ordered = (p[FlagsAt] & kOrderedBit) != 0;
    h.attempt = load<quint16>(p, AttemptAt);
    h.epoch = load<quint32>(p, EpochAt);
    h.clientId = load<quint32>(p, ClientIdAt);
    h.callId = load<quint32>(p, CallIdAt);
    h.fragmentIndex = load<quint16>(p, FragmentIndexAt);
    h.fragmentCount = load<quint16>(p, FragmentCountAt);
    h.ackBelow = load<quint32>(p, AckBelowAt);
    return h;
}

// The token, where the flags say one follows the header; the caller has
// checked there are bytes for it.
std::uint64_t readToken(const uchar *p)
{
    return (p[FlagsAt] & kTokenBit) ? load<quint64>(p, kHeaderSize) : 0;
}

constexpr EnumNames<DatagramKind, kDatagramKindLimit> kKindNames({
    "?", "REQ", "REPLY", "ACK", "WORKING", "PROBE", "ERROR", "SACK",
});

constexpr EnumNames<DecodeError, kDecodeErrorCount> kErrorNames({
    "none",
    "too-short",
    "bad-magic",
    "bad-version",
    "bad-kind",
    "bad-flags",
    "checksum-kind-mismatch",
    "bad-length",
    "bad-fragment",
    "checksum-mismatch",
    "bad-body",
});

} // namespace

QString datagramKindName(DatagramKind kind)
{
    return kKindNames.name(kind);
}

QString decodeErrorName(DecodeError error)
{
    return kErrorNames.name(error);
}

QByteArray encodeDatagram(const Header &header, QByteArrayView body, ChecksumKind checksum)
{
    const qsizetype token = header.token != 0 ? kTokenSize : 0;
    Q_ASSERT_X(body.size() <= kMaxDatagramSize - kOverhead - token, "encodeDatagram",
               "body too large for one datagram; fragment it first");
    Q_ASSERT_X(int(checksum) < kChecksumKindCount, "encodeDatagram", "not a ChecksumKind");

    const qsizetype bodyAt = kHeaderSize + token;
    const qsizetype checksumAt = bodyAt + body.size();
    QByteArray datagram(checksumAt + kTrailerSize, Qt::Uninitialized);
    auto *p = reinterpret_cast<uchar *>(datagram.data());

    qToBigEndian<quint16>(kMagic, p + MagicAt);
    p[VersionAt] = kVersion;
    p[KindAt] = uchar(header.kind);
    p[FlagsAt] = uchar((uchar(checksum) & kChecksumBits) | (header.ackRequested ? kAckRequestedBit : 0)
                       | (token ? kTokenBit : 0) | (header.ordered ? kOrderedBit : 0));
    p[ReservedAt] = 0;
    qToBigEndian<quint16>(header.attempt, p + AttemptAt);
    qToBigEndian<quint32>(header.epoch, p + EpochAt);
    qToBigEndian<quint32>(header.clientId, p + ClientIdAt);
    qToBigEndian<quint32>(header.callId, p + CallIdAt);
    qToBigEndian<quint16>(header.fragmentIndex, p + FragmentIndexAt);
    qToBigEndian<quint16>(header.fragmentCount, p + FragmentCountAt);
    qToBigEndian<quint32>(header.ackBelow, p + AckBelowAt);
    qToBigEndian<quint32>(quint32(body.size()), p + BodyLengthAt);
    if (token)
        qToBigEndian<quint64>(header.token, p + kHeaderSize);
    if (!body.isEmpty()) // memcpy from a null view is undefined even for 0 bytes
        std::memcpy(p + bodyAt, body.data(), size_t(body.size()));

    const quint32 sum = computeChecksum(checksum, QByteArrayView(datagram.constData(), checksumAt));
    qToBigEndian<quint32>(sum, p + checksumAt);
    return datagram;
}

DecodeError decodeDatagram(QByteArrayView datagram, ChecksumKind expected, Decoded &out)
{
    const qsizetype size = datagram.size();
    if (size < kOverhead)
        return DecodeError::TooShort;
    const auto *p = reinterpret_cast<const uchar *>(datagram.data());

    if (load<quint16>(p, MagicAt) != kMagic)
        return DecodeError::BadMagic;
    // Compared in 64 bits: a hostile length near 2^32 must not wrap. A length
    // that fits only with the token bit the other way is a flipped bit, left
    // for the checksum to name as damage.
    const uchar flags = p[FlagsAt];
    const qsizetype bodyAt = kHeaderSize + tokenBytes(flags);
    const qsizetype bodySize = size - kOverhead - tokenBytes(flags);
    const quint64 declared = load<quint32>(p, BodyLengthAt);
    const bool lengthFits = bodySize >= 0 && declared == quint64(bodySize);
    const qsizetype otherSize = size - kOverhead - tokenBytes(flags ^ kTokenBit);
    if (!lengthFits && !(otherSize >= 0 && declared == quint64(otherSize)))
        return DecodeError::BadLength;

    // The checksum comes before the other field checks so that damage is
    // reported as damage (checksum-mismatch), not as whichever field it hit.
    // Only a short, foreign (bad magic) or truncated (bad length) datagram is
    // named first.
    const uchar checksumBits = flags & kChecksumBits;
    const qsizetype checksumAt = size - kTrailerSize;
    if (computeChecksum(expected, datagram.first(checksumAt)) != load<quint32>(p, checksumAt)) {
        const bool otherKind = checksumBits != uchar(expected) && checksumBits < kChecksumKindCount
                               && computeChecksum(ChecksumKind(checksumBits), datagram.first(checksumAt))
                                      == load<quint32>(p, checksumAt);
        return otherKind ? DecodeError::ChecksumKindMismatch : DecodeError::ChecksumMismatch;
    }

    if (p[VersionAt] != kVersion)
        return DecodeError::BadVersion;
    if (p[KindAt] < uchar(DatagramKind::Request) || p[KindAt] >= kDatagramKindLimit)
        return DecodeError::BadKind;
    if ((flags & ~kKnownFlags) != 0 || p[ReservedAt] != 0 || checksumBits >= kChecksumKindCount)
        return DecodeError::BadFlags;
    if (checksumBits != uchar(expected))
        return DecodeError::ChecksumKindMismatch;
    if (!lengthFits) // a weak checksum let the flipped token bit through
        return DecodeError::BadLength;

    Header header = readHeader(p);
    header.token = readToken(p);
    if ((flags & kTokenBit) && header.token == 0)
        return DecodeError::BadFlags;
    if (header.fragmentCount == 0 || header.fragmentIndex >= header.fragmentCount)
        return DecodeError::BadFragment;

    out.header = header;
    out.body = datagram.sliced(bodyAt, bodySize);
    return DecodeError::None;
}

bool peekHeader(QByteArrayView datagram, Header &out)
{
    if (datagram.size() < kOverhead)
        return false;
    const auto *p = reinterpret_cast<const uchar *>(datagram.data());
    if (load<quint16>(p, MagicAt) != kMagic)
        return false;
    out = readHeader(p);
    out.token = datagram.size() >= kOverhead + tokenBytes(p[FlagsAt]) ? readToken(p) : 0;
    return true;
}

} // namespace rpcscope::wire
