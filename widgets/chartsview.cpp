#include "chartsview.h"

#include "core/retrypolicy.h"
#include "wire/datagram.h"

#include <QAction>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCursor>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QGraphicsLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QMenu>
#include <QMessageBox>
#include <QMouseEvent>
#include <QRubberBand>
#include <QScatterSeries>
#include <QTabWidget>
#include <QToolButton>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <array>
#include <iterator>
#include <cmath>

namespace rpcscope::widgets {

namespace {

using trace::EventKind;

constexpr int kRebuildMs = 250;                 // series rebuilt at most four times a second
constexpr std::int64_t kGoodputBinUs = trace::ChartData::kGoodputBinUs; // goodput is counted in 10 ms bins...
constexpr int kGoodputBins = 40; // ...and drawn in about this many wider ones
constexpr int kCdfPoints = 3000;

double toMs(std::int64_t us)
{
    return double(us) / 1000.0;
}

// The points of `points` (sorted by x) within [x0, x1], with one more on each
// side so lines reach the edges. When there are more than two per bin, each
// of `bins` equal slices of [x0, x1] keeps only its lowest and highest point,
// in x order: peaks and gaps stay visible, the count stays bounded.
// The first and last bins also keep their first and last point.
QList<QPointF> decimate(const QList<QPointF> &points, double x0, double x1, int bins)
{
    auto first = std::lower_bound(points.cbegin(), points.cend(), x0,
                                  [](const QPointF &p, double x) { return p.x() < x; });
    auto last = std::upper_bound(points.cbegin(), points.cend(), x1,
                                 [](double x, const QPointF &p) { return x < p.x(); });
    if (first != points.cbegin())
        --first;
    if (last != points.cend())
        ++last;
    if (last - first <= 2 * bins)
        return QList<QPointF>(first, last);
    const double width = (x1 - x0) / bins;
    const auto binOf = [&](const QPointF &p) { return width > 0 ? std::floor((p.x() - x0) / width) : 0.0; };
    QList<QPointF> out;
    out.reserve(2 * bins + 4);
    for (auto it = first; it != last;) {
        const double bin = binOf(*it);
        auto lo = it, hi = it, end = it;
        for (; end != last && binOf(*end) == bin; ++end) {
            if (end->y() < lo->y())
                lo = end;
            if (end->y() > hi->y())
                hi = end;
        }
        const bool edge = it == first || end == last;
        std::array<decltype(it), 4> keep{edge ? it : lo, lo, hi, edge ? std::prev(end) : hi};
        std::sort(keep.begin(), keep.end());
        for (std::size_t k = 0; k < keep.size(); ++k)
            if (k == 0 || keep[k] != keep[k - 1])
                out << *keep[k];
        it = end;
    }
    return out;
}

double maxY(const QList<QPointF> &points)
{
    double m = 0;
    for (const QPointF &p : points)
        m = std::max(m, p.y());
    return m;
}

// A round tick step (1, 2 or 5 times a power of ten) giving about `ticks` ticks over `span`.
double niceStep(double span, int ticks)
{
    const double raw = std::max(span, 1e-9) / ticks;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    for (double m : {1.0, 2.0, 5.0})
        if (raw <= m * magnitude)
            return m * magnitude;
    return 10 * magnitude;
}

// Sets a time axis to exactly [x0, x1] (it follows the diagram's range) with
// ticks at round times.
void setTimeAxis(QValueAxis *axis, double x0, double x1)
{
    // Whichever change gives fewer ticks goes first: a short step over the
    // long range in between would lay out tens of thousands of labels.
    const double step = niceStep(x1 - x0, 6);
    axis->setTickAnchor(0);
    if (step >= axis->tickInterval()) {
        axis->setTickInterval(step);
        axis->setRange(x0, x1);
    } else {
        axis->setRange(x0, x1);
        axis->setTickInterval(step);
    }
}

// A count or duration axis from 0 to a round number at or above `top`.
void setValueAxis(QValueAxis *axis, double top)
{
    axis->setRange(0, std::max(top, 1.0));
    axis->applyNiceNumbers();
}

QValueAxis *valueAxis(const QString &title, const QString &format = QStringLiteral("%.0f"))
{
    auto *axis = new QValueAxis;
    axis->setTitleText(title);
    axis->setLabelFormat(format);
    return axis;
}

} // namespace

ChartsView::ChartsView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("charts"));
    m_i18n.add([this] {
        setAccessibleName(tr("Charts"));
        setAccessibleDescription(tr("Charts of the session: RTT and timeout, retransmissions, latency CDF, "
                                    "goodput and outstanding calls"));
    });
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_hover = new QLabel(this);
    m_hover->setObjectName(QStringLiteral("chartsHover"));
    m_hover->setMargin(4);
    m_hover->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_tabs, 1);
    // Hovered values show beside the tabs, where they take no chart space,
    // and so does the export button.
    m_exportOne = new QAction(this);
    m_exportOne->setObjectName(QStringLiteral("exportChart"));
    connect(m_exportOne, &QAction::triggered, this, [this] { exportFromDialog(false); });
    m_exportAll = new QAction(this);
    m_exportAll->setObjectName(QStringLiteral("exportAllCharts"));
    connect(m_exportAll, &QAction::triggered, this, [this] { exportFromDialog(true); });
    auto *exportButton = new QToolButton(this);
    exportButton->setObjectName(QStringLiteral("exportChartsButton"));
    m_i18n.add([this, exportButton] {
        m_exportOne->setText(tr("Export This Chart…"));
        m_exportAll->setText(tr("Export All Charts…"));
        exportButton->setText(tr("Export Chart…"));
        exportButton->setToolTip(tr("Save the chart shown, or all of them, as PNG or SVG"));
    });
    exportButton->setAutoRaise(true);
    exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *exportMenu = new QMenu(exportButton);
    exportMenu->addAction(m_exportOne);
    exportMenu->addAction(m_exportAll);
    exportButton->setMenu(exportMenu);
    auto *corner = new QWidget(this);
    auto *cornerLayout = new QHBoxLayout(corner);
    cornerLayout->setContentsMargins(0, 0, 0, 0);
    cornerLayout->setSpacing(4);
    cornerLayout->addWidget(m_hover);
    cornerLayout->addWidget(exportButton);
    m_tabs->setCornerWidget(corner, Qt::TopRightCorner);

    // `format` is marked with QT_TR_NOOP and translated when shown.
    const auto hoverXY = [this](QXYSeries *series, const char *format) {
        connect(series, &QXYSeries::hovered, this, [this, format](const QPointF &p, bool state) {
            if (state)
                showHover(tr(format).arg(p.x(), 0, 'f', 1).arg(p.y(), 0, 'f', 2));
        });
    };

    // RTT samples against the timeout in force.
    {
        auto *chart = new QChart;
        m_rtt = new QScatterSeries;
        m_i18n.add([this] { m_rtt->setName(tr("RTT sample (first send, no probe: Karn's rule)")); });
        m_rtt->setMarkerSize(5);
        m_rtt->setBorderColor(Qt::transparent);
        m_timeout = new QLineSeries;
        m_i18n.add([this] { m_timeout->setName(tr("timeout that expired")); });
        m_timeout->setPointsVisible(true);
        // The estimator's state after each sample (RFC 6298, the engine's
        // own RetryPolicy fed the same samples): what an adaptive timeout
        // is built from.
        m_srtt = new QLineSeries;
        m_i18n.add([this] { m_srtt->setName(tr("SRTT (smoothed RTT)")); });
        m_rttBound = new QLineSeries;
        m_i18n.add([this] { m_rttBound->setName(tr("SRTT + 4·RTTVAR")); });
        QPen bound = m_rttBound->pen();
        bound.setStyle(Qt::DashLine);
        m_rttBound->setPen(bound);
        chart->addSeries(m_timeout);
        chart->addSeries(m_srtt);
        chart->addSeries(m_rttBound);
        chart->addSeries(m_rtt);
        m_rttX = valueAxis(QString());
        m_i18n.add([this] { m_rttX->setTitleText(tr("session time (ms)")); });
        m_rttX->setTickType(QValueAxis::TicksDynamic);
        m_rttY = valueAxis(QString(), QStringLiteral("%.1f"));
        m_i18n.add([this] { m_rttY->setTitleText(tr("ms")); });
        chart->addAxis(m_rttX, Qt::AlignBottom);
        chart->addAxis(m_rttY, Qt::AlignLeft);
        for (QXYSeries *s : {static_cast<QXYSeries *>(m_rtt), static_cast<QXYSeries *>(m_timeout),
                             static_cast<QXYSeries *>(m_srtt), static_cast<QXYSeries *>(m_rttBound)}) {
            s->attachAxis(m_rttX);
            s->attachAxis(m_rttY);
        }
        hoverXY(m_srtt, QT_TR_NOOP("SRTT at t = %1 ms: %2 ms"));
        hoverXY(m_rttBound, QT_TR_NOOP("SRTT + 4·RTTVAR at t = %1 ms: %2 ms"));
        hoverXY(m_rtt, QT_TR_NOOP("RTT sample at t = %1 ms: %2 ms"));
        hoverXY(m_timeout, QT_TR_NOOP("timeout expired at t = %1 ms: %2 ms"));
        addChart(chart, QT_TR_NOOP("RTT and timeout"));
    }
    // Attempts per finished call.
    {
        auto *chart = new QChart;
        m_attempts = new QBarSet(QString());
        m_i18n.add([this] { m_attempts->setLabel(tr("finished calls")); });
        QStringList categories;
        for (int i = 1; i <= kAttemptBuckets; ++i) {
            m_attempts->append(0);
            categories << (i < kAttemptBuckets ? QString::number(i) : tr("%1+").arg(i));
        }
        auto *series = new QBarSeries;
        series->append(m_attempts);
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        m_i18n.add([x] { x->setTitleText(tr("attempts per call")); });
        x->append(categories);
        m_attemptsY = valueAxis(QString());
        m_i18n.add([this] { m_attemptsY->setTitleText(tr("calls")); });
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(m_attemptsY, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(m_attemptsY);
        connect(m_attempts, &QBarSet::clicked, this, [this](int index) { Q_EMIT attemptsChosen(index + 1); });
        connect(m_attempts, &QBarSet::hovered, this, [this, categories](bool state, int index) {
            if (state && index >= 0 && index < kAttemptBuckets)
                showHover(tr("%1 attempts: %2 calls").arg(categories.at(index)).arg(m_attempts->at(index)));
        });
        addChart(chart, QT_TR_NOOP("Retransmissions"));
    }
    // Latency CDF.
    {
        auto *chart = new QChart;
        m_cdf = new QLineSeries;
        m_i18n.add([this] { m_cdf->setName(tr("share of ok calls at or below a latency")); });
        chart->addSeries(m_cdf);
        m_cdfX = valueAxis(QString(), QStringLiteral("%.1f"));
        m_i18n.add([this] { m_cdfX->setTitleText(tr("latency (ms)")); });
        auto *y = valueAxis(QString(), QStringLiteral("%.2f"));
        m_i18n.add([y] { y->setTitleText(tr("fraction")); });
        y->setRange(0, 1);
        chart->addAxis(m_cdfX, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        m_cdf->attachAxis(m_cdfX);
        m_cdf->attachAxis(y);
        hoverXY(m_cdf, QT_TR_NOOP("latency %1 ms: fraction %2 of calls at or below"));
        m_cdfView = addChart(chart, QT_TR_NOOP("Latency CDF"));
        m_cdfView->viewport()->installEventFilter(this);
        m_i18n.add([this] { m_cdfView->setToolTip(tr("Drag across latencies to select those calls")); });
    }
    // Goodput.
    {
        auto *chart = new QChart;
        m_callRate = new QLineSeries;
        m_i18n.add([this] { m_callRate->setName(tr("completed calls/s")); });
        m_byteRate = new QLineSeries;
        m_i18n.add([this] { m_byteRate->setName(tr("delivered KiB/s (all datagrams)")); });
        chart->addSeries(m_callRate);
        chart->addSeries(m_byteRate);
        m_goodputX = valueAxis(QString());
        m_i18n.add([this] { m_goodputX->setTitleText(tr("session time (ms)")); });
        m_goodputX->setTickType(QValueAxis::TicksDynamic);
        m_callRateY = valueAxis(QString(), QStringLiteral("%.1f"));
        m_i18n.add([this] { m_callRateY->setTitleText(tr("calls/s")); });
        m_byteRateY = valueAxis(QString(), QStringLiteral("%.1f"));
        m_i18n.add([this] { m_byteRateY->setTitleText(tr("KiB/s")); });
        chart->addAxis(m_goodputX, Qt::AlignBottom);
        chart->addAxis(m_callRateY, Qt::AlignLeft);
        chart->addAxis(m_byteRateY, Qt::AlignRight);
        m_callRate->attachAxis(m_goodputX);
        m_callRate->attachAxis(m_callRateY);
        m_byteRate->attachAxis(m_goodputX);
        m_byteRate->attachAxis(m_byteRateY);
        hoverXY(m_callRate, QT_TR_NOOP("t = %1 ms: %2 completed calls/s"));
        hoverXY(m_byteRate, QT_TR_NOOP("t = %1 ms: %2 KiB/s delivered"));
        addChart(chart, QT_TR_NOOP("Goodput"));
    }
    // Calls outstanding.
    {
        auto *chart = new QChart;
        m_outstanding = new QLineSeries;
        m_i18n.add([this] { m_outstanding->setName(tr("calls started and not yet finished")); });
        chart->addSeries(m_outstanding);
        m_outstandingX = valueAxis(QString());
        m_i18n.add([this] { m_outstandingX->setTitleText(tr("session time (ms)")); });
        m_outstandingX->setTickType(QValueAxis::TicksDynamic);
        m_outstandingY = valueAxis(QString());
        m_i18n.add([this] { m_outstandingY->setTitleText(tr("calls")); });
        chart->addAxis(m_outstandingX, Qt::AlignBottom);
        chart->addAxis(m_outstandingY, Qt::AlignLeft);
        m_outstanding->attachAxis(m_outstandingX);
        m_outstanding->attachAxis(m_outstandingY);
        hoverXY(m_outstanding, QT_TR_NOOP("t = %1 ms: %2 calls outstanding"));
        addChart(chart, QT_TR_NOOP("Outstanding"));
    }

    m_rebuildTimer.setSingleShot(true);
    connect(&m_rebuildTimer, &QTimer::timeout, this, &ChartsView::rebuild);
    applyTheme();
    rebuild();
}

ChartsView::~ChartsView() = default;

QChartView *ChartsView::addChart(QChart *chart, const char *title)
{
    QChartView *view = addChart(chart, QString());
    m_i18n.add([this, view, title] {
        m_tabs->setTabText(m_tabs->indexOf(view), tr(title));
        view->setAccessibleName(tr(title));
    });
    return view;
}

QChartView *ChartsView::addChart(QChart *chart, const QString &title)
{
    // The dock is wide and short: the legend goes beside the plot.
    chart->legend()->setAlignment(Qt::AlignRight);
    chart->setBackgroundRoundness(0);
    chart->setMargins(QMargins(4, 4, 4, 4));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    auto *view = new QChartView(chart, m_tabs);
    view->setRenderHint(QPainter::Antialiasing);
    // Short enough that the docks beside it can leave a projector's diagram room.
    view->setMinimumHeight(90);
    view->setContextMenuPolicy(Qt::ActionsContextMenu);
    view->addAction(m_exportOne);
    view->addAction(m_exportAll);
    m_tabs->addTab(view, title);
    m_charts.push_back(chart);
    return view;
}

QStringList ChartsView::chartNames()
{
    return {QStringLiteral("rtt"), QStringLiteral("retransmissions"), QStringLiteral("latency-cdf"),
            QStringLiteral("goodput"), QStringLiteral("outstanding")};
}

QChart *ChartsView::chart(const QString &name) const
{
    const qsizetype i = chartNames().indexOf(name);
    return i >= 0 && i < m_charts.size() ? m_charts[i] : nullptr;
}

bool ChartsView::exportCharts(const QString &path, const QStringList &names, QString *error,
                              std::optional<ChartFormat> format, QSize size)
{
    if (!format)
        format = chartFormatFromName(QFileInfo(path).suffix());
    if (!format) {
        *error = tr("end the file name with .png or .svg to choose the format");
        return false;
    }
    QList<int> indexes;
    for (const QString &name : names) {
        const qsizetype i = chartNames().indexOf(name);
        if (i < 0) {
            *error = tr("no chart is called '%1'; expected one of %2").arg(name, chartNames().join(QStringLiteral(", ")));
            return false;
        }
        indexes << int(i);
    }
    if (indexes.isEmpty())
        for (int i = 0; i < int(m_charts.size()); ++i)
            indexes << i;
    if (m_dirty)
        rebuild();
    // On screen the tab names the chart; in a picture its title does.
    QList<QChart *> charts;
    for (int i : indexes) {
        m_charts[i]->setTitle(m_tabs->tabText(i).remove(u'&'));
        charts << m_charts[i];
    }
    const bool written = widgets::exportCharts(charts, *format, path, error, size);
    for (QChart *chart : charts)
        chart->setTitle(QString());
    return written;
}

void ChartsView::exportFromDialog(bool all)
{
    const int current = m_tabs->currentIndex();
    if (current < 0)
        return;
    const QString suggested = all ? QStringLiteral("charts.png") : chartNames().value(current) + QStringLiteral(".png");
    const QString path = QFileDialog::getSaveFileName(this, all ? tr("Export All Charts") : tr("Export Chart"),
                                                      suggested, tr("PNG image (*.png);;SVG drawing (*.svg)"));
    if (path.isEmpty())
        return;
    QString error;
    if (!exportCharts(path, all ? QStringList() : QStringList{chartNames().value(current)}, &error))
        QMessageBox::warning(this, tr("RpcScope"), tr("The chart was not exported: %1").arg(error));
}

void ChartsView::setLog(const trace::TraceLog *log)
{
    m_log = log;
    m_range.reset();
    clear();
}

void ChartsView::clear()
{
    m_seen = 0;
    m_data.clear();
    m_hoverText.clear();
    m_hover->clear();
    rebuild();
}

void ChartsView::refresh(const trace::TraceLog::View &view)
{
    if (view.size() < m_seen)
        clear();
    if (view.size() == m_seen)
        return;
    for (; m_seen < view.size(); ++m_seen)
        m_data.take(view.at(m_seen));
    scheduleRebuild();
}

void ChartsView::setTimeRange(core::TimePoint from, core::TimePoint to)
{
    if (to < from)
        std::swap(from, to);
    m_range = std::make_pair(from, to);
    rebuild();
}

void ChartsView::clearTimeRange()
{
    m_range.reset();
    rebuild();
}

void ChartsView::scheduleRebuild()
{
    m_dirty = true;
    if (!isVisible())
        return; // showEvent() catches up
    if (!m_sinceRebuild.isValid() || m_sinceRebuild.elapsed() >= kRebuildMs)
        rebuild();
    else if (!m_rebuildTimer.isActive())
        m_rebuildTimer.start(int(kRebuildMs - m_sinceRebuild.elapsed()));
}

void ChartsView::flush()
{
    rebuild();
}

double ChartsView::endMs() const
{
    return toMs(m_data.lastUs);
}

void ChartsView::rebuild()
{
    m_rebuildTimer.stop();
    m_dirty = false;
    m_sinceRebuild.start();
    double x0 = 0;
    double x1 = std::max(endMs(), 1.0);
    if (m_range) {
        x0 = toMs(m_range->first.count());
        x1 = std::max(toMs(m_range->second.count()), x0 + 0.001);
    }
    rebuildRtt(x0, x1);
    rebuildAttempts();
    rebuildCdf();
    rebuildGoodput(x0, x1);
    rebuildOutstanding(x0, x1);
}

void ChartsView::rebuildRtt(double x0, double x1)
{
    const QList<QPointF> rtt = decimate(m_data.rttSamples, x0, x1, kDecimationBins);
    const QList<QPointF> timeouts = decimate(m_data.timeouts, x0, x1, kDecimationBins);
    const QList<QPointF> srtt = decimate(m_data.srttLine, x0, x1, kDecimationBins);
    const QList<QPointF> bound = decimate(m_data.rttBoundLine, x0, x1, kDecimationBins);
    m_rtt->replace(rtt);
    m_timeout->replace(timeouts);
    m_srtt->replace(srtt);
    m_rttBound->replace(bound);
    setTimeAxis(m_rttX, x0, x1);
    setValueAxis(m_rttY, std::max({maxY(rtt), maxY(timeouts), maxY(bound)}));
}

void ChartsView::rebuildAttempts()
{
    std::array<qint64, kAttemptBuckets> counts = m_data.attemptCounts;
    if (m_range) {
        counts.fill(0);
        const auto first = std::lower_bound(m_data.finished.cbegin(), m_data.finished.cend(), m_range->first.count(),
                                            [](const trace::ChartData::FinishedCall &c, std::int64_t t) { return c.timeUs < t; });
        for (auto it = first; it != m_data.finished.cend() && it->timeUs <= m_range->second.count(); ++it)
            ++counts[std::size_t(std::min<int>(it->attempts, kAttemptBuckets) - 1)];
    }
    qint64 top = 0;
    for (int i = 0; i < kAttemptBuckets; ++i) {
        m_attempts->replace(i, double(counts[std::size_t(i)]));
        top = std::max(top, counts[std::size_t(i)]);
    }
    setValueAxis(m_attemptsY, double(top));
}

void ChartsView::rebuildCdf()
{
    // The whole session's latencies are kept sorted by merging in the new
    // ones; a time range sorts just the calls that completed within it.
    std::vector<double> ranged;
    const std::vector<double> *sorted = &m_data.sortedLatencies();
    if (m_range) {
        const auto first = std::lower_bound(m_data.latencies.cbegin(), m_data.latencies.cend(), m_range->first.count(),
                                            [](const trace::ChartData::Latency &l, std::int64_t t) { return l.timeUs < t; });
        for (auto it = first; it != m_data.latencies.cend() && it->timeUs <= m_range->second.count(); ++it)
            ranged.push_back(it->ms);
        std::sort(ranged.begin(), ranged.end());
        sorted = &ranged;
    }
    QList<QPointF> points;
    const std::size_t n = sorted->size();
    if (n > 0) {
        points.reserve(kCdfPoints + 1);
        points.append(QPointF((*sorted)[0], 0.0));
        const std::size_t steps = std::min<std::size_t>(n, kCdfPoints);
        for (std::size_t k = 1; k <= steps; ++k) {
            // The k-th of `steps` evenly spaced ranks; the last is the largest latency.
            const std::size_t rank = (k * n + steps - 1) / steps; // 1-based
            points.append(QPointF((*sorted)[rank - 1], double(rank) / double(n)));
        }
    }
    m_cdf->replace(points);
    setValueAxis(m_cdfX, n > 0 ? sorted->back() : 1.0);
}

void ChartsView::rebuildGoodput(double x0, double x1)
{
    // Bins several base bins wide, aligned to multiples of their width, so
    // the bars do not shift as the session grows.
    const double baseMs = toMs(kGoodputBinUs);
    const auto per = std::max<std::size_t>(1, std::size_t(std::ceil((x1 - x0) / kGoodputBins / baseMs)));
    const double widthMs = baseMs * double(per);
    const double end = endMs();
    std::size_t b = std::size_t(std::max(0.0, std::floor(x0 / widthMs))) * per;
    const std::size_t bins = std::max(m_data.callsPerBin.size(), m_data.bytesPerBin.size());
    QList<QPointF> calls, bytes;
    double topCalls = 0, topBytes = 0;
    for (; b < bins && double(b) * baseMs < x1; b += per) {
        const double startMs = double(b) * baseMs;
        const double spanMs = std::min(startMs + widthMs, end) - startMs;
        // A bin the session has barely entered would show a rate from a few events.
        if (spanMs < widthMs / 2 && startMs + widthMs > end)
            break;
        qint64 callCount = 0, byteCount = 0;
        for (std::size_t i = b; i < b + per; ++i) {
            if (i < m_data.callsPerBin.size())
                callCount += m_data.callsPerBin[i];
            if (i < m_data.bytesPerBin.size())
                byteCount += m_data.bytesPerBin[i];
        }
        const double callRate = double(callCount) / (spanMs / 1000.0);
        const double kibRate = double(byteCount) / 1024.0 / (spanMs / 1000.0);
        calls << QPointF(startMs, callRate) << QPointF(startMs + spanMs, callRate);
        bytes << QPointF(startMs, kibRate) << QPointF(startMs + spanMs, kibRate);
        topCalls = std::max(topCalls, callRate);
        topBytes = std::max(topBytes, kibRate);
    }
    m_callRate->replace(calls);
    m_byteRate->replace(bytes);
    setTimeAxis(m_goodputX, x0, x1);
    setValueAxis(m_callRateY, topCalls);
    setValueAxis(m_byteRateY, topBytes);
}

void ChartsView::rebuildOutstanding(double x0, double x1)
{
    const QList<QPointF> changes = decimate(m_data.outstandingSteps, x0, x1, kDecimationBins);
    QList<QPointF> steps;
    steps.reserve(2 * changes.size() + 1);
    double top = 0;
    for (const QPointF &p : changes) {
        if (!steps.isEmpty())
            steps.append(QPointF(p.x(), steps.constLast().y()));
        steps.append(p);
        top = std::max(top, p.y());
    }
    // The level holds until now.
    if (!steps.isEmpty() && steps.constLast().x() < endMs())
        steps.append(QPointF(endMs(), steps.constLast().y()));
    m_outstanding->replace(steps);
    setTimeAxis(m_outstandingX, x0, x1);
    // Headroom so a level held at the maximum does not hide in the frame.
    setValueAxis(m_outstandingY, top + 1);
}

void ChartsView::applyTheme()
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    for (QChart *chart : m_charts) {
        if (chart->theme() != theme)
            chart->setTheme(theme);
    }
    // A theme sets its own marker borders; the RTT dots read better without.
    m_rtt->setBorderColor(Qt::transparent);
    m_rtt->setMarkerSize(5);
}

