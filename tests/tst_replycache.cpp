// ReplyCache, the server's at-most-once memory: every way an entry changes
// state or leaves (ack, ack-below, age, byte cap), what each departure
// reports, the byte accounting behind the cap, and that the aging queue stays
// proportional to the cache rather than to the calls ever made.
#include "testprinters.h"
#include "core/replycache.h"

#include <QTest>

using namespace rpcscope;
using core::Duration;
using core::ReplyCache;
using core::TimePoint;
using trace::EvictReason;
using State = ReplyCache::State;
using Evictions = std::vector<ReplyCache::Eviction>;

namespace {

// What an entry costs against the cap besides its reply (ReplyCache::cost).
constexpr std::int64_t kEntryCost = 64;
constexpr std::uint32_t kClient = 7;
constexpr core::HostId kHost = 3;

ReplyCache::Limits limits(std::int64_t maxBytes, std::int64_t maxAgeUs)
{
    ReplyCache::Limits l;
    l.maxBytes = maxBytes;
    l.maxAge = Duration(maxAgeUs);
    return l;
}

TimePoint at(std::int64_t us)
{
    return TimePoint(us);
}

} // namespace

class TestReplyCache : public QObject
{
    Q_OBJECT

private slots:
    void insertAndFind();
    void completeStoresReplyAndGrowsBytes();
    void completeIgnoresUnknownAndFinished();
    void acknowledgeTurnsDoneIntoAcked();
    void acknowledgeOnlyDone();
    void acknowledgeBelowRemovesFinishedKeepsInProgress();
    void acknowledgeBelowNeverMovesBack();
    void inProgressBelowAckBelowGoesWhenItCompletes();
    void acknowledgeBelowIsPerClient();
    void expireExactlyAtMaxAge();
    void expireTakesEveryFinishedStateQuietlyExceptDone();
    void expireNeverTouchesInProgress();
    void nextExpiryFollowsCompletionOrder();
    void byteCapTombstonesOldestDoneFirst();
    void byteCapNeverTouchesInProgress();
    void tombstoneThenExpires();
    void agingQueueStaysBoundedWithAckBelow();
    void agingQueueStaysBoundedWithExplicitAcks();
    void ageRaisesTheForgottenMark();
    void idleClientsKeepTheirMarksUntilAgeOrCrowding();
    void activeClientsAreCountedPerHost();
    void clientsGoingIdleAgainAndAgainKeepTheirOrder();
    void runningHandlersAreCountedWithTheirClient();
};

void TestReplyCache::insertAndFind()
{
    ReplyCache cache;
    QVERIFY(!cache.find(kClient, 1));
    QCOMPARE(cache.size(), 0);
    QCOMPARE(cache.bytes(), 0);

    ReplyCache::Entry &entry = cache.insert(kClient, 1, kHost);
    QCOMPARE(entry.state, State::InProgress);
    QCOMPARE(entry.host, kHost);
    QVERIFY(entry.reply.isEmpty());

    ReplyCache::Entry *found = cache.find(kClient, 1);
    QVERIFY(found);
    QCOMPARE(found, &entry);
    QVERIFY(!cache.find(kClient, 2));
    QVERIFY(!cache.find(kClient + 1, 1));
    QCOMPARE(cache.size(), 1);
    QCOMPARE(cache.bytes(), kEntryCost);

    cache.insert(kClient + 1, 1, kHost + 1);
    QCOMPARE(cache.size(), 2);
    QCOMPARE(cache.bytes(), 2 * kEntryCost);
    QCOMPARE(cache.find(kClient + 1, 1)->host, core::HostId(kHost + 1));
    QCOMPARE(cache.find(kClient, 1)->host, kHost);
}

