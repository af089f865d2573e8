#include "comparestrip.h"

#include "trace/jsonlines.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <map>

namespace rpcscope::widgets {

namespace {
constexpr int kRowHeight = 16;
constexpr int kGap = 6;    // between the rows, where the difference ticks go
constexpr int kLabel = 22; // "A" / "B" at the left
} // namespace

CompareStrip::CompareStrip(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("compareStrip"));
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setMinimumHeight(sizeHint().height());
}

QSize CompareStrip::sizeHint() const
{
    return {600, 2 * kRowHeight + kGap + 4};
}

QSize CompareStrip::minimumSizeHint() const
{
    return {120, sizeHint().height()};
}

void CompareStrip::setComparison(const session::Comparison &c)
{
    std::map<std::pair<core::HostId, std::uint32_t>, Column> columns;
    for (const session::CallEnd &e : c.callsA)
        columns[{e.client, e.call}] = {e.client, e.call, e, std::nullopt, false};
    for (const session::CallEnd &e : c.callsB) {
        Column &col = columns[{e.client, e.call}];
        col.client = e.client;
        col.call = e.call;
        col.b = e;
    }
    for (const auto &[i, j] : c.differing) {
        const session::CallEnd &any = i >= 0 ? c.callsA[std::size_t(i)] : c.callsB[std::size_t(j)];
        columns[{any.client, any.call}].differs = true;
    }
    m_columns.clear();
    m_slowestUs = 1;
    for (auto &[key, col] : columns) {
        for (const auto &end : {col.a, col.b})
            if (end && end->ok)
                m_slowestUs = std::max(m_slowestUs, end->latencyUs);
        m_columns.push_back(col);
    }
    update();
}

QRectF CompareStrip::columnRect(int index) const
{
    const double width = double(this->width() - kLabel - 2) / double(std::max<std::size_t>(1, m_columns.size()));
    return {kLabel + index * width, 2, width, double(2 * kRowHeight + kGap)};
}

QColor CompareStrip::colour(const std::optional<session::CallEnd> &end) const
{
    if (!end)
        return palette().color(QPalette::Window);
    if (!end->ended())
        return QColor(0xb0, 0xb0, 0xb0);
    if (!end->ok)
        return QColor(0xd5, 0x3e, 0x2f);
    // Green, darker the longer the call took (on a log scale: a retry's
    // 200 ms and a run of them at seconds both stand out from 20 ms).
    const double t = std::log1p(double(end->latencyUs)) / std::log1p(double(m_slowestUs));
    return QColor::fromHsvF(0.36, 0.35 + 0.6 * t, 0.92 - 0.5 * t);
}

void CompareStrip::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Base));
    p.setPen(palette().color(QPalette::Text));
    p.drawText(QRect(0, 2, kLabel, kRowHeight), Qt::AlignCenter, QStringLiteral("A"));
    p.drawText(QRect(0, 2 + kRowHeight + kGap, kLabel, kRowHeight), Qt::AlignCenter, QStringLiteral("B"));
    const QColor tick(0xe6, 0x9f, 0x00);
    for (int i = 0; i < int(m_columns.size()); ++i) {
        const Column &col = m_columns[std::size_t(i)];
        const QRectF r = columnRect(i);
        const double w = std::max(1.0, r.width() - (r.width() > 4 ? 1 : 0));
        p.fillRect(QRectF(r.left(), r.top(), w, kRowHeight), colour(col.a));
        p.fillRect(QRectF(r.left(), r.top() + kRowHeight + kGap, w, kRowHeight), colour(col.b));
        if (col.differs)
            p.fillRect(QRectF(r.left(), r.top() + kRowHeight + 1, w, kGap - 2), tick);
    }
}

std::optional<std::pair<core::HostId, std::uint32_t>> CompareStrip::callAt(QPoint pos) const
{
    for (int i = 0; i < int(m_columns.size()); ++i) {
        if (columnRect(i).contains(pos))
            return std::make_pair(m_columns[std::size_t(i)].client, m_columns[std::size_t(i)].call);
    }
    return std::nullopt;
}

QString CompareStrip::describe(core::HostId client, std::uint32_t call) const
{
    const auto it = std::ranges::find_if(m_columns, [&](const Column &c) { return c.client == client && c.call == call; });
    if (it == m_columns.end())
        return {};
    const auto text = [](const std::optional<session::CallEnd> &end) {
        if (!end)
            return tr("not made");
        if (!end->ended())
            return tr("running");
        if (end->ok)
            return tr("ok in %1 ms (attempts: %2)").arg(double(end->latencyUs) / 1000.0).arg(end->attempts);
        return tr("failed: %1 (attempts: %2)").arg(end->outcome()).arg(end->attempts);
    };
    return tr("%1 call %2\nA: %3\nB: %4").arg(trace::hostName(client)).arg(call).arg(text(it->a), text(it->b));
}

void CompareStrip::mousePressEvent(QMouseEvent *event)
{
    if (const auto call = callAt(event->position().toPoint()))
        Q_EMIT callClicked(call->first, call->second);
}

bool CompareStrip::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        if (const auto call = callAt(help->pos()))
            QToolTip::showText(help->globalPos(), describe(call->first, call->second), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

} // namespace rpcscope::widgets
