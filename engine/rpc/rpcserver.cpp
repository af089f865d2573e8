#include "rpcserver.h"

#include "net/drivencore.h"
#include "net/udptransport.h"

#include <QElapsedTimer>
#include <QRandomGenerator>
#include <QSemaphore>

#include <atomic>
#include <mutex>
#include <unordered_map>

namespace rpcscope::rpc {

using core::TimePoint;

// The network thread: a QThread whose body is either Qt's event loop (with
// DTLS, whose sessions run on its timers) or the engine's own loop, which
// sleeps on the socket and a Waker and nothing else.
class RpcServer::NetworkThread : public QThread
{
public:
    std::function<void()> body; // empty: Qt's event loop
    void run() override
    {
        if (body)
            body();
        else
            exec();
    }
};

// The protocol of a server: its core and transport, on the network thread.
// Other threads reach it only through post() and run().
class RpcServer::Engine : public QObject, public net::DrivenCore
{
public:
    Engine(RpcServer *server, const ServerOptions &options, const QElapsedTimer *clock)
        : m_server(server)
        , m_core(coreConfig(options), options.trace)
        , m_transport(this, options.trace, clock, transportOptions(options), this)
    {
        connect(&m_transport, &net::UdpTransport::notice, server, &RpcServer::notice, Qt::DirectConnection);
        m_otherMethods.service = server->m_service; // set before start(), which makes the engine
    }

    // Binds on the calling thread, before the network thread starts.
    bool bind(QString *error)
    {
        if (!m_transport.bind(error))
            return false;
        m_ownLoop = m_transport.canBeDrivenFromAnyThread() && m_waker.isValid();
        return true;
    }

    // On the network thread: how it spends its life. Its own loop costs one
    // poll, one read and one write per request, where Qt's event loop adds
    // its own bookkeeping and polls around every wake-up.
    std::function<void()> body()
    {
        if (!m_ownLoop)
            return {}; // Qt's event loop; start() asks it to listen
        return [this] {
            while (!m_quit) {
                const auto ready = m_transport.waitForWork(m_waker.descriptor());
                if (ready == net::DatagramSocket::Ready::Woken)
                    m_waker.consume();
                runInbox();
                if (m_quit)
                    break;
                m_transport.process(ready != net::DatagramSocket::Ready::TimedOut);
            }
        };
    }
    bool hasOwnLoop() const { return m_ownLoop; }
    void listen() { m_transport.setListening(true); } // on the event loop's thread

    // From any thread: runs `task` on the network thread, after what is queued.
    void post(std::function<void()> task)
    {
        if (!m_ownLoop) {
            QMetaObject::invokeMethod(this, std::move(task), Qt::QueuedConnection);
            return;
        }
        bool first = false;
        {
            std::lock_guard lock(m_inboxMutex);
            first = m_inbox.empty();
            m_inbox.push_back(std::move(task));
            m_inboxPending.store(true); // before the wake-up below, which the loop sees after
        }
        if (first) // one wake-up takes the whole inbox
            m_waker.wake();
    }

    // ... and waits until it has run.
    void run(const std::function<void()> &task)
    {
        if (!m_ownLoop) {
            QMetaObject::invokeMethod(this, task, Qt::BlockingQueuedConnection);
            return;
        }
        QSemaphore done;
        post([&] {
            task();
            done.release();
        });
        done.acquire();
    }

    // The end of the network thread's own loop (Qt's is ended by quit()).
    void quitLoop() { m_quit = true; }
    net::UdpTransport &transport() { return m_transport; }
    std::uint32_t epoch() const { return m_core.config().epoch; }

    void forgetHost(core::HostId host) override { m_core.forgetHost(host); }

    core::Received receive(QByteArrayView d, core::HostId from, TimePoint now) override
    {
        const core::Received received = m_core.receive(d, from, now);
        switch (received) {
        case core::Received::Accepted: ++m_counters.accepted; break;
        case core::Received::ChecksumFailed: ++m_counters.damaged; break;
        case core::Received::Malformed: ++m_counters.malformed; break;
        }
        notePeaks();
        return received;
    }

