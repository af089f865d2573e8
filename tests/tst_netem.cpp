// The network emulator: each impairment does what its knob says, in
// distribution and per datagram, and one seed always gives one run.
#include "netem/netem.h"

#include <QTest>

#include <bit>
#include <cmath>

using namespace rpcscope;
using namespace rpcscope::netem;
using namespace std::chrono_literals;
using core::Duration;
using core::TimePoint;

namespace {

// Deterministic test payloads from their own generator, independent of Netem's.
QByteArray randomBytes(core::Random &random, qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &c : bytes)
        c = char(random.next() & 0xff);
    return bytes;
}

QByteArray datagram(wire::DatagramKind kind, std::uint32_t clientId, std::uint32_t callId)
{
    wire::Header header;
    header.kind = kind;
    header.clientId = clientId;
    header.callId = callId;
    return wire::encodeDatagram(header, "body", wire::ChecksumKind::Crc32c);
}

struct LossRuns
{
    double rate = 0;
    double meanRun = 0; // mean number of consecutive losses
};

LossRuns measureLoss(Netem &netem, int count)
{
    const QByteArray payload(64, 'x');
    std::vector<Delivery> out;
    int lost = 0, runs = 0;
    bool previousLost = false;
    for (int i = 0; i < count; ++i) {
        out.clear();
        const bool isLost = netem.process(payload, Duration(i * 1000), out).lost != LossCause::None;
        lost += isLost;
        runs += isLost && !previousLost;
        previousLost = isLost;
    }
    return {double(lost) / count, runs ? double(lost) / runs : 0.0};
}

int countBitsChanged(const QByteArray &a, const QByteArray &b)
{
    int bits = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        bits += std::popcount(unsigned(std::uint8_t(a[i] ^ b[i])));
    return bits;
}

std::uint32_t byteSum(const QByteArray &bytes)
{
    std::uint32_t sum = 0;
    for (char c : bytes)
        sum += std::uint8_t(c);
    return sum;
}

QList<qsizetype> changedPositions(const QByteArray &a, const QByteArray &b)
{
    QList<qsizetype> positions;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a[i] != b[i])
            positions.append(i);
    }
    return positions;
}

bool hasDifferingNeighbours(const QByteArray &bytes)
{
    for (qsizetype i = 0; i + 1 < bytes.size(); ++i) {
        if (bytes[i] != bytes[i + 1])
            return true;
    }
    return false;
}

bool sameDeliveries(const std::vector<Delivery> &a, const std::vector<Delivery> &b)
{
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Delivery &x, const Delivery &y) {
        return x.at == y.at && x.bytes == y.bytes && x.corrupted == y.corrupted
            && x.duplicate == y.duplicate && x.reordered == y.reordered;
    });
}

bool sameOutcome(const Outcome &a, const Outcome &b)
{
    return a.lost == b.lost && a.duplicated == b.duplicated && a.reordered == b.reordered
        && a.corrupted == b.corrupted;
}

} // namespace

class TestNetem : public QObject
{
    Q_OBJECT

private slots:
    void namesRoundTrip()
    {
        for (LossModel model : {LossModel::Bernoulli, LossModel::Gilbert})
            QVERIFY(lossModelFromName(lossModelName(model)) == model);
        QCOMPARE(lossModelName(LossModel::Gilbert), QStringLiteral("gilbert"));
        QVERIFY(!lossModelFromName(u"markov"));
        QVERIFY(!lossModelFromName(u"Gilbert")); // names are exact

        for (CorruptionMode mode : {CorruptionMode::BitFlip, CorruptionMode::ByteSwap,
                                    CorruptionMode::Burst, CorruptionMode::Mixed})
            QVERIFY(corruptionModeFromName(corruptionModeName(mode)) == mode);
        QCOMPARE(corruptionModeName(CorruptionMode::ByteSwap), QStringLiteral("byte-swap"));
        QCOMPARE(corruptionModeName(CorruptionMode::BitFlip), QStringLiteral("bit-flip"));
        QVERIFY(!corruptionModeFromName(u""));
    }

