#pragma once

#include "base/clock.h"
#include "base/event.h"
#include "trace/tracelog.h"

#include <QAbstractTableModel>
#include <QSet>

#include <bitset>
#include <cstdint>
#include <optional>
#include <vector>

namespace rpcscope::widgets {

// The event table: one row per trace event, read straight from the TraceLog.
//
// Without a filter the model holds nothing per event — a row is the log
// index — so a session of millions of events costs only the log itself.
// With a filter it keeps the matching log indices, in log order, and extends
// them as the log grows. Filtering lives here rather than in a
// QSortFilterProxyModel because a proxy keeps a mapping for every source row.
//
// The GUI calls refresh() at most once per frame while the engine appends;
// refresh() takes a fresh view of the log and announces only the new rows.
class EventTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,     // ms since the session started, 3 decimals
        HostColumn,     // where it happened
        EventColumn,    // the kind's name
        DatagramColumn, // REQ, REPLY, ... or empty
        PathColumn,     // sender → receiver, for datagrams on the wire
        CallColumn,
        AttemptColumn,
        SizeColumn,     // datagram bytes
        DetailColumn,   // the kind's detail code in words
        ColumnCount
    };

    // Qt::UserRole on any cell: the row's index in the TraceLog (qlonglong),
    // for syncing the selection with the diagram.
    static constexpr int LogIndexRole = Qt::UserRole;

    explicit EventTableModel(QObject *parent = nullptr);
    ~EventTableModel() override;

    // The log must outlive the model or be replaced first; nullptr empties it.
    void setLog(const trace::TraceLog *log);
    const trace::TraceLog *log() const { return m_log; }

    // Shows the events appended since the last call (rowsInserted), or
    // resets if the log was cleared meanwhile.
    void refresh();
    // Headers and cells are worded in the language now installed: tells views to ask again.
    void retranslate();

    // Each change resets the model. Empty set / nullopt: no filtering on that field.
    void setKindFilter(const QSet<trace::EventKind> &kinds);
    // Events a host took part in: where it happened, or the receiver of a
    // datagram (or the client a server event concerns).
    void setHostFilter(std::optional<core::HostId> host);
    void setCallFilter(std::optional<std::uint32_t> callId);
    // The events of these calls only (the charts' selection); empty: all.
    void setCallSetFilter(std::vector<std::pair<core::HostId, std::uint32_t>> calls);
    const std::vector<std::pair<core::HostId, std::uint32_t>> &callSetFilter() const { return m_callSet; }
    QSet<trace::EventKind> kindFilter() const { return m_kindSet; }
    std::optional<core::HostId> hostFilter() const { return m_host; }
    std::optional<std::uint32_t> callFilter() const { return m_callId; }
    bool isFiltering() const;

    // Row ↔ log index. rowForLogIndex is -1 for an event filtered out or not
    // shown yet; logIndex is -1 for a row out of range.
    qsizetype logIndex(int row) const;
    int rowForLogIndex(qsizetype index) const;

    // The event shown in `row`; the row must be valid.
    const trace::Event &eventAt(int row) const;

    // Human text of an event's detail code, as in the Detail column.
    static QString detailText(const trace::Event &event);
    // Every field of an event, one per line, as in the tooltip.
    static QString toolTipText(const trace::Event &event);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    bool matches(const trace::Event &event) const;
    // Appends the matching indices of [m_scanned, m_view.size()) to m_rows.
    void scan();
    // Rebuilds everything from a fresh view inside a model reset.
    void rebuild();
    void resetFilteredRows();
    QString cellText(const trace::Event &event, int column) const;

    const trace::TraceLog *m_log = nullptr;
    trace::TraceLog::View m_view; // what the rows show; kept between refreshes
    int m_rowCount = 0;           // rows announced to views

    QSet<trace::EventKind> m_kindSet;
    std::bitset<trace::kEventKindCount> m_kinds; // m_kindSet for an O(1) test
    std::optional<core::HostId> m_host;
    std::optional<std::uint32_t> m_callId;
    std::vector<std::pair<core::HostId, std::uint32_t>> m_callSet; // sorted
    // Only while filtering: log indices of the matching events, ascending,
    // for log events [0, m_scanned).
    std::vector<qsizetype> m_rows;
    qsizetype m_scanned = 0;
};

} // namespace rpcscope::widgets
