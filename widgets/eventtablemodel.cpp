#include "eventtablemodel.h"

#include "displaynames.h"
#include "session/sessionoptions.h"
#include "trace/eventdetail.h"

#include "core/transmit.h"
#include "netem/netem.h"
#include "trace/jsonlines.h"
#include "wire/bodies.pb.h"
#include "wire/datagram.h"

#include <QAbstractSocket>
#include <QMetaEnum>

#include <algorithm>
#include <climits>

namespace rpcscope::widgets {

using trace::Event;
using trace::EventKind;

namespace {

// Events the driver records for a datagram on the wire: `from` is its
// sender and `to` its receiver. Elsewhere `from` is the host that acted and
// `to` is the client a server event concerns, or 0 for a client's own events.
bool isWireEvent(EventKind kind)
{
    switch (kind) {
    case EventKind::Send:
    case EventKind::Deliver:
    case EventKind::Lost:
    case EventKind::Duplicated:
    case EventKind::Corrupted:
    case EventKind::CorruptAccepted:
    case EventKind::Reordered:
    case EventKind::SocketError:
        return true;
    default:
        return false;
    }
}

// Whether `to` names a host for this event (0 also means "nobody").
bool hasReceiver(const Event &e)
{
    return isWireEvent(e.kind) || e.to != core::kServerHost;
}

bool showsSize(const Event &e)
{
    // A socket error on receive has no datagram, hence no size.
    return isWireEvent(e.kind) && (e.size != 0 || e.kind != EventKind::SocketError);
}

// "200", "12.5": milliseconds from microseconds, without needless zeros.
QString millis(std::int64_t us)
{
    if (us % 1000 == 0)
        return QString::number(us / 1000);
    QString text = QString::number(double(us) / 1000.0, 'f', 3);
    while (text.endsWith(u'0'))
        text.chop(1);
    return text;
}

QString datagramName(const Event &e)
{
    return e.datagram != 0 ? wire::datagramKindName(wire::DatagramKind(e.datagram)) : QString();
}

} // namespace

EventTableModel::EventTableModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

EventTableModel::~EventTableModel() = default;

void EventTableModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_rowCount > 0)
        Q_EMIT dataChanged(index(0, 0), index(m_rowCount - 1, ColumnCount - 1), {Qt::DisplayRole, Qt::ToolTipRole});
}

void EventTableModel::setLog(const trace::TraceLog *log)
{
    beginResetModel();
    m_log = log;
    rebuild();
    endResetModel();
}

void EventTableModel::refresh()
{
    if (!m_log)
        return;
    trace::TraceLog::View fresh = m_log->view();
    // Chunks never move while a view holds them, so a different first event
    // means the log was cleared (and maybe refilled) since the last view.
    const bool cleared = fresh.size() < m_view.size()
        || (!m_view.isEmpty() && !fresh.isEmpty() && &fresh.at(0) != &m_view.at(0));
    if (cleared) {
        beginResetModel();
        rebuild();
        endResetModel();
        return;
    }
    if (fresh.size() == m_view.size())
        return;

    // Rows already shown keep their meaning in the fresh view: the log only grows.
    m_view = std::move(fresh);
    int newCount = 0;
    if (isFiltering()) {
        scan();
        newCount = int(std::min<std::size_t>(m_rows.size(), INT_MAX));
    } else {
        newCount = int(std::min<qsizetype>(m_view.size(), INT_MAX));
    }
    if (newCount == m_rowCount)
        return;
    beginInsertRows(QModelIndex(), m_rowCount, newCount - 1);
    m_rowCount = newCount;
    endInsertRows();
}

void EventTableModel::setKindFilter(const QSet<EventKind> &kinds)
{
    beginResetModel();
    m_kindSet = kinds;
    m_kinds.reset();
    for (EventKind kind : kinds)
        if (std::size_t(kind) < m_kinds.size())
            m_kinds.set(std::size_t(kind));
    resetFilteredRows();
    endResetModel();
}

void EventTableModel::setHostFilter(std::optional<core::HostId> host)
{
    beginResetModel();
    m_host = host;
    resetFilteredRows();
    endResetModel();
}

void EventTableModel::setCallFilter(std::optional<std::uint32_t> callId)
{
    beginResetModel();
    m_callId = callId;
    resetFilteredRows();
    endResetModel();
}

void EventTableModel::setCallSetFilter(std::vector<std::pair<core::HostId, std::uint32_t>> calls)
{
    std::ranges::sort(calls);
    beginResetModel();
    m_callSet = std::move(calls);
    resetFilteredRows();
    endResetModel();
}

bool EventTableModel::isFiltering() const
{
    return !m_kindSet.isEmpty() || m_host.has_value() || m_callId.has_value() || !m_callSet.empty();
}

bool EventTableModel::matches(const Event &e) const
{
    if (!m_kindSet.isEmpty() && (std::size_t(e.kind) >= m_kinds.size() || !m_kinds.test(std::size_t(e.kind))))
        return false;
    if (m_host && e.from != *m_host && !(e.to == *m_host && hasReceiver(e)))
        return false;
    if (m_callId && e.callId != *m_callId)
        return false;
    if (!m_callSet.empty() && (e.callId == 0 || !std::ranges::binary_search(m_callSet, std::pair{e.client, e.callId})))
        return false;
    return true;
}

void EventTableModel::scan()
{
    for (qsizetype i = m_scanned; i < m_view.size(); ++i)
        if (matches(m_view.at(i)))
            m_rows.push_back(i);
    m_scanned = m_view.size();
}

void EventTableModel::rebuild()
{
    m_view = m_log ? m_log->view() : trace::TraceLog::View();
    resetFilteredRows();
}