    void noImpairmentDeliversOnceAfterDelay()
    {
        NetemConfig config;
        config.delay = 25ms;
        Netem netem(config, 7);
        const QByteArray sent = datagram(wire::DatagramKind::Request, 1, 1);
        std::vector<Delivery> out(1); // process appends; it never clears
        const Outcome outcome = netem.process(sent, 3ms, out);

        QCOMPARE(outcome.lost, LossCause::None);
        QVERIFY(!outcome.duplicated && !outcome.reordered && !outcome.corrupted);
        QCOMPARE(out.size(), std::size_t(2));
        const Delivery &d = out.back();
        QCOMPARE(d.at, TimePoint(28ms));
        QCOMPARE(d.bytes, sent);
        QVERIFY(d.bytes.constData() == sent.constData()); // shared, not copied
        QVERIFY(!d.corrupted && !d.duplicate && !d.reordered);
        QCOMPARE(netem.stats().datagrams, 1u);
        QCOMPARE(netem.stats().lost, 0u);
    }

    void bernoulliLossRate_data()
    {
        QTest::addColumn<double>("loss");
        QTest::newRow("10%") << 0.1;
        QTest::newRow("30%") << 0.3;
        QTest::newRow("50%") << 0.5;
    }

    void bernoulliLossRate()
    {
        QFETCH(double, loss);
        constexpr std::uint64_t seed = 11;
        NetemConfig config;
        config.loss = loss;
        Netem netem(config, seed);
        const LossRuns measured = measureLoss(netem, 100000);
        QVERIFY2(std::abs(measured.rate - loss) <= 0.01,
                 qPrintable(QStringLiteral("seed %1: rate %2").arg(seed).arg(measured.rate)));
        QCOMPARE(netem.stats().datagrams, std::uint64_t(100000));
        QCOMPARE(double(netem.stats().lost) / 100000, measured.rate);
    }

    void gilbertLossComesInBursts()
    {
        constexpr std::uint64_t seed = 12;
        NetemConfig config;
        config.loss = 0.2;
        config.lossModel = LossModel::Gilbert;
        config.gilbertBurstLength = 4;
        Netem gilbert(config, seed);
        const LossRuns g = measureLoss(gilbert, 200000);

        config.lossModel = LossModel::Bernoulli;
        Netem bernoulli(config, seed);
        const LossRuns b = measureLoss(bernoulli, 200000);

        const QString figures = QStringLiteral("seed %1: gilbert rate %2 run %3, bernoulli run %4")
                                    .arg(seed).arg(g.rate).arg(g.meanRun).arg(b.meanRun);
        QVERIFY2(std::abs(g.rate - 0.2) <= 0.02, qPrintable(figures));
        QVERIFY2(std::abs(g.meanRun - 4.0) <= 0.25 * 4.0, qPrintable(figures));
        QVERIFY2(g.meanRun > 1.5 * b.meanRun, qPrintable(figures));
    }

    void gilbertReachesHighRatesWithShortBursts()
    {
        // p = loss * r / (1 - loss) would exceed 1 here; the rate must still hold.
        constexpr std::uint64_t seed = 13;
        NetemConfig config;
        config.lossModel = LossModel::Gilbert;
        config.loss = 0.9;
        config.gilbertBurstLength = 2;
        Netem netem(config, seed);
        const LossRuns measured = measureLoss(netem, 100000);
        QVERIFY2(std::abs(measured.rate - 0.9) <= 0.02,
                 qPrintable(QStringLiteral("seed %1: rate %2").arg(seed).arg(measured.rate)));
    }

    void lossExtremes_data()
    {
        QTest::addColumn<LossModel>("model");
        QTest::newRow("bernoulli") << LossModel::Bernoulli;
        QTest::newRow("gilbert") << LossModel::Gilbert;
    }

