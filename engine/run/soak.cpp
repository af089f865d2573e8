#include "soak.h"

#include "base/random.h"
#include "run/simnetwork.h"
#include "services/counterservice.h"
#include "session/summary.h"
#include "trace/tracelog.h"
#include "wire/bodies.pb.h"

#include <QJsonArray>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <numeric>

namespace rpcscope::session {

namespace {
// A session that has not ended after this many events is stuck.
constexpr std::int64_t kMaxSteps = 10'000'000;
constexpr std::size_t kMaxFailuresListed = 20;
} // namespace

SessionConfig soakConfig(std::uint64_t seed)
{
    core::Random r(seed * 7919 + 17);
    SessionConfig c;
    c.scenario = QStringLiteral("soak");
    c.seed = seed;
    c.service = QStringLiteral("counter");
    c.calls = int(r.between(10, 60));
    c.clients = int(r.between(1, 5));
    c.window = int(r.between(1, 8));
    c.handlerTime = core::Duration(r.between(0, 30'000));
    for (netem::NetemConfig *n : {&c.toServer, &c.toClient}) {
        n->lossModel = r.chance(0.5) ? netem::LossModel::Bernoulli : netem::LossModel::Gilbert;
        n->loss = r.uniform() * 0.5;
        n->delay = core::Duration(r.between(500, 30'000));
        n->jitter = core::Duration(r.between(0, 20'000));
        n->duplicate = r.uniform() * 0.3;
        n->reorder = r.uniform() * 0.3;
        n->corrupt = r.uniform() * 0.1;
    }
    c.retry.backoff = core::Backoff(r.between(0, core::kBackoffCount - 1));
    c.retry.timeout = core::Duration(r.between(20'000, 200'000));
    c.retry.maxAttempts = int(r.between(2, 10));
    c.retry.deadline = core::Duration(r.between(500'000, 5'000'000));
    c.ackMode = r.chance(0.5) ? core::AckMode::Explicit : core::AckMode::Implicit;
    c.ackDelay = core::Duration(r.between(5'000, 100'000));
    c.checksum = wire::ChecksumKind::Crc32c;
    // Some runs open loop: calls arrive at a rate, not when others end.
    if (r.chance(0.3))
        c.callRate = double(r.between(5, 300));
    // Some servers crash and restart, losing their reply cache.
    if (r.chance(0.2))
        c.serverRestartAt = core::Duration(r.between(0, 2'000'000));
    // Some echo large messages in fragments over small datagrams; the
    // result must come back byte for byte.
    if (r.chance(0.3)) {
        c.service = QStringLiteral("echo");
        c.argBytes = int(r.between(0, 20'000));
        c.maxDatagram = r.between(wire::kMinMaxDatagram, 1'400);
        // A handful of calls with these sizes keeps each run short.
        c.calls = int(r.between(3, 20));
    }
    // Some servers cannot keep up and drop what overflows their queue.
    if (r.chance(0.2)) {
        c.serverRate = double(r.between(100, 2'000));
        c.serverQueue = int(r.between(1, 32));
    }
    // Some calls outlive the server's memory of them: deadlines far longer
    // than the reply cache's age limit, under heavy loss. A resend that comes
    // after the answer aged out must be refused, never run again.
    if (r.chance(0.15)) {
        c.limits.maxEntryAge = core::Duration(r.between(20'000, 400'000));
        c.retry.deadline = core::Duration(r.between(2'000'000, 20'000'000));
        c.retry.maxAttempts = int(r.between(20, 200));
        c.retry.maxTimeout = core::Duration(r.between(200'000, 2'000'000));
        c.toClient.loss = 0.5 + r.uniform() * 0.3;
        c.calls = int(r.between(3, 20));
    }
    // Some clients ask for their calls to run in order.
    c.ordered = r.chance(0.25);
    return c;
}

namespace {
// The flood beside some seeds' sessions; count 0: none. Drawn apart from
// soakConfig so that every seed's session stays what it was.
session::SimNetwork::Flood soakFlood(std::uint64_t seed)
{
    core::Random r(seed * 104729 + 3);
    session::SimNetwork::Flood flood;
    if (!r.chance(0.2))
        return flood;
    flood.count = int(r.between(200, 2'000));
    flood.senders = int(r.between(1, 64));
    flood.from = core::TimePoint(r.between(0, 500'000));
    flood.until = flood.from + core::Duration(r.between(100'000, 2'000'000));
    flood.seed = r.next();
    return flood;
}
} // namespace

SoakSeedResult soakSeed(std::uint64_t seed)
{
    SoakSeedResult result;
    result.seed = seed;
    const SessionConfig config = soakConfig(seed);
    trace::TraceLog log;
    session::SimNetwork sim(config, &log);
    const session::SimNetwork::Flood flood = soakFlood(seed);
    if (flood.count > 0)
        sim.addFlood(flood);
    std::int64_t steps = 0;
    while (sim.step() && ++steps < kMaxSteps) {
    }
    const auto *counter = dynamic_cast<const services::CounterService *>(&sim.service());
    result.check = checkInvariants(log.view(), config, counter ? std::optional(counter->total()) : std::nullopt);
    if (!sim.finished() && result.check.firstProblem.isEmpty())
        result.check.firstProblem = QStringLiteral("did not finish within %1 events").arg(kMaxSteps);
    result.check.broken.unfinished += !sim.finished() && result.check.broken.unfinished == 0;
    // Every echoed message, reassembled from fragments or not, came back intact.
    result.check.broken.wrongResults = sim.wrongResults();
    // The flood never echoes an address token: it gets at most three times
    // what it sent (QUIC's anti-amplification rule).
    result.flooded = flood.count > 0;
    if (sim.floodBytesOut() > 3 * sim.floodBytesIn()) {
        ++result.check.broken.amplified;
        if (result.check.firstProblem.isEmpty())
            result.check.firstProblem = QStringLiteral("the flood sent %1 bytes and got %2 back")
                                            .arg(sim.floodBytesIn())
                                            .arg(sim.floodBytesOut());
    }
    if (sim.wrongResults() != 0 && result.check.firstProblem.isEmpty())
        result.check.firstProblem = QStringLiteral("%1 results differ from what was sent").arg(sim.wrongResults());
    const Summary s = SummaryBuilder::fromTrace(log.view());
    result.retransmissions = s.retransmissions;
    result.duplicatesAnswered = s.duplicatesSuppressed + s.cachedRepliesResent;
    // Counted from what happened, not guessed from the sizes configured.
    const auto view = log.view();
    for (qsizetype i = 0; i < view.size(); ++i) {
        const trace::Event &e = view.at(i);
        result.fragmented |= e.kind == trace::EventKind::Reassembled;
        result.outlived |= e.kind == trace::EventKind::Rejected && e.detail == wire::STATUS_RESULT_FORGOTTEN;
    }
    result.restarted = config.serverRestartAt.has_value();
    result.ordered = config.ordered;
    result.overloaded = sim.serverBacklogPeak() >= config.serverQueue && config.serverRate > 0;
    return result;
}

void SoakResult::add(const SoakSeedResult &r)
{
    ++seeds;
    calls += r.check.calls;
    ok += r.check.ok;
    failed += r.check.failed;
    executions += r.check.executions;
    retransmissions += r.retransmissions;
    duplicatesAnswered += r.duplicatesAnswered;
    fragmentedSeeds += r.fragmented;
    restartedSeeds += r.restarted;
    overloadedSeeds += r.overloaded;
    outlivedSeeds += r.outlived;
    floodedSeeds += r.flooded;
    orderedSeeds += r.ordered;
    broken += r.check.broken;
    if (!r.check.firstProblem.isEmpty() && failures.size() < kMaxFailuresListed)
        failures.emplace_back(r.seed, r.check.firstProblem);
}

SoakResult &SoakResult::operator+=(const SoakResult &later)
{
    seeds += later.seeds;
    calls += later.calls;
    ok += later.ok;
    failed += later.failed;
    executions += later.executions;
    retransmissions += later.retransmissions;
    duplicatesAnswered += later.duplicatesAnswered;
    fragmentedSeeds += later.fragmentedSeeds;
    restartedSeeds += later.restartedSeeds;
    overloadedSeeds += later.overloadedSeeds;
    outlivedSeeds += later.outlivedSeeds;
    floodedSeeds += later.floodedSeeds;
    orderedSeeds += later.orderedSeeds;
    broken += later.broken;
    for (const auto &f : later.failures)
        if (failures.size() < kMaxFailuresListed)
            failures.push_back(f);
    return *this;
}

QJsonObject SoakResult::toJson() const
{
    QJsonArray failing;
    for (const auto &[seed, problem] : failures)
        failing.append(QJsonObject{{QStringLiteral("seed"), QString::number(seed)},
                                   {QStringLiteral("problem"), problem}});
    return {
        {QStringLiteral("seeds"), seeds},
        {QStringLiteral("calls"), qint64(calls)},
        {QStringLiteral("ok"), qint64(ok)},
        {QStringLiteral("failed"), qint64(failed)},
        {QStringLiteral("executions"), qint64(executions)},
        {QStringLiteral("retransmissions"), qint64(retransmissions)},
        {QStringLiteral("duplicates_answered"), qint64(duplicatesAnswered)},
        {QStringLiteral("seeds_fragmented"), fragmentedSeeds},
        {QStringLiteral("seeds_restarted"), restartedSeeds},
        {QStringLiteral("seeds_overloaded"), overloadedSeeds},
        {QStringLiteral("seeds_outlived_cache"), outlivedSeeds},
        {QStringLiteral("seeds_flooded"), floodedSeeds},
        {QStringLiteral("seeds_ordered"), orderedSeeds},
        {QStringLiteral("double_executions"), qint64(broken.doubleExecutions)},
        {QStringLiteral("corrupt_accepted"), qint64(broken.corruptAccepted)},
        {QStringLiteral("past_deadline"), qint64(broken.pastDeadline)},
        {QStringLiteral("ended_twice"), qint64(broken.endedTwice)},
        {QStringLiteral("unfinished"), qint64(broken.unfinished)},
        {QStringLiteral("counter_mismatch"), qint64(broken.counterMismatch)},
        {QStringLiteral("wrong_results"), qint64(broken.wrongResults)},
        {QStringLiteral("amplified"), qint64(broken.amplified)},
        {QStringLiteral("out_of_order"), qint64(broken.outOfOrder)},
        {QStringLiteral("failing_seeds"), failing},
    };
}

SoakResult runSoak(std::uint64_t first, int count, QThreadPool *pool)
{
    std::vector<SoakSeedResult> results(std::size_t(std::max(0, count)));
    for (std::size_t i = 0; i < results.size(); ++i)
        results[i].seed = first + i;
    QtConcurrent::blockingMap(pool ? pool : QThreadPool::globalInstance(), results,
                              [](SoakSeedResult &r) { r = soakSeed(r.seed); });
    // Summed in seed order, so the result is the same on any number of threads.
    SoakResult total;
    for (const SoakSeedResult &r : results)
        total.add(r);
    return total;
}

} // namespace rpcscope::session
