#include "mainwindow.h"

#include "animationdialog.h"
#include "lessonpanel.h"

#include "base/buildinfo.h"
#include "capture/capturewriter.h"
#include "chartsview.h"
#include "connectdialog.h"
#include "controlspanel.h"
#include "diagramexport.h"
#include "displaynames.h"
#include "eventtablemodel.h"
#include "language.h"
#include "measuredialog.h"
#include "momentspanel.h"
#include "run/liveplayer.h"
#include "run/narration.h"
#include "run/replayplayer.h"
#include "run/simulationplayer.h"
#include "scene.h"
#include "sequencediagramview.h"
#include "session/scenario.h"
#include "session/sessionoptions.h"
#include "sessionexport.h"
#include "statustext.h"
#include "sweepdialog.h"
#include "theme.h"
#include "trace/jsonlines.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QEvent>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QHeaderView>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QScopeGuard>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QStatusBar>
#include <QStyleFactory>
#include <QTableView>
#include <QTextBrowser>
#include <QSpinBox>
#include <QToolBar>
#include <QHBoxLayout>
#include <QScreen>
#include <QTimer>
#include <QToolTip>
#include <QVBoxLayout>

namespace rpcscope::widgets {

namespace {
const auto kGeometryKey = QStringLiteral("mainWindow/geometry");
const auto kStateKey = QStringLiteral("mainWindow/state");
const auto kSpeedKey = QStringLiteral("playback/speed");
constexpr double kSpeeds[] = {0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 10, 100, 1000};
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

QString MainWindow::aboutText()
{
    return tr("<h3>RpcScope %1</h3>"
              "<p>See and tune how RPC behaves over an unreliable network.</p>"
              "<p>Built with Qt %2, running on Qt %3; protobuf %4.</p>")
               .arg(BuildInfo::programVersion(), BuildInfo::qtCompileVersion(),
                    BuildInfo::qtRuntimeVersion(), BuildInfo::protobufVersion())
           + tr("<p>RpcScope is free software under the MIT licence. It uses Qt under the GNU LGPL "
                "version 3 and protobuf under the BSD 3-Clause licence.</p>");
}

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

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(QString());
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *open = file->addAction(QString(), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Capture"), QString(),
                                                          tr("RpcScope captures (*.rpcscope);;All files (*)"));
        if (!path.isEmpty())
            openCapture(path);
    });
    open->setShortcut(QKeySequence::Open);
    m_i18n.add([file, open] {
        file->setTitle(tr("&File"));
        open->setText(tr("&Open Capture…"));
    });
    QAction *save = file->addAction(QString(), this, [this] {
        QFileDialog dialog(this, tr("Save Capture"), QString(), tr("RpcScope captures (*.rpcscope)"));
        dialog.setAcceptMode(QFileDialog::AcceptSave);
        dialog.setDefaultSuffix(QStringLiteral("rpcscope"));
        if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty())
            return;
        QString error;
        if (!saveCapture(dialog.selectedFiles().constFirst(), &error))
            QMessageBox::warning(this, tr("RpcScope"), tr("The capture was not saved: %1").arg(error));
    });
    save->setShortcut(QKeySequence::Save);
    m_i18n.add([save] { save->setText(tr("&Save Capture As…")); });
    QAction *exportAction = file->addAction(QString(), this, [this] {
        QString filter;
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export"), QString(),
            tr("Diagram in view as SVG (*.svg);;Diagram in view as PNG (*.png);;Diagram in view as PDF (*.pdf);;"
               "Diagram in view as TikZ (*.tex);;%1;;Datagrams for Wireshark (*.pcapng)").arg(traceExportFilter()),
            &filter);
        if (path.isEmpty())
            return;
        QString error;
        if (!exportTo(path, &error))
            QMessageBox::warning(this, tr("RpcScope"), tr("Nothing was exported: %1").arg(error));
        else
            statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 8000);
    });
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    QAction *exportCall = file->addAction(QString(), this, [this] {
        QString error;
        if (!selectedCall()) {
            QMessageBox::information(this, tr("RpcScope"),
                                     tr("Click a datagram in the diagram to select its call, then export it."));
            return;
        }
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Selected Call"), QString(),
            tr("Diagram as SVG (*.svg);;Diagram as PNG (*.png);;Diagram as PDF (*.pdf);;Diagram as TikZ (*.tex);;%1")
                .arg(traceExportFilter()));
        if (path.isEmpty())
            return;
        if (!exportTo(path, &error, true))
            QMessageBox::warning(this, tr("RpcScope"), tr("Nothing was exported: %1").arg(error));
        else
            statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 8000);
    });
    exportCall->setObjectName(QStringLiteral("exportSelectedCall"));
    exportCall->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    QAction *exportAnimation = file->addAction(QString(), this, &MainWindow::showAnimationDialog);
    exportAnimation->setObjectName(QStringLiteral("exportAnimation"));
    exportAnimation->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_E));
    m_i18n.add([exportAction, exportCall, exportAnimation] {
        exportAction->setText(tr("&Export…"));
        exportCall->setText(tr("Export Selected &Call…"));
        exportCall->setStatusTip(tr("Export only the call selected in the diagram"));
        exportAnimation->setText(tr("Export &Animation…"));
        exportAnimation->setStatusTip(tr("The playback of a time range for slides: GIF, MP4, WebM or one PNG per step"));
    });
    file->addSeparator();
    QAction *connectAction = file->addAction(QString(), this, &MainWindow::showConnectDialog);
    connectAction->setObjectName(QStringLiteral("connectToServer"));
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    m_i18n.add([connectAction] {
        connectAction->setText(tr("Connect to &Server…"));
        connectAction->setStatusTip(tr("Run the scenario's clients against rpcscope-cli serve on another machine"));
    });
    file->addSeparator();
    QAction *quit = file->addAction(QString(), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    m_i18n.add([quit] { quit->setText(tr("&Quit")); });

    QToolBar *playback = addToolBar(QString());
    playback->setObjectName(QStringLiteral("playbackToolBar"));
    m_playAction = playback->addAction(QString());
    m_playAction->setObjectName(QStringLiteral("playPause"));
    m_playAction->setShortcut(Qt::Key_Space);
    m_i18n.add([this, playback] {
        playback->setWindowTitle(tr("Playback"));
        m_playAction->setToolTip(tr("Play or pause the session (Space)"));
        updatePlayState();
    });
    connect(m_playAction, &QAction::triggered, this, [this] {
        m_player->isPlaying() ? m_player->pause() : m_player->play();
    });
    m_stepAction = playback->addAction(QString());
    m_stepAction->setObjectName(QStringLiteral("stepAction"));
    m_stepAction->setShortcut(Qt::Key_Period);
    m_i18n.add([this] {
        m_stepAction->setText(tr("Step"));
        m_stepAction->setToolTip(tr("Process the next event and pause (.)"));
    });
    connect(m_stepAction, &QAction::triggered, this, [this] {
        m_player->step();
        // What the step did, ringed so the back of the room sees it.
        m_diagram->setStepped(m_diagram->latestShownEvent());
    });
    QAction *reset = playback->addAction(QString());
    reset->setObjectName(QStringLiteral("resetAction"));
    reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_i18n.add([reset] {
        reset->setText(tr("Reset"));
        reset->setToolTip(tr("Start the scenario over with the current settings (Ctrl+R)"));
    });
    connect(reset, &QAction::triggered, this, &MainWindow::reset);
    playback->addSeparator();
    m_mode = new QComboBox(this);
    m_mode->setObjectName(QStringLiteral("modeCombo"));
    m_mode->addItem(QString());
    m_mode->addItem(QString());
    m_mode->addItem(QString());
    m_i18n.add([this] {
        m_mode->setAccessibleName(tr("Mode"));
        m_mode->setItemText(0, tr("Simulated (virtual time)"));
        m_mode->setItemText(1, tr("Real sockets (loopback)"));
        m_mode->setItemText(2, tr("Remote server…"));
        m_mode->setToolTip(tr("Simulated: every host in virtual time, reproducible from the seed, at any speed.\n"
                              "Real sockets: the same scenario over UDP on 127.0.0.1, in real time.\n"
                              "Remote server: the clients call rpcscope-cli serve on another machine."));
    });
    connect(m_mode, &QComboBox::activated, this, [this](int i) {
        if (i == 2)
            showConnectDialog();
        else
            setRealSockets(i == 1);
    });
    playback->addWidget(m_mode);
    auto *speedLabel = new QLabel(this);
    playback->addWidget(speedLabel);
    m_speed = new QComboBox(this);
    m_speed->setObjectName(QStringLiteral("speedCombo"));
    speedLabel->setBuddy(m_speed);
    for (double s : kSpeeds)
        m_speed->addItem(QString(), s);
    m_i18n.add([this, speedLabel] {
        speedLabel->setText(tr(" Speed "));
        m_speed->setAccessibleName(tr("Playback speed"));
        for (int i = 0; i < m_speed->count(); ++i)
            m_speed->setItemText(i, tr("%1×").arg(m_speed->itemData(i).toDouble()));
    });
    connect(m_speed, &QComboBox::activated, this, [this](int i) { setSpeed(m_speed->itemData(i).toDouble()); });
    playback->addWidget(m_speed);
    playback->addSeparator();
    QAction *fit = playback->addAction(QString());
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_i18n.add([fit] {
        fit->setText(tr("&Fit"));
        fit->setToolTip(tr("Show the whole session (Ctrl+0)"));
    });
    connect(fit, &QAction::triggered, m_diagram, &SequenceDiagramView::fitToSession);
    m_followAction = playback->addAction(QString());
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_i18n.add([this] {
        m_followAction->setText(tr("F&ollow"));
        m_followAction->setToolTip(tr("Keep the newest events in view"));
    });
    connect(m_followAction, &QAction::toggled, m_diagram, &SequenceDiagramView::setFollowLive);

    QMenu *view = menuBar()->addMenu(QString());
    view->setObjectName(QStringLiteral("viewMenu"));
    QAction *zoomIn = view->addAction(QString(), this, [this] { m_diagram->zoomBy(1.25); });
    zoomIn->setShortcut(QKeySequence::ZoomIn);
    QAction *zoomOut = view->addAction(QString(), this, [this] { m_diagram->zoomBy(0.8); });
    zoomOut->setShortcut(QKeySequence::ZoomOut);
    QAction *zoomCall = view->addAction(QString(), this, [this] {
        if (!m_diagram->zoomToSelectedCall())
            statusBar()->showMessage(tr("Click an event of a call first."), 4000);
    });
    zoomCall->setObjectName(QStringLiteral("zoomToCall"));
    zoomCall->setShortcut(QKeySequence(Qt::Key_Z));
    QAction *onlyCall = view->addAction(QString());
    onlyCall->setObjectName(QStringLiteral("onlySelectedCall"));
    onlyCall->setCheckable(true);
    onlyCall->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_Z));
    connect(onlyCall, &QAction::toggled, m_diagram, &SequenceDiagramView::setOnlySelectedCall);
    m_i18n.add([view, zoomIn, zoomOut, zoomCall, onlyCall] {
        onlyCall->setText(tr("Show &Only the Selected Call"));
        onlyCall->setStatusTip(tr("Hide every other call's datagrams, timers and labels"));
        view->setTitle(tr("&View"));
        zoomIn->setText(tr("Zoom &In"));
        zoomOut->setText(tr("Zoom &Out"));
        zoomCall->setText(tr("&Zoom to Selected Call"));
        zoomCall->setStatusTip(tr("The selected call from its start to its end; Shift+drag in the diagram zooms to "
                                  "any stretch of time"));
    });
    view->addAction(fit);
    view->addAction(m_followAction);
    view->addSeparator();
    QAction *dark = view->addAction(QString());
    dark->setCheckable(true);
    dark->setChecked(theme::darkChosen());
    connect(dark, &QAction::toggled, this, &theme::setDark);
    QAction *presentation = view->addAction(QString());
    presentation->setCheckable(true);
    presentation->setShortcut(Qt::Key_F11);
    m_i18n.add([dark, presentation] {
        dark->setText(tr("&Dark Theme"));
        presentation->setText(tr("&Presentation Mode"));
        presentation->setToolTip(tr("Full screen with large type, for a projector"));
    });
    connect(presentation, &QAction::toggled, this, &MainWindow::setPresentationMode);
    m_presentationAction = presentation;
    m_tracksAction = view->addAction(QString());
    m_tracksAction->setObjectName(QStringLiteral("counterTracks"));
    m_tracksAction->setCheckable(true);
    connect(m_tracksAction, &QAction::toggled, m_diagram, &SequenceDiagramView::setCounterTracks);
    QAction *legend = view->addAction(QString());
    legend->setObjectName(QStringLiteral("legend"));
    legend->setCheckable(true);
    connect(legend, &QAction::toggled, m_diagram, &SequenceDiagramView::setLegendShown);
    m_i18n.add([this, legend] {
        m_tracksAction->setText(tr("Counter &Tracks"));
        m_tracksAction->setToolTip(tr("Calls open, sent against answered, dropped against resent, and the timeout, "
                                      "on the diagram's time axis"));
        legend->setText(tr("L&egend"));
        legend->setToolTip(tr("What every mark, line and colour in the diagram means"));
    });

    view->addSeparator();
    // The tabs under the diagram, one key each: a presenter at the keyboard
    // does not reach for the mouse.
    QMenu *panels = view->addMenu(QString());
    panels->setObjectName(QStringLiteral("panelsMenu"));
    const char *const docks[] = {"narrationDock", "eventsDock", "chartsDock", "momentsDock", "lessonDock"};
    for (int i = 0; i < 5; ++i) {
        QAction *show = panels->addAction(QString(), this, [this, name = QString::fromLatin1(docks[i])] {
            if (auto *dock = findChild<QDockWidget *>(name)) {
                dock->show();
                dock->raise();
            }
        });
        show->setObjectName(QStringLiteral("show%1").arg(QString::fromLatin1(docks[i])));
        show->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
        m_i18n.add([show, i] {
            const QString titles[] = {tr("&Narration"), tr("&Events"), tr("&Charts"), tr("&Moments"), tr("&Lesson")};
            show->setText(titles[i]);
        });
    }
    m_i18n.add([panels] { panels->setTitle(tr("&Panels")); });
    createLanguageMenu(view);

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

    QMenu *help = menuBar()->addMenu(QString());
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *shortcuts = help->addAction(QString(), this, &MainWindow::showShortcuts);
    shortcuts->setObjectName(QStringLiteral("keyboardShortcuts"));
    shortcuts->setShortcut(Qt::Key_F1);
    QAction *lessonAction = help->addAction(QString(), this, [this] {
        auto *dock = findChild<QDockWidget *>(QStringLiteral("lessonDock"));
        dock->show();
        dock->raise();
    });
    lessonAction->setObjectName(QStringLiteral("lesson"));
    lessonAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    QAction *nextStep = help->addAction(QString(), this, [this] {
        findChild<LessonPanel *>()->startNext();
    });
    nextStep->setObjectName(QStringLiteral("nextLessonStep"));
    nextStep->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L));
    QAction *homework = help->addAction(QString(), this, &MainWindow::showHomework);
    homework->setObjectName(QStringLiteral("homework"));
    help->addSeparator();
    QAction *about = help->addAction(QString(), this, &MainWindow::showAbout);
    QAction *aboutQt = help->addAction(QString(), qApp, &QApplication::aboutQt);
    m_i18n.add([help, shortcuts, lessonAction, nextStep, homework, about, aboutQt] {
        help->setTitle(tr("&Help"));
        shortcuts->setText(tr("&Keyboard Shortcuts"));
        lessonAction->setText(tr("&Lesson: the Chapter Step by Step"));
        lessonAction->setStatusTip(tr("The chapter's ideas in order, each a scenario with what to say and what to "
                                      "ask, and a glossary in three languages"));
        nextStep->setText(tr("Next Lesson &Step"));
        homework->setText(tr("&Homework: the Chapter's Questions…"));
        homework->setStatusTip(tr("Each question of the chapter's coding homework, with the scenario, "
                                  "settings and command that answer it"));
        about->setText(tr("&About RpcScope"));
        aboutQt->setText(tr("About &Qt"));
    });
    if (dark->isChecked())
        theme::setDark(true);
}

