#include "mainwindow.h"

#include "chartsview.h"
#include "controlspanel.h"
#include "eventtablemodel.h"
#include "measuredialog.h"
#include "momentspanel.h"
#include "run/narration.h"
#include "run/simulationplayer.h"
#include "sequencediagramview.h"
#include "session/scenario.h"
#include "session/sessionoptions.h"
#include "statustext.h"
#include "sweepdialog.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTableView>

namespace rpcscope::widgets {

namespace {
const auto kGeometryKey = QStringLiteral("mainWindow/geometry");
const auto kStateKey = QStringLiteral("mainWindow/state");
const auto kSpeedKey = QStringLiteral("playback/speed");
constexpr double kFigureSpeed = 0.1; // slow enough to follow each datagram
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("RpcScope"));
    m_normalFont = QApplication::font();
    m_player = std::make_unique<session::SimulationPlayer>();
    m_pending.scenario.clear(); // no edits yet: every scenario starts from its preset

    m_diagram = new SequenceDiagramView(this);
    setCentralWidget(m_diagram);
    createDocks();
    createActions();

    m_clock = new QLabel(this);
    m_connection = new QLabel(this);
    m_connection->setObjectName(QStringLiteral("connectionStatus"));
    m_connection->hide();
    statusBar()->addPermanentWidget(m_connection);
    statusBar()->addPermanentWidget(m_clock);

    connectPlayer();
    connect(m_diagram, &SequenceDiagramView::eventSelected, this, &MainWindow::onEventSelected);
    connect(m_diagram, &SequenceDiagramView::followLiveChanged, m_followAction, &QAction::setChecked);
    // The charts follow the diagram: the part in view once someone scrolls
    // or zooms to it, the whole session while it follows the live edge.
    connect(m_diagram, &SequenceDiagramView::visibleRangeChanged, this,
            [this](qint64 fromUs, qint64 toUs, bool followingLive) {
                if (m_chartsPinned)
                    return; // chosen on the counter tracks: it stays until they are clicked
                if (followingLive) {
                    if (m_charts->timeRange())
                        m_charts->clearTimeRange();
                } else {
                    m_charts->setTimeRange(core::TimePoint(fromUs), core::TimePoint(toUs));
                }
            });
    connect(m_controls, &ControlsPanel::optionChanged, this, &MainWindow::onOptionChanged);
    linkCharts();

    // Large enough for the diagram and its docks, never larger than the
    // screen it opens on (a 1024×768 projector included).
    QSize size(1400, 900);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() - QSize(16, 48));
    resize(size);
    restoreSettings();
    startScenario(QStringLiteral("dropped-reply"));
    // Slow motion for a newcomer; a returning user gets the speed they left at.
    setSpeed(QSettings().value(kSpeedKey, kFigureSpeed).toDouble());
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    createFileMenu();
    createPlaybackToolBar();
    createViewMenu();
    createGoMenu();

    QMenu *scenarioMenu = menuBar()->addMenu(QString());
    scenarioMenu->setObjectName(QStringLiteral("scenarioMenu"));
    m_i18n.add([scenarioMenu] { scenarioMenu->setTitle(tr("&Scenario")); });
    auto *group = new QActionGroup(this);
    for (const session::Scenario &s : session::scenarios()) {
        QAction *a = scenarioMenu->addAction(QString());
        m_i18n.add([a, &s] {
            a->setText(s.displayTitle());
            a->setStatusTip(s.displayDescription());
            a->setToolTip(s.displayDescription());
        });
        a->setCheckable(true);
        a->setData(s.name);
        group->addAction(a);
        connect(a, &QAction::triggered, this, [this, name = s.name] { startScenario(name); });
    }
    scenarioMenu->setToolTipsVisible(true);
    createCompareActions(scenarioMenu);

    QMenu *tools = menuBar()->addMenu(QString());
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction *sweep = tools->addAction(QString(), this, &MainWindow::showSweepDialog);
    sweep->setObjectName(QStringLiteral("parameterSweep"));
    sweep->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    QAction *measure = tools->addAction(QString(), this, &MainWindow::showMeasureDialog);
    measure->setObjectName(QStringLiteral("measureServer"));
    m_i18n.add([tools, sweep, measure] {
        tools->setTitle(tr("&Tools"));
        sweep->setText(tr("Parameter &Sweep…"));
        sweep->setStatusTip(tr("Simulate a range of one setting, several seeds per point, and chart the outcome"));
        measure->setText(tr("&Measure a Server…"));
        measure->setStatusTip(tr("The raw round trip to a server, its calls' latency, pipelined calls and goodput"));
    });

    createHelpMenu();
}

std::optional<std::pair<core::HostId, std::uint32_t>> MainWindow::selectedCall() const
{
    const std::optional<qsizetype> index = m_diagram->selectedEvent();
    const trace::TraceLog::View view = m_player->log().view();
    if (!index || *index >= view.size() || view.at(*index).callId == 0)
        return std::nullopt;
    return std::pair{view.at(*index).client, view.at(*index).callId};
}

