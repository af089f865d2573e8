#include "comparewindow.h"

#include "comparecharts.h"
#include "comparestrip.h"
#include "controlspanel.h"
#include "displaynames.h"
#include "sequencediagramview.h"

#include "scene.h"

#include "capture/capturewriter.h"
#include "run/simulationplayer.h"
#include "session/scenario.h"
#include "session/sessionoptions.h"
#include "session/summary.h"

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QEvent>
#include <QFileDialog>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QScrollBar>
#include <QSplitter>
#include <QStatusBar>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace rpcscope::widgets {

namespace {

// A row of the table in the window's language; the keys are
// session::metricRows()'s.
QString metricLabel(const QString &key)
{
    if (key.startsWith(QLatin1StringView("failed.")))
        return CompareWindow::tr("  failed: %1").arg(displaynames::choice(key.mid(7)));
    static const std::pair<const char *, const char *> labels[] = {
        {"calls", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Calls")},
        {"ok", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Calls ok")},
        {"failed", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Calls failed")},
        {"executions", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Handler executions")},
        {"duplicates_suppressed", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Duplicates suppressed")},
        {"cached_replies_resent", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Answered from the reply cache")},
        {"retransmissions", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Retransmissions")},
        {"datagrams.sent", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Datagrams sent")},
        {"datagrams.lost", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Datagrams lost")},
        {"latency_ms.p50", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Latency p50 (ms)")},
        {"latency_ms.p90", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Latency p90 (ms)")},
        {"latency_ms.p99", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Latency p99 (ms)")},
        {"goodput", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Goodput (calls/s)")},
        {"virtual_ms", QT_TRANSLATE_NOOP("rpcscope::widgets::CompareWindow", "Virtual time (ms)")},
    };
    for (const auto &[k, label] : labels)
        if (key == QLatin1StringView(k))
            return CompareWindow::tr(label);
    return key;
}

// Counts whole, milliseconds and rates to a tenth.
QString number(double v)
{
    return QLocale().toString(v, 'f', v == std::round(v) ? 0 : 1);
}

QString eventText(const trace::TraceLog::View &view, qsizetype index)
{
    if (index >= view.size())
        return CompareWindow::tr("(the run has ended)");
    const trace::Event &e = view.at(index);
    QString text = CompareWindow::tr("%1 at %2, %3 ms")
                       .arg(displaynames::eventKind(e.kind), displaynames::host(e.from),
                            QLocale().toString(double(e.timeUs) / 1000.0, 'f', 1));
    if (e.callId)
        text += CompareWindow::tr(", call %1 attempt %2").arg(e.callId).arg(e.attempt);
    return text;
}

// What the diagram rings for event `index`: the event itself when it is
// drawn as an arrow or a mark of its own, else the next of its call that is
// (a send shows as the arrow of its delivery or loss).
std::optional<qsizetype> drawnFor(const trace::TraceLog::View &view, qsizetype index)
{
    if (index >= view.size())
        return std::nullopt;
    const trace::Event &e = view.at(index);
    for (qsizetype i = index; i < view.size() && i < index + 10'000; ++i) {
        const trace::Event &c = view.at(i);
        if (diagram::drawnAsItsOwn(c.kind) && (i == index || (c.client == e.client && c.callId == e.callId)))
            return i;
    }
    return std::nullopt;
}

} // namespace

QStringList CompareWindow::differences(const session::SessionConfig &of, const session::SessionConfig &against)
{
    QStringList out;
    for (const session::SessionOption &o : session::sessionOptions()) {
        const QString value = o.current(of);
        if (value != o.current(against))
            out << QStringLiteral("%1=%2").arg(QLatin1StringView(o.name), value);
    }
    return out;
}

CompareWindow::CompareWindow(const Side &a, const Side &b, QWidget *parent)
    : QMainWindow(parent)
    , m_sides{a, b}
{
    setObjectName(QStringLiteral("compareWindow"));
    setAttribute(Qt::WA_DeleteOnClose);
    // Never larger than the screen it opens on (a 1280×720 projector included).
    QSize size(1280, 860);
    if (const QScreen *screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size() - QSize(16, 48));
    resize(size);

    m_diagrams = new QSplitter(Qt::Horizontal);
    for (int side = 0; side < 2; ++side) {
        auto *pane = new QWidget;
        auto *layout = new QVBoxLayout(pane);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->setSpacing(2);
        m_headers[std::size_t(side)] = new QLabel;
        m_headers[std::size_t(side)]->setObjectName(side == 0 ? QStringLiteral("headerA") : QStringLiteral("headerB"));
        m_headers[std::size_t(side)]->setTextFormat(Qt::PlainText);
        m_headers[std::size_t(side)]->setWordWrap(true);
        QFont bold = m_headers[std::size_t(side)]->font();
        bold.setBold(true);
        m_headers[std::size_t(side)]->setFont(bold);
        layout->addWidget(m_headers[std::size_t(side)]);
        auto *view = new SequenceDiagramView;
        view->setObjectName(side == 0 ? QStringLiteral("diagramA") : QStringLiteral("diagramB"));
        m_views[std::size_t(side)] = view;
        layout->addWidget(view, 1);
        m_diagrams->addWidget(pane);

        m_players[std::size_t(side)] = std::make_unique<session::SimulationPlayer>();
        connect(view, &SequenceDiagramView::visibleRangeChanged, this, [this, side] { syncFrom(side); });
        connect(view, &SequenceDiagramView::eventSelected, this, [this, side](qsizetype index) {
            const trace::TraceLog::View v = m_players[std::size_t(side)]->log().view();
            if (index >= 0 && index < v.size() && v.at(index).callId)
                selectCall(v.at(index).client, v.at(index).callId);
        });
    }

    m_strip = new CompareStrip;
    connect(m_strip, &CompareStrip::callClicked, this, &CompareWindow::selectCall);
    m_divergence = new QLabel;
    m_divergence->setObjectName(QStringLiteral("divergence"));
    m_divergence->setWordWrap(true);
    m_divergence->setTextFormat(Qt::PlainText);
    // Two lines always: a splitter does not ask a wrapped label for its height.
    m_divergence->setMinimumHeight(2 * m_divergence->fontMetrics().lineSpacing() + 4);
    auto *showButton = new QPushButton;
    showButton->setObjectName(QStringLiteral("showDivergence"));
    connect(showButton, &QPushButton::clicked, this, &CompareWindow::showDivergence);
    m_i18n.add([showButton] { showButton->setText(tr("Show")); });
    auto *divergenceRow = new QHBoxLayout;
    divergenceRow->addWidget(m_divergence, 1);
    divergenceRow->addWidget(showButton);

    m_table = new QTableWidget(0, 4);
    m_table->setObjectName(QStringLiteral("compareTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (int c = 1; c < 4; ++c)
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    m_table->setMinimumWidth(460);

    auto *bottom = new QWidget;
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(4, 4, 4, 4);
    auto *stripTitle = new QLabel;
    m_i18n.add([stripTitle] {
        stripTitle->setText(tr("Each call in A (top) and B (bottom): green ok, darker the longer it took; red failed; "
                               "an orange tick where the two ended differently. Click a call to select it in both."));
    });
    stripTitle->setWordWrap(true);
    stripTitle->setMinimumHeight(2 * stripTitle->fontMetrics().lineSpacing() + 4);
    bottomLayout->addWidget(stripTitle);
    bottomLayout->addWidget(m_strip);
    bottomLayout->addLayout(divergenceRow);

    auto *vertical = new QSplitter(Qt::Vertical);
    vertical->addWidget(m_diagrams);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 1);
    vertical->setStretchFactor(1, 0);
    setCentralWidget(vertical);

    auto *tableDock = new QDockWidget(this);
    tableDock->setObjectName(QStringLiteral("compareTableDock"));
    tableDock->setWidget(m_table);
    m_i18n.add([tableDock] { tableDock->setWindowTitle(tr("A | B | Δ")); });
    addDockWidget(Qt::RightDockWidgetArea, tableDock);

    m_charts = new CompareCharts;
    auto *chartsDock = new QDockWidget(this);
    chartsDock->setObjectName(QStringLiteral("compareChartsDock"));
    chartsDock->setWidget(m_charts);
    m_i18n.add([chartsDock] { chartsDock->setWindowTitle(tr("Charts")); });
    addDockWidget(Qt::RightDockWidgetArea, chartsDock);

    auto *controls = new QWidget;
    auto *controlsLayout = new QVBoxLayout(controls);
    m_target = new QComboBox;
    m_target->setObjectName(QStringLiteral("controlsTarget"));
    m_target->addItems({QString(), QString(), QString()});
    m_target->setCurrentIndex(2);
    m_i18n.add([this] {
        m_target->setItemText(0, tr("Changes act on A"));
        m_target->setItemText(1, tr("Changes act on B"));
        m_target->setItemText(2, tr("Changes act on both"));
    });
    controlsLayout->addWidget(m_target);
    m_controls = new ControlsPanel;
    connect(m_controls, &ControlsPanel::optionChanged, this, &CompareWindow::applyOption);
    connect(m_target, &QComboBox::currentIndexChanged, this, &CompareWindow::showTargetSettings);
    controlsLayout->addWidget(m_controls);
    controlsLayout->addStretch(1);
    auto *controlsDock = new QDockWidget(this);
    controlsDock->setObjectName(QStringLiteral("compareControlsDock"));
    // Scrolled: the panel is taller than a laptop's screen.
    auto *controlsArea = new QScrollArea;
    controlsArea->setWidget(controls);
    controlsArea->setWidgetResizable(true);
    controlsArea->setFrameShape(QFrame::NoFrame);
    controlsDock->setWidget(controlsArea);
    m_i18n.add([controlsDock] { controlsDock->setWindowTitle(tr("Controls")); });
    addDockWidget(Qt::RightDockWidgetArea, controlsDock);
    tabifyDockWidget(tableDock, chartsDock);
    tabifyDockWidget(chartsDock, controlsDock);
    tableDock->raise();

    auto *tools = addToolBar(QString());
    tools->setObjectName(QStringLiteral("compareToolBar"));
    m_playAction = tools->addAction(QString(), this, [this] { isPlaying() ? pause() : play(); });
    m_playAction->setObjectName(QStringLiteral("comparePlay"));
    m_playAction->setShortcut(Qt::Key_Space);
    QAction *stepAction = tools->addAction(QString(), this, &CompareWindow::step);
    stepAction->setObjectName(QStringLiteral("compareStep"));
    stepAction->setShortcut(Qt::Key_Period);
    QAction *restartAction = tools->addAction(QString(), this, &CompareWindow::restart);
    restartAction->setObjectName(QStringLiteral("compareRestart"));
    restartAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    auto *speed = new QComboBox;
    m_speedBox = speed;
    speed->setObjectName(QStringLiteral("compareSpeed"));
    for (const double x : {0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 20.0})
        speed->addItem(QStringLiteral("×%1").arg(x), x);
    speed->setCurrentIndex(2);
    connect(speed, &QComboBox::currentIndexChanged, this,
            [this, speed](int i) { setSpeed(speed->itemData(i).toDouble()); });
    tools->addWidget(speed);
    QAction *layoutAction = tools->addAction(QString());
    layoutAction->setObjectName(QStringLiteral("compareSideBySide"));
    layoutAction->setCheckable(true);
    layoutAction->setChecked(true);
    connect(layoutAction, &QAction::toggled, this, &CompareWindow::setSideBySide);
    QAction *divergenceAction = tools->addAction(QString(), this, &CompareWindow::showDivergence);
    divergenceAction->setShortcut(Qt::Key_D);
    QAction *saveA = tools->addAction(QString(), this, [this] { saveSide(0); });
    QAction *saveB = tools->addAction(QString(), this, [this] { saveSide(1); });
    saveB->setObjectName(QStringLiteral("compareSaveB"));
    m_i18n.add([=, this] {
        tools->setWindowTitle(tr("Compare"));
        m_playAction->setText(isPlaying() ? tr("Pause") : tr("Play"));
        restartAction->setText(tr("Restart"));
        stepAction->setText(tr("Step"));
        stepAction->setToolTip(tr("Both runs to the next moment at which either has something happen (.)"));
        layoutAction->setText(tr("Side by Side"));
        layoutAction->setToolTip(tr("Side by side, or one above the other"));
        divergenceAction->setText(tr("First Divergence"));
        saveA->setText(tr("Save A…"));
        saveB->setText(tr("Save B…"));
        speed->setToolTip(tr("Playback speed: virtual time per real time, the same for both"));
        updateCaptions();
    });

    m_timer.setInterval(16);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &CompareWindow::tick);
    restart();
    play();
}

CompareWindow::~CompareWindow() = default;

void CompareWindow::updateCaptions()
{
    const session::Scenario *scenario = session::findScenario(m_sides[0].config.scenario);
    setWindowTitle(tr("Compare — %1, seed %2 — RpcScope")
                       .arg(scenario ? scenario->displayTitle() : m_sides[0].config.scenario)
                       .arg(m_sides[0].config.seed));
    for (int side = 0; side < 2; ++side) {
        const Side &s = m_sides[std::size_t(side)];
        const QString name = side == 0 ? QStringLiteral("A") : QStringLiteral("B");
        m_headers[std::size_t(side)]->setText(
            s.label.isEmpty() ? name : tr("%1: %2").arg(name, s.label));
        m_views[std::size_t(side)]->setCaption(name, s.label);
    }
}

void CompareWindow::restart()
{
    for (int side = 0; side < 2; ++side) {
        session::SimulationPlayer &p = *m_players[std::size_t(side)];
        p.reset(m_sides[std::size_t(side)].config, m_sides[std::size_t(side)].changes);
        SequenceDiagramView *view = m_views[std::size_t(side)];
        view->setLog(&p.log(), p.config().clients);
        view->setAdaptiveTimeout(p.config().retry.backoff == core::Backoff::Adaptive);
        view->setPixelsPerMs(p.config().calls <= 3 ? 1.6 : 0.25);
        view->setFollowLive(true);
    }
    for (QSet<QString> &waiting : m_waiting)
        waiting.clear();
    showTargetSettings();
    m_clock = core::TimePoint(0);
    m_carry = 0;
    m_wall.restart();
    m_sinceCompare.invalidate();
    updateCaptions();
    refreshViews();
    updateComparison();
}

void CompareWindow::play()
{
    if (m_timer.isActive())
        return;
    m_wall.restart();
    m_timer.start();
    m_playAction->setText(tr("Pause"));
}

void CompareWindow::pause()
{
    m_timer.stop();
    m_playAction->setText(tr("Play"));
    updateComparison();
}

void CompareWindow::step()
{
    pause();
    std::optional<core::TimePoint> next;
    for (const auto &p : m_players)
        if (const std::optional<core::TimePoint> t = p->nextEventTime())
            next = std::min(next.value_or(*t), *t);
    if (!next)
        return;
    m_clock = std::max(m_clock, *next);
    for (auto &p : m_players)
        p->runTo(m_clock);
    refreshViews();
    updateComparison();
}

void CompareWindow::setSpeed(double speed)
{
    m_speed = std::clamp(speed, 0.001, 1e6);
    // The box shows it, as one of its own or as one more.
    int index = m_speedBox->findData(m_speed);
    if (index < 0) {
        m_speedBox->addItem(QStringLiteral("×%1").arg(m_speed), m_speed);
        index = m_speedBox->count() - 1;
    }
    const QSignalBlocker quiet(m_speedBox);
    m_speedBox->setCurrentIndex(index);
}

void CompareWindow::setSideBySide(bool sideBySide)
{
    m_diagrams->setOrientation(sideBySide ? Qt::Horizontal : Qt::Vertical);
}

// One clock for both: each frame moves it on by the wall time since the
// last times the speed, and both sessions run to it.
void CompareWindow::tick()
{
    m_carry += double(m_wall.nsecsElapsed()) / 1000.0 * m_speed;
    m_wall.restart();
    const auto advance = std::int64_t(m_carry);
    m_carry -= double(advance);
    m_clock += core::Duration(advance);
    for (auto &p : m_players)
        p->runTo(m_clock);
    refreshViews();
    if (!m_sinceCompare.isValid() || m_sinceCompare.elapsed() > 250)
        updateComparison();
    if (m_players[0]->isFinished() && m_players[1]->isFinished()) {
        // The clock stops where the later run ended, not a frame's worth after.
        core::TimePoint end{0};
        for (const auto &p : m_players) {
            const trace::TraceLog::View v = p->log().view();
            if (!v.isEmpty())
                end = std::max(end, v.at(v.size() - 1).time());
        }
        m_clock = std::min(m_clock, end);
        refreshViews();
        pause();
        for (SequenceDiagramView *view : m_views) {
            view->fitToSession();
            view->setFollowLive(false);
        }
    }
}

void CompareWindow::refreshViews()
{
    for (SequenceDiagramView *view : m_views)
        view->refresh(m_clock);
}

// The other diagram shows the same stretch of time: the same scale and
// scroll, or following the live edge with this one. Scale and scroll are
// copied rather than the time range, so that the other's answer (it paints
// and announces its range in turn) asks for nothing new.
void CompareWindow::syncFrom(int side)
{
    if (m_syncing)
        return;
    m_syncing = true;
    SequenceDiagramView *from = m_views[std::size_t(side)], *to = m_views[std::size_t(1 - side)];
    to->setFollowLive(from->followsLive());
    to->setPixelsPerMs(from->pixelsPerMs());
    if (!from->followsLive())
        to->verticalScrollBar()->setValue(from->verticalScrollBar()->value());
    m_syncing = false;
}

void CompareWindow::applyOption(const QString &option, const QString &value)
{
    const int target = m_target->currentIndex();
    QStringList waiting;
    for (int side = 0; side < 2; ++side) {
        if (target != 2 && target != side)
            continue;
        Side &s = m_sides[std::size_t(side)];
        const session::SessionOption *o = session::findSessionOption(option);
        if (!o)
            return;
        bool live = false;
        if (const QString e = m_players[std::size_t(side)]->setOption(option, value, &live); !e.isEmpty()) {
            statusBar()->showMessage(tr("%1: %2").arg(option, e), 8000);
            return;
        }
        // A change that waits for the next start changes that start; one
        // that applied live is recorded in the run, and made again on restart.
        if (live) {
            // In order of time among the side's changes, a fork's later
            // departure included, so that a restart makes it at its time.
            const session::SettingChange &made = m_players[std::size_t(side)]->changes().back();
            s.changes.insert(std::ranges::upper_bound(s.changes, made.at, {}, &session::SettingChange::at), made);
        }
        else {
            o->apply(s.config, value);
            m_waiting[std::size_t(side)].insert(option);
            waiting << (side == 0 ? QStringLiteral("A") : QStringLiteral("B"));
        }
    }
    m_controls->setPending(option, !waiting.isEmpty());
    if (!waiting.isEmpty())
        statusBar()->showMessage(tr("%1 applies to %2 from the next restart").arg(option, waiting.join(u'+')), 8000);
    updateComparison();
}

// The controls show the side they act on (A for both): its settings now,
// with those that wait for the next restart in italics at their new values.
void CompareWindow::showTargetSettings()
{
    const std::size_t side = m_target->currentIndex() == 1 ? 1 : 0;
    session::SessionConfig shown = m_players[side]->config();
    for (const QString &option : std::as_const(m_waiting[side])) {
        const session::SessionOption *o = session::findSessionOption(option);
        o->apply(shown, o->current(m_sides[side].config));
    }
    m_controls->showConfig(shown);
    for (const QString &option : std::as_const(m_waiting[side]))
        m_controls->setPending(option, true);
}

void CompareWindow::updateComparison()
{
    m_sinceCompare.start();
    const trace::TraceLog::View a = m_players[0]->log().view(), b = m_players[1]->log().view();
    m_comparison = session::compareRuns(a, b);
    m_strip->setComparison(m_comparison);
    fillTable();
    if (m_charts->isVisible() || !m_timer.isActive())
        m_charts->setCurves(session::runCurves(a), session::runCurves(b));
    const session::Divergence &d = m_comparison.divergence;
    if (!d.found()) {
        m_divergence->setText(tr("So far the two runs are the same, event for event."));
        for (SequenceDiagramView *view : m_views)
            view->setStepped(std::nullopt);
        return;
    }
    m_divergence->setText(tr("First divergence: A — %1; B — %2. %3 of %4 calls ended differently. Show "
                             "zooms to it, ringed in both.")
                              .arg(eventText(a, d.a), eventText(b, d.b))
                              .arg(m_comparison.differing.size())
                              .arg(std::max(m_comparison.callsA.size(), m_comparison.callsB.size())));
    m_views[0]->setStepped(drawnFor(a, d.a));
    m_views[1]->setStepped(drawnFor(b, d.b));
}

void CompareWindow::fillTable()
{
    const std::vector<session::MetricRow> rows = session::metricRows(m_comparison.a, m_comparison.b);
    m_table->setHorizontalHeaderLabels({QString(), QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("Δ")});
    m_table->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const session::MetricRow &row = rows[std::size_t(r)];
        const QString cells[] = {metricLabel(row.key), number(row.a), number(row.b),
                                 row.delta() == 0 ? QStringLiteral("·")
                                                  : (row.delta() > 0 ? u'+' + number(row.delta()) : number(row.delta()))};
        for (int c = 0; c < 4; ++c) {
            QTableWidgetItem *item = m_table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                m_table->setItem(r, c, item);
            }
            item->setText(cells[c]);
            item->setTextAlignment(c == 0 ? Qt::AlignLeft | Qt::AlignVCenter : Qt::AlignRight | Qt::AlignVCenter);
            if (c == 3) {
                QFont f = item->font();
                f.setBold(row.delta() != 0);
                item->setFont(f);
            }
        }
    }
}

void CompareWindow::showDivergence()
{
    const session::Divergence &d = m_comparison.divergence;
    if (!d.found())
        return;
    pause();
    // Close enough that every datagram is drawn on its own, both events in view.
    std::optional<core::TimePoint> first, last;
    const qsizetype index[2] = {d.a, d.b};
    for (int side = 0; side < 2; ++side) {
        const trace::TraceLog::View v = m_players[std::size_t(side)]->log().view();
        if (index[side] >= v.size())
            continue;
        const core::TimePoint t = v.at(index[side]).time();
        first = std::min(first.value_or(t), t);
        last = std::max(last.value_or(t), t);
    }
    if (!first)
        return;
    const core::TimePoint from = std::max(core::TimePoint(0), *first - core::Duration(30'000));
    const core::TimePoint to = std::max(*last + core::Duration(100'000), from + core::Duration(150'000));
    m_syncing = true;
    for (SequenceDiagramView *view : m_views)
        view->zoomToRange(from, to);
    m_syncing = false;
}

void CompareWindow::selectCall(core::HostId client, std::uint32_t call)
{
    for (int side = 0; side < 2; ++side) {
        const trace::TraceLog::View v = m_players[std::size_t(side)]->log().view();
        for (qsizetype i = 0; i < v.size(); ++i) {
            const trace::Event &e = v.at(i);
            if (e.kind == trace::EventKind::CallStart && e.client == client && e.callId == call) {
                SequenceDiagramView *view = m_views[std::size_t(side)];
                const QSignalBlocker quiet(view);
                view->selectEvent(i);
                break;
            }
        }
    }
    statusBar()->showMessage(m_strip->describe(client, call).replace(u'\n', QStringLiteral(" · ")), 10000);
}

void CompareWindow::saveSide(int side)
{
    const QString name = side == 0 ? QStringLiteral("A") : QStringLiteral("B");
    const QString path = QFileDialog::getSaveFileName(this, tr("Save %1 as a Capture").arg(name), QString(),
                                                      tr("RpcScope captures (*.rpcscope)"));
    if (path.isEmpty())
        return;
    const session::SimulationPlayer &p = *m_players[std::size_t(side)];
    session::Summary summary = session::SummaryBuilder::fromTrace(p.log().view());
    summary.seed = p.startConfig().seed;
    summary.service = p.serviceReport();
    capture::CaptureInfo info(true, p.startConfig().clients);
    info.changes = p.changes();
    info.lineage = m_sides[std::size_t(side)].lineage;
    QString error;
    if (!capture::CaptureWriter::save(path, p.startConfig(), info, p.log().view(), summary, &error))
        QMessageBox::warning(this, tr("Save %1 as a Capture").arg(name), tr("Could not save: %1").arg(error));
    else
        statusBar()->showMessage(tr("Saved %1 to %2").arg(name, path), 8000);
}

void CompareWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_i18n.retranslate();
        fillTable();
    }
    QMainWindow::changeEvent(event);
}

} // namespace rpcscope::widgets
