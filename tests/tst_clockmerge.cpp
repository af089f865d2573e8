// The sans-IO halves of remote classroom mode: estimating a server's clock
// from round trips (ClockOffset, Cristian's algorithm) and merging its
// events with the clients' into one trace in time order (TraceMerger).
#include "remote/clockoffset.h"
#include "remote/tracemerger.h"
#include "trace/tracelog.h"
#include "traceevents.h"

#include <QTest>

using namespace rpcscope;
using testsupport::eventsOf;
using core::Duration;
using core::TimePoint;
using trace::EventKind;

namespace {

trace::Event at(std::int64_t timeUs, EventKind kind, std::uint32_t callId = 1)
{
    trace::Event e;
    e.timeUs = timeUs;
    e.kind = kind;
    e.callId = callId;
    return e;
}

} // namespace

class TestClockMerge : public QObject
{
    Q_OBJECT

private slots:
    // A server 5 s ahead that reads its clock somewhere in each round trip:
    // the estimate is the midpoint's, within half the fastest round trip,
    // and the true offset lies inside that bound.
    void offsetFromTheFastestRoundTrip()
    {
        remote::ClockOffset clock;
        QVERIFY(!clock.isKnown());
        const Duration truth(5'000'000);
        // (sent, when the server read its clock, received) on our clock.
        const std::int64_t trips[][3] = {
            {1'000, 1'900, 2'000},     // 1 ms round trip, read late
            {10'000, 10'100, 10'400},  // 0.4 ms, read early: the best
            {20'000, 20'200, 23'000},  // 3 ms
        };
        for (const auto &t : trips)
            clock.addSample(TimePoint(t[0]), TimePoint(t[1]) + truth, TimePoint(t[2]));
        QVERIFY(clock.isKnown());
        QCOMPARE(clock.samples(), 3u);
        QCOMPARE(clock.roundTrip(), Duration(400));
        QCOMPARE(clock.uncertainty(), Duration(200));
        // Midpoint 10,200 against the server's 10,100 + 5 s.
        QCOMPARE(clock.offset(), truth - Duration(100));
        QVERIFY(std::chrono::abs(clock.offset() - truth) <= clock.uncertainty());
        QCOMPARE(clock.toLocal(TimePoint(10'100) + truth), TimePoint(10'200));
        QCOMPARE(clock.toServer(TimePoint(10'200)), TimePoint(10'100) + truth);

        // Only the last kWindow samples count: the old fast one ages out.
        for (std::size_t i = 0; i < remote::ClockOffset::kWindow; ++i) {
            const std::int64_t sent = 100'000 + std::int64_t(i) * 1'000;
            clock.addSample(TimePoint(sent), TimePoint(sent + 300) + truth, TimePoint(sent + 600));
        }
        QCOMPARE(clock.roundTrip(), Duration(600));
        QCOMPARE(clock.offset(), truth);

        // A reply before its request is not a round trip on one clock.
        const std::uint64_t before = clock.samples();
        clock.addSample(TimePoint(500'000), TimePoint(0), TimePoint(499'000));
        QCOMPARE(clock.samples(), before);

        clock.reset();
        QVERIFY(!clock.isKnown());
        QCOMPARE(clock.offset(), Duration(0));
    }

    // A server behind us gives a negative offset, the same way.
    void offsetOfAServerBehind()
    {
        remote::ClockOffset clock;
        clock.addSample(TimePoint(9'000'000), TimePoint(1'000'250), TimePoint(9'000'500));
        QCOMPARE(clock.offset(), Duration(1'000'250 - 9'000'250));
        QCOMPARE(clock.toLocal(TimePoint(1'000'250)), TimePoint(9'000'250));
    }

    // Two streams that each arrive in time order, in batches: what is
    // released is in time order, nothing is released past the watermark,
    // and at one instant a send comes before its delivery.
    void mergesInTimeOrderUpToTheWatermark()
    {
        trace::TraceLog log;
        remote::TraceMerger merger(&log);
        merger.addLocal(at(100, EventKind::CallStart));
        merger.addLocal(at(100, EventKind::Send));
        merger.addLocal(at(400, EventKind::Timeout));
        // The server's batch comes later and interleaves; on one side, one
        // event may be recorded after a later one.
        merger.addRemote(at(250, EventKind::HandlerStart));
        merger.addRemote(at(150, EventKind::Deliver));
        merger.addRemote(at(450, EventKind::HandlerEnd));
        QCOMPARE(merger.held(), 6);

        merger.release(TimePoint(300));
        std::vector<trace::Event> out = eventsOf(log);
        QCOMPARE(out.size(), std::size_t(4));
        QCOMPARE(out[0].kind, EventKind::CallStart);
        QCOMPARE(out[1].kind, EventKind::Send);
        QCOMPARE(out[2].kind, EventKind::Deliver);
        QCOMPARE(out[3].kind, EventKind::HandlerStart);
        QCOMPARE(merger.released(), TimePoint(300));
        QCOMPARE(merger.held(), 2);

        // A delivery stamped on the very microsecond of its send (clocks
        // known to within a round trip) still follows it.
        merger.addRemote(at(500, EventKind::Deliver, 2));
        merger.addLocal(at(500, EventKind::Send, 2));
        // ...and a server's delivery and handler start on one microsecond keep their order.
        merger.addRemote(at(500, EventKind::HandlerStart, 2));
        merger.release(TimePoint(500));
        out = eventsOf(log);
        QCOMPARE(out.size(), std::size_t(9));
        QCOMPARE(out[4].timeUs, 400);
        QCOMPARE(out[5].timeUs, 450);
        QCOMPARE(out[6].kind, EventKind::Send);
        QCOMPARE(out[7].kind, EventKind::Deliver);
        QCOMPARE(out[8].kind, EventKind::HandlerStart);
        for (std::size_t i = 1; i < out.size(); ++i)
            QVERIFY(out[i - 1].timeUs <= out[i].timeUs);
        QCOMPARE(merger.late(), 0u);

        // A watermark that goes back releases nothing.
        merger.addLocal(at(600, EventKind::Ack));
        merger.release(TimePoint(450));
        QCOMPARE(eventsOf(log).size(), std::size_t(9));
    }

    // An event for a time already released is placed at the watermark, so
    // the trace stays in order, and counted.
    void lateEventsKeepTheOrder()
    {
        trace::TraceLog log;
        remote::TraceMerger merger(&log);
        merger.addLocal(at(100, EventKind::Send));
        merger.release(TimePoint(1'000));
        merger.addRemote(at(700, EventKind::Deliver)); // the feed fell silent and came back
        merger.addLocal(at(1'200, EventKind::Ack));
        QCOMPARE(merger.late(), 1u);
        merger.flush();
        const std::vector<trace::Event> out = eventsOf(log);
        QCOMPARE(out.size(), std::size_t(3));
        QCOMPARE(out[1].kind, EventKind::Deliver);
        QCOMPARE(out[1].timeUs, 1'000);
        QCOMPARE(out[2].timeUs, 1'200);
        QCOMPARE(merger.held(), 0);
        QVERIFY(merger.released() >= TimePoint(1'200));

        // A late event is placed on the watermark itself; flushing hands it on too.
        trace::TraceLog alone;
        remote::TraceMerger second(&alone);
        second.addLocal(at(100, EventKind::Send));
        second.release(TimePoint(500));
        second.addRemote(at(300, EventKind::Deliver));
        QCOMPARE(second.held(), 1);
        second.flush();
        QCOMPARE(second.held(), 0);
        QCOMPARE(eventsOf(alone).size(), std::size_t(2));
        QCOMPARE(eventsOf(alone)[1].timeUs, 500);
    }
};

QTEST_GUILESS_MAIN(TestClockMerge)
#include "tst_clockmerge.moc"
