#include "rpcclient.h"

#include "net/drivencore.h"
#include "net/udptransport.h"

#include <QPromise>
#include <QRandomGenerator>

#include <unordered_map>

namespace rpcscope::rpc {

using core::TimePoint;

// Owns everything that runs on the engine thread: the sans-IO core, the
// transport that drives it, and the promises of calls in flight.
class RpcClient::Engine : public QObject, public net::DrivenCore
{
public:
    Engine(const ClientOptions &options, const QElapsedTimer *clock, std::uint32_t clientId)
        : m_core(coreConfig(options, clientId), options.trace)
        , m_transport(this, options.trace, clock, transportOptions(options), this)
        , m_server(options.serverAddress)
        , m_serverPort(options.serverPort)
    {
    }

    bool bind(QString *error)
    {
        if (!m_transport.bind(error))
            return false;
        m_transport.addPeer(m_server, m_serverPort, core::kServerHost);
        m_transport.secure(core::kServerHost);
        return true;
    }

    net::UdpTransport &transport() { return m_transport; }

    void start(const QString &method, const QByteArray &args, const CallOptions &options,
               std::shared_ptr<QPromise<Reply>> promise)
    {
        if (promise->isCanceled()) {
            promise->finish();
            return;
        }
        const std::uint32_t id = m_core.startCall(method, args, m_transport.now(), options.retry);
        m_promises.emplace(id, std::move(promise));
        m_transport.wake();
    }

    void cancelAll()
    {
        const TimePoint now = m_transport.now();
        std::vector<std::uint32_t> ids;
        for (const auto &[id, promise] : m_promises)
            ids.push_back(id);
        for (std::uint32_t id : ids)
            m_core.cancel(id, now);
        afterActivity(now);
    }

    void setRetry(const core::RetryConfig &retry)
    {
        m_core.setRetryConfig(retry, m_transport.now());
        m_transport.wake();
    }

    void setNetem(const netem::NetemConfig &netem) { m_transport.setNetem(netem); }
    quint16 localPort() const { return m_transport.localPort(); }

    // DrivenCore
    core::Received receive(QByteArrayView d, core::HostId from, TimePoint now) override
    {
        return m_core.receive(d, from, now);
    }
    bool pollTransmit(core::Transmit &out) override { return m_core.pollTransmit(out); }
    std::optional<TimePoint> nextTimeout() const override { return m_core.nextTimeout(); }
    void handleTimeout(TimePoint now) override { m_core.handleTimeout(now); }

