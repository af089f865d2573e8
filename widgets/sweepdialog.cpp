#include "sweepdialog.h"

#include "chartexport.h"
#include "core/protocolconfig.h"
#include "core/retrypolicy.h"
#include "netem/netemconfig.h"
#include "session/scenario.h"
#include "session/sessionoptions.h"
#include "wire/checksum.h"

#include <QAreaSeries>
#include <QChart>
#include <QChartView>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QComboBox>
#include <QCursor>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGraphicsLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineEdit>
#include <QLineSeries>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPromise>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <array>
#include <cmath>

namespace rpcscope::widgets {

namespace {

using session::Spread;
using session::SweepRow;

// A figure a sweep measures, how it is called on the chart, and its unit.
struct MetricInfo
{
    const char *name;
    const char *unit;
    Spread SweepRow::*field;
};

const std::array<MetricInfo, 7> kMetrics{{
    {QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "mean latency of ok calls"),
     QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "ms"), &SweepRow::latencyMean},
    {QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "median latency (p50)"),
     QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "ms"), &SweepRow::latencyP50},
    {QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "99th percentile latency (p99)"),
     QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "ms"), &SweepRow::latencyP99},
    {QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "calls ok"),
     QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "calls per run"), &SweepRow::ok},
    {QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "calls failed"),
     QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "calls per run"), &SweepRow::failed},
    {QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "retransmissions"),
     QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "datagrams per run"), &SweepRow::retransmissions},
    {QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "datagrams sent"),
     QT_TRANSLATE_NOOP("rpcscope::widgets::SweepDialog", "datagrams per run"), &SweepRow::datagramsSent},
}};

// Okabe and Ito's colours: told apart with any colour vision, on light and dark.
const std::array<QColor, 7> kLineColours{QColor(0x00, 0x72, 0xb2), QColor(0xd5, 0x5e, 0x00),
                                         QColor(0x00, 0x9e, 0x73), QColor(0xcc, 0x79, 0xa7),
                                         QColor(0xe6, 0x9f, 0x00), QColor(0x56, 0xb4, 0xe9),
                                         QColor(0x55, 0x55, 0x55)};

// The words an option takes, to offer them all for comparison.
QStringList choicesOf(const QString &option)
{
    QStringList names;
    if (option == u"backoff") {
        for (int i = 0; i < core::kBackoffCount; ++i)
            names << core::backoffName(core::Backoff(i));
    } else if (option == u"ack-mode") {
        names << core::ackModeName(core::AckMode::Explicit) << core::ackModeName(core::AckMode::Implicit);
    } else if (option == u"checksum") {
        for (int i = 0; i < wire::kChecksumKindCount; ++i)
            names << wire::checksumName(wire::ChecksumKind(i));
    } else if (option == u"loss-model") {
        names << netem::lossModelName(netem::LossModel::Bernoulli) << netem::lossModelName(netem::LossModel::Gilbert);
    }
    return names;
}

QLatin1StringView valueNameOf(const QString &option)
{
    const session::SessionOption *o = session::findSessionOption(option);
    return o ? QLatin1StringView(o->valueName) : QLatin1StringView();
}

bool isWhole(const QString &option)
{
    const QLatin1StringView v = valueNameOf(option);
    return v == "N" || v == "BYTES";
}

QString number(double value)
{
    return QString::number(value, 'g', 4);
}

} // namespace

