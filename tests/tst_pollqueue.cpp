// PollQueue, how a sans-IO core hands datagrams, completions and executions
// to its driver: first in, first out, whether the driver empties it each
// round or leaves some behind.
#include "core/pollqueue.h"

#include <QTest>

#include <memory>

using rpcscope::core::PollQueue;

class TestPollQueue : public QObject
{
    Q_OBJECT

private slots:
    void handsOutInOrderAcrossRounds();
    void aDriverThatLeavesSomeStillGetsEverythingInOrder();
    void movesItemsOut();
};

void TestPollQueue::handsOutInOrderAcrossRounds()
{
    PollQueue<int> q;
    int out = -1;
    QVERIFY(q.isEmpty());
    QVERIFY(!q.poll(out));
    QCOMPARE(out, -1);
    int next = 0, expected = 0;
    for (int round = 0; round < 100; ++round) {
        for (int i = 0; i <= round % 7; ++i)
            q.push(next++);
        QVERIFY(!q.isEmpty());
        while (q.poll(out))
            QCOMPARE(out, expected++);
        QVERIFY(q.isEmpty());
    }
    QCOMPARE(expected, next);
}

// A driver taking one item per round while two arrive, then draining: the
// queue compacts what was taken as it goes, and order never changes.
void TestPollQueue::aDriverThatLeavesSomeStillGetsEverythingInOrder()
{
    PollQueue<int> q;
    int next = 0, expected = 0, out = -1;
    for (int round = 0; round < 1'000; ++round) {
        q.push(next++);
        q.push(next++);
        QVERIFY(q.poll(out));
        QCOMPARE(out, expected++);
        QVERIFY(!q.isEmpty());
    }
    while (q.poll(out))
        QCOMPARE(out, expected++);
    QCOMPARE(expected, next);
    QVERIFY(q.isEmpty());
    q.push(7); // usable again after draining
    QVERIFY(q.poll(out));
    QCOMPARE(out, 7);
}

void TestPollQueue::movesItemsOut()
{
    PollQueue<std::unique_ptr<int>> q;
    for (int i = 0; i < 100; ++i)
        q.push(std::make_unique<int>(i));
    std::unique_ptr<int> out;
    for (int i = 0; i < 100; ++i) {
        QVERIFY(q.poll(out));
        QVERIFY(out);
        QCOMPARE(*out, i);
    }
    QVERIFY(!q.poll(out));
}

QTEST_GUILESS_MAIN(TestPollQueue)
#include "tst_pollqueue.moc"
