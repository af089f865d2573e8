#include "comparecharts.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QScatterSeries>
#include <QTabWidget>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>

namespace rpcscope::widgets {

namespace {

// A and B in the palette's blue and vermillion (Okabe and Ito), which stay
// apart under the common colour-vision deficiencies.
const QColor kColours[2] = {QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00)};
constexpr int kCdfPoints = 1000;

QValueAxis *axis(const QString &format)
{
    auto *a = new QValueAxis;
    a->setLabelFormat(format);
    return a;
}

QString side(int s)
{
    return s == 0 ? QStringLiteral("A") : QStringLiteral("B");
}

} // namespace

CompareCharts::CompareCharts(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("compareCharts"));
    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    const auto add = [this](QChart *chart, const char *title) {
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setBackgroundRoundness(0);
        chart->setMargins(QMargins(4, 4, 4, 4));
        chart->layout()->setContentsMargins(0, 0, 0, 0);
        auto *view = new QChartView(chart);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(280, 220);
        view->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Ignored);
        m_tabs->addTab(view, QString());
        m_i18n.add([this, view, title] { m_tabs->setTabText(m_tabs->indexOf(view), tr(title)); });
        m_charts << chart;
    };

    {
        auto *chart = new QChart;
        m_cdfX = axis(QStringLiteral("%.0f"));
        auto *y = axis(QStringLiteral("%.2f"));
        y->setRange(0, 1);
        chart->addAxis(m_cdfX, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (int s = 0; s < 2; ++s) {
            m_cdf[s] = new QLineSeries;
            chart->addSeries(m_cdf[s]);
            m_cdf[s]->attachAxis(m_cdfX);
            m_cdf[s]->attachAxis(y);
        }
        m_i18n.add([this, y] {
            m_cdfX->setTitleText(tr("latency (ms)"));
            y->setTitleText(tr("fraction of ok calls at or below"));
        });
        add(chart, QT_TR_NOOP("Latency CDF"));
    }
    {
        auto *chart = new QChart;
        auto *series = new QBarSeries;
        QStringList categories;
        for (int i = 1; i <= session::RunCurves::kAttemptBuckets; ++i)
            categories << (i < session::RunCurves::kAttemptBuckets ? QString::number(i) : QStringLiteral("%1+").arg(i));
        for (int s = 0; s < 2; ++s) {
            m_attempts[s] = new QBarSet(side(s));
            for (int i = 0; i < session::RunCurves::kAttemptBuckets; ++i)
                m_attempts[s]->append(0);
            series->append(m_attempts[s]);
        }
        chart->addSeries(series);
        auto *x = new QBarCategoryAxis;
        x->append(categories);
        m_attemptsY = axis(QStringLiteral("%.0f"));
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(m_attemptsY, Qt::AlignLeft);
        series->attachAxis(x);
        series->attachAxis(m_attemptsY);
        m_i18n.add([this, x] {
            x->setTitleText(tr("attempts per call"));
            m_attemptsY->setTitleText(tr("calls"));
        });
        add(chart, QT_TR_NOOP("Retransmissions"));
    }
    {
        auto *chart = new QChart;
        m_rttX = axis(QStringLiteral("%.0f"));
        m_rttY = axis(QStringLiteral("%.0f"));
        chart->addAxis(m_rttX, Qt::AlignBottom);
        chart->addAxis(m_rttY, Qt::AlignLeft);
        for (int s = 0; s < 2; ++s) {
            m_timeouts[s] = new QLineSeries;
            m_timeouts[s]->setPointsVisible(true);
            m_rtt[s] = new QScatterSeries;
            m_rtt[s]->setMarkerSize(5);
            chart->addSeries(m_timeouts[s]);
            chart->addSeries(m_rtt[s]);
            for (QXYSeries *x : {static_cast<QXYSeries *>(m_timeouts[s]), static_cast<QXYSeries *>(m_rtt[s])}) {
                x->attachAxis(m_rttX);
                x->attachAxis(m_rttY);
            }
        }
        m_i18n.add([this] {
            m_rttX->setTitleText(tr("session time (ms)"));
            m_rttY->setTitleText(tr("ms"));
        });
        add(chart, QT_TR_NOOP("RTT and timeout"));
    }
    m_i18n.add([this] {
        for (int s = 0; s < 2; ++s) {
            m_cdf[s]->setName(tr("%1: ok calls").arg(side(s)));
            m_rtt[s]->setName(tr("%1: RTT sample").arg(side(s)));
            m_timeouts[s]->setName(tr("%1: timeout that expired").arg(side(s)));
        }
    });
    applyTheme();
}