    ServerCounters counters() const
    {
        ServerCounters c = m_counters;
        const net::UdpTransport::Stats &t = m_transport.stats();
        c.datagrams = t.received;
        c.fromUnknownPeers = t.fromUnknownPeers;
        c.peersForgotten = t.peersForgotten;
        c.overAddressLimit = t.overAddressLimit;
        c.sendsDropped = t.delayedDropped;
        c.rawEchoes = t.echoesAnswered;
        c.rawEchoesOverRate = t.echoesOverRate;
        c.handlersInline = m_inlineRuns;
        c.handlersPooled = m_pooledRuns;
        c.peakDelayedBytes = t.peakDelayedBytes;
        c.amplification = m_core.amplification();
        c.peers = m_transport.peerCount();
        if (const net::DtlsChannel *dtls = m_transport.dtls()) {
            c.dtlsSessions = dtls->stats().sessions;
            c.dtlsRefused = dtls->stats().refused;
            c.dtlsDropped = dtls->stats().undecryptable;
        }
        return c;
    }
    QList<PeerAddress> peers() const
    {
        QList<PeerAddress> peers;
        for (const net::UdpTransport::KnownPeer &p : m_transport.peers())
            peers.append({p.host, p.address, p.port});
        return peers;
    }

    bool pollTransmit(core::Transmit &out) override { return m_core.pollTransmit(out); }
    std::optional<TimePoint> nextTimeout() const override { return m_core.nextTimeout(); }
    void handleTimeout(TimePoint now) override { m_core.handleTimeout(now); }

    void afterActivity(TimePoint) override
    {
        core::Execution exec;
        while (m_core.pollExecution(exec))
            dispatch(std::move(exec));
    }

    // Stops taking datagrams and starting handlers; what is running may
    // still report back, and is dropped.
    void shutDown()
    {
        m_stopping = true;
        m_transport.close();
    }

    void runInbox()
    {
        // Most rounds find nothing posted: one atomic load, not a lock.
        if (!m_inboxPending.load())
            return;
        {
            std::lock_guard lock(m_inboxMutex);
            m_inbox.swap(m_inboxRunning); // both keep their capacity from round to round
            m_inboxPending.store(false);
        }
        for (std::function<void()> &task : m_inboxRunning)
            task();
        m_inboxRunning.clear();
    }

    void finished(const core::Execution &exec, const rpc::HandlerResult &result)
    {
        if (m_stopping)
            return;
        m_core.handlerFinished(exec.clientId, exec.callId, result.status, result.message, result.result,
                               m_transport.now());
        notePeaks();
        m_transport.wake();
    }

private:
    void notePeaks()
    {
        ServerCounters &c = m_counters;
        c.peakPeers = std::max(c.peakPeers, m_transport.peerCount());
        c.peakInProgress = std::max(c.peakInProgress, m_core.inProgress());
        c.peakPartialMessages = std::max(c.peakPartialMessages, m_core.partialMessages());
        c.peakPartialBytes = std::max(c.peakPartialBytes, m_core.partialBytes());
        c.peakCacheBytes = std::max(c.peakCacheBytes, m_core.replyCache().bytes());
        c.peakCacheClients = std::max(c.peakCacheClients, m_core.replyCache().activeClientCount());
        c.peakIdleClients = std::max(c.peakIdleClients, m_core.replyCache().idleClientCount());
    }

    void dispatch(core::Execution exec)
    {
        if (m_stopping)
            return;
        Method &method = methodOf(exec.method);
        if (!method.handler && !method.service) {
            finished(exec, {wire::STATUS_UNKNOWN_METHOD,
                            QStringLiteral("no method '%1' on this server").arg(exec.method), {}});
            return;
        }
        m_server->m_executions.fetch_add(1);
        Placement &placement = method.placement;
        if (placement.kind == rpc::HandlerKind::Short || m_server->m_options.handlerThreads == 0) {
            ++m_inlineRuns;
            // Timed only while the placement may still be learnt.
            QElapsedTimer took;
            if (!placement.declared)
                took.start();
            const rpc::HandlerResult result = method.run(exec);
            if (!placement.declared)
                learn(placement, took.nsecsElapsed());
            finished(exec, result);
            return;
        }
        // stop() waits for the pool before deleting the engine, so the
        // engine, and the method record it keeps, outlive every handler
        // that reports back to it.
        ++m_pooledRuns;
        Engine *engine = this;
        const Method *running = &method;
        m_server->m_pool.start([engine, running, &placement, exec = std::move(exec)] {
            QElapsedTimer clock;
            clock.start();
            const rpc::HandlerResult result = running->run(exec);
            const qint64 took = clock.nsecsElapsed(); // the handler's time alone, not the way back
            engine->post([engine, &placement, took, exec, result] {
                engine->learn(placement, took);
                engine->finished(exec, result);
            });
        });
    }

    // Where a method's handler runs, and what its runs taught.
    struct Placement
    {
        rpc::HandlerKind kind = rpc::HandlerKind::Measured;
        bool declared = false; // said by the service or setHandlerKind: not learnt
        int quickOnPool = 0;   // quick runs in a row since it was sent to the pool
    };

    // A method as this server runs it, resolved on its first call: handlers
    // and the service are fixed before start(), so nothing here goes stale.
    struct Method
    {
        const Handler *handler = nullptr; // a registered handler (it wins over the service)
        std::shared_ptr<rpc::Service> service;
        Placement placement;

