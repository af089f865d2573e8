// MainWindow's Go menu: moving through a session by what happened in it.
#include "mainwindow.h"

#include "momentspanel.h"
#include "sequencediagramview.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QInputDialog>
#include <QKeySequence>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <array>

namespace rpcscope::widgets {

using diagram::Moment;

namespace {

// Each kind's key: the key alone goes to the next one, with Shift to the previous.
constexpr std::array<Qt::Key, diagram::kMomentCount> kMomentKeys = {
    Qt::Key_L, // loss
    Qt::Key_T, // timeout
    Qt::Key_R, // retransmission
    Qt::Key_C, // answered from the cache
    Qt::Key_D, // duplicate of a running call
    Qt::Key_K, // corruption caught (checksum)
    Qt::Key_M, // corruption missed
    Qt::Key_O, // held back (ordered)
    Qt::Key_S, // server restart
    Qt::Key_E, // call failed (error)
    Qt::Key_H, // setting changed
};

} // namespace

void MainWindow::createGoMenu()
{
    QMenu *go = menuBar()->addMenu(QString());
    go->setObjectName(QStringLiteral("goMenu"));
    for (int k = 0; k < diagram::kMomentCount; ++k) {
        const Moment moment = Moment(k);
        QAction *next = go->addAction(QString());
        next->setObjectName(QStringLiteral("nextMoment%1").arg(k));
        next->setShortcut(QKeySequence(kMomentKeys[std::size_t(k)]));
        QAction *previous = go->addAction(QString());
        previous->setObjectName(QStringLiteral("previousMoment%1").arg(k));
        previous->setShortcut(QKeySequence(Qt::SHIFT | kMomentKeys[std::size_t(k)]));
        // The previous-one entries stay out of the menu's way: keys only.
        previous->setVisible(false);
        addAction(previous);
        m_i18n.add([next, previous, moment] {
            next->setText(tr("Next: %1").arg(diagram::momentTitle(moment)));
            previous->setText(tr("Previous: %1").arg(diagram::momentTitle(moment)));
        });
        const auto goTo = [this, moment](int direction) {
            if (!m_diagram->selectMoment(moment, direction))
                statusBar()->showMessage(direction > 0
                                             ? tr("%1: none after this one so far.").arg(diagram::momentTitle(moment))
                                             : tr("%1: none before this one.").arg(diagram::momentTitle(moment)),
                                         4000);
        };
        connect(next, &QAction::triggered, this, [goTo] { goTo(+1); });
        connect(previous, &QAction::triggered, this, [goTo] { goTo(-1); });
    }
    go->addSeparator();
    QAction *call = go->addAction(QString(), this, &MainWindow::goToCall);
    call->setObjectName(QStringLiteral("goToCall"));
    call->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    QAction *time = go->addAction(QString(), this, &MainWindow::goToTime);
    time->setObjectName(QStringLiteral("goToTime"));
    time->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_G));
    go->addSeparator();
    QAction *everyLoss = go->addAction(QString());
    everyLoss->setObjectName(QStringLiteral("pauseAtEveryLoss"));
    everyLoss->setCheckable(true);
    connect(everyLoss, &QAction::toggled, this, [this](bool on) { m_moments->setPausesAt(Moment::Loss, on); });
    m_quizAction = go->addAction(QString());
    m_quizAction->setObjectName(QStringLiteral("quizMode"));
    m_quizAction->setCheckable(true);
    m_quizAction->setShortcut(QKeySequence(Qt::Key_Q));
    connect(m_quizAction, &QAction::toggled, this, &MainWindow::setQuizMode);
    m_i18n.add([go, call, time, everyLoss, quiz = m_quizAction] {
        go->setTitle(tr("&Go"));
        call->setText(tr("Go to &Call…"));
        time->setText(tr("Go to &Time…"));
        everyLoss->setText(tr("&Pause at Every Loss"));
        everyLoss->setStatusTip(tr("Playback pauses whenever the network loses a datagram; tick other kinds in the "
                                   "Moments list"));
        quiz->setText(tr("&Quiz Mode"));
        quiz->setStatusTip(tr("Playback pauses before a datagram's fate, a timer or the server's choice shows, and "
                              "asks the class; Space plays on and reveals the answer"));
    });
}

