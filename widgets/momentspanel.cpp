#include "momentspanel.h"

#include "displaynames.h"

#include <QCheckBox>
#include <QEvent>
#include <QHeaderView>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace rpcscope::widgets {

using diagram::Moment;

namespace {
constexpr int kIndexRole = Qt::UserRole;
constexpr int kMoreRole = Qt::UserRole + 1; // on the "… more" row
} // namespace

MomentsPanel::MomentsPanel(QWidget *parent)
    : QWidget(parent)
{
    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("momentsTree"));
    m_tree->setColumnCount(2);
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->header()->setStretchLastSection(true);
    for (int k = 0; k < diagram::kMomentCount; ++k) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
        item->setCheckState(0, Qt::Unchecked);
        item->setData(0, kIndexRole, -1);
        m_kinds[std::size_t(k)] = item;
    }
    m_once = new QCheckBox(this);
    m_once->setObjectName(QStringLiteral("pauseOnce"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_once);

    // A click, or Enter on the keyboard, goes there.
    const auto goThere = [this](QTreeWidgetItem *item) {
        const qsizetype index = item->data(0, kIndexRole).toLongLong();
        if (index >= 0 && !item->data(0, kMoreRole).toBool())
            Q_EMIT momentActivated(index);
    };
    connect(m_tree, &QTreeWidget::itemActivated, this, goThere);
    connect(m_tree, &QTreeWidget::itemClicked, this, goThere);
    m_i18n.add([this] {
        m_tree->setHeaderLabels({tr("Moment"), tr("Where")});
        m_tree->setToolTip(tr("Click a moment to go there. Tick a kind to pause playback when the clock reaches one."));
        m_once->setText(tr("Pause only at the first of each ticked kind"));
        updateTitles();
    });
}

void MomentsPanel::reset()
{
    m_scanned = 0;
    m_pending.clear();
    m_counts.fill(0);
    for (QTreeWidgetItem *kind : m_kinds)
        qDeleteAll(kind->takeChildren());
    updateTitles();
}

std::vector<qsizetype> MomentsPanel::update(const trace::TraceLog::View &view,
                                            const std::function<bool(qsizetype)> &revealed)
{
    if (view.size() < m_scanned) // the log was replaced
        reset();
    std::vector<qsizetype> reached;
    // Losses wait for their ✗; everything else is there when it is recorded.
    std::erase_if(m_pending, [&](qsizetype i) {
        if (!revealed(i))
            return false;
        reached.push_back(i);
        return true;
    });
    for (; m_scanned < view.size(); ++m_scanned) {
        if (!diagram::momentOf(view.at(m_scanned)))
            continue;
        if (revealed(m_scanned))
            reached.push_back(m_scanned);
        else
            m_pending.push_back(m_scanned);
    }
    std::sort(reached.begin(), reached.end());
    for (const qsizetype i : reached)
        add(i, view.at(i));
    if (!reached.empty())
        updateTitles();
    return reached;
}

void MomentsPanel::add(qsizetype index, const trace::Event &e)
{
    const Moment moment = *diagram::momentOf(e);
    int &count = m_counts[std::size_t(moment)];
    ++count;
    QTreeWidgetItem *kind = m_kinds[std::size_t(moment)];
    if (count > kListedPerKind) {
        // One row stands for the rest.
        QTreeWidgetItem *more = kind->child(kind->childCount() - 1);
        if (!more || !more->data(0, kMoreRole).toBool()) {
            more = new QTreeWidgetItem(kind);
            more->setData(0, kMoreRole, true);
            more->setData(0, kIndexRole, -1);
        }
        more->setText(0, tr("… and %1 more (the Events tab lists them all)").arg(count - kListedPerKind));
        return;
    }
    auto *item = new QTreeWidgetItem(kind);
    item->setData(0, kIndexRole, qlonglong(index));
    item->setText(0, tr("%1 ms").arg(double(e.timeUs) / 1000.0, 0, 'f', 1));
    QString where = displaynames::host(e.client ? e.client : e.from);
    if (e.callId != 0)
        where += tr(", call %1").arg(e.callId);
    if (e.attempt > 1)
        where += tr(", attempt %1").arg(e.attempt);
    item->setText(1, where);
}

void MomentsPanel::updateTitles()
{
    for (int k = 0; k < diagram::kMomentCount; ++k) {
        QTreeWidgetItem *item = m_kinds[std::size_t(k)];
        item->setText(0, diagram::momentTitle(Moment(k)));
        item->setText(1, QString::number(m_counts[std::size_t(k)]));
        item->setToolTip(0, tr("Tick to pause playback at %1").arg(diagram::momentOne(Moment(k))));
    }
    m_tree->resizeColumnToContents(0);
}

bool MomentsPanel::pausesAt(Moment moment) const
{
    return m_kinds[std::size_t(moment)]->checkState(0) == Qt::Checked;
}

void MomentsPanel::setPausesAt(Moment moment, bool pause)
{
    m_kinds[std::size_t(moment)]->setCheckState(0, pause ? Qt::Checked : Qt::Unchecked);
}

bool MomentsPanel::pausesOnce() const
{
    return m_once->isChecked();
}

void MomentsPanel::setPausesOnce(bool once)
{
    m_once->setChecked(once);
}

void MomentsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_i18n.retranslate();
    QWidget::changeEvent(event);
}

} // namespace rpcscope::widgets
