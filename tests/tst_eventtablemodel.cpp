// The event table's model: cells for known events of the chapter's figures,
// rows announced incrementally as the log grows, filters built into the model,
// and the row ↔ log index mapping the diagram selects through.
#include "eventtablemodel.h"

#include "run/simnetwork.h"
#include "session/scenario.h"
#include "trace/tracelog.h"
#include "wire/datagram.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace rpcscope;
using trace::Event;
using trace::EventKind;
using widgets::EventTableModel;

namespace {

using session::scenarioConfig;

void runInto(const session::SessionConfig &config, trace::TraceLog &log)
{
    session::SimNetwork sim(config, &log);
    sim.run();
}

Event makeEvent(std::int64_t timeUs, EventKind kind, core::HostId from, core::HostId to,
                std::uint32_t callId, wire::DatagramKind datagram = {}, std::uint32_t size = 0,
                std::uint32_t detail = 0)
{
    Event e;
    e.timeUs = timeUs;
    e.kind = kind;
    e.from = from;
    e.to = to;
    e.client = from == core::kServerHost ? to : from;
    e.callId = callId;
    e.attempt = callId ? 1 : 0;
    e.datagram = std::uint8_t(datagram);
    e.size = size;
    e.detail = detail;
    return e;
}

QString cell(const EventTableModel &model, int row, int column)
{
    return model.data(model.index(row, column)).toString();
}

int findRow(const EventTableModel &model, EventKind kind, int occurrence = 1)
{
    for (int row = 0; row < model.rowCount(); ++row)
        if (model.eventAt(row).kind == kind && --occurrence == 0)
            return row;
    return -1;
}

// Every log index shown, in row order.
std::vector<qsizetype> shownIndices(const EventTableModel &model)
{
    std::vector<qsizetype> indices;
    for (int row = 0; row < model.rowCount(); ++row)
        indices.push_back(model.data(model.index(row, 0), EventTableModel::LogIndexRole).toLongLong());
    return indices;
}

} // namespace

class TestEventTableModel : public QObject
{
    Q_OBJECT

private slots:
    void headers()
    {
        EventTableModel model;
        QCOMPARE(model.columnCount(), int(EventTableModel::ColumnCount));
        QStringList labels;
        for (int c = 0; c < model.columnCount(); ++c)
            labels << model.headerData(c, Qt::Horizontal).toString();
        QCOMPARE(labels, (QStringList{"Time (ms)", "Host", "Event", "Datagram", "From → To", "Call",
                                      "Attempt", "Size", "Detail"}));
        QCOMPARE(model.rowCount(), 0);
    }