SweepDialog::SweepDialog(const session::SessionConfig &base, QWidget *parent)
    : QDialog(parent)
    , m_base(base)
{
    setObjectName(QStringLiteral("sweepDialog"));
    setWindowTitle(tr("Parameter Sweep"));
    setSizeGripEnabled(true);
    m_pool.setMaxThreadCount(QThread::idealThreadCount());

    m_inputs = new QGroupBox(tr("Sweep"), this);
    buildInputs(m_inputs);

    m_chart = new QChart;
    // One entry a line beside the plot: below it, in one row, Qt Charts cuts
    // the names short ("backoff = ful...") once a few values are compared.
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->legend()->setShowToolTips(true);
    m_chart->setBackgroundRoundness(0);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chartView = new QChartView(m_chart, this);
    m_chartView->setObjectName(QStringLiteral("sweepChart"));
    m_chartView->setRenderHint(QPainter::Antialiasing);
    m_chartView->setMinimumSize(560, 360);
    m_table = new QTableWidget(this);
    m_table->setObjectName(QStringLiteral("sweepTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_hover = new QLabel(this);
    m_hover->setObjectName(QStringLiteral("sweepHover"));
    m_hover->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *chartPage = new QWidget(this);
    auto *chartLayout = new QVBoxLayout(chartPage);
    chartLayout->setContentsMargins(0, 0, 0, 0);
    chartLayout->addWidget(m_chartView, 1);
    chartLayout->addWidget(m_hover);
    m_results = new QTabWidget(this);
    m_results->addTab(chartPage, tr("Chart"));
    m_results->addTab(m_table, tr("Table"));

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("sweepProgress"));
    m_progress->setFormat(tr("%v of %m runs"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("sweepStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_run = new QPushButton(tr("&Run"), this);
    m_run->setObjectName(QStringLiteral("runSweep"));
    m_run->setDefault(true);
    m_cancel = new QPushButton(tr("&Cancel Sweep"), this);
    m_cancel->setObjectName(QStringLiteral("cancelSweep"));
    m_exportChart = new QPushButton(tr("Export C&hart…"), this);
    m_exportChart->setObjectName(QStringLiteral("exportSweepChart"));
    m_exportChart->setToolTip(tr("Save the chart as PNG or SVG"));
    m_exportTable = new QPushButton(tr("Export &Table…"), this);
    m_exportTable->setObjectName(QStringLiteral("exportSweepTable"));
    m_exportTable->setToolTip(tr("Save the table as CSV, as rpcscope-cli sweep prints it"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    buttons->addButton(m_exportChart, QDialogButtonBox::ActionRole);
    buttons->addButton(m_exportTable, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &SweepDialog::reject);
    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    connect(m_cancel, &QPushButton::clicked, this, &SweepDialog::cancel);
    connect(m_exportChart, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), QStringLiteral("sweep.png"),
                                                          tr("PNG image (*.png);;SVG drawing (*.svg)"));
        QString error;
        if (!path.isEmpty() && !exportChart(path, &error))
            QMessageBox::warning(this, tr("RpcScope"), tr("The chart was not exported: %1").arg(error));
    });
    connect(m_exportTable, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export Table"), QStringLiteral("sweep.csv"),
                                                          tr("CSV table (*.csv)"));
        QString error;
        if (!path.isEmpty() && !exportTable(path, &error))
            QMessageBox::warning(this, tr("RpcScope"), tr("The table was not exported: %1").arg(error));
    });

    auto *top = new QHBoxLayout;
    top->addWidget(m_inputs, 0);
    top->addWidget(m_results, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(&m_watcher, &QFutureWatcherBase::progressRangeChanged, m_progress, &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcherBase::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &SweepDialog::onFinished);

    resize(1120, 640);
    setRunning(false);
    onParamChanged();
    onCompareOptionChanged();
    validate();
}

SweepDialog::~SweepDialog()
{
    m_watcher.disconnect(this);
    stopAndWait();
}

void SweepDialog::buildInputs(QWidget *box)
{
    auto *form = new QFormLayout(box);
    m_baseLabel = new QLabel(box);
    m_baseLabel->setObjectName(QStringLiteral("sweepBase"));
    m_baseLabel->setWordWrap(true);
    m_baseLabel->setText(describeBase());
    form->addRow(m_baseLabel);

    m_param = new QComboBox(box);
    m_param->setObjectName(QStringLiteral("sweepParam"));
    for (const QString &name : session::sweepableOptions()) {
        m_param->addItem(name, name);
        const session::SessionOption *o = session::findSessionOption(name);
        m_param->setItemData(m_param->count() - 1, QCoreApplication::translate("SessionOption", o->description),
                             Qt::ToolTipRole);
    }
    m_param->setCurrentIndex(std::max(0, m_param->findData(QStringLiteral("loss"))));
    form->addRow(tr("&Parameter"), m_param);

    const auto spin = [box](const char *name) {
        auto *s = new QDoubleSpinBox(box);
        s->setObjectName(QString::fromLatin1(name));
        s->setRange(0, 1e9);
        s->setKeyboardTracking(false);
        return s;
    };
    m_from = spin("sweepFrom");
    m_to = spin("sweepTo");
    form->addRow(tr("&From"), m_from);
    form->addRow(tr("&To"), m_to);
    m_steps = new QSpinBox(box);
    m_steps->setObjectName(QStringLiteral("sweepSteps"));
    m_steps->setRange(2, 200);
    m_steps->setValue(4);
    m_steps->setToolTip(tr("Points from From to To, both included"));
    form->addRow(tr("&Steps"), m_steps);
    m_runs = new QSpinBox(box);
    m_runs->setObjectName(QStringLiteral("sweepRuns"));
    m_runs->setRange(1, 100);
    m_runs->setValue(3);
    m_runs->setToolTip(tr("Simulations per point, with seeds %1, %2, …: their spread is the band around each line")
                           .arg(m_base.seed)
                           .arg(m_base.seed + 1));
    form->addRow(tr("R&uns per point"), m_runs);

    m_compareOption = new QComboBox(box);
    m_compareOption->setObjectName(QStringLiteral("sweepCompareOption"));
    m_compareOption->addItem(tr("nothing"), QString());
    for (const QString &name : session::comparableOptions())
        m_compareOption->addItem(name, name);
    m_compareOption->setCurrentIndex(std::max(0, m_compareOption->findData(QStringLiteral("backoff"))));
    form->addRow(tr("C&ompare"), m_compareOption);
    m_compareValues = new QLineEdit(box);
    m_compareValues->setObjectName(QStringLiteral("sweepCompareValues"));
    m_compareValues->setPlaceholderText(tr("value, value, …"));
    m_compareValues->setToolTip(tr("One line on the chart for each of these values, separated by commas"));
    form->addRow(tr("&Values"), m_compareValues);

    m_metric = new QComboBox(box);
    m_metric->setObjectName(QStringLiteral("sweepMetric"));
    for (const MetricInfo &m : kMetrics)
        m_metric->addItem(tr("%1 (%2)").arg(tr(m.name), tr(m.unit)));
    form->addRow(tr("&Show"), m_metric);

    connect(m_param, &QComboBox::currentIndexChanged, this, [this] {
        onParamChanged();
        validate();
    });
    connect(m_compareOption, &QComboBox::currentIndexChanged, this, [this] {
        onCompareOptionChanged();
        validate();
    });
    for (QDoubleSpinBox *s : {m_from, m_to})
        connect(s, &QDoubleSpinBox::valueChanged, this, &SweepDialog::validate);
    for (QSpinBox *s : {m_steps, m_runs})
        connect(s, &QSpinBox::valueChanged, this, &SweepDialog::validate);
    connect(m_compareValues, &QLineEdit::textChanged, this, &SweepDialog::validate);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &SweepDialog::draw);
}

QString SweepDialog::describeBase() const
{
    const session::Scenario *scenario = session::findScenario(m_base.scenario);
    const QString name = scenario ? scenario->displayTitle() : tr("current settings");
    return tr("Every run starts from %1: %2 calls, %3 clients, seed %4 and the controls' settings.")
        .arg(name)
        .arg(m_base.calls)
        .arg(m_base.clients)
        .arg(m_base.seed);
}

void SweepDialog::setBase(const session::SessionConfig &base)
{
    if (isRunning())
        return;
    m_base = base;
    m_baseLabel->setText(describeBase());
    validate();
}

// A new parameter: a range to start from, its unit, and as many decimals as it takes.
void SweepDialog::onParamChanged()
{
    const QString name = m_param->currentData().toString();
    const QLatin1StringView unit = valueNameOf(name);
    const session::SessionOption *option = session::findSessionOption(name);
    const double current = option ? option->current(m_base).toDouble() : 0.0;
    const bool probability = unit == "P";
    const int decimals = isWhole(name) ? 0 : probability ? 3 : 2;
    const double step = probability ? 0.05 : isWhole(name) ? 1 : 10;
    const double top = probability ? 1.0 : 1e9;
    QString suffix;
    if (unit == "MS")
        suffix = tr(" ms");
    else if (unit == "PER_S")
        suffix = tr(" /s");
    else if (unit == "KBPS")
        suffix = tr(" kbit/s");
    else if (unit == "BYTES")
        suffix = tr(" bytes");
    for (QDoubleSpinBox *s : {m_from, m_to}) {
        const QSignalBlocker block(s);
        s->setDecimals(decimals);
        s->setSingleStep(step);
        s->setRange(0, top);
        s->setSuffix(suffix);
    }
    const QSignalBlocker blockFrom(m_from);
    const QSignalBlocker blockTo(m_to);
    if (probability) {
        m_from->setValue(0);
        m_to->setValue(std::max(0.3, std::min(1.0, current * 2)));
    } else {
        m_from->setValue(current);
        m_to->setValue(current > 0 ? current * 4 : 100);
    }
}

void SweepDialog::onCompareOptionChanged()
{
    const QString name = m_compareOption->currentData().toString();
    m_compareValues->setEnabled(!name.isEmpty());
    if (name.isEmpty()) {
        m_compareValues->clear();
        return;
    }
    const QStringList choices = choicesOf(name);
    if (!choices.isEmpty()) {
        m_compareValues->setText(choices.join(QStringLiteral(",")));
    } else {
        const session::SessionOption *option = session::findSessionOption(name);
        m_compareValues->setText(option ? option->current(m_base) : QString());
    }
}

session::Sweep SweepDialog::sweep() const
{
    session::Sweep sweep;
    sweep.param = m_param->currentData().toString();
    sweep.from = m_from->value();
    sweep.to = m_to->value();
    sweep.steps = m_steps->value();
    sweep.runs = m_runs->value();
    const QString option = m_compareOption->currentData().toString();
    if (!option.isEmpty()) {
        QString values = m_compareValues->text();
        values.remove(u' ');
        // Refused values leave the comparison empty; problem() says why.
        sweep.setCompare(option + u'=' + values);
    }
    return sweep;
}

QString SweepDialog::problem() const
{
    if (!(m_from->value() < m_to->value()))
        return tr("From must be less than To.");
    const QString option = m_compareOption->currentData().toString();
    if (!option.isEmpty()) {
        session::Sweep probe;
        QString values = m_compareValues->text();
        values.remove(u' ');
        if (values.isEmpty())
            return tr("Give the values of %1 to compare, separated by commas.").arg(option);
        if (QString e = probe.setCompare(option + u'=' + values); !e.isEmpty())
            return tr("Values to compare: %1").arg(e);
    }
    return sweep().check(m_base);
}

void SweepDialog::validate()
{
    if (isRunning())
        return;
    const QString why = problem();
    m_run->setEnabled(why.isEmpty());
    if (!why.isEmpty()) {
        m_status->setStyleSheet(QStringLiteral("color: #c0392b; font-weight: bold;"));
        m_status->setText(why);
        return;
    }
    const session::Sweep s = sweep();
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Ready: %1 points × %2 values × %3 runs = %4 simulations.")
                          .arg(s.steps)
                          .arg(s.comparedValues().size())
                          .arg(s.runs)
                          .arg(qsizetype(s.steps) * s.comparedValues().size() * s.runs));
}