    void lossExtremes()
    {
        QFETCH(LossModel, model);
        NetemConfig config;
        config.lossModel = model;
        config.loss = 0.0;
        Netem never(config, 3);
        QCOMPARE(measureLoss(never, 10000).rate, 0.0);
        config.loss = 1.0;
        Netem always(config, 3);
        QCOMPARE(measureLoss(always, 10000).rate, 1.0);
        QCOMPARE(always.stats().lost, 10000u);
    }

    void jitterStaysInRangeAndReorders()
    {
        NetemConfig config;
        config.delay = 10ms;
        config.jitter = 5ms;
        Netem netem(config, 21);
        const QByteArray payload(32, 'j');
        std::vector<Delivery> out;
        Duration lowest = Duration::max(), highest = Duration::min();
        for (int i = 0; i < 5000; ++i) {
            const TimePoint now = Duration(i * 1000);
            netem.process(payload, now, out);
            QCOMPARE(out.size(), std::size_t(i + 1));
            const Duration transit = out.back().at - now;
            QVERIFY2(transit >= 5ms && transit <= 15ms, qPrintable(QString::number(transit.count())));
            lowest = std::min(lowest, transit);
            highest = std::max(highest, transit);
        }
        // Both tails are reached, and datagrams 1 ms apart overtake each other.
        QVERIFY(lowest < 6ms && highest > 14ms);
        int inversions = 0;
        for (std::size_t i = 1; i < out.size(); ++i)
            inversions += out[i].at < out[i - 1].at;
        QVERIFY2(inversions > 500, qPrintable(QString::number(inversions)));
        QCOMPARE(netem.stats().reordered, 0u); // jitter is not the reorder knob
    }

    void jitterNeverArrivesBeforeSending()
    {
        NetemConfig config;
        config.delay = 1ms;
        config.jitter = 5ms;
        Netem netem(config, 22);
        std::vector<Delivery> out;
        int clamped = 0;
        for (int i = 0; i < 2000; ++i) {
            out.clear();
            const TimePoint now = Duration(i * 100);
            netem.process(QByteArrayLiteral("abc"), now, out);
            QVERIFY(out.front().at >= now);
            clamped += out.front().at == now;
        }
        QVERIFY(clamped > 0);
    }

    void reorderHoldsDatagramsBack()
    {
        constexpr std::uint64_t seed = 31;
        NetemConfig config;
        config.delay = 10ms;
        config.reorder = 0.2;
        Netem netem(config, seed);
        const QByteArray payload(32, 'r');
        std::vector<Delivery> out;
        std::vector<bool> held;
        constexpr int count = 100000;
        for (int i = 0; i < count; ++i) {
            const TimePoint now = Duration(i * 1000);
            const Outcome outcome = netem.process(payload, now, out);
            QCOMPARE(out.back().reordered, outcome.reordered);
            // No explicit hold: 2 * delay + 1 ms.
            QCOMPARE(out.back().at, now + (outcome.reordered ? 31ms : 10ms));
            held.push_back(outcome.reordered);
        }
        const double rate = double(netem.stats().reordered) / count;
        QVERIFY2(std::abs(rate - 0.2) <= 0.01,
                 qPrintable(QStringLiteral("seed %1: rate %2").arg(seed).arg(rate)));
        // A held datagram arrives after the next one sent, which overtakes it.
        int overtaken = 0;
        for (int i = 0; i + 1 < count; ++i) {
            if (held[i] && !held[i + 1]) {
                QVERIFY(out[i + 1].at < out[i].at);
                ++overtaken;
            }
        }
        QVERIFY(overtaken > 0);

        config.reorderHold = 50ms;
        netem.setConfig(config);
        config.reorder = 1.0;
        netem.setConfig(config);
        out.clear();
        QVERIFY(netem.process(payload, 0ms, out).reordered);
        QCOMPARE(out.front().at, TimePoint(60ms));
    }

