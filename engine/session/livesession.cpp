#include "livesession.h"

#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "services/counterservice.h"
#include "services/timedservice.h"
#include "trace/sharedsink.h"

#include <QElapsedTimer>
#include <QSemaphore>
#include <QThread>

#include <atomic>

namespace rpcscope::session {

namespace {

// One client's closed loop: whenever a call ends, start the next, until its
// share is made. Continuations run on the client's engine thread.
struct Workload
{
    rpc::RpcClient *client = nullptr;
    services::Service *service = nullptr;
    int argBytes = 0;
    std::atomic<int> remaining{0};
    std::atomic<std::uint64_t> index{0};
    std::atomic<int> *ended = nullptr;
    int total = 0;
    QSemaphore *done = nullptr;

    void next()
    {
        if (remaining.fetch_sub(1) <= 0)
            return;
        const std::uint64_t i = index.fetch_add(1);
        client->call(service->sampleMethod(), service->sampleArgs(i, argBytes))
            .then(QtFuture::Launch::Sync, [this](const rpc::Reply &) {
                if (ended->fetch_add(1) + 1 == total)
                    done->release();
                next();
            });
    }
};

} // namespace

LiveSession::LiveSession(SessionConfig config)
    : m_config(std::move(config))
{
}

LiveSession::~LiveSession() = default;

bool LiveSession::run(QString *error)
{
    trace::SharedSink sink(&m_log);
    QElapsedTimer clock;
    clock.start();

    std::shared_ptr<services::Service> service = services::makeService(m_config.service);
    if (!service) {
        *error = QStringLiteral("unknown service '%1'").arg(m_config.service);
        return false;
    }
    auto timed = std::make_shared<services::TimedService>(service, m_config.handlerTime);

    rpc::ServerOptions so;
    so.ackMode = m_config.ackMode;
    so.ackDelay = m_config.ackDelay;
    so.checksum = m_config.checksum;
    so.limits = m_config.limits;
    so.netem = m_config.toClient;
    so.faults = m_config.toClientFaults;
    so.seed = m_config.seed * 2 + 1;
    so.handlerThreads = std::max(4, m_config.clients * m_config.window);
    so.trace = &sink;
    so.clock = &clock;
    rpc::RpcServer server(so);
    server.setService(timed);
    if (!server.start(error))
        return false;

    const int clients = std::max(1, m_config.clients);
    std::vector<std::unique_ptr<rpc::RpcClient>> rpcClients;
    std::vector<std::unique_ptr<Workload>> workloads;
    std::atomic<int> ended{0};
    QSemaphore done;
    for (int i = 0; i < clients; ++i) {
        rpc::ClientOptions co;
        co.serverAddress = server.address();
        co.serverPort = server.port();
        co.retry = m_config.retry;
        co.window = m_config.window;
        co.ackMode = m_config.ackMode;
        co.checksum = m_config.checksum;
        co.pollInterval = m_config.pollInterval;
        co.netem = m_config.toServer;
        co.faults = m_config.toServerFaults;
        co.seed = m_config.seed * 1000 + std::uint64_t(i) + 3;
        co.host = core::HostId(i + 1);
        co.trace = &sink;
        co.clock = &clock;
        auto client = std::make_unique<rpc::RpcClient>(co);
        if (!client->start(error))
            return false;
        server.nameClient(co.serverAddress, client->localPort(), co.host);
        auto w = std::make_unique<Workload>();
        w->client = client.get();
        w->service = service.get();
        w->argBytes = m_config.argBytes;
        w->remaining = m_config.calls / clients + (i < m_config.calls % clients ? 1 : 0);
        w->ended = &ended;
        w->total = m_config.calls;
        w->done = &done;
        rpcClients.push_back(std::move(client));
        workloads.push_back(std::move(w));
    }

    QElapsedTimer wall;
    wall.start();
    if (m_config.calls > 0) {
        for (auto &w : workloads)
            for (int k = 0; k < m_config.window; ++k)
                w->next();
        done.acquire();
    }
    const double wallMs = double(wall.nsecsElapsed()) / 1e6;

    // Let the last acks cross before the sockets close, as the simulation
    // drains the wire.
    QThread::msleep(std::uint64_t(std::max<std::int64_t>(
        5, 2 * std::max(m_config.toServer.delay, m_config.toClient.delay).count() / 1000 + 5)));
    for (auto &client : rpcClients)
        client->stop();
    server.stop();

    m_summary = SummaryBuilder::fromTrace(m_log.view());
    m_summary.seed = m_config.seed;
    m_summary.wallMs = wallMs;
    if (auto *counter = dynamic_cast<services::CounterService *>(service.get()))
        m_summary.counterTotal = counter->total();
    return true;
}

} // namespace rpcscope::session