void MainWindow::startSession(const session::SessionConfig &config)
{
    // startScenario carries the pending settings over when they are its scenario's.
    m_pending = config;
    startScenario(config.scenario);
}

void MainWindow::startScenario(const QString &name)
{
    const session::Scenario *scenario = session::findScenario(name);
    if (!scenario)
        return;
    if (m_replaying) {
        // Leaving a capture for a running session again.
        m_replaying = false;
        switchPlayer();
        m_controls->setEnabled(true);
        m_mode->setEnabled(true);
    }
    m_scenario = name;
    session::SessionConfig config;
    config.scenario = name;
    scenario->apply(config);
    // Settings changed since the last start (shown in italics) carry over.
    if (m_pending.scenario == name)
        config = m_pending;
    m_pending = config;
    // A live player replaces its trace on reset: let go of the old one first.
    m_table->setLog(nullptr);
    m_moments->reset();
    m_diagram->setLog(nullptr, config.clients);
    m_summary = {};
    m_summarised = 0;
    m_player->reset(config);
    if (!m_player->errorString().isEmpty())
        QMessageBox::warning(this, tr("RpcScope"), tr("The session could not start: %1").arg(m_player->errorString()));
    showSession(config);
    // The chapter's figures are single calls: show them large. Statistics
    // scenarios start zoomed out.
    m_diagram->setPixelsPerMs(config.calls <= 3 ? 1.6 : 0.25);
    // Statistics scenarios tell their story in counts over time as well.
    m_tracksAction->setChecked(config.calls > 3);
    m_selected.reset();
    for (QAction *a : menuBar()->findChild<QMenu *>(QStringLiteral("scenarioMenu"))->actions())
        a->setChecked(a->data().toString() == name);
    setWindowTitle(tr("RpcScope — %1").arg(scenario->displayTitle()));
    updateCaption();
    showStory(*scenario);
    m_sawFinish = false;
    m_player->play();
}