    // Fig. 48.5 as the table shows it.
    void droppedReplyCells()
    {
        trace::TraceLog log;
        runInto(scenarioConfig("dropped-reply"), log);
        EventTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLog(&log);
        QCOMPARE(model.rowCount(), int(log.size()));
        QCOMPARE(model.rowCount(), 15);

        const int lost = findRow(model, EventKind::Lost);
        QCOMPARE(lost, 6);
        const Event &lostEvent = log.view().at(lost);
        QCOMPARE(cell(model, lost, EventTableModel::TimeColumn), QStringLiteral("60.000"));
        QCOMPARE(cell(model, lost, EventTableModel::HostColumn), QStringLiteral("server"));
        QCOMPARE(cell(model, lost, EventTableModel::EventColumn), QStringLiteral("lost"));
        QCOMPARE(cell(model, lost, EventTableModel::DatagramColumn), QStringLiteral("REPLY"));
        QCOMPARE(cell(model, lost, EventTableModel::PathColumn), QStringLiteral("server → client1"));
        QCOMPARE(cell(model, lost, EventTableModel::CallColumn), QStringLiteral("1"));
        QCOMPARE(cell(model, lost, EventTableModel::AttemptColumn), QStringLiteral("1"));
        QVERIFY(lostEvent.size > 0);
        QCOMPARE(cell(model, lost, EventTableModel::SizeColumn), QString::number(lostEvent.size));
        QCOMPARE(cell(model, lost, EventTableModel::DetailColumn), QStringLiteral("scripted"));

        const int timeout = findRow(model, EventKind::Timeout);
        QCOMPARE(timeout, 7);
        QCOMPARE(cell(model, timeout, EventTableModel::TimeColumn), QStringLiteral("200.000"));
        QCOMPARE(cell(model, timeout, EventTableModel::HostColumn), QStringLiteral("client1"));
        QCOMPARE(cell(model, timeout, EventTableModel::DatagramColumn), QString());
        QCOMPARE(cell(model, timeout, EventTableModel::PathColumn), QString());
        QCOMPARE(cell(model, timeout, EventTableModel::SizeColumn), QString());
        QCOMPARE(cell(model, timeout, EventTableModel::DetailColumn), QStringLiteral("200 ms"));

        const int retransmit = findRow(model, EventKind::Retransmit);
        QCOMPARE(cell(model, retransmit, EventTableModel::DatagramColumn), QStringLiteral("REQ"));
        QCOMPARE(cell(model, retransmit, EventTableModel::AttemptColumn), QStringLiteral("2"));

        const int callStart = findRow(model, EventKind::CallStart);
        QCOMPARE(callStart, 0);
        QCOMPARE(cell(model, callStart, EventTableModel::AttemptColumn), QString());

        const int firstSend = findRow(model, EventKind::Send);
        QCOMPARE(cell(model, firstSend, EventTableModel::PathColumn), QStringLiteral("client1 → server"));
        QCOMPARE(cell(model, findRow(model, EventKind::HandlerEnd), EventTableModel::DetailColumn),
                 QStringLiteral("ok"));
        QCOMPARE(cell(model, findRow(model, EventKind::CachedReplyResent), EventTableModel::EventColumn),
                 QStringLiteral("cached-reply-resent"));
        const int ok = findRow(model, EventKind::CallOk);
        QCOMPARE(ok, 14);
        QCOMPARE(cell(model, ok, EventTableModel::TimeColumn), QStringLiteral("280.000"));
        QCOMPARE(cell(model, ok, EventTableModel::DetailColumn), QStringLiteral("280 ms"));

        // Numbers right, words left.
        const auto alignment = [&](int column) {
            return Qt::Alignment(model.data(model.index(lost, column), Qt::TextAlignmentRole).toInt());
        };
        QVERIFY(alignment(EventTableModel::TimeColumn) & Qt::AlignRight);
        QVERIFY(alignment(EventTableModel::SizeColumn) & Qt::AlignRight);
        QVERIFY(alignment(EventTableModel::CallColumn) & Qt::AlignRight);
        QVERIFY(alignment(EventTableModel::EventColumn) & Qt::AlignLeft);

        // The tooltip lists every field; the same on every cell of the row.
        const QString tip = model.data(model.index(lost, EventTableModel::CallColumn), Qt::ToolTipRole).toString();
        QCOMPARE(tip, model.data(model.index(lost, EventTableModel::TimeColumn), Qt::ToolTipRole).toString());
        for (const QString &part : {QStringLiteral("Time: 60.000 ms"), QStringLiteral("Event: lost"),
                                    QStringLiteral("From: server"), QStringLiteral("To: client1"),
                                    QStringLiteral("Client: client1"), QStringLiteral("Call: 1"),
                                    QStringLiteral("Attempt: 1"), QStringLiteral("Fragment: 0"),
                                    QStringLiteral("Datagram: REPLY"),
                                    QStringLiteral("Size: %1 bytes").arg(lostEvent.size),
                                    QStringLiteral("Detail: scripted (3)")})
            QVERIFY2(tip.contains(part), qPrintable(tip));
        QVERIFY(tip.count(u'\n') >= 10);

        // UserRole on any cell is the log index.
        for (int row = 0; row < model.rowCount(); ++row)
            for (int column = 0; column < model.columnCount(); ++column)
                QCOMPARE(model.data(model.index(row, column), EventTableModel::LogIndexRole),
                         QVariant(qlonglong(row)));
    }

