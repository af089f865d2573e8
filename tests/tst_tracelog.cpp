// TraceLog: append-only, chunked, and readable through views while one thread
// appends. A view is a snapshot: what it shows never changes, whatever the
// writer does afterwards (append, cross a chunk, clear).
#include "trace/tracelog.h"

#include <QTest>

#include <atomic>
#include <thread>
#include <type_traits>

using namespace rpcscope;
using trace::Event;
using trace::EventKind;
using trace::TraceLog;

namespace {

constexpr qsizetype kChunk = TraceLog::kChunkEvents;

// An event whose every field is derived from i, so any mix-up shows.
Event eventFor(qsizetype i, std::int64_t timeUs)
{
    Event e;
    e.timeUs = timeUs;
    e.callId = std::uint32_t(i);
    e.detail = std::uint32_t(i * 7 + 1);
    e.size = std::uint32_t(i ^ 0x5a5a);
    e.from = core::HostId(i % 5);
    e.to = core::HostId((i + 1) % 5);
    e.client = core::HostId(1 + i % 3);
    e.attempt = std::uint16_t(1 + i % 9);
    e.fragment = std::uint16_t(i % 4);
    e.kind = EventKind(i % trace::kEventKindCount);
    e.datagram = std::uint8_t(i % 7);
    return e;
}

Event eventFor(qsizetype i)
{
    return eventFor(i, std::int64_t(i) * 10);
}

QString describe(const Event &e)
{
    return QStringLiteral("{t=%1 call=%2 detail=%3 size=%4 kind=%5}")
        .arg(e.timeUs).arg(e.callId).arg(e.detail).arg(e.size).arg(int(e.kind));
}

} // namespace

class TestTraceLog : public QObject
{
    Q_OBJECT

private slots:
    void eventIs32BytesAndTrivial();
    void emptyLog();
    void recordSizeViewAt();
    void viewIsSnapshotAfterMoreRecords();
    void viewSurvivesClear();
    void chunkBoundaries();
    void memoryGrowsByChunk();
    void lowerBound();
    void lowerBoundAcrossChunks();
    void concurrentReaderSeesOnlyWrittenEvents();
};

void TestTraceLog::eventIs32BytesAndTrivial()
{
    QCOMPARE(sizeof(Event), std::size_t(32));
    QVERIFY(std::is_trivially_copyable_v<Event>);
    const Event e = eventFor(12345);
    QCOMPARE(e.time(), core::TimePoint(123450));
    Event copy = e;
    QVERIFY(copy == e);
    copy.fragment = 99;
    QVERIFY(!(copy == e));
}

void TestTraceLog::emptyLog()
{
    TraceLog log;
    QCOMPARE(log.size(), 0);
    const TraceLog::View v = log.view();
    QCOMPARE(v.size(), 0);
    QVERIFY(v.isEmpty());
    QCOMPARE(v.lowerBound(core::TimePoint(0)), 0);
    QCOMPARE(log.memoryBytes(), 0);
    const TraceLog::View none;
    QCOMPARE(none.size(), 0);
    QVERIFY(none.isEmpty());
}

void TestTraceLog::recordSizeViewAt()
{
    TraceLog log;
    for (qsizetype i = 0; i < 3; ++i)
        log.record(eventFor(i));
    QCOMPARE(log.size(), 3);
    const TraceLog::View v = log.view();
    QCOMPARE(v.size(), 3);
    QVERIFY(!v.isEmpty());
    for (qsizetype i = 0; i < 3; ++i) {
        QVERIFY2(v.at(i) == eventFor(i), qPrintable(describe(v.at(i))));
        QVERIFY(v[i] == eventFor(i));
        QCOMPARE(&v[i], &v.at(i));
    }
    QCOMPARE(v.at(1).callId, 1u);
    QCOMPARE(v.at(2).timeUs, 20);
}

void TestTraceLog::viewIsSnapshotAfterMoreRecords()
{
    TraceLog log;
    for (qsizetype i = 0; i < 10; ++i)
        log.record(eventFor(i));
    const TraceLog::View before = log.view();
    const Event *firstAddress = &before.at(0);

    // Enough to fill this chunk and start several more.
    for (qsizetype i = 10; i < 3 * kChunk; ++i)
        log.record(eventFor(i));
    QCOMPARE(log.size(), 3 * kChunk);

    QCOMPARE(before.size(), 10);
    for (qsizetype i = 0; i < 10; ++i)
        QVERIFY2(before.at(i) == eventFor(i), qPrintable(describe(before.at(i))));
    QCOMPARE(&before.at(0), firstAddress); // chunks never move

    const TraceLog::View after = log.view();
    QCOMPARE(after.size(), 3 * kChunk);
    QCOMPARE(&after.at(0), firstAddress);
    QVERIFY(after.at(3 * kChunk - 1) == eventFor(3 * kChunk - 1));
}