    void duplicateDeliversAFlaggedSecondCopy()
    {
        constexpr std::uint64_t seed = 41;
        NetemConfig config;
        config.delay = 5ms;
        config.duplicate = 0.2;
        Netem netem(config, seed);
        const QByteArray payload(40, 'd');
        std::vector<Delivery> out;
        constexpr int count = 100000;
        int duplicated = 0;
        for (int i = 0; i < count; ++i) {
            out.clear();
            const TimePoint now = Duration(i * 1000);
            const Outcome outcome = netem.process(payload, now, out);
            if (!outcome.duplicated) {
                QCOMPARE(out.size(), std::size_t(1));
                continue;
            }
            ++duplicated;
            QCOMPARE(out.size(), std::size_t(2));
            QVERIFY(!out[0].duplicate);
            QVERIFY(out[1].duplicate);
            QCOMPARE(out[1].bytes, out[0].bytes);
            QVERIFY(out[1].at >= out[0].at && out[1].at <= out[0].at + 100us);
        }
        QCOMPARE(netem.stats().duplicated, std::uint64_t(duplicated));
        const double rate = double(duplicated) / count;
        QVERIFY2(std::abs(rate - 0.2) <= 0.01,
                 qPrintable(QStringLiteral("seed %1: rate %2").arg(seed).arg(rate)));
    }

    void corruptionChangesBytes_data()
    {
        QTest::addColumn<CorruptionMode>("mode");
        QTest::newRow("bit-flip") << CorruptionMode::BitFlip;
        QTest::newRow("byte-swap") << CorruptionMode::ByteSwap;
        QTest::newRow("burst") << CorruptionMode::Burst;
        QTest::newRow("mixed") << CorruptionMode::Mixed;
    }

    void corruptionChangesBytes()
    {
        QFETCH(CorruptionMode, mode);
        NetemConfig config;
        config.corrupt = 1.0;
        config.corruptionMode = mode;
        Netem netem(config, 51);
        core::Random payloads(52);
        std::vector<Delivery> out;
        int singleBit = 0, swapped = 0, other = 0;
        for (int i = 0; i < 3000; ++i) {
            // Every fifth datagram is all one byte, where no swap can do damage.
            const qsizetype size = qsizetype(payloads.between(1, 200));
            const QByteArray sent = i % 5 == 4 ? QByteArray(size, 'u') : randomBytes(payloads, size);
            const QByteArray before = sent;
            out.clear();
            const Outcome outcome = netem.process(sent, 0ms, out);
            QVERIFY(outcome.corrupted);
            QCOMPARE(out.size(), std::size_t(1));
            const QByteArray &got = out.front().bytes;
            QVERIFY(out.front().corrupted);
            QCOMPARE(sent, before); // the sender's buffer is never damaged
            QCOMPARE(got.size(), sent.size());
            QVERIFY(got != sent);

            const QList<qsizetype> changed = changedPositions(sent, got);
            const bool isSwap = changed.size() == 2 && changed[1] == changed[0] + 1
                && got[changed[0]] == sent[changed[1]] && got[changed[1]] == sent[changed[0]];
            const bool isBit = countBitsChanged(sent, got) == 1;
            singleBit += isBit;
            swapped += isSwap;
            other += !isBit && !isSwap;
            switch (mode) {
            case CorruptionMode::BitFlip:
                QVERIFY(isBit);
                break;
            case CorruptionMode::ByteSwap:
                if (hasDifferingNeighbours(sent)) {
                    QVERIFY(isSwap);
                    QCOMPARE(byteSum(got), byteSum(sent)); // why a sum checksum misses it
                } else {
                    QVERIFY(isBit); // the fallback
                }
                break;
            case CorruptionMode::Burst:
                QVERIFY(changed.last() - changed.first() < 8);
                break;
            case CorruptionMode::Mixed:
                break;
            }
        }
        QCOMPARE(netem.stats().corrupted, 3000u);
        if (mode == CorruptionMode::Mixed)
            QVERIFY(singleBit > 300 && swapped > 300 && other > 300);
    }

