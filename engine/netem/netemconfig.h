#pragma once

#include "base/clock.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace rpcscope::netem {

enum class LossModel : std::uint8_t {
    Bernoulli, // every datagram lost independently with probability `loss`
    Gilbert,   // Gilbert–Elliott: losses come in bursts; mean loss rate `loss`
};

enum class CorruptionMode : std::uint8_t {
    BitFlip,  // flip one random bit
    ByteSwap, // swap two adjacent differing bytes (a sum checksum cannot see it)
    Burst,    // overwrite a run of 2..8 bytes with random values
    Mixed,    // one of the above, chosen at random per corrupted datagram
};

// What the emulator does to every datagram in one direction. All fields may
// change at any time; the change applies to the next datagram.
struct NetemConfig
{
    LossModel lossModel = LossModel::Bernoulli;
    double loss = 0.0;              // 0..1, mean loss rate
    double gilbertBurstLength = 4;  // Gilbert: mean datagrams lost in a row (>= 1)
    core::Duration delay{1000};     // one-way delay
    core::Duration jitter{0};       // delay varies uniformly in [delay - jitter, delay + jitter], never below 0
    double duplicate = 0.0;         // 0..1, chance a second copy is delivered too
    double reorder = 0.0;           // 0..1, chance a datagram is held back so later ones overtake it
    core::Duration reorderHold{0};  // extra hold for a reordered datagram; 0 means 2 * delay + 1 ms
    double corrupt = 0.0;           // 0..1, chance the bytes are damaged on the way
    CorruptionMode corruptionMode = CorruptionMode::Mixed;
    double rateKbps = 0.0;          // link rate in kilobits per second; 0 means unlimited
    std::int64_t queueLimitBytes = 256 * 1024; // bytes waiting for the link; more is tail-dropped

    friend bool operator==(const NetemConfig &, const NetemConfig &) = default;
};

// A network that does nothing: no delay, no loss. What real sockets start
// with; the emulator is there to be turned up.
inline NetemConfig passThrough()
{
    NetemConfig config;
    config.delay = core::Duration(0);
    return config;
}

QString lossModelName(LossModel model);                       // bernoulli, gilbert
std::optional<LossModel> lossModelFromName(QStringView name);
QStringList lossModelNames();
QString corruptionModeName(CorruptionMode mode);              // bit-flip, byte-swap, burst, mixed
std::optional<CorruptionMode> corruptionModeFromName(QStringView name);

} // namespace rpcscope::netem
