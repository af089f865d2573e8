// RetryPolicy's contract: the exact timeout sequence of every back-off, the
// floor and cap on each timeout, jitter that stays inside its documented range
// and repeats for a seed, and RFC 6298's estimator computed by hand.
#include "core/retrypolicy.h"

#include <QTest>

#include <vector>

using namespace rpcscope;
using core::Backoff;
using core::Duration;
using core::RetryConfig;
using core::RetryPolicy;

Q_DECLARE_METATYPE(rpcscope::core::Backoff)

namespace {

constexpr std::uint64_t kSeed = 20240607;
constexpr int kDraws = 20000;

RetryConfig config(Backoff backoff, std::int64_t timeoutUs, double factor, std::int64_t maxUs,
                   std::int64_t minUs = 1'000)
{
    RetryConfig c;
    c.backoff = backoff;
    c.timeout = Duration(timeoutUs);
    c.factor = factor;
    c.maxTimeout = Duration(maxUs);
    c.minTimeout = Duration(minUs);
    return c;
}

// Timeouts for attempts 1..count, each fed the previous one as the client does.
std::vector<std::int64_t> sequence(RetryPolicy &policy, int count)
{
    std::vector<std::int64_t> out;
    Duration previous{0};
    for (int attempt = 1; attempt <= count; ++attempt) {
        previous = policy.timeoutFor(attempt, previous);
        out.push_back(previous.count());
    }
    return out;
}

QString describe(const std::vector<std::int64_t> &values)
{
    QStringList parts;
    for (std::int64_t v : values)
        parts << QString::number(v);
    return parts.join(QLatin1Char(','));
}

} // namespace

class TestRetryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void fixedIsTheSameEveryAttempt();
    void exponentialFactorTwoReachesAndHoldsCap();
    void exponentialFactorOneAndAHalf();
    void exponentialFactorBelowOneDoesNotShrink();
    void clampsToMinimum();
    void clampsToMaximum();
    void minimumWinsOverSmallerMaximum();
    void fullJitterStaysInBounds();
    void equalJitterStaysInBounds();
    void decorrelatedJitterStaysInBounds();
    void jitterIsDeterministicForSeed_data();
    void jitterIsDeterministicForSeed();
    void adaptiveBeforeSamplesUsesTimeout();
    void adaptiveAfterOneSample();
    void adaptiveGranularityFloor();
    void adaptiveAfterSecondSample();
    void adaptiveDoublesPerAttemptUpToCap();
    void adaptiveKeepsEstimateAcrossSetConfig();
    void nameRoundTrip_data();
    void nameRoundTrip();
    void unknownName();
};