void TestReplyCache::completeStoresReplyAndGrowsBytes()
{
    ReplyCache cache;
    Evictions evicted;
    cache.insert(kClient, 1, kHost);
    const QByteArray reply("the answer is 42");
    cache.complete(kClient, 1, reply, at(5'000), evicted);
    QVERIFY(evicted.empty());

    const ReplyCache::Entry *entry = cache.find(kClient, 1);
    QVERIFY(entry);
    QCOMPARE(entry->state, State::Done);
    QCOMPARE(entry->reply, reply);
    QCOMPARE(entry->doneAt.count(), 5'000);
    QCOMPARE(cache.size(), 1);
    QCOMPARE(cache.bytes(), kEntryCost + reply.size());

    cache.insert(kClient, 2, kHost);
    cache.complete(kClient, 2, QByteArray("err"), at(6'000), evicted);
    QCOMPARE(cache.find(kClient, 2)->reply, QByteArray("err"));
    QCOMPARE(cache.bytes(), 2 * kEntryCost + reply.size() + 3);
    QCOMPARE(cache.size(), 2);
}

void TestReplyCache::completeIgnoresUnknownAndFinished()
{
    ReplyCache cache;
    Evictions evicted;
    cache.complete(kClient, 1, QByteArray("x"), at(1), evicted); // never inserted
    QCOMPARE(cache.size(), 0);
    QCOMPARE(cache.bytes(), 0);
    QVERIFY(!cache.find(kClient, 1));

    cache.insert(kClient, 1, kHost);
    cache.complete(kClient, 1, QByteArray("first"), at(10), evicted);
    cache.complete(kClient, 1, QByteArray("second, longer"), at(20), evicted);
    const ReplyCache::Entry *entry = cache.find(kClient, 1);
    QCOMPARE(entry->reply, QByteArray("first"));
    QCOMPARE(entry->doneAt.count(), 10);
    QCOMPARE(cache.bytes(), kEntryCost + 5);
    QVERIFY(evicted.empty());
}

void TestReplyCache::acknowledgeTurnsDoneIntoAcked()
{
    ReplyCache cache;
    Evictions evicted;
    cache.insert(kClient, 4, kHost);
    cache.complete(kClient, 4, QByteArray(1000, 'r'), at(100), evicted);
    QCOMPARE(cache.bytes(), kEntryCost + 1000);

    QVERIFY(cache.acknowledge(kClient, 4, evicted));
    QCOMPARE(evicted.size(), std::size_t(1));
    QCOMPARE(evicted[0].clientId, kClient);
    QCOMPARE(evicted[0].callId, 4u);
    QCOMPARE(evicted[0].host, kHost);
    QCOMPARE(evicted[0].reason, EvictReason::Acked);

    const ReplyCache::Entry *entry = cache.find(kClient, 4);
    QVERIFY(entry); // kept, so a delayed copy of the request is recognised
    QCOMPARE(entry->state, State::Acked);
    QVERIFY(entry->reply.isEmpty());
    QCOMPARE(cache.bytes(), kEntryCost);
    QCOMPARE(cache.size(), 1);

    // A second ack of the same reply changes nothing and reports nothing.
    evicted.clear();
    QVERIFY(!cache.acknowledge(kClient, 4, evicted));
    QVERIFY(evicted.empty());
    QCOMPARE(cache.bytes(), kEntryCost);
}

void TestReplyCache::acknowledgeOnlyDone()
{
    ReplyCache cache;
    Evictions evicted;
    QVERIFY(!cache.acknowledge(kClient, 1, evicted)); // unknown client
    cache.insert(kClient, 1, kHost);
    QVERIFY(!cache.acknowledge(kClient, 2, evicted)); // unknown call
    QVERIFY(!cache.acknowledge(kClient, 1, evicted)); // still running
    QCOMPARE(cache.find(kClient, 1)->state, State::InProgress);
    QVERIFY(evicted.empty());
    QCOMPARE(cache.size(), 1);
    QCOMPARE(cache.bytes(), kEntryCost);
}

void TestReplyCache::acknowledgeBelowRemovesFinishedKeepsInProgress()
{
    ReplyCache cache;
    Evictions evicted;
    for (std::uint32_t id = 1; id <= 6; ++id)
        cache.insert(kClient, id, kHost);
    cache.complete(kClient, 1, QByteArray("one"), at(1), evicted);
    cache.complete(kClient, 2, QByteArray("two"), at(2), evicted);
    // 3 stays in progress
    cache.complete(kClient, 4, QByteArray("four"), at(4), evicted);
    QVERIFY(cache.acknowledge(kClient, 4, evicted)); // Acked: already reported
    cache.complete(kClient, 5, QByteArray("five"), at(5), evicted);
    cache.complete(kClient, 6, QByteArray("six"), at(6), evicted);
    evicted.clear();

    cache.acknowledgeBelow(kClient, 6, evicted);
    QCOMPARE(cache.ackBelow(kClient), 6u);
    // Reported: the three Done replies below 6 (1, 2, 5); the Acked record of
    // 4 leaves silently, 3 is running and stays, 6 is not below.
    QCOMPARE(evicted.size(), std::size_t(3));
    QCOMPARE(evicted[0].callId, 1u);
    QCOMPARE(evicted[1].callId, 2u);
    QCOMPARE(evicted[2].callId, 5u);
    for (const auto &e : evicted) {
        QCOMPARE(e.reason, EvictReason::Acked);
        QCOMPARE(e.clientId, kClient);
        QCOMPARE(e.host, kHost);
    }
    QVERIFY(!cache.find(kClient, 1));
    QVERIFY(!cache.find(kClient, 2));
    QVERIFY(!cache.find(kClient, 4));
    QVERIFY(!cache.find(kClient, 5));
    QVERIFY(cache.find(kClient, 3));
    QCOMPARE(cache.find(kClient, 3)->state, State::InProgress);
    QVERIFY(cache.find(kClient, 6));
    QCOMPARE(cache.find(kClient, 6)->state, State::Done);
    QCOMPARE(cache.size(), 2);
    QCOMPARE(cache.bytes(), 2 * kEntryCost + 3);
}

void TestReplyCache::acknowledgeBelowNeverMovesBack()
{
    ReplyCache cache;
    Evictions evicted;
    cache.acknowledgeBelow(kClient, 10, evicted);
    QCOMPARE(cache.ackBelow(kClient), 10u);
    cache.insert(kClient, 12, kHost);
    cache.complete(kClient, 12, QByteArray("x"), at(1), evicted);
    // A lower ack-below (a reordered, older datagram) neither moves it back nor evicts.
    cache.acknowledgeBelow(kClient, 4, evicted);
    QCOMPARE(cache.find(kClient, 12)->state, State::Done);
    QCOMPARE(cache.ackBelow(kClient), 10u);
    QVERIFY(evicted.empty());
    QCOMPARE(cache.ackBelow(kClient + 1), 0u);
}

void TestReplyCache::inProgressBelowAckBelowGoesWhenItCompletes()
{
    ReplyCache cache;
    Evictions evicted;
    cache.insert(kClient, 1, kHost);
    cache.insert(kClient, 2, kHost);
    cache.acknowledgeBelow(kClient, 3, evicted);
    QVERIFY(evicted.empty());
    QCOMPARE(cache.size(), 2);

    cache.complete(kClient, 2, QByteArray("late"), at(50), evicted);
    QCOMPARE(evicted.size(), std::size_t(1));
    QCOMPARE(evicted[0].callId, 2u);
    QCOMPARE(evicted[0].reason, EvictReason::Acked);
    QVERIFY(!cache.find(kClient, 2));
    QCOMPARE(cache.find(kClient, 1)->state, State::InProgress);
    QCOMPARE(cache.size(), 1);
    QCOMPARE(cache.bytes(), kEntryCost);
}

void TestReplyCache::acknowledgeBelowIsPerClient()
{
    ReplyCache cache;
    Evictions evicted;
    cache.insert(1, 1, 1);
    cache.insert(2, 1, 2);
    cache.complete(1, 1, QByteArray("a"), at(1), evicted);
    cache.complete(2, 1, QByteArray("b"), at(1), evicted);
    cache.acknowledgeBelow(1, 2, evicted);
    QCOMPARE(evicted.size(), std::size_t(1));
    QCOMPARE(evicted[0].clientId, 1u);
    QCOMPARE(evicted[0].host, core::HostId(1));
    QVERIFY(!cache.find(1, 1));
    QCOMPARE(cache.find(2, 1)->state, State::Done);
}

void TestReplyCache::expireExactlyAtMaxAge()
{
    ReplyCache cache(limits(1 << 20, 10'000));
    Evictions evicted;
    cache.insert(kClient, 1, kHost);
    QVERIFY(!cache.nextExpiry()); // nothing finished yet
    cache.complete(kClient, 1, QByteArray("r"), at(1'000), evicted);
    QCOMPARE(cache.nextExpiry().value().count(), 11'000);

    cache.expire(at(10'999), evicted);
    QVERIFY(evicted.empty());
    QCOMPARE(cache.find(kClient, 1)->state, State::Done);

    cache.expire(at(11'000), evicted);
    QCOMPARE(evicted.size(), std::size_t(1));
    QCOMPARE(evicted[0].callId, 1u);
    QCOMPARE(evicted[0].clientId, kClient);
    QCOMPARE(evicted[0].host, kHost);
    QCOMPARE(evicted[0].reason, EvictReason::Age);
    QVERIFY(!cache.find(kClient, 1));
    QCOMPARE(cache.size(), 0);
    QCOMPARE(cache.bytes(), 0);
    // What is left is the client's marks, which have an age limit of their own.
    QCOMPARE(cache.forgottenBelow(kClient), 2u);
    QCOMPARE(cache.nextExpiry().value(), at(11'000) + cache.limits().maxIdleAge);
}

void TestReplyCache::expireTakesEveryFinishedStateQuietlyExceptDone()
{
    // Done, Acked and Tombstone all age out; only Done still holds a reply, so
    // only it is reported (the others were reported when their reply left).
    ReplyCache cache(limits(1 << 20, 1'000));
    Evictions evicted;
    for (std::uint32_t id = 1; id <= 3; ++id) {
        cache.insert(kClient, id, kHost);
        cache.complete(kClient, id, QByteArray(10, 'x'), at(100), evicted);
    }
    QVERIFY(cache.acknowledge(kClient, 2, evicted));
    cache.setLimits(limits(0, 1'000));
    cache.insert(kClient, 4, kHost); // complete() is where the cap is enforced
    cache.complete(kClient, 4, QByteArray(), at(200), evicted);
    QCOMPARE(cache.find(kClient, 1)->state, State::Tombstone);
    QCOMPARE(cache.find(kClient, 2)->state, State::Acked);
    QCOMPARE(cache.find(kClient, 3)->state, State::Tombstone);
    QCOMPARE(cache.find(kClient, 4)->state, State::Tombstone);
    evicted.clear();

    cache.expire(at(1'100), evicted);
    QVERIFY(evicted.empty());
    QVERIFY(!cache.find(kClient, 1));
    QVERIFY(!cache.find(kClient, 2));
    QVERIFY(!cache.find(kClient, 3));
    QVERIFY(cache.find(kClient, 4));
    QCOMPARE(cache.size(), 1);
    QCOMPARE(cache.bytes(), kEntryCost);
    QCOMPARE(cache.nextExpiry().value().count(), 1'200);
}

void TestReplyCache::expireNeverTouchesInProgress()
{
    ReplyCache cache(limits(1 << 20, 1'000));
    Evictions evicted;
    cache.insert(kClient, 1, kHost);
    cache.expire(at(1'000'000'000), evicted);
    QVERIFY(evicted.empty());
    QCOMPARE(cache.find(kClient, 1)->state, State::InProgress);
    QCOMPARE(cache.size(), 1);
    // Its age counts from when it finished, not from when it started.
    cache.complete(kClient, 1, QByteArray("r"), at(1'000'000'000), evicted);
    QCOMPARE(cache.nextExpiry().value().count(), 1'000'001'000);
}

void TestReplyCache::nextExpiryFollowsCompletionOrder()
{
    ReplyCache cache(limits(1 << 20, 500));
    Evictions evicted;
    cache.insert(kClient, 1, kHost);
    cache.insert(kClient, 2, kHost);
    cache.insert(kClient, 3, kHost);
    cache.complete(kClient, 2, QByteArray("b"), at(100), evicted);
    cache.complete(kClient, 3, QByteArray("c"), at(150), evicted);
    cache.complete(kClient, 1, QByteArray("a"), at(300), evicted);
    QCOMPARE(cache.nextExpiry().value().count(), 600);
    cache.expire(at(600), evicted);
    QCOMPARE(evicted.size(), std::size_t(1));
    QCOMPARE(evicted[0].callId, 2u);
    QCOMPARE(cache.nextExpiry().value().count(), 650);
    cache.expire(at(799), evicted);
    QCOMPARE(evicted.size(), std::size_t(2));
    QCOMPARE(evicted[1].callId, 3u);
    QCOMPARE(cache.nextExpiry().value().count(), 800);
    cache.expire(at(800), evicted);
    QCOMPARE(evicted.size(), std::size_t(3));
    QCOMPARE(evicted[2].callId, 1u);
    // Then only the client's idle record, dated when its last entry left.
    QCOMPARE(cache.nextExpiry().value(), at(800) + cache.limits().maxIdleAge);
    QCOMPARE(cache.size(), 0);
}

void TestReplyCache::byteCapTombstonesOldestDoneFirst()
{
    // Three 100-byte replies cost 3 * 164 = 492; the cap of 400 holds two.
    ReplyCache cache(limits(400, 1'000'000));
    Evictions evicted;
    for (std::uint32_t id = 1; id <= 3; ++id)
        cache.insert(kClient, id, kHost);
    // Finish out of id order: age is what counts, not the call id.
    cache.complete(kClient, 3, QByteArray(100, 'c'), at(10), evicted);
    cache.complete(kClient, 1, QByteArray(100, 'a'), at(20), evicted);
    QVERIFY(evicted.empty());
    QCOMPARE(cache.bytes(), 3 * kEntryCost + 200);

    cache.complete(kClient, 2, QByteArray(100, 'b'), at(30), evicted);
    QCOMPARE(evicted.size(), std::size_t(1));
    QCOMPARE(evicted[0].callId, 3u);
    QCOMPARE(evicted[0].reason, EvictReason::Bytes);
    QCOMPARE(evicted[0].host, kHost);
    QCOMPARE(cache.find(kClient, 3)->state, State::Tombstone);
    QVERIFY(cache.find(kClient, 3)->reply.isEmpty());
    QCOMPARE(cache.find(kClient, 1)->state, State::Done);
    QCOMPARE(cache.find(kClient, 2)->state, State::Done);
    QCOMPARE(cache.size(), 3);
    QCOMPARE(cache.bytes(), 3 * kEntryCost + 200);
    QVERIFY(cache.bytes() <= 400);

    // A bigger reply pushes out the next oldest, and as many as needed.
    cache.insert(kClient, 4, kHost);
    evicted.clear();
    cache.complete(kClient, 4, QByteArray(150, 'd'), at(40), evicted);
    // 4 * 64 + 100 + 100 + 150 = 606 -> drop 1 (506) -> drop 2 (406) -> drop 4 (256).
    QCOMPARE(evicted.size(), std::size_t(3));
    QCOMPARE(evicted[0].callId, 1u);
    QCOMPARE(evicted[1].callId, 2u);
    QCOMPARE(evicted[2].callId, 4u);
    QCOMPARE(cache.bytes(), 4 * kEntryCost);
    for (std::uint32_t id = 1; id <= 4; ++id)
        QCOMPARE(cache.find(kClient, id)->state, State::Tombstone);
}

void TestReplyCache::byteCapNeverTouchesInProgress()
{
    ReplyCache cache(limits(0, 1'000'000));
    Evictions evicted;
    for (std::uint32_t id = 1; id <= 5; ++id)
        cache.insert(kClient, id, kHost);
    cache.complete(kClient, 3, QByteArray(10, 'x'), at(1), evicted);
    QCOMPARE(evicted.size(), std::size_t(1));
    QCOMPARE(evicted[0].callId, 3u);
    QCOMPARE(evicted[0].reason, EvictReason::Bytes);
    for (std::uint32_t id : {1u, 2u, 4u, 5u})
        QCOMPARE(cache.find(kClient, id)->state, State::InProgress);
    QCOMPARE(cache.find(kClient, 3)->state, State::Tombstone);
    QCOMPARE(cache.size(), 5);
    QCOMPARE(cache.bytes(), 5 * kEntryCost); // over the cap, but nothing more may go
}

void TestReplyCache::tombstoneThenExpires()
{
    ReplyCache cache(limits(0, 1'000));
    Evictions evicted;
    cache.insert(kClient, 1, kHost);
    cache.complete(kClient, 1, QByteArray(10, 'x'), at(5), evicted);
    QCOMPARE(cache.find(kClient, 1)->state, State::Tombstone);
    QVERIFY(!cache.acknowledge(kClient, 1, evicted)); // nothing left to ack
    QCOMPARE(cache.nextExpiry().value().count(), 1'005);
    evicted.clear();
    cache.expire(at(1'005), evicted);
    QVERIFY(evicted.empty());
    QVERIFY(!cache.find(kClient, 1));
    QCOMPARE(cache.size(), 0);
    QCOMPARE(cache.bytes(), 0);
}

void TestReplyCache::agingQueueStaysBoundedWithAckBelow()
{
    // Implicit mode's pattern: each request carries ack-below = its own id, so
    // the previous call leaves the cache before the next one enters. With the
    // age limit far away, only the queue's own compaction keeps it small; a
    // stale record at its front would show as an ever older nextExpiry().
    constexpr std::int64_t maxAge = 1'000'000'000;
    constexpr int cycles = 100'000;
    constexpr int bound = 2 * 1 + 4096 + 2; // the queue's allowance over the live entries
    ReplyCache cache(limits(1 << 20, maxAge));
    Evictions evicted;
    const QByteArray reply(20, 'r');
    for (int i = 1; i <= cycles; ++i) {
        const auto id = std::uint32_t(i);
        cache.acknowledgeBelow(kClient, id, evicted);
        QCOMPARE(cache.size(), 0);
        cache.insert(kClient, id, kHost);
        cache.complete(kClient, id, reply, at(i), evicted);
        if (cache.size() != 1 || cache.bytes() != kEntryCost + reply.size())
            QFAIL(qPrintable(QStringLiteral("cycle %1: size %2 bytes %3")
                                 .arg(i).arg(cache.size()).arg(cache.bytes())));
        const std::int64_t oldest = cache.nextExpiry().value().count() - maxAge;
        if (oldest < i - bound)
            QFAIL(qPrintable(QStringLiteral("cycle %1: aging queue reaches back to %2")
                                 .arg(i).arg(oldest)));
    }
    QCOMPARE(evicted.size(), std::size_t(cycles - 1));
    cache.acknowledgeBelow(kClient, cycles + 1, evicted);
    QCOMPARE(cache.size(), 0);
    QCOMPARE(cache.bytes(), 0);
    QCOMPARE(evicted.size(), std::size_t(cycles));
}

void TestReplyCache::agingQueueStaysBoundedWithExplicitAcks()
{
    // Explicit mode's pattern: the client acks each reply (Done -> Acked), and
    // its next request's ack-below removes the Acked record.
    constexpr std::int64_t maxAge = 1'000'000'000;
    constexpr int cycles = 100'000;
    constexpr int bound = 2 * 1 + 4096 + 2;
    ReplyCache cache(limits(1 << 20, maxAge));
    Evictions evicted;
    for (int i = 1; i <= cycles; ++i) {
        const auto id = std::uint32_t(i);
        cache.acknowledgeBelow(kClient, id, evicted);
        if (cache.size() != 0)
            QFAIL(qPrintable(QStringLiteral("cycle %1: size %2 after ack-below").arg(i).arg(cache.size())));
        cache.insert(kClient, id, kHost);
        cache.complete(kClient, id, QByteArray(20, 'r'), at(i), evicted);
        if (!cache.acknowledge(kClient, id, evicted))
            QFAIL(qPrintable(QStringLiteral("cycle %1: ack refused").arg(i)));
        if (cache.size() != 1 || cache.bytes() != kEntryCost)
            QFAIL(qPrintable(QStringLiteral("cycle %1: size %2 bytes %3")
                                 .arg(i).arg(cache.size()).arg(cache.bytes())));
        const std::int64_t oldest = cache.nextExpiry().value().count() - maxAge;
        if (oldest < i - bound)
            QFAIL(qPrintable(QStringLiteral("cycle %1: aging queue reaches back to %2")
                                 .arg(i).arg(oldest)));
    }
    // One report per reply, from the explicit ack; ack-below adds none.
    QCOMPARE(evicted.size(), std::size_t(cycles));
    for (const auto &e : evicted)
        QCOMPARE(e.reason, EvictReason::Acked);
}

void TestReplyCache::ageRaisesTheForgottenMark()
{
    // Only age raises it: what the client acknowledged is covered by its
    // ack-below, and a reply evicted for bytes leaves a tombstone.
    ReplyCache cache(limits(1 << 20, 1'000));
    Evictions evicted;
    for (std::uint32_t id = 1; id <= 4; ++id)
        cache.insert(kClient, id, kHost);
    cache.complete(kClient, 2, QByteArray("2"), at(10), evicted);
    cache.complete(kClient, 3, QByteArray("3"), at(20), evicted);
    QVERIFY(cache.acknowledge(kClient, 3, evicted));
    QCOMPARE(cache.forgottenBelow(kClient), 0u);
    cache.expire(at(1'015), evicted);
    QCOMPARE(cache.forgottenBelow(kClient), 3u);
    cache.expire(at(1'020), evicted);
    QCOMPARE(cache.forgottenBelow(kClient), 4u);
    // 1 and 4 are running: still there, and the client still active.
    QVERIFY(cache.find(kClient, 1));
    QVERIFY(cache.find(kClient, 4));
    QVERIFY(cache.isActive(kClient));
    QCOMPARE(cache.forgottenBelow(kClient + 1), 0u);
}

void TestReplyCache::idleClientsKeepTheirMarksUntilAgeOrCrowding()
{
    ReplyCache::Limits l = limits(1 << 20, 1'000);
    l.maxIdleClients = 3;
    l.maxIdleAge = Duration(10'000);
    ReplyCache cache(l);
    Evictions evicted;
    // Five clients, each done at a later time, all aged out together.
    for (std::uint32_t client = 1; client <= 5; ++client) {
        cache.insert(client, 7, kHost);
        cache.complete(client, 7, QByteArray("r"), at(client), evicted);
    }
    QCOMPARE(cache.activeClientCount(), 5);
    cache.expire(at(2'000), evicted);
    QCOMPARE(cache.activeClientCount(), 0);
    QCOMPARE(cache.activeClientsOn(kHost), 0);
    // Crowding: the two that went idle first are gone with their marks.
    QCOMPARE(cache.idleClientCount(), 3);
    QVERIFY(!cache.knowsClient(1));
    QVERIFY(!cache.knowsClient(2));
    for (std::uint32_t client = 3; client <= 5; ++client) {
        QVERIFY(cache.knowsClient(client));
        QVERIFY(!cache.isActive(client));
        QCOMPARE(cache.forgottenBelow(client), 8u);
    }
    // A client that calls again is active, not idle, and is not crowded out.
    cache.insert(3, 8, kHost);
    QCOMPARE(cache.idleClientCount(), 2);
    QCOMPARE(cache.forgottenBelow(3), 8u);
    // Age: the idle records go at 2,000 + 10,000; the active one stays.
    QCOMPARE(cache.nextExpiry().value(), at(12'000));
    cache.expire(at(11'999), evicted);
    QCOMPARE(cache.idleClientCount(), 2);
    cache.expire(at(12'000), evicted);
    QCOMPARE(cache.idleClientCount(), 0);
    QCOMPARE(cache.clientCount(), 1);
    QVERIFY(cache.isActive(3));
}

void TestReplyCache::activeClientsAreCountedPerHost()
{
    ReplyCache cache;
    Evictions evicted;
    cache.insert(1, 1, 4);
    cache.insert(1, 2, 4); // the same client again: counted once
    cache.insert(2, 1, 4);
    cache.insert(3, 1, 5);
    QCOMPARE(cache.activeClientCount(), 3);
    QCOMPARE(cache.activeClientsOn(4), 2);
    QCOMPARE(cache.activeClientsOn(5), 1);
    cache.complete(2, 1, QByteArray("r"), at(1), evicted);
    cache.acknowledgeBelow(2, 2, evicted);
    QCOMPARE(cache.activeClientsOn(4), 1);
    QCOMPARE(cache.activeClientCount(), 2);
    // A refused newcomer leaves nothing behind; release forgets any client
    // without entries, an idle one with its marks.
    cache.acknowledgeBelow(9, 1, evicted);
    cache.releaseIfEmpty(9);
    QVERIFY(!cache.knowsClient(9));
    QCOMPARE(cache.idleClientCount(), 1);
    cache.releaseIfEmpty(1);
    QVERIFY(cache.knowsClient(1)); // it has entries
    cache.releaseIfEmpty(2);
    QVERIFY(!cache.knowsClient(2));
    QCOMPARE(cache.idleClientCount(), 0);
}

// A blocking client goes active and idle once a call; the cache recycles
// its place in the idle order rather than allocating one each time. The
// order must still be least recently idle first, whatever was recycled.
void TestReplyCache::clientsGoingIdleAgainAndAgainKeepTheirOrder()
{
    ReplyCache::Limits l = limits(1 << 20, 1'000'000);
    l.maxIdleClients = 1'000;
    l.maxIdleAge = Duration(100);
    ReplyCache cache(l);
    Evictions evicted;
    // Clients 1..4 call and are answered round after round; each round ends
    // with every client idle, going idle in a different order each round.
    std::uint32_t call = 1;
    for (int round = 0; round < 50; ++round, ++call) {
        for (std::uint32_t client = 1; client <= 4; ++client) {
            cache.insert(client, call, kHost);
            QCOMPARE(cache.activeClientsOn(kHost), int(client));
        }
        for (std::uint32_t k = 0; k < 4; ++k) {
            const std::uint32_t client = 1 + (k + std::uint32_t(round)) % 4;
            cache.passTime(at(round * 10 + int(k)));
            cache.complete(client, call, QByteArray("r"), at(round * 10 + int(k)), evicted);
            cache.acknowledgeBelow(client, call + 1, evicted);
        }
        QCOMPARE(cache.activeClientCount(), 0);
        QCOMPARE(cache.activeClientsOn(kHost), 0);
        QCOMPARE(cache.idleClientCount(), 4);
    }
    // The last round (49) went idle in the order 2, 3, 4, 1, at 490..493:
    // age takes them in that order, one per microsecond.
    const std::uint32_t order[] = {2, 3, 4, 1};
    for (int k = 0; k < 4; ++k) {
        QCOMPARE(cache.nextExpiry().value(), at(490 + k + 100));
        cache.expire(at(490 + k + 100), evicted);
        QVERIFY2(!cache.knowsClient(order[k]), qPrintable(QStringLiteral("client %1").arg(order[k])));
        for (int later = k + 1; later < 4; ++later)
            QVERIFY(cache.knowsClient(order[later]));
    }
    QCOMPARE(cache.clientCount(), 0);
}

void TestReplyCache::runningHandlersAreCountedWithTheirClient()
{
    ReplyCache cache;
    Evictions evicted;
    QCOMPARE(cache.running(kClient), 0);
    cache.addRunning(kClient, +1); // no entry, no client: nothing to count against
    QCOMPARE(cache.running(kClient), 0);
    QVERIFY(!cache.knowsClient(kClient));
    cache.insert(kClient, 1, kHost);
    cache.insert(kClient, 2, kHost);
    cache.addRunning(kClient, +1);
    cache.addRunning(kClient, +1);
    QCOMPARE(cache.running(kClient), 2);
    QCOMPARE(cache.running(kClient + 1), 0);
    cache.addRunning(kClient, -1);
    cache.complete(kClient, 1, QByteArray("r"), at(1), evicted);
    QCOMPARE(cache.running(kClient), 1);
    cache.addRunning(kClient, -1);
    cache.addRunning(kClient, -1); // never below zero
    QCOMPARE(cache.running(kClient), 0);
}

QTEST_GUILESS_MAIN(TestReplyCache)
#include "tst_replycache.moc"
