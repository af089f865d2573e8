#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace rpcscope::wire {

// End-to-end checks carried in every datagram's trailer. The weak ones exist
// to show, side by side with CRC-32C, which corruptions they miss.
enum class ChecksumKind : std::uint8_t {
    None = 0,       // always 0: nothing is checked
    Sum = 1,        // 32-bit sum of the bytes: misses any reordering of bytes
    Xor = 2,        // XOR of the bytes (8 bits): misses two flips of the same bit
    Fletcher16 = 3, // Fletcher-16 (mod 255): misses 0x00 <-> 0xFF changes
    Crc32c = 4,     // CRC-32C (Castagnoli), the default
};
inline constexpr int kChecksumKindCount = 5;

// Uses the processor's CRC-32C instruction where there is one.
std::uint32_t computeChecksum(ChecksumKind kind, QByteArrayView data);
// The table-driven CRC-32C every platform has; tests compare the two.
std::uint32_t crc32cPortable(QByteArrayView data);

// The names the command line and settings use: none, sum, xor, fletcher16, crc32c.
QString checksumName(ChecksumKind kind);
std::optional<ChecksumKind> checksumFromName(QStringView name);
QStringList checksumNames(); // none, sum, xor, fletcher16, crc32c

} // namespace rpcscope::wire