    void detailTexts()
    {
        const auto detail = [](EventKind kind, std::uint32_t code) {
            Event e = makeEvent(0, kind, 1, 0, 1);
            e.detail = code;
            return EventTableModel::detailText(e);
        };
        QCOMPARE(detail(EventKind::Lost, 1), QStringLiteral("random"));
        QCOMPARE(detail(EventKind::Lost, 2), QStringLiteral("queue"));
        QCOMPARE(detail(EventKind::Timeout, 12500), QStringLiteral("12.5 ms"));
        QCOMPARE(detail(EventKind::CallOk, 1234), QStringLiteral("1.234 ms"));
        QCOMPARE(detail(EventKind::CallFailed, std::uint32_t(trace::CallError::MaxAttempts)),
                 QStringLiteral("max-attempts"));
        QCOMPARE(detail(EventKind::Rejected, 1), QStringLiteral("unknown-method"));
        QCOMPARE(detail(EventKind::HandlerEnd, 8), QStringLiteral("reply-not-cached"));
        QCOMPARE(detail(EventKind::HandlerEnd, 999), QStringLiteral("999"));
        QCOMPARE(detail(EventKind::CacheEvict, std::uint32_t(trace::EvictReason::Age)), QStringLiteral("age"));
        QCOMPARE(detail(EventKind::ChecksumFail, std::uint32_t(wire::DecodeError::ChecksumMismatch)),
                 QStringLiteral("checksum-mismatch"));
        QCOMPARE(detail(EventKind::MalformedDropped, std::uint32_t(wire::DecodeError::BadMagic)),
                 QStringLiteral("bad-magic"));
        QCOMPARE(detail(EventKind::MalformedDropped, 100), QStringLiteral("wrong-client"));
        QCOMPARE(detail(EventKind::MalformedDropped, 101), QStringLiteral("unexpected-kind"));
        QCOMPARE(detail(EventKind::MalformedDropped, 102), QStringLiteral("bad-ack-below"));
        QCOMPARE(detail(EventKind::Ack, 0), QStringLiteral("request acked"));
        QCOMPARE(detail(EventKind::Ack, 1), QStringLiteral("reply acked"));
        QCOMPARE(detail(EventKind::SocketError, 1), QStringLiteral("RemoteHostClosedError"));
        QCOMPARE(detail(EventKind::HandlerStart, 0), QString());
    }

    void refreshAnnouncesOnlyNewRows()
    {
        trace::TraceLog log;
        for (int i = 0; i < 5; ++i)
            log.record(makeEvent(i * 1000, EventKind::CallStart, 1, 0, std::uint32_t(i + 1)));
        EventTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLog(&log);
        QCOMPARE(model.rowCount(), 5);

        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.refresh(); // nothing new
        QCOMPARE(inserted.count(), 0);

        for (int i = 5; i < 8; ++i)
            log.record(makeEvent(i * 1000, EventKind::CallStart, 1, 0, std::uint32_t(i + 1)));
        QCOMPARE(model.rowCount(), 5); // not before refresh()
        model.refresh();
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.at(0).at(0).value<QModelIndex>(), QModelIndex());
        QCOMPARE(inserted.at(0).at(1).toInt(), 5);
        QCOMPARE(inserted.at(0).at(2).toInt(), 7);
        QCOMPARE(model.rowCount(), 8);
        QCOMPARE(cell(model, 7, EventTableModel::CallColumn), QStringLiteral("8"));