QString SweepDialog::statusText() const
{
    return m_status->text();
}

bool SweepDialog::isRunning() const
{
    return m_control != nullptr;
}

void SweepDialog::setRunning(bool running)
{
    m_inputs->setEnabled(!running);
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    m_exportChart->setEnabled(!running && !m_rows.empty());
    m_exportTable->setEnabled(!running && !m_rows.empty());
}

bool SweepDialog::start()
{
    if (isRunning())
        return false;
    if (const QString why = problem(); !why.isEmpty()) {
        validate();
        return false;
    }
    m_running = sweep();
    m_control = std::make_shared<session::SweepControl>();
    const int total = int(m_running.steps * m_running.comparedValues().size() * m_running.runs);
    m_progress->setRange(0, total);
    m_progress->setValue(0);
    m_status->setStyleSheet(QString());
    m_status->setText(tr("Running %1 simulations…").arg(total));
    setRunning(true);

    QThreadPool *pool = &m_pool;
    m_watcher.setFuture(QtConcurrent::run(
        pool, [sweep = m_running, base = m_base, control = m_control, pool, total](
                  QPromise<std::vector<SweepRow>> &promise) {
            promise.setProgressRange(0, total);
            // Runs finish on several threads; QPromise keeps the highest count.
            control->onRunDone = [&promise](int done, int) { promise.setProgressValue(done); };
            std::vector<SweepRow> rows = session::runSweep(sweep, base, pool, control.get());
            if (!control->isCancelled())
                promise.addResult(std::move(rows));
        }));
    return true;
}

