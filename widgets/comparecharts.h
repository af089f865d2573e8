#pragma once

#include "retranslator.h"
#include "run/compare.h"

#include <QWidget>

class QBarSet;
class QChart;
class QLineSeries;
class QScatterSeries;
class QTabWidget;
class QValueAxis;

namespace rpcscope::widgets {

// The compare window's charts: A and B over each other in two colours (B's
// lines dashed) — the latency CDF, attempts per call side by side, and the
// RTT samples against the timeouts that expired.
class CompareCharts : public QWidget
{
    Q_OBJECT

public:
    explicit CompareCharts(QWidget *parent = nullptr);

    void setCurves(const session::RunCurves &a, const session::RunCurves &b);
    // As wide as the table beside it: the diagrams keep the window.
    QSize sizeHint() const override { return {460, 420}; }
    QSize minimumSizeHint() const override { return {300, 240}; }

    // The series drawn, for tests: [0] is A's, [1] B's.
    QLineSeries *cdf(int side) const { return m_cdf[side]; }
    QBarSet *attempts(int side) const { return m_attempts[side]; }
    QScatterSeries *rtt(int side) const { return m_rtt[side]; }
    QLineSeries *timeouts(int side) const { return m_timeouts[side]; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void applyTheme();

    QTabWidget *m_tabs = nullptr;
    QList<QChart *> m_charts;
    QLineSeries *m_cdf[2] = {};
    QBarSet *m_attempts[2] = {};
    QScatterSeries *m_rtt[2] = {};
    QLineSeries *m_timeouts[2] = {};
    QValueAxis *m_cdfX = nullptr;
    QValueAxis *m_attemptsY = nullptr;
    QValueAxis *m_rttX = nullptr;
    QValueAxis *m_rttY = nullptr;
    Retranslator m_i18n;
};

} // namespace rpcscope::widgets
