// The linked charts: a bar of the retransmissions histogram or a stretch of
// the latency CDF picks out calls in the diagram and the Events table, and
// a drag down the counter tracks chooses the charts' time range.
#include "chartsview.h"
#include "eventtablemodel.h"
#include "mainwindow.h"
#include "sequencediagramview.h"

#include <QLocale>
#include <QStatusBar>

namespace rpcscope::widgets {

void MainWindow::linkCharts()
{
    connect(m_charts, &ChartsView::attemptsChosen, this, [this](int attempts) {
        std::vector<session::CallKey> calls =
            session::callsByAttempts(m_player->log().view(), attempts, m_charts->timeRange());
        selectCalls(std::move(calls), attempts == 1                          ? tr("took one attempt")
                                      : attempts < ChartsView::kAttemptBuckets ? tr("took %1 attempts").arg(attempts)
                                                                               : tr("took %1 or more attempts").arg(attempts));
    });
    connect(m_charts, &ChartsView::latencyRangeChosen, this, [this](double fromMs, double toMs) {
        std::vector<session::CallKey> calls =
            session::callsByLatency(m_player->log().view(), fromMs, toMs, m_charts->timeRange());
        selectCalls(std::move(calls), tr("answered in %1 to %2 ms")
                                          .arg(QLocale().toString(fromMs, 'f', 1), QLocale().toString(toMs, 'f', 1)));
    });
    connect(m_diagram, &SequenceDiagramView::selectedCallsCleared, this, &MainWindow::clearCallSelection);

    connect(m_diagram, &SequenceDiagramView::tracksRangeChosen, this, [this](qint64 fromUs, qint64 toUs) {
        m_chartsPinned = true;
        m_charts->setTimeRange(core::TimePoint(fromUs), core::TimePoint(toUs));
        statusBar()->showMessage(tr("Charts: %1 to %2 ms, as dragged on the counter tracks; click the tracks to have "
                                    "them follow the diagram again")
                                     .arg(QLocale().toString(double(fromUs) / 1000.0, 'f', 1),
                                          QLocale().toString(double(toUs) / 1000.0, 'f', 1)),
                                 10000);
    });
    connect(m_diagram, &SequenceDiagramView::tracksRangeCleared, this, [this] {
        m_chartsPinned = false;
        if (m_diagram->followsLive()) {
            m_charts->clearTimeRange();
        } else {
            const auto [from, to] = m_diagram->visibleRange();
            m_charts->setTimeRange(from, to);
        }
        statusBar()->showMessage(tr("Charts follow the diagram again"), 5000);
    });
}

void MainWindow::selectCalls(std::vector<session::CallKey> calls, const QString &what)
{
    if (calls.empty()) {
        clearCallSelection();
        statusBar()->showMessage(tr("No call %1").arg(what), 8000);
        return;
    }
    const qsizetype count = qsizetype(calls.size());
    m_diagram->selectEvent(std::nullopt);
    m_diagram->setSelectedCalls(calls);
    m_table->setCallSetFilter(std::move(calls));
    m_diagram->setFocus();
    statusBar()->showMessage(tr("Calls that %1: %2, highlighted in the diagram and alone in the Events table; N and "
                                "P step through them, Escape lets them go")
                                 .arg(what)
                                 .arg(count));
}

void MainWindow::clearCallSelection()
{
    const bool had = !m_table->callSetFilter().empty();
    m_diagram->setSelectedCalls({});
    m_table->setCallSetFilter({});
    if (had)
        statusBar()->clearMessage();
}

} // namespace rpcscope::widgets