        rpc::HandlerResult run(const core::Execution &e) const
        {
            return handler ? (*handler)(e.args) : service->handle(e.method, e.args);
        }
    };

    // Methods remembered by name. Names come from the wire, so past this
    // many, those with no handler or kind of their own share one record
    // rather than grow the table for whoever sends made-up names.
    static constexpr std::size_t kMaxMethods = 1024;

    Method &methodOf(const QString &name)
    {
        // The core hands every call of one method the same QString, so the
        // last method asked for answers most lookups without hashing.
        if (m_lastMethod && name == m_lastMethodName)
            return *m_lastMethod;
        auto it = m_methods.find(name);
        Method *method = it == m_methods.end() ? nullptr : &it->second;
        if (!method) {
            Method m;
            if (const auto h = m_server->m_handlers.constFind(name); h != m_server->m_handlers.constEnd())
                m.handler = &h.value(); // QHash keeps its values in place while nothing is inserted
            else
                m.service = m_server->m_service;
            if (const auto kind = m_server->m_kinds.constFind(name); kind != m_server->m_kinds.constEnd())
                m.placement.kind = *kind;
            else if (m.service)
                m.placement.kind = m.service->handlerKind(name);
            m.placement.declared = m.placement.kind != rpc::HandlerKind::Measured;
            if (m_methods.size() < kMaxMethods || m.handler || m.placement.declared) {
                method = &m_methods.emplace(name, std::move(m)).first->second;
            } else {
                method = &m_otherMethods;
            }
        }
        m_lastMethodName = name;
        m_lastMethod = method; // std::unordered_map: stays put while the pool holds its placement
        return *method;
    }

    // A measured method that returned within the budget runs inline from
    // now on; one that took longer goes to the pool at once, and comes back
    // only after kQuickRunsToReturn quick runs there in a row (one run
    // stretched by the scheduler must not cost every later call a hand-off).
    static constexpr int kQuickRunsToReturn = 8;

    void learn(Placement &placement, qint64 tookNs)
    {
        if (placement.declared)
            return;
        const bool quick = tookNs <= m_server->m_options.inlineBudget.count() * 1000;
        switch (placement.kind) {
        case rpc::HandlerKind::Measured:
            placement.kind = quick ? rpc::HandlerKind::Short : rpc::HandlerKind::Long;
            break;
        case rpc::HandlerKind::Short:
            if (!quick) {
                placement.kind = rpc::HandlerKind::Long;
                placement.quickOnPool = 0;
            }
            break;
        case rpc::HandlerKind::Long:
            placement.quickOnPool = quick ? placement.quickOnPool + 1 : 0;
            if (placement.quickOnPool >= kQuickRunsToReturn)
                placement.kind = rpc::HandlerKind::Short;
            break;
        }
    }

    static core::ServerConfig coreConfig(const ServerOptions &o)
    {
        core::ServerConfig c;
        c.epoch = o.epoch;
        while (c.epoch == 0)
            c.epoch = QRandomGenerator::system()->generate();
        core::copyServerProtocol(o, c);
        // Address tokens keyed by a secret no sender can learn.
        c.tokenSecret.resize(32);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(c.tokenSecret.data()), 8);
        return c;
    }

    static net::TransportOptions transportOptions(const ServerOptions &o)
    {
        net::TransportOptions t;
        t.wireTap = o.wireTap;
        t.bindAddress = o.bindAddress;
        t.bindPort = o.port;
        t.self = core::kServerHost;
        t.acceptNewPeers = true;
        t.answerEcho = o.maxRawEchoesPerSecond > 0;
        t.maxEchoesPerSecond = o.maxRawEchoesPerSecond;
        t.maxPeers = o.limits.maxClients;
        t.maxPeersPerAddress = o.maxPeersPerAddress;
        t.peerIdle = o.peerIdle;
        t.maxDelayedBytes = o.maxDelayedBytes;
        t.key = o.key;
        t.netem = o.netem;
        t.faults = o.faults;
        t.seed = o.seed ? o.seed * 31 + 11 : QRandomGenerator::global()->generate64();
        t.readBatch = 16; // many clients: read what a burst left in one call
        t.receiveBuffer = 4 << 20; // and their windows of fragments arrive at once
        return t;
    }