void CompareCharts::setCurves(const session::RunCurves &a, const session::RunCurves &b)
{
    const session::RunCurves *runs[2] = {&a, &b};
    double slowest = 1, mostCalls = 1, lastMs = 1, longest = 1;
    for (int s = 0; s < 2; ++s) {
        const session::RunCurves &r = *runs[s];
        // The CDF as at most kCdfPoints steps, every one at a real latency.
        QList<QPointF> points;
        const std::size_t n = r.okLatenciesMs.size();
        const std::size_t stride = std::max<std::size_t>(1, n / kCdfPoints);
        for (std::size_t i = 0; i < n; i += stride)
            points << QPointF(r.okLatenciesMs[i], double(i + 1) / double(n));
        if (n)
            points << QPointF(r.okLatenciesMs.back(), 1.0);
        m_cdf[s]->replace(points);
        if (n)
            slowest = std::max(slowest, r.okLatenciesMs.back());
        for (int i = 0; i < session::RunCurves::kAttemptBuckets; ++i) {
            m_attempts[s]->replace(i, double(r.attempts[std::size_t(i)]));
            mostCalls = std::max(mostCalls, double(r.attempts[std::size_t(i)]));
        }
        QList<QPointF> rtt, timeouts;
        for (const auto &[t, v] : r.rttSamples) {
            rtt << QPointF(t, v);
            lastMs = std::max(lastMs, t);
            longest = std::max(longest, v);
        }
        for (const auto &[t, v] : r.timeouts) {
            timeouts << QPointF(t, v);
            lastMs = std::max(lastMs, t);
            longest = std::max(longest, v);
        }
        m_rtt[s]->replace(rtt);
        m_timeouts[s]->replace(timeouts);
    }
    m_cdfX->setRange(0, slowest);
    m_cdfX->applyNiceNumbers();
    m_attemptsY->setRange(0, mostCalls);
    m_attemptsY->applyNiceNumbers();
    m_rttX->setRange(0, lastMs);
    m_rttX->applyNiceNumbers();
    m_rttY->setRange(0, longest);
    m_rttY->applyNiceNumbers();
}

void CompareCharts::applyTheme()
{
    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    const QChart::ChartTheme theme = dark ? QChart::ChartThemeDark : QChart::ChartThemeLight;
    for (QChart *chart : m_charts)
        if (chart->theme() != theme)
            chart->setTheme(theme);
    // A theme sets its own colours: A and B keep theirs, B's lines dashed.
    for (int s = 0; s < 2; ++s) {
        QPen line(kColours[s], 2, s == 0 ? Qt::SolidLine : Qt::DashLine);
        m_cdf[s]->setPen(line);
        m_timeouts[s]->setPen(QPen(kColours[s], 1, s == 0 ? Qt::SolidLine : Qt::DashLine));
        m_timeouts[s]->setColor(kColours[s]);
        m_attempts[s]->setColor(kColours[s]);
        m_attempts[s]->setBorderColor(kColours[s]);
        m_rtt[s]->setColor(kColours[s].lighter(s == 0 ? 100 : 120));
        m_rtt[s]->setBorderColor(Qt::transparent);
        m_rtt[s]->setMarkerShape(s == 0 ? QScatterSeries::MarkerShapeCircle : QScatterSeries::MarkerShapeRectangle);
    }
}

void CompareCharts::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        applyTheme();
    if (event->type() == QEvent::LanguageChange)
        m_i18n.retranslate();
    QWidget::changeEvent(event);
}

} // namespace rpcscope::widgets
