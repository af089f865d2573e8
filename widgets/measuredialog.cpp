#include "measuredialog.h"

#include "rpc/hostport.h"
#include "wire/datagram.h"

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QCloseEvent>
#include <QDialogButtonBox>
#include <QEvent>
#include <QFormLayout>
#include <QGraphicsLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QValueAxis>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace rpcscope::widgets {

namespace {

QString microseconds(double us)
{
    return us >= 1000 ? MeasureDialog::tr("%1 ms").arg(us / 1000, 0, 'f', 2)
                      : MeasureDialog::tr("%1 µs").arg(us, 0, 'f', 1);
}

// The engine names its stages in English words; shown in the language chosen.
QString stageName(const QString &stage)
{
    if (stage == u"raw round trips")
        return MeasureDialog::tr("Raw round trips");
    if (stage == u"single calls")
        return MeasureDialog::tr("Single calls");
    if (stage == u"pipelined calls")
        return MeasureDialog::tr("Pipelined calls");
    if (stage == u"goodput")
        return MeasureDialog::tr("Goodput");
    return stage;
}

QSpinBox *spin(QWidget *parent, const char *name, int min, int max, int value)
{
    auto *s = new QSpinBox(parent);
    s->setObjectName(QString::fromLatin1(name));
    s->setRange(min, max);
    s->setValue(value);
    s->setGroupSeparatorShown(true);
    return s;
}

} // namespace

