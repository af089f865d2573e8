#include "mainwindow.h"

#include "buildinfo.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>

namespace rpcscope::widgets {

namespace {
const auto kGeometryKey = QStringLiteral("mainWindow/geometry");
const auto kStateKey = QStringLiteral("mainWindow/state");
} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("RpcScope"));

    m_placeholder = new QLabel(tr("No session running."), this);
    m_placeholder->setAlignment(Qt::AlignCenter);
    setCentralWidget(m_placeholder);

    createMenus();
    statusBar()->showMessage(tr("Ready"));

    resize(1200, 800);
    restoreSettings();
}

MainWindow::~MainWindow() = default;

QString MainWindow::aboutText()
{
    return tr("<h3>RpcScope %1</h3>"
              "<p>See and tune how RPC behaves over an unreliable network.</p>"
              "<p>Built with Qt %2, running on Qt %3; protobuf %4.</p>")
        .arg(BuildInfo::programVersion(), BuildInfo::qtCompileVersion(),
             BuildInfo::qtRuntimeVersion(), BuildInfo::protobufVersion());
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *fullScreen = view->addAction(tr("&Full Screen"));
    fullScreen->setCheckable(true);
    fullScreen->setShortcut(QKeySequence::FullScreen);
    connect(fullScreen, &QAction::toggled, this, [this](bool on) {
        setWindowState(on ? windowState() | Qt::WindowFullScreen
                          : windowState() & ~Qt::WindowFullScreen);
    });

    menuBar()->addMenu(tr("&Scenario"))->setObjectName(QStringLiteral("scenarioMenu"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About RpcScope"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
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

} // namespace rpcscope::widgets
