#pragma once

#include "base/clock.h"
#include "base/random.h"
#include "netemconfig.h"
#include "wire/datagram.h"

#include <QByteArray>

#include <cstdint>
#include <optional>
#include <vector>

namespace rpcscope::netem {

// "Drop the 1st reply to call 1": a fault that hits datagrams matching every
// set field, by occurrence. Used by the figure scenarios so each tells exactly
// its story, independent of random loss.
struct ScriptedFault
{
    std::optional<wire::DatagramKind> kind;
    std::optional<std::uint32_t> clientId;
    std::optional<std::uint32_t> callId;
    int occurrence = 1; // the n-th matching datagram (1-based) is hit ...
    int count = 1;      // ... and the count - 1 matching ones after it
};

enum class LossCause : std::uint8_t {
    None = 0,
    Random,    // the loss model chose it
    Queue,     // the link's queue was full (rate limit)
    Scripted,  // a ScriptedFault
    ServerBusy, // arrived while the server's receive queue was full (simulation's --server-rate)
};

// One copy of a datagram arriving at the far end.
struct Delivery
{
    core::TimePoint at;
    QByteArray bytes;
    bool corrupted = false; // the bytes differ from what was sent
    bool duplicate = false; // this is the extra copy
    bool reordered = false; // held back so later datagrams overtake it
};

// What happened to one datagram handed to the emulator.
struct Outcome
{
    LossCause lost = LossCause::None; // None: at least one copy is delivered
    bool duplicated = false;
    bool reordered = false;
    bool corrupted = false;
    // How long it waited for the rate-limited link to take it (zero when the
    // link was free or has no rate): it leaves the sender only then.
    core::Duration queued{0};
};

// The network emulator for one direction of traffic: loss (Bernoulli or
// Gilbert–Elliott), delay and jitter, duplication, reordering, corruption and
// a rate-limited link with a bounded queue, plus scripted faults. Seeded with
// its own generator: the same seed and the same datagrams at the same times
// give the same outcomes. Plain C++: it is told the time, it never reads it.
class Netem
{
public:
    explicit Netem(NetemConfig config = {}, std::uint64_t seed = 1);

    const NetemConfig &config() const { return m_config; }
    void setConfig(const NetemConfig &config);

    void addFault(const ScriptedFault &fault);
    void clearFaults();

    // Decides the fate of `datagram` sent at `now` and appends its deliveries
    // (none when lost, two when duplicated) to `out`, each with its arrival time.
    Outcome process(const QByteArray &datagram, core::TimePoint now, std::vector<Delivery> &out);

    // Counters since construction.
    struct Stats
    {
        std::uint64_t datagrams = 0, lost = 0, queueDrops = 0, scriptedDrops = 0,
                      duplicated = 0, reordered = 0, corrupted = 0;
    };
    const Stats &stats() const { return m_stats; }

private:
    struct FaultState
    {
        ScriptedFault fault;
        int matches = 0; // matching datagrams seen so far, this one included
    };
    // A datagram accepted by the rate-limited link that has not finished
    // serializing yet: its bytes still count against the queue limit.
    struct OnLink
    {
        double finishAt; // microseconds
        qsizetype bytes;
    };

    bool scriptedLoss(const QByteArray &datagram);
    bool randomLoss();
    std::optional<core::TimePoint> transmit(qsizetype bytes, core::TimePoint now, core::Duration &queued);
    QByteArray damaged(const QByteArray &datagram);
    void flipBit(QByteArray &bytes);
    void swapBytes(QByteArray &bytes);
    void overwriteBurst(QByteArray &bytes);

    NetemConfig m_config;
    core::Random m_random;
    Stats m_stats;
    std::vector<FaultState> m_faults;
    bool m_gilbertBad = false; // the Gilbert–Elliott chain is in its losing state
    // The link clock is fractional so that many small datagrams at a high rate
    // still add up to the right serialization time.
    double m_linkFreeAt = 0;
    // FIFO of datagrams on the link; entries before m_onLinkFront have left.
    // A vector with a moving front reuses its storage: no allocation per datagram.
    std::vector<OnLink> m_onLink;
    std::size_t m_onLinkFront = 0;
    std::int64_t m_queuedBytes = 0;
};

} // namespace rpcscope::netem
