#pragma once

#include "base/clock.h"
#include "chartexport.h"
#include "core/retrypolicy.h"
#include "retranslator.h"
#include "trace/chartdata.h"
#include "trace/tracelog.h"

#include <QElapsedTimer>
#include <QList>
#include <QPointF>
#include <QTimer>

#include <QWidget>

#include <array>
#include <map>
#include <set>
#include <utility>
#include <optional>
#include <vector>

class QAction;
class QBarSet;
class QChart;
class QChartView;
class QLabel;
class QLineSeries;
class QRubberBand;
class QScatterSeries;
class QTabWidget;
class QValueAxis;
class QXYSeries;

namespace rpcscope::widgets {

// Charts of a session, computed from its trace alone so live, simulated and
// replayed sessions look the same: RTT samples against the timeout, attempts
// per call, the latency CDF, goodput and calls outstanding over time.
//
// refresh() reads only the events added since the last call into running
// aggregates; the series are rebuilt from those at most a few times a second
// and decimated to a few thousand points, so a million-event trace stays cheap.
class ChartsView : public QWidget
{
    Q_OBJECT

public:
    // Attempts per finished call are counted in buckets 1..9 and "10 or more".
    static constexpr int kAttemptBuckets = trace::ChartData::kAttemptBuckets;
    // Points per series after decimation (each bin keeps its minimum and maximum).
    static constexpr int kDecimationBins = 1500;

    explicit ChartsView(QWidget *parent = nullptr);
    ~ChartsView() override;

    // A new trace (or none): forgets everything counted so far.
    void setLog(const trace::TraceLog *log);
    void clear();
    // Takes in the events of `view` not seen yet. A view smaller than what
    // was seen means a new trace: the charts start over.
    void refresh(const trace::TraceLog::View &view);
    // Rebuilds the series now instead of at the next rebuild tick.
    void flush();

    // The charts by the names the command line knows them by, in tab order:
    // rtt, retransmissions, latency-cdf, goodput, outstanding.
    static QStringList chartNames();
    QList<QChart *> charts() const { return m_charts; }
    // Presentation: titles, axis labels and legends grow by `scale` (1 is the theme's size).
    void setTextScale(double scale);
    QChart *chart(const QString &name) const; // null for a name not in chartNames()
    // Writes the charts named (all of them when `names` is empty) one under
    // another, each `size` large, as PNG or SVG (by default as the file's
    // suffix says), titled as their tabs are.
    bool exportCharts(const QString &path, const QStringList &names, QString *error,
                      std::optional<ChartFormat> format = std::nullopt, QSize size = kChartExportSize);

    // The series drawn, for tests and exports.
    QTabWidget *tabs() const { return m_tabs; }
    QScatterSeries *rttSeries() const { return m_rtt; }
    QLineSeries *timeoutSeries() const { return m_timeout; }
    QLineSeries *srttSeries() const { return m_srtt; }
    QLineSeries *rttBoundSeries() const { return m_rttBound; }
    QBarSet *attemptsSet() const { return m_attempts; }
    QLineSeries *cdfSeries() const { return m_cdf; }
    QLineSeries *callRateSeries() const { return m_callRate; }
    QLineSeries *byteRateSeries() const { return m_byteRate; }
    QLineSeries *outstandingSeries() const { return m_outstanding; }
    // Events taken in so far.
    qsizetype eventsSeen() const { return m_seen; }
    // What the hover label shows.
    QString hoverText() const;
    // The range the charts are limited to; none: the whole session.
    std::optional<std::pair<core::TimePoint, core::TimePoint>> timeRange() const { return m_range; }

Q_SIGNALS:
    // The linked charts: a click on a bar of the retransmissions histogram
    // (the calls that took `attempts`, 10 meaning ten or more), or a drag
    // across the latency CDF (the ok calls between two latencies).
    void attemptsChosen(int attempts);
    void latencyRangeChosen(double fromMs, double toMs);

public Q_SLOTS:
    // Restricts the time axes, and the calls counted in the histogram and
    // the CDF, to [from, to]; clearTimeRange() shows the whole session.
    void setTimeRange(core::TimePoint from, core::TimePoint to);
    void clearTimeRange();

    // The latency CDF's view, where a drag chooses a range of latencies.
    QChartView *cdfView() const { return m_cdfView; }

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void scheduleRebuild();
    void rebuild();
    void rebuildRtt(double x0, double x1);
    void rebuildAttempts();
    void rebuildCdf();
    void rebuildGoodput(double x0, double x1);
    void rebuildOutstanding(double x0, double x1);
    void applyTheme();
    void showHover(const QString &text);
    QChartView *addChart(QChart *chart, const QString &title);
    // Asks for a file and writes the chart on the current tab, or all of them.
    void exportFromDialog(bool all);
    // With a title marked by QT_TR_NOOP: translated again on each language change.
    QChartView *addChart(QChart *chart, const char *title);
    double endMs() const;

    QTabWidget *m_tabs = nullptr;
    QLabel *m_hover = nullptr;
    QAction *m_exportOne = nullptr; // the chart on the current tab
    QAction *m_exportAll = nullptr;
    QList<QChart *> m_charts; // in tab order, as chartNames()
    QScatterSeries *m_rtt = nullptr;
    QLineSeries *m_timeout = nullptr;
    QLineSeries *m_srtt = nullptr;
    QLineSeries *m_rttBound = nullptr;
    QValueAxis *m_rttX = nullptr;
    QValueAxis *m_rttY = nullptr;
    QBarSet *m_attempts = nullptr;
    QValueAxis *m_attemptsY = nullptr;
    QLineSeries *m_cdf = nullptr;
    QValueAxis *m_cdfX = nullptr;
    QChartView *m_cdfView = nullptr;
    QRubberBand *m_cdfBand = nullptr;
    std::optional<int> m_cdfDragFrom; // viewport x where a drag across the CDF began
    QLineSeries *m_callRate = nullptr;
    QLineSeries *m_byteRate = nullptr;
    QValueAxis *m_goodputX = nullptr;
    QValueAxis *m_callRateY = nullptr;
    QValueAxis *m_byteRateY = nullptr;
    QLineSeries *m_outstanding = nullptr;
    QValueAxis *m_outstandingX = nullptr;
    QValueAxis *m_outstandingY = nullptr;

    // What the charts are drawn from, taken in as the trace grows.
    const trace::TraceLog *m_log = nullptr;
    qsizetype m_seen = 0;
    trace::ChartData m_data;

    std::optional<std::pair<core::TimePoint, core::TimePoint>> m_range;
    bool m_dirty = false;
    QTimer m_rebuildTimer;
    QElapsedTimer m_sinceRebuild;
    QString m_hoverText;
    Retranslator m_i18n; // texts set again on QEvent::LanguageChange
};

} // namespace rpcscope::widgets
