#include "measuredialog.h"

#include "core/fragments.h"
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

// 16 MiB, 1.5 MiB, 64 KiB, 100 bytes.
QString sizeText(qint64 bytes)
{
    const auto number = [](double v) {
        QString text = QString::number(v, 'f', 1);
        if (text.endsWith(QLatin1StringView(".0")))
            text.chop(2);
        return text;
    };
    if (bytes >= 1024 * 1024)
        return MeasureDialog::tr("%1 MiB").arg(number(double(bytes) / (1024.0 * 1024.0)));
    if (bytes >= 1024)
        return MeasureDialog::tr("%1 KiB").arg(number(double(bytes) / 1024.0));
    return MeasureDialog::tr("%1 bytes").arg(bytes);
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
    m_chunk = spin(inputs, "measureChunk", 1, int((core::kDefaultMaxMessageBytes - 64) / 1024), 1024);
    m_datagram = spin(inputs, "measureDatagram", int(wire::kMinMaxDatagram), int(wire::kMaxDatagramSize), 1400);
    m_timeout = spin(inputs, "measureTimeout", 1, 3'600'000, 2000);
    auto *serverLabel = new QLabel(inputs), *keyLabel = new QLabel(inputs), *callsLabel = new QLabel(inputs),
         *windowLabel = new QLabel(inputs), *pipelinedLabel = new QLabel(inputs), *sizeLabel = new QLabel(inputs),
         *chunkLabel = new QLabel(inputs), *datagramLabel = new QLabel(inputs), *timeoutLabel = new QLabel(inputs);
    const std::pair<QLabel *, QWidget *> rows[] = {
        {serverLabel, m_server},       {keyLabel, m_key},        {callsLabel, m_calls},
        {windowLabel, m_window},       {pipelinedLabel, m_pipelined}, {sizeLabel, m_megabytes},
        {chunkLabel, m_chunk},         {datagramLabel, m_datagram},   {timeoutLabel, m_timeout}};
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

    m_table = new QTableWidget(0, 3, this);
    m_table->setObjectName(QStringLiteral("measureTable"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // The names and the comparisons whole; the values take what is left,
    // so the columns always fit the table and nothing scrolls out of sight.
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    // One line a row, a value elided in a narrow window (its tooltip has it
    // whole): a scroll bar would hide the last row of a table as tall as its rows.
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setTextElideMode(Qt::ElideRight);

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
        m_window->setToolTip(tr("Pipelined calls in flight at once; a server runs no more than %1 of one "
                                "client's calls at once")
                                 .arg(rpc::MeasureOptions::kMaxWindow));
        pipelinedLabel->setText(tr("&Pipelined calls:"));
        sizeLabel->setText(tr("Messa&ge:"));
        m_megabytes->setSuffix(tr(" MiB"));
        m_megabytes->setToolTip(tr("Sent one way for the goodput, in calls of the chunk's size, four in flight, "
                                   "each checked by SHA-256 at the server"));
        chunkLabel->setText(tr("C&hunk:"));
        m_chunk->setSuffix(tr(" KiB"));
        m_chunk->setToolTip(tr("Bytes per call of the goodput"));
        datagramLabel->setText(tr("&Datagram:"));
        m_datagram->setSuffix(tr(" bytes"));
        m_datagram->setToolTip(tr("The largest datagram this end sends; chunks go in fragments of it"));
        timeoutLabel->setText(tr("&Timeout:"));
        m_timeout->setSuffix(tr(" ms"));
        m_timeout->setToolTip(tr("How long to wait for the first answer before saying nobody is there"));
        m_run->setText(tr("&Measure"));
        m_stop->setText(tr("&Stop"));
        m_rawBars->setLabel(tr("raw round trip (the floor)"));
        m_callBars->setLabel(tr("single call"));
        m_chart->setTitle(tr("Latency, µs"));
        m_table->setHorizontalHeaderLabels({tr("Figure"), tr("Value"), tr("Against the floor")});
        if (!m_result.ok() || m_result.raw.p50 > 0)
            showResult();
    });
    resize(1100, 600);
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
    o.chunkBytes = qint64(m_chunk->value()) * 1024;
    o.maxDatagram = m_datagram->value();
    o.timeout = core::Duration(qint64(m_timeout->value()) * 1000);
    if (o.chunkCount() > rpc::MeasureOptions::kMaxChunks && problem)
        *problem = tr("The message would take %1 calls of the chunk's size; at most %2: choose a larger chunk.")
                       .arg(o.chunkCount())
                       .arg(rpc::MeasureOptions::kMaxChunks);
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
    m_measured = o;
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

// What stopped the measurement, in the language chosen (the engine's
// error is English, for the command line).
QString MeasureDialog::failureText() const
{
    const rpc::Measurement &r = m_result;
    const QString server = m_measured.server();
    switch (r.failure) {
    case rpc::MeasureFailure::None: return {};
    case rpc::MeasureFailure::Cancelled: return tr("Stopped.");
    case rpc::MeasureFailure::Socket: return tr("This computer cannot send to %1: %2").arg(server, r.detail);
    case rpc::MeasureFailure::NoServer:
        return tr("No RpcScope server answered at %1 within %2 ms.").arg(server).arg(m_measured.timeout.count() / 1000);
    case rpc::MeasureFailure::PortClosed: return tr("Nothing listens at %1: the port is closed.").arg(server);
    case rpc::MeasureFailure::OtherVersion:
        return tr("The server at %1 speaks wire version %2; this build speaks version %3.")
            .arg(server)
            .arg(r.serverVersion)
            .arg(wire::kVersion);
    case rpc::MeasureFailure::NoCallAnswered:
        return m_measured.key.isEmpty()
                   ? tr("The server at %1 answered its raw echo but no call: if it was started with a key, give "
                        "the same key.")
                         .arg(server)
                   : tr("The server at %1 answered its raw echo but no call: does it use this key?").arg(server);
    case rpc::MeasureFailure::CallFailed: return tr("A call to %1 failed: %2").arg(server, r.detail);
    case rpc::MeasureFailure::NotVerified:
        return tr("The SHA-256 the server at %1 computed of a chunk differs from what was sent.").arg(server);
    }
    return r.error;
}

void MeasureDialog::showResult()
{
    const rpc::Measurement &r = m_result;
    if (!r.ok()) {
        m_status->setText(failureText());
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

    const auto percentiles = [](const rpc::Percentiles &p) {
        return tr("p50 %1, p90 %2, p99 %3").arg(microseconds(p.p50), microseconds(p.p90), microseconds(p.p99));
    };
    const qint64 chunk = std::min(m_measured.chunkBytes, m_measured.messageBytes);
    struct Row
    {
        QString figure, value, againstFloor;
    };
    const QList<Row> rows = {
        {tr("Server"),
         m_measured.key.isEmpty()
             ? tr("%1, wire version %2, plain UDP").arg(m_measured.server()).arg(r.serverVersion)
             : tr("%1, wire version %2, calls through DTLS, raw echoes in plain UDP")
                   .arg(m_measured.server())
                   .arg(r.serverVersion),
         {}},
        {tr("Raw round trip (the floor)"), percentiles(r.raw),
         tr("%1 echoes, %2 lost").arg(r.rawEchoes).arg(r.rawLost)},
        {tr("Single call"), percentiles(r.call), tr("%1× the floor").arg(r.callRatio(), 0, 'f', 2)},
        {tr("Pipelined calls, window %1").arg(m_measured.window), tr("%1 calls/s").arg(r.callsPerSecond, 0, 'f', 0),
         tr("%1× one raw round trip at a time").arg(r.pipelinedRatio(), 0, 'f', 2)},
        {tr("Goodput"),
         tr("%1 MiB/s (%2 Mbit/s), SHA-256 verified")
             .arg(r.goodputBytesPerSecond / (1024.0 * 1024.0), 0, 'f', 1)
             .arg(r.goodputBytesPerSecond * 8 / 1e6, 0, 'f', 0),
         tr("%1 KiB per raw round trip").arg(r.goodputBytesPerRawRoundTrip() / 1024.0, 0, 'f', 1)},
        {tr("Message"),
         tr("%1 in calls of %2, %3 in flight, in datagrams of %4 bytes")
             .arg(sizeText(r.messageBytes), sizeText(chunk))
             .arg(std::min<qint64>(m_measured.chunkWindow, m_measured.chunkCount()))
             .arg(m_measured.maxDatagram),
         {}},
    };
    m_table->setRowCount(int(rows.size()));
    for (int i = 0; i < rows.size(); ++i) {
        const QString texts[] = {rows[i].figure, rows[i].value, rows[i].againstFloor};
        for (int column = 0; column < 3; ++column) {
            auto *item = new QTableWidgetItem(texts[column]);
            item->setToolTip(texts[column]); // whole, where a narrow window elides it
            m_table->setItem(i, column, item);
        }
    }
    // Every row in sight: the table is as tall as its rows, one line each.
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() + 2 * m_table->frameWidth()
                            + m_table->rowCount() * m_table->verticalHeader()->defaultSectionSize());
    m_status->setText(tr("Done: a call costs %1× the raw round trip to this server.").arg(r.callRatio(), 0, 'f', 2));
}

void MeasureDialog::setRunning(bool running)
{
    m_run->setEnabled(!running);
    m_stop->setEnabled(running);
    for (QWidget *w : std::initializer_list<QWidget *>{m_server, m_key, m_calls, m_window, m_pipelined, m_megabytes,
                                                        m_chunk, m_datagram, m_timeout})
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
