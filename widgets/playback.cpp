// MainWindow's playback: the toolbar, and the player behind it: a scenario
// started or reset, simulated, on real sockets or against a remote server,
// its speed, and the caption and status that say which.
#include "mainwindow.h"

#include "chartsview.h"
#include "connectdialog.h"
#include "controlspanel.h"
#include "displaynames.h"
#include "eventtablemodel.h"
#include "momentspanel.h"
#include "run/liveplayer.h"
#include "run/simulationplayer.h"
#include "sequencediagramview.h"
#include "session/scenario.h"
#include "statustext.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace rpcscope::widgets {

namespace {
constexpr double kSpeeds[] = {0.02, 0.05, 0.1, 0.25, 0.5, 1, 2, 10, 100, 1000};
} // namespace

void MainWindow::createPlaybackToolBar()
{
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
    m_fitAction = playback->addAction(QString());
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    m_i18n.add([this] {
        m_fitAction->setText(tr("&Fit"));
        m_fitAction->setToolTip(tr("Show the whole session (Ctrl+0)"));
    });
    connect(m_fitAction, &QAction::triggered, m_diagram, &SequenceDiagramView::fitToSession);
    m_followAction = playback->addAction(QString());
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_i18n.add([this] {
        m_followAction->setText(tr("F&ollow"));
        m_followAction->setToolTip(tr("Keep the newest events in view"));
    });
    connect(m_followAction, &QAction::toggled, m_diagram, &SequenceDiagramView::setFollowLive);
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

// The remote server, and once known the server clock's offset that its
// events were placed by, for the diagram's caption (and so its exports).
QString MainWindow::connectionText() const
{
    const auto *live = qobject_cast<const session::LivePlayer *>(m_player.get());
    if (!m_remote || !live || m_replaying)
        return {};
    return StatusText::connection(StatusText::Remote::of(*m_remote, live));
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

} // namespace rpcscope::widgets
