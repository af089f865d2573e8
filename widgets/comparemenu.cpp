// Scenario > Compare… and Fork from Here…: MainWindow's side of the compare
// window (comparewindow.h), kept apart from the window's assembly.
#include "comparedialogs.h"
#include "comparewindow.h"
#include "mainwindow.h"
#include "sequencediagramview.h"

#include "run/replayplayer.h"
#include "run/simulationplayer.h"
#include "session/sessionoptions.h"

#include <QAction>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>

namespace rpcscope::widgets {

void MainWindow::createCompareActions(QMenu *scenarioMenu)
{
    scenarioMenu->addSeparator();
    QAction *compare = scenarioMenu->addAction(QString(), this, &MainWindow::showCompareDialog);
    compare->setObjectName(QStringLiteral("compareRuns"));
    compare->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *fork = scenarioMenu->addAction(QString(), this, [this] { showForkDialog(std::nullopt); });
    fork->setObjectName(QStringLiteral("forkFromHere"));
    fork->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F));
    m_i18n.add([compare, fork] {
        compare->setText(tr("&Compare…"));
        compare->setStatusTip(tr("Run the scenario twice on one clock, under two settings, side by side"));
        fork->setText(tr("&Fork from Here…"));
        fork->setStatusTip(tr("Run this session again up to the selected moment, then with other settings, beside "
                              "the original"));
    });

    // Right-click a moment of the diagram: fork there.
    m_diagram->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_diagram, &QWidget::customContextMenuRequested, this, [this](QPoint pos) {
        core::TimePoint at = m_diagram->geometry().timeForY(pos.y() / m_diagram->presentationScale());
        if (const std::optional<qsizetype> index = m_diagram->eventAt(pos))
            at = m_player->log().view().at(*index).time();
        at = std::clamp(at, core::TimePoint(0), m_player->now());
        QMenu menu(this);
        QAction *here = menu.addAction(tr("Fork from Here (%1 ms)…")
                                           .arg(QLocale().toString(double(at.count()) / 1000.0, 'f', 1)));
        QString why;
        here->setEnabled(forkable(&why).has_value());
        here->setToolTip(why);
        menu.setToolTipsVisible(true);
        if (menu.exec(m_diagram->viewport()->mapToGlobal(pos)) == here)
            showForkDialog(at);
    });
}

std::optional<MainWindow::Forkable> MainWindow::forkable(QString *why) const
{
    if (m_replaying) {
        const auto &replay = static_cast<const session::ReplayPlayer &>(*m_player);
        if (const QString reason = replay.capture().whyNotRerun(); !reason.isEmpty()) {
            *why = tr("This capture cannot be forked: %1.").arg(reason);
            return std::nullopt;
        }
        return Forkable{replay.capture().config, replay.capture().changes, replay.capture().lineage, m_captureName};
    }
    const auto *sim = qobject_cast<const session::SimulationPlayer *>(m_player.get());
    if (!sim) {
        *why = tr("A session on real sockets cannot be run again event for event, so it cannot be forked.");
        return std::nullopt;
    }
    return Forkable{sim->startConfig(), sim->changes(), {}, tr("this session")};
}

void MainWindow::showCompareDialog()
{
    session::SessionConfig base = m_player->config();
    if (const auto *sim = qobject_cast<const session::SimulationPlayer *>(m_player.get()))
        base = sim->startConfig();
    CompareDialog dialog(base, this);
    if (dialog.exec() == QDialog::Accepted)
        compare(dialog.a(), dialog.b());
}

CompareWindow *MainWindow::compare(const session::SessionConfig &a, const session::SessionConfig &b)
{
    const auto label = [](const session::SessionConfig &of, const session::SessionConfig &against) {
        const QStringList diff = CompareWindow::differences(of, against);
        return diff.isEmpty() ? tr("the session's settings") : diff.join(QStringLiteral(", "));
    };
    auto *window = new CompareWindow({a, {}, label(a, b), {}}, {b, {}, label(b, a), {}}, this);
    window->setSpeed(m_player->speed());
    window->show();
    return window;
}

void MainWindow::showForkDialog(std::optional<core::TimePoint> at)
{
    QString why;
    const std::optional<Forkable> from = forkable(&why);
    if (!from) {
        QMessageBox::information(this, tr("Fork from Here"), why);
        return;
    }
    if (!at) {
        const std::optional<qsizetype> selected = m_diagram->selectedEvent();
        at = selected ? m_player->log().view().at(*selected).time() : m_player->now();
    }
    // The settings in force at the fork point: the start, and every change
    // made up to it.
    session::SessionConfig atFork = from->start;
    for (const session::SettingChange &c : from->changes)
        if (c.at <= *at)
            session::findSessionOption(c.option)->apply(atFork, c.value);
    m_player->pause();
    updatePlayState();
    ForkDialog dialog(atFork, *at, this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    forkFrom(*at, dialog.settings(), &why);
}

CompareWindow *MainWindow::forkFrom(core::TimePoint at, const std::vector<std::pair<QString, QString>> &settings,
                                    QString *why)
{
    QString reason;
    const std::optional<Forkable> from = forkable(&reason);
    if (!from) {
        if (why)
            *why = reason;
        return nullptr;
    }
    const session::SettingChanges changes = session::forkChanges(from->changes, at, settings);
    if (const QString e = session::checkChanges(from->start, changes); !e.isEmpty()) {
        if (why)
            *why = e;
        return nullptr;
    }
    QStringList set;
    for (const auto &[option, value] : settings)
        set << option + u'=' + value;
    const session::Lineage lineage = session::forkLineage(from->lineage, from->name, at, settings);
    const QString ms = QLocale().toString(double(at.count()) / 1000.0, 'f', 1);
    CompareWindow::Side original{from->start, from->changes, tr("%1, as it ran").arg(from->name), from->lineage};
    CompareWindow::Side fork{from->start, changes,
                             tr("fork at %1 ms: %2").arg(ms, set.isEmpty() ? tr("nothing changed") : set.join(u' ')),
                             lineage};
    auto *window = new CompareWindow(original, fork, this);
    window->setSpeed(m_player->speed());
    window->show();
    statusBar()->showMessage(tr("Forked at %1 ms: the fork opens beside its original").arg(ms), 8000);
    return window;
}

} // namespace rpcscope::widgets
