// The wire format's contract: published checksum values, what each weak
// checksum misses, byte-exact big-endian encoding, and a decoder that rejects
// every malformed datagram with its specific reason and never crashes.
#include "base/random.h"
#include "wire/bodies.pb.h"
#include "wire/checksum.h"
#include "wire/datagram.h"

#include <QTest>
#include <QtEndian>

#include <string>

using namespace rpcscope;
using wire::ChecksumKind;
using wire::DatagramKind;
using wire::DecodeError;

// Readable QCOMPARE failures; found through argument-dependent lookup.
namespace rpcscope::wire {
char *toString(DecodeError error)
{
    return qstrdup(decodeErrorName(error).toLatin1().constData());
}
char *toString(ChecksumKind kind)
{
    return qstrdup(checksumName(kind).toLatin1().constData());
}
} // namespace rpcscope::wire

namespace {

const ChecksumKind kAllChecksums[] = {ChecksumKind::None, ChecksumKind::Sum, ChecksumKind::Xor,
                                      ChecksumKind::Fletcher16, ChecksumKind::Crc32c};

// Bit at a time, straight from the definition: the reference the table-driven
// version must agree with at every length and alignment.
std::uint32_t referenceCrc32c(QByteArrayView data)
{
    std::uint32_t crc = 0xFFFFFFFF;
    for (char c : data) {
        crc ^= std::uint8_t(c);
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ ((crc & 1) ? 0x82F63B78 : 0);
    }
    return ~crc;
}

// Fletcher-16 reducing after every byte, as the definition reads.
std::uint32_t referenceFletcher16(QByteArrayView data)
{
    std::uint32_t sum1 = 0;
    std::uint32_t sum2 = 0;
    for (char c : data) {
        sum1 = (sum1 + std::uint8_t(c)) % 255;
        sum2 = (sum2 + sum1) % 255;
    }
    return (sum2 << 8) | sum1;
}

QByteArray bytes(std::initializer_list<int> values)
{
    QByteArray out;
    for (int v : values)
        out.append(char(v));
    return out;
}

QByteArray randomBytes(core::Random &random, qsizetype size)
{
    QByteArray out(size, Qt::Uninitialized);
    for (char &c : out)
        c = char(random.next());
    return out;
}

wire::Header sampleHeader()
{
    wire::Header h;
    h.kind = DatagramKind::Request;
    h.attempt = 2;
    h.epoch = 7;
    h.clientId = 0xC0FFEE;
    h.callId = 42;
    h.fragmentIndex = 1;
    h.fragmentCount = 3;
    h.ackBelow = 40;
    return h;
}

// Rewrites the trailer after a test has edited the header, so the decoder
// must find the bad field itself rather than fall back on the checksum.
void resign(QByteArray &datagram, ChecksumKind kind)
{
    const qsizetype checksumAt = datagram.size() - wire::kTrailerSize;
    qToBigEndian<quint32>(wire::computeChecksum(kind, QByteArrayView(datagram).first(checksumAt)),
                          datagram.data() + checksumAt);
}

} // namespace

static wire::Header withToken(wire::Header h)
{
    h.token = 0x1718191A1B1C1D1EULL;
    return h;
}

