#pragma once

// Reads typed values off the front of a fuzz input, the way libFuzzer's
// FuzzedDataProvider does, but in our own byte order so the corpus
// generator (make_corpus.cpp) can write inputs the targets read back as
// the traffic they came from. Past the end every read yields zeros/empty:
// a target never has to check the remaining length before reading.
#include "fuzzcheck.h"
#include "wire/checksum.h"
#include "wire/datagram.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QtEndian>

#include <algorithm>
#include <cstdint>

namespace rpcscope::fuzz {

class FuzzInput
{
public:
    FuzzInput(const std::uint8_t *data, std::size_t size)
        : m_data(data)
        , m_size(size)
    {
    }

    bool empty() const { return m_pos >= m_size; }
    std::size_t remaining() const { return m_size - m_pos; }

    std::uint8_t u8() { return empty() ? 0 : m_data[m_pos++]; }
    std::uint16_t u16() { return std::uint16_t(u8() << 8 | u8()); }
    std::uint32_t u32() { return std::uint32_t(u16()) << 16 | u16(); }
    bool flag() { return (u8() & 1) != 0; }
    // A value in [lo, hi] from one or two bytes.
    std::int64_t range(std::int64_t lo, std::int64_t hi)
    {
        const std::uint64_t span = std::uint64_t(hi - lo) + 1;
        const std::uint64_t raw = span > 256 ? u16() : u8();
        return lo + std::int64_t(raw % span);
    }
    // The next `n` bytes (fewer at the end).
    QByteArrayView bytes(std::size_t n)
    {
        n = std::min(n, remaining());
        const QByteArrayView out(reinterpret_cast<const char *>(m_data + m_pos), qsizetype(n));
        m_pos += n;
        return out;
    }
    // A 16-bit big-endian length, then that many bytes: how datagrams are framed.
    QByteArrayView lengthPrefixed() { return bytes(u16()); }
    QByteArrayView rest() { return bytes(remaining()); }

private:
    const std::uint8_t *m_data;
    std::size_t m_size;
    std::size_t m_pos = 0;
};

// Writers for the same framing, used by the corpus generator.
inline void putU8(QByteArray &out, std::uint8_t v) { out += char(v); }
inline void putU16(QByteArray &out, std::uint16_t v)
{
    putU8(out, std::uint8_t(v >> 8));
    putU8(out, std::uint8_t(v));
}
inline void putU32(QByteArray &out, std::uint32_t v)
{
    putU16(out, std::uint16_t(v >> 16));
    putU16(out, std::uint16_t(v));
}
inline void putLengthPrefixed(QByteArray &out, QByteArrayView bytes)
{
    const auto n = std::min<qsizetype>(bytes.size(), 0xFFFF);
    putU16(out, std::uint16_t(n));
    out.append(bytes.first(n));
}

// Makes a mutated datagram well-formed on the outside again: the body
// length field matches the size and the trailer holds the right checksum.
// Without this nearly every mutation would end at the checksum, and the
// protocol logic behind it would never see fuzzed input.
inline QByteArray repairDatagram(QByteArrayView bytes, wire::ChecksumKind checksum)
{
    QByteArray d = bytes.toByteArray();
    if (d.size() < wire::kOverhead)
        return d;
    auto *p = reinterpret_cast<uchar *>(d.data());
    qToBigEndian<quint32>(quint32(d.size() - wire::kOverhead), p + 28);
    const qsizetype checksumAt = d.size() - wire::kTrailerSize;
    qToBigEndian<quint32>(wire::computeChecksum(checksum, QByteArrayView(d).first(checksumAt)), p + checksumAt);
    return d;
}

} // namespace rpcscope::fuzz
