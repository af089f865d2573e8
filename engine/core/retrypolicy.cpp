#include "retrypolicy.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace rpcscope::core {

namespace {
constexpr std::array<const char *, kBackoffCount> kNames = {
    "fixed", "exponential", "full-jitter", "equal-jitter", "decorrelated-jitter", "adaptive",
};
// RFC 6298's clock granularity G.
constexpr Duration kGranularity{1'000};
} // namespace

QString backoffName(Backoff backoff)
{
    const auto i = std::size_t(backoff);
    return i < kNames.size() ? QString::fromLatin1(kNames[i]) : QStringLiteral("?");
}

std::optional<Backoff> backoffFromName(QStringView name)
{
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (name == QLatin1StringView(kNames[i]))
            return Backoff(i);
    return std::nullopt;
}

RetryPolicy::RetryPolicy(RetryConfig config, std::uint64_t seed)
    : m_config(config)
    , m_random(seed)
{
}

Duration RetryPolicy::clamp(Duration d) const
{
    return std::clamp(d, m_config.minTimeout, std::max(m_config.minTimeout, m_config.maxTimeout));
}

Duration RetryPolicy::exponential(int attempt) const
{
    const double scaled = double(m_config.timeout.count())
                          * std::pow(std::max(1.0, m_config.factor), std::max(0, attempt - 1));
    const double capped = std::min(scaled, double(m_config.maxTimeout.count()));
    return clamp(Duration(std::int64_t(capped)));
}

Duration RetryPolicy::retransmissionTimeout() const
{
    if (!m_srtt)
        return clamp(m_config.timeout);
    return clamp(*m_srtt + std::max(kGranularity, 4 * *m_rttvar));
}

Duration RetryPolicy::timeoutFor(int attempt, Duration previous)
{
    switch (m_config.backoff) {
    case Backoff::Fixed:
        return clamp(m_config.timeout);
    case Backoff::Exponential:
        return exponential(attempt);
    case Backoff::FullJitter:
        return clamp(Duration(m_random.between(1, exponential(attempt).count())));
    case Backoff::EqualJitter: {
        const std::int64_t half = exponential(attempt).count() / 2;
        return clamp(Duration(half + m_random.between(0, half)));
    }
    case Backoff::DecorrelatedJitter:
        if (attempt <= 1)
            return clamp(m_config.timeout);
        return clamp(Duration(m_random.between(m_config.timeout.count(), 3 * previous.count())));
    case Backoff::Adaptive: {
        // RFC 6298 (5.5): back off by doubling the RTO for each retransmission.
        const double scaled = double(retransmissionTimeout().count()) * std::pow(2.0, attempt - 1);
        return clamp(Duration(std::int64_t(std::min(scaled, double(m_config.maxTimeout.count())))));
    }
    }
    return clamp(m_config.timeout);
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
