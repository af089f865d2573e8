#pragma once

#include "retranslator.h"
#include "rpc/measurement.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>

class QBarSet;
class QChart;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace rpcscope::widgets {

// Tools > Measure: the command line's `bench` against a server anywhere
// (rpcscope-cli serve on another machine, or this one): the raw round trip
// to it, single calls, pipelined calls and goodput, run in the background,
// charted against the floor and listed in a table.
class MeasureDialog : public QDialog
{
    Q_OBJECT

public:
    explicit MeasureDialog(QWidget *parent = nullptr);
    ~MeasureDialog() override;

    // What the inputs ask for, and what is wrong with them (empty if nothing).
    rpc::MeasureOptions options(QString *problem) const;
    void setServer(const QString &hostPort);
    // Smaller figures for a quick look (and for tests): calls, pipelined
    // calls, message bytes.
    void setAmounts(int calls, int pipelinedCalls, qint64 messageBytes);

    // Starts in the background; false, with the problem shown, if the inputs
    // are wrong or a measurement runs already.
    bool start();
    void cancel();
    bool isRunning() const;

    const rpc::Measurement &result() const { return m_result; }
    QString statusText() const;
    QChart *chart() const { return m_chart; }
    QTableWidget *table() const { return m_table; }

Q_SIGNALS:
    void measured(bool ok);

protected:
    void changeEvent(QEvent *event) override;
    void closeEvent(QCloseEvent *event) override;

private:
    void onProgress(const QString &stage, double done);
    void onFinished();
    void showResult();
    QString failureText() const;
    void setRunning(bool running);

    Retranslator m_i18n;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_key = nullptr;
    QSpinBox *m_calls = nullptr;
    QSpinBox *m_window = nullptr;
    QSpinBox *m_pipelined = nullptr;
    QSpinBox *m_megabytes = nullptr;
    QSpinBox *m_chunk = nullptr;    // KiB
    QSpinBox *m_datagram = nullptr;
    QSpinBox *m_timeout = nullptr;  // ms
    QPushButton *m_run = nullptr;
    QPushButton *m_stop = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QTableWidget *m_table = nullptr;
    QChart *m_chart = nullptr;
    QBarSet *m_rawBars = nullptr;
    QBarSet *m_callBars = nullptr;

    qint64 m_messageBytes = -1; // set by setAmounts(); -1: the spin box's MiB
    std::shared_ptr<std::atomic<bool>> m_cancel;
    QFutureWatcher<rpc::Measurement> m_watcher;
    rpc::Measurement m_result;
    rpc::MeasureOptions m_measured; // what m_result was measured with
    QString m_stage;
};

} // namespace rpcscope::widgets