void SweepDialog::cancel()
{
    if (!m_control)
        return;
    m_control->cancel();
    m_cancel->setEnabled(false);
    m_status->setText(tr("Cancelling…"));
}

void SweepDialog::stopAndWait()
{
    if (!m_control)
        return;
    m_control->cancel();
    m_watcher.waitForFinished();
}

void SweepDialog::onFinished()
{
    const std::shared_ptr<session::SweepControl> control = std::move(m_control);
    m_control.reset();
    const QFuture<std::vector<SweepRow>> future = m_watcher.future();
    const bool completed = future.resultCount() > 0;
    if (completed) {
        m_rows = future.result();
        m_shown = m_running;
        m_progress->setValue(m_progress->maximum());
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Done: %1 simulations.").arg(control->runsTotal()));
        fillTable();
        draw();
    } else {
        m_status->setStyleSheet(QString());
        m_status->setText(tr("Cancelled after %1 of %2 simulations; the chart shows the last complete sweep, if any.")
                              .arg(control->runsDone())
                              .arg(control->runsTotal()));
    }
    setRunning(false);
    Q_EMIT sweepEnded(completed);
}

SweepDialog::Metric SweepDialog::metric() const
{
    return Metric(std::max(0, m_metric->currentIndex()));
}

void SweepDialog::setMetric(Metric metric)
{
    m_metric->setCurrentIndex(int(metric));
}