void TestTraceLog::viewSurvivesClear()
{
    TraceLog log;
    const qsizetype n = kChunk + 100;
    for (qsizetype i = 0; i < n; ++i)
        log.record(eventFor(i));
    const TraceLog::View old = log.view();

    log.clear();
    QCOMPARE(log.size(), 0);
    QCOMPARE(log.view().size(), 0);
    QCOMPARE(log.memoryBytes(), 0);
    QCOMPARE(old.size(), n);

    // New events after the clear start again at index 0, in fresh chunks.
    for (qsizetype i = 0; i < 50; ++i)
        log.record(eventFor(1'000'000 + i));
    const TraceLog::View fresh = log.view();
    QCOMPARE(fresh.size(), 50);
    QVERIFY(fresh.at(0) == eventFor(1'000'000));
    QVERIFY(fresh.at(49) == eventFor(1'000'049));
    QVERIFY(&fresh.at(0) != &old.at(0));

    // The old view still holds exactly what it saw.
    QCOMPARE(old.size(), n);
    for (qsizetype i = 0; i < n; ++i)
        if (!(old.at(i) == eventFor(i)))
            QFAIL(qPrintable(QStringLiteral("old view index %1 changed: %2").arg(i).arg(describe(old.at(i)))));
}

void TestTraceLog::chunkBoundaries()
{
    TraceLog log;
    const qsizetype n = kChunk * 3 + 5;
    for (qsizetype i = 0; i < n; ++i) {
        log.record(eventFor(i));
        if (i == kChunk - 1 || i == kChunk || i == 2 * kChunk) {
            // A view taken right at a boundary covers exactly what was written.
            const TraceLog::View v = log.view();
            QCOMPARE(v.size(), i + 1);
            QVERIFY(v.at(i) == eventFor(i));
        }
    }
    QCOMPARE(log.size(), n);
    const TraceLog::View v = log.view();
    QCOMPARE(v.size(), n);
    for (qsizetype i = 0; i < n; ++i)
        if (!(v.at(i) == eventFor(i)))
            QFAIL(qPrintable(QStringLiteral("index %1: %2").arg(i).arg(describe(v.at(i)))));
    for (qsizetype i : {kChunk - 1, kChunk, 2 * kChunk - 1, 2 * kChunk, 3 * kChunk - 1, 3 * kChunk, n - 1})
        QCOMPARE(v.at(i).callId, std::uint32_t(i));
}

void TestTraceLog::memoryGrowsByChunk()
{
    TraceLog log;
    const auto chunkBytes = qsizetype(sizeof(TraceLog::Chunk));
    QCOMPARE(chunkBytes, kChunk * 32);
    log.record(eventFor(0));
    QCOMPARE(log.memoryBytes(), chunkBytes);
    for (qsizetype i = 1; i < kChunk; ++i)
        log.record(eventFor(i));
    QCOMPARE(log.memoryBytes(), chunkBytes);
    log.record(eventFor(kChunk));
    QCOMPARE(log.memoryBytes(), 2 * chunkBytes);
}

void TestTraceLog::lowerBound()
{
    TraceLog log;
    // times: 0, 10, 10, 10, 20, 40
    const std::int64_t times[] = {0, 10, 10, 10, 20, 40};
    for (qsizetype i = 0; i < 6; ++i)
        log.record(eventFor(i, times[i]));
    const TraceLog::View v = log.view();
    QCOMPARE(v.lowerBound(core::TimePoint(-5)), 0);
    QCOMPARE(v.lowerBound(core::TimePoint(0)), 0);
    QCOMPARE(v.lowerBound(core::TimePoint(1)), 1);
    QCOMPARE(v.lowerBound(core::TimePoint(10)), 1);
    QCOMPARE(v.lowerBound(core::TimePoint(11)), 4);
    QCOMPARE(v.lowerBound(core::TimePoint(20)), 4);
    QCOMPARE(v.lowerBound(core::TimePoint(21)), 5);
    QCOMPARE(v.lowerBound(core::TimePoint(40)), 5);
    QCOMPARE(v.lowerBound(core::TimePoint(41)), 6);

    // A view's search covers only its own events, not ones recorded later.
    log.record(eventFor(6, 50));
    QCOMPARE(v.lowerBound(core::TimePoint(45)), 6);
    QCOMPARE(log.view().lowerBound(core::TimePoint(45)), 6);
    QCOMPARE(log.view().lowerBound(core::TimePoint(51)), 7);
}

