#include "connectdialog.h"

#include "rpc/hostport.h"
#include "rpc/keyfile.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

namespace rpcscope::widgets {

namespace {
const auto kServerKey = QStringLiteral("remote/server");
const auto kTracePortKey = QStringLiteral("remote/tracePort");
const auto kKeyKey = QStringLiteral("remote/key");
} // namespace

ConnectDialog::ConnectDialog(const QString &service, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("connectDialog"));
    setWindowTitle(tr("Connect to Server"));
    const QSettings settings;

    auto *intro = new QLabel(
        tr("Call an <tt>rpcscope-cli serve</tt> on another machine with this window's scenario, whose "
           "service is %1. Start it there with, for example:<br>"
           "<tt>rpcscope-cli serve --bind 0.0.0.0:7000 --service %1 --key-file class.key "
           "--trace-port 7001</tt>")
            .arg(service.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::RichText);

    m_address = new QLineEdit(settings.value(kServerKey).toString(), this);
    m_address->setObjectName(QStringLiteral("serverAddress"));
    m_address->setPlaceholderText(tr("host:port, for example 192.168.1.20:7000"));
    m_tracePort = new QSpinBox(this);
    m_tracePort->setObjectName(QStringLiteral("tracePort"));
    m_tracePort->setRange(0, 65535);
    m_tracePort->setSpecialValueText(tr("none: show the clients' side only"));
    m_tracePort->setValue(settings.value(kTracePortKey, 0).toInt());
    m_tracePort->setToolTip(tr("The port given to serve's --trace-port. The server's own events then "
                               "appear in its lane, on this machine's clock."));
    // The feed's port follows the server's (port + 1, as in the example)
    // until someone sets it themselves.
    connect(m_address, &QLineEdit::textEdited, this, [this](const QString &text) {
        if (m_tracePort->property("edited").toBool())
            return;
        bool ok = false;
        const uint port = text.mid(text.lastIndexOf(u':') + 1).toUInt(&ok);
        if (ok && port > 0 && port < 65535)
            m_tracePort->setValue(int(port + 1));
    });
    connect(m_tracePort, &QSpinBox::editingFinished, this, [this] { m_tracePort->setProperty("edited", true); });

    m_key = new QLineEdit(QString::fromUtf8(QByteArray::fromBase64(settings.value(kKeyKey).toByteArray())), this);
    m_key->setObjectName(QStringLiteral("key"));
    m_key->setEchoMode(QLineEdit::Password);
    m_key->setPlaceholderText(tr("the server's --key; empty: no encryption"));
    auto *keyFile = new QPushButton(tr("From File…"), this);
    connect(keyFile, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Read Key"));
        if (!path.isEmpty())
            readKeyFile(path);
    });
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_key, 1);
    keyRow->addWidget(keyFile);
    m_rememberKey = new QCheckBox(tr("Remember the key on this computer (stored unencrypted)"), this);
    m_rememberKey->setObjectName(QStringLiteral("rememberKey"));
    m_rememberKey->setChecked(settings.contains(kKeyKey));

    auto *form = new QFormLayout;
    form->addRow(tr("&Server:"), m_address);
    form->addRow(tr("&Trace port:"), m_tracePort);
    // A row holding a layout gets no buddy of its own: name the line edit.
    auto *keyLabel = new QLabel(tr("DTLS &key:"), this);
    keyLabel->setBuddy(m_key);
    form->addRow(keyLabel, keyRow);
    form->addRow(QString(), m_rememberKey);

    auto *binding = new QLabel(tr("The clients will bind to all of this computer's addresses instead of "
                                  "loopback, so that the server's replies can reach them. The status bar "
                                  "shows this while connected.\n"
                                  "The network settings on the Controls panel then shape what the clients "
                                  "send; what the server sends is shaped where it runs (serve --loss, "
                                  "--delay-ms)."),
                               this);
    binding->setWordWrap(true);

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("connectError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d55e00"));
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ConnectDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ConnectDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(binding);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

QString ConnectDialog::validate(remote::RemoteServer *server) const
{
    rpc::HostPort where;
    if (const QString e = rpc::parseHostPort(m_address->text().trimmed(), false, where); !e.isEmpty())
        return tr("Server: %1").arg(e);
    // A key read from a file is used byte for byte, as serve --key-file
    // reads it, unless it was edited since; a typed key is its UTF-8.
    const QByteArray key = !m_keyFromFile.isEmpty() && m_key->text() == m_keyFileText ? m_keyFromFile
                                                                                      : m_key->text().toUtf8();
    const quint16 tracePort = quint16(m_tracePort->value());
    if (tracePort == where.port)
        return tr("Trace port: the feed has a port of its own, not the server's %1").arg(where.port);
    // The server refuses to share its trace without a key: it shows every
    // client's calls, so only those who hold the key may read it.
    if (tracePort != 0 && key.isEmpty())
        return tr("Trace port: the server shares its trace only over DTLS; enter its key");
    server->address = where.address;
    server->port = where.port;
    server->tracePort = tracePort;
    server->key = key;
    return {};
}

void ConnectDialog::accept()
{
    remote::RemoteServer server;
    if (const QString e = validate(&server); !e.isEmpty()) {
        m_error->setText(e);
        m_error->show();
        return;
    }
    m_server = server;
    QSettings settings;
    settings.setValue(kServerKey, m_address->text().trimmed());
    settings.setValue(kTracePortKey, m_tracePort->value());
    if (m_rememberKey->isChecked())
        settings.setValue(kKeyKey, server.key.toBase64());
    else
        settings.remove(kKeyKey);
    QDialog::accept();
}

bool ConnectDialog::readKeyFile(const QString &path)
{
    QByteArray key;
    if (const QString e = rpc::readKeyFile(path, key); !e.isEmpty()) {
        m_error->setText(tr("The key was not read: %1").arg(e));
        m_error->show();
        return false;
    }
    m_keyFromFile = key;
    m_keyFileText = QString::fromUtf8(key);
    m_key->setText(m_keyFileText);
    m_error->hide();
    return true;
}

} // namespace rpcscope::widgets