void SweepDialog::draw()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis *axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_means.clear();
    m_pointRows.clear();
    m_hover->clear();
    m_hoverText.clear();
    if (m_rows.empty()) {
        m_chart->setTitle(QString());
        return;
    }

    const MetricInfo &metric = kMetrics[std::size_t(this->metric())];
    const session::Sweep &sweep = m_shown;
    const QString param = sweep.param;
    const QLatin1StringView unit = valueNameOf(param);
    QString unitText;
    if (unit == "P")
        unitText = tr("probability, 0 to 1");
    else if (unit == "MS")
        unitText = tr("ms");
    else if (unit == "N")
        unitText = tr("count");
    else if (unit == "BYTES")
        unitText = tr("bytes");
    else if (unit == "PER_S")
        unitText = tr("per second");
    else if (unit == "KBPS")
        unitText = tr("kbit/s");
    else if (unit == "X")
        unitText = tr("factor");
    auto *x = new QValueAxis;
    x->setTitleText(unitText.isEmpty() ? param : tr("%1 (%2)").arg(param, unitText));
    x->setLabelFormat(isWhole(param) ? QStringLiteral("%.0f") : QStringLiteral("%.3g"));
    x->setRange(std::min(sweep.from, sweep.to), std::max(sweep.from, sweep.to));
    x->setTickCount(std::clamp(sweep.steps, 3, 11));
    auto *y = new QValueAxis;
    y->setTitleText(tr("%1 (%2)").arg(tr(metric.name), tr(metric.unit)));
    y->setLabelFormat(QStringLiteral("%.4g"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);

    const QStringList values = sweep.comparedValues();
    const auto nValues = std::size_t(values.size());
    double top = 0;
    // Bands first, so every line is drawn over all of them.
    QList<QLineSeries *> means;
    for (std::size_t v = 0; v < nValues; ++v) {
        const QColor colour = kLineColours[v % kLineColours.size()];
        auto *mean = new QLineSeries;
        mean->setName(values[qsizetype(v)].isEmpty() ? tr(metric.name)
                                                     : tr("%1 = %2").arg(sweep.compareOption, values[qsizetype(v)]));
        mean->setColor(colour);
        mean->setPen(QPen(colour, 2.5));
        mean->setPointsVisible(true);
        auto *lower = new QLineSeries;
        auto *upper = new QLineSeries;
        QList<std::size_t> rowsOfPoints;
        for (std::size_t r = v; r < m_rows.size(); r += nValues) {
            const Spread &s = m_rows[r].*metric.field;
            if (s.count == 0)
                continue; // no call succeeded in any run here: there is no latency to draw
            const double at = m_rows[r].paramValue.toDouble();
            mean->append(at, s.mean);
            lower->append(at, s.min);
            upper->append(at, s.max);
            top = std::max(top, s.max);
            rowsOfPoints << r;
        }
        if (sweep.runs > 1) {
            auto *band = new QAreaSeries(upper, lower);
            upper->setParent(band);
            lower->setParent(band);
            band->setName(tr("%1: lowest to highest run").arg(mean->name()));
            QColor fill = colour;
            fill.setAlphaF(0.18);
            band->setBrush(fill);
            band->setPen(Qt::NoPen);
            m_chart->addSeries(band);
            band->attachAxis(x);
            band->attachAxis(y);
            // One legend entry per compared value: the line's.
            for (QLegendMarker *marker : m_chart->legend()->markers(band))
                marker->setVisible(false);
        } else {
            delete lower;
            delete upper;
        }
        means << mean;
        m_pointRows << rowsOfPoints;
    }
    for (qsizetype i = 0; i < means.size(); ++i) {
        QLineSeries *mean = means[i];
        m_chart->addSeries(mean);
        mean->attachAxis(x);
        mean->attachAxis(y);
        connect(mean, &QXYSeries::hovered, this, [this, i](const QPointF &point, bool state) {
            if (state)
                showHover(int(i), point);
        });
    }
    m_means = means;
    y->setRange(0, top > 0 ? top * 1.05 : 1.0);
    y->applyNiceNumbers();
    m_chart->setTitle(sweep.runs > 1
                          ? tr("%1 against %2 · mean of %3 runs per point, band from lowest to highest run")
                                .arg(tr(metric.name), param)
                                .arg(sweep.runs)
                          : tr("%1 against %2 · one run per point").arg(tr(metric.name), param));
}

