#include "checksum.h"

#include "base/enumnames.h"

#include <array>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <nmmintrin.h>
#define RPCSCOPE_HAVE_SSE42_CRC 1
#endif

namespace rpcscope::wire {

namespace {

// CRC-32C is written by hand because Qt has none (qChecksum is CRC-16) and
// protobuf does not export one. Slicing-by-8 (Intel, Kounavis & Berry 2005):
// table k gives the CRC of a byte followed by k zero bytes, so eight input
// bytes fold into the register with eight independent look-ups instead of
// eight dependent byte steps. The tables are built at compile time.
using Crc32cTables = std::array<std::array<std::uint32_t, 256>, 8>;

constexpr Crc32cTables makeCrc32cTables()
{
    constexpr std::uint32_t reflectedPoly = 0x82F63B78;
    Crc32cTables tables{};
    for (std::uint32_t byte = 0; byte < 256; ++byte) {
        std::uint32_t crc = byte;
        for (int bit = 0; bit < 8; ++bit)
            crc = (crc >> 1) ^ ((crc & 1) ? reflectedPoly : 0);
        tables[0][byte] = crc;
    }
    for (std::size_t k = 1; k < tables.size(); ++k) {
        for (std::size_t byte = 0; byte < 256; ++byte) {
            const std::uint32_t previous = tables[k - 1][byte];
            tables[k][byte] = (previous >> 8) ^ tables[0][previous & 0xFF];
        }
    }
    return tables;
}

constexpr Crc32cTables kCrc32cTables = makeCrc32cTables();
static_assert(kCrc32cTables[0][1] == 0xF26B8303, "CRC-32C table entry 1 (Castagnoli)");

// Assembled from bytes so the result is the same on either host byte order;
// compilers turn it into one load on little-endian machines.
inline std::uint32_t loadLittleEndian32(const std::uint8_t *p)
{
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16
        | std::uint32_t(p[3]) << 24;
}

std::uint32_t crc32cTable(const std::uint8_t *p, qsizetype size)
{
    const auto &t = kCrc32cTables;
    std::uint32_t crc = 0xFFFFFFFF;
    for (; size >= 8; p += 8, size -= 8) {
        const std::uint32_t low = crc ^ loadLittleEndian32(p);
        const std::uint32_t high = loadLittleEndian32(p + 4);
        crc = t[7][low & 0xFF] ^ t[6][(low >> 8) & 0xFF] ^ t[5][(low >> 16) & 0xFF]
            ^ t[4][low >> 24] ^ t[3][high & 0xFF] ^ t[2][(high >> 8) & 0xFF]
            ^ t[1][(high >> 16) & 0xFF] ^ t[0][high >> 24];
    }
    for (; size > 0; ++p, --size)
        crc = (crc >> 8) ^ t[0][(crc ^ *p) & 0xFF];
    return crc ^ 0xFFFFFFFF;
}

#ifdef RPCSCOPE_HAVE_SSE42_CRC
// SSE 4.2's crc32 instruction computes exactly CRC-32C, eight bytes per
// step: several times faster than the tables on the short datagrams the
// simulator checks millions of. Chosen at run time, so the program still
// runs on x86-64 processors without it.
__attribute__((target("sse4.2"))) std::uint32_t crc32cSse42(const std::uint8_t *p, qsizetype size)
{
    std::uint64_t crc = 0xFFFFFFFF;
    for (; size >= 8; p += 8, size -= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        crc = _mm_crc32_u64(crc, word);
    }
    auto crc32 = std::uint32_t(crc);
    for (; size > 0; ++p, --size)
        crc32 = _mm_crc32_u8(crc32, *p);
    return crc32 ^ 0xFFFFFFFF;
}

const bool kHaveSse42 = __builtin_cpu_supports("sse4.2");
#endif

std::uint32_t crc32c(const std::uint8_t *p, qsizetype size)
{
#ifdef RPCSCOPE_HAVE_SSE42_CRC
    if (kHaveSse42)
        return crc32cSse42(p, size);
#endif
    return crc32cTable(p, size);
}

std::uint32_t fletcher16(const std::uint8_t *p, qsizetype size)
{
    // Reducing mod 255 once per block instead of per byte: with 32-bit sums
    // and both starting below 255, 5802 bytes of 0xFF is the most that
    // cannot overflow sum2.
    constexpr qsizetype kBlock = 5802;
    std::uint32_t sum1 = 0;
    std::uint32_t sum2 = 0;
    while (size > 0) {
        const qsizetype block = size < kBlock ? size : kBlock;
        for (qsizetype i = 0; i < block; ++i) {
            sum1 += p[i];
            sum2 += sum1;
        }
        sum1 %= 255;
        sum2 %= 255;
        p += block;
        size -= block;
    }
    return (sum2 << 8) | sum1;
}

std::uint32_t sum32(const std::uint8_t *p, qsizetype size)
{
    std::uint32_t sum = 0;
    for (qsizetype i = 0; i < size; ++i)
        sum += p[i];
    return sum;
}

std::uint32_t xor8(const std::uint8_t *p, qsizetype size)
{
    std::uint8_t x = 0;
    for (qsizetype i = 0; i < size; ++i)
        x ^= p[i];
    return x;
}

constexpr EnumNames<ChecksumKind, kChecksumKindCount> kNames({
    "none", "sum", "xor", "fletcher16", "crc32c",
});

} // namespace

std::uint32_t crc32cPortable(QByteArrayView data)
{
    return crc32cTable(reinterpret_cast<const std::uint8_t *>(data.data()), data.size());
}

std::uint32_t computeChecksum(ChecksumKind kind, QByteArrayView data)
{
    const auto *p = reinterpret_cast<const std::uint8_t *>(data.data());
    const qsizetype size = data.size();
    switch (kind) {
    case ChecksumKind::None:
        return 0;
    case ChecksumKind::Sum:
        return sum32(p, size);
    case ChecksumKind::Xor:
        return xor8(p, size);
    case ChecksumKind::Fletcher16:
        return fletcher16(p, size);
    case ChecksumKind::Crc32c:
        return crc32c(p, size);
    }
    Q_ASSERT_X(false, "computeChecksum", "not a ChecksumKind");
    return 0;
}

QString checksumName(ChecksumKind kind)
{
    return kNames.name(kind);
}

std::optional<ChecksumKind> checksumFromName(QStringView name)
{
    return kNames.value(name);
}

QStringList checksumNames()
{
    return kNames.names();
}

} // namespace rpcscope::wire