        // Across chunk boundaries.
        const qsizetype target = 2 * trace::TraceLog::kChunkEvents + 17;
        for (qsizetype i = log.size(); i < target; ++i)
            log.record(makeEvent(i * 10, EventKind::Send, 1, 0, std::uint32_t(i + 1),
                                 wire::DatagramKind::Request, 64));
        model.refresh();
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(inserted.at(1).at(1).toInt(), 8);
        QCOMPARE(inserted.at(1).at(2).toInt(), int(target - 1));
        QCOMPARE(model.rowCount(), int(target));
        QCOMPARE(cell(model, int(target - 1), EventTableModel::CallColumn), QString::number(target));
        QCOMPARE(reset.count(), 0);
    }

    // Host: the events a host took part in. A client's own events have `to`
    // 0, which must not read as "server".
    void hostFilter()
    {
        trace::TraceLog log;
        const std::vector<Event> events = {
            makeEvent(0, EventKind::CallStart, 1, 0, 1),                                 // 0: client1
            makeEvent(0, EventKind::Send, 1, 0, 1, wire::DatagramKind::Request, 50),     // 1: client1, server
            makeEvent(1, EventKind::CallStart, 2, 0, 1),                                 // 2: client2
            makeEvent(1, EventKind::Send, 2, 0, 1, wire::DatagramKind::Request, 50),     // 3: client2, server
            makeEvent(2, EventKind::Deliver, 1, 0, 1, wire::DatagramKind::Request, 50),  // 4: client1, server
            makeEvent(2, EventKind::HandlerStart, 0, 1, 1),                              // 5: server, client1
            makeEvent(3, EventKind::Lost, 2, 0, 1, wire::DatagramKind::Request, 50, 1),  // 6: client2, server
            makeEvent(4, EventKind::Timeout, 2, 0, 1, {}, 0, 200000),                     // 7: client2
            makeEvent(5, EventKind::Send, 0, 1, 1, wire::DatagramKind::Reply, 40),       // 8: server, client1
        };
        for (const Event &e : events)
            log.record(e);
        EventTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLog(&log);

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setHostFilter(core::kServerHost);
        QCOMPARE(reset.count(), 1);
        QVERIFY(model.isFiltering());
        QCOMPARE(shownIndices(model), (std::vector<qsizetype>{1, 3, 4, 5, 6, 8}));
        model.setHostFilter(core::HostId(1));
        QCOMPARE(shownIndices(model), (std::vector<qsizetype>{0, 1, 4, 5, 8}));
        model.setHostFilter(core::HostId(2));
        QCOMPARE(shownIndices(model), (std::vector<qsizetype>{2, 3, 6, 7}));
        QCOMPARE(cell(model, 3, EventTableModel::DetailColumn), QStringLiteral("200 ms"));
        model.setHostFilter(core::HostId(3));
        QCOMPARE(model.rowCount(), 0);
        model.setHostFilter(std::nullopt);
        QVERIFY(!model.isFiltering());
        QCOMPARE(model.rowCount(), int(events.size()));
        QCOMPARE(reset.count(), 5);
    }

    void kindAndCallFilters()
    {
        trace::TraceLog log;
        runInto(scenarioConfig("dropped-reply"), log);
        EventTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLog(&log);

        model.setKindFilter({EventKind::Send});
        QCOMPARE(shownIndices(model), (std::vector<qsizetype>{1, 5, 9, 12}));
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(cell(model, row, EventTableModel::EventColumn), QStringLiteral("send"));
        model.setKindFilter({EventKind::Lost, EventKind::Timeout});
        QCOMPARE(shownIndices(model), (std::vector<qsizetype>{6, 7}));
        QCOMPARE(cell(model, 0, EventTableModel::DetailColumn), QStringLiteral("scripted"));
        QCOMPARE(cell(model, 1, EventTableModel::DetailColumn), QStringLiteral("200 ms"));
        model.setCallFilter(2u); // and call 2: nothing, there is only call 1
        QCOMPARE(model.rowCount(), 0);
        model.setCallFilter(1u);
        QCOMPARE(model.rowCount(), 2);
        model.setKindFilter({});
        QCOMPARE(model.rowCount(), 15);
        QVERIFY(model.isFiltering()); // the call filter is still on
        model.setCallFilter(std::nullopt);
        QVERIFY(!model.isFiltering());
        QCOMPARE(model.rowCount(), 15);
    }

    // Many clients, fed to the model in batches with a filter on: the rows
    // grow by exactly the matching events of each batch and end up the same
    // as filtering the whole log at once.
    void filteredRowsGrowWithTheLog()
    {
        session::SessionConfig config = scenarioConfig("many-clients");
        config.calls = 120;
        trace::TraceLog full;
        runInto(config, full);
        const auto all = full.view();
        QVERIFY(all.size() > 1000);

        const std::uint32_t call = 3;
        const QSet<EventKind> kinds = {EventKind::Send, EventKind::Timeout, EventKind::CallOk};
        std::vector<qsizetype> expected;
        for (qsizetype i = 0; i < all.size(); ++i)
            if (all.at(i).callId == call && kinds.contains(all.at(i).kind))
                expected.push_back(i);
        QVERIFY(expected.size() > 3);

        trace::TraceLog log;
        EventTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLog(&log);
        model.setKindFilter(kinds);
        model.setCallFilter(call);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        int shown = 0;
        for (qsizetype i = 0; i < all.size();) {
            const qsizetype end = std::min(all.size(), i + 97);
            for (; i < end; ++i)
                log.record(all.at(i));
            const int before = int(inserted.count());
            model.refresh();
            const auto expectedRows = std::count_if(expected.begin(), expected.end(),
                                                    [&](qsizetype index) { return index < end; });
            QCOMPARE(model.rowCount(), int(expectedRows));
            if (expectedRows == shown) {
                QCOMPARE(int(inserted.count()), before); // nothing matching: nothing announced
            } else {
                QCOMPARE(int(inserted.count()), before + 1);
                QCOMPARE(inserted.last().at(1).toInt(), shown);
                QCOMPARE(inserted.last().at(2).toInt(), int(expectedRows) - 1);
            }
            shown = int(expectedRows);
        }
        QCOMPARE(reset.count(), 0);
        QCOMPARE(shownIndices(model), expected);
        for (int row = 0; row < model.rowCount(); ++row)
            QCOMPARE(cell(model, row, EventTableModel::CallColumn), QString::number(call));

        EventTableModel whole;
        whole.setLog(&full);
        whole.setKindFilter(kinds);
        whole.setCallFilter(call);
        QCOMPARE(shownIndices(whole), expected);
    }

    void rowAndLogIndexRoundTrip()
    {
        trace::TraceLog log;
        runInto(scenarioConfig("dropped-reply"), log);
        EventTableModel model;
        model.setLog(&log);
        for (int row = 0; row < model.rowCount(); ++row) {
            QCOMPARE(model.logIndex(row), qsizetype(row));
            QCOMPARE(model.rowForLogIndex(row), row);
        }
        QCOMPARE(model.rowForLogIndex(15), -1);
        QCOMPARE(model.rowForLogIndex(-1), -1);
        QCOMPARE(model.logIndex(15), qsizetype(-1));
        QCOMPARE(model.logIndex(-1), qsizetype(-1));

        model.setKindFilter({EventKind::Send, EventKind::Deliver});
        QCOMPARE(model.rowCount(), 7);
        for (int row = 0; row < model.rowCount(); ++row) {
            const qsizetype index = model.logIndex(row);
            QCOMPARE(model.rowForLogIndex(index), row);
            QCOMPARE(model.data(model.index(row, EventTableModel::SizeColumn), EventTableModel::LogIndexRole),
                     QVariant(qlonglong(index)));
            const EventKind kind = log.view().at(index).kind;
            QVERIFY(kind == EventKind::Send || kind == EventKind::Deliver);
        }
        QCOMPARE(model.rowForLogIndex(0), -1); // call-start: filtered out
        QCOMPARE(model.rowForLogIndex(6), -1); // lost: filtered out
        QCOMPARE(model.rowForLogIndex(14), -1);
        QCOMPARE(model.rowForLogIndex(1000), -1);
        QCOMPARE(model.logIndex(7), qsizetype(-1));
    }

    void clearingTheLogResets()
    {
        trace::TraceLog log;
        runInto(scenarioConfig("dropped-reply"), log);
        EventTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLog(&log);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        log.clear();
        model.refresh();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), 0);

        log.record(makeEvent(0, EventKind::CallStart, 1, 0, 1));
        model.refresh();
        QCOMPARE(reset.count(), 1);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 1);

        // Cleared and refilled past the old size between two refreshes: still
        // a new log, not an append.
        log.clear();
        for (int i = 0; i < 3; ++i)
            log.record(makeEvent(i, EventKind::Timeout, 2, 0, 9, {}, 0, 5000));
        model.refresh();
        QCOMPARE(reset.count(), 2);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(cell(model, 0, EventTableModel::HostColumn), QStringLiteral("client2"));
        QCOMPARE(cell(model, 0, EventTableModel::DetailColumn), QStringLiteral("5 ms"));

        // The same with a filter on.
        model.setCallFilter(9u);
        QCOMPARE(model.rowCount(), 3);
        log.clear();
        model.refresh();
        QCOMPARE(model.rowCount(), 0);
        log.record(makeEvent(0, EventKind::CallStart, 1, 0, 1));
        log.record(makeEvent(0, EventKind::CallStart, 1, 0, 9));
        model.refresh();
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.logIndex(0), qsizetype(1));

        model.setLog(nullptr);
        QCOMPARE(model.rowCount(), 0);
        model.refresh(); // no log: nothing to do
        QCOMPARE(model.rowCount(), 0);
    }

    // A million events: the unfiltered model shows them all without holding
    // anything per event, and a filter finds the few it asks for.
    void millionEvents()
    {
        trace::TraceLog log;
        const qsizetype count = 1'000'000;
        for (qsizetype i = 0; i < count; ++i)
            log.record(makeEvent(i, i % 1000 == 0 ? EventKind::Timeout : EventKind::Send, 1, 0,
                                 std::uint32_t(i / 10 + 1), wire::DatagramKind::Request, 60, 200000));
        EventTableModel model;
        model.setLog(&log);
        QCOMPARE(model.rowCount(), int(count));
        QCOMPARE(cell(model, int(count - 1), EventTableModel::TimeColumn), QStringLiteral("999.999"));
        QCOMPARE(model.rowForLogIndex(count - 1), int(count - 1));
        model.setKindFilter({EventKind::Timeout});
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.logIndex(999), qsizetype(999'000));
        QCOMPARE(model.rowForLogIndex(999'000), 999);
        QCOMPARE(model.rowForLogIndex(999'001), -1);
    }
};

QTEST_MAIN(TestEventTableModel)
#include "tst_eventtablemodel.moc"