MeasureDialog::MeasureDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("measureDialog"));
    setSizeGripEnabled(true);

    auto *inputs = new QGroupBox(this);
    auto *form = new QFormLayout(inputs);
    m_server = new QLineEdit(QStringLiteral("127.0.0.1:7000"), inputs);
    m_server->setObjectName(QStringLiteral("measureServer"));
    m_key = new QLineEdit(inputs);
    m_key->setObjectName(QStringLiteral("measureKey"));
    m_key->setEchoMode(QLineEdit::Password);
    m_calls = spin(inputs, "measureCalls", 10, 1'000'000, 1000);
    m_window = spin(inputs, "measureWindow", 1, rpc::MeasureOptions::kMaxWindow, 32);
    m_pipelined = spin(inputs, "measurePipelined", 100, 10'000'000, 20'000);
    m_megabytes = spin(inputs, "measureMegabytes", 1, 4096, 16);
    m_datagram = spin(inputs, "measureDatagram", int(wire::kMinMaxDatagram), int(wire::kMaxDatagramSize), 1400);
    auto *serverLabel = new QLabel(inputs), *keyLabel = new QLabel(inputs), *callsLabel = new QLabel(inputs),
         *windowLabel = new QLabel(inputs), *pipelinedLabel = new QLabel(inputs), *sizeLabel = new QLabel(inputs),
         *datagramLabel = new QLabel(inputs);
    const std::pair<QLabel *, QWidget *> rows[] = {{serverLabel, m_server},       {keyLabel, m_key},
                                                   {callsLabel, m_calls},         {windowLabel, m_window},
                                                   {pipelinedLabel, m_pipelined}, {sizeLabel, m_megabytes},
                                                   {datagramLabel, m_datagram}};
    for (const auto &[label, field] : rows) {
        label->setBuddy(field);
        form->addRow(label, field);
    }

    m_chart = new QChart;
    m_chart->setBackgroundRoundness(0);
    m_chart->layout()->setContentsMargins(0, 0, 0, 0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    auto *series = new QBarSeries;
    m_rawBars = new QBarSet(QString());
    m_callBars = new QBarSet(QString());
    series->append(m_rawBars);
    series->append(m_callBars);
    m_chart->addSeries(series);
    auto *percentiles = new QBarCategoryAxis;
    percentiles->append({QStringLiteral("p50"), QStringLiteral("p90"), QStringLiteral("p99")});
    m_chart->addAxis(percentiles, Qt::AlignBottom);
    series->attachAxis(percentiles);
    auto *us = new QValueAxis;
    us->setLabelFormat(QStringLiteral("%.0f"));
    us->setMin(0);
    m_chart->addAxis(us, Qt::AlignLeft);
    series->attachAxis(us);
    auto *chartView = new QChartView(m_chart, this);
    chartView->setObjectName(QStringLiteral("measureChart"));
    chartView->setRenderHint(QPainter::Antialiasing);
    chartView->setMinimumSize(420, 260);

    m_table = new QTableWidget(0, 2, this);
    m_table->setObjectName(QStringLiteral("measureTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false);

    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("measureProgress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("measureStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_run = new QPushButton(this);
    m_run->setObjectName(QStringLiteral("runMeasure"));
    m_run->setDefault(true);
    m_stop = new QPushButton(this);
    m_stop->setObjectName(QStringLiteral("stopMeasure"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_run, QDialogButtonBox::ActionRole);
    buttons->addButton(m_stop, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &MeasureDialog::reject);
    connect(m_run, &QPushButton::clicked, this, [this] { start(); });
    connect(m_stop, &QPushButton::clicked, this, &MeasureDialog::cancel);
    connect(&m_watcher, &QFutureWatcherBase::finished, this, &MeasureDialog::onFinished);

    auto *results = new QVBoxLayout;
    results->addWidget(chartView, 1);
    results->addWidget(m_table, 0);
    auto *top = new QHBoxLayout;
    top->addWidget(inputs, 0);
    top->addLayout(results, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    m_i18n.add([=, this] {
        setWindowTitle(tr("Measure a Server"));
        inputs->setTitle(tr("Server"));
        serverLabel->setText(tr("&Address:"));
        m_server->setToolTip(tr("HOST:PORT of an rpcscope-cli serve, here or on another machine"));
        keyLabel->setText(tr("DTLS &key:"));
        m_key->setPlaceholderText(tr("none: plain UDP"));
        callsLabel->setText(tr("&Calls timed:"));
        m_calls->setToolTip(tr("Raw echoes, and single calls one at a time, whose round trips are timed"));
        windowLabel->setText(tr("&Window:"));
        m_window->setToolTip(tr("Pipelined calls in flight at once"));
        pipelinedLabel->setText(tr("&Pipelined calls:"));
        sizeLabel->setText(tr("Messa&ge:"));
        m_megabytes->setSuffix(tr(" MiB"));
        m_megabytes->setToolTip(tr("Sent in 1 MiB calls, four in flight, each checked by SHA-256 at the server"));
        datagramLabel->setText(tr("&Datagram:"));
        m_datagram->setSuffix(tr(" bytes"));
        m_run->setText(tr("&Measure"));
        m_stop->setText(tr("&Stop"));
        m_rawBars->setLabel(tr("raw round trip (the floor)"));
        m_callBars->setLabel(tr("single call"));
        m_chart->setTitle(tr("Latency, µs"));
        m_table->setHorizontalHeaderLabels({tr("Figure"), tr("Value")});
        if (!m_result.ok() || m_result.raw.p50 > 0)
            showResult();
    });
    resize(960, 560);
    setRunning(false);
}

MeasureDialog::~MeasureDialog()
{
    m_watcher.disconnect(this);
    cancel();
    m_watcher.waitForFinished();
}

rpc::MeasureOptions MeasureDialog::options(QString *problem) const
{
    rpc::MeasureOptions o;
    rpc::HostPort where;
    if (const QString e = rpc::parseHostPort(m_server->text().trimmed(), false, where); !e.isEmpty()) {
        if (problem)
            *problem = tr("The address is not HOST:PORT: %1").arg(e);
        return o;
    }
    o.address = where.address;
    o.port = where.port;
    o.key = m_key->text().toUtf8();
    o.calls = m_calls->value();
    o.window = m_window->value();
    o.pipelinedCalls = m_pipelined->value();
    o.messageBytes = m_messageBytes >= 0 ? m_messageBytes : qint64(m_megabytes->value()) * 1024 * 1024;
    o.maxDatagram = m_datagram->value();
    return o;
}

void MeasureDialog::setServer(const QString &hostPort)
{
    m_server->setText(hostPort);
}

void MeasureDialog::setAmounts(int calls, int pipelinedCalls, qint64 messageBytes)
{
    m_calls->setMinimum(1);
    m_calls->setValue(calls);
    m_pipelined->setMinimum(1);
    m_pipelined->setValue(pipelinedCalls);
    m_messageBytes = messageBytes;
}

bool MeasureDialog::start()
{
    if (isRunning())
        return false;
    QString problem;
    const rpc::MeasureOptions o = options(&problem);
    if (!problem.isEmpty()) {
        m_status->setText(problem);
        return false;
    }
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_result = {};
    m_stage.clear();
    m_progress->setValue(0);
    m_status->setText(tr("Measuring %1…").arg(m_server->text().trimmed()));
    setRunning(true);
    // The engine reports from the worker thread; the dialog hears it on its own.
    QPointer<MeasureDialog> self(this);
    const rpc::MeasureProgress progress = [self](const QString &stage, double done) {
        QMetaObject::invokeMethod(
            self.data(),
            [self, stage, done] {
                if (self)
                    self->onProgress(stage, done);
            },
            Qt::QueuedConnection);
    };
    m_watcher.setFuture(QtConcurrent::run([o, progress, cancel = m_cancel] { return rpc::measure(o, progress, cancel.get()); }));
    return true;
}

void MeasureDialog::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool MeasureDialog::isRunning() const
{
    return m_watcher.isRunning();
}

QString MeasureDialog::statusText() const
{
    return m_status->text();
}

void MeasureDialog::onProgress(const QString &stage, double done)
{
    if (!isRunning())
        return;
    // Four stages of equal share on the bar.
    static const QStringList stages{QStringLiteral("raw round trips"), QStringLiteral("single calls"),
                                    QStringLiteral("pipelined calls"), QStringLiteral("goodput")};
    const qsizetype index = std::max<qsizetype>(0, stages.indexOf(stage));
    m_progress->setValue(int((double(index) + std::clamp(done, 0.0, 1.0)) * 25));
    m_stage = stage;
    m_status->setText(tr("%1: %2 %").arg(stageName(stage)).arg(int(done * 100)));
}

void MeasureDialog::onFinished()
{
    m_result = m_watcher.result();
    setRunning(false);
    m_progress->setValue(m_result.ok() ? 100 : m_progress->value());
    showResult();
    Q_EMIT measured(m_result.ok());
}

void MeasureDialog::showResult()
{
    const rpc::Measurement &r = m_result;
    if (!r.ok()) {
        m_status->setText(r.error == u"cancelled" ? tr("Stopped.") : tr("The measurement failed: %1").arg(r.error));
        return;
    }
    m_rawBars->remove(0, m_rawBars->count());
    m_callBars->remove(0, m_callBars->count());
    m_rawBars->append({r.raw.p50, r.raw.p90, r.raw.p99});
    m_callBars->append({r.call.p50, r.call.p90, r.call.p99});
    if (auto *axis = qobject_cast<QValueAxis *>(m_chart->axes(Qt::Vertical).value(0))) {
        axis->setRange(0, std::max(r.raw.p99, r.call.p99) * 1.1);
        axis->applyNiceNumbers();
    }

    const double perSecond = r.raw.p50 > 0 ? 1e6 / r.raw.p50 : 0;
    const QList<std::pair<QString, QString>> rows = {
        {tr("Server's wire version"), QString::number(r.serverVersion)},
        {tr("Raw round trip (the floor)"),
         tr("p50 %1, p90 %2, p99 %3").arg(microseconds(r.raw.p50), microseconds(r.raw.p90), microseconds(r.raw.p99))},
        {tr("Single call"), tr("p50 %1, p90 %2, p99 %3 (%4× the floor)")
                                .arg(microseconds(r.call.p50), microseconds(r.call.p90), microseconds(r.call.p99))
                                .arg(r.callRatio(), 0, 'f', 2)},
        {tr("Pipelined calls"), tr("%1 calls/s (%2× one raw round trip at a time)")
                                    .arg(r.callsPerSecond, 0, 'f', 0)
                                    .arg(perSecond > 0 ? r.callsPerSecond / perSecond : 0, 0, 'f', 2)},
        {tr("Goodput"), tr("%1 MiB/s (%2 Mbit/s) over %3 MiB, SHA-256 verified")
                            .arg(r.goodputBytesPerSecond / (1024.0 * 1024.0), 0, 'f', 1)
                            .arg(r.goodputBytesPerSecond * 8 / 1e6, 0, 'f', 0)
                            .arg(double(r.messageBytes) / (1024.0 * 1024.0), 0, 'f', 1)},
    };
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        m_table->setItem(i, 0, new QTableWidgetItem(rows[i].first));
        m_table->setItem(i, 1, new QTableWidgetItem(rows[i].second));
    }
    m_table->resizeColumnToContents(0);
    // Every row in sight: the table is as tall as its rows, one line each.
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth()
                            + m_table->rowCount() * m_table->verticalHeader()->defaultSectionSize());
    m_status->setText(tr("Done: a call costs %1× the raw round trip to this server.").arg(r.callRatio(), 0, 'f', 2));
}

void MeasureDialog::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_stop->setEnabled(running);
    for (QWidget *w : {static_cast<QWidget *>(m_server), static_cast<QWidget *>(m_key),
                       static_cast<QWidget *>(m_calls), static_cast<QWidget *>(m_window),
                       static_cast<QWidget *>(m_pipelined), static_cast<QWidget *>(m_megabytes),
                       static_cast<QWidget *>(m_datagram)})
        w->setEnabled(!running);
}

void MeasureDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        m_i18n.retranslate();
    QDialog::changeEvent(event);
}

void MeasureDialog::closeEvent(QCloseEvent *event)
{
    cancel();
    QDialog::closeEvent(event);
}

} // namespace rpcscope::widgets