void TestRetryPolicy::fixedIsTheSameEveryAttempt()
{
    RetryPolicy policy(config(Backoff::Fixed, 250'000, 2.0, 5'000'000));
    const std::vector<std::int64_t> expected(10, 250'000);
    QCOMPARE(describe(sequence(policy, 10)), describe(expected));
}

void TestRetryPolicy::exponentialFactorTwoReachesAndHoldsCap()
{
    RetryPolicy policy(config(Backoff::Exponential, 100'000, 2.0, 1'000'000));
    const std::vector<std::int64_t> expected = {100'000, 200'000, 400'000, 800'000,
                                                1'000'000, 1'000'000, 1'000'000, 1'000'000};
    QCOMPARE(describe(sequence(policy, 8)), describe(expected));
    // Far past the cap: no overflow, still the cap.
    QCOMPARE(policy.timeoutFor(200, Duration(1'000'000)).count(), 1'000'000);
}

void TestRetryPolicy::exponentialFactorOneAndAHalf()
{
    RetryPolicy policy(config(Backoff::Exponential, 100'000, 1.5, 500'000));
    // 100000 * 1.5^n: 100000, 150000, 225000, 337500, 506250 -> cap 500000.
    const std::vector<std::int64_t> expected = {100'000, 150'000, 225'000, 337'500,
                                                500'000, 500'000, 500'000};
    QCOMPARE(describe(sequence(policy, 7)), describe(expected));
}

void TestRetryPolicy::exponentialFactorBelowOneDoesNotShrink()
{
    RetryPolicy policy(config(Backoff::Exponential, 100'000, 0.5, 1'000'000));
    const std::vector<std::int64_t> expected(5, 100'000);
    QCOMPARE(describe(sequence(policy, 5)), describe(expected));
}

void TestRetryPolicy::clampsToMinimum()
{
    RetryPolicy fixed(config(Backoff::Fixed, 300, 2.0, 1'000'000, 1'000));
    QCOMPARE(fixed.timeoutFor(1, Duration(0)).count(), 1'000);
    QCOMPARE(fixed.timeoutFor(5, Duration(0)).count(), 1'000);

    // 300, 600 are below the floor; 1200 is not.
    RetryPolicy exp(config(Backoff::Exponential, 300, 2.0, 1'000'000, 1'000));
    const std::vector<std::int64_t> expected = {1'000, 1'000, 1'200, 2'400};
    QCOMPARE(describe(sequence(exp, 4)), describe(expected));

    RetryPolicy adaptive(config(Backoff::Adaptive, 300, 2.0, 1'000'000, 1'000));
    QCOMPARE(adaptive.retransmissionTimeout().count(), 1'000);
    QCOMPARE(adaptive.timeoutFor(1, Duration(0)).count(), 1'000);
}

void TestRetryPolicy::clampsToMaximum()
{
    RetryPolicy fixed(config(Backoff::Fixed, 9'000'000, 2.0, 2'000'000));
    QCOMPARE(fixed.timeoutFor(1, Duration(0)).count(), 2'000'000);

    RetryPolicy exp(config(Backoff::Exponential, 9'000'000, 2.0, 2'000'000));
    QCOMPARE(exp.timeoutFor(1, Duration(0)).count(), 2'000'000);
    QCOMPARE(exp.timeoutFor(3, Duration(0)).count(), 2'000'000);

    RetryPolicy adaptive(config(Backoff::Adaptive, 9'000'000, 2.0, 2'000'000));
    QCOMPARE(adaptive.retransmissionTimeout().count(), 2'000'000);
}

void TestRetryPolicy::minimumWinsOverSmallerMaximum()
{
    // A floor above the cap: the floor is the only value left.
    RetryPolicy policy(config(Backoff::Exponential, 100'000, 2.0, 50'000, 80'000));
    QCOMPARE(policy.timeoutFor(1, Duration(0)).count(), 80'000);
    QCOMPARE(policy.timeoutFor(4, Duration(0)).count(), 80'000);
}

void TestRetryPolicy::fullJitterStaysInBounds()
{
    const RetryConfig c = config(Backoff::FullJitter, 100'000, 2.0, 1'000'000, 1'000);
    RetryPolicy policy(c, kSeed);
    RetryPolicy reference(config(Backoff::Exponential, 100'000, 2.0, 1'000'000, 1'000));
    for (int attempt = 1; attempt <= 6; ++attempt) {
        const std::int64_t hi = reference.timeoutFor(attempt, Duration(0)).count();
        std::int64_t seenMin = hi + 1;
        std::int64_t seenMax = 0;
        for (int i = 0; i < kDraws; ++i) {
            const std::int64_t t = policy.timeoutFor(attempt, Duration(0)).count();
            if (t < c.minTimeout.count() || t > hi)
                QFAIL(qPrintable(QStringLiteral("attempt %1 draw %2: %3 outside [%4, %5] (seed %6)")
                                     .arg(attempt).arg(i).arg(t).arg(c.minTimeout.count()).arg(hi)
                                     .arg(kSeed)));
            seenMin = std::min(seenMin, t);
            seenMax = std::max(seenMax, t);
        }
        // It really is spread over the whole range, not pinned to one end.
        QVERIFY2(seenMin < hi / 10, qPrintable(QString::number(seenMin)));
        QVERIFY2(seenMax > hi - hi / 10, qPrintable(QString::number(seenMax)));
    }
}

void TestRetryPolicy::equalJitterStaysInBounds()
{
    RetryPolicy policy(config(Backoff::EqualJitter, 100'000, 2.0, 1'000'000, 1'000), kSeed);
    RetryPolicy reference(config(Backoff::Exponential, 100'000, 2.0, 1'000'000, 1'000));
    for (int attempt = 1; attempt <= 6; ++attempt) {
        const std::int64_t hi = reference.timeoutFor(attempt, Duration(0)).count();
        const std::int64_t lo = hi / 2;
        std::int64_t seenMin = hi + 1;
        std::int64_t seenMax = 0;
        for (int i = 0; i < kDraws; ++i) {
            const std::int64_t t = policy.timeoutFor(attempt, Duration(0)).count();
            if (t < lo || t > hi)
                QFAIL(qPrintable(QStringLiteral("attempt %1 draw %2: %3 outside [%4, %5] (seed %6)")
                                     .arg(attempt).arg(i).arg(t).arg(lo).arg(hi).arg(kSeed)));
            seenMin = std::min(seenMin, t);
            seenMax = std::max(seenMax, t);
        }
        QVERIFY2(seenMin < lo + hi / 20, qPrintable(QString::number(seenMin)));
        QVERIFY2(seenMax > hi - hi / 20, qPrintable(QString::number(seenMax)));
    }
}

void TestRetryPolicy::decorrelatedJitterStaysInBounds()
{
    const RetryConfig c = config(Backoff::DecorrelatedJitter, 100'000, 2.0, 2'000'000, 1'000);
    RetryPolicy policy(c, kSeed);
    bool sawAboveTimeout = false;
    bool sawCap = false;
    for (int run = 0; run < kDraws / 8; ++run) {
        Duration previous{0};
        for (int attempt = 1; attempt <= 8; ++attempt) {
            const Duration t = policy.timeoutFor(attempt, previous);
            if (attempt == 1) {
                QCOMPARE(t.count(), c.timeout.count());
            } else {
                const std::int64_t hi = std::min(3 * previous.count(), c.maxTimeout.count());
                if (t.count() < c.timeout.count() || t.count() > hi)
                    QFAIL(qPrintable(QStringLiteral("run %1 attempt %2: %3 outside [%4, %5] (seed %6)")
                                         .arg(run).arg(attempt).arg(t.count())
                                         .arg(c.timeout.count()).arg(hi).arg(kSeed)));
                sawAboveTimeout = sawAboveTimeout || t > c.timeout;
                sawCap = sawCap || t == c.maxTimeout;
            }
            previous = t;
        }
    }
    QVERIFY(sawAboveTimeout);
    QVERIFY(sawCap);

    // 3 * previous below the base timeout: the base timeout is the answer.
    QCOMPARE(policy.timeoutFor(2, Duration(10'000)).count(), c.timeout.count());
}

void TestRetryPolicy::jitterIsDeterministicForSeed_data()
{
    QTest::addColumn<Backoff>("backoff");
    QTest::newRow("full") << Backoff::FullJitter;
    QTest::newRow("equal") << Backoff::EqualJitter;
    QTest::newRow("decorrelated") << Backoff::DecorrelatedJitter;
}

void TestRetryPolicy::jitterIsDeterministicForSeed()
{
    QFETCH(Backoff, backoff);
    const RetryConfig c = config(backoff, 100'000, 2.0, 5'000'000, 1'000);
    auto run = [&](std::uint64_t seed) {
        RetryPolicy policy(c, seed);
        std::vector<std::int64_t> all;
        for (int i = 0; i < 200; ++i) {
            const auto s = sequence(policy, 8);
            all.insert(all.end(), s.begin(), s.end());
        }
        return all;
    };
    const auto a = run(kSeed);
    const auto b = run(kSeed);
    const auto other = run(kSeed + 1);
    QCOMPARE(describe(a), describe(b));
    QVERIFY(a != other);
}

void TestRetryPolicy::adaptiveBeforeSamplesUsesTimeout()
{
    RetryPolicy policy(config(Backoff::Adaptive, 150'000, 2.0, 5'000'000));
    QVERIFY(!policy.smoothedRtt());
    QVERIFY(!policy.rttVariance());
    QCOMPARE(policy.retransmissionTimeout().count(), 150'000);
    QCOMPARE(policy.timeoutFor(1, Duration(0)).count(), 150'000);
    QCOMPARE(policy.timeoutFor(2, Duration(150'000)).count(), 300'000);
}

void TestRetryPolicy::adaptiveAfterOneSample()
{
    RetryPolicy policy(config(Backoff::Adaptive, 150'000, 2.0, 5'000'000));
    policy.addRttSample(Duration(100'000));
    // RFC 6298 (2.2): SRTT = R, RTTVAR = R/2, RTO = SRTT + max(G, 4 RTTVAR).
    QCOMPARE(policy.smoothedRtt().value().count(), 100'000);
    QCOMPARE(policy.rttVariance().value().count(), 50'000);
    QCOMPARE(policy.retransmissionTimeout().count(), 100'000 + 200'000);
    QCOMPARE(policy.timeoutFor(1, Duration(0)).count(), 300'000);
}

void TestRetryPolicy::adaptiveGranularityFloor()
{
    // R = 200 µs: 4 RTTVAR = 400 µs is below G = 1 ms, so G is added.
    RetryPolicy policy(config(Backoff::Adaptive, 150'000, 2.0, 5'000'000, 100));
    policy.addRttSample(Duration(200));
    QCOMPARE(policy.smoothedRtt().value().count(), 200);
    QCOMPARE(policy.rttVariance().value().count(), 100);
    QCOMPARE(policy.retransmissionTimeout().count(), 200 + 1'000);
}

void TestRetryPolicy::adaptiveAfterSecondSample()
{
    RetryPolicy policy(config(Backoff::Adaptive, 150'000, 2.0, 5'000'000));
    policy.addRttSample(Duration(100'000));
    policy.addRttSample(Duration(60'000));
    // RFC 6298 (2.3), RTTVAR first with the old SRTT:
    //   RTTVAR = 3/4 * 50000 + 1/4 * |100000 - 60000| = 37500 + 10000 = 47500
    //   SRTT   = 7/8 * 100000 + 1/8 * 60000 = 87500 + 7500 = 95000
    //   RTO    = 95000 + 4 * 47500 = 285000
    QCOMPARE(policy.rttVariance().value().count(), 47'500);
    QCOMPARE(policy.smoothedRtt().value().count(), 95'000);
    QCOMPARE(policy.retransmissionTimeout().count(), 285'000);

    // A third, slower sample: the error is taken against SRTT = 95000.
    policy.addRttSample(Duration(135'000));
    //   RTTVAR = (3 * 47500 + 40000) / 4 = 182500 / 4 = 45625
    //   SRTT   = (7 * 95000 + 135000) / 8 = 800000 / 8 = 100000
    QCOMPARE(policy.rttVariance().value().count(), 45'625);
    QCOMPARE(policy.smoothedRtt().value().count(), 100'000);
    QCOMPARE(policy.retransmissionTimeout().count(), 100'000 + 4 * 45'625);
}

void TestRetryPolicy::adaptiveDoublesPerAttemptUpToCap()
{
    RetryPolicy policy(config(Backoff::Adaptive, 150'000, 2.0, 1'000'000));
    policy.addRttSample(Duration(100'000));
    policy.addRttSample(Duration(60'000)); // RTO 285000
    const std::vector<std::int64_t> expected = {285'000, 570'000, 1'000'000, 1'000'000, 1'000'000};
    QCOMPARE(describe(sequence(policy, 5)), describe(expected));
    // The factor of the exponential policies does not apply: RFC 6298 doubles.
    RetryConfig c = policy.config();
    c.factor = 3.0;
    policy.setConfig(c);
    QCOMPARE(policy.timeoutFor(2, Duration(285'000)).count(), 570'000);
}

void TestRetryPolicy::adaptiveKeepsEstimateAcrossSetConfig()
{
    RetryPolicy policy(config(Backoff::Adaptive, 150'000, 2.0, 5'000'000));
    policy.addRttSample(Duration(100'000));
    policy.setConfig(config(Backoff::Fixed, 40'000, 2.0, 5'000'000));
    QCOMPARE(policy.timeoutFor(1, Duration(0)).count(), 40'000);
    QCOMPARE(policy.smoothedRtt().value().count(), 100'000);
    policy.setConfig(config(Backoff::Adaptive, 150'000, 2.0, 5'000'000));
    QCOMPARE(policy.timeoutFor(1, Duration(0)).count(), 300'000);
}

void TestRetryPolicy::nameRoundTrip_data()
{
    QTest::addColumn<Backoff>("backoff");
    QTest::addColumn<QString>("name");
    QTest::newRow("fixed") << Backoff::Fixed << QStringLiteral("fixed");
    QTest::newRow("exponential") << Backoff::Exponential << QStringLiteral("exponential");
    QTest::newRow("full-jitter") << Backoff::FullJitter << QStringLiteral("full-jitter");
    QTest::newRow("equal-jitter") << Backoff::EqualJitter << QStringLiteral("equal-jitter");
    QTest::newRow("decorrelated-jitter") << Backoff::DecorrelatedJitter
                                         << QStringLiteral("decorrelated-jitter");
    QTest::newRow("adaptive") << Backoff::Adaptive << QStringLiteral("adaptive");
}

void TestRetryPolicy::nameRoundTrip()
{
    QFETCH(Backoff, backoff);
    QFETCH(QString, name);
    QCOMPARE(core::backoffName(backoff), name);
    const auto parsed = core::backoffFromName(name);
    QVERIFY(parsed.has_value());
    QCOMPARE(int(*parsed), int(backoff));
}

void TestRetryPolicy::unknownName()
{
    QVERIFY(!core::backoffFromName(u"bogus"));
    QVERIFY(!core::backoffFromName(u""));
    QVERIFY(!core::backoffFromName(u"Fixed"));
    QVERIFY(!core::backoffFromName(u"fixed "));
    QCOMPARE(core::backoffName(Backoff(core::kBackoffCount)), QStringLiteral("?"));
}

QTEST_GUILESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