class TestWire : public QObject
{
    Q_OBJECT

private slots:
    void crc32cPublishedValues_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<quint32>("expected");
        QByteArray ascending(32, 0);
        QByteArray descending(32, 0);
        for (int i = 0; i < 32; ++i) {
            ascending[i] = char(i);
            descending[i] = char(31 - i);
        }
        QTest::newRow("empty") << QByteArray() << 0x00000000u;
        QTest::newRow("123456789") << QByteArray("123456789") << 0xE3069283u;
        // RFC 3720 (iSCSI) appendix B.4.
        QTest::newRow("32 zeros") << QByteArray(32, '\0') << 0x8A9136AAu;
        QTest::newRow("32 x 0xFF") << QByteArray(32, '\xFF') << 0x62A8AB43u;
        QTest::newRow("32 ascending") << ascending << 0x46DD794Eu;
        QTest::newRow("32 descending") << descending << 0x113FDB5Cu;
    }

    void crc32cPublishedValues()
    {
        QFETCH(QByteArray, input);
        QFETCH(quint32, expected);
        QCOMPARE(wire::computeChecksum(ChecksumKind::Crc32c, input), expected);
        QCOMPARE(wire::crc32cPortable(input), expected);
        QCOMPARE(referenceCrc32c(input), expected);
    }

    // Slicing-by-8 and the SSE 4.2 instruction each have a bulk path and a
    // tail path; every split between them and every start alignment must
    // give the bitwise result, on both implementations.
    void crc32cMatchesBitwiseReference()
    {
        core::Random random(3720);
        const QByteArray buffer = randomBytes(random, 200);
        for (qsizetype offset = 0; offset < 8; ++offset) {
            for (qsizetype length = 0; length <= 150; ++length) {
                const QByteArrayView view = QByteArrayView(buffer).sliced(offset, length);
                QVERIFY2(wire::computeChecksum(ChecksumKind::Crc32c, view) == referenceCrc32c(view),
                         qPrintable(QStringLiteral("offset %1 length %2").arg(offset).arg(length)));
                QVERIFY2(wire::crc32cPortable(view) == referenceCrc32c(view),
                         qPrintable(QStringLiteral("table: offset %1 length %2").arg(offset).arg(length)));
            }
        }
    }

    void fletcher16PublishedValues_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<quint32>("expected");
        QTest::newRow("empty") << QByteArray() << 0x0000u;
        QTest::newRow("abcde") << QByteArray("abcde") << 0xC8F0u;
        QTest::newRow("abcdef") << QByteArray("abcdef") << 0x2057u;
        QTest::newRow("abcdefgh") << QByteArray("abcdefgh") << 0x0627u;
    }

    void fletcher16PublishedValues()
    {
        QFETCH(QByteArray, input);
        QFETCH(quint32, expected);
        QCOMPARE(wire::computeChecksum(ChecksumKind::Fletcher16, input), expected);
    }

    // The implementation reduces mod 255 once per block; long runs of 0xFF
    // are the worst case for overflow between reductions.
    void fletcher16LongInputs()
    {
        core::Random random(16);
        for (qsizetype size : {5801, 5802, 5803, 11604, 100000}) {
            const QByteArray ones(size, '\xFF');
            QCOMPARE(wire::computeChecksum(ChecksumKind::Fletcher16, ones), referenceFletcher16(ones));
            const QByteArray noise = randomBytes(random, size);
            QCOMPARE(wire::computeChecksum(ChecksumKind::Fletcher16, noise), referenceFletcher16(noise));
        }
    }

    void sumAndXorByHand()
    {
        const QByteArray small = bytes({0x01, 0x02, 0x03});
        QCOMPARE(wire::computeChecksum(ChecksumKind::Sum, small), 6u);
        QCOMPARE(wire::computeChecksum(ChecksumKind::Xor, small), 0u); // 1 ^ 2 ^ 3
        const QByteArray high = bytes({0xFF, 0xFF, 0x80});
        QCOMPARE(wire::computeChecksum(ChecksumKind::Sum, high), 0x27Eu); // 255 + 255 + 128
        QCOMPARE(wire::computeChecksum(ChecksumKind::Xor, high), 0x80u);
        QCOMPARE(wire::computeChecksum(ChecksumKind::Xor, bytes({0x0F, 0xF0, 0x01})), 0xFEu);
        QCOMPARE(wire::computeChecksum(ChecksumKind::Sum, QByteArray()), 0u);
        QCOMPARE(wire::computeChecksum(ChecksumKind::Xor, QByteArray()), 0u);
        // Bytes are unsigned: 0x80 adds 128, not -128.
        QCOMPARE(wire::computeChecksum(ChecksumKind::Sum, bytes({0x80})), 0x80u);
    }

    void sumWrapsAt32Bits()
    {
        // 16843010 * 255 = 2^32 + 254.
        const QByteArray ones(16843010, '\xFF');
        QCOMPARE(wire::computeChecksum(ChecksumKind::Sum, ones), 254u);
    }

    void noneIsAlwaysZero()
    {
        QCOMPARE(wire::computeChecksum(ChecksumKind::None, QByteArray("anything")), 0u);
        QCOMPARE(wire::computeChecksum(ChecksumKind::None, QByteArray()), 0u);
    }

    // Each weak checksum has a corruption it cannot see; CRC-32C sees them all.
    void weakChecksumBlindSpots_data()
    {
        QTest::addColumn<ChecksumKind>("kind");
        QTest::addColumn<QByteArray>("original");
        QTest::addColumn<QByteArray>("damaged");

        const QByteArray original = bytes({0x10, 0x00, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77});

        QByteArray swapped = original; // addition does not care about order
        std::swap(swapped[2], swapped[5]);
        QTest::newRow("sum: two bytes swapped") << ChecksumKind::Sum << original << swapped;

        QByteArray twoFlips = original; // the flips cancel in the XOR
        twoFlips[0] = char(twoFlips[0] ^ 0x08);
        twoFlips[6] = char(twoFlips[6] ^ 0x08);
        QTest::newRow("xor: same bit flipped twice") << ChecksumKind::Xor << original << twoFlips;

        QByteArray zeroToFF = original; // 0xFF is 0 mod 255
        zeroToFF[1] = char(0xFF);
        QTest::newRow("fletcher16: 0x00 became 0xFF") << ChecksumKind::Fletcher16 << original << zeroToFF;
    }

    void weakChecksumBlindSpots()
    {
        QFETCH(ChecksumKind, kind);
        QFETCH(QByteArray, original);
        QFETCH(QByteArray, damaged);
        QVERIFY(original != damaged);
        QCOMPARE(wire::computeChecksum(kind, damaged), wire::computeChecksum(kind, original));
        QVERIFY(wire::computeChecksum(ChecksumKind::Crc32c, damaged)
                != wire::computeChecksum(ChecksumKind::Crc32c, original));
    }

    // A CRC detects every burst shorter than its width, so every single-bit
    // and (CRC-32C's Hamming distance at this length is 6) every two-bit flip.
    void crc32cDetectsEveryOneAndTwoBitFlip()
    {
        core::Random random(64);
        const QByteArray original = randomBytes(random, 64);
        const quint32 good = wire::computeChecksum(ChecksumKind::Crc32c, original);
        const int bits = int(original.size()) * 8;
        for (int first = 0; first < bits; ++first) {
            QByteArray damaged = original;
            damaged[first / 8] = char(damaged[first / 8] ^ (1 << (first % 8)));
            QVERIFY2(wire::computeChecksum(ChecksumKind::Crc32c, damaged) != good,
                     qPrintable(QStringLiteral("bit %1").arg(first)));
            for (int second = first + 1; second < bits; ++second) {
                QByteArray twice = damaged;
                twice[second / 8] = char(twice[second / 8] ^ (1 << (second % 8)));
                if (wire::computeChecksum(ChecksumKind::Crc32c, twice) == good)
                    QFAIL(qPrintable(QStringLiteral("bits %1 and %2").arg(first).arg(second)));
            }
        }
    }

    void checksumNames()
    {
        const char *expected[] = {"none", "sum", "xor", "fletcher16", "crc32c"};
        QCOMPARE(std::size(kAllChecksums), std::size_t(wire::kChecksumKindCount));
        for (int i = 0; i < wire::kChecksumKindCount; ++i) {
            const ChecksumKind kind = kAllChecksums[i];
            QCOMPARE(wire::checksumName(kind), QLatin1StringView(expected[i]));
            QCOMPARE(wire::checksumFromName(wire::checksumName(kind)), std::optional(kind));
        }
        QVERIFY(!wire::checksumFromName(u"crc32"));
        QVERIFY(!wire::checksumFromName(u"CRC32C"));
        QVERIFY(!wire::checksumFromName(u"crc32c "));
        QVERIFY(!wire::checksumFromName(u""));
    }

    void kindAndErrorNames()
    {
        const char *kinds[] = {"REQ", "REPLY", "ACK", "WORKING", "PROBE", "ERROR", "SACK"};
        for (int i = 1; i < wire::kDatagramKindLimit; ++i)
            QCOMPARE(wire::datagramKindName(DatagramKind(i)), QLatin1StringView(kinds[i - 1]));
        QCOMPARE(wire::datagramKindName(DatagramKind(0)), QStringLiteral("?"));
        QCOMPARE(wire::datagramKindName(DatagramKind(8)), QStringLiteral("?"));
        QCOMPARE(wire::datagramKindName(DatagramKind(255)), QStringLiteral("?"));

        const char *errors[] = {"none",        "too-short",    "bad-magic",
                                "bad-version", "bad-kind",     "bad-flags",
                                "checksum-kind-mismatch", "bad-length", "bad-fragment",
                                "checksum-mismatch",      "bad-body"};
        QCOMPARE(std::size(errors), std::size_t(wire::kDecodeErrorCount));
        for (int i = 0; i < wire::kDecodeErrorCount; ++i)
            QCOMPARE(wire::decodeErrorName(DecodeError(i)), QLatin1StringView(errors[i]));
        QCOMPARE(wire::decodeErrorName(DecodeError(wire::kDecodeErrorCount)), QStringLiteral("?"));
    }

    void roundTrip_data()
    {
        QTest::addColumn<wire::Header>("header");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<ChecksumKind>("checksum");

        wire::Header smallest;
        smallest.attempt = 0;
        smallest.fragmentIndex = 0;
        smallest.fragmentCount = 1;

        wire::Header largest;
        largest.attempt = 0xFFFF;
        largest.epoch = 0xFFFFFFFF;
        largest.clientId = 0xFFFFFFFF;
        largest.callId = 0xFFFFFFFF;
        largest.fragmentIndex = 0xFFFE;
        largest.fragmentCount = 0xFFFF;
        largest.ackBelow = 0xFFFFFFFF;
        largest.ackRequested = true;

        // Distinct bytes in every position catch swapped or misplaced fields.
        wire::Header distinct;
        distinct.attempt = 0x0102;
        distinct.epoch = 0x03040506;
        distinct.clientId = 0x0708090A;
        distinct.callId = 0x0B0C0D0E;
        distinct.fragmentIndex = 0x0F10;
        distinct.fragmentCount = 0x1112;
        distinct.ackBelow = 0x13141516;

        const struct
        {
            const char *name;
            wire::Header header;
            QByteArray body;
        } variants[] = {
            {"smallest, empty body", smallest, QByteArray()},
            {"largest", largest, QByteArray("payload")},
            {"distinct", distinct, QByteArray(1000, '\xA5')},
            {"sample", sampleHeader(), bytes({0x00, 0xFF, 0x00})},
            {"with a token", withToken(distinct), QByteArray(100, '\x5A')},
            {"with a token, empty body", withToken(smallest), QByteArray()},
        };
        for (int k = 1; k < wire::kDatagramKindLimit; ++k) {
            for (ChecksumKind checksum : kAllChecksums) {
                for (const auto &v : variants) {
                    wire::Header header = v.header;
                    header.kind = DatagramKind(k);
                    QTest::addRow("%s %s %s", qPrintable(wire::datagramKindName(header.kind)),
                                  qPrintable(wire::checksumName(checksum)), v.name)
                        << header << v.body << checksum;
                }
            }
        }
    }

    void roundTrip()
    {
        QFETCH(wire::Header, header);
        QFETCH(QByteArray, body);
        QFETCH(ChecksumKind, checksum);

        const QByteArray datagram = wire::encodeDatagram(header, body, checksum);
        const qsizetype token = header.token != 0 ? wire::kTokenSize : 0;
        QCOMPARE(datagram.size(), wire::kOverhead + token + body.size());

        wire::Decoded decoded;
        QCOMPARE(wire::decodeDatagram(datagram, checksum, decoded), DecodeError::None);
        QVERIFY(decoded.header == header);
        QCOMPARE(decoded.body.toByteArray(), body);
        // No copy: the body is a window on the datagram.
        QCOMPARE(decoded.body.data(), datagram.constData() + wire::kHeaderSize + token);

        wire::Header peeked;
        QVERIFY(wire::peekHeader(datagram, peeked));
        QVERIFY(peeked == header);
    }

    // Written out by hand, so it holds on a host of either byte order.
    void exactBytes()
    {
        wire::Header header;
        header.kind = DatagramKind::Reply;
        header.attempt = 0x0102;
        header.epoch = 0x03040506;
        header.clientId = 0x0708090A;
        header.callId = 0x0B0C0D0E;
        header.fragmentIndex = 0x0F10;
        header.fragmentCount = 0x1112;
        header.ackBelow = 0x13141516;

        const QByteArray expected = QByteArray::fromHex("5253"     // magic "RS"
                                                        "01"       // version
                                                        "02"       // kind: Reply
                                                        "01"       // flags: checksum Sum
                                                        "00"       // reserved
                                                        "0102"     // attempt
                                                        "03040506" // epoch
                                                        "0708090a" // client id
                                                        "0b0c0d0e" // call id
                                                        "0f10"     // fragment index
                                                        "1112"     // fragment count
                                                        "13141516" // ack-below
                                                        "00000002" // body length
                                                        "6869"     // body "hi"
                                                        // 0x52+0x53 + 1+2+1 + (1+...+22) + 2
                                                        // + 0x68+0x69 = 633
                                                        "00000279");
        QCOMPARE(wire::encodeDatagram(header, "hi", ChecksumKind::Sum), expected);

        wire::Decoded decoded;
        QCOMPARE(wire::decodeDatagram(expected, ChecksumKind::Sum, decoded), DecodeError::None);
        QVERIFY(decoded.header == header);
        QCOMPARE(decoded.body.toByteArray(), QByteArray("hi"));

        // Asking for a selective ack sets flag bit 3; the sum grows by 8.
        header.ackRequested = true;
        QByteArray asked = expected;
        asked[4] = char(0x09);
        asked.replace(asked.size() - 4, 4, QByteArray::fromHex("00000281"));
        QCOMPARE(wire::encodeDatagram(header, "hi", ChecksumKind::Sum), asked);
        QCOMPARE(wire::decodeDatagram(asked, ChecksumKind::Sum, decoded), DecodeError::None);
        QVERIFY(decoded.header.ackRequested);

        // An ordered client's datagrams set flag bit 5; the sum grows by 0x20.
        header.ackRequested = false;
        header.ordered = true;
        QByteArray ordered = expected;
        ordered[4] = char(0x21);
        ordered.replace(ordered.size() - 4, 4, QByteArray::fromHex("00000299"));
        QCOMPARE(wire::encodeDatagram(header, "hi", ChecksumKind::Sum), ordered);
        QCOMPARE(wire::decodeDatagram(ordered, ChecksumKind::Sum, decoded), DecodeError::None);
        QVERIFY(decoded.header.ordered);
        header.ordered = false;

        // An address token sets flag bit 4 and sits between header and body;
        // the sum grows by 0x10 and by the token's bytes (0x17 + ... + 0x1e = 212).
        header.ackRequested = false;
        header.token = 0x1718191A1B1C1D1EULL;
        QByteArray withToken = expected.left(wire::kHeaderSize) + QByteArray::fromHex("1718191a1b1c1d1e")
                               + QByteArray("hi") + QByteArray::fromHex("0000035d");
        withToken[4] = char(0x11);
        QCOMPARE(wire::encodeDatagram(header, "hi", ChecksumKind::Sum), withToken);
        QCOMPARE(wire::decodeDatagram(withToken, ChecksumKind::Sum, decoded), DecodeError::None);
        QCOMPARE(decoded.header.token, header.token);
        QCOMPARE(decoded.body.toByteArray(), QByteArray("hi"));
    }

    // The token flag with a zero token is not a token: refused, not read as "none".
    void zeroTokenIsRefused()
    {
        wire::Header header = sampleHeader();
        header.token = 1;
        QByteArray datagram = wire::encodeDatagram(header, "x", ChecksumKind::Crc32c);
        datagram[wire::kHeaderSize + 7] = 0; // the token's last byte: now all zero
        const qsizetype checksumAt = datagram.size() - wire::kTrailerSize;
        qToBigEndian<quint32>(wire::computeChecksum(ChecksumKind::Crc32c, QByteArrayView(datagram).first(checksumAt)),
                              datagram.data() + checksumAt);
        wire::Decoded decoded;
        QCOMPARE(wire::decodeDatagram(datagram, ChecksumKind::Crc32c, decoded), DecodeError::BadFlags);
    }

    // Damage to a header field the checksum covers is reported as damage,
    // not as a bad version, kind or fragment: the checksum is checked first.
    void damagedHeaderReadsAsDamage()
    {
        const QByteArray datagram = wire::encodeDatagram(sampleHeader(), "payload", ChecksumKind::Crc32c);
        // Every header byte except magic (0-1) and body length (28-31), each bit.
        for (qsizetype at = 2; at < 28; ++at) {
            for (int bit = 0; bit < 8; ++bit) {
                QByteArray damaged = datagram;
                damaged[at] = char(damaged[at] ^ (1 << bit));
                wire::Decoded decoded;
                const DecodeError error = wire::decodeDatagram(damaged, ChecksumKind::Crc32c, decoded);
                QVERIFY2(error == DecodeError::ChecksumMismatch,
                         qPrintable(QStringLiteral("byte %1 bit %2: %3").arg(at).arg(bit).arg(wire::decodeErrorName(error))));
            }
        }
    }

    void everyTruncationIsRejected()
    {
        for (ChecksumKind checksum : kAllChecksums) {
            const QByteArray datagram = wire::encodeDatagram(sampleHeader(), QByteArray(20, 'x'), checksum);
            for (qsizetype length = 0; length < datagram.size(); ++length) {
                // A copy of exactly `length` bytes, so ASan sees any read past the end.
                const QByteArray truncated = datagram.first(length);
                wire::Decoded decoded;
                const DecodeError expected =
                    length < wire::kOverhead ? DecodeError::TooShort : DecodeError::BadLength;
                QCOMPARE(wire::decodeDatagram(truncated, checksum, decoded), expected);
                wire::Header peeked;
                QCOMPARE(wire::peekHeader(truncated, peeked), length >= wire::kOverhead);
            }
        }
    }

    void badField_data()
    {
        QTest::addColumn<QByteArray>("datagram");
        QTest::addColumn<ChecksumKind>("expectedChecksum");
        QTest::addColumn<DecodeError>("error");

        const ChecksumKind crc = ChecksumKind::Crc32c;
        const QByteArray valid = wire::encodeDatagram(sampleHeader(), QByteArray("body bytes"), crc);
        const qsizetype bodyLength = valid.size() - wire::kOverhead;

        // Sets one header byte and re-signs, so only the field itself is wrong.
        const auto withByte = [&](qsizetype offset, int value) {
            QByteArray d = valid;
            d[offset] = char(value);
            resign(d, crc);
            return d;
        };
        const auto with16 = [&](qsizetype offset, quint16 value) {
            QByteArray d = valid;
            qToBigEndian(value, d.data() + offset);
            resign(d, crc);
            return d;
        };
        const auto with32 = [&](qsizetype offset, quint32 value) {
            QByteArray d = valid;
            qToBigEndian(value, d.data() + offset);
            resign(d, crc);
            return d;
        };
        const auto flipped = [&](qsizetype offset, int bit) {
            QByteArray d = valid;
            d[offset] = char(d[offset] ^ (1 << bit));
            return d;
        };

        QTest::newRow("valid") << valid << crc << DecodeError::None;
        QTest::newRow("magic high byte") << withByte(0, 0x53) << crc << DecodeError::BadMagic;
        QTest::newRow("magic low byte") << withByte(1, 0x52) << crc << DecodeError::BadMagic;
        QTest::newRow("magic byte-swapped") << with16(0, 0x5352) << crc << DecodeError::BadMagic;
        QTest::newRow("version 0") << withByte(2, 0) << crc << DecodeError::BadVersion;
        QTest::newRow("version 2") << withByte(2, 2) << crc << DecodeError::BadVersion;
        QTest::newRow("kind 0") << withByte(3, 0) << crc << DecodeError::BadKind;
        QTest::newRow("kind 8") << withByte(3, 8) << crc << DecodeError::BadKind;
        QTest::newRow("kind 255") << withByte(3, 255) << crc << DecodeError::BadKind;
        QTest::newRow("flags bit 3 (ack requested)") << withByte(4, int(crc) | 0x08) << crc << DecodeError::None;
        // Bit 4 says an address token follows the header: without its eight
        // bytes the body length no longer fits.
        QTest::newRow("flags bit 4 (token) with no token") << withByte(4, int(crc) | 0x10) << crc
                                                           << DecodeError::BadLength;
        QTest::newRow("flags bit 5 (ordered)") << withByte(4, int(crc) | 0x20) << crc << DecodeError::None;
        for (int bit = 6; bit < 8; ++bit) {
            QTest::addRow("flags bit %d", bit)
                << withByte(4, int(crc) | (1 << bit)) << crc << DecodeError::BadFlags;
        }
        for (int kind = wire::kChecksumKindCount; kind < 8; ++kind) {
            QTest::addRow("checksum kind %d", kind) << withByte(4, kind) << crc << DecodeError::BadFlags;
        }
        QTest::newRow("reserved byte") << withByte(5, 0x01) << crc << DecodeError::BadFlags;
        QTest::newRow("reserved byte 0x80") << withByte(5, 0x80) << crc << DecodeError::BadFlags;
        QTest::newRow("checksum kind mismatch") << valid << ChecksumKind::Fletcher16
                                                << DecodeError::ChecksumKindMismatch;
        QTest::newRow("checksum kind mismatch, none expected")
            << valid << ChecksumKind::None << DecodeError::ChecksumKindMismatch;
        QTest::newRow("body length + 1")
            << with32(28, quint32(bodyLength + 1)) << crc << DecodeError::BadLength;
        QTest::newRow("body length - 1")
            << with32(28, quint32(bodyLength - 1)) << crc << DecodeError::BadLength;
        QTest::newRow("body length 0") << with32(28, 0) << crc << DecodeError::BadLength;
        QTest::newRow("body length 2^32-1") << with32(28, 0xFFFFFFFF) << crc << DecodeError::BadLength;
        QTest::newRow("fragment count 0") << with16(22, 0) << crc << DecodeError::BadFragment;
        QTest::newRow("fragment index == count") << with16(20, 3) << crc << DecodeError::BadFragment;
        QTest::newRow("fragment index > count") << with16(20, 0xFFFF) << crc << DecodeError::BadFragment;
        QTest::newRow("body bit flipped") << flipped(wire::kHeaderSize + 3, 5) << crc
                                          << DecodeError::ChecksumMismatch;
        QTest::newRow("call id bit flipped") << flipped(16 + 3, 0) << crc << DecodeError::ChecksumMismatch;
        QTest::newRow("trailer bit flipped") << flipped(valid.size() - 1, 7) << crc
                                             << DecodeError::ChecksumMismatch;
    }

    void badField()
    {
        QFETCH(QByteArray, datagram);
        QFETCH(ChecksumKind, expectedChecksum);
        QFETCH(DecodeError, error);
        wire::Decoded decoded;
        QCOMPARE(wire::decodeDatagram(datagram, expectedChecksum, decoded), error);
    }

    // ChecksumKind::None writes 0 into the trailer and the receiver checks
    // 0 == 0: nothing covers the bytes, so damage goes through unseen. That is
    // what the "none" setting exists to show; the UDP checksum beneath is
    // optional over IPv4 and is itself a 16-bit sum.
    void noneMissesCorruption()
    {
        const QByteArray body("transfer 100 to account 7");
        QByteArray datagram = wire::encodeDatagram(sampleHeader(), body, ChecksumKind::None);
        datagram[wire::kHeaderSize + 9] = char(datagram[wire::kHeaderSize + 9] ^ 0x08); // '1' -> '9'

        wire::Decoded decoded;
        QCOMPARE(wire::decodeDatagram(datagram, ChecksumKind::None, decoded), DecodeError::None);
        QCOMPARE(decoded.body.toByteArray(), QByteArray("transfer 900 to account 7"));

        // The trailer is still read: one that is not zero is damage too.
        datagram[datagram.size() - 1] = char(0x01);
        QCOMPARE(wire::decodeDatagram(datagram, ChecksumKind::None, decoded),
                 DecodeError::ChecksumMismatch);
    }

    // Garbage, and valid datagrams with random bytes overwritten, must never
    // crash the decoder, and whatever it accepts must be exactly what the
    // encoder would have produced for the header and body it reports.
    void randomInputNeverCrashesOrIsWronglyAccepted()
    {
        const quint64 seed = 20240611;
        core::Random random(seed);
        const QByteArray valid =
            wire::encodeDatagram(sampleHeader(), QByteArray(40, 'b'), ChecksumKind::Crc32c);
        int intactAccepted = 0;
        for (int i = 0; i < 20000; ++i) {
            const auto where = [&] {
                return QStringLiteral("seed %1 iteration %2").arg(seed).arg(i).toLocal8Bit();
            };
            const ChecksumKind checksum = kAllChecksums[random.between(0, wire::kChecksumKindCount - 1)];
            QByteArray input;
            const auto shape = random.between(0, 9);
            if (shape < 5) {
                input = randomBytes(random, random.between(0, 100));
            } else {
                // Damage to a real datagram reaches the checks garbage never gets past.
                input = valid;
                const auto edits = shape == 9 ? 0 : random.between(1, 3);
                for (int e = 0; e < edits; ++e)
                    input[qsizetype(random.between(0, input.size() - 1))] = char(random.next());
            }
            const bool damaged = shape >= 5 && input != valid;

            wire::Decoded decoded;
            const DecodeError error = wire::decodeDatagram(input, checksum, decoded);
            wire::Header peeked;
            const bool peekable = wire::peekHeader(input, peeked);
            if (input == valid && checksum == ChecksumKind::Crc32c) {
                QVERIFY2(error == DecodeError::None, where().constData());
                ++intactAccepted;
            }
            if (error != DecodeError::None)
                continue;
            QVERIFY2(peekable && peeked == decoded.header, where().constData());
            QVERIFY2(wire::encodeDatagram(decoded.header, decoded.body, checksum) == input,
                     where().constData());
            // Damage CRC-32C let through would be a 1 in 2^32 collision.
            QVERIFY2(!damaged || checksum != ChecksumKind::Crc32c, where().constData());
        }
        QVERIFY(intactAccepted > 0);
    }

    void protobufBodies()
    {
        wire::RequestBody request;
        request.set_method("math.add");
        request.set_args(std::string("\x00\x01\xFF", 3));
        const std::string requestBytes = request.SerializeAsString();

        const QByteArray datagram = wire::encodeDatagram(
            sampleHeader(), QByteArrayView(requestBytes.data(), qsizetype(requestBytes.size())),
            ChecksumKind::Crc32c);
        wire::Decoded decoded;
        QCOMPARE(wire::decodeDatagram(datagram, ChecksumKind::Crc32c, decoded), DecodeError::None);

        wire::RequestBody requestBack;
        QVERIFY(requestBack.ParseFromArray(decoded.body.data(), int(decoded.body.size())));
        QCOMPARE(QByteArray::fromStdString(requestBack.method()), QByteArray("math.add"));
        QCOMPARE(QByteArray::fromStdString(requestBack.args()), QByteArray("\x00\x01\xFF", 3));

        wire::ReplyBody reply;
        reply.set_status(wire::STATUS_BUSY);
        reply.set_message("too many calls in progress");
        reply.set_result(std::string(300, '\x7F'));
        wire::ReplyBody replyBack;
        QVERIFY(replyBack.ParseFromString(reply.SerializeAsString()));
        QCOMPARE(replyBack.status(), wire::STATUS_BUSY);
        QCOMPARE(QByteArray::fromStdString(replyBack.message()), QByteArray("too many calls in progress"));
        QCOMPARE(QByteArray::fromStdString(replyBack.result()), QByteArray(300, '\x7F'));

        // What a user of decodeDatagram reports as BadBody: field 1 claims
        // five bytes and two follow.
        wire::RequestBody truncated;
        QVERIFY(!truncated.ParseFromString(std::string("\x0a\x05" "ab", 4)));
    }
};

QTEST_GUILESS_MAIN(TestWire)
#include "tst_wire.moc"