void SweepDialog::showHover(int seriesIndex, const QPointF &point)
{
    if (seriesIndex < 0 || seriesIndex >= m_means.size())
        return;
    const QList<QPointF> points = m_means[seriesIndex]->points();
    qsizetype nearest = -1;
    for (qsizetype k = 0; k < points.size(); ++k)
        if (nearest < 0 || std::abs(points[k].x() - point.x()) < std::abs(points[nearest].x() - point.x()))
            nearest = k;
    if (nearest < 0 || nearest >= m_pointRows[seriesIndex].size())
        return;
    const SweepRow &row = m_rows[m_pointRows[seriesIndex][nearest]];
    const MetricInfo &metric = kMetrics[std::size_t(this->metric())];
    const Spread &s = row.*metric.field;
    const QString where = row.compareValue.isEmpty()
                              ? tr("%1 = %2").arg(m_shown.param, row.paramValue)
                              : tr("%1 = %2, %3 = %4").arg(m_shown.param, row.paramValue, m_shown.compareOption,
                                                           row.compareValue);
    m_hoverText = tr("%1: %2 %3 %4 (lowest %5, highest %6, over %7 runs)")
                      .arg(where, tr(metric.name), number(s.mean), tr(metric.unit), number(s.min), number(s.max))
                      .arg(s.count);
    m_hover->setText(m_hoverText);
    QToolTip::showText(QCursor::pos(), m_hoverText, m_chartView);
}