void MainWindow::goToCall()
{
    bool ok = false;
    const QString text = QInputDialog::getText(this, tr("Go to Call"),
                                               tr("Call, as CLIENT:ID (1:5), or ID alone for client 1:"),
                                               QLineEdit::Normal, QString(), &ok)
                             .trimmed();
    if (!ok || text.isEmpty())
        return;
    const QStringList parts = text.split(u':');
    bool clientOk = true, idOk = false;
    const uint client = parts.size() == 2 ? parts[0].toUInt(&clientOk) : 1;
    const uint id = parts.constLast().toUInt(&idOk);
    if (parts.size() > 2 || !clientOk || !idOk || client == 0 || id == 0) {
        statusBar()->showMessage(tr("'%1' is not a call: write CLIENT:ID, for example 1:5").arg(text), 6000);
        return;
    }
    const trace::TraceLog::View view = m_player->log().view();
    for (qsizetype i = 0; i < view.size(); ++i) {
        const trace::Event &e = view.at(i);
        if (e.kind == trace::EventKind::CallStart && e.client == client && e.callId == id) {
            m_diagram->goToEvent(i);
            return;
        }
    }
    statusBar()->showMessage(tr("Client %1 has made no call %2 so far.").arg(client).arg(id), 6000);
}

void MainWindow::goToTime()
{
    bool ok = false;
    const double ms = QInputDialog::getDouble(this, tr("Go to Time"), tr("Time in the session, in milliseconds:"),
                                              double(m_diagram->visibleRange().first.count()) / 1000.0, 0,
                                              86'400'000.0, 1, &ok);
    if (ok)
        m_diagram->showTime(core::TimePoint(std::int64_t(ms * 1000.0)));
}

void MainWindow::pauseAtBreakpoint(const std::vector<qsizetype> &reached)
{
    if (!m_player->isPlaying())
        return;
    const trace::TraceLog::View view = m_player->log().view();
    for (const qsizetype i : reached) {
        const Moment moment = *diagram::momentOf(view.at(i));
        if (!m_moments->pausesAt(moment))
            continue;
        m_player->pause();
        updatePlayState();
        if (m_moments->pausesOnce())
            m_moments->setPausesAt(moment, false);
        m_diagram->goToEvent(i);
        statusBar()->showMessage(tr("Paused at %1. Space plays on.").arg(diagram::momentOne(moment)), 8000);
        return;
    }
}

void MainWindow::quiz(bool on)
{
    m_quizAction->setChecked(on);
}

void MainWindow::setQuizMode(bool on)
{
    // Switched on mid-session, the quiz asks about what comes next: from
    // the first event the diagram does not show yet.
    // At the session's very start (rpcscope --quiz), that is all of it.
    const std::optional<qsizetype> shown = m_diagram->latestShownEvent();
    m_quiz.reset(on && shown && m_player->now() > core::TimePoint(0) ? *shown + 1 : 0);
    m_quizStep.reset();
    if (on)
        statusBar()->showMessage(tr("Quiz mode: playback pauses at each question; Space plays on."), 8000);
    refreshViews();
}

void MainWindow::updateQuiz(const trace::TraceLog::View &view)
{
    // Playback goes on past an answer, or the trace started over: the
    // narration speaks again.
    if (m_quizStep
        && ((m_quizStep->what == session::QuizRun::Step::What::Reveal && m_player->isPlaying())
            || m_quizStep->question.premise >= view.size()))
        m_quizStep.reset();
    // Paused on a question or an answer, the class has time to read it.
    if (!m_quizAction->isChecked() || !m_player->isPlaying())
        return;
    std::optional<session::QuizRun::Step> step =
        m_quiz.update(view, m_player->config(), [this](qsizetype i) { return m_diagram->isRevealed(i); });
    if (!step)
        return;
    m_player->pause();
    updatePlayState();
    const bool ask = step->what == session::QuizRun::Step::What::Ask;
    // Ringed, not selected: a selection would narrate the event and give
    // the answer away.
    m_diagram->setStepped(ask ? step->question.premise : step->answer.settledBy);
    m_quizStep = std::move(step);
    m_narration->setText(quizText());
    fitQuizInNarration();
    statusBar()->showMessage(ask ? tr("A question: Space plays on and shows the answer.")
                                 : tr("The answer: Space plays on."),
                             8000);
}

