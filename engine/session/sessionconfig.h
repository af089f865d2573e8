#pragma once

#include "base/clock.h"
#include "core/protocolconfig.h"
#include "core/retrypolicy.h"
#include "core/servercore.h"
#include "netem/netem.h"
#include "wire/checksum.h"

#include <QString>

#include <optional>
#include <vector>

namespace rpcscope::session {

// Everything that defines a session: workload, network, protocol. The CLI's
// options and the GUI's controls both set these fields, by the same names
// (see sessionoptions.h); a seed plus this reproduces a simulated run.
struct SessionConfig
{
    QString scenario = QStringLiteral("lossy");
    std::uint64_t seed = 1;

    // Workload: each client keeps `window` calls in flight until `calls`
    // (in all, shared out among the clients) have been made.
    int calls = 100;
    int clients = 1;
    int window = 8;
    // Calls per second each client starts (Poisson arrivals), whether or not
    // earlier ones are done; 0 starts the next call when one ends. Simulation
    // only: live sessions always keep the window full.
    double callRate = 0.0;
    QString service = QStringLiteral("echo");
    core::Duration handlerTime{1'000};
    int argBytes = 32;

    // Network, per direction.
    netem::NetemConfig toServer = defaultNetem();
    netem::NetemConfig toClient = defaultNetem();
    std::vector<netem::ScriptedFault> toServerFaults;
    std::vector<netem::ScriptedFault> toClientFaults;

    // Protocol.
    core::RetryConfig retry;
    core::AckMode ackMode = core::AckMode::Implicit;
    // Ordered delivery: the server runs each client's calls one at a time in
    // call-id order, holding back those that arrive ahead of an earlier one.
    bool ordered = false;
    core::Duration ackDelay{100'000};
    core::Duration pollInterval{0}; // 0: the retry timeout
    wire::ChecksumKind checksum = wire::ChecksumKind::Crc32c;
    core::ServerLimits limits;
    // Messages larger than one datagram of this size travel in fragments.
    qsizetype maxDatagram = wire::kDefaultMaxDatagram;

    // Simulation only: how many datagrams per second the server can take in
    // (0: no limit) and how many wait in its receive queue; more are lost.
    // A server that cannot keep up loses datagrams, the chapter's sign of
    // overload that back-off answers.
    double serverRate = 0.0;
    int serverQueue = 64;

    // Simulation only: the server crashes and restarts at this time, losing
    // its reply cache and taking a new epoch.
    std::optional<core::Duration> serverRestartAt;

    static netem::NetemConfig defaultNetem()
    {
        netem::NetemConfig config;
        config.delay = core::Duration(10'000);
        return config;
    }
};

} // namespace rpcscope::session