bool MainWindow::reset()
{
    if (!session::findScenario(m_scenario))
        return false;
    if (m_replaying && !confirmDiscardCapture())
        return false;
    startScenario(m_scenario);
    return true;
}

// A capture may be the only copy of a session from another machine or an
// earlier run: Reset does not throw it away unasked.
bool MainWindow::confirmDiscardCapture()
{
    if (m_askDiscardCapture)
        return m_askDiscardCapture();
    QMessageBox box(QMessageBox::Question, tr("Reset"),
                    tr("Reset discards the capture shown and starts its scenario over with the current settings."),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("discardCaptureQuestion"));
    QPushButton *discard = box.addButton(tr("Reset"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(QMessageBox::Cancel);
    box.exec();
    return box.clickedButton() == discard;
}

// Points the views at the player's trace for a session of `config`.
void MainWindow::showSession(const session::SessionConfig &config)
{
    clearCallSelection();
    m_chartsPinned = false; // a new session's charts follow its diagram
    m_quiz.reset();
    m_quizStep.reset();
    m_controls->showConfig(config);
    m_table->setLog(&m_player->log());
    m_moments->reset();
    m_diagram->setLog(&m_player->log(), config.clients);
    m_charts->setLog(&m_player->log());
    m_hostFilter->clear();
    m_hostFilter->addItem(tr("All hosts"), -1);
    // Each host by its lane's title.
    for (int h = 0; h <= config.clients; ++h)
        m_hostFilter->addItem(diagram::hostTitle(core::HostId(h), config.clients), h);
    m_table->setHostFilter(std::nullopt);
}

bool MainWindow::openCapture(const QString &path, QString *error)
{
    auto replay = std::make_unique<session::ReplayPlayer>();
    QString why, warning;
    if (!replay->open(path, &why, &warning)) {
        if (error)
            *error = why;
        else
            QMessageBox::warning(this, tr("RpcScope"),
                                 tr("%1 cannot be opened: %2").arg(QDir::toNativeSeparators(path), why));
        return false;
    }
    m_player->pause();
    m_table->setLog(nullptr);
    m_moments->reset();
    m_diagram->setLog(nullptr, 1);
    replay->setSpeed(m_player->speed());
    m_player = std::move(replay);
    m_replaying = true;
    m_captureName = QFileInfo(path).fileName();
    m_connection->hide();
    connectPlayer();
    const session::SessionConfig &config = m_player->config();
    m_scenario = config.scenario;
    m_summary = {};
    m_summarised = 0;
    m_selected.reset();
    showSession(config);
    // A capture's settings are what they were: shown, not changed.
    m_controls->setEnabled(false);
    m_mode->setEnabled(false);
    m_stepAction->setEnabled(true);
    m_speed->setEnabled(true);
    setWindowTitle(tr("RpcScope — %1").arg(QFileInfo(path).fileName()));
    // The story beside the narration is the capture's scenario's, not the
    // one shown before.
    if (const session::Scenario *scenario = session::findScenario(config.scenario))
        showStory(*scenario);
    else
        m_story->clear();
    updateCaption();
    // Whole in view once the view has a size; before that (opened from the
    // command line) the scale a scenario of its size starts with.
    if (m_diagram->isVisible())
        m_diagram->fitToSession();
    else
        m_diagram->setPixelsPerMs(config.calls <= 3 ? 1.6 : 0.25);
    // Statistics scenarios tell their story in counts over time as well.
    m_tracksAction->setChecked(config.calls > 3);
    refreshViews();
    updatePlayState();
    if (error)
        *error = warning;
    if (!warning.isEmpty())
        statusBar()->showMessage(tr("Capture read in part: %1").arg(warning));
    else
        statusBar()->showMessage(tr("Opened %1: press Play to replay it").arg(QFileInfo(path).fileName()), 8000);
    return true;
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

void MainWindow::showAnimationDialog()
{
    if (m_player->log().view().isEmpty()) {
        QMessageBox::information(this, tr("RpcScope"), tr("Nothing has happened yet to animate."));
        return;
    }
    // The trace holds still while its frames are drawn, and plays on after.
    const bool wasPlaying = m_player->isPlaying();
    m_player->pause();
    const auto playOn = qScopeGuard([this, wasPlaying] {
        if (wasPlaying)
            m_player->play();
    });
    AnimationDialog dialog(m_diagram->visibleRange(), selectedCall().has_value(), m_player->speed(), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QFileDialog files(this, tr("Export Animation"), QString(), dialog.fileFilter());
    files.setAcceptMode(QFileDialog::AcceptSave);
    files.setDefaultSuffix(dialog.suffix());
    if (files.exec() != QDialog::Accepted || files.selectedFiles().isEmpty())
        return;
    const QString path = files.selectedFiles().constFirst();
    diagram::AnimationExport base;
    base.diagram.log = &m_player->log();
    base.diagram.clients = m_player->config().clients;
    const session::Scenario *scenario = session::findScenario(m_scenario);
    base.diagram.title = scenario ? scenario->displayTitle() : QString();
    base.diagram.call = selectedCall();
    base.diagram.adaptive = m_player->config().retry.backoff == core::Backoff::Adaptive;
    const diagram::AnimationExport what = dialog.animation(base);
    QProgressDialog progress(tr("Drawing the frames…"), tr("Cancel"), 0, 100, this);
    progress.setWindowModality(Qt::WindowModal);
    progress.setMinimumDuration(300);
    QString error;
    const bool written = diagram::exportAnimation(what, dialog.format(), path, &error, [&progress](int done, int total) {
        progress.setMaximum(total);
        progress.setValue(done);
        return !progress.wasCanceled();
    });
    progress.reset();
    if (!written) {
        if (!progress.wasCanceled())
            QMessageBox::warning(this, tr("RpcScope"), tr("No animation was exported: %1").arg(error));
        return;
    }
    statusBar()->showMessage(tr("Exported %1").arg(QDir::toNativeSeparators(path)), 8000);
}

// File > Export's choices of what is written from the trace alone
// (exporting::TraceFormat), in its order.
QString MainWindow::traceExportFilter()
{
    return tr("Events as CSV (*.csv);;Events as JSON Lines (*.jsonl);;Mermaid sequence diagram (*.mmd);;"
              "PlantUML sequence diagram (*.puml);;Trace for Perfetto and chrome://tracing (*.json);;"
              "qlog events (*.sqlog)");
}

bool MainWindow::exportTo(const QString &path, QString *error, bool selectedCallOnly)
{
    const std::optional<diagram::SessionFormat> format =
        diagram::sessionFormatForSuffix(QFileInfo(path).suffix());
    if (!format) {
        *error = tr("end the file name with .svg, .png, .pdf, .tex, .csv, .jsonl, .mmd, .puml, .json (Perfetto), "
                    ".sqlog (qlog) or .pcapng (Wireshark) to choose the format");
        return false;
    }
    diagram::SessionExport session;
    diagram::DiagramExport &what = session.drawing;
    const session::SessionConfig &config = m_player->config();
    what.log = &m_player->log();
    what.clients = config.clients;
    const session::Scenario *scenario = session::findScenario(m_scenario);
    what.title = scenario ? scenario->displayTitle() : QString();
    if (selectedCallOnly) {
        what.call = selectedCall();
        if (!what.call) {
            *error = tr("no call is selected: click a datagram in the diagram first");
            return false;
        }
        if (format->pcapng) {
            *error = tr("a packet capture holds every datagram of the session; in Wireshark the filter "
                        "rpcscope.call == %1 picks out one call")
                         .arg(what.call->second);
            return false;
        }
    } else if (format->picture) {
        // Exactly what is in view, through the same layout and painter.
        what.geometry = m_diagram->geometry();
        what.now = m_diagram->now();
        what.selectedCall = m_diagram->selectedCall();
    }
    what.legend = m_diagram->legendShown();
    what.tracks = m_diagram->counterTracks();
    what.adaptive = config.retry.backoff == core::Backoff::Adaptive;
    session.start = config;
    if (format->pcapng) {
        // The trace keeps no bytes: a simulated session is run again to get them.
        QString why;
        const std::optional<Forkable> fork = forkable(&why);
        if (!fork) {
            *error = tr("a packet capture needs every datagram's bytes, which only a simulated session run again "
                        "can give");
            return false;
        }
        session.start = fork->start;
        session.changes = fork->changes;
        session.canRunAgain = true;
        // A session still playing: what has happened so far.
        if (!m_replaying)
            what.to = m_diagram->now();
    }
    return diagram::exportSession(session, *format, path, error);
}

bool MainWindow::saveCapture(const QString &path, QString *error)
{
    session::Summary summary = m_summary.finish();
    summary.seed = m_player->config().seed;
    summary.service = m_player->serviceReport();
    // The settings the session started with and what changed as it ran:
    // with the seed, they run it again event for event.
    session::SessionConfig config = m_player->config();
    capture::CaptureInfo info(!m_real, config.clients);
    if (m_replaying) {
        const auto &replay = static_cast<const session::ReplayPlayer &>(*m_player);
        info.simulated = replay.capture().header.simulated();
        info.changes = replay.capture().changes;
        info.lineage = replay.capture().lineage;
        summary = replay.summary();
    } else if (const auto *sim = qobject_cast<const session::SimulationPlayer *>(m_player.get())) {
        config = sim->startConfig();
        info.changes = sim->changes();
    }
    return capture::CaptureWriter::save(path, config, info, m_player->log().view(), summary, error);
}

// "timeout 200 ms · exponential ×2 · implicit acks · counter": the settings
// that shape the story, under the scenario's title on the diagram.
void MainWindow::updateCaption()
{
    const session::SessionConfig &c = m_player->config();
    const session::Scenario *scenario = session::findScenario(m_scenario);
    QStringList parts;
    parts << tr("timeout %1 ms").arg(double(c.retry.timeout.count()) / 1000.0)
          << tr("%1 back-off").arg(displaynames::choice(core::backoffName(c.retry.backoff)))
          << tr("%1 acks").arg(displaynames::choice(core::ackModeName(c.ackMode))) << tr("%1 service").arg(c.service);
    if (c.toServer.loss > 0)
        parts << tr("loss %1 %").arg(c.toServer.loss * 100);
    if (m_replaying)
        parts << tr("replaying a capture");
    else if (m_remote) // first: where the calls went matters more than any setting
        parts = StatusText::remoteCaption(
                    StatusText::Remote::of(*m_remote, qobject_cast<const session::LivePlayer *>(m_player.get())))
                + parts;
    else if (m_real)
        parts << tr("real sockets");
    m_diagram->setCaption(scenario ? scenario->displayTitle() : QString(), parts.join(QStringLiteral(" · ")));
}

void MainWindow::connectPlayer()
{
    connect(m_player.get(), &session::Player::advanced, this, &MainWindow::refreshViews);
    connect(m_player.get(), &session::Player::stateChanged, this, &MainWindow::updatePlayState);
}

void MainWindow::setRealSockets(bool real)
{
    if (real == m_real && !m_remote)
        return;
    m_real = real;
    m_remote.reset();
    switchPlayer();
    startScenario(m_scenario);
}

void MainWindow::connectToServer(const remote::RemoteServer &server)
{
    m_real = true;
    m_remote = server;
    switchPlayer();
    startScenario(m_scenario);
}

void MainWindow::showConnectDialog()
{
    ConnectDialog dialog(m_player->config().service, this);
    if (dialog.exec() == QDialog::Accepted && dialog.server())
        connectToServer(*dialog.server());
    else
        m_mode->setCurrentIndex(m_remote ? 2 : m_real ? 1 : 0);
}

std::unique_ptr<session::Player> MainWindow::makePlayer() const
{
    if (!m_real)
        return std::make_unique<session::SimulationPlayer>();
    auto live = std::make_unique<session::LivePlayer>();
    live->setRemote(m_remote);
    return live;
}

// Replaces the player by one for the mode chosen; the views let go of the
// old trace first.
void MainWindow::switchPlayer()
{
    const double speed = m_player->speed();
    m_table->setLog(nullptr);
    m_moments->reset();
    m_diagram->setLog(nullptr, 1);
    m_player = makePlayer();
    m_player->setSpeed(speed);
    connectPlayer();
    if (auto *live = qobject_cast<session::LivePlayer *>(m_player.get()))
        connect(live, &session::LivePlayer::notice, this,
                [this](const QString &message) { statusBar()->showMessage(message, 10000); });
    m_mode->setCurrentIndex(m_remote ? 2 : m_real ? 1 : 0);
    m_stepAction->setEnabled(!m_real);
    // Real sockets do not stop while a class thinks: no quiz there.
    m_quizAction->setEnabled(!m_real);
    if (m_real)
        m_quizAction->setChecked(false);
    m_speed->setEnabled(!m_real);
    m_connection->setVisible(m_remote.has_value());
    m_connection->setText(connectionText());
}

// The remote server, and once known the server clock's offset that its
// events were placed by, for the diagram's caption (and so its exports).
QString MainWindow::connectionText() const
{
    const auto *live = qobject_cast<const session::LivePlayer *>(m_player.get());
    if (!m_remote || !live || m_replaying)
        return {};
    return StatusText::connection(StatusText::Remote::of(*m_remote, live));
}

void MainWindow::setSpeed(double speed)
{
    m_player->setSpeed(speed);
    int best = 0;
    for (int i = 0; i < m_speed->count(); ++i)
        if (std::abs(m_speed->itemData(i).toDouble() - speed) < std::abs(m_speed->itemData(best).toDouble() - speed))
            best = i;
    m_speed->setCurrentIndex(best);
}

void MainWindow::updatePlayState()
{
    m_playAction->setText(m_player->isPlaying() ? tr("Pause") : tr("Play"));
    if (m_player->isPlaying())
        m_diagram->setStepped(std::nullopt);
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

void MainWindow::present(bool on)
{
    m_presentationAction->setChecked(on);
}

void MainWindow::setPresentationMode(bool on)
{
    // Everything a class reads grows by one factor: the diagram draws
    // itself scaled, every widget's text follows the application's font,
    // and the few with a font of their own are set from it again.
    const double kScale = theme::presentationScale(screen() ? screen()->size() : QSize(1920, 1080));
    if (on && !m_presenting)
        m_layoutBeforePresenting = saveState();
    m_presenting = on;
    QFont f = m_normalFont;
    if (on)
        f.setPointSizeF(f.pointSizeF() * kScale);
    QApplication::setFont(f);
    QToolTip::setFont(f);
    QFont narration = f;
    narration.setPointSizeF(f.pointSizeF() * 1.25);
    m_narration->setFont(narration);
    m_diagram->setFont(m_normalFont);
    m_diagram->setPresentationScale(on ? kScale : 1.0);
    m_charts->setTextScale(on ? kScale : 1.0);
    setWindowState(on ? windowState() | Qt::WindowFullScreen : windowState() & ~Qt::WindowFullScreen);
    if (on) {
        // The narration dock as tall as three lines of its words, the
        // controls as wide as their widest row; the diagram gets the rest.
        // After the window has taken the full screen and the new fonts.
        QTimer::singleShot(800, this, [this, narration] {
            if (!m_presenting)
                return;
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("narrationDock")))
                resizeDocks({dock},
                            {std::min(height() / 4, QFontMetrics(narration).lineSpacing() * 3 + m_stats->sizeHint().height() + 48)},
                            Qt::Vertical);
            if (auto *dock = findChild<QDockWidget *>(QStringLiteral("controlsDock")))
                resizeDocks({dock}, {m_controls->sizeHint().width() + 32}, Qt::Horizontal);
            fitQuizInNarration();
        });
    } else if (!m_layoutBeforePresenting.isEmpty()) {
        restoreState(m_layoutBeforePresenting);
    }
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

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About RpcScope"), aboutText());
}

void MainWindow::showHomework()
{
    auto *dialog = findChild<QDialog *>(QStringLiteral("homeworkDialog"));
    if (!dialog) {
        dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("homeworkDialog"));
        auto *layout = new QVBoxLayout(dialog);
        auto *text = new QTextBrowser(dialog);
        text->setOpenExternalLinks(true);
        QFile page(QStringLiteral(":/docs/homework.md"));
        if (page.open(QIODevice::ReadOnly))
            text->setMarkdown(QString::fromUtf8(page.readAll()));
        layout->addWidget(text);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        layout->addWidget(buttons);
        dialog->resize(QSize(760, 640).boundedTo(screen()->availableSize() * 0.9));
    }
    dialog->setWindowTitle(tr("Homework"));
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
}

// View > Language: the system's language, English, and every translation
// built in, each named in its own language.
void MainWindow::createLanguageMenu(QMenu *view)
{
    QMenu *menu = view->addMenu(QString());
    menu->setObjectName(QStringLiteral("languageMenu"));
    auto *group = new QActionGroup(menu);
    QAction *system = menu->addAction(QString());
    system->setData(Language::kSystem.toString());
    m_i18n.add([menu, system] {
        menu->setTitle(tr("&Language"));
        system->setText(tr("System default"));
    });
    menu->addSeparator();
    const QStringList codes = QStringList{Language::kEnglish.toString()} + Language::available();
    for (const QString &code : codes)
        menu->addAction(Language::nativeName(code))->setData(code);
    for (QAction *a : menu->actions()) {
        if (a->isSeparator())
            continue;
        a->setCheckable(true);
        group->addAction(a);
    }
    const auto showChosen = [group] {
        for (QAction *a : group->actions())
            a->setChecked(a->data().toString() == Language::instance().chosen());
    };
    showChosen();
    connect(&Language::instance(), &Language::changed, menu, showChosen);
    connect(group, &QActionGroup::triggered, this,
            [](QAction *a) { Language::instance().selectAndRemember(a->data().toString()); });
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslateUi()
{
    m_i18n.retranslate();
    if (m_quizStep)
        m_narration->setText(quizText());
    if (const session::Scenario *scenario = session::findScenario(m_scenario); scenario && !m_replaying) {
        setWindowTitle(tr("RpcScope — %1").arg(scenario->displayTitle()));
        showStory(*scenario);
        if (m_sawFinish && !m_selected)
            m_sawFinish = false; // refreshViews() tells the lesson again, in the new language
    } else if (!m_replaying)
        setWindowTitle(tr("RpcScope"));
    updateCaption();
    for (int i = 0; i < m_hostFilter->count(); ++i) {
        const int h = m_hostFilter->itemData(i).toInt();
        const int clients = m_player->config().clients;
        m_hostFilter->setItemText(i, h < 0 ? tr("All hosts") : diagram::hostTitle(core::HostId(h), clients));
    }
    m_table->retranslate();
    m_stats->clear(); // refreshViews() writes it again
    refreshViews();
    if (m_selected)
        showNarration(m_selected);
}

} // namespace rpcscope::widgets
