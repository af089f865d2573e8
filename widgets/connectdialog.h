#pragma once

#include "remote/remoteserver.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace rpcscope::widgets {

// File > Connect to Server…: the address of an `rpcscope-cli serve` on
// another machine, the port where it shares its trace, and the DTLS key.
// Connecting means the clients bind to this machine's addresses rather
// than loopback, and the dialog says so: it is the one explicit step that
// opens RpcScope to the network. The server and ports are remembered; the
// key only when asked to, since QSettings stores it as it is.
class ConnectDialog : public QDialog
{
    Q_OBJECT

public:
    // `service`: the scenario's, which the server must offer (the example
    // command line names it).
    explicit ConnectDialog(const QString &service, QWidget *parent = nullptr);

    // What to connect to; set once accepted.
    std::optional<remote::RemoteServer> server() const { return m_server; }

    // The checks OK makes, for tests: empty when the fields make a server.
    QString validate(remote::RemoteServer *server) const;

    void accept() override;
    // The key button's work: the key from `path`, kept byte for byte as
    // serve --key-file reads it. False (and why, in the dialog) if unread.
    bool readKeyFile(const QString &path);

private:
    QLineEdit *m_address;
    QSpinBox *m_tracePort;
    QLineEdit *m_key;
    QCheckBox *m_rememberKey;
    QLabel *m_error;
    QByteArray m_keyFromFile; // the bytes of a key read from a file
    QString m_keyFileText;    // as the key field showed them
    std::optional<remote::RemoteServer> m_server;
};

} // namespace rpcscope::widgets