void TestTraceLog::lowerBoundAcrossChunks()
{
    TraceLog log;
    const qsizetype n = 2 * kChunk + 17;
    // Two events per time step, so each lower bound lands on an even index.
    for (qsizetype i = 0; i < n; ++i)
        log.record(eventFor(i, std::int64_t(i / 2) * 3));
    const TraceLog::View v = log.view();
    for (qsizetype i = 0; i < n; i += 2) {
        const std::int64_t t = std::int64_t(i / 2) * 3;
        if (v.lowerBound(core::TimePoint(t)) != i)
            QFAIL(qPrintable(QStringLiteral("time %1: %2, expected %3")
                                 .arg(t).arg(v.lowerBound(core::TimePoint(t))).arg(i)));
        if (v.lowerBound(core::TimePoint(t - 1)) != i)
            QFAIL(qPrintable(QStringLiteral("time %1: %2, expected %3")
                                 .arg(t - 1).arg(v.lowerBound(core::TimePoint(t - 1))).arg(i)));
    }
    QCOMPARE(v.lowerBound(core::TimePoint(std::int64_t((n - 1) / 2) * 3 + 1)), n);
}

void TestTraceLog::concurrentReaderSeesOnlyWrittenEvents()
{
    // One writer appends 2,000,000 events (callId = index, timeUs = index)
    // while a reader keeps taking views. Every event below a view's size must
    // be exactly the one written there, and sizes never go backwards. Each
    // view's new events are checked in full and its older ones by sampling
    // (they were checked in full by an earlier view; the sample shows they
    // stayed put); the final view is checked in full.
    constexpr qsizetype total = 2'000'000;
    TraceLog log;
    std::atomic<bool> writerDone{false};

    std::thread writer([&] {
        for (qsizetype i = 0; i < total; ++i) {
            Event e;
            e.timeUs = i;
            e.callId = std::uint32_t(i);
            e.detail = std::uint32_t(~i);
            e.kind = EventKind::Send;
            log.record(e);
        }
        writerDone.store(true, std::memory_order_release);
    });

    QString failure;
    qsizetype views = 0;
    qsizetype verified = 0;   // events checked in full so far
    qsizetype lastSize = 0;
    auto check = [&](const TraceLog::View &v, qsizetype i) {
        const Event &e = v.at(i);
        if (e.timeUs != i || e.callId != std::uint32_t(i) || e.detail != std::uint32_t(~i)
            || e.kind != EventKind::Send) {
            failure = QStringLiteral("view %1 of size %2: index %3 holds %4")
                          .arg(views).arg(v.size()).arg(i).arg(describe(e));
            return false;
        }
        return true;
    };
    for (;;) {
        const bool finished = writerDone.load(std::memory_order_acquire);
        const TraceLog::View v = log.view();
        ++views;
        if (v.size() < lastSize) {
            failure = QStringLiteral("view size went back from %1 to %2").arg(lastSize).arg(v.size());
            break;
        }
        lastSize = v.size();
        bool ok = true;
        for (qsizetype i = verified; ok && i < v.size(); ++i)
            ok = check(v, i);
        for (qsizetype i = 0; ok && i < verified; i += 997)
            ok = check(v, i);
        if (!ok)
            break;
        if (v.size() > 0)
            ok = check(v, v.size() - 1) && check(v, 0);
        if (!ok)
            break;
        verified = v.size();
        if (finished)
            break;
    }
    writer.join();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    QCOMPARE(lastSize, total); // the view after the writer finished sees everything
    QCOMPARE(log.size(), total);
    QVERIFY(views >= 1);

    const TraceLog::View all = log.view();
    QCOMPARE(all.size(), total);
    for (qsizetype i = 0; i < total; ++i)
        if (all.at(i).callId != std::uint32_t(i) || all.at(i).timeUs != i)
            QFAIL(qPrintable(QStringLiteral("final view index %1: %2").arg(i).arg(describe(all.at(i)))));
    QCOMPARE(all.lowerBound(core::TimePoint(1'234'567)), 1'234'567);
}

QTEST_GUILESS_MAIN(TestTraceLog)
#include "tst_tracelog.moc"
