#include "livesession.h"

#include "rpc/hostport.h"
#include "rpc/rpcclient.h"
#include "rpc/rpcserver.h"
#include "services/counterservice.h"
#include "services/registry.h"
#include "services/timedservice.h"

#include <QMutex>
#include <QThread>

#include <algorithm>

namespace rpcscope::session {

// One client's closed loop: whenever a call ends, start the next, until its
// share is made. Continuations run on the client's engine thread; while the
// session is paused, the turns it would have taken are parked.
struct LiveSession::Workload
{
    LiveSession *session = nullptr;
    rpc::RpcClient *client = nullptr;
    std::atomic<int> remaining{0};
    std::atomic<std::uint64_t> index{0};
    int parked = 0; // guarded by the session's m_pauseMutex

    void next()
    {
        {
            // Checking the flag and parking happen under one lock, so a
            // resume in between cannot miss this turn.
            QMutexLocker lock(&session->m_pauseMutex);
            if (session->m_paused) {
                ++parked;
                return;
            }
        }
        if (remaining.fetch_sub(1) <= 0)
            return;
        const std::uint64_t i = index.fetch_add(1);
        rpc::Service &service = *session->m_service;
        client->call(service.sampleMethod(), service.sampleArgs(i, session->m_config.argBytes))
            .then(QtFuture::Launch::Sync, [this](const rpc::Reply &) {
                if (session->m_ended.fetch_add(1) + 1 == session->m_config.calls)
                    session->m_done.release();
                next();
            });
    }


};

int LiveSession::maxClients(const SessionConfig &config)
{
    return std::min(kMaxClients, config.limits.maxClients);
}

LiveSession::LiveSession(SessionConfig config)
    : m_config(std::move(config))
{
    m_clock.start();
}

LiveSession::~LiveSession()
{
    stop();
}

bool LiveSession::run(QString *error)
{
    if (!start(error))
        return false;
    wait();
    stop();
    return true;
}

bool LiveSession::start(QString *error)
{
    Q_ASSERT_X(!m_started, "LiveSession::start", "a session starts once");
    m_started = true;
    if (m_config.clients > maxClients(m_config)) {
        *error = QStringLiteral("%1 clients: a live session runs at most %2 (each has a thread and a socket, and "
                                "the server remembers %3 clients)")
                     .arg(m_config.clients)
                     .arg(maxClients(m_config))
                     .arg(m_config.limits.maxClients);
        return false;
    }
    m_service = services::makeService(m_config.service);
    if (!m_service) {
        *error = QStringLiteral("unknown service '%1'").arg(m_config.service);
        return false;
    }
    m_service->prepare({m_config.calls, m_config.argBytes, m_config.seed, m_config.handlerTime});

    if (!isRemote() && !startServer(error))
        return false;

    const int clients = std::max(1, m_config.clients);
    for (int i = 0; i < clients; ++i) {
        rpc::ClientOptions co;
        co.serverAddress = isRemote() ? m_remote.address : m_server->address();
        co.serverPort = isRemote() ? m_remote.port : m_server->port();
        co.bindAddress = clientBindAddress();
        co.key = m_remote.key;
        core::copyClientProtocol(m_config, co);
        co.maxMessageBytes = m_config.limits.maxMessageBytes;
        co.netem = m_config.toServer;
        co.faults = m_config.toServerFaults;
        co.wireTap = m_wireTap;
        co.seed = m_config.seed * 1000 + std::uint64_t(i) + 3;
        co.host = core::HostId(i + 1);
        co.trace = &m_sink;
        co.clock = &m_clock;
        auto client = std::make_unique<rpc::RpcClient>(co);
        if (m_notice)
            QObject::connect(client.get(), &rpc::RpcClient::notice, client.get(), m_notice,
                             Qt::DirectConnection);
        if (!client->start(error))
            return false;
        if (m_server)
            m_server->nameClient(co.serverAddress, client->localPort(), co.host);
        auto w = std::make_unique<Workload>();
        w->session = this;
        w->client = client.get();
        w->remaining = m_config.calls / clients + (i < m_config.calls % clients ? 1 : 0);
        m_clients.push_back(std::move(client));
        m_workloads.push_back(std::move(w));
    }

    m_wall.start();
    if (m_config.calls <= 0)
        m_done.release();
    for (auto &w : m_workloads)
        for (int k = 0; k < m_config.window; ++k)
            w->next();
    return true;
}

bool LiveSession::startServer(QString *error)
{
    rpc::ServerOptions so;
    core::copyServerProtocol(m_config, so);
    so.netem = m_config.toClient;
    so.faults = m_config.toClientFaults;
    so.wireTap = m_wireTap;
    so.seed = m_config.seed * 2 + 1;
    // One thread per call that can be in progress at once, and no more:
    // the server refuses calls past maxInProgressTotal, so threads beyond it
    // would never run (clients x window alone can reach millions).
    so.handlerThreads = std::max(4, int(std::min<std::int64_t>(std::int64_t(m_config.clients) * m_config.window,
                                                               m_config.limits.maxInProgressTotal)));
    so.trace = &m_sink;
    so.clock = &m_clock;
    m_server = std::make_unique<rpc::RpcServer>(so);
    m_server->setService(std::make_shared<services::TimedService>(m_service, m_config.handlerTime));
    return m_server->start(error);
}

QHostAddress LiveSession::clientBindAddress() const
{
    return rpc::clientBindAddressFor(isRemote() ? m_remote.address : QHostAddress(QHostAddress::LocalHost));
}

std::vector<std::pair<quint16, core::HostId>> LiveSession::clientPorts() const
{
    std::vector<std::pair<quint16, core::HostId>> ports;
    for (std::size_t i = 0; i < m_clients.size(); ++i)
        ports.emplace_back(m_clients[i]->localPort(), core::HostId(i + 1));
    return ports;
}

bool LiveSession::isFinished() const
{
    return m_started && m_ended.load() >= m_config.calls;
}

bool LiveSession::wait(int milliseconds)
{
    if (!m_started)
        return true;
    if (!m_done.tryAcquire(1, milliseconds))
        return false;
    m_done.release(); // later waits return at once
    return true;
}

void LiveSession::stop()
{
    if (!m_started || m_stopped)
        return;
    m_stopped = true;
    const double wallMs = m_wall.isValid() ? double(m_wall.nsecsElapsed()) / 1e6 : 0;
    {
        QMutexLocker lock(&m_pauseMutex);
        m_paused = true; // no new calls from here on
    }
    if (isFinished()) {
        // Let the last acks cross before the sockets close, as the
        // simulation drains the wire.
        QThread::msleep(std::uint64_t(std::max<std::int64_t>(
            5, 2 * std::max(m_config.toServer.delay, m_config.toClient.delay).count() / 1000 + 5)));
    }
    for (auto &client : m_clients)
        client->stop();
    if (m_server)
        m_server->stop();

    m_summary = SummaryBuilder::fromTrace(m_log.view());
    m_summary.seed = m_config.seed;
    m_summary.wallMs = wallMs;
    // A remote server's counter and file are its own; ours only made the requests.
    if (!isRemote()) {
        if (auto *counter = dynamic_cast<services::CounterService *>(m_service.get()))
            m_summary.counterTotal = counter->total();
        m_summary.service = m_service->report();
    }
}

void LiveSession::setPaused(bool paused)
{
    if (m_stopped)
        return;
    std::vector<std::pair<Workload *, int>> turns;
    {
        QMutexLocker lock(&m_pauseMutex);
        m_paused = paused;
        if (!paused)
            for (auto &w : m_workloads)
                turns.emplace_back(w.get(), std::exchange(w->parked, 0));
    }
    for (auto [workload, count] : turns)
        for (int i = 0; i < count; ++i)
            workload->next();
}

void LiveSession::setNetem(const netem::NetemConfig &toServer, const netem::NetemConfig &toClient)
{
    m_config.toServer = toServer;
    m_config.toClient = toClient;
    for (auto &client : m_clients)
        client->setNetem(toServer);
    if (m_server)
        m_server->setNetem(toClient);
}

void LiveSession::setRetry(const core::RetryConfig &retry)
{
    m_config.retry = retry;
    for (auto &client : m_clients)
        client->setRetry(retry);
}

void LiveSession::record(const trace::Event &event)
{
    m_sink.record(event);
}

} // namespace rpcscope::session

namespace rpcscope::session {

QJsonObject LiveSession::serviceReport() const
{
    return m_service && !isRemote() ? m_service->report() : QJsonObject();
}

} // namespace rpcscope::session
