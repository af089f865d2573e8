#include "retrypolicy.h"

#include "base/enumnames.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace rpcscope::core {

namespace {
constexpr EnumNames<Backoff, kBackoffCount> kNames({
    "fixed", "exponential", "full-jitter", "equal-jitter", "decorrelated-jitter", "adaptive",
});
// RFC 6298's clock granularity G.
constexpr Duration kGranularity{1'000};
} // namespace

QString backoffName(Backoff backoff)
{
    return kNames.name(backoff);
}

std::optional<Backoff> backoffFromName(QStringView name)
{
    return kNames.value(name);
}

QStringList backoffNames()
{
    return kNames.names();
}

RetryPolicy::RetryPolicy(RetryConfig config, std::uint64_t seed)
    : m_config(config)
    , m_random(seed)
{
}

Duration RetryPolicy::clamp(Duration d, const RetryConfig &c)
{
    return std::clamp(d, c.minTimeout, std::max(c.minTimeout, c.maxTimeout));
}

Duration RetryPolicy::exponential(int attempt, const RetryConfig &c)
{
    const double scaled = double(c.timeout.count()) * std::pow(std::max(1.0, c.factor), std::max(0, attempt - 1));
    const double capped = std::min(scaled, double(c.maxTimeout.count()));
    return clamp(Duration(std::int64_t(capped)), c);
}

Duration RetryPolicy::retransmissionTimeout(const RetryConfig &c) const
{
    if (!m_srtt)
        return clamp(c.timeout, c);
    return clamp(*m_srtt + std::max(kGranularity, 4 * *m_rttvar), c);
}

Duration RetryPolicy::timeoutFor(int attempt, Duration previous, const RetryConfig &c)
{
    switch (c.backoff) {
    case Backoff::Fixed:
        return clamp(c.timeout, c);
    case Backoff::Exponential:
        return exponential(attempt, c);
    case Backoff::FullJitter:
        return clamp(Duration(m_random.between(1, exponential(attempt, c).count())), c);
    case Backoff::EqualJitter: {
        const std::int64_t half = exponential(attempt, c).count() / 2;
        return clamp(Duration(half + m_random.between(0, half)), c);
    }
    case Backoff::DecorrelatedJitter:
        if (attempt <= 1)
            return clamp(c.timeout, c);
        return clamp(Duration(m_random.between(c.timeout.count(), 3 * previous.count())), c);
    case Backoff::Adaptive: {
        // RFC 6298 (5.5): back off by doubling the RTO for each retransmission.
        const double scaled = double(retransmissionTimeout(c).count()) * std::pow(2.0, attempt - 1);
        return clamp(Duration(std::int64_t(std::min(scaled, double(c.maxTimeout.count())))), c);
    }
    }
    return clamp(c.timeout, c);
}

void RetryPolicy::addRttSample(Duration rtt)
{
    // RFC 6298 (2.2, 2.3) with alpha = 1/8 and beta = 1/4.
    if (!m_srtt) {
        m_srtt = rtt;
        m_rttvar = rtt / 2;
        return;
    }
    const Duration error = *m_srtt > rtt ? *m_srtt - rtt : rtt - *m_srtt;
    m_rttvar = (3 * *m_rttvar + error) / 4;
    m_srtt = (7 * *m_srtt + rtt) / 8;
}

} // namespace rpcscope::core