void MainWindow::showMeasureDialog()
{
    auto *dialog = findChild<MeasureDialog *>();
    if (!dialog)
        dialog = new MeasureDialog(this);
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::showSweepDialog()
{
    // The settings the next reset would start, or those of the capture shown.
    const session::SessionConfig base = m_replaying ? m_player->config() : m_pending;
    auto *dialog = findChild<SweepDialog *>();
    if (!dialog) {
        dialog = new SweepDialog(base, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
    } else {
        dialog->setBase(base);
    }
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

void MainWindow::refreshViews()
{
    const trace::TraceLog::View view = m_player->log().view();
    m_diagram->setAdaptiveTimeout(m_player->config().retry.backoff == core::Backoff::Adaptive);
    m_diagram->refresh(m_player->now());
    pauseAtBreakpoint(m_moments->update(view, [this](qsizetype i) { return m_diagram->isRevealed(i); }));
    updateQuiz(view);
    m_table->refresh();
    m_charts->refresh(view);
    const qsizetype before = m_summarised;
    for (; m_summarised < view.size(); ++m_summarised)
        m_summary.record(view.at(m_summarised));
    if (m_summarised != before || m_stats->text().isEmpty()) {
        m_stats->setText(StatusText::statistics(m_summary.finish()) + StatusText::service(m_player->serviceReport()));
    }
    if (m_remote && !m_replaying) {
        const QString connection = connectionText();
        if (m_connection->text() != connection) {
            m_connection->setText(connection);
            updateCaption(); // the clock estimate in it, too
        }
    }
    m_clock->setText(tr("t = %1 ms  %2")
                         .arg(double(m_player->now().count()) / 1000.0, 0, 'f', 1)
                         .arg(m_player->isFinished() ? tr("(finished)") : QString()));
    // The end of the story: the whole of it in view, and its lesson in words.
    const bool finished = m_player->isFinished() && !view.isEmpty();
    if (finished && !m_sawFinish && m_diagram->followsLive() && m_player->hasVirtualTime()) {
        m_diagram->fitToSession();
        m_diagram->setFollowLive(false);
    }
    const bool justFinished = finished && !m_sawFinish;
    m_sawFinish = finished;
    // A question stays in view until its answer shows, and the answer until
    // playback goes on: the narration of what passes would give it away.
    // Its text is set when it is asked, and again when the language changes.
    if (m_quizStep)
        return;
    if (m_selected)
        return;
    const session::Scenario *scenario = session::findScenario(m_scenario);
    if (finished && scenario && !m_replaying) {
        if (justFinished)
            m_narration->setText(tr("The lesson: %1\n\nClick an event, or press N and P, for its own story.")
                                     .arg(scenario->displayDescription()));
        return;
    }
    showNarration(m_diagram->latestShownEvent());
}

void MainWindow::showStory(const session::Scenario &scenario)
{
    QString questions;
    for (const QString &q : scenario.displayQuestions())
        questions += QStringLiteral("<li>%1</li>").arg(q.toHtmlEscaped());
    m_story->setText(tr("<b>%1</b><br>%2<p><b>What it shows:</b> %3</p><p><b>Ask the class:</b></p><ul>%4</ul>")
                         .arg(scenario.displayTitle().toHtmlEscaped(), scenario.displayDescription().toHtmlEscaped(),
                              scenario.displayGoal().toHtmlEscaped(), questions));
}

void MainWindow::showNarration(std::optional<qsizetype> index)
{
    const trace::TraceLog::View view = m_player->log().view();
    if (!index || *index >= view.size()) {
        m_narration->clear();
        return;
    }
    m_narration->setText(session::narrate(view, *index, m_player->config()));
}

QString MainWindow::narration() const
{
    return m_narration->text();
}

void MainWindow::onEventSelected(qsizetype index)
{
    m_selected = index;
    showNarration(index);
    if (m_syncingSelection)
        return;
    m_syncingSelection = true;
    const int row = m_table->rowForLogIndex(index);
    if (row >= 0) {
        m_tableView->selectRow(row);
        m_tableView->scrollTo(m_table->index(row, 0));
    }
    m_syncingSelection = false;
}

void MainWindow::onOptionChanged(const QString &option, const QString &value)
{
    bool live = false;
    const QString error = m_player->setOption(option, value, &live);
    if (error.isEmpty())
        session::findSessionOption(option)->apply(m_pending, value);
    if (!error.isEmpty()) {
        statusBar()->showMessage(tr("%1: %2").arg(option, error), 6000);
        return;
    }
    m_controls->setPending(option, !live);
    if (live)
        updateCaption();
    statusBar()->showMessage(live ? tr("%1 → %2, applied to calls in flight").arg(option, value)
                                  : tr("%1 → %2, applies when the scenario is reset (Ctrl+R)").arg(option, value),
                             5000);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSpeedKey, m_player->speed());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    event->accept();
}

} // namespace rpcscope::widgets