// The question and its choices whole, even in presentation mode's short
// narration pane: the pane grows (to half the window at most), never shrinks.
void MainWindow::fitQuizInNarration()
{
    auto *dock = findChild<QDockWidget *>(QStringLiteral("narrationDock"));
    if (!m_quizStep || !dock)
        return;
    const int needed = m_narration->heightForWidth(m_narration->width()) + m_stats->sizeHint().height() + 56;
    if (dock->height() < needed)
        resizeDocks({dock}, {std::min(needed, height() / 2)}, Qt::Vertical);
}

QString MainWindow::quizText() const
{
    if (!m_quizStep)
        return {};
    // Asked again of the trace, so a change of language shows at once.
    const trace::TraceLog::View view = m_player->log().view();
    session::QuizRun::Step step = *m_quizStep;
    if (auto q = session::quizQuestion(view, step.question.premise, m_player->config()))
        step.question = *q;
    if (step.what == session::QuizRun::Step::What::Reveal) {
        if (auto a = session::quizAnswer(view, step.question, m_player->config()))
            step.answer = *a;
    }
    return session::QuizRun::text(step);
}

void MainWindow::showShortcuts()
{
    auto *dialog = findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
    if (!dialog) {
        dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("shortcutsDialog"));
        auto *table = new QTableWidget(0, 2, dialog);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->verticalHeader()->hide();
        table->horizontalHeader()->setStretchLastSection(true);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(table);
        layout->addWidget(buttons);
        dialog->resize(560, 620);
    }
    // Filled each time: the language may have changed since.
    auto *table = dialog->findChild<QTableWidget *>();
    QList<std::pair<QString, QString>> rows;
    for (QAction *action : findChildren<QAction *>()) {
        if (action->shortcut().isEmpty())
            continue;
        rows.append({action->shortcut().toString(QKeySequence::NativeText), QString(action->text()).remove(u'&')});
    }
    // The diagram's own keys, when it has the focus.
    rows.append({QStringLiteral("N, →"), tr("Diagram: next event")});
    rows.append({QStringLiteral("P, ←"), tr("Diagram: previous event")});
    rows.append({QStringLiteral("F"), tr("Diagram: fit the whole session")});
    rows.append({QStringLiteral("End"), tr("Diagram: follow the newest events")});
    rows.append({QStringLiteral("Home"), tr("Diagram: back to the start")});
    rows.append({QStringLiteral("+, −, Ctrl+wheel"), tr("Diagram: zoom")});
    rows.append({QStringLiteral("Esc"), tr("Diagram: clear the selection")});
    rows.append({tr("Shift+drag"), tr("Diagram: zoom to the stretch of time dragged over")});
    rows.append({tr("Drag on the counter tracks"), tr("Charts: show the stretch of time dragged over; a click "
                                                       "follows the diagram again")});
    rows.append({tr("Click a bar, drag across the CDF"),
                 tr("Charts: select those calls in the diagram and the Events table; N and P step through them")});
    std::stable_sort(rows.begin(), rows.end(), [](const auto &a, const auto &b) { return a.second < b.second; });
    table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    table->setHorizontalHeaderLabels({tr("Key"), tr("What it does")});
    table->resizeColumnToContents(0);
    dialog->setWindowTitle(tr("Keyboard Shortcuts"));
    dialog->show();
    dialog->raise();
}

} // namespace rpcscope::widgets
