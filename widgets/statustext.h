#pragma once

#include "base/clock.h"
#include "session/summary.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>

namespace rpcscope::remote {
struct RemoteServer;
}
namespace rpcscope::session {
class LivePlayer;
}

namespace rpcscope::widgets {

// The main window's status texts, each a function of what it describes and
// nothing else, so every wording is checked without a window
// (tst_statustext).
class StatusText
{
    Q_DECLARE_TR_FUNCTIONS(StatusText)

public:
    // The session at a glance, with what the command line's summary says too:
    // why calls failed, a long call's probes apart from retransmissions, and
    // how many damaged datagrams the checksum caught and let through.
    static QString statistics(const session::Summary &summary);

    // What the service says about the session, appended to the statistics:
    // the file transfer's end-to-end check above all, since it is the point
    // of that scenario; the counter's total. Empty when it says nothing.
    static QString service(const QJsonObject &report);

    // A session whose clients call a server on another machine, as far as
    // the status line tells it.
    struct Remote
    {
        QString server;          // "host:port"
        QHostAddress clientBind; // where the clients' sockets are bound
        bool sharesTrace = false;
        QString feedError;     // the trace feed could not start
        QString lastPullError; // the last pull of the server's trace failed
        // The server's clock (Cristian's algorithm), once a pull came back.
        struct Clock
        {
            core::Duration offset{0};
            core::Duration uncertainty{0};
            std::uint64_t samples = 0;
        };
        std::optional<Clock> clock;
        std::uint64_t otherClients = 0; // events of other clients, left out
        std::uint64_t lateEvents = 0;   // drawn at the time already shown
        std::uint64_t missed = 0;       // overwritten on the server before read

        // What a session on `server` shows now; `live` is its player, if it
        // has started.
        static Remote of(const remote::RemoteServer &server, const session::LivePlayer *live);
    };
    // "Remote server host:port (clients on …) · server clock …".
    static QString connection(const Remote &remote);
    // The diagram caption's first parts for a remote session.
    static QStringList remoteCaption(const Remote &remote);
};

} // namespace rpcscope::widgets
