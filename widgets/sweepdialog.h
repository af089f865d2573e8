#pragma once

#include "run/sweep.h"
#include "session/sessionconfig.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QList>
#include <QThreadPool>

#include <memory>
#include <vector>

class QChart;
class QChartView;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QLineSeries;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;
class QTabWidget;

namespace rpcscope::widgets {

// A parameter study in the window: the command line's `sweep` (one option
// stepped over a range, optionally for each value of a second option, each
// point simulated with several seeds) run in the background from the
// window's current settings, drawn as one line per compared value with the
// spread across runs as a band, and exported as a picture or as the same
// CSV the command line prints.
class SweepDialog : public QDialog
{
    Q_OBJECT

public:
    // What the chart plots, each a figure runSweep() measures per run.
    enum class Metric { LatencyMean, LatencyP50, LatencyP99, Ok, Failed, Retransmissions, DatagramsSent };

    // `base`: the settings every run starts from, seed included.
    explicit SweepDialog(const session::SessionConfig &base, QWidget *parent = nullptr);
    ~SweepDialog() override;

    // New starting settings, for the next run (ignored while one runs).
    void setBase(const session::SessionConfig &base);
    const session::SessionConfig &base() const { return m_base; }

    // The sweep the inputs describe, and what is wrong with it, in words
    // (empty when it can run).
    session::Sweep sweep() const;
    QString problem() const;

    // Starts the sweep in the background; false, with the problem shown,
    // when the inputs are wrong or a sweep is already running.
    bool start();
    // Stops the sweep under way; sweepEnded(false) follows.
    void cancel();
    bool isRunning() const;

    // The last completed sweep: what it was and its rows (none yet, or
    // after a cancel).
    const std::vector<session::SweepRow> &rows() const { return m_rows; }
    const session::Sweep &shownSweep() const { return m_shown; }

    Metric metric() const;
    void setMetric(Metric metric);

    // The chart, and its mean lines: one per compared value, in order.
    QChart *chart() const { return m_chart; }
    QList<QLineSeries *> meanSeries() const { return m_means; }
    // What the status line says (the problem, the progress, the outcome).
    QString statusText() const;
    // What hovering a point showed last.
    QString hoverText() const { return m_hoverText; }

    // The chart as PNG or SVG (by suffix), the table as the command line's CSV.
    bool exportChart(const QString &path, QString *error);
    bool exportTable(const QString &path, QString *error);

Q_SIGNALS:
    // A sweep finished (completed: rows() holds it) or was cancelled.
    void sweepEnded(bool completed);

protected:
    void closeEvent(QCloseEvent *event) override;
    void reject() override;

private:
    void buildInputs(QWidget *box);
    void onParamChanged();
    void onCompareOptionChanged();
    void validate();
    void setRunning(bool running);
    void onFinished();
    void draw();
    void fillTable();
    void showHover(int seriesIndex, const QPointF &point);
    void stopAndWait();
    QString describeBase() const;

    session::SessionConfig m_base;
    QComboBox *m_param = nullptr;
    QDoubleSpinBox *m_from = nullptr;
    QDoubleSpinBox *m_to = nullptr;
    QSpinBox *m_steps = nullptr;
    QSpinBox *m_runs = nullptr;
    QComboBox *m_compareOption = nullptr;
    QLineEdit *m_compareValues = nullptr;
    QComboBox *m_metric = nullptr;
    QLabel *m_baseLabel = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_hover = nullptr;
    QProgressBar *m_progress = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_exportChart = nullptr;
    QPushButton *m_exportTable = nullptr;
    QWidget *m_inputs = nullptr;
    QTabWidget *m_results = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QTableWidget *m_table = nullptr;
    QList<QLineSeries *> m_means;
    QList<QList<std::size_t>> m_pointRows; // per mean line, the row of each of its points
    QString m_hoverText;

    // The sweep under way: its own pool, so it neither waits for nor holds
    // up the application's other background work.
    QThreadPool m_pool;
    QFutureWatcher<std::vector<session::SweepRow>> m_watcher;
    std::shared_ptr<session::SweepControl> m_control;
    session::Sweep m_running;
    session::Sweep m_shown;
    std::vector<session::SweepRow> m_rows;
};

} // namespace rpcscope::widgets