    RpcServer *m_server;
    bool m_stopping = false;
    bool m_ownLoop = false; // set once in bind()
    bool m_quit = false;    // the network thread's alone
    net::Waker m_waker;
    std::mutex m_inboxMutex;
    std::vector<std::function<void()>> m_inbox;
    std::vector<std::function<void()>> m_inboxRunning; // the network thread's: the tasks of this round
    std::atomic<bool> m_inboxPending{false};           // m_inbox holds something
    std::unordered_map<QString, Method> m_methods; // touched on this thread only
    QString m_lastMethodName;
    Method *m_lastMethod = nullptr;
    Method m_otherMethods; // every name past kMaxMethods
    std::uint64_t m_inlineRuns = 0;
    std::uint64_t m_pooledRuns = 0;
    ServerCounters m_counters;
    core::ServerCore m_core;
    net::UdpTransport m_transport;
};

RpcServer::RpcServer(ServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    m_ownClock.start();
    m_pool.setMaxThreadCount(std::max(1, m_options.handlerThreads));
    m_pool.setExpiryTimeout(-1); // idle handler threads stay: starting one costs a call's latency
    m_thread = std::make_unique<NetworkThread>();
    m_thread->setObjectName(QStringLiteral("rpcscope-server"));
}

RpcServer::~RpcServer()
{
    stop();
}

void RpcServer::registerHandler(const QString &method, Handler handler, rpc::HandlerKind kind)
{
    Q_ASSERT_X(!m_engine, "RpcServer::registerHandler", "register handlers before start()");
    m_handlers.insert(method, std::move(handler));
    setHandlerKind(method, kind);
}

void RpcServer::setHandlerKind(const QString &method, rpc::HandlerKind kind)
{
    Q_ASSERT_X(!m_engine, "RpcServer::setHandlerKind", "say where handlers run before start()");
    if (kind == rpc::HandlerKind::Measured)
        m_kinds.remove(method);
    else
        m_kinds.insert(method, kind);
}

void RpcServer::setService(std::shared_ptr<rpc::Service> service)
{
    Q_ASSERT_X(!m_engine, "RpcServer::setService", "set the service before start()");
    m_service = std::move(service);
}

bool RpcServer::start(QString *error)
{
    if (m_engine)
        return true;
    auto engine = std::make_unique<Engine>(this, m_options, m_options.clock ? m_options.clock : &m_ownClock);
    if (!engine->bind(error))
        return false;
    m_address = engine->transport().localAddress();
    m_port = engine->transport().localPort();
    m_epoch = engine->epoch();
    m_thread->body = engine->body();
    // Qt's event loop delivers to objects of its thread; the own loop needs
    // no events, and leaves the engine here to be deleted by stop().
    if (!engine->hasOwnLoop())
        engine->moveToThread(m_thread.get());
    m_thread->start();
    // Out of threads: nothing would ever answer.
    if (!m_thread->isRunning()) {
        if (error)
            *error = QStringLiteral("cannot start the server's network thread (the system has no more threads)");
        return false;
    }
    m_engine = engine.release();
    if (!m_engine->hasOwnLoop())
        m_engine->run([engine = m_engine] { engine->listen(); });
    return true;
}

void RpcServer::stop()
{
    if (!m_engine)
        return;
    Engine *engine = m_engine;
    m_engine = nullptr;
    // First no new handlers, then wait for the running ones, then delete:
    // a handler reports back to the engine, which must outlive it.
    engine->run([this, engine] {
        engine->shutDown();
        m_finalCounters = engine->counters();
        engine->quitLoop();
    });
    m_pool.waitForDone();
    if (engine->hasOwnLoop()) {
        m_thread->wait(); // its loop ended with the shutdown
        delete engine;
    } else {
        QMetaObject::invokeMethod(engine, [engine] { delete engine; }, Qt::BlockingQueuedConnection);
        m_thread->quit();
        m_thread->wait();
    }
}

ServerCounters RpcServer::counters() const
{
    Engine *engine = m_engine;
    if (!engine)
        return m_finalCounters;
    ServerCounters c;
    engine->run([&c, engine] { c = engine->counters(); });
    return c;
}

void RpcServer::nameClient(const QHostAddress &address, quint16 port, core::HostId host)
{
    if (Engine *engine = m_engine)
        engine->run([engine, address, port, host] { engine->transport().addPeer(address, port, host); });
}

QList<PeerAddress> RpcServer::peers() const
{
    Engine *engine = m_engine;
    if (!engine)
        return {};
    // The table belongs to the network thread. On that thread itself (a
    // handler run inline), read it directly: a blocking call to the
    // thread one is on would wait forever.
    if (QThread::currentThread() == m_thread.get())
        return engine->peers();
    QList<PeerAddress> peers;
    engine->run([&peers, engine] { peers = engine->peers(); });
    return peers;
}

void RpcServer::setNetem(const netem::NetemConfig &netem)
{
    m_options.netem = netem;
    if (Engine *engine = m_engine)
        engine->post([engine, netem] { engine->transport().setNetem(netem); });
}

} // namespace rpcscope::rpc