// Keeps the current view: a filter change shows the same events differently;
// new ones arrive through refresh().
void EventTableModel::resetFilteredRows()
{
    m_rows.clear();
    m_scanned = 0;
    if (isFiltering()) {
        scan();
        m_rowCount = int(std::min<std::size_t>(m_rows.size(), INT_MAX));
    } else {
        m_rows.shrink_to_fit(); // nothing held per event without a filter
        m_rowCount = int(std::min<qsizetype>(m_view.size(), INT_MAX));
    }
}

qsizetype EventTableModel::logIndex(int row) const
{
    if (row < 0 || row >= m_rowCount)
        return -1;
    return isFiltering() ? m_rows[std::size_t(row)] : qsizetype(row);
}

int EventTableModel::rowForLogIndex(qsizetype index) const
{
    if (index < 0)
        return -1;
    if (!isFiltering())
        return index < m_rowCount ? int(index) : -1;
    const auto shown = m_rows.begin() + m_rowCount;
    const auto it = std::lower_bound(m_rows.begin(), shown, index);
    return it != shown && *it == index ? int(it - m_rows.begin()) : -1;
}

const Event &EventTableModel::eventAt(int row) const
{
    Q_ASSERT(row >= 0 && row < m_rowCount);
    return m_view.at(logIndex(row));
}

int EventTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rowCount;
}

int EventTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this || index.row() >= m_rowCount
        || index.column() >= ColumnCount)
        return {};
    const int row = index.row();
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        return cellText(eventAt(row), column);
    case Qt::ToolTipRole:
        return toolTipText(eventAt(row));
    case LogIndexRole:
        return qlonglong(logIndex(row));
    case Qt::TextAlignmentRole:
        switch (column) {
        case TimeColumn:
        case CallColumn:
        case AttemptColumn:
        case SizeColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    default:
        return {};
    }
}

QVariant EventTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::TextAlignmentRole) {
        switch (section) {
        case TimeColumn:
        case CallColumn:
        case AttemptColumn:
        case SizeColumn:
            return int(Qt::AlignRight | Qt::AlignVCenter);
        default:
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case TimeColumn: return tr("Time (ms)");
    case HostColumn: return tr("Host");
    case EventColumn: return tr("Event");
    case DatagramColumn: return tr("Datagram");
    case PathColumn: return tr("From → To");
    case CallColumn: return tr("Call");
    case AttemptColumn: return tr("Attempt");
    case SizeColumn: return tr("Size");
    case DetailColumn: return tr("Detail");
    case ColumnCount: break;
    }
    return {};
}

QString EventTableModel::cellText(const Event &e, int column) const
{
    switch (Column(column)) {
    case TimeColumn: return QString::number(double(e.timeUs) / 1000.0, 'f', 3);
    case HostColumn: return displaynames::host(e.from);
    case EventColumn: return displaynames::eventKind(e.kind);
    case DatagramColumn: return datagramName(e);
    case PathColumn:
        return isWireEvent(e.kind) ? tr("%1 → %2").arg(displaynames::host(e.from), displaynames::host(e.to))
                                   : QString();
    // Call ids start at 1, attempts at 1: 0 means "none" for these.
    case CallColumn: return e.callId != 0 ? QString::number(e.callId) : QString();
    case AttemptColumn: return e.attempt != 0 ? QString::number(e.attempt) : QString();
    case SizeColumn: return showsSize(e) ? QString::number(e.size) : QString();
    case DetailColumn: return detailText(e);
    case ColumnCount: break;
    }
    return {};
}

QString EventTableModel::detailText(const Event &e)
{
    switch (e.kind) {
    case EventKind::Lost: return displaynames::lossCause(e.detail);
    case EventKind::Timeout:
    case EventKind::CallOk: return tr("%1 ms").arg(millis(e.detail));
    case EventKind::CallFailed: return displaynames::callError(trace::CallError(e.detail));
    case EventKind::HandlerEnd:
    case EventKind::Rejected: return displaynames::status(e.detail);
    case EventKind::CacheEvict: return displaynames::evictReason(trace::EvictReason(e.detail));
    case EventKind::ChecksumFail:
    case EventKind::MalformedDropped: return trace::dropReasonName(e.detail);
    case EventKind::Ack: return e.detail ? tr("reply acked") : tr("request acked");
    case EventKind::ParamChange: return session::describeParamChange(e.detail, e.size);
    case EventKind::SocketError: return trace::socketErrorName(e.detail);
    case EventKind::ServerRestart: return tr("new epoch %1").arg(e.detail);
    default: return {};
    }
}

QString EventTableModel::toolTipText(const Event &e)
{
    const QString none = tr("none");
    const QString datagram = e.datagram != 0 ? datagramName(e) : none;
    const QString detail = detailText(e);
    const QString size = showsSize(e) ? tr("%1 bytes").arg(e.size) : QString::number(e.size);
    QStringList lines = {
        tr("Time: %1 ms").arg(QString::number(double(e.timeUs) / 1000.0, 'f', 3)),
        tr("Event: %1").arg(displaynames::eventKind(e.kind)),
        tr("From: %1").arg(displaynames::host(e.from)),
        tr("To: %1").arg(hasReceiver(e) ? displaynames::host(e.to) : none),
        tr("Client: %1").arg(displaynames::host(e.client)),
        tr("Call: %1").arg(e.callId),
        tr("Attempt: %1").arg(e.attempt),
        tr("Fragment: %1").arg(e.fragment),
        tr("Datagram: %1").arg(datagram),
        tr("Size: %1").arg(size),
        detail.isEmpty() ? tr("Detail: %1").arg(e.detail) : tr("Detail: %1 (%2)").arg(detail).arg(e.detail),
    };
    return lines.join(u'\n');
}

} // namespace rpcscope::widgets