void ChartsView::showHover(const QString &text)
{
    m_hoverText = text;
    m_hover->setText(text);
    QToolTip::showText(QCursor::pos(), text, this);
}

QString ChartsView::hoverText() const
{
    return m_hoverText;
}

// A drag across the latency CDF: a band over the latencies it spans, and on
// release the range in milliseconds, for the window to select those calls.
bool ChartsView::eventFilter(QObject *watched, QEvent *event)
{
    if (!m_cdfView || watched != m_cdfView->viewport())
        return QWidget::eventFilter(watched, event);
    const auto x = [event] { return static_cast<QMouseEvent *>(event)->position().toPoint().x(); };
    switch (event->type()) {
    case QEvent::MouseButtonPress:
        if (static_cast<QMouseEvent *>(event)->button() == Qt::LeftButton) {
            m_cdfDragFrom = x();
            if (!m_cdfBand)
                m_cdfBand = new QRubberBand(QRubberBand::Rectangle, m_cdfView->viewport());
            m_cdfBand->setGeometry(QRect(*m_cdfDragFrom, 0, 1, m_cdfView->viewport()->height()));
            m_cdfBand->show();
        }
        break;
    case QEvent::MouseMove:
        if (m_cdfDragFrom)
            m_cdfBand->setGeometry(QRect(std::min(x(), *m_cdfDragFrom), 0, std::abs(x() - *m_cdfDragFrom) + 1,
                                         m_cdfView->viewport()->height()));
        break;
    case QEvent::MouseButtonRelease:
        if (m_cdfDragFrom) {
            const int from = *m_cdfDragFrom, to = x();
            m_cdfDragFrom.reset();
            m_cdfBand->hide();
            if (std::abs(to - from) > 3) {
                QChart *chart = m_cdfView->chart();
                const auto ms = [&](int vx) {
                    return chart->mapToValue(m_cdfView->mapToScene(QPoint(vx, 0)), m_cdf).x();
                };
                Q_EMIT latencyRangeChosen(std::max(0.0, std::min(ms(from), ms(to))), std::max(ms(from), ms(to)));
            }
        }
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void ChartsView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    if (event->type() == QEvent::LanguageChange)
        m_i18n.retranslate();
    QWidget::changeEvent(event);
}

void ChartsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_dirty)
        rebuild();
}

void ChartsView::setTextScale(double scale)
{
    // The theme's sizes are remembered on first use, so scaling is never compounded.
    const auto scaled = [scale](QObject *owner, const char *key, QFont font) {
        const QVariant base = owner->property(key);
        const double points = base.isValid() ? base.toDouble() : font.pointSizeF();
        owner->setProperty(key, points);
        font.setPointSizeF(points * scale);
        return font;
    };
    for (QChart *chart : std::as_const(m_charts)) {
        chart->setTitleFont(scaled(chart, "rpcscopeTitlePt", chart->titleFont()));
        chart->legend()->setFont(scaled(chart->legend(), "rpcscopeLegendPt", chart->legend()->font()));
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsFont(scaled(axis, "rpcscopeLabelsPt", axis->labelsFont()));
            axis->setTitleFont(scaled(axis, "rpcscopeAxisTitlePt", axis->titleFont()));
        }
    }
    m_hover->setFont(font());
}

} // namespace rpcscope::widgets
