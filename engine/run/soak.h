#pragma once

#include "session/invariants.h"
#include "session/sessionconfig.h"

#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <vector>

class QThreadPool;

namespace rpcscope::session {

// The chaos soak: many simulated sessions, each from a seed that picks a
// random network (loss up to 50 %, duplication up to 30 %, reordering,
// corruption, bursts), random protocol settings, server restarts, fragments
// and overload, and after each the protocol's promises are checked.
// Each seed is reproducible on its own: `simulate` with soakConfig(seed).

// The session seed `seed` stands for.
SessionConfig soakConfig(std::uint64_t seed);

struct SoakSeedResult
{
    std::uint64_t seed = 0;
    InvariantCheck check;
    std::int64_t retransmissions = 0;
    std::int64_t duplicatesAnswered = 0; // suppressed, or answered from the reply cache
    bool fragmented = false;             // messages larger than a datagram
    bool restarted = false;              // the server crashed and came back
    bool overloaded = false;             // the server's receive queue dropped datagrams
    bool outlived = false;               // a call was resent after its answer aged out, and refused
    bool flooded = false;                // forged datagrams from made-up hosts came beside the session
    bool ordered = false;                // each client's calls ran in call-id order, early ones held back
};

// Runs one seed's session to the end and checks it.
SoakSeedResult soakSeed(std::uint64_t seed);

struct SoakResult
{
    int seeds = 0;
    std::int64_t calls = 0, ok = 0, failed = 0, executions = 0;
    std::int64_t retransmissions = 0, duplicatesAnswered = 0;
    int fragmentedSeeds = 0, restartedSeeds = 0, overloadedSeeds = 0, outlivedSeeds = 0, floodedSeeds = 0;
    int orderedSeeds = 0;
    InvariantCounts broken;
    // The seeds where a promise broke, in seed order (at most 20), with what broke.
    std::vector<std::pair<std::uint64_t, QString>> failures;

    void add(const SoakSeedResult &r);
    // Appends a later run of seeds (the failures listed stay in seed order).
    SoakResult &operator+=(const SoakResult &later);
    QJsonObject toJson() const;
};

// Seeds first .. first + count - 1 on `pool` (the global pool if null). The
// result does not depend on how many threads ran it.
SoakResult runSoak(std::uint64_t first, int count, QThreadPool *pool = nullptr);

} // namespace rpcscope::session