    void corruptionRateAndEmptyDatagrams()
    {
        constexpr std::uint64_t seed = 53;
        NetemConfig config;
        config.corrupt = 0.3;
        Netem netem(config, seed);
        const QByteArray payload(100, 'c');
        std::vector<Delivery> out;
        constexpr int count = 100000;
        for (int i = 0; i < count; ++i) {
            out.clear();
            const Outcome outcome = netem.process(payload, 0ms, out);
            QCOMPARE(out.front().bytes != payload, outcome.corrupted);
        }
        const double rate = double(netem.stats().corrupted) / count;
        QVERIFY2(std::abs(rate - 0.3) <= 0.01,
                 qPrintable(QStringLiteral("seed %1: rate %2").arg(seed).arg(rate)));

        config.corrupt = 1.0;
        netem.setConfig(config);
        out.clear();
        QVERIFY(!netem.process(QByteArray(), 0ms, out).corrupted);
        QVERIFY(out.front().bytes.isEmpty() && !out.front().corrupted);
    }

    void rateLimitSerializes()
    {
        NetemConfig config;
        config.delay = 0ms;
        config.rateKbps = 100; // 1250 bytes take 100 ms
        Netem netem(config, 61);
        const QByteArray payload(1250, 'b');
        std::vector<Delivery> out;
        for (int i = 0; i < 10; ++i)
            QCOMPARE(netem.process(payload, 0ms, out).lost, LossCause::None);
        QCOMPARE(out.size(), std::size_t(10));
        for (int i = 0; i < 10; ++i)
            QCOMPARE(out[i].at, TimePoint(Duration(100000 * (i + 1))));

        // Once the link is idle again a datagram departs one serialization after it is sent.
        out.clear();
        netem.process(payload, 5s, out);
        QCOMPARE(out.front().at, TimePoint(5s + 100ms));
    }

    void queueLimitTailDrops()
    {
        NetemConfig config;
        config.delay = 1ms;
        config.rateKbps = 100;
        config.queueLimitBytes = 5000; // four 1250-byte datagrams
        Netem netem(config, 62);
        const QByteArray payload(1250, 'q');
        std::vector<Delivery> out;
        for (int i = 0; i < 10; ++i)
            QCOMPARE(netem.process(payload, 0ms, out).lost, i < 4 ? LossCause::None : LossCause::Queue);
        QCOMPARE(out.size(), std::size_t(4));
        QCOMPARE(netem.stats().queueDrops, 6u);
        QCOMPARE(netem.stats().lost, 6u);

        // At 100 ms the first has left: room for exactly one more, behind the others.
        out.clear();
        QCOMPARE(netem.process(payload, 100ms, out).lost, LossCause::None);
        QCOMPARE(out.front().at, TimePoint(501ms));
        QCOMPARE(netem.process(payload, 100ms, out).lost, LossCause::Queue);
    }

    void scriptedFaultDropsTheFirstReply()
    {
        using wire::DatagramKind;
        NetemConfig config;
        config.duplicate = 0.3; // random knobs do not disturb the script
        Netem netem(config, 71);
        netem.addFault({DatagramKind::Reply, std::nullopt, 1u, 1, 1});
        const QList<QByteArray> sequence = {
            datagram(DatagramKind::Request, 7, 1), datagram(DatagramKind::Request, 7, 2),
            datagram(DatagramKind::Reply, 7, 1),   datagram(DatagramKind::Reply, 7, 2),
            datagram(DatagramKind::Request, 7, 1), datagram(DatagramKind::Reply, 7, 1),
            datagram(DatagramKind::Reply, 8, 1),   datagram(DatagramKind::Ack, 7, 1),
        };
        std::vector<Delivery> out;
        for (qsizetype i = 0; i < sequence.size(); ++i) {
            const LossCause lost = netem.process(sequence[i], 0ms, out).lost;
            QCOMPARE(lost, i == 2 ? LossCause::Scripted : LossCause::None);
        }
        QCOMPARE(netem.stats().scriptedDrops, 1u);
        QCOMPARE(netem.stats().lost, 1u);
    }

