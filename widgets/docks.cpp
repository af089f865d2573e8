// MainWindow's docks around the diagram: controls, narration, events,
// charts, moments and the lesson.
#include "mainwindow.h"

#include "chartsview.h"
#include "controlspanel.h"
#include "displaynames.h"
#include "eventtablemodel.h"
#include "lessonpanel.h"
#include "momentspanel.h"
#include "run/narration.h"
#include "sequencediagramview.h"
#include "session/scenario.h"

#include <QComboBox>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

namespace rpcscope::widgets {

void MainWindow::createDocks()
{
    m_controls = new ControlsPanel(this);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(m_controls);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *controlsDock = new QDockWidget(this);
    m_i18n.add([controlsDock] { controlsDock->setWindowTitle(tr("Controls")); });
    controlsDock->setObjectName(QStringLiteral("controlsDock"));
    controlsDock->setWidget(scroll);
    addDockWidget(Qt::RightDockWidgetArea, controlsDock);

    m_narration = new QLabel(this);
    m_narration->setObjectName(QStringLiteral("narration"));
    m_narration->setWordWrap(true);
    m_narration->setMargin(12);
    m_narration->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_narration->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    QFont nf = m_narration->font();
    nf.setPointSizeF(nf.pointSizeF() * 1.25);
    m_narration->setFont(nf);
    m_narration->setMinimumHeight(60);
    // The statistics strip sits above the narration: both are read at a glance.
    m_stats = new QLabel(this);
    m_stats->setObjectName(QStringLiteral("statistics"));
    m_stats->setMargin(6);
    m_stats->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *narrationBox = new QWidget(this);
    auto *narrationLayout = new QVBoxLayout(narrationBox);
    narrationLayout->setContentsMargins(0, 0, 0, 0);
    narrationLayout->setSpacing(0);
    narrationLayout->addWidget(m_stats);
    // What happens now on the left; the scenario's story beside it, so the
    // status bar keeps only the clock.
    m_story = new QLabel(this);
    m_story->setObjectName(QStringLiteral("scenarioStory"));
    m_story->setWordWrap(true);
    m_story->setMargin(12);
    m_story->setTextFormat(Qt::RichText);
    m_story->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_story->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The story with its questions may be longer than the dock is tall.
    const auto scrolling = [this](QWidget *text, const QString &name) {
        auto *scroll = new QScrollArea(this);
        scroll->setObjectName(name);
        scroll->setWidget(text);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
        return scroll;
    };
    QScrollArea *storyScroll = scrolling(m_story, QStringLiteral("scenarioStoryScroll"));
    // The narration too, so the dock can be as short as a projector needs.
    QScrollArea *narrationScroll = scrolling(m_narration, QStringLiteral("narrationScroll"));
    auto *narrationRow = new QHBoxLayout;
    narrationRow->setSpacing(0);
    narrationRow->addWidget(narrationScroll, 3);
    narrationRow->addWidget(storyScroll, 2);
    narrationLayout->addLayout(narrationRow, 1);
    auto *narrationDock = new QDockWidget(this);
    m_i18n.add([this, narrationDock] {
        narrationDock->setWindowTitle(tr("Narration"));
        m_narration->setAccessibleName(tr("Narration"));
        m_narration->setAccessibleDescription(tr("What the selected or latest event means, in words"));
        m_stats->setAccessibleName(tr("Statistics"));
    });
    narrationDock->setObjectName(QStringLiteral("narrationDock"));
    narrationDock->setWidget(narrationBox);
    addDockWidget(Qt::BottomDockWidgetArea, narrationDock);

    m_table = new EventTableModel(this);
    m_table->setLog(&m_player->log());
    m_tableView = new QTableView(this);
    m_tableView->setObjectName(QStringLiteral("eventTable"));
    m_tableView->setModel(m_table);
    m_tableView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tableView->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tableView->verticalHeader()->hide();
    m_tableView->verticalHeader()->setDefaultSectionSize(m_tableView->fontMetrics().height() + 6);
    m_tableView->horizontalHeader()->setStretchLastSection(true);
    m_tableView->setAlternatingRowColors(true);
    connect(m_tableView->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                if (m_syncingSelection || !current.isValid())
                    return;
                const qsizetype index = m_table->logIndex(current.row());
                if (index < 0)
                    return;
                m_syncingSelection = true;
                m_diagram->selectEvent(index);
                const double y = m_diagram->yForTime(m_player->log().view().at(index).time());
                if (y < 60 || y > m_diagram->viewport()->height() - 20) {
                    m_diagram->setFollowLive(false);
                    m_diagram->verticalScrollBar()->setValue(
                        m_diagram->verticalScrollBar()->value() + int(y) - m_diagram->viewport()->height() / 2);
                }
                m_selected = index;
                showNarration(index);
                m_syncingSelection = false;
            });
    // Filters: kind, host, call (the model filters itself: no proxy holding
    // a mapping per event).
    auto *kind = new QComboBox(this);
    kind->setObjectName(QStringLiteral("kindFilter"));
    kind->addItem(QString(), -1);
    for (int k = 0; k < trace::kEventKindCount; ++k)
        kind->addItem(QString(), k);
    m_i18n.add([kind] {
        kind->setAccessibleName(tr("Show events of kind"));
        kind->setItemText(0, tr("All events"));
        for (int k = 0; k < trace::kEventKindCount; ++k)
            kind->setItemText(k + 1, displaynames::eventKind(trace::EventKind(k)));
    });
    connect(kind, &QComboBox::activated, this, [this, kind](int i) {
        const int k = kind->itemData(i).toInt();
        m_table->setKindFilter(k < 0 ? QSet<trace::EventKind>{} : QSet<trace::EventKind>{trace::EventKind(k)});
    });
    m_hostFilter = new QComboBox(this);
    m_hostFilter->setObjectName(QStringLiteral("hostFilter"));
    m_i18n.add([this] { m_hostFilter->setAccessibleName(tr("Show events of host")); });
    connect(m_hostFilter, &QComboBox::activated, this, [this](int i) {
        const int h = m_hostFilter->itemData(i).toInt();
        m_table->setHostFilter(h < 0 ? std::nullopt : std::optional<core::HostId>(core::HostId(h)));
    });
    auto *call = new QSpinBox(this);
    call->setObjectName(QStringLiteral("callFilter"));
    call->setRange(0, std::numeric_limits<int>::max());
    m_i18n.add([call] {
        call->setAccessibleName(tr("Show events of call"));
        call->setSpecialValueText(tr("all calls"));
        call->setPrefix(tr("call "));
    });
    connect(call, &QSpinBox::valueChanged, this, [this](int v) {
        m_table->setCallFilter(v == 0 ? std::nullopt : std::optional<std::uint32_t>(std::uint32_t(v)));
    });
    auto *events = new QWidget(this);
    auto *eventsLayout = new QVBoxLayout(events);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    auto *filters = new QHBoxLayout;
    filters->addWidget(kind);
    filters->addWidget(m_hostFilter);
    filters->addWidget(call);
    filters->addStretch(1);
    eventsLayout->addLayout(filters);
    eventsLayout->addWidget(m_tableView, 1);
    m_i18n.add([this] { m_tableView->setAccessibleName(tr("Events")); });
    auto *tableDock = new QDockWidget(this);
    m_i18n.add([tableDock] { tableDock->setWindowTitle(tr("Events")); });
    tableDock->setObjectName(QStringLiteral("eventsDock"));
    tableDock->setWidget(events);
    addDockWidget(Qt::BottomDockWidgetArea, tableDock);
    tabifyDockWidget(narrationDock, tableDock);
    m_charts = new ChartsView(this);
    auto *chartsDock = new QDockWidget(this);
    m_i18n.add([chartsDock] { chartsDock->setWindowTitle(tr("Charts")); });
    chartsDock->setObjectName(QStringLiteral("chartsDock"));
    chartsDock->setWidget(m_charts);
    addDockWidget(Qt::BottomDockWidgetArea, chartsDock);
    tabifyDockWidget(tableDock, chartsDock);
    m_moments = new MomentsPanel(this);
    connect(m_moments, &MomentsPanel::momentActivated, m_diagram, &SequenceDiagramView::goToEvent);
    auto *momentsDock = new QDockWidget(this);
    m_i18n.add([momentsDock] { momentsDock->setWindowTitle(tr("Moments")); });
    momentsDock->setObjectName(QStringLiteral("momentsDock"));
    momentsDock->setWidget(m_moments);
    addDockWidget(Qt::BottomDockWidgetArea, momentsDock);
    tabifyDockWidget(chartsDock, momentsDock);

    auto *lesson = new LessonPanel(this);
    connect(lesson, &LessonPanel::stepStarted, this, [this](int, const QString &scenario) {
        startScenario(scenario);
        // The narration pane tells the step's story and asks its questions.
        if (auto *dock = findChild<QDockWidget *>(QStringLiteral("narrationDock")))
            dock->raise();
    });
    auto *lessonDock = new QDockWidget(this);
    m_i18n.add([lessonDock] { lessonDock->setWindowTitle(tr("Lesson")); });
    lessonDock->setObjectName(QStringLiteral("lessonDock"));
    lessonDock->setWidget(lesson);
    addDockWidget(Qt::BottomDockWidgetArea, lessonDock);
    tabifyDockWidget(momentsDock, lessonDock);
    narrationDock->raise();
    resizeDocks({narrationDock}, {150}, Qt::Vertical);
}

} // namespace rpcscope::widgets