    void afterActivity(TimePoint now) override
    {
        core::Completion done;
        while (m_core.pollCompletion(done)) {
            auto it = m_promises.find(done.callId);
            if (it == m_promises.end())
                continue;
            Reply reply;
            reply.error = done.error;
            reply.status = done.status;
            reply.message = std::move(done.message);
            reply.result = std::move(done.result);
            reply.attempts = done.attempts;
            reply.latency = done.latency;
            it->second->addResult(std::move(reply));
            it->second->finish();
            m_promises.erase(it);
        }
        // QFuture::cancel() only flags the promise; look for flags now and
        // then rather than on every datagram.
        if (now - m_lastCancelSweep >= core::Duration(10'000)) {
            m_lastCancelSweep = now;
            std::vector<std::uint32_t> cancelled;
            for (const auto &[id, promise] : m_promises)
                if (promise->isCanceled())
                    cancelled.push_back(id);
            for (std::uint32_t id : cancelled)
                m_core.cancel(id, now);
            if (!cancelled.empty())
                afterActivity(now);
        }
    }

private:
    static core::ClientConfig coreConfig(const ClientOptions &o, std::uint32_t clientId)
    {
        core::ClientConfig c;
        c.clientId = clientId;
        c.host = o.host;
        c.retry = o.retry;
        c.window = o.window;
        c.ackMode = o.ackMode;
        c.checksum = o.checksum;
        c.pollInterval = o.pollInterval;
        c.maxDatagram = o.maxDatagram;
        c.maxMessageBytes = o.maxMessageBytes;
        c.seed = o.seed ? o.seed : QRandomGenerator::global()->generate64();
        return c;
    }

    static net::TransportOptions transportOptions(const ClientOptions &o)
    {
        net::TransportOptions t;
        const bool v6 = o.serverAddress.protocol() == QAbstractSocket::IPv6Protocol;
        t.bindAddress = o.bindAddress.value_or(QHostAddress(v6 ? QHostAddress::LocalHostIPv6
                                                               : QHostAddress::LocalHost));
        t.self = o.host;
        t.acceptNewPeers = false;
        t.netem = o.netem;
        t.faults = o.faults;
        t.seed = o.seed ? o.seed * 31 + 7 : QRandomGenerator::global()->generate64();
        t.key = o.key;
        return t;
    }

    core::ClientCore m_core;
    net::UdpTransport m_transport;
    QHostAddress m_server;
    quint16 m_serverPort;
    std::unordered_map<std::uint32_t, std::shared_ptr<QPromise<Reply>>> m_promises;
    TimePoint m_lastCancelSweep{0};
};

RpcClient::RpcClient(ClientOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_ownClock.start();
    m_thread.setObjectName(QStringLiteral("rpcscope-client"));
}

RpcClient::~RpcClient()
{
    stop();
}

bool RpcClient::isRunning() const
{
    return m_engine != nullptr;
}

bool RpcClient::start(QString *error)
{
    if (m_engine)
        return true;
    // A client id unique per incarnation: a restarted client must not be
    // mistaken for its earlier self by a server that remembers its calls.
    std::uint32_t clientId = 0;
    while (clientId == 0)
        clientId = QRandomGenerator::system()->generate();
    m_engine = new Engine(m_options, m_options.clock ? m_options.clock : &m_ownClock, clientId);
    connect(&m_engine->transport(), &net::UdpTransport::notice, this, &RpcClient::notice, Qt::DirectConnection);
    m_engine->moveToThread(&m_thread);
    m_thread.start();
    // Out of threads: a blocking call into a thread that never ran would
    // wait for ever.
    if (!m_thread.isRunning()) {
        delete std::exchange(m_engine, nullptr);
        if (error)
            *error = QStringLiteral("cannot start the client's network thread (the system has no more threads)");
        return false;
    }
    bool bound = false;
    QString why;
    QMetaObject::invokeMethod(
        m_engine, [&] { bound = m_engine->bind(&why); }, Qt::BlockingQueuedConnection);
    if (!bound) {
        stop();
        if (error)
            *error = why;
        return false;
    }
    m_clientId = clientId;
    return true;
}

void RpcClient::stop()
{
    if (!m_engine)
        return;
    Engine *engine = m_engine;
    m_engine = nullptr;
    QMetaObject::invokeMethod(
        engine,
        [engine] {
            engine->cancelAll();
            delete engine;
        },
        Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

QFuture<Reply> RpcClient::call(const QString &method, const QByteArray &args, CallOptions options)
{
    auto promise = std::make_shared<QPromise<Reply>>();
    QFuture<Reply> future = promise->future();
    promise->start();
    if (!m_engine) {
        Reply reply;
        reply.error = trace::CallError::Transport;
        reply.message = QStringLiteral("the client is not running");
        promise->addResult(std::move(reply));
        promise->finish();
        return future;
    }
    Engine *engine = m_engine;
    QMetaObject::invokeMethod(
        engine, [engine, method, args, options, promise] { engine->start(method, args, options, promise); },
        Qt::QueuedConnection);
    return future;
}

Reply RpcClient::callBlocking(const QString &method, const QByteArray &args, CallOptions options)
{
    Q_ASSERT_X(QThread::currentThread() != &m_thread, "RpcClient::callBlocking",
               "called on the engine thread, which would wait for itself");
    QFuture<Reply> future = call(method, args, std::move(options));
    future.waitForFinished();
    if (future.resultCount() == 0) {
        Reply reply;
        reply.error = trace::CallError::Cancelled;
        reply.message = QStringLiteral("cancelled");
        return reply;
    }
    return future.result();
}

void RpcClient::setRetry(const core::RetryConfig &retry)
{
    m_options.retry = retry;
    if (Engine *engine = m_engine)
        QMetaObject::invokeMethod(engine, [engine, retry] { engine->setRetry(retry); }, Qt::QueuedConnection);
}

void RpcClient::setNetem(const netem::NetemConfig &netem)
{
    m_options.netem = netem;
    if (Engine *engine = m_engine)
        QMetaObject::invokeMethod(engine, [engine, netem] { engine->setNetem(netem); }, Qt::QueuedConnection);
}

quint16 RpcClient::localPort() const
{
    if (!m_engine)
        return 0;
    quint16 port = 0;
    Engine *engine = m_engine;
    QMetaObject::invokeMethod(engine, [&] { port = engine->localPort(); }, Qt::BlockingQueuedConnection);
    return port;
}

std::uint32_t RpcClient::clientId() const
{
    return m_clientId;
}

} // namespace rpcscope::rpc
