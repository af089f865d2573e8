#include "netem.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <utility>

namespace rpcscope::netem {

namespace {

bool matches(const ScriptedFault &fault, const wire::Header &header)
{
    return (!fault.kind || *fault.kind == header.kind)
        && (!fault.clientId || *fault.clientId == header.clientId)
        && (!fault.callId || *fault.callId == header.callId);
}

} // namespace

Netem::Netem(NetemConfig config, std::uint64_t seed)
    : m_config(config)
    , m_random(seed)
{
}

void Netem::setConfig(const NetemConfig &config)
{
    // The Gilbert state and the link queue carry over: a live change must not
    // end a loss burst or empty a full queue.
    m_config = config;
}

void Netem::addFault(const ScriptedFault &fault)
{
    Q_ASSERT(fault.occurrence >= 1 && fault.count >= 1);
    m_faults.push_back({fault, 0});
}

void Netem::clearFaults()
{
    m_faults.clear();
}

Outcome Netem::process(const QByteArray &datagram, core::TimePoint now, std::vector<Delivery> &out)
{
    // The order of the steps is also the order of the random draws; keep it
    // fixed so that one seed replays one run.
    ++m_stats.datagrams;
    Outcome outcome;
    if (scriptedLoss(datagram)) {
        outcome.lost = LossCause::Scripted;
        ++m_stats.scriptedDrops;
    } else if (randomLoss()) {
        outcome.lost = LossCause::Random;
    }
    std::optional<core::TimePoint> departure;
    if (outcome.lost == LossCause::None) {
        departure = transmit(datagram.size(), now, outcome.queued);
        if (!departure) {
            outcome.lost = LossCause::Queue;
            ++m_stats.queueDrops;
        }
    }
    if (outcome.lost != LossCause::None) {
        ++m_stats.lost;
        return outcome;
    }

    const core::Duration jitter = m_config.jitter;
    core::TimePoint arrival = *departure + m_config.delay
        + core::Duration(m_random.between(-jitter.count(), jitter.count()));
    arrival = std::max(arrival, *departure);

    if (m_random.chance(m_config.reorder)) {
        const core::Duration hold = m_config.reorderHold > core::Duration::zero()
            ? m_config.reorderHold
            : 2 * m_config.delay + core::Duration(1000);
        arrival += hold;
        outcome.reordered = true;
        ++m_stats.reordered;
    }

    Delivery delivery{arrival, datagram, false, false, outcome.reordered};
    if (!datagram.isEmpty() && m_random.chance(m_config.corrupt)) {
        delivery.bytes = damaged(datagram);
        delivery.corrupted = outcome.corrupted = true;
        ++m_stats.corrupted;
    }

    const bool duplicated = m_random.chance(m_config.duplicate);
    if (duplicated) {
        const core::Duration spread = std::max(jitter, core::Duration(100));
        Delivery copy = delivery;
        copy.at += core::Duration(m_random.between(0, spread.count()));
        copy.duplicate = true;
        out.push_back(std::move(delivery));
        out.push_back(std::move(copy));
        outcome.duplicated = true;
        ++m_stats.duplicated;
    } else {
        out.push_back(std::move(delivery));
    }
    return outcome;
}

bool Netem::scriptedLoss(const QByteArray &datagram)
{
    if (m_faults.empty())
        return false;
    wire::Header header;
    if (!wire::peekHeader(datagram, header))
        return false;
    // Every matching fault counts the datagram, even when an earlier one
    // already dropped it, so each fault's occurrences mean what they say.
    bool hit = false;
    for (FaultState &state : m_faults) {
        if (!matches(state.fault, header))
            continue;
        ++state.matches;
        const int first = state.fault.occurrence;
        hit = hit || (state.matches >= first && state.matches - first < state.fault.count);
    }
    return hit;
}

bool Netem::randomLoss()
{
    const double loss = m_config.loss;
    if (m_config.lossModel == LossModel::Bernoulli)
        return m_random.chance(loss);

    // Gilbert–Elliott with h = 0 and k = 1 (the bad state loses everything,
    // the good state nothing): mean burst 1/r, stationary loss p / (p + r).
    if (loss <= 0.0 || loss >= 1.0) {
        m_gilbertBad = loss >= 1.0;
        return m_gilbertBad;
    }
    double r = 1.0 / std::max(m_config.gilbertBurstLength, 1.0);
    double p = loss * r / (1.0 - loss);
    if (p > 1.0) {
        // A high rate cannot be reached with bursts that short; lengthen them
        // rather than miss the rate.
        p = 1.0;
        r = (1.0 - loss) / loss;
    }
    m_gilbertBad = m_gilbertBad ? !m_random.chance(r) : m_random.chance(p);
    return m_gilbertBad;
}

std::optional<core::TimePoint> Netem::transmit(qsizetype bytes, core::TimePoint now, core::Duration &queued)
{
    if (m_config.rateKbps <= 0.0)
        return now;

    // A single FIFO link: what has finished serializing by `now` has left the queue.
    const double nowUs = double(now.count());
    while (m_onLinkFront < m_onLink.size() && m_onLink[m_onLinkFront].finishAt <= nowUs)
        m_queuedBytes -= m_onLink[m_onLinkFront++].bytes;
    if (m_onLinkFront == m_onLink.size()) {
        m_onLink.clear();
        m_onLinkFront = 0;
    } else if (m_onLinkFront >= 64 && 2 * m_onLinkFront >= m_onLink.size()) {
        m_onLink.erase(m_onLink.begin(), m_onLink.begin() + std::ptrdiff_t(m_onLinkFront));
        m_onLinkFront = 0;
    }

    if (m_queuedBytes + bytes > m_config.queueLimitBytes)
        return std::nullopt; // tail drop

    // bits / (kbit/s * 1000) seconds = bytes * 8000 / kbps microseconds
    const double serialization = double(bytes) * 8000.0 / m_config.rateKbps;
    const double startsAt = std::max(nowUs, m_linkFreeAt);
    queued = core::Duration(static_cast<core::Duration::rep>(std::floor(startsAt - nowUs)));
    m_linkFreeAt = startsAt + serialization;
    if (bytes > 0) {
        m_onLink.push_back({m_linkFreeAt, bytes});
        m_queuedBytes += bytes;
    }
    // The datagram has departed once its last bit is on the wire.
    return core::TimePoint(static_cast<core::TimePoint::rep>(std::ceil(m_linkFreeAt)));
}

QByteArray Netem::damaged(const QByteArray &datagram)
{
    QByteArray bytes(datagram.constData(), datagram.size()); // the one copy per corrupted datagram
    CorruptionMode mode = m_config.corruptionMode;
    if (mode == CorruptionMode::Mixed)
        mode = CorruptionMode(m_random.between(0, 2));
    switch (mode) {
    case CorruptionMode::BitFlip:
        flipBit(bytes);
        break;
    case CorruptionMode::ByteSwap:
        swapBytes(bytes);
        break;
    case CorruptionMode::Burst:
    case CorruptionMode::Mixed:
        overwriteBurst(bytes);
        break;
    }
    return bytes;
}

void Netem::flipBit(QByteArray &bytes)
{
    const std::int64_t bit = m_random.between(0, std::int64_t(bytes.size()) * 8 - 1);
    bytes[qsizetype(bit / 8)] = char(bytes[qsizetype(bit / 8)] ^ (1 << (bit % 8)));
}

void Netem::swapBytes(QByteArray &bytes)
{
    // Swapping equal bytes would change nothing, so look for a differing
    // adjacent pair from a random start, wrapping around.
    const qsizetype pairs = bytes.size() - 1;
    if (pairs >= 1) {
        const qsizetype start = qsizetype(m_random.between(0, pairs - 1));
        for (qsizetype n = 0; n < pairs; ++n) {
            const qsizetype i = (start + n) % pairs;
            if (bytes[i] != bytes[i + 1]) {
                std::swap(bytes[i], bytes[i + 1]);
                return;
            }
        }
    }
    flipBit(bytes); // all bytes equal: no swap can damage them
}

void Netem::overwriteBurst(QByteArray &bytes)
{
    const qsizetype length = std::min(qsizetype(m_random.between(2, 8)), bytes.size());
    const qsizetype start = qsizetype(m_random.between(0, bytes.size() - length));
    bool changed = false;
    for (qsizetype i = start; i < start + length; ++i) {
        const char value = char(m_random.next() & 0xff);
        changed = changed || value != bytes[i];
        bytes[i] = value;
    }
    if (!changed)
        bytes[start] = char(~bytes[start]); // the random run happened to equal the original
}

} // namespace rpcscope::netem