// The rows as a person reads them: rates in percent, times in milliseconds
// with one decimal, means of counts with at most one. exportTable() writes
// the command line's CSV, exact to the thousandth, instead.
void SweepDialog::fillTable()
{
    m_table->clear();
    m_table->setRowCount(0);
    if (m_rows.empty())
        return;
    const QLocale locale;
    const auto decimal = [&locale](double v, int decimals) {
        // 20.0 reads as 20, 16.666… as 16.7.
        const double rounded = std::round(v * std::pow(10.0, decimals)) / std::pow(10.0, decimals);
        const bool whole = std::abs(rounded - std::round(rounded)) < 1e-9;
        return locale.toString(rounded, 'f', whole ? 0 : decimals);
    };
    const auto ms = [&](double v) { return tr("%1 ms").arg(decimal(v, 1)); };
    const auto count = [&](double v) { return decimal(v, 1); };
    const QString param = m_shown.param;
    const QLatin1StringView unit = valueNameOf(param);
    const auto paramCell = [&](const QString &value) {
        const double v = value.toDouble();
        if (unit == "P")
            return tr("%1 %", "a rate in percent").arg(decimal(v * 100.0, 1));
        if (unit == "MS")
            return ms(v);
        if (isWhole(param))
            return locale.toString(qlonglong(std::llround(v)));
        return decimal(v, 3);
    };

    const QStringList header{param,
                             m_shown.compareOption.isEmpty() ? tr("compared") : m_shown.compareOption,
                             tr("runs"),
                             tr("mean latency"),
                             tr("lowest run"),
                             tr("highest run"),
                             tr("standard deviation"),
                             tr("median (p50)"),
                             tr("p99"),
                             tr("ok calls"),
                             tr("failed calls"),
                             tr("retransmissions"),
                             tr("datagrams sent")};
    m_table->setColumnCount(int(header.size()));
    m_table->setHorizontalHeaderLabels(header);
    m_table->setRowCount(int(m_rows.size()));
    for (std::size_t r = 0; r < m_rows.size(); ++r) {
        const SweepRow &row = m_rows[r];
        // No call succeeded in any run: there is no latency to show.
        const bool latency = row.latencyMean.count > 0;
        const QStringList cells{paramCell(row.paramValue),
                                row.compareValue,
                                locale.toString(row.runs),
                                latency ? ms(row.latencyMean.mean) : QString(),
                                latency ? ms(row.latencyMean.min) : QString(),
                                latency ? ms(row.latencyMean.max) : QString(),
                                latency ? ms(row.latencyMean.stddev) : QString(),
                                latency ? ms(row.latencyP50.mean) : QString(),
                                latency ? ms(row.latencyP99.mean) : QString(),
                                count(row.ok.mean),
                                count(row.failed.mean),
                                count(row.retransmissions.mean),
                                count(row.datagramsSent.mean)};
        for (qsizetype c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells[c]);
            if (c != 1)
                item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            m_table->setItem(int(r), int(c), item);
        }
    }
    m_table->resizeColumnsToContents();
}

bool SweepDialog::exportChart(const QString &path, QString *error)
{
    if (m_rows.empty()) {
        *error = tr("run a sweep first");
        return false;
    }
    const std::optional<ChartFormat> format = chartFormatFromName(QFileInfo(path).suffix());
    if (!format) {
        *error = tr("end the file name with .png or .svg to choose the format");
        return false;
    }
    return exportCharts({m_chart}, *format, path, error, QSize(1000, 620));
}

bool SweepDialog::exportTable(const QString &path, QString *error)
{
    if (m_rows.empty()) {
        *error = tr("run a sweep first");
        return false;
    }
    QSaveFile file(path);
    const QByteArray csv = session::sweepCsv(m_shown, m_rows).toUtf8();
    if (!file.open(QIODevice::WriteOnly) || file.write(csv) != csv.size() || !file.commit()) {
        *error = tr("cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

void SweepDialog::closeEvent(QCloseEvent *event)
{
    stopAndWait();
    QDialog::closeEvent(event);
}

void SweepDialog::reject()
{
    // Closing stops the work too: nothing keeps running for a window that is gone.
    stopAndWait();
    QDialog::reject();
}

} // namespace rpcscope::widgets