    void scriptedFaultOccurrenceAndCount()
    {
        using wire::DatagramKind;
        Netem netem({}, 72);
        netem.addFault({DatagramKind::Request, 7u, std::nullopt, 2, 2});
        std::vector<Delivery> out;
        QList<LossCause> causes;
        for (std::uint32_t call = 1; call <= 5; ++call) {
            causes.append(netem.process(datagram(DatagramKind::Request, 7, call), 0ms, out).lost);
            // Other clients and kinds do not count as matches.
            QCOMPARE(netem.process(datagram(DatagramKind::Request, 9, call), 0ms, out).lost, LossCause::None);
            QCOMPARE(netem.process(datagram(DatagramKind::Reply, 7, call), 0ms, out).lost, LossCause::None);
        }
        const QList<LossCause> expected = {LossCause::None, LossCause::Scripted, LossCause::Scripted,
                                           LossCause::None, LossCause::None};
        QCOMPARE(causes, expected);

        // Cleared faults are gone; a new one counts from 1 again.
        netem.clearFaults();
        QCOMPARE(netem.process(datagram(DatagramKind::Request, 7, 6), 0ms, out).lost, LossCause::None);
        netem.addFault({std::nullopt, std::nullopt, std::nullopt, 1, 1});
        // Bytes that are not a datagram match nothing, not even a fault with no fields set.
        QCOMPARE(netem.process(QByteArrayLiteral("garbage"), 0ms, out).lost, LossCause::None);
        QCOMPARE(netem.process(datagram(DatagramKind::Ack, 1, 1), 0ms, out).lost, LossCause::Scripted);
        QCOMPARE(netem.process(datagram(DatagramKind::Ack, 1, 1), 0ms, out).lost, LossCause::None);
    }

    void everyMatchingFaultCounts()
    {
        // Both faults see the first reply: it is the first for one and the
        // first match for the other, so the second reply is the other's 2nd.
        using wire::DatagramKind;
        Netem netem({}, 74);
        netem.addFault({DatagramKind::Reply, std::nullopt, 1u, 1, 1});
        netem.addFault({DatagramKind::Reply, std::nullopt, std::nullopt, 2, 1});
        std::vector<Delivery> out;
        QCOMPARE(netem.process(datagram(DatagramKind::Reply, 7, 1), 0ms, out).lost, LossCause::Scripted);
        QCOMPARE(netem.process(datagram(DatagramKind::Reply, 7, 2), 0ms, out).lost, LossCause::Scripted);
        QCOMPARE(netem.process(datagram(DatagramKind::Reply, 7, 3), 0ms, out).lost, LossCause::None);
        QCOMPARE(netem.stats().scriptedDrops, std::uint64_t(2));
    }

    void scriptedDropConsumesNoRandomDraws()
    {
        using wire::DatagramKind;
        NetemConfig config;
        config.loss = 0.3;
        config.jitter = 2ms;
        config.reorder = 0.1;
        config.duplicate = 0.1;
        config.corrupt = 0.1;
        Netem scripted(config, 73), plain(config, 73);
        scripted.addFault({DatagramKind::Reply, std::nullopt, 5u, 1, 1});
        std::vector<Delivery> a, b;
        for (std::uint32_t call = 1; call <= 200; ++call) {
            for (DatagramKind kind : {DatagramKind::Request, DatagramKind::Reply}) {
                const QByteArray bytes = datagram(kind, 7, call);
                const TimePoint now = Duration(call * 1000);
                const Outcome outcome = scripted.process(bytes, now, a);
                if (kind == DatagramKind::Reply && call == 5) {
                    QCOMPARE(outcome.lost, LossCause::Scripted);
                    continue; // never shown to `plain`
                }
                QVERIFY(sameOutcome(outcome, plain.process(bytes, now, b)));
            }
        }
        QVERIFY(sameDeliveries(a, b));
    }

