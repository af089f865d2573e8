// MainWindow's File menu: captures opened and saved, exports of the session
// (the writer chosen by diagram/sessionexport.h), the animation dialog, and
// the way to a remote server.
#include "mainwindow.h"

#include "animationdialog.h"
#include "capture/capturewriter.h"
#include "connectdialog.h"
#include "controlspanel.h"
#include "diagramexport.h"
#include "eventtablemodel.h"
#include "momentspanel.h"
#include "run/replayplayer.h"
#include "run/simulationplayer.h"
#include "sequencediagramview.h"
#include "session/scenario.h"
#include "sessionexport.h"
#include "trace/jsonlines.h"

#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QStatusBar>

namespace rpcscope::widgets {

void MainWindow::createFileMenu()
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

// File > Export's choices of what is written from the trace alone
// (exporting::TraceFormat), in its order.
QString MainWindow::traceExportFilter()
{
    return tr("Events as CSV (*.csv);;Events as JSON Lines (*.jsonl);;Mermaid sequence diagram (*.mmd);;"
              "PlantUML sequence diagram (*.puml);;Trace for Perfetto and chrome://tracing (*.json);;"
              "qlog events (*.sqlog)");
}

diagram::DiagramExport MainWindow::drawing() const
{
    diagram::DiagramExport what;
    what.log = &m_player->log();
    what.clients = m_player->config().clients;
    const session::Scenario *scenario = session::findScenario(m_scenario);
    what.title = scenario ? scenario->displayTitle() : QString();
    what.adaptive = m_player->config().retry.backoff == core::Backoff::Adaptive;
    return what;
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
    session.drawing = drawing();
    diagram::DiagramExport &what = session.drawing;
    const session::SessionConfig &config = m_player->config();
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
    base.diagram = drawing();
    base.diagram.call = selectedCall();
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

} // namespace rpcscope::widgets
