#pragma once

// A server "on another machine" for remote classroom mode tests, on
// loopback: what `rpcscope-cli serve --service counter --key K
// --trace-port 0` sets up, in this process but with a clock, a key and a
// host numbering of its own.
#include "loopback.h"
#include "remote/remoteserver.h"
#include "remote/tracefeedservice.h"
#include "remote/tracering.h"
#include "rpc/rpcserver.h"
#include "services/counterservice.h"
#include "session/sessionconfig.h"

#include <QElapsedTimer>

#include <memory>

namespace rpcscope::testsupport {

inline const QByteArray kKey("classroom key");

// What `rpcscope-cli serve --service counter --key K --trace-port 0` sets up.
struct RemoteFixture
{
    QElapsedTimer clock;
    remote::TraceRing ring;
    std::shared_ptr<services::CounterService> counter = std::make_shared<services::CounterService>();
    std::unique_ptr<rpc::RpcServer> server;
    std::unique_ptr<remote::TraceFeedService> feedService;
    std::unique_ptr<rpc::RpcServer> feed;

    // `service`: another than the counter (makeService("echo")).
    explicit RemoteFixture(const QByteArray &key = kKey, std::shared_ptr<rpc::Service> service = nullptr)
    {
        clock.start();
        rpc::ServerOptions so;
        so.key = key;
        so.trace = &ring;
        so.clock = &clock;
        so.seed = 11;
        server = std::make_unique<rpc::RpcServer>(so);
        server->setService(service ? std::move(service) : counter);
        QString error;
        if (!server->start(&error))
            qFatal("server: %s", qPrintable(error));
        remote::TraceFeedSource source;
        source.ring = &ring;
        source.now = [this] { return core::TimePoint(clock.nsecsElapsed() / 1000); };
        source.peers = [this] { return server->peers(); };
        source.epoch = server->epoch();
        feedService = std::make_unique<remote::TraceFeedService>(source);
        rpc::ServerOptions fo;
        fo.key = key;
        fo.seed = 12;
        feed = std::make_unique<rpc::RpcServer>(fo);
        feedService->registerOn(*feed);
        if (!feed->start(&error))
            qFatal("feed: %s", qPrintable(error));
    }
    ~RemoteFixture()
    {
        feed->stop();
        server->stop();
    }

    remote::RemoteServer address(const QByteArray &key = kKey, bool withFeed = true) const
    {
        return {server->address(), server->port(), withFeed ? feed->port() : quint16(0), key};
    }
};

// Counter calls to a remote server: `loss` on what the clients send (the
// server's side is its own), patient retries so every call gets through.
inline session::SessionConfig remoteCounterSession(int calls, int clients, int window, double loss)
{
    session::SessionConfig c;
    c.scenario = QStringLiteral("remote");
    c.service = QStringLiteral("counter");
    c.calls = calls;
    c.clients = clients;
    c.window = window;
    c.seed = 5;
    c.toServer = netem::passThrough();
    c.toServer.loss = loss;
    c.toClient = netem::passThrough();
    c.retry = quickRetry(30, core::Duration(20'000'000));
    return c;
}

} // namespace rpcscope::testsupport