    void sameSeedSameRun()
    {
        NetemConfig config;
        config.lossModel = LossModel::Gilbert;
        config.loss = 0.1;
        config.delay = 20ms;
        config.jitter = 3ms;
        config.duplicate = 0.05;
        config.reorder = 0.05;
        config.corrupt = 0.05;
        config.rateKbps = 10000;
        config.queueLimitBytes = 20000;
        auto run = [&](std::uint64_t seed, std::vector<Outcome> &outcomes, std::vector<Delivery> &out) {
            Netem netem(config, seed);
            core::Random payloads(99);
            for (int i = 0; i < 10000; ++i) {
                const QByteArray bytes = randomBytes(payloads, qsizetype(payloads.between(0, 1400)));
                outcomes.push_back(netem.process(bytes, Duration(i * 500), out));
            }
        };
        std::vector<Outcome> outcomes1, outcomes2, outcomes3;
        std::vector<Delivery> out1, out2, out3;
        run(5, outcomes1, out1);
        run(5, outcomes2, out2);
        run(6, outcomes3, out3);
        QVERIFY(std::equal(outcomes1.begin(), outcomes1.end(), outcomes2.begin(), outcomes2.end(), sameOutcome));
        QVERIFY(sameDeliveries(out1, out2));
        QVERIFY(!std::equal(outcomes1.begin(), outcomes1.end(), outcomes3.begin(), outcomes3.end(), sameOutcome));
        QVERIFY(!sameDeliveries(out1, out3));
        // The run exercised every impairment, queue drops included.
        auto count = [&](auto predicate) { return std::count_if(outcomes1.begin(), outcomes1.end(), predicate); };
        QVERIFY(count([](const Outcome &o) { return o.lost == LossCause::Random; }) > 0);
        QVERIFY(count([](const Outcome &o) { return o.lost == LossCause::Queue; }) > 0);
        QVERIFY(count([](const Outcome &o) { return o.duplicated; }) > 0);
        QVERIFY(count([](const Outcome &o) { return o.reordered; }) > 0);
        QVERIFY(count([](const Outcome &o) { return o.corrupted; }) > 0);
    }

    void setConfigAppliesToTheNextDatagram()
    {
        Netem netem({}, 81);
        const QByteArray payload(1250, 's');
        std::vector<Delivery> out;
        for (int i = 0; i < 100; ++i)
            QCOMPARE(netem.process(payload, 0ms, out).lost, LossCause::None);
        NetemConfig config = netem.config();
        config.loss = 1.0;
        netem.setConfig(config);
        QCOMPARE(netem.config(), config);
        QCOMPARE(netem.process(payload, 0ms, out).lost, LossCause::Random);

        config.loss = 0.0;
        config.delay = 40ms;
        netem.setConfig(config);
        out.clear();
        netem.process(payload, 1s, out);
        QCOMPARE(out.front().at, TimePoint(1s + 40ms));
    }

    void setConfigKeepsTheLinkQueue()
    {
        NetemConfig config;
        config.delay = 0ms;
        config.rateKbps = 100;
        Netem netem(config, 82);
        const QByteArray payload(1250, 'k');
        std::vector<Delivery> out;
        for (int i = 0; i < 3; ++i)
            netem.process(payload, 0ms, out);
        config.delay = 10ms;
        netem.setConfig(config);
        out.clear();
        netem.process(payload, 0ms, out);
        QCOMPARE(out.front().at, TimePoint(400ms + 10ms)); // still behind the three before it
    }

    void setConfigKeepsTheGilbertBurst()
    {
        // Bursts of 1000 on average: once in the bad state, the next datagram
        // is lost too unless the chain was reset to good.
        NetemConfig config;
        config.lossModel = LossModel::Gilbert;
        config.loss = 0.5;
        config.gilbertBurstLength = 1000;
        Netem netem(config, 83);
        const QByteArray payload(10, 'g');
        std::vector<Delivery> out;
        int sent = 0;
        while (netem.process(payload, 0ms, out).lost == LossCause::None)
            QVERIFY(++sent < 100000);
        config.delay = 2ms;
        netem.setConfig(config);
        QCOMPARE(netem.process(payload, 0ms, out).lost, LossCause::Random);
    }
};

QTEST_GUILESS_MAIN(TestNetem)
#include "tst_netem.moc"
