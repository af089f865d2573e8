#pragma once

#include "base/clock.h"
#include "base/random.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace rpcscope::core {

enum class Backoff : std::uint8_t {
    Fixed,              // the same timeout for every attempt
    Exponential,        // timeout * factor^(attempt-1), capped
    FullJitter,         // uniform in (0, exponential]: spreads many clients apart
    EqualJitter,        // half the exponential value plus uniform in [0, half]
    DecorrelatedJitter, // uniform in [timeout, 3 * previous], capped
    Adaptive,           // RFC 6298 RTO from measured round trips, doubled per retry
};
inline constexpr int kBackoffCount = 6;

// fixed, exponential, full-jitter, equal-jitter, decorrelated-jitter, adaptive
QString backoffName(Backoff backoff);
std::optional<Backoff> backoffFromName(QStringView name);
QStringList backoffNames(); // every policy, in the enum's order

struct RetryConfig
{
    Backoff backoff = Backoff::Exponential;
    Duration timeout{200'000};       // first timeout; adaptive: the RTO before any sample
    double factor = 2.0;             // growth per attempt (exponential and the jitter variants)
    Duration maxTimeout{5'000'000};  // cap on any single timeout
    Duration minTimeout{1'000};      // floor: a jittered timeout is never shorter than this
    // Sends of the request before the call fails; 0: no limit, only the
    // deadline ends a call (resend "indefinitely", as the chapter's homework asks).
    int maxAttempts = 8;
    Duration deadline{30'000'000};   // overall time a call may take, from its start

    // Whether the send numbered `tries` is the last one allowed.
    bool isLastAttempt(int tries) const { return maxAttempts > 0 && tries >= maxAttempts; }

    friend bool operator==(const RetryConfig &, const RetryConfig &) = default;
};

// Karn's rule, the one copy: a call's round trip is a sample of the network
// only if the call was answered on its first send and never probed. A reply
// to a resent request, or one that came after probes, cannot be matched to
// one send. The core feeds the estimator by it; views that plot the samples
// apply it to the same facts in the trace (the attempt in CallOk, and
// whether a probe was sent).
constexpr bool givesRttSample(std::uint16_t attempt, bool probed)
{
    return attempt == 1 && !probed;
}

// How long a client waits for an answer before trying again. One per client:
// the adaptive estimator learns from every call of that client.
class RetryPolicy
{
public:
    explicit RetryPolicy(RetryConfig config = {}, std::uint64_t seed = 1);

    const RetryConfig &config() const { return m_config; }
    // Takes effect for the next timeout chosen; the RTT estimate is kept.
    void setConfig(const RetryConfig &config) { m_config = config; }

    // The timeout to arm after sending attempt `attempt` (1-based). `previous`
    // is the timeout armed after the previous attempt (unused for attempt 1).
    Duration timeoutFor(int attempt, Duration previous) { return timeoutFor(attempt, previous, m_config); }
    // The same under another config (a call's own options), with this
    // policy's RTT estimate and generator.
    Duration timeoutFor(int attempt, Duration previous, const RetryConfig &config);

    // A round-trip sample for the adaptive policy. The caller applies Karn's
    // rule (givesRttSample).
    void addRttSample(Duration rtt);

    std::optional<Duration> smoothedRtt() const { return m_srtt; }
    std::optional<Duration> rttVariance() const { return m_rttvar; }
    // RFC 6298's RTO: SRTT + max(G, 4 * RTTVAR), clamped; `timeout` before any sample.
    Duration retransmissionTimeout() const { return retransmissionTimeout(m_config); }
    Duration retransmissionTimeout(const RetryConfig &config) const;

private:
    static Duration exponential(int attempt, const RetryConfig &config);
    static Duration clamp(Duration d, const RetryConfig &config);

    RetryConfig m_config;
    Random m_random;
    std::optional<Duration> m_srtt;
    std::optional<Duration> m_rttvar;
};

} // namespace rpcscope::core
